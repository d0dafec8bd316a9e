"""Legacy import ports: rows read from a legacy TimeTracker API database, and the legacy-id map of imports."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class LegacyPosition:
    """A row of ``positions``."""

    id: int
    name: str
    is_active: bool


@dataclass(frozen=True, slots=True)
class LegacyEmployee:
    """A row of ``employees``: ``nfc_uid`` as typed, ``position`` as free text."""

    id: int
    full_name: str
    nfc_uid: str
    public_key_b64: str | None
    is_active: bool
    position: str | None
    comment: str | None


@dataclass(frozen=True, slots=True)
class LegacyTerminal:
    """A row of ``terminals``; ``api_key`` is the plaintext key the tablet still sends."""

    id: int
    name: str
    api_key: str
    is_active: bool
    last_seen_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacyUser:
    """A row of ``users``: a bcrypt hash and an enum member name as role."""

    id: int
    username: str
    password_hash: str | None
    role: str


@dataclass(frozen=True, slots=True)
class LegacyEvent:
    """A row of ``events``: ``ts`` is UTC (aware here)."""

    id: int
    employee_id: int
    terminal_id: int | None
    direction: str
    ts: datetime
    is_manual: bool
    created_by_user_id: int | None
    comment: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacySchedule:
    """A row of ``schedules``."""

    id: int
    employee_id: int
    day: date
    start_hhmm: str
    end_hhmm: str
    code: str | None


@dataclass(frozen=True, slots=True)
class LegacyAudit:
    """A row of ``audit_logs``; ``details`` is the JSON text as stored."""

    id: int
    admin_username: str | None
    action: str
    details: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacySnapshot:
    """Everything a legacy database holds, read in one go."""

    revision: str | None
    positions: tuple[LegacyPosition, ...]
    employees: tuple[LegacyEmployee, ...]
    terminals: tuple[LegacyTerminal, ...]
    users: tuple[LegacyUser, ...]
    events: tuple[LegacyEvent, ...]
    schedules: tuple[LegacySchedule, ...]
    audit_logs: tuple[LegacyAudit, ...]


class LegacySource(Protocol):
    """A legacy database opened for reading; never written to."""

    @property
    def display_url(self) -> str:
        """The source without its password."""
        ...

    def read(self) -> LegacySnapshot: ...
    def close(self) -> None: ...


class LegacyIdRepository(Protocol):
    """Which legacy rows were already imported, and as what: re-running an import brings only what is new."""

    def known(self, entity: str) -> dict[int, int | None]: ...
    def add_many(self, entity: str, pairs: Sequence[tuple[int, int | None]], now: datetime) -> None: ...
