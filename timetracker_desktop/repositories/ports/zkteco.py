"""Storage port of ZKTeco PUSH/ADMS devices: devices, command queues, quarantined lines, device user lists."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from timetracker_desktop.domain.zkteco import DeviceInfo

if TYPE_CHECKING:  # ports.py imports this module
    from timetracker_desktop.repositories.ports.storage import UnassignedPunch


class DeviceState(StrEnum):
    """Whether a device's uploads are accepted."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class CommandState(StrEnum):
    """Life of a queued command."""

    QUEUED = "queued"
    SENT = "sent"
    DONE = "done"
    FAILED = "failed"
    TIMED_OUT = "timed_out"


class StampTable(StrEnum):
    """Tables whose upload position (``Stamp``) is kept per device."""

    ATTLOG = "ATTLOG"
    OPERLOG = "OPERLOG"


@dataclass(frozen=True, slots=True)
class AdmsDevice:
    """A device known by serial number."""

    id: int
    serial: str
    state: DeviceState
    first_seen_at: datetime
    last_seen_at: datetime
    terminal_id: int | None = None
    last_ip: str | None = None
    approved_ip: str | None = None
    push_version: str | None = None
    firmware: str | None = None
    reported_ip: str | None = None
    user_count: int | None = None
    fingerprint_count: int | None = None
    attlog_count: int | None = None
    info_at: datetime | None = None
    attlog_stamp: str | None = None
    operlog_stamp: str | None = None
    decided_at: datetime | None = None
    comm_key_hash: str | None = None
    moved_ip: str | None = None
    moved_key_hash: str | None = None
    moved_at: datetime | None = None

    @property
    def ip_changed(self) -> bool:
        """The serial number called from another address than the approved one (refused until re-approved)."""
        return self.moved_ip is not None

    @property
    def needs_reapproval(self) -> bool:
        """Another address or comm key was presented: the device is refused until a manager re-approves it."""
        return self.moved_ip is not None or self.moved_key_hash is not None


@dataclass(frozen=True, slots=True)
class AdmsCommand:
    """A command of a device's queue with what the device reported."""

    id: int
    device_id: int
    command_id: str
    command: str
    state: CommandState
    queued_at: datetime
    queued_by: str
    sent_at: datetime | None = None
    done_at: datetime | None = None
    return_code: int | None = None
    result: str | None = None


@dataclass(frozen=True, slots=True)
class CommandClosing:
    """A device's report of one command: its id, return code and any content."""

    command_id: str
    state: CommandState
    return_code: int | None
    result: str | None


@dataclass(frozen=True, slots=True)
class PinHolder:
    """What a PIN resolves to: its active badge, else its latest revoked one."""

    pin: str
    badge_id: int
    employee_id: int
    badge_active: bool
    employee_active: bool


@dataclass(frozen=True, slots=True)
class QuarantinedLine:
    """An uploaded line that could not be parsed."""

    table: str
    raw: str
    reason: str
    line_hash: str
    received_at: datetime


@dataclass(frozen=True, slots=True)
class DeviceUser:
    """A user as the device lists it (no password, no biometrics)."""

    pin: str
    name: str | None = None
    card: str | None = None
    privilege: str | None = None


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """An active employee with an active PIN badge, as uploaded to devices."""

    pin: str
    employee_id: int
    name: str


class AdmsRepository(Protocol):
    """ADMS devices and their queues."""

    def by_serial(self, serial: str) -> AdmsDevice | None: ...
    def get(self, device_id: int) -> AdmsDevice | None: ...
    def for_terminal(self, terminal_id: int) -> AdmsDevice | None: ...
    def list_devices(self, state: DeviceState | None = None) -> list[AdmsDevice]: ...
    def count(self, state: DeviceState) -> int: ...
    def add(self, serial: str, now: datetime, ip: str | None) -> AdmsDevice: ...
    def seen(
        self, device_id: int, now: datetime, ip: str | None, push_version: str | None = None
    ) -> None: ...
    def set_info(self, device_id: int, info: DeviceInfo, now: datetime) -> None: ...
    def decide(
        self, device_id: int, state: DeviceState, terminal_id: int | None, now: datetime, ip: str | None
    ) -> None: ...
    def set_stamp(self, device_id: int, table: StampTable, stamp: str | None) -> None: ...
    def pending_from(self, ip: str | None) -> int: ...
    def forget_pending(self, seen_before: datetime) -> int: ...
    def set_comm_key(self, device_id: int, key_hash: str | None) -> None: ...
    def mark_moved(self, device_id: int, ip: str | None, key_hash: str | None, now: datetime) -> None: ...
    def repin(self, device_id: int, ip: str | None, key_hash: str | None, now: datetime) -> None: ...
    def open_command_ids(self, device_id: int) -> set[str]: ...
    def pin_holders(self, pins: Sequence[str]) -> dict[str, PinHolder]: ...
    def roster(self) -> list[RosterEntry]: ...
    def existing_punch_keys(self, terminal_id: int, keys: Sequence[str]) -> set[str]: ...
    def existing_queue_keys(self, terminal_id: int, keys: Sequence[str]) -> set[str]: ...
    def terminal_punch_times(
        self, employee_ids: Sequence[int], start: datetime, end: datetime
    ) -> dict[int, list[datetime]]: ...
    def add_queue_items(self, items: Sequence["UnassignedPunch"]) -> None: ...
    def quarantine(self, device_id: int, lines: Sequence[QuarantinedLine]) -> int: ...
    def quarantined(self, device_id: int, limit: int = 200) -> list[QuarantinedLine]: ...
    def put_users(self, device_id: int, users: Sequence[DeviceUser], now: datetime) -> None: ...
    def users(self, device_id: int) -> list[DeviceUser]: ...
    def lock(self, device_id: int) -> None:
        """Hold the device until the unit of work ends: one process at a time hands out its commands."""
        ...

    def add_command(
        self, device_id: int, command: str, now: datetime, by: str, by_user_id: int | None
    ) -> AdmsCommand: ...
    def commands(self, device_id: int, limit: int = 200) -> list[AdmsCommand]: ...
    def queued(self, device_id: int, limit: int = 50) -> list[AdmsCommand]: ...
    def mark_sent(self, command_ids: Sequence[int], now: datetime) -> None: ...
    def expire(self, device_id: int, sent_before: datetime, now: datetime) -> int: ...
    def close(self, device_id: int, closing: CommandClosing, now: datetime) -> bool: ...
