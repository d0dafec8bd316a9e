"""Application users, roles and what each role may do."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    """Admin manages users and settings; manager manages people and punches; viewer only reads."""

    ADMIN = "admin"
    MANAGER = "manager"
    VIEWER = "viewer"


class Permission(StrEnum):
    """Use-case permissions checked by services."""

    READ = "read"
    EDIT_PEOPLE = "edit_people"
    EDIT_PUNCHES = "edit_punches"
    MANAGE_TERMINALS = "manage_terminals"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.MANAGER: frozenset(
        {Permission.READ, Permission.EDIT_PEOPLE, Permission.EDIT_PUNCHES, Permission.MANAGE_TERMINALS}
    ),
    Role.VIEWER: frozenset({Permission.READ}),
}

MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_BYTES = 72  # bcrypt 5 rejects longer passwords


@dataclass(frozen=True, slots=True)
class User:
    """A person who logs into the application (never holds the hash outside storage)."""

    id: int
    username: str
    role: Role
    is_active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None
    last_login_at: datetime | None = None

    def can(self, permission: Permission) -> bool:
        """Whether this user's role grants the permission."""
        return self.is_active and permission in ROLE_PERMISSIONS[self.role]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who performs a use case: a user, the system, or a terminal (for the audit log)."""

    kind: str
    name: str
    user_id: int | None = None
    role: Role | None = None

    @staticmethod
    def system() -> "Actor":
        """The application itself (CLI set-up, scheduled jobs)."""
        return Actor("system", "system", None, Role.ADMIN)

    @staticmethod
    def of_user(user: User) -> "Actor":
        """A logged-in user."""
        return Actor("user", user.username, user.id, user.role)

    @staticmethod
    def terminal(terminal_id: int) -> "Actor":
        """A terminal acting through the listener."""
        return Actor("terminal", f"terminal:{terminal_id}", None, None)

    def can(self, permission: Permission) -> bool:
        """Whether this actor may perform the use case."""
        return self.role is not None and permission in ROLE_PERMISSIONS[self.role]
