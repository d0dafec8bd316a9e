"""Fakes of the legacy import ports: the legacy-id map of imports, and a legacy database in memory."""

from collections.abc import Sequence
from datetime import datetime

from fakes.tables import Transaction, unique, utc
from timetracker_desktop.repositories.ports.legacy import LegacySnapshot


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


class FakeLegacySource:
    """A legacy database that is only a snapshot in memory; counts how often it was read and closed."""

    def __init__(self, snapshot: LegacySnapshot, display_url: str = "mysql://legacy/timetracker") -> None:
        self.snapshot = snapshot
        self._display_url = display_url
        self.reads = 0
        self.closed = 0

    @property
    def display_url(self) -> str:
        """The source without its password."""
        return self._display_url

    def read(self) -> LegacySnapshot:
        """Everything the legacy database holds."""
        self.reads += 1
        return self.snapshot

    def close(self) -> None:
        """Nothing to close but the count."""
        self.closed += 1
