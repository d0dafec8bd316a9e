"""Fake repository of application users; the password hash is kept beside the user, as in the table."""

from dataclasses import replace
from datetime import datetime

from fakes.tables import Transaction, existing, stored, unique, utc
from timetracker_desktop.domain.users import Role, User


class FakeUserRepository:
    """Users; user names are unique."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def add(self, username: str, password_hash: str, role: Role, now: datetime) -> User:
        """Insert a user."""
        utc(now)  # the timestamp column refuses a naive instant
        tables = self._tx.tables
        unique("users.username", username, (u.username for u in tables.users.values()))
        user = User(tables.next_id("users"), username, role)
        tables.users[user.id] = user
        tables.password_hashes[user.id] = password_hash
        return user

    def get(self, user_id: int) -> User | None:
        """User by id."""
        found: User | None = self._tx.tables.users.get(user_id)
        return found

    def by_username(self, username: str) -> tuple[User, str] | None:
        """User and password hash by user name."""
        tables = self._tx.tables
        user = next((u for u in tables.users.values() if u.username == username), None)
        return None if user is None else (user, tables.password_hashes[user.id])

    def list_all(self) -> list[User]:
        """All users by name."""
        return sorted(self._tx.tables.users.values(), key=lambda u: u.username)

    def update(self, user: User) -> None:
        """Write role, state and login counters (the user name never changes)."""
        users = self._tx.tables.users
        old = existing(users, user.id)
        users[user.id] = stored(replace(user, username=old.username))

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace the bcrypt hash."""
        tables = self._tx.tables
        existing(tables.users, user_id)
        tables.password_hashes[user_id] = password_hash

    def count_active_admins(self) -> int:
        """Active admins: the last one may not be removed."""
        return sum(1 for u in self._tx.tables.users.values() if u.role is Role.ADMIN and u.is_active)
