"""Fake repository of the legacy-id map of imports."""

from collections.abc import Sequence
from datetime import datetime

from fakes.tables import Transaction, unique, utc


class FakeLegacyIdRepository:
    """Legacy id -> new id per entity; a (entity, legacy id) pair is recorded once."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def known(self, entity: str) -> dict[int, int | None]:
        """Every imported legacy id of an entity with its new id."""
        return {old: new for (kind, old), (new, _) in self._tx.tables.legacy_ids.items() if kind == entity}

    def add_many(self, entity: str, pairs: Sequence[tuple[int, int | None]], now: datetime) -> None:
        """Record imported rows (all or none, like one INSERT)."""
        table = self._tx.tables.legacy_ids
        staged: dict[tuple[str, int], tuple[int | None, datetime]] = {}
        for old, new in pairs:
            unique("legacy_ids.entity, legacy_id", (entity, old), [*table, *staged])
            staged[entity, old] = (new, utc(now))
        table.update(staged)
