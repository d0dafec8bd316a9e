"""EmployeeService over the fake storage: roles, canonical and duplicate badges, reasons, audit, import."""

from collections.abc import Callable

import pytest
from fakes import ADMIN, MANAGER, VIEWER, FakeUnitOfWorkFactory

from timetracker_desktop.domain.employees import Badge, BadgeKind, Employee
from timetracker_desktop.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from timetracker_desktop.repositories.ports.storage import StorageCause, StorageUnavailableError
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

Actions = Callable[[], list[str]]


def test_a_viewer_cannot_change_people_and_nothing_is_written(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    olena = services.employees.add_employee(MANAGER, EmployeeDraft("Олена"))
    commits = storage.commits
    attempts: list[Callable[[], object]] = [
        lambda: services.employees.add_employee(VIEWER, EmployeeDraft("Іван")),
        lambda: services.employees.update_employee(VIEWER, olena.id, EmployeeDraft("Іван")),
        lambda: services.employees.set_active(VIEWER, olena.id, False),
        lambda: services.employees.add_badge(VIEWER, olena.id, BadgeKind.PIN, "7"),
        lambda: services.employees.import_drafts(VIEWER, [(2, EmployeeDraft("Іван"))]),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDeniedError):
            attempt()
    assert storage.commits == commits


def test_adding_an_employee_creates_position_badges_and_audit_in_one_commit(
    services: Services, storage: FakeUnitOfWorkFactory, audit_actions: Actions
) -> None:
    draft = EmployeeDraft(" Олена  Коваль ", " Бухгалтер ", card_uid="04:a2:b3:c4", pin="0042", comment=" x ")
    employee = services.employees.add_employee(ADMIN, draft)
    assert storage.commits == 1
    assert (employee.full_name, employee.position_name, employee.comment) == (
        "Олена Коваль",
        "Бухгалтер",
        "x",
    )
    badges = services.employees.detail(employee.id).badges
    assert {(b.kind, b.value) for b in badges} == {(BadgeKind.CARD, "04A2B3C4"), (BadgeKind.PIN, "0042")}
    assert services.employees.positions() == ["Бухгалтер"]
    assert audit_actions() == ["employee.create", "badge.create", "badge.create"]
    services.employees.add_employee(ADMIN, EmployeeDraft("Іван", "Бухгалтер"))
    assert services.employees.positions() == ["Бухгалтер"]  # found, not added twice


def test_a_held_badge_is_refused_naming_its_holder_and_the_whole_draft_is_dropped(
    services: Services, audit_actions: Actions
) -> None:
    services.employees.add_employee(ADMIN, EmployeeDraft("Олена", pin="42"))
    with pytest.raises(ConflictError, match="Олена") as caught:
        services.employees.add_employee(ADMIN, EmployeeDraft("Іван", "Склад", pin="42"))
    assert (caught.value.code, caught.value.field) == ("duplicate_badge", "pin")
    assert [e.full_name for e in services.employees.list_employees()] == ["Олена"]
    assert services.employees.positions() == []  # the position of the refused draft was rolled back
    assert audit_actions() == ["employee.create", "badge.create"]


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (EmployeeDraft(" "), "full_name"),
        (EmployeeDraft("Олена", card_uid="xyz"), "card_uid"),
        (EmployeeDraft("Олена", phone_code="EMP-1"), "phone_code"),
        (EmployeeDraft("Олена", pin="4 2"), "pin"),
        (EmployeeDraft("Олена", position="П" * 129), "position"),
        (EmployeeDraft("Олена", comment="к" * 256), "comment"),
    ],
)
def test_bad_drafts_are_refused_by_field(services: Services, draft: EmployeeDraft, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.employees.add_employee(ADMIN, draft)
    assert caught.value.field == field
    assert services.employees.list_employees() == []


def test_edits_and_deactivation_audit_only_what_changed(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Олена", "Бухгалтер"))
    edited = services.employees.update_employee(
        ADMIN, employee.id, EmployeeDraft("Олена Коваль", "Бухгалтер")
    )
    services.employees.update_employee(ADMIN, employee.id, EmployeeDraft("Олена Коваль", "Бухгалтер"))
    services.employees.set_active(MANAGER, employee.id, False)
    assert edited.full_name == "Олена Коваль"
    assert services.employees.list_employees(include_inactive=False) == []
    with storage(read_only=True) as uow:
        entries = uow.audit.all_in_order()
    update, deactivate = entries[1:]  # the unchanged second edit wrote nothing
    assert (update.action, update.before, update.after) == (
        "employee.update",
        {"full_name": "Олена"},
        {"full_name": "Олена Коваль"},
    )
    assert (deactivate.action, deactivate.after) == ("employee.deactivate", {"is_active": False})
    with pytest.raises(NotFoundError):
        services.employees.update_employee(ADMIN, 999, EmployeeDraft("Ніхто"))


def _two_people_one_badge(services: Services, holder: EmployeeDraft) -> tuple[Employee, Employee, Badge]:
    """The holder of the draft's one badge, and Іван who has none."""
    olena = services.employees.add_employee(ADMIN, holder)
    ivan = services.employees.add_employee(ADMIN, EmployeeDraft("Іван"))
    (badge,) = services.employees.detail(olena.id).badges
    return olena, ivan, badge


def test_revoking_needs_a_reason_happens_once_and_frees_the_value(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    _, ivan, badge = _two_people_one_badge(services, EmployeeDraft("Олена", card_uid="15CD5B07"))
    with pytest.raises(ValidationError) as caught:
        services.employees.revoke_badge(ADMIN, badge.id, "   ")
    assert caught.value.code == "reason_required"
    services.employees.revoke_badge(ADMIN, badge.id, "  lost \n at the gate ")
    with pytest.raises(ConflictError):
        services.employees.revoke_badge(ADMIN, badge.id, "again")
    with pytest.raises(NotFoundError):
        services.employees.revoke_badge(ADMIN, 999, "lost")
    reissued = services.employees.add_badge(ADMIN, ivan.id, BadgeKind.CARD, "15:cd:5b:07")
    assert (reissued.employee_id, reissued.value) == (ivan.id, "15CD5B07")
    with storage(read_only=True) as uow:
        (revoke,) = uow.audit.list_all(action="badge.revoke")
    assert revoke.reason == "lost at the gate"


def test_reassigning_moves_the_value_and_audits_both_holders(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    olena, ivan, badge = _two_people_one_badge(services, EmployeeDraft("Олена", pin="42"))
    with pytest.raises(ValidationError):
        services.employees.reassign_badge(ADMIN, badge.id, ivan.id, "")
    moved = services.employees.reassign_badge(ADMIN, badge.id, ivan.id, "changed desks")
    assert moved.employee_id == ivan.id
    assert not services.employees.detail(olena.id).badges[0].is_active
    with pytest.raises(NotFoundError):  # the old badge is revoked now
        services.employees.reassign_badge(ADMIN, badge.id, olena.id, "back")
    with storage(read_only=True) as uow:
        (entry,) = uow.audit.list_all(action="badge.reassign")
    assert (entry.before, entry.after, entry.reason) == (
        {"employee_id": olena.id},
        {"employee_id": ivan.id},
        "changed desks",
    )


def test_an_import_is_all_or_nothing_and_names_each_bad_line(
    services: Services, audit_actions: Actions
) -> None:
    services.employees.add_employee(ADMIN, EmployeeDraft("Олена", pin="1"))
    rows = [
        (2, EmployeeDraft("Іван", pin="2")),
        (3, EmployeeDraft("Петро", pin="2")),
        (4, EmployeeDraft("", pin="4")),
        (5, EmployeeDraft("Марія", pin="1")),
    ]
    result = services.employees.import_drafts(ADMIN, rows)
    assert (result.imported, result.ok) == (0, False)
    assert [(e.line, e.code) for e in result.errors] == [
        (3, "duplicate_in_file"),
        (4, "name_required"),
        (5, "duplicate_badge"),
    ]
    assert [e.full_name for e in services.employees.list_employees()] == ["Олена"]
    good = services.employees.import_drafts(ADMIN, rows[:1])
    assert (good.imported, good.ok) == (1, True)
    assert audit_actions()[-3:] == ["employee.create", "badge.create", "employee.import"]


def test_a_database_that_fails_reaches_the_caller_as_unavailable_and_nothing_is_half_written(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    storage.fail_commits = StorageCause.CONNECTION_LOST
    with pytest.raises(StorageUnavailableError) as lost:
        services.employees.add_employee(ADMIN, EmployeeDraft("Олена", pin="42"))
    assert lost.value.cause == "connection to the database server lost"
    storage.fail_commits = None
    storage.unavailable = StorageCause.SERVER_UNREACHABLE
    with pytest.raises(StorageUnavailableError):
        services.employees.list_employees()
    storage.unavailable = None
    assert services.employees.list_employees() == []
    assert services.employees.add_employee(ADMIN, EmployeeDraft("Олена", pin="42")).full_name == "Олена"
