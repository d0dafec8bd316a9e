"""UserService over the fake storage: the first admin, roles, lockout, the last admin, passwords, audit."""

from collections.abc import Callable

import pytest
from fakes import ADMIN, MANAGER, FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.domain.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from timetracker_desktop.domain.users import LOCKOUT_MINUTES, MAX_FAILED_LOGINS, Actor, Role
from timetracker_desktop.services.container import Services

Actions = Callable[[], list[str]]
PASSWORD = "correct horse"


def _first_admin(services: Services) -> Actor:
    admin = services.users.create_user(Actor("system", "setup"), "olena", PASSWORD, Role.ADMIN)
    return Actor.of_user(admin)


def test_the_first_user_must_be_an_admin_and_later_ones_need_the_right(services: Services) -> None:
    assert not services.users.has_users()
    with pytest.raises(ValidationError) as caught:
        services.users.create_user(Actor("system", "setup"), "ivan", PASSWORD, Role.VIEWER)
    assert caught.value.code == "first_user_admin"
    admin = _first_admin(services)
    assert services.users.has_users()
    with pytest.raises(PermissionDeniedError):
        services.users.create_user(MANAGER, "ivan", PASSWORD, Role.VIEWER)
    with pytest.raises(PermissionDeniedError):
        services.users.list_users(MANAGER)
    services.users.create_user(admin, "ivan", PASSWORD, Role.VIEWER)
    assert [u.username for u in services.users.list_users(admin)] == ["ivan", "olena"]


def test_user_names_are_checked_and_unique(services: Services) -> None:
    admin = _first_admin(services)
    with pytest.raises(ValidationError) as bad:
        services.users.create_user(admin, "a b", PASSWORD, Role.VIEWER)
    assert bad.value.code == "bad_username"
    with pytest.raises(ConflictError) as taken:
        services.users.create_user(admin, " olena ", PASSWORD, Role.VIEWER)
    assert (taken.value.code, taken.value.field) == ("username_taken", "username")


def test_login_succeeds_and_failures_are_audited_as_refused(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    _first_admin(services)
    user = services.users.authenticate(" olena ", PASSWORD)
    assert (user.failed_logins, user.last_login_at) == (0, services.clock.now())
    with pytest.raises(AuthenticationError):
        services.users.authenticate("olena", "wrong password")
    with pytest.raises(AuthenticationError):
        services.users.authenticate("nobody", PASSWORD)
    with storage(read_only=True) as uow:
        refused = uow.audit.list_all(action="session.login_failed")
        assert [e.outcome for e in refused] == ["refused", "refused"]
        assert [e.after["reason"] if e.after else None for e in refused] == ["unknown_user", "wrong_password"]
        stored = uow.users.get(user.id)
    assert stored is not None
    assert stored.failed_logins == 1  # the failure count survived the refusal


def test_repeated_failures_lock_the_user_out_for_a_while(
    services: Services, clock: FakeClock, audit_actions: Callable[[], list[str]]
) -> None:
    admin = _first_admin(services)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            services.users.authenticate("olena", "wrong password")
    assert "session.lockout" in audit_actions()
    with pytest.raises(AuthenticationError) as locked:
        services.users.authenticate("olena", PASSWORD)
    assert locked.value.code == "locked_out"
    clock.advance(minutes=LOCKOUT_MINUTES + 1)
    assert services.users.authenticate("olena", PASSWORD).locked_until is None
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            services.users.authenticate("olena", "wrong password")
    assert admin.user_id is not None
    assert services.users.unlock(admin, admin.user_id).locked_until is None
    assert services.users.authenticate("olena", PASSWORD).username == "olena"


def test_a_disabled_user_cannot_log_in_and_the_last_admin_stays(services: Services) -> None:
    admin = _first_admin(services)
    assert admin.user_id is not None
    ivan = services.users.create_user(admin, "ivan", PASSWORD, Role.MANAGER)
    services.users.set_active(admin, ivan.id, False)
    with pytest.raises(AuthenticationError) as disabled:
        services.users.authenticate("ivan", PASSWORD)
    assert disabled.value.code == "user_disabled"
    removals: list[Callable[[], object]] = [
        lambda: services.users.set_role(admin, admin.user_id or 0, Role.VIEWER),
        lambda: services.users.set_active(admin, admin.user_id or 0, False),
    ]
    for removal in removals:
        with pytest.raises(ConflictError) as last:
            removal()
        assert last.value.code == "last_admin"
    services.users.set_role(admin, ivan.id, Role.ADMIN)
    services.users.set_active(admin, ivan.id, True)
    assert services.users.set_role(admin, admin.user_id, Role.VIEWER).role is Role.VIEWER
    with pytest.raises(NotFoundError):
        services.users.set_role(ADMIN, 999, Role.VIEWER)


def test_passwords_are_changed_by_their_owner_or_an_admin_and_never_audited(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    admin = _first_admin(services)
    ivan = Actor.of_user(services.users.create_user(admin, "ivan", PASSWORD, Role.VIEWER))
    assert ivan.user_id is not None
    with pytest.raises(PermissionDeniedError):
        services.users.set_password(ivan, admin.user_id or 0, "another password")
    services.users.set_password(ivan, ivan.user_id, "my new password")
    services.users.set_password(admin, ivan.user_id, "reset password")
    with pytest.raises(AuthenticationError):
        services.users.authenticate("ivan", "my new password")
    assert services.users.authenticate("ivan", "reset password").id == ivan.user_id
    with storage(read_only=True) as uow:
        changes = uow.audit.list_all(action="user.password_change")
    assert [e.after for e in changes] == [{"password": "***"}, {"password": "***"}]


def test_password_rules_apply_to_new_users_and_new_passwords(services: Services) -> None:
    admin = _first_admin(services)
    with pytest.raises(ValidationError) as short:
        services.users.create_user(admin, "ivan", "short", Role.VIEWER)
    assert short.value.code == "password_too_short"
    with pytest.raises(ValidationError) as long:
        services.users.set_password(admin, admin.user_id or 0, "ї" * 37)  # 74 bytes in UTF-8
    assert long.value.code == "password_too_long"
    assert services.users.authenticate("olena", PASSWORD).username == "olena"
