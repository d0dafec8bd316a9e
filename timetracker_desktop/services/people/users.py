"""Application users: first admin, login with lockout, roles, passwords; every step audited."""

import re
from dataclasses import replace
from datetime import timedelta

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import (
    AuthenticationError,
    ConflictError,
    ErrorCode,
    NotFoundError,
    ValidationError,
)
from timetracker_desktop.domain.users import LOCKOUT_MINUTES, MAX_FAILED_LOGINS, Actor, Permission, Role, User
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.people.passwords import PasswordHasher

USERNAME_RE = re.compile(r"^[\w.@-]{2,64}$")


def _check_username(username: str) -> str:
    name = username.strip()
    if not USERNAME_RE.match(name):
        raise ValidationError(
            "user name must be 2-64 letters, digits or . _ @ -", code=ErrorCode.BAD_USERNAME, field="username"
        )
    return name


def _removes_admin(before: User, after: User) -> bool:
    return (
        before.role is Role.ADMIN and before.is_active and not (after.role is Role.ADMIN and after.is_active)
    )


class UserService:
    """Users and sessions."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, hasher: PasswordHasher) -> None:
        self._uow = uow
        self._clock = clock
        self._hasher = hasher

    def has_users(self) -> bool:
        """False until the installing person created the first admin."""
        with self._uow(read_only=True) as uow:
            return bool(uow.users.list_all())

    def create_user(self, actor: Actor, username: str, password: str, role: Role) -> User:
        """Create a user; the very first user may be created by the system and must be an admin."""
        name = _check_username(username)
        password_hash = self._hasher.hash(password)
        now = self._clock.now()
        with self._uow() as uow:
            self._authorise_create(uow, actor, role)
            if uow.users.by_username(name) is not None:
                raise ConflictError(
                    f"user {name!r} already exists", code=ErrorCode.USERNAME_TAKEN, field="username"
                )
            user = uow.users.add(name, password_hash, role, now)
            record(
                uow,
                actor,
                now,
                AuditAction.USER_CREATE,
                (EntityType.USER, user.id),
                after={"username": name, "role": role.value},
            )
            uow.commit()
        return user

    @staticmethod
    def _authorise_create(uow: UnitOfWork, actor: Actor, role: Role) -> None:
        if not uow.users.list_all():
            if role is not Role.ADMIN:
                raise ValidationError(
                    "the first user must be an admin", code=ErrorCode.FIRST_USER_ADMIN, field="role"
                )
            return
        require(actor, Permission.MANAGE_USERS)

    def authenticate(self, username: str, password: str) -> User:
        """Log in; counts failures and locks the user out for a while after repeated ones."""
        now = self._clock.now()
        with self._uow() as uow:
            found = uow.users.by_username(username.strip())
            ok = self._hasher.verify(password, found[1] if found else None)
            if found is None:
                self._fail(uow, None, username, "unknown_user")
                raise AuthenticationError("wrong user name or password")
            user = found[0]
            if user.locked_until is not None and user.locked_until > now:
                self._fail(uow, user, username, "locked_out")
                raise AuthenticationError(
                    "too many failed attempts; try again later", code=ErrorCode.LOCKED_OUT
                )
            if not user.is_active:
                self._fail(uow, user, username, "disabled")
                raise AuthenticationError("this user is disabled", code=ErrorCode.USER_DISABLED)
            if not ok:
                self._count_failure(uow, user, username)
                raise AuthenticationError("wrong user name or password")
            user = replace(user, failed_logins=0, locked_until=None, last_login_at=now)
            uow.users.update(user)
            record(uow, Actor.of_user(user), now, AuditAction.SESSION_LOGIN, (EntityType.USER, user.id))
            uow.commit()
        return user

    def log_out(self, actor: Actor) -> None:
        """Record that the user logged out (or handed the PC to another user); audited like the login."""
        with self._uow() as uow:
            record(
                uow, actor, self._clock.now(), AuditAction.SESSION_LOGOUT, (EntityType.USER, actor.user_id)
            )
            uow.commit()

    def _fail(self, uow: UnitOfWork, user: User | None, username: str, reason: str) -> None:
        actor = Actor.of_user(user) if user else Actor("anonymous", username[:64] or "?")
        entity = (EntityType.USER, user.id) if user else None
        record(
            uow, actor, self._clock.now(), AuditAction.SESSION_LOGIN_FAILED, entity,
            after={"username": username[:64], "reason": reason}, outcome=AuditOutcome.REFUSED,
        )  # fmt: skip
        uow.commit()

    def _count_failure(self, uow: UnitOfWork, user: User, username: str) -> None:
        failures = user.failed_logins + 1
        locked_until = None
        if failures >= MAX_FAILED_LOGINS:
            locked_until = self._clock.now() + timedelta(minutes=LOCKOUT_MINUTES)
            failures = 0
            record(
                uow,
                Actor.of_user(user),
                self._clock.now(),
                AuditAction.SESSION_LOCKOUT,
                (EntityType.USER, user.id),
                outcome=AuditOutcome.REFUSED,
            )
        uow.users.update(replace(user, failed_logins=failures, locked_until=locked_until))
        self._fail(uow, user, username, "wrong_password")

    def list_users(self, actor: Actor) -> list[User]:
        """All users (admins only)."""
        require(actor, Permission.MANAGE_USERS)
        with self._uow(read_only=True) as uow:
            return uow.users.list_all()

    def _change(self, actor: Actor, user_id: int, action: AuditAction, **changes: object) -> User:
        require(actor, Permission.MANAGE_USERS)
        now = self._clock.now()
        with self._uow() as uow:
            user = uow.users.get(user_id)
            if user is None:
                raise NotFoundError(EntityType.USER, user_id)
            updated = replace(user, **changes)  # type: ignore[arg-type]
            if _removes_admin(user, updated) and uow.users.count_active_admins() <= 1:
                raise ConflictError("the last admin cannot be removed", code=ErrorCode.LAST_ADMIN)
            uow.users.update(updated)
            before = {k: str(getattr(user, k)) for k in changes}
            after = {k: str(v) for k, v in changes.items()}
            record(uow, actor, now, action, (EntityType.USER, user_id), before=before, after=after)
            uow.commit()
        return updated

    def set_role(self, actor: Actor, user_id: int, role: Role) -> User:
        """Change a user's role."""
        return self._change(actor, user_id, AuditAction.USER_ROLE_CHANGE, role=role)

    def set_active(self, actor: Actor, user_id: int, active: bool) -> User:
        """Enable or disable a user."""
        return self._change(
            actor, user_id, AuditAction.USER_ENABLE if active else AuditAction.USER_DISABLE, is_active=active
        )

    def unlock(self, actor: Actor, user_id: int) -> User:
        """Lift a lockout."""
        return self._change(actor, user_id, AuditAction.USER_UNLOCK, failed_logins=0, locked_until=None)

    def set_password(self, actor: Actor, user_id: int, password: str) -> None:
        """Set a new password: admins for anyone, a user for themselves."""
        if actor.user_id != user_id:
            require(actor, Permission.MANAGE_USERS)
        password_hash = self._hasher.hash(password)
        now = self._clock.now()
        with self._uow() as uow:
            if uow.users.get(user_id) is None:
                raise NotFoundError(EntityType.USER, user_id)
            uow.users.set_password_hash(user_id, password_hash)
            record(
                uow,
                actor,
                now,
                AuditAction.USER_PASSWORD_CHANGE,
                (EntityType.USER, user_id),
                after={"password": "changed"},
            )
            uow.commit()
