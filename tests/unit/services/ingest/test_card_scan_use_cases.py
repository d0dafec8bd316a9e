"""Card scans over the fake storage: punches and cooldown, the review queue, event-id idempotency, races."""

import pytest
from fakes import ADMIN, FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.domain.errors import ConflictError
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.ingest.challenges import ChallengeStore, DatabaseKey
from timetracker_desktop.services.ingest.dto import CardScan, ScanOutcome
from timetracker_desktop.services.ingest.scans import ScanService

CARD = "15CD5B07"


@pytest.fixture
def reader(services: Services) -> Terminal:
    """A card reader at the door, and Олена with her card."""
    services.employees.add_employee(ADMIN, EmployeeDraft("Олена", card_uid=CARD))
    return services.terminals.add_terminal(ADMIN, "Двері", kind=TerminalKind.CARD_READER).terminal


def _punches(storage: FakeUnitOfWorkFactory) -> int:
    with storage(read_only=True) as uow:
        return len(uow.punches.after_id(0, 100))


def test_taps_alternate_in_and_out_with_a_cooldown_between(
    services: Services, storage: FakeUnitOfWorkFactory, clock: FakeClock, reader: Terminal
) -> None:
    first = services.scans.card_scan(reader, CardScan(CARD)).result
    assert (first.outcome, first.direction, first.employee_name) == (
        ScanOutcome.RECORDED,
        Direction.IN,
        "Олена",
    )
    clock.advance(seconds=10)
    again = services.scans.card_scan(reader, CardScan(CARD)).result
    assert again.outcome is ScanOutcome.COOLDOWN
    assert again.retry_after_s is not None
    clock.advance(hours=8)
    leaving = services.scans.card_scan(reader, CardScan(CARD.lower())).result
    assert (leaving.outcome, leaving.direction) == (ScanOutcome.RECORDED, Direction.OUT)
    assert _punches(storage) == 2


def test_unknown_and_random_cards_are_refused_and_unknown_ones_kept_for_review(
    services: Services, storage: FakeUnitOfWorkFactory, reader: Terminal
) -> None:
    unknown = services.scans.card_scan(reader, CardScan("04A2B3C4")).result
    assert unknown.outcome is ScanOutcome.UNKNOWN_BADGE
    assert services.scans.card_scan(reader, CardScan("08AABBCC")).result.outcome is ScanOutcome.RANDOM_UID
    with storage(read_only=True) as uow:
        assert [(i.canonical_value, i.reason) for i in uow.unassigned.list_all()] == [("04A2B3C4", "unknown")]
    assert _punches(storage) == 0


def test_a_repeated_event_id_replays_its_first_outcome_and_refuses_another_card(
    services: Services, storage: FakeUnitOfWorkFactory, clock: FakeClock, reader: Terminal
) -> None:
    first = services.scans.card_scan(reader, CardScan(CARD, event_id="e-1"))
    clock.advance(minutes=5)
    repeat = services.scans.card_scan(reader, CardScan(CARD, event_id="e-1"))
    assert (repeat.duplicate, repeat.result.outcome, repeat.result.punch_id) == (
        True,
        ScanOutcome.RECORDED,
        first.result.punch_id,
    )
    with pytest.raises(ConflictError) as other:
        services.scans.card_scan(reader, CardScan("04A2B3C4", event_id="e-1"))
    assert other.value.code == "event_id_conflict"
    assert _punches(storage) == 1


def test_a_racing_request_with_the_same_event_id_gets_the_winners_outcome(
    services: Services, storage: FakeUnitOfWorkFactory, clock: FakeClock, reader: Terminal
) -> None:
    # Another listener process (its own service and lock) stores the same event while ours is deciding.
    rival = ScanService(storage, clock, ChallengeStore(clock, DatabaseKey(storage)), services.terminal_health)
    won: list[int | None] = []
    storage.before_commit = lambda: won.append(
        rival.card_scan(reader, CardScan(CARD, event_id="e-9")).result.punch_id
    )
    ours = services.scans.card_scan(reader, CardScan(CARD, event_id="e-9"))
    assert ours.duplicate
    assert [ours.result.punch_id] == won
    assert _punches(storage) == 1  # our own punch was rolled back with the losing transaction
