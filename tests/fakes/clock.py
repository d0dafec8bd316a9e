"""A controllable clock for tests of every layer."""

from datetime import UTC, datetime, timedelta


class FakeClock:
    """A clock that stands still until told to move."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 3, 4, 10, 0, tzinfo=UTC)

    def now(self) -> datetime:
        """The current fake instant (aware UTC)."""
        return self.current

    def advance(self, **delta: float) -> datetime:
        """Move forward by a timedelta given as keyword arguments."""
        self.current += timedelta(**delta)
        return self.current

    def set(self, at: datetime) -> None:
        """Jump to an instant."""
        self.current = at
