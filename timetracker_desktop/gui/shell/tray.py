"""The notification-area icon: the listener's state in its icon and tooltip; "Open" and "Quit"."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from timetracker_desktop.gui.listener.control import ListenerControl

LISTENING_ICON = ":/icons/app.svg"
NOT_LISTENING_ICON = ":/icons/offline.svg"


def tray_available() -> bool:
    """The desktop has a notification area (Windows always; Linux desktops mostly; never offscreen)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class ListenerTray(QObject):
    """A tray icon that tells whether terminals are heard; double-click or "Open" shows the window.

    Args:
        listener: the program's listener (None in tests of other parts: "stopped").
        parent: the window whose menu owns the icon's menu.

    Signals:
        open_requested(): "Open", a click or a double-click on the icon.
        quit_requested(): "Quit" in the icon's menu.
    """

    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, listener: ListenerControl | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._listener = listener
        self.icon = QSystemTrayIcon(QIcon(LISTENING_ICON), self)
        self.menu = QMenu(parent)
        self.open_action = QAction(self.tr("Open"), self.menu)
        self.open_action.setObjectName("trayOpen")
        self.open_action.triggered.connect(self.open_requested)
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        self.quit_action.setObjectName("trayQuit")
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.menu.setDefaultAction(self.open_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        if listener is not None:
            listener.state_changed.connect(self.update_state)
        self.update_state()
        self.told_once = False

    @property
    def tooltip(self) -> str:
        """What hovering over the icon says."""
        return self.icon.toolTip()

    def update_state(self) -> None:
        """Icon and tooltip from the listener's state: listening on port N, starting, stopped or failed."""
        listener = self._listener
        if listener is None or not listener.available:
            state = self.tr("the terminal listener is not running in this program")
        elif listener.running:
            state = self.tr("listening for terminals on port {0}").format(listener.port)
        elif listener.starting:
            state = self.tr("starting the terminal listener...")
        elif listener.error is None:
            state = self.tr("the terminal listener is stopped")
        else:
            state = self.tr("the terminal listener failed: {0}").format(listener.describe())
        listening = listener is not None and listener.running
        self.icon.setIcon(QIcon(LISTENING_ICON if listening else NOT_LISTENING_ICON))
        self.icon.setToolTip(self.tr("TimeTracker Desktop: {0}").format(state))

    def show(self) -> None:
        """Put the icon into the notification area."""
        self.icon.show()

    def hide(self) -> None:
        """Take the icon away."""
        self.icon.hide()

    def tell_still_running(self) -> None:
        """Once per run: a balloon that the program goes on listening here (the window was closed)."""
        if self.told_once:
            return
        self.told_once = True
        self.icon.showMessage(
            self.tr("TimeTracker Desktop keeps listening"),
            self.tr("Terminals' taps are still recorded. Double-click this icon to open the window."),
            QSystemTrayIcon.MessageIcon.Information,
            5000,
        )

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()
