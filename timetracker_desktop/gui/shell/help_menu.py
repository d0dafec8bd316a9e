"""The Help menu: copy diagnostics for support, open the log folder, and the About box with versions."""

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

from timetracker_desktop import __version__
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.listener.control import ListenerControl
from timetracker_desktop.logging_setup import process_log_files
from timetracker_desktop.paths import log_dir
from timetracker_desktop.services.diagnostics import Diagnostics, ListenerState

MESSAGE_MS = 8000


def _log_files() -> tuple[Path, ...]:
    return process_log_files(log_dir())  # log_dir creates the folder: call it off the GUI thread


def listener_state(control: ListenerControl | None) -> ListenerState | None:
    """What diagnostics say of this program's terminal listener (None: this process runs none)."""
    if control is None or not control.available:
        return None
    error = f"{type(control.error).__name__}: {control.error}" if control.error is not None else None
    return ListenerState(control.running, control.host or None, control.port or None, error)


class HelpMenu(QObject):
    """Adds "Help" to the window's menu bar; slow parts (database, files) run through the task runner.

    Signals:
        (none besides QObject's)
    """

    def __init__(self, window: QMainWindow, context: GuiContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self.dialog: QMessageBox | None = None
        menu = window.menuBar().addMenu(self.tr("&Help"))
        menu.setObjectName("helpMenu")
        self.copy_action = QAction(self.tr("Copy diagnostics"), menu)
        self.copy_action.setObjectName("copyDiagnostics")
        self.copy_action.setEnabled(context.services.diagnostics is not None)
        self.logs_action = QAction(self.tr("Open log folder"), menu)
        self.logs_action.setObjectName("openLogFolder")
        self.about_action = QAction(self.tr("About TimeTracker Desktop"), menu)
        self.about_action.setObjectName("aboutApp")
        for action in (self.copy_action, self.logs_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.about_action)
        self.copy_action.triggered.connect(self.copy_diagnostics)
        self.logs_action.triggered.connect(self.open_log_folder)
        self.about_action.triggered.connect(self.show_about)

    def copy_diagnostics(self) -> None:
        """Collect versions, database, reader and recent errors in the background, then copy them."""
        service = self._context.services.diagnostics
        if service is None:
            return
        reader = self._context.reader.support_text() if self._context.reader is not None else None
        label = self._context.database_label
        listener = listener_state(self._context.listener)  # read here: its fields belong to the GUI thread

        def collect() -> Diagnostics:
            return service.collect(label, log_files=_log_files(), listener=listener, reader=reader)

        self._context.runner.run(collect, self._on_collected, self._on_failed)

    def _on_collected(self, diagnostics: Diagnostics) -> None:
        QGuiApplication.clipboard().setText(diagnostics.as_text())
        self._say(self.tr("Diagnostics copied to the clipboard: paste them into your message to support."))

    def open_log_folder(self) -> None:
        """Show the folder of the rotating log file in the file manager."""
        self._context.runner.run(log_dir, self._on_log_folder_known, self._on_failed)

    def _on_log_folder_known(self, folder: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._say(self.tr("The log folder is {0}").format(folder))

    def show_about(self) -> None:
        """Program, Python and Qt versions and the database in use."""
        text = self.tr(
            "<b>TimeTracker Desktop {0}</b><br>Office time and attendance.<br><br>"
            "Python {1}, Qt {2}, PySide6 {3}<br>Database: {4}"
        ).format(
            __version__, platform.python_version(), qVersion(), pyside_version, self._context.database_label
        )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About TimeTracker Desktop"), text,
                          QMessageBox.StandardButton.Close, self._window)  # fmt: skip
        box.setObjectName("aboutBox")
        self.dialog = box
        box.open()

    def _on_failed(self, error: BaseException) -> None:
        self._say(message_for(error))

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, MESSAGE_MS)
