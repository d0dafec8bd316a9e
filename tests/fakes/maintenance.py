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
from timetracker_desktop.repositories.ports.maintenance import (
    CheckFinding,
    CheckKind,
    DatabaseFacts,
    GrowthTable,
    MaintenanceCancelledError,
    MaintenanceStep,
    StepKind,
    TableSpan,
)


class FakeDatabaseMaintenance:
    """Stands in for an SQLite file at ``file`` (None: a server) of ``size`` bytes."""

    def __init__(
        self, storage: FakeUnitOfWorkFactory, file: Path | None = None, size: int = 1_000_000
    ) -> None:
        self._storage = storage
        self.file = file
        self.size = size
        self.reclaimable = 0
        self.findings = [CheckFinding(CheckKind.INTEGRITY, True), CheckFinding(CheckKind.FOREIGN_KEYS, True)]
        self.full_checks: list[bool] = []
        self.ran: list[MaintenanceStep] = []
        self.fail_at: StepKind | None = None
        self.cancel_inside: StepKind | None = None

    def facts(self) -> DatabaseFacts:
        """The scripted size, as an SQLite file or a server."""
        engine = "sqlite" if self.file is not None else "mariadb"
        where = str(self.file) if self.file is not None else "fake:3306/tt"
        return DatabaseFacts(engine, "0", where, self.size, self.reclaimable,
                             str(self.file) if self.file else None)  # fmt: skip

    def _instants(self, table: GrowthTable) -> list[datetime]:
        tables = self._storage.committed
        if table is GrowthTable.PUNCHES:
            return [p.row.at for p in tables.punches.values()]
        if table is GrowthTable.AUDIT_ENTRIES:
            return [e.at for e in tables.audit.values()]
        if table is GrowthTable.SCAN_RECEIPTS:
            return [r.created_at for r in tables.scan_receipts.values()]
        return [u.at for u in tables.unassigned.values()]

    def span(self, table: GrowthTable) -> TableSpan:
        """Rows, oldest and newest of the fake table."""
        instants = self._instants(table)
        return TableSpan(len(instants), min(instants, default=None), max(instants, default=None))

    def counts_between(self, table: GrowthTable, bounds: Sequence[datetime]) -> list[int]:
        """Rows per half-open interval."""
        instants = self._instants(table)
        return [sum(start <= at < end for at in instants) for start, end in itertools.pairwise(bounds)]

    def engine_checks(self, *, full: bool) -> list[CheckFinding]:
        """The scripted findings."""
        self.full_checks.append(full)
        return list(self.findings)

    def punch_orphans(self) -> CheckFinding:
        """The fake storage refuses orphans on insert: always fine."""
        return CheckFinding(CheckKind.PUNCH_REFERENCES, True)

    def plan(self) -> list[MaintenanceStep]:
        """SQLite's plan, or MariaDB's for one table."""
        if self.file is None:
            return [MaintenanceStep(StepKind.ANALYZE_TABLE, "punches"),
                    MaintenanceStep(StepKind.OPTIMIZE_TABLE, "punches")]  # fmt: skip
        return [MaintenanceStep(k) for k in (StepKind.ANALYZE, StepKind.OPTIMIZE_PRAGMA, StepKind.CHECKPOINT)]

    def run(self, step: MaintenanceStep, cancelled: Callable[[], bool]) -> tuple[str, ...]:
        """Record the step; VACUUM gives the reclaimable space back."""
        if step.kind is self.fail_at:
            raise RuntimeError(f"{step.kind.value} failed")
        if step.kind is self.cancel_inside:
            raise MaintenanceCancelledError(step.kind.value)
        self.ran.append(step)
        if step.kind is StepKind.VACUUM:
            self.size -= self.reclaimable
            self.reclaimable = 0
        return ()
