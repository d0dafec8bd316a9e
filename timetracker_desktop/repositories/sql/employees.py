"""SQL repositories for positions, employees and badges."""

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from timetracker_desktop.domain.employees import Badge, BadgeKind, Employee, KeyState, Position
from timetracker_desktop.repositories.sql.chunks import chunks
from timetracker_desktop.repositories.sql.orm import BadgeAliasRow, BadgeRow, EmployeeRow, PositionRow


def _position(row: PositionRow) -> Position:
    return Position(id=row.id, name=row.name, is_active=row.is_active)


def _badge(row: Any) -> Badge:
    """A badge from an ORM row or a plain row of the badge table's columns."""
    return Badge(
        id=row.id,
        employee_id=row.employee_id,
        kind=BadgeKind(row.kind),
        value=row.value,
        key_state=KeyState(row.key_state),
        public_key_b64=row.public_key_b64,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
        revoke_reason=row.revoke_reason,
    )


class SqlPositionRepository:
    """Positions in SQL."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, position_id: int) -> Position | None:
        """Position by id."""
        row = self._session.get(PositionRow, position_id)
        return None if row is None else _position(row)

    def by_name(self, name: str) -> Position | None:
        """Position by exact name."""
        row = self._session.scalar(select(PositionRow).where(PositionRow.name == name))
        return None if row is None else _position(row)

    def add(self, name: str) -> Position:
        """Insert a position."""
        row = PositionRow(name=name, is_active=True)
        self._session.add(row)
        self._session.flush()
        return _position(row)

    def list_all(self) -> list[Position]:
        """All positions by name."""
        return [_position(r) for r in self._session.scalars(select(PositionRow).order_by(PositionRow.name))]


_EMPLOYEES, _POSITIONS = EmployeeRow.__table__, PositionRow.__table__
# Columns in Employee's field order, with the position's name joined.
_EMPLOYEE_COLUMNS = (_EMPLOYEES.c.id, _EMPLOYEES.c.full_name, _EMPLOYEES.c.position_id, _POSITIONS.c.name,
                     _EMPLOYEES.c.is_active, _EMPLOYEES.c.comment)  # fmt: skip
_WITH_POSITION = _EMPLOYEES.outerjoin(_POSITIONS, _EMPLOYEES.c.position_id == _POSITIONS.c.id)
_EMPLOYEE_BY_ID = (
    select(*_EMPLOYEE_COLUMNS).select_from(_WITH_POSITION).where(_EMPLOYEES.c.id == bindparam("id"))
)
# Plain rows, not ORM entities: the Today board lists every employee every few seconds (-15 ms for 800).
_ALL_EMPLOYEES = (
    select(*_EMPLOYEE_COLUMNS).select_from(_WITH_POSITION).order_by(_EMPLOYEES.c.full_name, _EMPLOYEES.c.id)
)
_ACTIVE_EMPLOYEES = _ALL_EMPLOYEES.where(_EMPLOYEES.c.is_active.is_(True))


# Built once: the scan path runs it per tap.
_LOCK_EMPLOYEE = select(EmployeeRow.id).where(EmployeeRow.id == bindparam("id")).with_for_update()


class SqlEmployeeRepository:
    """Employees in SQL."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _employee(row: EmployeeRow, position_name: str | None) -> Employee:
        return Employee(
            id=row.id,
            full_name=row.full_name,
            position_id=row.position_id,
            position_name=position_name,
            is_active=row.is_active,
            comment=row.comment,
        )

    def lock_for_decision(self, employee_id: int) -> None:
        """A row lock on MariaDB/MySQL; on SQLite the same read begins the write transaction (IMMEDIATE),
        which holds the whole database (SQLite leaves out FOR UPDATE).

        The engine runs READ COMMITTED on MariaDB (engine.py), so the plain reads after the lock see what the
        previous holder committed; under REPEATABLE READ they would read the transaction's first snapshot.
        """
        self._session.execute(_LOCK_EMPLOYEE, {"id": employee_id})

    def lock_all_for_decision(self, employee_ids: Collection[int]) -> None:
        """One locking read in primary-key order, so that two batches never lock the same pair crosswise."""
        if employee_ids:
            for chunk in chunks(sorted(set(employee_ids))):
                stmt = select(EmployeeRow.id).where(EmployeeRow.id.in_(chunk)).order_by(EmployeeRow.id)
                self._session.execute(stmt.with_for_update())

    def add(self, full_name: str, position_id: int | None, comment: str | None, now: datetime) -> Employee:
        """Insert an employee."""
        row = EmployeeRow(
            full_name=full_name,
            position_id=position_id,
            comment=comment,
            is_active=True,
            created_at=now,
            updated_at=now,
        )
        self._session.add(row)
        self._session.flush()
        position = self._session.get(PositionRow, position_id) if position_id else None
        return self._employee(row, position.name if position else None)

    def get(self, employee_id: int) -> Employee | None:
        """Employee by id."""
        found = self._session.execute(_EMPLOYEE_BY_ID, {"id": employee_id}).first()
        return None if found is None else Employee(*found)

    def list_all(self, *, include_inactive: bool = True) -> list[Employee]:
        """Employees by name, then id."""
        stmt = _ALL_EMPLOYEES if include_inactive else _ACTIVE_EMPLOYEES
        return [Employee(*row) for row in self._session.execute(stmt)]

    def update(self, employee: Employee, now: datetime) -> None:
        """Write the editable fields."""
        row = self._session.get_one(EmployeeRow, employee.id)
        row.full_name = employee.full_name
        row.position_id = employee.position_id
        row.is_active = employee.is_active
        row.comment = employee.comment
        row.updated_at = now
        self._session.flush()

    def count(self) -> int:
        """Number of employees."""
        return self._session.scalar(select(func.count()).select_from(EmployeeRow)) or 0


