"""The live feed: today's newest punches and unknown badges, then whatever is stored after the last ids."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.schedule_rules import local_date, local_midnight
from timetracker_desktop.repositories.ports.storage import (
    PunchLine,
    PunchQuery,
    UnassignedPunch,
    UnitOfWork,
    UnitOfWorkFactory,
)
from timetracker_desktop.services.settings import load_settings

FEED_LIMIT = 200
_SCAN_PAGE = 1000
_SCAN_PAGES = 20
_EVER = PunchQuery(datetime(1970, 1, 1, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC))


@dataclass(frozen=True, slots=True)
class UnknownTap:
    """A tap nobody could be found for (it waits in Events -> Unassigned): shown in the feed, marked."""

    id: int
    at: datetime
    value: str
    terminal_name: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class FeedBatch:
    """Punches and unknown taps for the feed, oldest first, the ids to continue after, and the office zone."""

    lines: tuple[PunchLine, ...]
    last_id: int
    time_zone: str
    unknown: tuple[UnknownTap, ...] = ()
    last_unknown_id: int = 0

    @property
    def empty(self) -> bool:
        """Nothing new."""
        return not self.lines and not self.unknown


def _unknown(uow: UnitOfWork, items: list[UnassignedPunch]) -> tuple[UnknownTap, ...]:
    names = {t.id: t.name for t in uow.terminals.list_all()} if items else {}
    return tuple(
        UnknownTap(
            item.id,
            item.at,
            item.canonical_value or item.raw_value,
            names.get(item.terminal_id) if item.terminal_id is not None else None,
            item.reason,
        )
        for item in items
    )


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
            today = uow.unassigned.after_id(0, start, _SCAN_PAGE * _SCAN_PAGES)
            unknown = _unknown(uow, today[-limit:])
            last_unknown = unknown[-1].id if unknown else 0
            return FeedBatch(tuple(reversed(lines)), _newest_id(uow), zone.key, unknown, last_unknown)

    def after(self, last_id: int, last_unknown_id: int = 0, limit: int = FEED_LIMIT) -> FeedBatch:
        """Punches and unknown taps stored after the ids given, oldest first."""
        with self._uow(read_only=True) as uow:
            settings = load_settings(uow)
            lines = tuple(uow.punches.after_id(last_id, limit))
            since = local_midnight(local_date(self._clock.now(), settings.zone), settings.zone)
            unknown = _unknown(uow, uow.unassigned.after_id(last_unknown_id, since, limit))
        last_unknown = unknown[-1].id if unknown else last_unknown_id
        return FeedBatch(lines, lines[-1].id if lines else last_id, settings.time_zone, unknown, last_unknown)
