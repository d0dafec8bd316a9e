"""DeskEnrollmentService over the fake storage: random UIDs, taken badges, reassignment, phone keys, audit."""

from collections.abc import Callable

import pytest
from emulators.badge_phone import public_key_b64, session_key
from fakes import ADMIN, VIEWER, FakeUnitOfWorkFactory

from timetracker_desktop.domain.employees import BadgeKind, KeyState
from timetracker_desktop.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.people.desk_enrollment import EnrollmentResult

Actions = Callable[[], list[str]]
CODE = "EMP-1A2B3C4D"


def _people(services: Services) -> tuple[int, int]:
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена")).id
    ivan = services.employees.add_employee(ADMIN, EmployeeDraft("Іван")).id
    return olena, ivan


def test_a_card_is_bound_once_and_taken_cards_need_an_explicit_reassignment(
    services: Services, audit_actions: Actions
) -> None:
    olena, ivan = _people(services)
    desk = services.desk_enrollment
    with pytest.raises(PermissionDeniedError):
        desk.enroll_card(VIEWER, olena, "15CD5B07")
    assert desk.enroll_card(ADMIN, olena, "15:cd:5b:07").result is EnrollmentResult.CREATED
    assert desk.enroll_card(ADMIN, olena, "15CD5B07").result is EnrollmentResult.ALREADY_ENROLLED
    with pytest.raises(ConflictError, match="Олена") as taken:
        desk.enroll_card(ADMIN, ivan, "15CD5B07")
    assert taken.value.code == "badge_taken"
    moved = desk.enroll_card(ADMIN, ivan, "15CD5B07", reassign=True)
    assert (moved.result, moved.badge.employee_id) == (EnrollmentResult.REASSIGNED, ivan)
    who = desk.identify(BadgeKind.CARD, "15 cd 5b 07")
    assert who.employee is not None
    assert who.employee.full_name == "Іван"
    assert audit_actions()[-2:] == ["badge.create", "badge.reassign"]
    with pytest.raises(NotFoundError):
        desk.enroll_card(ADMIN, 999, "04A2B3C4")


def test_a_random_uid_never_becomes_a_badge(services: Services, storage: FakeUnitOfWorkFactory) -> None:
    olena, _ = _people(services)
    commits = storage.commits
    with pytest.raises(ValidationError) as caught:
        services.desk_enrollment.enroll_card(ADMIN, olena, "08AABBCC")
    assert caught.value.code == "random_uid"
    assert storage.commits == commits
    assert services.desk_enrollment.identify(BadgeKind.CARD, "08AABBCC").employee is None


def test_a_phone_is_enrolled_only_with_a_proven_key_and_one_key_at_a_time(
    services: Services, audit_actions: Actions
) -> None:
    olena, _ = _people(services)
    desk, key = services.desk_enrollment, public_key_b64(session_key(0))
    with pytest.raises(ValidationError) as unproven:
        desk.enroll_phone(ADMIN, olena, CODE, key, verified=False)
    assert unproven.value.code == "not_verified"
    with pytest.raises(ValidationError):
        desk.enroll_phone(ADMIN, olena, CODE, "bm90IGEga2V5", verified=True)
    first = desk.enroll_phone(ADMIN, olena, CODE.lower(), key, verified=True)
    assert (first.result, first.badge.key_state, first.badge.value) == (
        EnrollmentResult.CREATED,
        KeyState.VERIFIED,
        CODE,
    )
    assert (
        desk.enroll_phone(ADMIN, olena, CODE, key, verified=True).result is EnrollmentResult.ALREADY_ENROLLED
    )
    other = public_key_b64(session_key(1))
    with pytest.raises(ConflictError) as second_key:
        desk.enroll_phone(ADMIN, olena, CODE, other, verified=True)
    assert second_key.value.code == "key_already_registered"
    with pytest.raises(ValidationError):
        desk.reset_key(ADMIN, first.badge.id, " ")
    desk.reset_key(ADMIN, first.badge.id, "new phone")
    again = desk.enroll_phone(ADMIN, olena, CODE, other, verified=True)
    assert (again.result, again.badge.public_key_b64) == (EnrollmentResult.KEY_SAVED, other)
    assert audit_actions()[-4:] == [
        "badge.create",
        "badge.key_enrolled",
        "badge.key_reset",
        "badge.key_enrolled",
    ]
    with pytest.raises(NotFoundError):  # only phone badges have keys
        desk.reset_key(ADMIN, services.employees.add_badge(ADMIN, olena, BadgeKind.PIN, "7").id, "why")
