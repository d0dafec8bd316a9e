"""What the charts plot, computed from reports without Qt: plan vs actual, presence over the day, lateness."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.reports import AttendanceReport, Timesheet

HOUR = 3600
STEP_MINUTES = 15
SLOTS = 24 * 60 // STEP_MINUTES
LATENESS_BARS = 15  # the longest lateness totals; more names do not fit on the axis


@dataclass(frozen=True, slots=True)
class PlanActual:
    """Hours per day of the period: planned and actually worked (rounded), everybody in the filter."""

    days: tuple[date, ...]
    planned_hours: tuple[float, ...]
    actual_hours: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class PresenceCurve:
    """People at work in each 15-minute slot of the day, averaged over the days anyone came."""

    slot_hours: tuple[float, ...]  # the start of each slot in hours after midnight (0, 0.25, ...)
    people: tuple[float, ...]
    days: int


@dataclass(frozen=True, slots=True)
class Lateness:
    """One employee's late arrivals over the period."""

    name: str
    minutes: int
    days: int


def plan_actual(timesheet: Timesheet) -> PlanActual:
    """The timesheet's per-day totals in hours."""
    totals = timesheet.day_totals
    return PlanActual(
        tuple(t.day for t in totals),
        tuple(t.planned_seconds / HOUR for t in totals),
        tuple(t.rounded_seconds / HOUR for t in totals),
    )


def _minute_of_day(at: datetime, zone: ZoneInfo) -> int:
    local = at.astimezone(zone)
    return local.hour * 60 + local.minute


def _covered(start: datetime, end: datetime, zone: ZoneInfo) -> range | Iterable[int]:
    """The slots a stay touches; a night shift wraps past midnight into the early slots."""
    if end <= start:
        return range(0)
    begin = _minute_of_day(start, zone)
    minutes = int((end - start) / timedelta(minutes=1))
    count = (begin + minutes - 1) // STEP_MINUTES - begin // STEP_MINUTES + 1
    if count >= SLOTS:
        return range(SLOTS)
    return ((begin // STEP_MINUTES + n) % SLOTS for n in range(count))


def presence_curve(
    stays: Iterable[tuple[date, datetime, datetime]], zone: ZoneInfo, days: int | None = None
) -> PresenceCurve:
    """Count each (day, arrival, leaving) stay in the slots it covers; average over ``days`` or stay days."""
    counts = [0] * SLOTS
    seen: set[date] = set()
    for day, start, end in stays:
        seen.add(day)
        for slot in _covered(start, end, zone):
            counts[slot] += 1
    divisor = days if days is not None else max(len(seen), 1)
    return PresenceCurve(
        tuple(n * STEP_MINUTES / 60 for n in range(SLOTS)),
        tuple(c / divisor for c in counts),
        len(seen),
    )


def attendance_stays(report: AttendanceReport, now: datetime) -> list[tuple[date, datetime, datetime]]:
    """First IN to last OUT of each attended day; a day still open runs until ``now``."""
    stays = []
    for line in report.lines:
        if line.first_in is None:
            continue
        end = line.last_out if line.last_out is not None and line.last_out > line.first_in else None
        if end is None and line.day == report.header.last and now > line.first_in:
            end = now
        if end is not None:
            stays.append((line.day, line.first_in, end))
    return stays


def lateness(report: AttendanceReport, limit: int = LATENESS_BARS) -> tuple[Lateness, ...]:
    """Late minutes and late days per employee, the latest first (ties by name)."""
    minutes: dict[str, int] = {}
    days: dict[str, int] = {}
    for line in report.lines:
        if line.late_seconds > 0:
            name = line.employee.full_name
            minutes[name] = minutes.get(name, 0) + line.late_seconds // 60
            days[name] = days.get(name, 0) + 1
    ranked = sorted(minutes, key=lambda name: (-minutes[name], name))
    return tuple(Lateness(name, minutes[name], days[name]) for name in ranked[:limit])
