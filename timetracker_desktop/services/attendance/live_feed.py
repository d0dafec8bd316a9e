"""The live feed of taps: today's newest punches, then whatever is stored after the last id seen."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.schedule_rules import local_date, local_midnight
from timetracker_desktop.repositories.ports.storage import (
    PunchLine,
    PunchQuery,
    UnitOfWork,
    UnitOfWorkFactory,
)
from timetracker_desktop.services.settings import load_settings

FEED_LIMIT = 200
_SCAN_PAGE = 1000
_SCAN_PAGES = 20
_EVER = PunchQuery(datetime(1970, 1, 1, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC))


@dataclass(frozen=True, slots=True)
class FeedBatch:
    """Punches for the feed, oldest first, the id to continue after, and the office zone to show them in."""

    lines: tuple[PunchLine, ...]
    last_id: int
    time_zone: str


def _newest_id(uow: UnitOfWork) -> int:
    """The highest punch id (found from the newest punch by time, then forward by id)."""
    newest = uow.punches.page(_EVER, None, 1)
    cursor = newest[0].id if newest else 0
    for _ in range(_SCAN_PAGES):
        later = uow.punches.after_id(cursor, _SCAN_PAGE)
        if not later:
            break
        cursor = later[-1].id
    return cursor


class LiveFeedService:
    """Reads for the Today view's feed; polling by last id also works when the listener is another process."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def today(self, limit: int = FEED_LIMIT) -> FeedBatch:
        """The latest ``limit`` punches of the current local day (oldest first) and the newest id stored."""
        with self._uow(read_only=True) as uow:
            zone = load_settings(uow).zone
            start = local_midnight(local_date(self._clock.now(), zone), zone)
            end = local_midnight(local_date(start, zone) + timedelta(days=1), zone)
            lines = uow.punches.page(PunchQuery(start, end), None, limit)
            return FeedBatch(tuple(reversed(lines)), _newest_id(uow), zone.key)

    def after(self, last_id: int, limit: int = FEED_LIMIT) -> FeedBatch:
        """Punches stored after ``last_id``, oldest first."""
        with self._uow(read_only=True) as uow:
            zone = load_settings(uow).time_zone
            lines = tuple(uow.punches.after_id(last_id, limit))
        return FeedBatch(lines, lines[-1].id if lines else last_id, zone)
