"""The worktime engine: pairing, workdays, calendar split and plan versus actual per employee."""

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.absences import AbsenceType
from timetracker_desktop.domain.attendance import EffectivePunch
from timetracker_desktop.domain.errors import ErrorCode, ValidationError
from timetracker_desktop.domain.pairing import (
    INFORMATION_ONLY,
    Anomaly,
    Interval,
    elapsed_seconds,
    pair_punches,
)
from timetracker_desktop.domain.plan import DayPlan, DayResult, evaluate_day
from timetracker_desktop.domain.schedule_rules import local_date, local_midnight
from timetracker_desktop.domain.schedules import ScheduleCell, ScheduleCode
from timetracker_desktop.domain.settings import BusinessSettings

__all__ = [
    "Anomaly",
    "DayResult",
    "Interval",
    "WorktimeResult",
    "compute_worktime",
    "pair_punches",
    "split_by_calendar_day",
]

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class WorktimeResult:
    """One employee's workdays over a period, one DayResult per local date in order."""

    employee_id: int
    days: tuple[DayResult, ...]

    @property
    def total_worked_seconds(self) -> int:
        """Raw credited seconds over the period."""
        return sum(d.worked_seconds for d in self.days)

    @property
    def total_planned_seconds(self) -> int:
        """Planned seconds over the period."""
        return sum(d.planned_seconds for d in self.days)

    @property
    def total_late_seconds(self) -> int:
        """Reported lateness over the period."""
        return sum(d.late_seconds for d in self.days)

    @property
    def total_overtime_seconds(self) -> int:
        """Overtime over the period."""
        return sum(d.overtime_seconds for d in self.days)

    @property
    def worked_days(self) -> int:
        """Workdays with credited time."""
        return sum(1 for d in self.days if d.worked_seconds > 0)

    @property
    def anomaly_count(self) -> int:
        """Anomalies that need review (OPEN and DOUBLE_TAP are information only)."""
        return sum(1 for d in self.days for a in d.anomalies if a not in INFORMATION_ONLY)


def _dates(first_day: date, last_day: date) -> Iterator[date]:
    day = first_day
    while day <= last_day:
        yield day
        day += _ONE_DAY


def compute_worktime(
    employee_id: int,
    sequence: Sequence[EffectivePunch],
    cells: Mapping[date, ScheduleCell],
    holidays: Collection[date],
    codes: Sequence[ScheduleCode],
    settings: BusinessSettings,
    first_day: date,
    last_day: date,
    now: datetime,
    absences: Mapping[date, AbsenceType] | None = None,
) -> WorktimeResult:
    """Plan versus actual for every local date of [first_day, last_day].

    ``sequence`` should reach max_shift_hours + the early window beyond both ends: pairing runs over all of it
    and each day then takes the whole shifts whose workday it is, so no pair is cut at the edges.
    ``absences`` gives the absence type of each date the employee's absences cover (excused days).
    """
    if last_day < first_day:
        raise ValidationError(
            f"period ends ({last_day}) before it starts ({first_day})", code=ErrorCode.BAD_PERIOD
        )
    by_day: dict[date, list[Interval]] = defaultdict(list)
    for interval in pair_punches(sequence, settings, cells, now):
        if first_day <= interval.workday <= last_day:
            by_day[interval.workday].append(interval)
    away = absences or {}
    days = tuple(
        evaluate_day(
            DayPlan(day, cells.get(day), day in holidays, away.get(day)), by_day[day], codes, settings, now
        )
        for day in _dates(first_day, last_day)
    )
    return WorktimeResult(employee_id, days)


def _pieces(start: datetime, end: datetime, zone: ZoneInfo) -> Iterator[tuple[date, int]]:
    # offsets are floored from the start, so the pieces add up to exactly the interval's floored seconds
    day, done = local_date(start, zone), 0
    while True:
        boundary = local_midnight(day + _ONE_DAY, zone)
        upto = elapsed_seconds(start, min(boundary, end))
        yield day, upto - done
        if boundary >= end:
            return
        day, done = day + _ONE_DAY, upto


def split_by_calendar_day(intervals: Iterable[Interval], zone: ZoneInfo) -> dict[date, int]:
    """Credited seconds per local calendar date, intervals cut at local midnight (DST-aware)."""
    totals: dict[date, int] = defaultdict(int)
    for interval in intervals:
        if interval.seconds <= 0 or interval.end is None:
            continue
        for day, seconds in _pieces(interval.start, interval.end, zone):
            if seconds:
                totals[day] += seconds
    return dict(totals)
