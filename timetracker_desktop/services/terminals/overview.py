"""Terminals with their online state (seen within the online threshold) for lists and the status bar."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.settings import load_settings


@dataclass(frozen=True, slots=True)
class TerminalStatus:
    """A terminal and whether it reported recently."""

    terminal: Terminal
    online: bool


@dataclass(frozen=True, slots=True)
class TerminalOverview:
    """Every terminal's status at one instant."""

    at: datetime
    time_zone: str
    statuses: tuple[TerminalStatus, ...]

    @property
    def online(self) -> int:
        """Active terminals online now."""
        return sum(1 for s in self.statuses if s.online)

    @property
    def active(self) -> int:
        """Terminals not deactivated."""
        return sum(1 for s in self.statuses if s.terminal.is_active)


class TerminalOverviewService:
    """Reads terminals and decides online/offline from ``terminal_online_seconds``.

    Args:
        recent: what this process saw since the last flush of terminal activity (a listener on a thread of
            this process: ``TerminalHealthService.unflushed_last_seen``), so that a terminal counts online at
            once; the GUI's listener process flushes every second instead.
    """

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        recent: Callable[[], Mapping[int, datetime]] | None = None,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._recent = recent

    def overview(self) -> TerminalOverview:
        """All terminals with their online state."""
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            settings = load_settings(uow)
            terminals = uow.terminals.list_all()
        window = timedelta(seconds=settings.terminal_online_seconds)
        recent = self._recent() if self._recent is not None else {}
        statuses = []
        for t in terminals:
            seen = max((at for at in (t.last_seen_at, recent.get(t.id)) if at is not None), default=None)
            statuses.append(TerminalStatus(t, t.is_active and seen is not None and now - seen <= window))
        return TerminalOverview(now, settings.time_zone, tuple(statuses))
