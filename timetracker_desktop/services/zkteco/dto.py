"""What the ADMS services hand out: refusals, upload outcomes, device views for the CLI and GUI."""

from dataclasses import astuple, dataclass
from enum import StrEnum

from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.repositories.ports.zkteco import (
    AdmsCommand,
    AdmsDevice,
    DeviceUser,
    QuarantinedLine,
)

MAX_PENDING_DEVICES = 50
MAX_PENDING_PER_ADDRESS = 3  # one address is one device on a LAN; a few spare for a device swap
PENDING_EXPIRY_SECONDS = (
    3600  # a pending device polls every Delay (10 s); silent for an hour, it is forgotten
)
BATCH_LINES = 1000  # lines stored per transaction (~70 ms): a card scan waits for one batch at most
MAX_LINES_PER_REQUEST = 5000  # firmware posts a few hundred at most; more is no device (413, nothing stored)
POLL_DELAY_SECONDS = 10  # ``Delay=`` of the handshake reply
ONLINE_SECONDS = 3 * POLL_DELAY_SECONDS
COMMAND_TIMEOUT_SECONDS = 600


class Refusal(StrEnum):
    """Why a device's request is refused with 403 (the device keeps its punches and retries later)."""

    PENDING_APPROVAL = "pending_approval"
    REJECTED = "device_rejected"
    TERMINAL_DISABLED = "terminal_disabled"
    TOO_MANY_PENDING = "too_many_pending"
    ADDRESS_CHANGED = "address_changed"
    COMM_KEY_CHANGED = "comm_key_changed"


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

    def plus(self, other: "UploadOutcome") -> "UploadOutcome":
        """Both batches' counts together."""
        return UploadOutcome(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


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
