"""What the ADMS services hand out: refusals, upload outcomes, device views for the CLI and GUI."""

from dataclasses import dataclass
from enum import StrEnum

from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.repositories.ports.zkteco import (
    AdmsCommand,
    AdmsDevice,
    DeviceUser,
    QuarantinedLine,
)

MAX_PENDING_DEVICES = 50
POLL_DELAY_SECONDS = 10  # ``Delay=`` of the handshake reply
ONLINE_SECONDS = 3 * POLL_DELAY_SECONDS
COMMAND_TIMEOUT_SECONDS = 600


class Refusal(StrEnum):
    """Why a device's request is refused with 403 (the device keeps its punches and retries later)."""

    PENDING_APPROVAL = "pending_approval"
    REJECTED = "device_rejected"
    TERMINAL_DISABLED = "terminal_disabled"
    TOO_MANY_PENDING = "too_many_pending"


class DeviceRefusedError(Exception):
    """A device request the listener answers with 403."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


class DeviceCommand(StrEnum):
    """Manager actions that queue device commands."""

    SET_TIME = "set_time"
    REBOOT = "reboot"
    CLEAR_LOGS = "clear_logs"
    UPLOAD_USERS = "upload_users"
    INFO = "info"
    VERIFY_LOGS = "verify_logs"


@dataclass(frozen=True, slots=True)
class DeviceCall:
    """Who is calling: the ``SN`` query value and the source address."""

    serial: str
    ip: str | None = None


@dataclass(frozen=True, slots=True)
class UploadOutcome:
    """What one ATTLOG upload did; ``lines`` is what ``OK: <n>`` acknowledges."""

    lines: int
    stored: int = 0
    duplicates: int = 0
    queued: int = 0
    quarantined: int = 0
    double_taps: int = 0


@dataclass(frozen=True, slots=True)
class DeviceView:
    """A device for lists: its terminal (when approved), online state and open commands."""

    device: AdmsDevice
    terminal: Terminal | None
    online: bool
    open_commands: int


@dataclass(frozen=True, slots=True)
class DeviceDetail:
    """Everything the Terminals view shows of one device."""

    view: DeviceView
    commands: tuple[AdmsCommand, ...]
    users: tuple[DeviceUser, ...]
    quarantined: tuple[QuarantinedLine, ...]
