"""The ingest direction rule and double-tap cooldown (DOMAIN_RULES §4)."""

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime

from timetracker_desktop.domain.attendance import Direction, EffectivePunch
from timetracker_desktop.domain.pairing import calendar_for, fed_pairer
from timetracker_desktop.domain.schedules import ScheduleCell
from timetracker_desktop.domain.settings import BusinessSettings


def decide_direction(
    previous: Sequence[EffectivePunch],
    at: datetime,
    settings: BusinessSettings,
    schedule_for: Callable[[date], ScheduleCell | None],
) -> Direction:
    """IN or OUT for a new punch at ``at`` (never AUTO).

    ``previous`` holds the employee's effective punches before ``at`` in any order; double taps are ignored
    and AUTO punches are resolved in time order by this same rule, exactly as pairing does.
    """
    earlier = [p for p in previous if p.at < at and not p.double_tap]
    return fed_pairer(earlier, settings, calendar_for(settings, schedule_for)).direction_for(at)


def cooldown_remaining_seconds(
    previous_terminal_punch_at: datetime | None, at: datetime, cooldown_seconds: int
) -> int:
    """Whole seconds (rounded up) until a punch at or after ``at`` is no longer a double tap; 0 if none."""
    if previous_terminal_punch_at is None:
        return 0
    since = (at - previous_terminal_punch_at).total_seconds()
    if since < 0 or since >= cooldown_seconds:
        return 0
    return math.ceil(cooldown_seconds - since)


def is_double_tap(previous_terminal_punch_at: datetime | None, at: datetime, cooldown_seconds: int) -> bool:
    """True when ``at`` falls within the cooldown after the employee's previous terminal punch."""
    return cooldown_remaining_seconds(previous_terminal_punch_at, at, cooldown_seconds) > 0
