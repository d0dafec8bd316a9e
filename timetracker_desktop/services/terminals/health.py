"""Terminal health: last seen, requests and taps today, online or not.

Counting happens in memory, so that recording a request never waits for the database (H11); a periodic,
best-effort ``flush`` adds the counts to the terminal's row, where other processes (GUI, CLI) see them.
"""

import logging
import threading
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.audit import EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import NotFoundError
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.repositories.ports.storage import (
    StorageUnavailableError,
    TerminalActivity,
    UnitOfWorkFactory,
)
from timetracker_desktop.services.ingest.dto import TerminalHealth
from timetracker_desktop.services.settings import load_settings

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Pending:
    last_seen_at: datetime
    requests: int = 0
    taps: int = 0


class TerminalHealthService:
    """Counts what the listener sees and tells how each terminal is doing."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock
        self._lock = threading.Lock()
        self._pending: dict[tuple[int, date], _Pending] = {}
        # The office zone decides what "today" is; refreshed from the settings at each flush.
        self._zone = ZoneInfo(BusinessSettings().time_zone)

    def seen(self, terminal_id: int) -> None:
        """Count one authenticated request; never touches the database."""
        self._count(terminal_id, requests=1, taps=0)

    def tapped(self, terminal_id: int) -> None:
        """Count one scan (a badge presented), whatever its outcome."""
        self._count(terminal_id, requests=0, taps=1)

    def _count(self, terminal_id: int, *, requests: int, taps: int) -> None:
        now = self._clock.now()
        key = (terminal_id, now.astimezone(self._zone).date())
        with self._lock:
            pending = self._pending.get(key)
            if pending is None:
                pending = self._pending[key] = _Pending(now)
            pending.last_seen_at = max(pending.last_seen_at, now)
            pending.requests += requests
            pending.taps += taps

    def flush(self) -> int:
        """Add the counts gathered so far to the database; on failure they are kept for the next flush."""
        with self._lock:
            batch, self._pending = self._pending, {}
        if not batch:  # nothing heard: no transaction (the GUI's listener process flushes every second)
            return 0
        try:
            with self._uow() as uow:
                for (terminal_id, day), pending in sorted(batch.items()):
                    uow.terminals.add_activity(
                        TerminalActivity(
                            terminal_id, pending.last_seen_at, day, pending.requests, pending.taps
                        )
                    )
                self._zone = load_settings(uow).zone
                uow.commit()
        except StorageUnavailableError as error:
            log.warning("terminal activity not saved yet: %s", error.cause)
            self._merge_back(batch)
            return 0
        return len(batch)

    def _merge_back(self, batch: dict[tuple[int, date], _Pending]) -> None:
        with self._lock:
            for key, old in batch.items():
                current = self._pending.setdefault(key, _Pending(old.last_seen_at))
                current.last_seen_at = max(current.last_seen_at, old.last_seen_at)
                current.requests += old.requests
                current.taps += old.taps

    def unflushed_last_seen(self) -> dict[int, datetime]:
        """When this process last saw each terminal, as far as it has not been flushed yet."""
        seen: dict[int, datetime] = {}
        with self._lock:
            for (terminal_id, _day), pending in self._pending.items():
                earlier = seen.get(terminal_id)
                seen[terminal_id] = (
                    pending.last_seen_at if earlier is None else max(earlier, pending.last_seen_at)
                )
        return seen

    def health(self, terminal_id: int) -> TerminalHealth:
        """Stored activity plus what this process has not flushed yet; online within the threshold."""
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            stored = uow.terminals.activity(terminal_id)
            settings = load_settings(uow)
        if stored is None:
            raise NotFoundError(EntityType.TERMINAL, terminal_id)
        today = now.astimezone(settings.zone).date()
        last_seen = stored.last_seen_at
        requests = stored.requests if stored.day == today else 0
        taps = stored.taps if stored.day == today else 0
        with self._lock:
            pending = self._pending.get((terminal_id, today))
            if pending is not None:
                last_seen = (
                    pending.last_seen_at if last_seen is None else max(last_seen, pending.last_seen_at)
                )
                requests += pending.requests
                taps += pending.taps
        online = (
            last_seen is not None and (now - last_seen).total_seconds() <= settings.terminal_online_seconds
        )
        return TerminalHealth(terminal_id, last_seen, today, requests, taps, online)

    def probe(self) -> None:
        """Touch the database; raises StorageUnavailableError when it cannot be reached."""
        with self._uow(read_only=True) as uow:
            uow.settings.all()
