"""Commands and results exchanged between services and their callers (frozen dataclasses)."""

from dataclasses import dataclass, field

from timetracker_desktop.domain.employees import Badge, Employee
from timetracker_desktop.domain.errors import ErrorCode
from timetracker_desktop.domain.terminals import Terminal


@dataclass(frozen=True, slots=True)
class EmployeeDraft:
    """What the add/edit dialog or an import row provides."""

    full_name: str
    position: str | None = None
    card_uid: str | None = None
    phone_code: str | None = None
    pin: str | None = None
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class EmployeeDetail:
    """An employee with all badges."""

    employee: Employee
    badges: tuple[Badge, ...]


@dataclass(frozen=True, slots=True)
class RowError:
    """A problem in one row of an import file (1-based line number, header = 1)."""

    line: int
    field: str | None
    message: str
    code: ErrorCode


@dataclass(frozen=True, slots=True)
class ImportResult:
    """Outcome of an all-or-nothing import."""

    imported: int
    errors: tuple[RowError, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """True when every row was valid and all were saved."""
        return not self.errors


@dataclass(frozen=True, slots=True)
class NewTerminalKey:
    """A terminal with its key, shown once."""

    terminal: Terminal
    key: str
