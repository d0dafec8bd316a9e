"""Database maintenance port: sizes, per-month counts, engine checks and optimisation steps of one engine."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class GrowthTable(StrEnum):
    """The tables whose growth is counted per month, by their time column."""

    PUNCHES = "punches"
    AUDIT_ENTRIES = "audit_entries"
    SCAN_RECEIPTS = "scan_receipts"
    UNASSIGNED_PUNCHES = "unassigned_punches"


class CheckKind(StrEnum):
    """One check of ``db check``; the value names it in the CLI's output and the audit log."""

    INTEGRITY = "integrity"  # SQLite PRAGMA integrity_check, or MariaDB CHECK TABLE
    QUICK_INTEGRITY = "quick_integrity"  # SQLite PRAGMA quick_check (a large file)
    FOREIGN_KEYS = "foreign_keys"  # every reference points at an existing row
    PUNCH_REFERENCES = "punch_references"  # every punch's employee and terminal exist
    AUDIT_CHAIN = "audit_chain"  # the audit log's hash chain is intact
    CLOSED_MONTHS = "closed_months"  # closed months' timesheets still match the ones handed over


class StepKind(StrEnum):
    """One step of ``db optimize``."""

    ANALYZE = "analyze"
    OPTIMIZE_PRAGMA = "optimize_pragma"
    CHECKPOINT = "checkpoint"
    VACUUM = "vacuum"
    ANALYZE_TABLE = "analyze_table"
    OPTIMIZE_TABLE = "optimize_table"


@dataclass(frozen=True, slots=True)
class DatabaseFacts:
    """What the engine says about itself and its size.

    ``file``: the database file (SQLite); None for a server, whose disk this PC cannot see.
    ``reclaimable_bytes``: space a VACUUM or OPTIMIZE would give back (free pages).
    """

    engine: str  # "sqlite" or "mariadb" / "mysql"
    version: str
    location: str  # the file, or host/database (never a password)
    size_bytes: int
    reclaimable_bytes: int
    file: str | None = None


@dataclass(frozen=True, slots=True)
class TableSpan:
    """The oldest and newest instants of a table's time column (None: the table is empty)."""

    oldest: datetime | None
    newest: datetime | None


@dataclass(frozen=True, slots=True)
class CheckFinding:
    """The outcome of one check: passed or not, with the engine's or the application's own lines."""

    kind: CheckKind
    ok: bool
    details: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MaintenanceStep:
    """One planned optimisation step (a table for MariaDB's per-table statements)."""

    kind: StepKind
    table: str | None = None


class MaintenanceCancelledError(Exception):
    """The running step was interrupted because the caller cancelled (nothing of it was kept)."""


class DatabaseMaintenance(Protocol):
    """Engine-specific care of the live database (SQLite or MariaDB); the services decide when and why."""

    def facts(self) -> DatabaseFacts:
        """Engine, version, size on disk or on the server, free space near the file."""
        ...

    def span(self, table: GrowthTable) -> TableSpan:
        """The oldest and newest instants of a table (min and max on an index: no scan)."""
        ...

    def counts_between(self, table: GrowthTable, bounds: Sequence[datetime]) -> list[int]:
        """Rows in each half-open interval ``[bounds[i], bounds[i+1])``: one count per interval."""
        ...

    def engine_checks(self, *, full: bool) -> list[CheckFinding]:
        """The engine's own checks: full integrity check or the quicker one, and the foreign keys."""
        ...

    def punch_orphans(self) -> CheckFinding:
        """Punches whose employee or terminal row does not exist (a reference the engine did not guard)."""
        ...

    def plan(self) -> list[MaintenanceStep]:
        """The optimisation steps for this engine, in order (VACUUM planned separately by the service)."""
        ...

    def run(self, step: MaintenanceStep, cancelled: Callable[[], bool]) -> tuple[str, ...]:
        """Run one step and return the engine's notes; SQLite interrupts a long statement when
        ``cancelled()`` turns true (raising ``MaintenanceCancelledError``), MariaDB finishes the table."""
        ...
