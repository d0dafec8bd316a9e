"""SQL repository for the append-only, hash-chained audit log."""

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from timetracker_desktop.domain.audit import AuditEntry, entry_hash
from timetracker_desktop.repositories.sql.orm import AuditChainLockRow, AuditRow


def _dump(values: Mapping[str, Any] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


def _load(text: str | None) -> dict[str, Any] | None:
    return None if text is None else dict(json.loads(text))


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        actor_user_id=row.actor_user_id,
        action=row.action,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        before=_load(row.before_json),
        after=_load(row.after_json),
        reason=row.reason,
        outcome=row.outcome,
        workstation=row.workstation,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


class SqlAuditRepository:
    """Audit entries: append and read, nothing else."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _last_hash(self) -> str | None:
        # Serialise appenders on MySQL so that two transactions never chain to the same predecessor.
        # The queue forms on the lock row (a record lock, no gap: see migration 0005); the newest entry
        # is then read with a locking read, which sees the latest commit under REPEATABLE READ.
        self._session.execute(select(AuditChainLockRow.id).where(AuditChainLockRow.id == 1).with_for_update())
        stmt = select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1).with_for_update()
        return self._session.scalar(stmt)

    def append(self, entry: AuditEntry) -> AuditEntry:
        """Append an entry chained to the previous one."""
        # Round-trip before/after through JSON so the hash covers exactly what is stored.
        stored = replace(entry, before=_load(_dump(entry.before)), after=_load(_dump(entry.after)))
        prev = self._last_hash()
        digest = entry_hash(stored, prev)
        row = AuditRow(
            at=entry.at,
            actor=entry.actor,
            actor_user_id=entry.actor_user_id,
            action=entry.action,
            entity_type=entry.entity_type,
            entity_id=entry.entity_id,
            before_json=_dump(entry.before),
            after_json=_dump(entry.after),
            reason=entry.reason,
            outcome=entry.outcome,
            workstation=entry.workstation,
            prev_hash=prev,
            hash=digest,
        )
        self._session.add(row)
        self._session.flush()
        return _entry(row)

    def list_all(
        self, *, action: str | None = None, entity_type: str | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        """Newest entries first, optionally filtered."""
        stmt = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if action:
            stmt = stmt.where(AuditRow.action == action)
        if entity_type:
            stmt = stmt.where(AuditRow.entity_type == entity_type)
        return [_entry(r) for r in self._session.scalars(stmt)]

    def all_in_order(self) -> list[AuditEntry]:
        """Every entry, oldest first (for chain verification)."""
        return [_entry(r) for r in self._session.scalars(select(AuditRow).order_by(AuditRow.id))]
