"""Employees and badges: validation, duplicate badges named, all-or-none import, audit before/after."""

import pytest
from fakes import ADMIN, VIEWER

from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft


def test_add_employee_with_badges_in_canonical_form(services: Services) -> None:
    draft = EmployeeDraft(
        "  Олена   Коваль ", "Бухгалтер", card_uid="04:a2:b3:c4:d5:e6:80", phone_code="emp-1a2b3c4d"
    )
    employee = services.employees.add_employee(ADMIN, draft)
    detail = services.employees.detail(employee.id)
    assert detail.employee.full_name == "Олена Коваль"
    assert detail.employee.position_name == "Бухгалтер"
    assert {(b.kind, b.value) for b in detail.badges} == {
        (BadgeKind.CARD, "04A2B3C4D5E680"),
        (BadgeKind.PHONE, "EMP-1A2B3C4D"),
    }


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (EmployeeDraft("   "), "full_name"),
        (EmployeeDraft("A" * 129), "full_name"),
        (EmployeeDraft("Ok", card_uid="04A2B3"), "card_uid"),
        (EmployeeDraft("Ok", card_uid="zz11aa22"), "card_uid"),
        (EmployeeDraft("Ok", phone_code="EMP-123"), "phone_code"),
    ],
)
def test_invalid_input_is_refused_and_nothing_is_saved(
    services: Services, draft: EmployeeDraft, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.employees.add_employee(ADMIN, draft)
    assert caught.value.field == field
    assert services.employees.list_employees() == []


def test_a_badge_held_by_someone_else_is_refused_naming_the_holder(services: Services) -> None:
    services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль", card_uid="15CD5B07"))
    with pytest.raises(ConflictError, match="Олена Коваль"):
        services.employees.add_employee(ADMIN, EmployeeDraft("Іван Шевченко", card_uid="15:cd:5b:07"))
    assert [e.full_name for e in services.employees.list_employees()] == ["Олена Коваль"]


def test_revoke_then_reissue_and_reassign(services: Services) -> None:
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена", card_uid="15CD5B07"))
    ivan = services.employees.add_employee(ADMIN, EmployeeDraft("Іван"))
    badge = services.employees.detail(olena.id).badges[0]
    moved = services.employees.reassign_badge(ADMIN, badge.id, ivan.id, "card handed over")
    assert moved.employee_id == ivan.id
    with pytest.raises(ValidationError):
        services.employees.revoke_badge(ADMIN, moved.id, " ")
    services.employees.revoke_badge(ADMIN, moved.id, "lost")
    assert all(not b.is_active for b in services.employees.detail(ivan.id).badges)
    again = services.employees.add_badge(ADMIN, olena.id, BadgeKind.CARD, "15cd5b07")
    assert again.is_active


def test_update_and_deactivate_are_audited_with_before_and_after(services: Services) -> None:
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль", "Бухгалтер"))
    services.employees.update_employee(ADMIN, employee.id, EmployeeDraft("Олена Коваль-Шевчук", "Бухгалтер"))
    services.employees.set_active(ADMIN, employee.id, False)
    entries = services.audit.entries(ADMIN, entity_type="employee")
    assert [e.action for e in entries] == ["employee.deactivate", "employee.update", "employee.create"]
    assert entries[1].before == {"full_name": "Олена Коваль"}
    assert entries[1].after == {"full_name": "Олена Коваль-Шевчук"}
    assert entries[0].after == {"is_active": False}
    assert services.audit.verify_chain().intact


def test_import_is_all_or_none_with_errors_per_line(services: Services) -> None:
    rows = [
        (2, EmployeeDraft("Олена", card_uid="15CD5B07")),
        (3, EmployeeDraft("", card_uid="04A2B3C4")),
        (4, EmployeeDraft("Іван", card_uid="15cd5b07")),
    ]
    result = services.employees.import_drafts(ADMIN, rows)
    assert not result.ok
    assert [(e.line, e.field) for e in result.errors] == [(3, "full_name"), (4, "card")]
    assert services.employees.list_employees() == []
    good = services.employees.import_drafts(
        ADMIN, [rows[0], (3, EmployeeDraft("Іван", phone_code="EMP-0000000A"))]
    )
    assert good.ok
    assert good.imported == 2
    assert len(services.employees.list_employees()) == 2


def test_viewers_cannot_change_people(services: Services) -> None:
    with pytest.raises(PermissionDeniedError):
        services.employees.add_employee(VIEWER, EmployeeDraft("X"))
