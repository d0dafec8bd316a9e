"""Fake repositories of positions, employees and badges (one active badge per kind and value)."""

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime

from fakes.tables import Transaction, existing, exists, stored, unique, utc
from timetracker_desktop.domain.employees import Badge, BadgeKind, Employee, KeyState, Position


class FakePositionRepository:
    """Positions; names are unique."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def get(self, position_id: int) -> Position | None:
        """Position by id."""
        found: Position | None = self._tx.tables.positions.get(position_id)
        return found

    def by_name(self, name: str) -> Position | None:
        """Position by exact name."""
        return next((p for p in self._tx.tables.positions.values() if p.name == name), None)

    def add(self, name: str) -> Position:
        """Insert a position."""
        tables = self._tx.tables
        unique("positions.name", name, (p.name for p in tables.positions.values()))
        position = Position(tables.next_id("positions"), name, True)
        tables.positions[position.id] = position
        return position

    def list_all(self) -> list[Position]:
        """All positions by name."""
        return sorted(self._tx.tables.positions.values(), key=lambda p: p.name)


class FakeEmployeeRepository:
    """Employees, with their position's name joined on read."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def _joined(self, employee: Employee) -> Employee:
        position = self._tx.tables.positions.get(employee.position_id)
        return replace(employee, position_name=position.name if position else None)

    def add(self, full_name: str, position_id: int | None, comment: str | None, now: datetime) -> Employee:
        """Insert an employee."""
        utc(now)  # the timestamp column refuses a naive instant
        tables = self._tx.tables
        exists("employees.position_id", tables.positions, position_id)
        employee = Employee(tables.next_id("employees"), full_name, position_id, None, True, comment)
        tables.employees[employee.id] = employee
        return self._joined(employee)

    def lock_for_decision(self, employee_id: int) -> None:
        """Nothing to hold: the fake's transactions run one at a time in a test."""

    def lock_all_for_decision(self, employee_ids: Collection[int]) -> None:
        """Nothing to hold (as ``lock_for_decision``)."""

    def get(self, employee_id: int) -> Employee | None:
        """Employee by id."""
        found = self._tx.tables.employees.get(employee_id)
        return None if found is None else self._joined(found)

    def list_all(self, *, include_inactive: bool = True) -> list[Employee]:
        """Employees by name, then id."""
        rows = [e for e in self._tx.tables.employees.values() if include_inactive or e.is_active]
        return [self._joined(e) for e in sorted(rows, key=lambda e: (e.full_name, e.id))]

    def update(self, employee: Employee, now: datetime) -> None:
        """Write the editable fields."""
        utc(now)  # the timestamp column refuses a naive instant
        tables = self._tx.tables
        existing(tables.employees, employee.id)
        exists("employees.position_id", tables.positions, employee.position_id)
        tables.employees[employee.id] = replace(employee, position_name=None)

    def count(self) -> int:
        """Number of employees."""
        return len(self._tx.tables.employees)


class FakeBadgeRepository:
    """Badges and terminal aliases."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def _all(self) -> list[Badge]:
        return list(self._tx.tables.badges.values())

    def add(
        self,
        employee_id: int,
        kind: BadgeKind,
        value: str,
        now: datetime,
        *,
        public_key_b64: str | None = None,
        key_state: KeyState = KeyState.NONE,
    ) -> Badge:
        """Insert an active badge."""
        tables = self._tx.tables
        exists("badges.employee_id", tables.employees, employee_id)
        unique(
            "badges.kind, active_value",
            (kind, value),
            ((b.kind, b.value) for b in self._all() if b.is_active),
        )
        badge = stored(
            Badge(
                id=tables.next_id("badges"),
                employee_id=employee_id,
                kind=kind,
                value=value,
                key_state=key_state,
                public_key_b64=public_key_b64,
                created_at=now,
            )
        )
        tables.badges[badge.id] = badge
        return badge

    def get(self, badge_id: int) -> Badge | None:
        """Badge by id."""
        found: Badge | None = self._tx.tables.badges.get(badge_id)
        return found

    def find_active(self, kind: BadgeKind, value: str) -> Badge | None:
        """The active badge with this value, if any."""
        return next((b for b in self._all() if b.kind is kind and b.value == value and b.is_active), None)

    def latest(self, kind: BadgeKind, value: str) -> Badge | None:
        """The newest badge with this value, active or revoked."""
        same = [b for b in self._all() if b.kind is kind and b.value == value]
        return max(same, key=lambda b: b.id, default=None)

    def holder(self, kind: BadgeKind, value: str) -> tuple[Badge, Employee] | None:
        """The active badge with this value, else the newest revoked one, with its employee."""
        same = [b for b in self._all() if b.kind is kind and b.value == value]
        badge = max(same, key=lambda b: (b.is_active, b.id), default=None)
        if badge is None:
            return None
        employee = FakeEmployeeRepository(self._tx).get(badge.employee_id)
        assert employee is not None  # the foreign key
        return badge, employee

    def for_employee(self, employee_id: int) -> list[Badge]:
        """All badges of an employee, oldest first."""
        return sorted((b for b in self._all() if b.employee_id == employee_id), key=lambda b: b.id)

    def revoke(self, badge_id: int, now: datetime, reason: str) -> None:
        """Revoke for good: the value becomes free for a new badge."""
        badges = self._tx.tables.badges
        badges[badge_id] = stored(replace(existing(badges, badge_id), revoked_at=now, revoke_reason=reason))

    def set_key(self, badge_id: int, public_key_b64: str | None, state: KeyState) -> None:
        """Store, verify or reset a phone badge's public key."""
        badges = self._tx.tables.badges
        badges[badge_id] = replace(existing(badges, badge_id), public_key_b64=public_key_b64, key_state=state)

    def by_alias(self, terminal_id: int, raw_value: str) -> Badge | None:
        """The badge a terminal's raw value was mapped to."""
        badge_id = self._tx.tables.badge_aliases.get((terminal_id, raw_value))
        return None if badge_id is None else self.get(badge_id)

    def add_alias(self, terminal_id: int, raw_value: str, badge_id: int, now: datetime) -> None:
        """Learn a terminal's raw value for a badge."""
        utc(now)  # the timestamp column refuses a naive instant
        tables = self._tx.tables
        exists("badge_aliases.terminal_id", tables.terminals, terminal_id)
        exists("badge_aliases.badge_id", tables.badges, badge_id)
        unique("badge_aliases.terminal_id, raw_value", (terminal_id, raw_value), tables.badge_aliases)
        tables.badge_aliases[terminal_id, raw_value] = badge_id
