"""UnassignedService over the fake storage: assigning reads (badge, alias, confirmation), dismissal, audit."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fakes import ADMIN, MANAGER, VIEWER, FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.domain.attendance import Direction, PunchFlag, PunchSource
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.errors import (
    ConflictError,
    ErrorCode,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from timetracker_desktop.domain.month_closing import Month
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.repositories.ports.storage import UnassignedPunch
from timetracker_desktop.services.attendance.unassigned import UnassignedService
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

REASON = "забула картку вдома"
READ_AT = datetime(2026, 3, 4, 6, 0, tzinfo=UTC)
Queue = Callable[..., int]


@pytest.fixture
def queue(storage: FakeUnitOfWorkFactory) -> Queue:
    """Puts a read on the queue as the listener does; returns its id."""
    with storage() as uow:
        terminal_id = uow.terminals.add(Terminal(0, "Вхід", TerminalKind.CARD_READER), None, READ_AT).id
        uow.commit()

    def put(kind: BadgeKind, raw: str, canonical: str | None, *, minutes: int = 0) -> int:
        at = READ_AT.replace(minute=minutes)
        item = UnassignedPunch(0, terminal_id, kind, raw, canonical, at, at, "unknown_badge")
        with storage() as uow:
            item_id = uow.unassigned.add(item).id
            uow.commit()
        return item_id

    return put


@pytest.fixture
def unassigned(services: Services, clock: FakeClock) -> UnassignedService:
    """The service as the events view builds it."""
    return UnassignedService(services.uow, clock)


def test_assigning_a_card_read_issues_the_badge_and_a_reassigned_punch(
    services: Services,
    storage: FakeUnitOfWorkFactory,
    unassigned: UnassignedService,
    queue: Queue,
    audit_actions: Callable[[], list[str]],
) -> None:
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена")).id
    item = queue(BadgeKind.CARD, "04:a2:b3:c4", "04A2B3C4")
    (line,) = unassigned.list_open(VIEWER)
    assert (line.item.id, line.terminal_name, line.needs_confirmation) == (item, "Вхід", False)
    with pytest.raises(PermissionDeniedError):
        unassigned.assign(VIEWER, item, olena, REASON, add_badge=True)
    done = unassigned.assign(MANAGER, item, olena, REASON, add_badge=True)
    assert done.badge_created
    with storage(read_only=True) as uow:
        punch = uow.punches.get(done.punch_id)
        badge = uow.badges.find_active(BadgeKind.CARD, "04A2B3C4")
    assert punch is not None
    assert (punch.employee_id, punch.at, punch.direction, punch.source, punch.flags) == (
        olena,
        READ_AT,
        Direction.AUTO,
        PunchSource.TERMINAL,
        frozenset({PunchFlag.REASSIGNED}),
    )
    assert badge is not None
    assert badge.id == done.badge_id
    assert unassigned.list_open(VIEWER) == []
    assert audit_actions()[-2:] == ["badge.create", "unassigned.assign"]
    with pytest.raises(ConflictError) as again:
        unassigned.assign(MANAGER, item, olena, REASON, add_badge=True)
    assert again.value.code == "already_resolved"


def test_without_add_badge_the_read_becomes_a_punch_and_no_badge(
    services: Services, storage: FakeUnitOfWorkFactory, unassigned: UnassignedService, queue: Queue
) -> None:
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена")).id
    item = queue(BadgeKind.CARD, "04:a2:b3:c4", "04A2B3C4")
    done = unassigned.assign(MANAGER, item, olena, REASON)
    assert not done.badge_created
    assert done.badge_id is None
    with storage(read_only=True) as uow:
        punch = uow.punches.get(done.punch_id)
        assert uow.badges.find_active(BadgeKind.CARD, "04A2B3C4") is None
    assert punch is not None
    assert (punch.employee_id, punch.badge_id) == (olena, None)


def test_a_read_of_someone_elses_badge_or_for_an_inactive_employee_is_refused(
    services: Services, unassigned: UnassignedService, queue: Queue
) -> None:
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена", card_uid="04A2B3C4")).id
    ivan = services.employees.add_employee(ADMIN, EmployeeDraft("Іван")).id
    item = queue(BadgeKind.CARD, "04A2B3C4", "04A2B3C4")
    with pytest.raises(ConflictError) as taken:
        unassigned.assign(ADMIN, item, ivan, REASON, add_badge=True)
    assert taken.value.code == "duplicate_badge"
    services.employees.set_active(ADMIN, ivan, False)
    with pytest.raises(NotFoundError):
        unassigned.assign(ADMIN, item, ivan, REASON, add_badge=True)
    with pytest.raises(NotFoundError):
        unassigned.assign(ADMIN, 999, olena, REASON, add_badge=True)
    done = unassigned.assign(ADMIN, item, olena, REASON, add_badge=True)  # her own card: no new badge
    assert not done.badge_created


def test_a_phone_sighting_needs_confirmation(
    services: Services, unassigned: UnassignedService, queue: Queue
) -> None:
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена")).id
    item = queue(BadgeKind.PHONE, "EMP-1A2B3C4D", "EMP-1A2B3C4D")
    assert unassigned.list_open(ADMIN)[0].needs_confirmation
    with pytest.raises(ValidationError) as caught:
        unassigned.assign(ADMIN, item, olena, REASON, add_badge=True)
    assert caught.value.code == "confirmation_required"
    assert unassigned.assign(ADMIN, item, olena, REASON, confirmed=True, add_badge=True).badge_created


def test_an_unmappable_value_is_learned_as_an_alias_of_the_employees_card(
    services: Services, storage: FakeUnitOfWorkFactory, unassigned: UnassignedService, queue: Queue
) -> None:
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена")).id
    first, second = queue(BadgeKind.CARD, "W26:123", None), queue(BadgeKind.CARD, "W26:123", None, minutes=5)
    with pytest.raises(ValidationError) as no_card:
        unassigned.assign(ADMIN, first, olena, REASON, add_badge=True)
    assert no_card.value.code == "alias_needs_card"
    card = services.employees.add_badge(ADMIN, olena, BadgeKind.CARD, "15CD5B07")
    assert unassigned.assign(ADMIN, first, olena, REASON, add_badge=True).badge_id == card.id
    assert (
        unassigned.assign(ADMIN, second, olena, REASON, add_badge=True).badge_id == card.id
    )  # the alias is found again
    with storage(read_only=True) as uow:
        assert len(uow.audit.list_all(action="badge.alias_create")) == 1


def test_dismissing_keeps_the_item_with_its_reason(
    storage: FakeUnitOfWorkFactory, unassigned: UnassignedService, queue: Queue
) -> None:
    item = queue(BadgeKind.CARD, "04A2B3C4", "04A2B3C4")
    with pytest.raises(PermissionDeniedError):
        unassigned.dismiss(VIEWER, item, "test card")
    unassigned.dismiss(MANAGER, item, "  test   card ")
    with pytest.raises(ConflictError):
        unassigned.dismiss(MANAGER, item)
    with storage(read_only=True) as uow:
        kept = uow.unassigned.get(item)
        (entry,) = uow.audit.list_all(action="unassigned.dismiss")
    assert kept is not None
    assert kept.state == "dismissed"
    assert entry.reason == "test card"


def test_a_read_of_a_closed_month_stays_queued_until_the_month_is_reopened(
    services: Services, unassigned: UnassignedService, queue: Queue, clock: FakeClock
) -> None:
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена")).id
    item = queue(BadgeKind.CARD, "04:a2:b3:c4", "04A2B3C4")
    clock.set(datetime(2026, 4, 2, 9, 0, tzinfo=UTC))
    services.months.close(ADMIN, Month(2026, 3))
    with pytest.raises(ConflictError) as refused:
        unassigned.assign(MANAGER, item, olena, REASON)
    assert (refused.value.code, refused.value.params) == (ErrorCode.MONTH_CLOSED, {"month": "2026-03"})
    assert [line.item.id for line in unassigned.list_open(VIEWER)] == [item]  # still there, nothing lost
    services.months.reopen(ADMIN, Month(2026, 3), "the card was Olena's")
    assert unassigned.assign(MANAGER, item, olena, REASON).punch_id > 0
