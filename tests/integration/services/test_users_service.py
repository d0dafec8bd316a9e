"""Users: the first admin, bcrypt login, lockout after repeated failures, roles; all audited."""

import pytest
from fakes import ADMIN, VIEWER, FakeClock

from timetracker_desktop.domain.errors import (
    AuthenticationError,
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from timetracker_desktop.domain.users import MAX_FAILED_LOGINS, Actor, Role
from timetracker_desktop.services.container import Services

PASSWORD = "correct horse 1"


def test_first_user_must_be_an_admin_and_later_users_need_an_admin(services: Services) -> None:
    nobody = Actor("anonymous", "installer")
    with pytest.raises(ValidationError, match="first user must be an admin"):
        services.users.create_user(nobody, "olena", PASSWORD, Role.MANAGER)
    admin = services.users.create_user(nobody, "olena", PASSWORD, Role.ADMIN)
    assert admin.role is Role.ADMIN
    with pytest.raises(PermissionDeniedError):
        services.users.create_user(nobody, "ivan", PASSWORD, Role.VIEWER)
    with pytest.raises(ConflictError):
        services.users.create_user(ADMIN, "olena", PASSWORD, Role.VIEWER)
    assert services.users.create_user(ADMIN, "ivan", PASSWORD, Role.VIEWER).role is Role.VIEWER


def test_password_rules_and_hash_never_stored_plain(services: Services) -> None:
    with pytest.raises(ValidationError, match="at least"):
        services.users.create_user(ADMIN, "olena", "short", Role.ADMIN)
    with pytest.raises(ValidationError, match="72 bytes"):
        services.users.create_user(ADMIN, "olena", "ї" * 40, Role.ADMIN)
    services.users.create_user(ADMIN, "olena", PASSWORD, Role.ADMIN)
    with services.uow(read_only=True) as uow:
        found = uow.users.by_username("olena")
    assert found is not None
    assert found[1].startswith("$2b$04$")
    assert PASSWORD not in found[1]


def test_login_succeeds_and_failures_lock_the_user_out_for_a_while(
    services: Services, clock: FakeClock
) -> None:
    services.users.create_user(ADMIN, "olena", PASSWORD, Role.ADMIN)
    assert services.users.authenticate("olena", PASSWORD).last_login_at == clock.now()
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError) as wrong:
            services.users.authenticate("olena", "wrong password")
        assert wrong.value.code == "invalid_credentials"
    with pytest.raises(AuthenticationError) as locked:
        services.users.authenticate("olena", PASSWORD)
    assert locked.value.code == "locked_out"
    clock.advance(minutes=16)
    assert services.users.authenticate("olena", PASSWORD).failed_logins == 0


def test_unknown_user_and_every_login_attempt_are_audited(services: Services) -> None:
    services.users.create_user(ADMIN, "olena", PASSWORD, Role.ADMIN)
    with pytest.raises(AuthenticationError):
        services.users.authenticate("nobody", PASSWORD)
    services.users.authenticate("olena", PASSWORD)
    actions = [e.action for e in services.audit.entries(ADMIN)]
    assert actions[:3] == ["session.login", "session.login_failed", "user.create"]
    failed = services.audit.entries(ADMIN, action="session.login_failed")[0]
    assert failed.after == {"username": "nobody", "reason": "unknown_user"}
    assert failed.outcome == "refused"


def test_the_last_admin_cannot_be_demoted_or_disabled(services: Services) -> None:
    admin = services.users.create_user(ADMIN, "olena", PASSWORD, Role.ADMIN)
    with pytest.raises(ConflictError, match="last admin"):
        services.users.set_role(ADMIN, admin.id, Role.VIEWER)
    with pytest.raises(ConflictError, match="last admin"):
        services.users.set_active(ADMIN, admin.id, False)
    with pytest.raises(PermissionDeniedError):
        services.users.list_users(VIEWER)
