"""Plan versus actual for one workday (DOMAIN_RULES §7)."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum, auto

from timetracker_desktop.domain.absences import AbsenceType
from timetracker_desktop.domain.pairing import INCOMPLETE, Anomaly, Interval, elapsed_seconds
from timetracker_desktop.domain.rounding import rounded_worked_seconds
from timetracker_desktop.domain.schedule_rules import find_code, local_midnight, planned_from, shift_bounds
from timetracker_desktop.domain.schedules import CodeMeaning, ScheduleCell, ScheduleCode
from timetracker_desktop.domain.settings import BusinessSettings


@dataclass(frozen=True, slots=True)
class DayResult:
    """Plan versus actual of one workday; all durations in seconds."""

    day: date
    planned_seconds: int
    worked_seconds: int
    rounded_worked_seconds: int
    first_in: datetime | None
    last_out: datetime | None
    late_seconds: int
    early_leave_seconds: int
    overtime_seconds: int
    undertime_seconds: int
    absent: bool
    excused: bool
    incomplete: bool
    unscheduled: bool
    holiday: bool
    code: str | None
    anomalies: tuple[Anomaly, ...]
    intervals: tuple[Interval, ...]
    begun: bool = True  # the workday has started: its plan counts in period totals (month to date)
    absence: AbsenceType | None = None  # the absences register covers the day: its plan is excused
    excused_seconds: int = 0  # the plan an absence excuses (planned_seconds is then 0)


class _Kind(Enum):
    WORKING = auto()  # a time cell or a work code: plan applies
    OFF = auto()  # day off, excused code, or a holiday without a cell: all work is overtime
    UNSCHEDULED = auto()  # no cell (or an unknown code): worked time only


@dataclass(frozen=True, slots=True)
class DayPlan:
    """What was scheduled for a workday."""

    day: date
    cell: ScheduleCell | None
    holiday: bool
    absence: AbsenceType | None = None


def _kind(plan: DayPlan, entry: ScheduleCode | None) -> _Kind:
    cell = plan.cell
    if cell is None:
        return _Kind.OFF if plan.holiday else _Kind.UNSCHEDULED
    if cell.is_time_cell:
        return _Kind.WORKING
    if entry is None:
        return _Kind.UNSCHEDULED
    return _Kind.WORKING if entry.meaning is CodeMeaning.WORK else _Kind.OFF


def _over_grace(seconds: int, grace_minutes: int) -> int:
    return seconds if seconds > grace_minutes * 60 else 0


def _first_in(intervals: Sequence[Interval]) -> datetime | None:
    return min((i.start for i in intervals if not i.is_marker), default=None)


def _last_out(intervals: Sequence[Interval]) -> datetime | None:
    ends = [
        i.end for i in intervals if i.end is not None and (i.credited or Anomaly.MISSING_IN in i.anomalies)
    ]
    return max(ends, default=None)


def _overtime(kind: _Kind, rounded: int, planned: int, settings: BusinessSettings) -> int:
    if kind is _Kind.OFF:
        return rounded
    extra = rounded - planned
    if kind is _Kind.WORKING and extra > 0 and extra >= settings.min_overtime_minutes * 60:
        return extra
    return 0


def _actual(
    intervals: Sequence[Interval], settings: BusinessSettings, bounds: tuple[datetime, datetime] | None
) -> tuple[int, int, datetime | None, datetime | None]:
    """Worked and rounded seconds, first IN and last OUT of a day's intervals."""
    if not intervals:  # many days of a month have no punch: nothing to add up
        return 0, 0, None, None
    rounded = rounded_worked_seconds(intervals, settings, bounds[0] if bounds else None)
    return sum(i.seconds for i in intervals), rounded, _first_in(intervals), _last_out(intervals)


def _late(
    bounds: tuple[datetime, datetime] | None, first_in: datetime | None, settings: BusinessSettings
) -> int:
    if bounds is None or first_in is None:
        return 0
    return _over_grace(elapsed_seconds(bounds[0], first_in), settings.late_grace_minutes)


def _early_leave(
    bounds: tuple[datetime, datetime] | None, last_out: datetime | None, settings: BusinessSettings
) -> int:
    if bounds is None or last_out is None:
        return 0
    return _over_grace(elapsed_seconds(last_out, bounds[1]), settings.early_leave_grace_minutes)


def _during_absence(intervals: Sequence[Interval]) -> tuple[Interval, ...]:
    """The day's intervals marked as taps during an absence (kept and credited, for the manager to review)."""
    return tuple(replace(i, anomalies=(*i.anomalies, Anomaly.DURING_ABSENCE)) for i in intervals)


def _excused_day(result: DayResult, absence: AbsenceType) -> DayResult:
    """An absence day: the plan is excused (no absence, lateness, early leave, undertime or overtime)."""
    return replace(
        result,
        planned_seconds=0,
        excused_seconds=result.planned_seconds,
        late_seconds=0,
        early_leave_seconds=0,
        overtime_seconds=0,
        undertime_seconds=0,
        absent=False,
        excused=True,
        absence=absence,
    )


def evaluate_day(
    plan: DayPlan,
    intervals: Sequence[Interval],
    codes: Sequence[ScheduleCode],
    settings: BusinessSettings,
    now: datetime,
) -> DayResult:
    """Plan versus actual of one workday from its intervals (those whose workday is ``plan.day``)."""
    if plan.absence is not None:
        plain = DayPlan(plan.day, plan.cell, plan.holiday)
        return _excused_day(
            evaluate_day(plain, _during_absence(intervals), codes, settings, now), plan.absence
        )
    # Plain locals rather than helper objects: the engine evaluates every employee-day of a report.
    cell = plan.cell
    entry = find_code(cell.code, codes) if cell is not None and cell.code else None
    bounds = shift_bounds(cell, settings.zone) if cell is not None else None
    kind = _kind(plan, entry)
    day_over = bounds[1] if bounds else local_midnight(plan.day + timedelta(days=1), settings.zone)
    settled = now >= day_over  # the scheduled end (or the day) is over, so missing work is final
    day_start = bounds[0] if bounds else local_midnight(plan.day, settings.zone)
    anomalies = tuple(a for i in intervals for a in i.anomalies)
    incomplete = not INCOMPLETE.isdisjoint(anomalies)
    settled_whole = settled and not incomplete and Anomaly.OPEN not in anomalies
    planned = planned_from(cell, bounds, entry, settings.office_day_minutes) if cell is not None else 0
    worked, rounded, first_in, last_out = _actual(intervals, settings, bounds)
    working_and_over = kind is _Kind.WORKING and settled
    return DayResult(
        day=plan.day,
        planned_seconds=planned,
        worked_seconds=worked,
        rounded_worked_seconds=rounded,
        first_in=first_in,
        last_out=last_out,
        late_seconds=_late(bounds, first_in, settings),
        early_leave_seconds=_early_leave(bounds, last_out, settings) if settled_whole else 0,
        overtime_seconds=_overtime(kind, rounded, planned, settings),
        undertime_seconds=max(0, planned - rounded) if working_and_over else 0,
        absent=working_and_over and not intervals,
        excused=entry is not None and entry.meaning is CodeMeaning.EXCUSED,
        incomplete=incomplete,
        unscheduled=cell is None and bool(intervals),
        holiday=plan.holiday,
        code=cell.code if cell is not None else None,
        anomalies=anomalies,
        intervals=tuple(intervals),
        begun=now >= day_start or bool(intervals),
    )
