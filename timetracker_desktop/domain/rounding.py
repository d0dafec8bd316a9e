"""Report-time rounding of worked time (DOMAIN_RULES §8); stored punches never change."""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.pairing import Interval, elapsed_seconds
from timetracker_desktop.domain.settings import BusinessSettings, RoundingMode

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class RoundTo(StrEnum):
    """Which way a single instant is rounded."""

    UP = "up"
    DOWN = "down"
    NEAREST = "nearest"


def round_instant(at: datetime, zone: ZoneInfo, step_minutes: int, how: RoundTo) -> datetime:
    """Round ``at`` to a step of the local clock; an instant already on a step never moves.

    The wall clock is taken with the instant's own UTC offset, so rounding up into a spring gap yields
    the instant of the change itself rather than a time that does not exist.
    """
    offset = at.astimezone(zone).utcoffset() or timedelta(0)
    wall = at - _EPOCH + offset
    step = timedelta(minutes=step_minutes)
    below = wall - wall % step
    if below == wall:
        return at
    if how is RoundTo.DOWN:
        target = below
    elif how is RoundTo.UP or wall - below >= step / 2:
        target = below + step
    else:
        target = below
    return at + (target - wall)


def _per_punch(
    intervals: list[Interval], settings: BusinessSettings, start_to: RoundTo, end_to: RoundTo
) -> int:
    zone, step = settings.zone, settings.rounding_step_minutes
    return sum(
        elapsed_seconds(
            round_instant(i.start, zone, step, start_to), round_instant(i.end, zone, step, end_to)
        )
        for i in intervals
        if i.end is not None
    )


def _from_start(intervals: list[Interval], scheduled_start: datetime | None) -> int:
    # early arrival earns nothing: credit begins at the scheduled start at the earliest
    floor = scheduled_start or _EPOCH
    return sum(elapsed_seconds(max(i.start, floor), i.end) for i in intervals if i.end is not None)


def rounded_worked_seconds(
    intervals: Iterable[Interval], settings: BusinessSettings, scheduled_start: datetime | None
) -> int:
    """Credited seconds of one workday's intervals under the rounding policy of ``settings``."""
    credited = [i for i in intervals if i.credited]
    mode = settings.rounding
    if mode is RoundingMode.IN_UP_OUT_DOWN:
        return _per_punch(credited, settings, RoundTo.UP, RoundTo.DOWN)
    if mode is RoundingMode.NEAREST:
        return _per_punch(credited, settings, RoundTo.NEAREST, RoundTo.NEAREST)
    if mode is RoundingMode.FROM_SCHEDULED_START:
        return _from_start(credited, scheduled_start)
    total = sum(i.seconds for i in credited)
    if mode is RoundingMode.DAILY_DOWN:
        return total - total % (settings.rounding_step_minutes * 60)
    return total
