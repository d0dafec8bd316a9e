"""What every page gets: the services, the logged-in user, the task runner, settings and bridges."""

from dataclasses import dataclass, field

from timetracker_desktop.domain.users import Actor, Permission, User
from timetracker_desktop.gui.bridges import ScanBridge
from timetracker_desktop.gui.gateway import DatabaseGateway
from timetracker_desktop.gui.listener_control import ListenerControl
from timetracker_desktop.gui.reader_bridge import DeskReaderBridge
from timetracker_desktop.gui.settings import UiSettings
from timetracker_desktop.gui.tasks import TaskRunner
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.live_feed import LiveFeedService
from timetracker_desktop.services.presence import PresenceService


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

    def __post_init__(self) -> None:
        services = self.services
        object.__setattr__(self, "presence", PresenceService(services.uow, services.clock, services.worktime))
        object.__setattr__(self, "live_feed", LiveFeedService(services.uow, services.clock))

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
