"""Database maintenance on SQLite and MariaDB: sizes, per-month counts, engine checks, optimisation steps."""

import itertools
import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Column, Connection, Table, exists, func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from timetracker_desktop.repositories.ports.database_care import (
    CheckFinding,
    CheckKind,
    DatabaseFacts,
    GrowthTable,
    MaintenanceCancelledError,
    MaintenanceStep,
    StepKind,
    TableSpan,
)
from timetracker_desktop.repositories.sql.engine import SQLITE_BUSY_TIMEOUT_MS, make_engine
from timetracker_desktop.repositories.sql.errors import translate
from timetracker_desktop.repositories.sql.orm import Base
from timetracker_desktop.repositories.sql.uow import SqlUnitOfWorkFactory

log = logging.getLogger(__name__)
MAX_LINES = 20  # lines of an engine's complaint kept per check
MAINTENANCE_READ_TIMEOUT_S = 6 * 3600  # OPTIMIZE TABLE rebuilds a table: hours on a slow server, not 30 s
PROGRESS_EVERY = 20_000  # SQLite virtual-machine steps between two looks at the cancel flag
_TIME_COLUMNS = {
    GrowthTable.PUNCHES: "at",
    GrowthTable.AUDIT_ENTRIES: "at",
    GrowthTable.SCAN_RECEIPTS: "created_at",
    GrowthTable.UNASSIGNED_PUNCHES: "at",
}


def _time_column(table: GrowthTable) -> Column[datetime]:
    return Base.metadata.tables[table.value].c[_TIME_COLUMNS[table]]


def _present_tables(connection: Connection) -> list[Table]:
    """The application's tables that exist in this database, parents first."""
    names = set(connection.dialect.get_table_names(connection))
    return [t for t in Base.metadata.sorted_tables if t.name in names]


def _failed(kind: CheckKind, error: Exception) -> CheckFinding:
    reason = translate(error) if isinstance(error, DBAPIError) else error
    return CheckFinding(kind, False, (f"the check could not run: {reason}",))


