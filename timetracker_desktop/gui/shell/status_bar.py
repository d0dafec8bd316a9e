"""The status bar: health, database, listener, terminals online, desk reader, and a busy indicator."""

from pathlib import PurePath

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressBar, QStatusBar, QWidget

from timetracker_desktop.credentials import is_server_url, parse_server_url
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.status_field import StatusField
from timetracker_desktop.gui.kit.vocabulary import alert_sentence
from timetracker_desktop.gui.listener.firewall_offer import FirewallOffer
from timetracker_desktop.services.database_care.health import Alert
from timetracker_desktop.services.terminals.overview import TerminalOverview

REFRESH_MS = 30_000
FIELD_PX = 300  # the widest a field may ask to be: four of them and the busy bar fit a 1280 px window
AFTER_TAP_MS = 2_000
HEALTH_REFRESH_MS = 5 * 60_000  # the alerts: a few indexed reads and two disk queries
HEALTH_PX = 200


def short_database_label(label: str) -> str:
    """The database file's name, or ``database @ host``: the full path took the room of status messages
    («Діагностику скопійова…») and widened the window; the tooltip keeps the whole of it."""
    if is_server_url(label):
        server = parse_server_url(label)[0]
        return f"{server.database} @ {server.host}"
    return PurePath(label.removeprefix("sqlite:///")).name or label


class MainStatusBar(QStatusBar):
    """Permanent fields kept current in the background.

    Signals:
        (none besides QStatusBar's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainStatusBar")
        self._context = context
        self._overview = context.terminal_overview
        self.database = StatusField(FIELD_PX)
        self.database.setText(self.tr("Database: {0}").format(short_database_label(context.database_label)))
        self.database.setToolTip(context.database_label)
        self.database.setObjectName("statusDatabase")
        self.listener = StatusField(FIELD_PX)
        self.listener.setObjectName("statusListener")
        self.terminals = StatusField(FIELD_PX)
        self.terminals.setText(self.tr("Terminals online: ..."))
        self.terminals.setObjectName("statusTerminals")
        self.reader = StatusField(FIELD_PX)
        self.reader.setText(self.tr("Desk reader: {0}").format(self.tr("no reader connected")))
        self.reader.setObjectName("statusReader")
        self.health = StatusField(HEALTH_PX)
        self.health.setObjectName("statusHealth")
        self.health.setText(self.tr("Health: ..."))
        self.busy = QProgressBar()
        self.busy.setObjectName("statusBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(80)
        self.busy.setMaximumHeight(14)
        self.busy.setVisible(False)
        self.set_listener_state(self.tr("not started"))
        self.firewall = FirewallOffer(context.runner)  # left of the fields; shown only when it matters
        self.addWidget(self.firewall)
        self._firewall_address: tuple[str, int] | None = None  # last checked while the listener runs
        for widget in (self.health, self.database, self.listener, self.terminals, self.reader):
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.busy)
        self._start_timers()
        self.refresh()
        self.refresh_health()
        if context.reader is not None:
            context.reader.state_changed.connect(self._on_reader_state_changed)
            self._on_reader_state_changed()
        if context.listener is not None:
            context.listener.state_changed.connect(self._on_listener_state_changed)
            self._on_listener_state_changed()

    def _start_timers(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.after_tap_timer = QTimer(self)  # a burst of taps refreshes the count once
        self.after_tap_timer.setSingleShot(True)
        self.after_tap_timer.setInterval(AFTER_TAP_MS)
        self.after_tap_timer.timeout.connect(self.refresh)
        self._context.scan_bridge.scan_committed.connect(self._on_scan_committed)
        self.health_timer = QTimer(self)
        self.health_timer.setInterval(HEALTH_REFRESH_MS)
        self.health_timer.timeout.connect(self.refresh_health)
        self.health_timer.start()

    def set_listener_state(self, state: str, host: str | None = None, port: int | None = None) -> None:
        """Show the listener's address (default: the one in the settings) and state."""
        settings = self._context.ui_settings
        self.listener.setText(
            self.tr("Listener {0}:{1}: {2}").format(
                host or settings.listener_host, port or settings.listener_port, state
            )
        )

    def _on_listener_state_changed(self) -> None:
        listener = self._context.listener
        if listener is None or not listener.available:
            return
        self.set_listener_state(listener.describe(), listener.host, listener.port)
        self.listener.setToolTip(listener.explain())
        if not listener.starting:
            self.refresh_health()  # it failed, or runs again
        if listener.running:
            self.refresh()
            if (listener.host, listener.port) != self._firewall_address:  # each new address (Windows)
                self._firewall_address = (listener.host, listener.port)
                self.firewall.check(listener.port, listener.host)
        elif not listener.starting:
            self._firewall_address = None
            self.firewall.withdraw()

    def set_reader_state(self, state: str) -> None:
        """Show the desk reader's state."""
        self.reader.setText(self.tr("Desk reader: {0}").format(state))

    def _on_reader_state_changed(self) -> None:
        if self._context.reader is not None:
            self.set_reader_state(self._context.reader.describe())
            self.reader.setToolTip(self._context.reader.explain())

    def _on_scan_committed(self, _notice: object) -> None:
        if not self.after_tap_timer.isActive():
            self.after_tap_timer.start()

    def set_busy(self, busy: bool) -> None:
        """Show or hide the busy indicator."""
        self.busy.setVisible(busy)

    def refresh(self) -> None:
        """Count terminals online in the background."""
        self._context.runner.run(self._overview.overview, self._on_overview_loaded, self._on_overview_failed)

    def show_terminals(self, overview: TerminalOverview) -> None:
        """Show the count the Terminals page just loaded (after an add or a deactivation, at once)."""
        self._on_overview_loaded(overview)

    def _on_overview_loaded(self, overview: TerminalOverview) -> None:
        self.terminals.setText(
            self.tr("Terminals online: {0} of {1}").format(overview.online, overview.active)
        )

    def _on_overview_failed(self, _error: BaseException) -> None:
        self.terminals.setText(self.tr("Terminals online: unknown (database unavailable)"))

    def refresh_health(self) -> None:
        """Run the alerts' checks in the background."""
        self._context.runner.run(self._context.health_check(), self.show_health, self._on_health_failed)

    def show_health(self, alerts: list[Alert]) -> None:
        """«All good», or how many alerts need attention, each in words in the tooltip."""
        if not alerts:
            self.health.setText(self.tr("All good"))
            self.health.setToolTip(
                self.tr("Backups, disk space, database checks and terminals are in order.")
            )
            return
        self.health.setText(self.tr("%n need(s) attention", "", len(alerts)))
        self.health.setToolTip("\n\n".join(alert_sentence(a) for a in alerts))

    def _on_health_failed(self, _error: BaseException) -> None:
        self.health.setText(self.tr("Health: unknown (database unavailable)"))
        self.health.setToolTip("")
