"""Fake repositories of the hash-chained audit log and of the business settings."""

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from fakes.tables import Transaction, stored, utc
from timetracker_desktop.domain.audit import AuditEntry, entry_hash


def _round_trip(values: Mapping[str, Any] | None) -> dict[str, Any] | None:
    # What the JSON column gives back (dates become text), so the hash covers exactly what is stored.
    if values is None:
        return None
    return dict(json.loads(json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)))


class FakeAuditRepository:
    """Audit entries: append and read, nothing else."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def append(self, entry: AuditEntry) -> AuditEntry:
        """Append an entry chained to the previous one."""
        tables = self._tx.tables
        entry = stored(replace(entry, before=_round_trip(entry.before), after=_round_trip(entry.after)))
        last = max(tables.audit, default=None)
        prev = None if last is None else tables.audit[last].hash
        entry = replace(entry, id=tables.next_id("audit"), prev_hash=prev, hash=entry_hash(entry, prev))
        tables.audit[entry.id] = entry
        return entry

    def list_all(
        self, *, action: str | None = None, entity_type: str | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        """Newest entries first, optionally filtered."""
        entries = [
            e
            for e in reversed(self.all_in_order())
            if (not action or e.action == action) and (not entity_type or e.entity_type == entity_type)
        ]
        return entries[:limit]

    def all_in_order(self) -> list[AuditEntry]:
        """Every entry, oldest first (for chain verification)."""
        audit = self._tx.tables.audit
        return [audit[i] for i in sorted(audit)]


class FakeSettingsRepository:
    """Settings as key/value text."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def all(self) -> dict[str, str]:
        """Every stored setting."""
        return dict(self._tx.tables.settings)

    def set(self, key: str, value: str, now: datetime) -> None:
        """Insert or replace one setting."""
        utc(now)  # the timestamp column refuses a naive instant
        self._tx.tables.settings[key] = value
