"""The event log: punches of a local-date period in newest-first keyset pages, with corrections in force."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from timetracker_desktop.domain.attendance import Correction, CorrectionKind, Direction
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.errors import ErrorCode, ValidationError
from timetracker_desktop.domain.schedule_rules import local_date, local_midnight
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.repositories.ports.storage import (
    PunchLine,
    PunchQuery,
    UnitOfWork,
    UnitOfWorkFactory,
)
from timetracker_desktop.services.settings import load_settings

PAGE_SIZE = 200
Keyset = tuple[datetime, int]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Local dates (both included) and an optional employee and terminal."""

    first: date
    last: date
    employee_id: int | None = None
    terminal_id: int | None = None


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of the log, newest first; ``overrides`` maps punch ids to directions set by correction."""

    lines: tuple[PunchLine, ...]
    overrides: Mapping[int, Direction] = field(default_factory=dict)
    complete: bool = False

    @property
    def next_after(self) -> Keyset | None:
        """The keyset position after this page's last row."""
        return (self.lines[-1].at, self.lines[-1].id) if self.lines else None


@dataclass(frozen=True, slots=True)
class EventChoices:
    """What the filter bar offers: employees, terminals, the office zone and today's local date."""

    employees: tuple[Employee, ...]
    terminals: tuple[Terminal, ...]
    time_zone: str
    today: date


def live_corrections(corrections: Iterable[Correction]) -> list[Correction]:
    """Corrections in force: not undone, undos themselves excluded, oldest first."""
    every = sorted(corrections, key=lambda c: c.id)
    undone = {c.target_correction_id for c in every if c.kind is CorrectionKind.UNDO}
    return [c for c in every if c.id not in undone and c.kind is not CorrectionKind.UNDO]


def _overrides(uow: UnitOfWork, lines: Iterable[PunchLine]) -> dict[int, Direction]:
    punch_ids = {line.id for line in lines}
    employees = sorted({line.employee_id for line in lines})
    if not employees:
        return {}
    grouped = uow.corrections.for_employees(employees)
    live = live_corrections(c for group in grouped.values() for c in group)
    return {
        c.punch_id: c.direction
        for c in live
        if c.kind is CorrectionKind.SET_DIRECTION and c.direction and c.punch_id in punch_ids
    }


class EventLogService:
    """Reads for the Events view; corrections are written through PunchService."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def choices(self) -> EventChoices:
        """Employees, terminals, the office zone and today."""
        with self._uow(read_only=True) as uow:
            zone = load_settings(uow).zone
            return EventChoices(
                tuple(uow.employees.list_all()),
                tuple(uow.terminals.list_all()),
                zone.key,
                local_date(self._clock.now(), zone),
            )

    @staticmethod
    def _query(uow: UnitOfWork, wanted: EventFilter) -> PunchQuery:
        if wanted.last < wanted.first:
            raise ValidationError(
                "the period ends before it starts", code=ErrorCode.BAD_PERIOD, field="period"
            )
        zone = load_settings(uow).zone
        start = local_midnight(wanted.first, zone)
        end = local_midnight(wanted.last + timedelta(days=1), zone)
        return PunchQuery(start, end, wanted.employee_id, wanted.terminal_id)

    def page(self, wanted: EventFilter, after: Keyset | None = None, limit: int = PAGE_SIZE) -> EventPage:
        """The page after a keyset position (None: the newest)."""
        with self._uow(read_only=True) as uow:
            lines = tuple(uow.punches.page(self._query(uow, wanted), after, limit))
            return EventPage(lines, _overrides(uow, lines), len(lines) < limit)

    def count(self, wanted: EventFilter) -> int:
        """Punches matching the filter."""
        with self._uow(read_only=True) as uow:
            return uow.punches.count(self._query(uow, wanted))

    def corrections(self, employee_id: int, punch_id: int) -> list[Correction]:
        """Corrections in force on one punch (what "undo" offers)."""
        with self._uow(read_only=True) as uow:
            group = uow.corrections.for_employees([employee_id]).get(employee_id, [])
        return [c for c in live_corrections(group) if c.punch_id == punch_id]
