"""Storage ports: the protocols services program against, and the one storage error they see."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import TracebackType
from typing import Protocol, Self

from timetracker_desktop.domain.attendance import (
    Correction,
    CorrectionKind,
    Direction,
    Punch,
    PunchCore,
    PunchFlag,
    PunchSource,
)
from timetracker_desktop.domain.audit import AuditEntry
from timetracker_desktop.domain.employees import Badge, BadgeKind, Employee, KeyState, Position
from timetracker_desktop.domain.schedules import Holiday, ScheduleCell, ScheduleCode, ScheduleTemplate
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.domain.users import Role, User
from timetracker_desktop.repositories.ports.absences import AbsenceRepository
from timetracker_desktop.repositories.ports.closed_months import ClosedMonthRepository
from timetracker_desktop.repositories.ports.leases import LeaseRepository
from timetracker_desktop.repositories.ports.legacy import LegacyIdRepository
from timetracker_desktop.repositories.ports.zkteco import AdmsRepository


class StorageCause(StrEnum):
    """Why the database is unavailable, in plain English words (logs, the CLI, the listener's 503 detail).

    Members equal the words stored before they were an enum; the GUI gives each a translated sentence.
    """

    ACCESS_DENIED_DATABASE = "access denied to the database"
    ACCESS_DENIED_LOGIN = "access denied (wrong user name or password)"
    NO_DATABASE = "the database does not exist"
    MISSING_TABLE_RIGHTS = "missing rights on a table"
    LOCK_WAIT_TIMEOUT = "lock wait timeout"
    DEADLOCK = "deadlock"
    SERVER_UNREACHABLE = "database server unreachable"
    CONNECTION_LOST = "connection to the database server lost"
    TIMED_OUT = "the database server did not answer in time"
    POOL_EXHAUSTED = "no free database connection (the database is slow to answer)"
    WAITED_TOO_LONG = "the database did not answer in time"
    ABANDONED = "the request waited too long for the database"
    FILE_LOCKED = "database is locked by another program"
    CANNOT_OPEN_FILE = "cannot open the database file"
    DISK_IO_ERROR = "disk I/O error"
    READ_ONLY_FILE = "the database file is read-only"
    NOT_A_DATABASE = "the file is not a database"
    NOT_MIGRATED = "the database is not migrated"
    DISK_FULL = "disk is full"
    NOT_LEGACY_DATABASE = "not a legacy TimeTracker database"
    OTHER = "database error"


class StorageUnavailableError(Exception):
    """The database cannot be reached or refused the operation for an environmental reason.

    ``cause`` names it (server unreachable, access denied, database is locked...).
    ``transient``: the server gave up on this transaction only (deadlock, lock wait timeout); running the
    whole use case again may succeed.
    """

    def __init__(self, cause: StorageCause, *, detail: str = "", transient: bool = False) -> None:
        super().__init__(cause if not detail else f"{cause}: {detail}")
        self.cause = cause
        self.detail = detail
        self.transient = transient


class IntegrityConflictError(Exception):
    """A uniqueness or reference rule of the schema was violated (a race the service did not foresee)."""


@dataclass(frozen=True, slots=True)
class NewPunch:
    """A punch to insert."""

    employee_id: int
    at: datetime
    direction: Direction
    source: PunchSource
    created_at: datetime
    terminal_id: int | None = None
    badge_id: int | None = None
    received_at: datetime | None = None
    terminal_ts: datetime | None = None
    flags: frozenset[PunchFlag] = field(default_factory=frozenset)
    external_key: str | None = None
    author_user_id: int | None = None
    reason: str | None = None
    challenge: str | None = None
    signature: str | None = None
    legacy_direction: str | None = None
    unassigned_id: int | None = None


@dataclass(frozen=True, slots=True)
class NewCorrection:
    """A correction to insert."""

    kind: CorrectionKind
    employee_id: int
    author_user_id: int | None
    reason: str
    created_at: datetime
    punch_id: int | None = None
    target_correction_id: int | None = None
    direction: Direction | None = None


@dataclass(frozen=True, slots=True)
class UnassignedPunch:
    """A queued read that resolved to nobody."""

    id: int
    terminal_id: int | None
    kind: BadgeKind
    raw_value: str
    canonical_value: str | None
    at: datetime
    received_at: datetime
    reason: str
    state: str = "open"
    employee_id: int | None = None
    terminal_ts: datetime | None = None
    external_key: str | None = None
    resolved_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PunchLine:
    """One row of the event log: a punch with display names joined."""

    id: int
    at: datetime
    employee_id: int
    employee_name: str
    direction: Direction
    source: PunchSource
    terminal_id: int | None
    terminal_name: str | None
    flags: frozenset[PunchFlag]
    reason: str | None
    voided: bool = False
    void_reason: str | None = None  # why it was voided (the void correction in force)


@dataclass(frozen=True, slots=True)
class PunchQuery:
    """Filter of the event log: a UTC half-open range and optional employee/terminal."""

    start: datetime
    end: datetime
    employee_id: int | None = None
    terminal_id: int | None = None


@dataclass(frozen=True, slots=True)
class ScanReceipt:
    """The stored first reply to a card-terminal event id."""

    terminal_id: int
    event_id: str
    raw_uid: str
    reply_json: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class TerminalActivity:
    """What the listener saw of a terminal: last request, and requests and taps of one local day."""

    terminal_id: int
    last_seen_at: datetime | None
    day: date | None
    requests: int
    taps: int


class PositionRepository(Protocol):
    """Job titles."""

    def get(self, position_id: int) -> Position | None: ...
    def by_name(self, name: str) -> Position | None: ...
    def add(self, name: str) -> Position: ...
    def list_all(self) -> list[Position]: ...


class EmployeeRepository(Protocol):
    """Employees."""

    def add(
        self, full_name: str, position_id: int | None, comment: str | None, now: datetime
    ) -> Employee: ...
    def get(self, employee_id: int) -> Employee | None: ...
    def list_all(self, *, include_inactive: bool = True) -> list[Employee]: ...
    def update(self, employee: Employee, now: datetime) -> None: ...
    def count(self) -> int: ...
    def lock_for_decision(self, employee_id: int) -> None:
        """Hold the employee until the unit of work ends, so that processes decide its taps one at a time.

        Reads after it see every punch committed by whoever held it before (on any engine and isolation).
        """
        ...

    def lock_all_for_decision(self, employee_ids: Collection[int]) -> None:
        """``lock_for_decision`` for many employees at once, taken in id order (a batch of ZKTeco lines)."""
        ...


class BadgeRepository(Protocol):
    """Badges; a (kind, value) pair is held by at most one active badge."""

    def add(
        self,
        employee_id: int,
        kind: BadgeKind,
        value: str,
        now: datetime,
        *,
        public_key_b64: str | None = None,
        key_state: KeyState = KeyState.NONE,
    ) -> Badge: ...
    def get(self, badge_id: int) -> Badge | None: ...
    def find_active(self, kind: BadgeKind, value: str) -> Badge | None: ...
    def latest(self, kind: BadgeKind, value: str) -> Badge | None: ...
    def holder(self, kind: BadgeKind, value: str) -> tuple[Badge, Employee] | None: ...
    def for_employee(self, employee_id: int) -> list[Badge]: ...
    def revoke(self, badge_id: int, now: datetime, reason: str) -> None: ...
    def set_key(self, badge_id: int, public_key_b64: str | None, state: KeyState) -> None: ...
    def by_alias(self, terminal_id: int, raw_value: str) -> Badge | None: ...
    def add_alias(self, terminal_id: int, raw_value: str, badge_id: int, now: datetime) -> None: ...


class TerminalRepository(Protocol):
    """Terminals and their hashed keys."""

    def add(self, terminal: Terminal, key_hash: str | None, now: datetime) -> Terminal: ...
    def get(self, terminal_id: int) -> Terminal | None: ...
    def by_name(self, name: str) -> Terminal | None: ...
    def by_serial(self, serial: str) -> Terminal | None: ...
    def by_key_hash(self, key_hash: str) -> Terminal | None: ...
    def key_hash_of(self, terminal_id: int) -> str | None: ...
    def list_all(self) -> list[Terminal]: ...
    def update(self, terminal: Terminal) -> None: ...
    def set_key_hash(self, terminal_id: int, key_hash: str | None) -> None: ...
    def touch(self, terminal_id: int, now: datetime) -> None: ...
    def add_activity(self, activity: TerminalActivity) -> None: ...
    def activity(self, terminal_id: int) -> TerminalActivity | None: ...


class PunchRepository(Protocol):
    """Raw punches: add and read only, never update or delete."""

    def add(self, punch: NewPunch) -> Punch: ...
    def add_many(self, punches: Sequence[NewPunch]) -> None: ...
    def get(self, punch_id: int) -> Punch | None: ...
    def by_external_key(self, terminal_id: int, external_key: str) -> Punch | None: ...
    def for_employees(
        self, employee_ids: Sequence[int] | None, start: datetime, end: datetime
    ) -> dict[int, list[Punch]]: ...
    def cores_for_employees(
        self, employee_ids: Sequence[int] | None, start: datetime, end: datetime
    ) -> dict[int, list[PunchCore]]: ...
    def latest_terminal_punch(self, employee_id: int, before: datetime) -> Punch | None: ...
    def page(self, query: PunchQuery, after: tuple[datetime, int] | None, limit: int) -> list[PunchLine]: ...
    def count(self, query: PunchQuery) -> int: ...
    def after_id(self, last_id: int, limit: int) -> list[PunchLine]: ...


class CorrectionRepository(Protocol):
    """Corrections: new records only."""

    def add(self, correction: NewCorrection) -> Correction: ...
    def get(self, correction_id: int) -> Correction | None: ...
    def for_employees(self, employee_ids: Sequence[int] | None) -> dict[int, list[Correction]]: ...


class UnassignedRepository(Protocol):
    """The queue of reads that resolved to nobody."""

    def add(self, item: UnassignedPunch) -> UnassignedPunch: ...
    def get(self, item_id: int) -> UnassignedPunch | None: ...
    def list_all(self, *, state: str | None = "open", limit: int = 1000) -> list[UnassignedPunch]: ...
    def after_id(self, last_id: int, since: datetime, limit: int) -> list[UnassignedPunch]: ...
    def resolve(self, item_id: int, state: str, user_id: int | None, now: datetime) -> None: ...


class ScheduleRepository(Protocol):
    """Schedule cells, codes, templates and holidays."""

    def cells(self, employee_ids: Sequence[int] | None, first: date, last: date) -> list[ScheduleCell]: ...
    def cells_by_employee(
        self, employee_ids: Sequence[int] | None, first: date, last: date
    ) -> dict[int, dict[date, ScheduleCell]]: ...
    def get_cell(self, employee_id: int, day: date) -> ScheduleCell | None: ...
    def put_cell(self, cell: ScheduleCell) -> None: ...
    def add_cells(self, cells: Sequence[ScheduleCell]) -> None: ...
    def delete_cell(self, employee_id: int, day: date) -> None: ...
    def codes(self) -> list[ScheduleCode]: ...
    def put_code(self, code: ScheduleCode) -> None: ...
    def holidays(self, first: date, last: date) -> list[Holiday]: ...
    def put_holiday(self, holiday: Holiday) -> None: ...
    def delete_holiday(self, day: date) -> None: ...
    def templates(self) -> list[ScheduleTemplate]: ...
    def put_template(self, template: ScheduleTemplate) -> ScheduleTemplate: ...


class UserRepository(Protocol):
    """Users; the password hash never leaves storage except for verification."""

    def add(self, username: str, password_hash: str, role: Role, now: datetime) -> User: ...
    def get(self, user_id: int) -> User | None: ...
    def by_username(self, username: str) -> tuple[User, str] | None: ...
    def list_all(self) -> list[User]: ...
    def update(self, user: User) -> None: ...
    def set_password_hash(self, user_id: int, password_hash: str) -> None: ...
    def count_active_admins(self) -> int: ...


class AuditRepository(Protocol):
    """Append-only audit log."""

    def append(self, entry: AuditEntry) -> AuditEntry: ...
    def list_all(
        self, *, action: str | None = None, entity_type: str | None = None, limit: int = 500
    ) -> list[AuditEntry]: ...
    def all_in_order(self) -> list[AuditEntry]: ...


class SettingsRepository(Protocol):
    """Business settings as text."""

    def all(self) -> dict[str, str]: ...
    def set(self, key: str, value: str, now: datetime) -> None: ...


class ScanReceiptRepository(Protocol):
    """Idempotency receipts of card-terminal events."""

    def get(self, terminal_id: int, event_id: str) -> ScanReceipt | None: ...
    def add(self, receipt: ScanReceipt) -> None: ...
    def forget_before(self, before: datetime, limit: int) -> int:
        """Delete at most ``limit`` receipts created before the instant, oldest first; how many went."""
        ...


class ChallengeRepository(Protocol):
    """What makes scan challenges hold across processes: the key they are sealed with, and the used ones."""

    def key(self, name: str, new: bytes) -> bytes:
        """The database's key of that name; ``new`` is stored and returned if there is none yet."""
        ...

    def use(self, nonce: bytes, expires_at: datetime) -> bool:
        """Mark a challenge used; False if it already was (by any process)."""
        ...

    def forget_used(self, before: datetime) -> int:
        """Drop the marks of challenges that expired before an instant; how many went."""
        ...


class UnitOfWork(Protocol):
    """One transaction per use case: commit explicitly; leaving without commit rolls back."""

    positions: PositionRepository
    employees: EmployeeRepository
    badges: BadgeRepository
    terminals: TerminalRepository
    punches: PunchRepository
    corrections: CorrectionRepository
    unassigned: UnassignedRepository
    schedules: ScheduleRepository
    users: UserRepository
    audit: AuditRepository
    settings: SettingsRepository
    scan_receipts: ScanReceiptRepository
    challenges: ChallengeRepository
    legacy_ids: LegacyIdRepository
    adms: AdmsRepository
    absences: AbsenceRepository
    closed_months: ClosedMonthRepository
    leases: LeaseRepository

    def __enter__(self) -> Self: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def flush(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    """Makes a fresh unit of work; ``read_only`` lets SQLite readers avoid taking the write lock."""

    def __call__(self, *, read_only: bool = False) -> UnitOfWork: ...
