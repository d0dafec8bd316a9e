"""Who is in, late or absent right now, against today's schedule (the Today view)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.pairing import Anomaly
from timetracker_desktop.domain.plan import DayResult
from timetracker_desktop.domain.schedule_rules import find_code, format_cell, local_date, shift_bounds
from timetracker_desktop.domain.schedules import CodeMeaning, ScheduleCell, ScheduleCode
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.attendance.worktime import WorktimeService
from timetracker_desktop.services.settings import load_settings


class PresenceState(StrEnum):
    """Where an employee stands today."""

    IN = "in"
    LEFT = "left"
    ABSENT = "absent"
    EXPECTED = "expected"
    EXCUSED = "excused"
    OFF = "off"
    UNSCHEDULED = "unscheduled"


@dataclass(frozen=True, slots=True)
class PresenceLine:
    """One employee's day so far."""

    employee_id: int
    full_name: str
    position: str | None
    state: PresenceState
    plan: str
    first_in: datetime | None
    last_out: datetime | None
    late_seconds: int
    worked_seconds: int


@dataclass(frozen=True, slots=True)
class PresenceSummary:
    """Today's board: the local date, the office zone and one line per active employee."""

    day: date
    time_zone: str
    lines: tuple[PresenceLine, ...]

    def count(self, state: PresenceState) -> int:
        """Employees in a state."""
        return sum(1 for line in self.lines if line.state is state)

    @property
    def late(self) -> int:
        """Employees who came late today."""
        return sum(1 for line in self.lines if line.late_seconds > 0)


@dataclass(frozen=True, slots=True)
class _Day:
    today: DayResult
    yesterday: DayResult
    cell: ScheduleCell | None
    holiday: bool


def _is_open(result: DayResult) -> bool:
    return any(Anomaly.OPEN in interval.anomalies for interval in result.intervals)


def _scheduled_state(day: _Day, settings: BusinessSettings, now: datetime) -> PresenceState:
    bounds = shift_bounds(day.cell, settings.zone) if day.cell is not None else None
    if bounds is None:
        return PresenceState.EXPECTED
    grace = timedelta(minutes=settings.late_grace_minutes)
    return PresenceState.ABSENT if now > bounds[0] + grace else PresenceState.EXPECTED


def _state(day: _Day, codes: list[ScheduleCode], settings: BusinessSettings, now: datetime) -> PresenceState:
    if _is_open(day.today) or _is_open(day.yesterday):
        return PresenceState.IN
    if any(not i.is_marker for i in day.today.intervals):
        return PresenceState.LEFT
    if day.today.absence is not None:
        return PresenceState.EXCUSED
    if day.cell is None:
        return PresenceState.OFF if day.holiday else PresenceState.UNSCHEDULED
    entry = find_code(day.cell.code, codes) if day.cell.code else None
    if entry is not None and entry.meaning is CodeMeaning.EXCUSED:
        return PresenceState.EXCUSED
    if entry is not None and entry.meaning is CodeMeaning.DAY_OFF:
        return PresenceState.OFF
    return _scheduled_state(day, settings, now)


def _plan_text(day: _Day) -> str:
    if day.today.absence is not None:  # the absence says more than the plan it excuses
        return day.today.absence.value
    return format_cell(day.cell) if day.cell is not None else ""


class PresenceService:
    """Today's presence board from the worktime engine and the schedule."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, worktime: WorktimeService) -> None:
        self._uow = uow
        self._clock = clock
        self._worktime = worktime

    def today(self) -> PresenceSummary:
        """Every active employee's state now, in name order."""
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            settings = load_settings(uow)
            day = local_date(now, settings.zone)
            employees = uow.employees.list_all(include_inactive=False)
            cells = {c.employee_id: c for c in uow.schedules.cells(None, day, day)}
            holiday = bool(uow.schedules.holidays(day, day))
            codes = uow.schedules.codes()
        ids = [employee.id for employee in employees]
        results = self._worktime.for_employees(ids, day - timedelta(days=1), day)
        lines = []
        for employee, result in zip(employees, results, strict=True):
            facts = _Day(result.days[-1], result.days[0], cells.get(employee.id), holiday)
            lines.append(
                self._line(
                    employee.id, employee.full_name, employee.position_name, facts, codes, settings, now
                )
            )
        return PresenceSummary(day, settings.time_zone, tuple(lines))

    @staticmethod
    def _line(
        employee_id: int,
        name: str,
        position: str | None,
        day: _Day,
        codes: list[ScheduleCode],
        settings: BusinessSettings,
        now: datetime,
    ) -> PresenceLine:
        live = sum(
            i.live_seconds(now)
            for i in (*day.yesterday.intervals, *day.today.intervals)
            if Anomaly.OPEN in i.anomalies
        )
        return PresenceLine(
            employee_id=employee_id,
            full_name=name,
            position=position,
            state=_state(day, codes, settings, now),
            plan=_plan_text(day),
            first_in=day.today.first_in,
            last_out=day.today.last_out,
            late_seconds=day.today.late_seconds,
            worked_seconds=day.today.worked_seconds + live,
        )