# The terminal scan path's look-ups, built once: plain-table statements skip the ORM's per-call statement
# building and result processing (the listener's CPU per scan, docs/benchmarks.md).
_BADGES = BadgeRow.__table__
_ACTIVE_BADGE = select(_BADGES).where(
    _BADGES.c.kind == bindparam("kind"), _BADGES.c.active_value == bindparam("value")
)
_LATEST_BADGE = (
    select(_BADGES)
    .where(_BADGES.c.kind == bindparam("kind"), _BADGES.c.value == bindparam("value"))
    .order_by(_BADGES.c.id.desc())
    .limit(1)
)


# A scan's badge (the active one, else the newest revoked one) and its employee in one read; the employee's
# columns are labelled so that the badge's keep their names.
_HOLDER = (
    select(_BADGES, *(column.label(f"holder_{i}") for i, column in enumerate(_EMPLOYEE_COLUMNS)))
    .select_from(_BADGES.join(_WITH_POSITION, _BADGES.c.employee_id == _EMPLOYEES.c.id))
    .where(_BADGES.c.kind == bindparam("kind"), _BADGES.c.value == bindparam("value"))
    .order_by(_BADGES.c.active_value.is_(None), _BADGES.c.id.desc())
    .limit(1)
)


class SqlBadgeRepository:
    """Badges and aliases in SQL."""

    def __init__(self, session: Session) -> None:
        self._session = session

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
        row = BadgeRow(
            employee_id=employee_id,
            kind=kind.value,
            value=value,
            active_value=value,
            public_key_b64=public_key_b64,
            key_state=key_state.value,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return _badge(row)

    def get(self, badge_id: int) -> Badge | None:
        """Badge by id."""
        row = self._session.get(BadgeRow, badge_id, populate_existing=True)  # fresh after a lock
        return None if row is None else _badge(row)

    def find_active(self, kind: BadgeKind, value: str) -> Badge | None:
        """The active badge with this value, if any."""
        row = self._session.execute(_ACTIVE_BADGE, {"kind": kind.value, "value": value}).first()
        return None if row is None else _badge(row)

    def latest(self, kind: BadgeKind, value: str) -> Badge | None:
        """The newest badge with this value, active or revoked."""
        row = self._session.execute(_LATEST_BADGE, {"kind": kind.value, "value": value}).first()
        return None if row is None else _badge(row)

    def holder(self, kind: BadgeKind, value: str) -> tuple[Badge, Employee] | None:
        """The active badge with this value, else the newest revoked one, with its employee."""
        row = self._session.execute(_HOLDER, {"kind": kind.value, "value": value}).first()
        return None if row is None else (_badge(row), Employee(*row[-len(_EMPLOYEE_COLUMNS) :]))

    def for_employee(self, employee_id: int) -> list[Badge]:
        """All badges of an employee, oldest first."""
        stmt = select(BadgeRow).where(BadgeRow.employee_id == employee_id).order_by(BadgeRow.id)
        return [_badge(r) for r in self._session.scalars(stmt)]

    def revoke(self, badge_id: int, now: datetime, reason: str) -> None:
        """Revoke for good: the value becomes free for a new badge."""
        row = self._session.get_one(BadgeRow, badge_id)
        row.revoked_at = now
        row.revoke_reason = reason
        row.active_value = None
        self._session.flush()

    def set_key(self, badge_id: int, public_key_b64: str | None, state: KeyState) -> None:
        """Store, verify or reset a phone badge's public key."""
        row = self._session.get_one(BadgeRow, badge_id)
        row.public_key_b64 = public_key_b64
        row.key_state = state.value
        self._session.flush()

    def by_alias(self, terminal_id: int, raw_value: str) -> Badge | None:
        """The badge a terminal's raw value was mapped to."""
        row = self._session.scalar(
            select(BadgeRow)
            .join(BadgeAliasRow, BadgeAliasRow.badge_id == BadgeRow.id)
            .where(BadgeAliasRow.terminal_id == terminal_id, BadgeAliasRow.raw_value == raw_value)
        )
        return None if row is None else _badge(row)

    def add_alias(self, terminal_id: int, raw_value: str, badge_id: int, now: datetime) -> None:
        """Learn a terminal's raw value for a badge."""
        self._session.add(
            BadgeAliasRow(terminal_id=terminal_id, raw_value=raw_value, badge_id=badge_id, created_at=now)
        )
        self._session.flush()
