"""Desk enrollment on both databases: possession proof, holders named, explicit reassignment, key reset."""

import pytest
from emulators.badge_phone import public_key_b64, session_key
from fakes import ADMIN, VIEWER

from timetracker_desktop.domain.employees import BadgeKind, KeyState
from timetracker_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.people.desk_enrollment import EnrollmentResult


@pytest.fixture
def two(services: Services) -> tuple[int, int]:
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль")).id
    ivan = services.employees.add_employee(ADMIN, EmployeeDraft("Іван Шевченко")).id
    return olena, ivan


def test_card_enrollment_refuses_another_holder_unless_reassigned(
    services: Services, two: tuple[int, int]
) -> None:
    olena, ivan = two
    desk = services.desk_enrollment
    assert desk.enroll_card(ADMIN, olena, "15cd5b07").result is EnrollmentResult.CREATED
    assert desk.enroll_card(ADMIN, olena, "15CD5B07").result is EnrollmentResult.ALREADY_ENROLLED
    with pytest.raises(ConflictError, match="Олена Коваль"):
        desk.enroll_card(ADMIN, ivan, "15CD5B07")
    moved = desk.enroll_card(ADMIN, ivan, "15CD5B07", reassign=True)
    assert moved.result is EnrollmentResult.REASSIGNED
    who = desk.identify(BadgeKind.CARD, "15:cd:5b:07")
    assert who.employee is not None
    assert who.employee.id == ivan
    actions = [e.action for e in services.audit.entries(ADMIN, entity_type="badge")]
    assert actions[:2] == ["badge.reassign", "badge.create"]


def test_random_ids_and_unproven_phones_are_refused(services: Services, two: tuple[int, int]) -> None:
    olena, _ = two
    with pytest.raises(ValidationError, match="random ID"):
        services.desk_enrollment.enroll_card(ADMIN, olena, "08A1B2C3")
    key = public_key_b64(session_key(0))
    with pytest.raises(ValidationError, match="prove"):
        services.desk_enrollment.enroll_phone(ADMIN, olena, "EMP-1A2B3C4D", key, verified=False)
    with pytest.raises(ValidationError):
        services.desk_enrollment.enroll_phone(ADMIN, olena, "EMP-1A2B3C4D", "not a key", verified=True)
    assert services.employees.detail(olena).badges == ()
    with pytest.raises(PermissionDeniedError):
        services.desk_enrollment.enroll_card(VIEWER, olena, "15CD5B07")


def test_phone_key_is_stored_verified_never_overwritten_until_reset(
    services: Services, two: tuple[int, int]
) -> None:
    olena, _ = two
    desk = services.desk_enrollment
    first, other = public_key_b64(session_key(0)), public_key_b64(session_key(1))
    enrolled = desk.enroll_phone(ADMIN, olena, "emp-1a2b3c4d", first, verified=True)
    assert enrolled.badge.key_state is KeyState.VERIFIED
    assert enrolled.badge.public_key_b64 == first
    with pytest.raises(ConflictError, match="reset the key"):
        desk.enroll_phone(ADMIN, olena, "EMP-1A2B3C4D", other, verified=True)
    desk.reset_key(ADMIN, enrolled.badge.id, "new phone")
    again = desk.enroll_phone(ADMIN, olena, "EMP-1A2B3C4D", other, verified=True)
    assert again.result is EnrollmentResult.KEY_SAVED
    assert again.badge.public_key_b64 == other
