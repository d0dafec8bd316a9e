"""``db stats``: engine, sizes, free space, rows per month, and the last backup, check and optimisation."""

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.audit import AuditAction
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.database_care import (
    DatabaseFacts,
    DatabaseMaintenance,
    GrowthTable,
)
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.database_care.history import LastRun, last_run
from timetracker_desktop.services.database_care.space import free_space
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.settings import load_settings

MAX_MONTHS = 120  # ten years of months; anything older is counted as "earlier"


@dataclass(frozen=True, slots=True)
class MonthRows:
    """Rows added in one month of the office's calendar."""

    month: date  # the first day of the month
    rows: int


@dataclass(frozen=True, slots=True)
class TableGrowth:
    """A table's rows, oldest and newest instants, rows per month (newest last) and rows before those."""

    table: GrowthTable
    rows: int
    oldest: datetime | None
    newest: datetime | None
    months: tuple[MonthRows, ...]
    earlier: int = 0  # rows older than the first month listed


@dataclass(frozen=True, slots=True)
class DatabaseStats:
    """Everything the Database page and ``db stats`` show."""

    collected_at: datetime
    time_zone: str
    facts: DatabaseFacts
    database_free_bytes: int | None  # where the SQLite file lives; None for a server
    backup_folder: str | None
    backup_free_bytes: int | None
    tables: tuple[TableGrowth, ...]
    last_backup: LastRun | None
    last_check: LastRun | None
    last_optimize: LastRun | None

    def growth(self, table: GrowthTable) -> TableGrowth:
        """The figures of one table."""
        return next(t for t in self.tables if t.table is table)


def _month_start(day: date, zone: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, 1, tzinfo=zone).astimezone(UTC)


def _next_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1]) + timedelta(days=1)


def month_starts(oldest: datetime, newest: datetime, zone: ZoneInfo) -> list[date]:
    """First days of the office's months from the oldest instant's to the newest's (at most MAX_MONTHS)."""
    first = oldest.astimezone(zone).date().replace(day=1)
    last = newest.astimezone(zone).date().replace(day=1)
    months = [first]
    while months[-1] < last:
        months.append(_next_month(months[-1]))
    return months[-MAX_MONTHS:]


class DatabaseStatsService:
    """Figures about the database from aggregate queries on indexed columns (fast on millions of rows)."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        maintenance: DatabaseMaintenance,
        backup_folder: Callable[[], Path] | None = None,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._maintenance = maintenance
        self._backup_folder = backup_folder

    def collect(self, actor: Actor) -> DatabaseStats:
        """Collect the figures (admin only: they name files and servers)."""
        require(actor, Permission.MANAGE_SETTINGS)
        with self._uow(read_only=True) as uow:
            zone = load_settings(uow).zone
            runs = [last_run(uow, a) for a in (AuditAction.BACKUP_CREATE, AuditAction.DATABASE_CHECK,
                                               AuditAction.DATABASE_OPTIMIZE)]  # fmt: skip
        folder = self._backup_folder() if self._backup_folder is not None else None
        facts = self._maintenance.facts()
        return DatabaseStats(
            collected_at=self._clock.now(),
            time_zone=zone.key,
            facts=facts,
            database_free_bytes=free_space(Path(facts.file).parent) if facts.file is not None else None,
            backup_folder=str(folder) if folder is not None else None,
            backup_free_bytes=free_space(folder) if folder is not None else None,
            tables=tuple(self._growth(table, zone) for table in GrowthTable),
            last_backup=runs[0],
            last_check=runs[1],
            last_optimize=runs[2],
        )

    def _growth(self, table: GrowthTable, zone: ZoneInfo) -> TableGrowth:
        # No count(*): the months' range counts add up to the total, so the index is walked once.
        span = self._maintenance.span(table)
        if span.oldest is None or span.newest is None:
            return TableGrowth(table, 0, None, None, ())
        months = month_starts(span.oldest, span.newest, zone)
        bounds = [_month_start(m, zone) for m in months] + [_month_start(_next_month(months[-1]), zone)]
        before = span.oldest < bounds[0]  # older than the months listed: one more interval in front
        counts = self._maintenance.counts_between(table, [span.oldest, *bounds] if before else bounds)
        older = counts.pop(0) if before else 0
        rows = tuple(MonthRows(m, n) for m, n in zip(months, counts, strict=True))
        return TableGrowth(table, older + sum(counts), span.oldest, span.newest, rows, older)
