"""What every page gets: the services, the logged-in user, the task runner, settings and bridges."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from timetracker_desktop.domain.users import Actor, Permission, User
from timetracker_desktop.gui.kit.reader_bridge import DeskReaderBridge
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.gui.listener.bridges import ScanBridge
from timetracker_desktop.gui.listener.control import ListenerControl
from timetracker_desktop.gui.shell.gateway import DatabaseGateway
from timetracker_desktop.services.attendance.live_feed import LiveFeedService
from timetracker_desktop.services.attendance.presence import PresenceService, PresenceSummary
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.database_care.health import Alert
from timetracker_desktop.services.terminals.overview import TerminalOverviewService

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class GuiContext:
    """Shared by the main window and its pages; built once after login.

    ``own_listener_running`` tells the Today view whether scans arrive through ``scan_bridge``
    (no polling) or must be polled by last id (the listener runs in another process, or ours failed).
    """

    services: Services
    user: User
    runner: TaskRunner
    ui_settings: UiSettings
    database_label: str
    scan_bridge: ScanBridge
    gateway: DatabaseGateway | None = None
    reader: DeskReaderBridge | None = None  # the USB desk reader; None: none wired (tests)
    listener: ListenerControl | None = None  # the app's own terminal listener; None: none wired (tests)
    presence: PresenceService = field(init=False)
    live_feed: LiveFeedService = field(init=False)
    terminal_overview: TerminalOverviewService = field(init=False)

    def __post_init__(self) -> None:
        services = self.services
        object.__setattr__(self, "presence", PresenceService(services.uow, services.clock, services.worktime))
        object.__setattr__(self, "live_feed", LiveFeedService(services.uow, services.clock))
        # One source for the status bar and the Terminals page, so they never disagree («0 з 0» beside
        # «0 з 1»). Seen by a listener on a thread of ours but not flushed yet counts too (the listener
        # process flushes every second): a terminal shows online with its first tap.
        overview = TerminalOverviewService(
            services.uow, services.clock, services.terminal_health.unflushed_last_seen
        )
        object.__setattr__(self, "terminal_overview", overview)

    def board_today(self) -> PresenceSummary:
        """Today's board, worked out in our listener process while it runs, else here (worker thread).

        The board pairs the whole day of every employee: tens of milliseconds of Python that, in this
        process, would hold the GIL the GUI thread needs, just when taps pour in.
        """
        source = self.listener.board_source() if self.listener is not None else None
        if source is not None:
            try:
                summary = source.presence_today()
            except RuntimeError as error:  # it died or stalled: work it out here, errors included
                log.warning("the listener process did not give the Today board: %s", error)
            else:
                if isinstance(summary, PresenceSummary):
                    return summary
        return self.presence.today()

    def health_check(self) -> Callable[[], list[Alert]]:
        """The alerts as work for a worker thread; our listener's state is read here, on the GUI thread
        (it failed: an alert; never started on purpose: none)."""
        health, listener = self.services.health, self.listener
        failed = (
            listener is not None
            and listener.available
            and listener.error is not None
            and not (listener.running or listener.starting)
        )
        error = str(listener.error) if failed and listener is not None else ""

        def check() -> list[Alert]:
            if health is None:
                return []
            return health.alerts(listener_running=False if failed else None, listener_error=error)

        return check

    @property
    def own_listener_running(self) -> bool:
        """Our own listener is serving now, so every stored scan is announced on ``scan_bridge``."""
        return self.listener is not None and self.listener.running

    @property
    def actor(self) -> Actor:
        """The logged-in user as the actor of use cases."""
        return Actor.of_user(self.user)

    def can(self, permission: Permission) -> bool:
        """Whether the user's role allows an action (services check it again)."""
        return self.user.can(permission)
