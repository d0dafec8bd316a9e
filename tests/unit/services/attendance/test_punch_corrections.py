"""PunchService over the fake storage: manual punches at local times, corrections as new records, audit."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fakes import ADMIN, MANAGER, VIEWER, FakeUnitOfWorkFactory

from timetracker_desktop.domain.attendance import CorrectionKind, Direction, PunchSource
from timetracker_desktop.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft


def local(text: str) -> datetime:
    """A naive office wall-clock time, as the manual-punch dialog hands it over."""
    return datetime.fromisoformat(text)


MORNING = local("2026-03-04T08:00")  # Kyiv, UTC+2 in March


def _employee(services: Services) -> int:
    return services.employees.add_employee(ADMIN, EmployeeDraft("Олена")).id


def test_a_manual_punch_is_stored_in_utc_with_its_author_reason_and_audit(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    employee = _employee(services)
    punch_id = services.punches.add_manual(MANAGER, employee, MORNING, "  forgot the card ")
    with storage(read_only=True) as uow:
        punch = uow.punches.get(punch_id)
        (entry,) = uow.audit.list_all(action="punch.manual_add")
    assert punch is not None
    assert (punch.at, punch.source, punch.direction, punch.reason) == (
        datetime(2026, 3, 4, 6, 0, tzinfo=UTC),
        PunchSource.MANUAL,
        Direction.IN,  # the direction rule: the first punch of the day comes in
        "forgot the card",
    )
    assert (entry.entity_id, entry.reason) == (str(punch_id), "forgot the card")
    second = services.punches.add_manual(MANAGER, employee, MORNING.replace(hour=17), "left early")
    with storage(read_only=True) as uow:
        later = uow.punches.get(second)
    assert later is not None
    assert later.direction is Direction.OUT


@pytest.mark.parametrize(
    ("local", "direction", "code"),
    [
        (MORNING, Direction.AUTO, "direction_required"),
        (local("2026-03-29T03:30"), None, "nonexistent_local_time"),  # the spring gap
        (local("2026-10-25T03:30"), None, "ambiguous_local_time"),  # the autumn hour comes twice
    ],
)
def test_manual_punches_refuse_unclear_input(
    services: Services,
    storage: FakeUnitOfWorkFactory,
    local: datetime,
    direction: Direction | None,
    code: str,
) -> None:
    employee = _employee(services)
    commits = storage.commits
    with pytest.raises(ValidationError) as caught:
        services.punches.add_manual(ADMIN, employee, local, "reason", direction=direction)
    assert caught.value.code == code
    assert storage.commits == commits


def test_manual_punches_need_the_right_a_reason_and_an_employee(services: Services) -> None:
    employee = _employee(services)
    with pytest.raises(PermissionDeniedError):
        services.punches.add_manual(VIEWER, employee, MORNING, "reason")
    with pytest.raises(ValidationError) as caught:
        services.punches.add_manual(ADMIN, employee, MORNING, " \t")
    assert caught.value.code == "reason_required"
    with pytest.raises(ValidationError):
        services.punches.add_manual(ADMIN, employee, MORNING, "x" * 501)
    with pytest.raises(NotFoundError):
        services.punches.add_manual(ADMIN, 999, MORNING, "reason")
    second_pass = services.punches.add_manual(
        ADMIN, employee, local("2026-10-25T03:30"), "night shift", direction=Direction.OUT, fold=1
    )
    assert second_pass > 0


def test_corrections_are_new_records_with_reasons_and_an_undo_cannot_be_undone(
    services: Services, storage: FakeUnitOfWorkFactory, audit_actions: Callable[[], list[str]]
) -> None:
    employee = _employee(services)
    punch_id = services.punches.add_manual(ADMIN, employee, MORNING, "forgot", direction=Direction.IN)
    with pytest.raises(ValidationError):
        services.punches.set_direction(ADMIN, punch_id, Direction.AUTO, "why")
    with pytest.raises(ValidationError):
        services.punches.void(ADMIN, punch_id, "")
    with pytest.raises(PermissionDeniedError):
        services.punches.void(VIEWER, punch_id, "wrong")
    with pytest.raises(NotFoundError):
        services.punches.void(ADMIN, 999, "wrong")
    override = services.punches.set_direction(MANAGER, punch_id, Direction.OUT, "was leaving")
    void = services.punches.void(MANAGER, punch_id, "double entry")
    undo = services.punches.undo(MANAGER, void, "not a double after all")
    with pytest.raises(ConflictError) as caught:
        services.punches.undo(MANAGER, undo, "undo the undo")
    assert caught.value.code == "undo_of_undo"
    with pytest.raises(NotFoundError):
        services.punches.undo(MANAGER, 999, "nothing")
    with storage(read_only=True) as uow:
        corrections = uow.corrections.for_employees([employee])[employee]
        punch = uow.punches.get(punch_id)
    assert [(c.id, c.kind) for c in corrections] == [
        (override, CorrectionKind.SET_DIRECTION),
        (void, CorrectionKind.VOID),
        (undo, CorrectionKind.UNDO),
    ]
    assert corrections[2].target_correction_id == void
    assert punch is not None
    assert punch.direction is Direction.IN  # the raw punch never changes
    assert audit_actions()[-4:] == ["punch.manual_add", "punch.set_direction", "punch.void", "punch.undo"]
