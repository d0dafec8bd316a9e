"""The File menu: log out (hand the PC to another user) and quit."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.quitting import quit_application


class SessionMenu(QObject):
    """Adds "File" to the window's menu bar with "Log out / switch user" and "Quit".

    A viewer and an admin sharing the office PC used to have to quit the program to change hands, which also
    stopped the terminal listener. Logging out keeps the program (and its listener) running.

    Signals:
        log_out_requested(): the user chose to log out; the shell closes the window and asks for a login.
    """

    log_out_requested = Signal()

    def __init__(self, window: QMainWindow, context: GuiContext) -> None:
        super().__init__(window)
        menu = window.menuBar().addMenu(self.tr("&File"))
        menu.setObjectName("fileMenu")
        self.menu = menu
        self.log_out_action = QAction(
            self.tr("Log out / switch user ({0})...").format(context.user.username), menu
        )
        self.log_out_action.setObjectName("logOut")
        self.log_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.quit_action = QAction(self.tr("Quit"), menu)
        self.quit_action.setObjectName("quitApp")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Windows has no standard Quit key
        menu.addAction(self.log_out_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.log_out_action.triggered.connect(self.log_out_requested)
        self.quit_action.triggered.connect(quit_application)
