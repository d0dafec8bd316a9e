"""A fake of the maintenance port: growth counted from the fake storage's rows; engine work is scripted.

The engine's own checks and steps (PRAGMA integrity_check, VACUUM, CHECK TABLE...) have nothing to act on in
memory: ``findings`` is what ``engine_checks`` reports and ``run`` only records the steps (``fail_at`` makes
one raise). Tests of the SQL implementation are in tests/integration/care.
"""

import itertools
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from fakes.uow import FakeUnitOfWorkFactory
from timetracker_desktop.repositories.ports import database_care as port


class FakeDatabaseMaintenance:
    """Stands in for an SQLite file at ``file`` (None: a server) of ``size`` bytes."""

    def __init__(
        self, storage: FakeUnitOfWorkFactory, file: Path | None = None, size: int = 1_000_000
    ) -> None:
        self._storage = storage
        self.file = file
        self.size = size
        self.reclaimable = 0
        passed = (port.CheckKind.INTEGRITY, port.CheckKind.FOREIGN_KEYS)
        self.findings = [port.CheckFinding(k, True) for k in passed]
        self.full_checks: list[bool] = []
        self.ran: list[port.MaintenanceStep] = []
        self.fail_at: port.StepKind | None = None
        self.cancel_inside: port.StepKind | None = None

    def facts(self) -> port.DatabaseFacts:
        """The scripted size, as an SQLite file or a server."""
        engine = "sqlite" if self.file is not None else "mariadb"
        where = str(self.file) if self.file is not None else "fake:3306/tt"
        return port.DatabaseFacts(engine, "0", where, self.size, self.reclaimable,
                             str(self.file) if self.file else None)  # fmt: skip

    def _instants(self, table: port.GrowthTable) -> list[datetime]:
        tables = self._storage.committed
        if table is port.GrowthTable.PUNCHES:
            return [p.row.at for p in tables.punches.values()]
        if table is port.GrowthTable.AUDIT_ENTRIES:
            return [e.at for e in tables.audit.values()]
        if table is port.GrowthTable.SCAN_RECEIPTS:
            return [r.created_at for r in tables.scan_receipts.values()]
        return [u.at for u in tables.unassigned.values()]

    def span(self, table: port.GrowthTable) -> port.TableSpan:
        """Oldest and newest of the fake table."""
        instants = self._instants(table)
        return port.TableSpan(min(instants, default=None), max(instants, default=None))

    def counts_between(self, table: port.GrowthTable, bounds: Sequence[datetime]) -> list[int]:
        """Rows per half-open interval."""
        instants = self._instants(table)
        return [sum(start <= at < end for at in instants) for start, end in itertools.pairwise(bounds)]

    def engine_checks(self, *, full: bool) -> list[port.CheckFinding]:
        """The scripted findings."""
        self.full_checks.append(full)
        return list(self.findings)

    def punch_orphans(self) -> port.CheckFinding:
        """The fake storage refuses orphans on insert: always fine."""
        return port.CheckFinding(port.CheckKind.PUNCH_REFERENCES, True)

    def plan(self) -> list[port.MaintenanceStep]:
        """SQLite's plan, or MariaDB's for one table."""
        if self.file is None:
            return [port.MaintenanceStep(port.StepKind.ANALYZE_TABLE, "punches"),
                    port.MaintenanceStep(port.StepKind.OPTIMIZE_TABLE, "punches")]  # fmt: skip
        sqlite = (port.StepKind.ANALYZE, port.StepKind.OPTIMIZE_PRAGMA, port.StepKind.CHECKPOINT)
        return [port.MaintenanceStep(k) for k in sqlite]

    def run(self, step: port.MaintenanceStep, cancelled: Callable[[], bool]) -> tuple[str, ...]:
        """Record the step; VACUUM gives the reclaimable space back."""
        if step.kind is self.fail_at:
            raise RuntimeError(f"{step.kind.value} failed")
        if step.kind is self.cancel_inside:
            raise port.MaintenanceCancelledError(step.kind.value)
        self.ran.append(step)
        if step.kind is port.StepKind.VACUUM:
            self.size -= self.reclaimable
            self.reclaimable = 0
        return ()
