"""Terminal health counts in memory and keeps them when a flush fails."""

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

from fakes import FakeClock

from timetracker_desktop.repositories.ports.storage import (
    StorageCause,
    StorageUnavailableError,
    TerminalActivity,
)
from timetracker_desktop.services.terminals.health import TerminalHealthService


class Storage:
    """A unit-of-work factory that records activities, or fails while ``down``."""

    def __init__(self) -> None:
        self.down = False
        self.saved: list[TerminalActivity] = []

    def __call__(self, *, read_only: bool = False) -> Any:
        owner = self

        class Uow:
            terminals = SimpleNamespace(add_activity=owner.saved.append)
            settings = SimpleNamespace(all=dict)

            def __enter__(self) -> "Uow":
                if owner.down:
                    raise StorageUnavailableError(StorageCause.SERVER_UNREACHABLE)
                return self

            def __exit__(self, *exc: object) -> None:
                return None

            commit: Callable[[], None] = staticmethod(lambda: None)

        return Uow()


def test_counts_are_flushed_per_day_and_kept_when_the_database_is_down() -> None:
    clock, storage = FakeClock(), Storage()
    health = TerminalHealthService(storage, clock)
    health.seen(1)
    health.seen(1)
    health.tapped(1)
    storage.down = True
    assert health.flush() == 0
    clock.advance(seconds=5)
    health.seen(1)
    storage.down = False
    assert health.flush() == 1
    assert storage.saved == [TerminalActivity(1, clock.now(), date(2026, 3, 4), 3, 1)]
    assert health.flush() == 0  # nothing new to add
