"""Which workday an instant belongs to, given an employee's schedule (DOMAIN_RULES §4, §5)."""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.schedule_rules import local_date, shift_bounds
from timetracker_desktop.domain.schedules import ScheduleCell

ScheduleLookup = Callable[[date], ScheduleCell | None]
_ONE_DAY = timedelta(days=1)


class ShiftCalendar:
    """One employee's scheduled shifts in UTC, with the early check-in window W."""

    def __init__(self, schedule_for: ScheduleLookup, zone: ZoneInfo, window: timedelta) -> None:
        self._schedule_for = schedule_for
        self._bounds: dict[date, tuple[datetime, datetime] | None] = {}
        self.zone = zone
        self.window = window

    def cell(self, day: date) -> ScheduleCell | None:
        """The schedule cell of ``day``, if any."""
        return self._schedule_for(day)

    def bounds(self, day: date) -> tuple[datetime, datetime] | None:
        """UTC start and end of the time shift scheduled on ``day``; None without one."""
        if day not in self._bounds:
            cell = self._schedule_for(day)
            self._bounds[day] = None if cell is None else shift_bounds(cell, self.zone)
        return self._bounds[day]

    def in_workday(self, at: datetime) -> date:
        """The workday of an IN: its local date, or the next one if up to W before that day's shift."""
        today = local_date(at, self.zone)
        tomorrow = self.bounds(today + _ONE_DAY)
        if tomorrow is not None and tomorrow[0] - self.window <= at < tomorrow[0]:
            return today + _ONE_DAY
        return today

    def out_workday(self, at: datetime) -> date:
        """The workday of an OUT with no IN: the previous date while its overnight shift (plus W) lasts."""
        today = local_date(at, self.zone)
        yesterday = self.bounds(today - _ONE_DAY)
        # an orphan OUT at 06:00 after a 22-6 night belongs to the night, so that workday shows incomplete
        if yesterday is not None and at <= yesterday[1] + self.window:
            return today - _ONE_DAY
        return today

    def in_checkin_window(self, at: datetime) -> bool:
        """True when ``at`` lies within W of the start of the shift scheduled for its own workday."""
        bounds = self.bounds(self.in_workday(at))
        return bounds is not None and abs(at - bounds[0]) <= self.window