class SqlDatabaseMaintenance:
    """The maintenance port over the storage's engines (reads on the read engine, steps on their own link)."""

    def __init__(self, storage: SqlUnitOfWorkFactory) -> None:
        self._storage = storage
        self._engine = storage.read_engine
        self._mysql = self._engine.dialect.name in ("mysql", "mariadb")

    # Size and counts ---------------------------------------------------------------------------------------

    def facts(self) -> DatabaseFacts:
        """Engine, version, size, space a rebuild would give back, free disk near an SQLite file."""
        with self._engine.connect() as connection:
            if self._mysql:
                return self._mysql_facts(connection)
            return self._sqlite_facts(connection)

    def _sqlite_facts(self, connection: Connection) -> DatabaseFacts:
        version = str(connection.scalar(text("SELECT sqlite_version()")))
        page_size = int(connection.scalar(text("PRAGMA page_size")) or 0)
        free_pages = int(connection.scalar(text("PRAGMA freelist_count")) or 0)
        path = self._sqlite_path()
        size = sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
        return DatabaseFacts("sqlite", version, str(path), size, free_pages * page_size, str(path))

    def _mysql_facts(self, connection: Connection) -> DatabaseFacts:
        version = str(connection.scalar(text("SELECT VERSION()")))
        row = connection.execute(
            text(
                "SELECT COALESCE(SUM(data_length + index_length), 0), COALESCE(SUM(data_free), 0)"
                " FROM information_schema.tables WHERE table_schema = DATABASE()"
            )
        ).one()
        url = self._engine.url
        engine = "mariadb" if "mariadb" in version.lower() else "mysql"
        location = f"{url.host or 'localhost'}:{url.port or 3306}/{url.database}"
        return DatabaseFacts(engine, version, location, int(row[0]), int(row[1]))

    def _sqlite_path(self) -> Path:
        return Path(self._engine.url.database or "")

    def span(self, table: GrowthTable) -> TableSpan:
        """min and max of the time column (each one step into its index)."""
        column = _time_column(table)
        with self._engine.connect() as connection:
            oldest = connection.scalar(select(func.min(column)))
            newest = connection.scalar(select(func.max(column)))
        return TableSpan(_utc(oldest), _utc(newest))

    def counts_between(self, table: GrowthTable, bounds: Sequence[datetime]) -> list[int]:
        """One range count per interval, on the time column's index (no function of the column)."""
        column = _time_column(table)
        with self._engine.connect() as connection:
            return [
                int(
                    connection.scalar(
                        select(func.count()).select_from(column.table).where(column >= start, column < end)
                    )
                    or 0
                )
                for start, end in itertools.pairwise(bounds)
            ]

    # Checks ------------------------------------------------------------------------------------------------

    def engine_checks(self, *, full: bool) -> list[CheckFinding]:
        """SQLite: integrity_check (or quick_check) and foreign_key_check; MariaDB: CHECK TABLE and the
        foreign keys one by one."""
        if self._mysql:
            return [self._check_tables(full), self._mysql_foreign_keys()]
        kind = CheckKind.INTEGRITY if full else CheckKind.QUICK_INTEGRITY
        return [self._sqlite_integrity(kind), self._sqlite_foreign_keys()]

    def _sqlite_integrity(self, kind: CheckKind) -> CheckFinding:
        pragma = "integrity_check" if kind is CheckKind.INTEGRITY else "quick_check"
        try:
            with self._sqlite() as connection:
                lines = [str(r[0]) for r in connection.execute(f"PRAGMA {pragma}({MAX_LINES})")]
        except sqlite3.DatabaseError as error:
            return CheckFinding(kind, False, (f"the check could not run: {error}",))
        return CheckFinding(kind, lines == ["ok"], () if lines == ["ok"] else tuple(lines))

    def _sqlite_foreign_keys(self) -> CheckFinding:
        try:
            with self._sqlite() as connection:
                found = connection.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as error:
            return CheckFinding(CheckKind.FOREIGN_KEYS, False, (f"the check could not run: {error}",))
        missing: dict[tuple[str, str], list[int]] = {}
        for table, rowid, parent, _fk in found:
            missing.setdefault((str(table), str(parent)), []).append(int(rowid))
        return CheckFinding(CheckKind.FOREIGN_KEYS, not missing, _missing_lines(missing))

    def _check_tables(self, full: bool) -> CheckFinding:
        how = "EXTENDED" if full else "QUICK"
        lines: list[str] = []
        try:
            with self._patient() as connection:
                for table in _present_tables(connection):
                    rows = connection.exec_driver_sql(f"CHECK TABLE `{table.name}` {how}").fetchall()
                    last = rows[-1] if rows else None
                    if last is None or (str(last[2]).lower(), str(last[3])) != ("status", "OK"):
                        lines += [f"{table.name}: {r[2]}: {r[3]}" for r in rows]
        except DBAPIError as error:
            return _failed(CheckKind.INTEGRITY, error)
        return CheckFinding(CheckKind.INTEGRITY, not lines, tuple(lines[:MAX_LINES]))

    def _mysql_foreign_keys(self) -> CheckFinding:
        """Each foreign key of the schema: child rows whose parent is missing (checks can be switched off)."""
        missing: dict[tuple[str, str], list[int]] = {}
        try:
            with self._patient() as connection:
                for table in _present_tables(connection):
                    for key in table.foreign_keys:
                        child = key.parent
                        parent = key.column.table.alias()  # an alias: corrections point at corrections
                        orphan = select(table.primary_key.columns[0]).where(
                            child.is_not(None), ~exists().where(parent.c[key.column.name] == child)
                        )
                        ids = [int(i) for i in connection.scalars(orphan.limit(MAX_LINES))]
                        if ids:
                            missing.setdefault((table.name, key.column.table.name), []).extend(ids)
        except DBAPIError as error:
            return _failed(CheckKind.FOREIGN_KEYS, error)
        return CheckFinding(CheckKind.FOREIGN_KEYS, not missing, _missing_lines(missing))

    def punch_orphans(self) -> CheckFinding:
        """Employees and terminals that punches name but that do not exist, with how many punches each."""
        punches = Base.metadata.tables["punches"]
        lines: list[str] = []
        try:
            with self._patient() if self._mysql else self._engine.connect() as connection:
                for column, parent in (("employee_id", "employees"), ("terminal_id", "terminals")):
                    lines += self._orphans_of(connection, punches.c[column], Base.metadata.tables[parent])
        except DBAPIError as error:
            return _failed(CheckKind.PUNCH_REFERENCES, error)
        return CheckFinding(CheckKind.PUNCH_REFERENCES, not lines, tuple(lines[:MAX_LINES]))

    @staticmethod
    def _orphans_of(connection: Connection, column: Column[int], parent: Table) -> list[str]:
        # Grouped on the column's index first (a few hundred ids), then each id looked up once.
        used = (
            select(column.label("ref"), func.count().label("n"))
            .where(column.is_not(None))
            .group_by(column)
            .subquery()
        )
        orphans = select(used.c.ref, used.c.n).where(~exists().where(parent.c.id == used.c.ref))
        return [
            f"{int(n)} punches name {parent.name} no. {ref}, which does not exist"
            for ref, n in connection.execute(orphans)
        ]

    # Optimisation ------------------------------------------------------------------------------------------

    def plan(self) -> list[MaintenanceStep]:
        """SQLite: ANALYZE, PRAGMA optimize, WAL checkpoint; MariaDB: ANALYZE and OPTIMIZE TABLE per table."""
        if not self._mysql:
            return [
                MaintenanceStep(k) for k in (StepKind.ANALYZE, StepKind.OPTIMIZE_PRAGMA, StepKind.CHECKPOINT)
            ]
        with self._engine.connect() as connection:
            names = [t.name for t in _present_tables(connection)]
        return [MaintenanceStep(StepKind.ANALYZE_TABLE, n) for n in names] + [
            MaintenanceStep(StepKind.OPTIMIZE_TABLE, n) for n in names
        ]

    def run(self, step: MaintenanceStep, cancelled: Callable[[], bool]) -> tuple[str, ...]:
        """Run one step; returns the engine's notes (MariaDB's per-table messages)."""
        if self._mysql:
            return self._run_mysql(step)
        statement = {
            StepKind.ANALYZE: "ANALYZE",
            StepKind.OPTIMIZE_PRAGMA: "PRAGMA optimize",
            StepKind.CHECKPOINT: "PRAGMA wal_checkpoint(TRUNCATE)",
            StepKind.VACUUM: "VACUUM",
        }[step.kind]
        try:
            with self._sqlite() as connection:
                connection.set_progress_handler(lambda: 1 if cancelled() else 0, PROGRESS_EVERY)
                rows = connection.execute(statement).fetchall()
        except sqlite3.Error as error:
            if cancelled() and "interrupt" in str(error):
                raise MaintenanceCancelledError(step.kind.value) from None
            # "database is locked" (a writer held on past the busy timeout), a full disk...: a storage cause
            raise translate(OperationalError(statement, None, error)) from error
        if step.kind is StepKind.CHECKPOINT and rows and rows[0][0]:
            return ("the log could not be emptied completely: another program is reading the database",)
        return ()

    def _run_mysql(self, step: MaintenanceStep) -> tuple[str, ...]:
        verb = "ANALYZE" if step.kind is StepKind.ANALYZE_TABLE else "OPTIMIZE"
        try:
            with self._patient() as connection:
                rows = connection.exec_driver_sql(f"{verb} TABLE `{step.table}`").fetchall()
                connection.commit()
        except DBAPIError as error:
            raise translate(error) from error
        errors = [f"{step.table}: {r[3]}" for r in rows if str(r[2]).lower() == "error"]
        if errors:
            raise RuntimeError("; ".join(errors))
        # InnoDB answers every OPTIMIZE with "does not support optimize, doing recreate + analyze": expected.
        return tuple(
            f"{step.table}: {r[3]}"
            for r in rows
            if str(r[2]).lower() in ("note", "warning") and "doing recreate" not in str(r[3])
        )

    @contextmanager
    def _patient(self) -> Iterator[Connection]:
        """A MariaDB connection of its own that waits hours, not the pool's 30 s: a timed-out client leaves
        the server running the statement (CHECK TABLE, OPTIMIZE TABLE) while reporting a failure."""
        url = self._storage.write_engine.url.render_as_string(hide_password=False)
        engine = make_engine(url, read_timeout_s=MAINTENANCE_READ_TIMEOUT_S)
        try:
            with engine.connect() as connection:
                yield connection
        finally:
            engine.dispose()

    @contextmanager
    def _sqlite(self) -> Iterator[sqlite3.Connection]:
        """A connection of its own in autocommit (VACUUM refuses to run inside a transaction)."""
        connection = sqlite3.connect(
            self._sqlite_path(), timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        with closing(connection):
            yield connection


def _utc(value: datetime | str | None) -> datetime | None:
    """min()/max() lose the column's type on some engines: read them back as the column would."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _missing_lines(missing: dict[tuple[str, str], list[int]]) -> tuple[str, ...]:
    return tuple(
        f"{table}: {len(ids)} rows (no. {', '.join(map(str, ids[:5]))}) name {parent} rows that do not exist"
        for (table, parent), ids in sorted(missing.items())
    )[:MAX_LINES]
