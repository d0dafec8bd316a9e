"""SQL repository of named leases: conditional updates, so that two processes never both hold one."""

from datetime import datetime
from typing import Any

from sqlalchemy import Executable, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from timetracker_desktop.repositories.ports.leases import Lease, LeaseHolder, RunnerKind
from timetracker_desktop.repositories.sql.orm import RunnerLeaseRow


class SqlLeaseRepository:
    """Leases in ``runner_leases``; each step is a statement whose WHERE decides, whoever comes second.

    On MariaDB an UPDATE waits for a rival's row lock and then reads the committed row again (READ COMMITTED),
    so the second of two takers of a run-out lease matches nothing. On SQLite the writer's ``BEGIN
    IMMEDIATE`` already puts them one after the other.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    def _changed(self, statement: Executable) -> bool:
        result = self._session.execute(statement)
        return int(getattr(result, "rowcount", 0) or 0) == 1  # matched rows (FOUND_ROWS on MariaDB)

    def take(self, name: str, holder: LeaseHolder, now: datetime, expires_at: datetime) -> bool:
        """Renew ours; else take a run-out one; else create it, unless a rival created it meanwhile."""
        row = RunnerLeaseRow
        renew = (
            update(row)
            .where(row.name == name, row.owner_id == holder.owner_id)
            .values(heartbeat_at=now, expires_at=expires_at)
        )
        if self._changed(renew):
            return True
        values: dict[str, Any] = {
            "owner_id": holder.owner_id,
            "owner_kind": holder.kind.value,
            "owner_host": holder.host,
            "owner_user": holder.user,
            "acquired_at": now,
            "heartbeat_at": now,
            "expires_at": expires_at,
        }
        if self._changed(update(row).where(row.name == name, row.expires_at <= now).values(values)):
            return True
        if self._session.scalar(select(row.name).where(row.name == name)) is not None:
            return False  # another holder's lease still runs
        try:
            with self._session.begin_nested():
                self._session.execute(insert(row).values(name=name, **values))
        except IntegrityError:  # a rival created it between our look and our insert: theirs
            return False
        return True

    def release(self, name: str, owner_id: str, now: datetime) -> bool:
        """Let ours run out now."""
        row = RunnerLeaseRow
        return self._changed(
            update(row).where(row.name == name, row.owner_id == owner_id).values(expires_at=now)
        )

    def get(self, name: str) -> Lease | None:
        """The stored lease (read as plain columns: an ORM object in the session could be stale)."""
        row = RunnerLeaseRow
        found = self._session.execute(
            select(
                row.owner_id, row.owner_kind, row.owner_host, row.owner_user,
                row.acquired_at, row.heartbeat_at, row.expires_at,
            ).where(row.name == name)
        ).first()  # fmt: skip
        if found is None:
            return None
        owner_id, owner_kind, host, user, acquired_at, heartbeat_at, expires_at = found
        try:
            kind = RunnerKind(owner_kind)
        except ValueError:  # written by a newer version of the program
            kind = RunnerKind.OTHER
        return Lease(name, LeaseHolder(owner_id, kind, host, user), acquired_at, heartbeat_at, expires_at)
