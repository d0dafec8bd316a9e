"""Plan versus actual for one workday (DOMAIN_RULES §7)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum, auto

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


@dataclass(frozen=True, slots=True)
class _Facts:
    kind: _Kind
    bounds: tuple[datetime, datetime] | None
    settled: bool  # the scheduled end (or the day) is over, so missing work is final
    incomplete: bool
    open: bool


def _facts(
    plan: DayPlan,
    intervals: Sequence[Interval],
    kind: _Kind,
    bounds: tuple[datetime, datetime] | None,
    settings: BusinessSettings,
    now: datetime,
) -> _Facts:
    day_over = bounds[1] if bounds else local_midnight(plan.day + timedelta(days=1), settings.zone)
    anomalies = {a for i in intervals for a in i.anomalies}
    return _Facts(
        kind=kind,
        bounds=bounds,
        settled=now >= day_over,
        incomplete=not INCOMPLETE.isdisjoint(anomalies),
        open=Anomaly.OPEN in anomalies,
    )


@dataclass(frozen=True, slots=True)
class _Actual:
    worked: int = 0
    rounded: int = 0
    first_in: datetime | None = None
    last_out: datetime | None = None


_NOTHING = _Actual()  # most months have many days without a punch: nothing to add up on them


def _actual(
    intervals: Sequence[Interval], settings: BusinessSettings, bounds: tuple[datetime, datetime] | None
) -> _Actual:
    if not intervals:
        return _NOTHING
    return _Actual(
        worked=sum(i.seconds for i in intervals),
        rounded=rounded_worked_seconds(intervals, settings, bounds[0] if bounds else None),
        first_in=_first_in(intervals),
        last_out=_last_out(intervals),
    )


def _early_leave(facts: _Facts, last_out: datetime | None, settings: BusinessSettings) -> int:
    if facts.bounds is None or last_out is None or facts.incomplete or facts.open or not facts.settled:
        return 0
    return _over_grace(elapsed_seconds(last_out, facts.bounds[1]), settings.early_leave_grace_minutes)


def _late(facts: _Facts, first_in: datetime | None, settings: BusinessSettings) -> int:
    if facts.bounds is None or first_in is None:
        return 0
    return _over_grace(elapsed_seconds(facts.bounds[0], first_in), settings.late_grace_minutes)


def evaluate_day(
    plan: DayPlan,
    intervals: Sequence[Interval],
    codes: Sequence[ScheduleCode],
    settings: BusinessSettings,
    now: datetime,
) -> DayResult:
    """Plan versus actual of one workday from its intervals (those whose workday is ``plan.day``)."""
    cell = plan.cell
    # looked up once here: the engine evaluates every employee-day of a report (31,000 for a month)
    entry = find_code(cell.code, codes) if cell is not None and cell.code else None
    bounds = shift_bounds(cell, settings.zone) if cell is not None else None
    facts = _facts(plan, intervals, _kind(plan, entry), bounds, settings, now)
    planned = planned_from(cell, bounds, entry, settings.office_day_minutes) if cell is not None else 0
    actual = _actual(intervals, settings, bounds)
    rounded = actual.rounded
    working_and_over = facts.kind is _Kind.WORKING and facts.settled
    return DayResult(
        day=plan.day,
        planned_seconds=planned,
        worked_seconds=actual.worked,
        rounded_worked_seconds=rounded,
        first_in=actual.first_in,
        last_out=actual.last_out,
        late_seconds=_late(facts, actual.first_in, settings),
        early_leave_seconds=_early_leave(facts, actual.last_out, settings),
        overtime_seconds=_overtime(facts.kind, rounded, planned, settings),
        undertime_seconds=max(0, planned - rounded) if working_and_over else 0,
        absent=working_and_over and not intervals,
        excused=entry is not None and entry.meaning is CodeMeaning.EXCUSED,
        incomplete=facts.incomplete,
        unscheduled=cell is None and bool(intervals),
        holiday=plan.holiday,
        code=cell.code if cell is not None else None,
        anomalies=tuple(a for i in intervals for a in i.anomalies),
        intervals=tuple(intervals),
    )
