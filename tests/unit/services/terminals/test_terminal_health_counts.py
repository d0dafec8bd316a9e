"""Terminal health counts in memory and keeps them when a flush fails."""

from datetime import date

from fakes import ADMIN, FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.repositories.ports.storage import StorageCause, TerminalActivity
from timetracker_desktop.services.container import Services


def test_counts_are_flushed_per_day_and_kept_when_the_database_is_down(
    services: Services, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    terminal = services.terminals.add_terminal(ADMIN, "Двері", kind=TerminalKind.CARD_READER).terminal.id
    health = services.terminal_health
    health.seen(terminal)
    health.seen(terminal)
    health.tapped(terminal)
    storage.unavailable = StorageCause.SERVER_UNREACHABLE
    assert health.flush() == 0
    clock.advance(seconds=5)
    health.seen(terminal)
    storage.unavailable = None
    assert health.flush() == 1
    with storage(read_only=True) as uow:
        assert uow.terminals.activity(terminal) == TerminalActivity(
            terminal, clock.now(), date(2026, 3, 4), 3, 1
        )
    assert health.flush() == 0  # nothing new to add
    assert health.health(terminal).online
    clock.advance(minutes=10)
    assert not health.health(terminal).online
