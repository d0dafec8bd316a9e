"""SQL repository for application users."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from timetracker_desktop.domain.users import Role, User
from timetracker_desktop.repositories.sql.orm import UserRow


def _user(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        role=Role(row.role),
        is_active=row.is_active,
        failed_logins=row.failed_logins,
        locked_until=row.locked_until,
        last_login_at=row.last_login_at,
    )


class SqlUserRepository:
    """Users in SQL."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, username: str, password_hash: str, role: Role, now: datetime) -> User:
        """Insert a user."""
        row = UserRow(
            username=username,
            password_hash=password_hash,
            role=role.value,
            is_active=True,
            failed_logins=0,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return _user(row)

    def get(self, user_id: int) -> User | None:
        """User by id."""
        row = self._session.get(UserRow, user_id)
        return None if row is None else _user(row)

    def by_username(self, username: str) -> tuple[User, str] | None:
        """User and password hash by user name."""
        row = self._session.scalar(select(UserRow).where(UserRow.username == username))
        return None if row is None else (_user(row), row.password_hash)

    def list_all(self) -> list[User]:
        """All users by name."""
        return [_user(r) for r in self._session.scalars(select(UserRow).order_by(UserRow.username))]

    def update(self, user: User) -> None:
        """Write role, state and login counters."""
        row = self._session.get_one(UserRow, user.id)
        row.role = user.role.value
        row.is_active = user.is_active
        row.failed_logins = user.failed_logins
        row.locked_until = user.locked_until
        row.last_login_at = user.last_login_at
        self._session.flush()

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace the bcrypt hash."""
        self._session.get_one(UserRow, user_id).password_hash = password_hash
        self._session.flush()

    def count_active_admins(self) -> int:
        """Active admins: the last one may not be removed."""
        stmt = select(func.count()).where(UserRow.role == Role.ADMIN.value, UserRow.is_active.is_(True))
        return self._session.scalar(stmt) or 0
