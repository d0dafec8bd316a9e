"""Database care benchmark: ``db stats`` and ``db check`` on a large SQLite file (millions of punches).

Run: ``python bench/bench_db_care.py [--punches 5000000] [--employees 300] [--years 5] [--keep PATH]``;
``--mysql`` measures MariaDB at TT_TEST_MYSQL_URL instead (a scratch database ``<name>_carebench``).
Punches are generated with ``executemany`` straight into a migrated file in a temporary folder (the
services' own inserts would take hours); then the services run as the CLI runs them.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dbsupport import drop_mysql_database, migrate_fresh, recreate_mysql_database, scratch_mysql_url
from sqlalchemy import create_engine

from timetracker_desktop.app import build_app
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.repositories.ports.database_care import CheckKind
from timetracker_desktop.repositories.sql.database_care import SqlDatabaseMaintenance
from timetracker_desktop.services.audit import AuditService

ACTOR = Actor("bench", "bench", None, Role.ADMIN)
BATCH = 100_000
STAMP = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores DateTime on SQLite


class _Mark:
    """A DBAPI connection whose statements are written with ``?`` (PyMySQL wants ``%s``)."""

    def __init__(self, connection: Any, mysql: bool) -> None:
        self._connection = connection
        self._mysql = mysql

    def executemany(self, statement: str, rows: Sequence[Sequence[object]]) -> None:
        cursor = self._connection.cursor()
        cursor.executemany(statement.replace("?", "%s") if self._mysql else statement, rows)
        cursor.close()

    def execute(self, statement: str) -> None:
        cursor = self._connection.cursor()
        cursor.execute(statement)
        cursor.close()

    def commit(self) -> None:
        self._connection.commit()


def generate(url: str, punches: int, employees: int, years: int) -> float:
    """Fill a migrated database: employees, two terminals, punches over the years, some receipts; seconds."""
    started = time.perf_counter()
    now = datetime(2026, 12, 1, tzinfo=UTC)
    first = now - timedelta(days=365 * years)
    span = (now - first).total_seconds()
    rng = random.Random(16)
    mysql = not url.startswith("sqlite")
    engine = create_engine(url)
    raw = engine.raw_connection()
    connection = _Mark(raw, mysql)
    try:
        if not mysql:
            connection.execute("PRAGMA synchronous=OFF")
        created = first.strftime(STAMP)
        connection.executemany(
            "INSERT INTO employees (id, full_name, is_active, created_at, updated_at) VALUES (?, ?, 1, ?, ?)",
            [(i, f"Employee {i}", created, created) for i in range(1, employees + 1)],
        )
        connection.executemany(
            "INSERT INTO terminals (id, name, kind, is_active, direction_mode, uid_format, phone_scans,"
            " card_scans, enrollment, trusted_clock, created_at)"
            " VALUES (?, ?, 'card_reader', 1, 'auto', 'hex', 0, 1, 0, 0, ?)",
            [(1, "Entrance", created), (2, "Warehouse", created)],
        )
        done = 0
        while done < punches:
            size = min(BATCH, punches - done)
            offsets = sorted(rng.random() * span for _ in range(size))
            rows = []
            for offset in offsets:
                at = (first + timedelta(seconds=offset)).strftime(STAMP)
                rows.append((rng.randint(1, employees), at, "IN", "terminal", rng.randint(1, 2), "", at))
            connection.executemany(
                "INSERT INTO punches (employee_id, at, direction, source, terminal_id, flags, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            connection.commit()
            done += size
            print(f"  {done:,} punches", file=sys.stderr, flush=True)
        receipts = [(1, f"e{i}", "04A2B3C4", "{}", (now - timedelta(minutes=i)).strftime(STAMP))
                    for i in range(50_000)]  # fmt: skip
        connection.executemany(
            "INSERT INTO scan_receipts (terminal_id, event_id, raw_uid, reply_json, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            receipts,
        )
        connection.commit()
        if not mysql:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
        engine.dispose()
    return time.perf_counter() - started


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Best and median seconds over runs."""
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - started)
    return min(seconds), statistics.median(seconds)


def main() -> None:
    """Generate, then time stats and checks."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--punches", type=int, default=5_000_000)
    parser.add_argument("--employees", type=int, default=300)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="reuse (or leave) the generated file here")
    parser.add_argument(
        "--mysql", action="store_true", help="MariaDB at TT_TEST_MYSQL_URL (a scratch database)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-db-care-"))
    path = args.keep or folder / "big.db"
    url = f"sqlite:///{path}"
    if args.mysql:
        url = scratch_mysql_url(os.environ["TT_TEST_MYSQL_URL"], "carebench")
        recreate_mysql_database(url)
    if args.mysql or not path.exists():
        migrate_fresh(url)
        seconds = generate(url, args.punches, args.employees, args.years)
        print(f"generated {args.punches:,} punches in {seconds:.1f} s ({args.punches / seconds:,.0f}/s)")
    try:
        measure(url, args.runs)
    finally:
        if args.mysql:
            drop_mysql_database(url)
        shutil.rmtree(folder, ignore_errors=True)  # a file asked for with --keep lives elsewhere


def measure(url: str, runs: int) -> None:
    """Time db stats (``runs`` times) and each part of db check once."""
    app = build_app(url, upgrade=False)
    care = app.services.database_care
    assert care is not None
    maintenance = SqlDatabaseMaintenance(app.storage)
    stats = care.stats.collect(ACTOR)
    print(f"file {stats.facts.size_bytes / 1024**2:,.0f} MB, {len(stats.tables[0].months)} months of punches")
    best, median = timed(lambda: care.stats.collect(ACTOR), runs)
    print(f"db stats:                 best {best:.3f} s, median {median:.3f} s")
    parts: dict[str, Callable[[], object]] = {  # the parts reach into the port's engine-specific steps
        "db check --quick": lambda: care.check.check(ACTOR, full=False),
        "db check --full": lambda: care.check.check(ACTOR, full=True),
        "  punch references": maintenance.punch_orphans,
        "  audit chain": lambda: AuditService(app.services.uow).verify_chain(),
    }
    if url.startswith("sqlite"):
        parts["  PRAGMA quick_check"] = lambda: maintenance._sqlite_integrity(CheckKind.QUICK_INTEGRITY)
        parts["  PRAGMA integrity_check"] = lambda: maintenance._sqlite_integrity(CheckKind.INTEGRITY)
        parts["  PRAGMA foreign_key_check"] = maintenance._sqlite_foreign_keys
    else:
        parts["  CHECK TABLE ... QUICK"] = lambda: maintenance._check_tables(False)
        parts["  CHECK TABLE ... EXTENDED"] = lambda: maintenance._check_tables(True)
        parts["  foreign keys (NOT EXISTS)"] = maintenance._mysql_foreign_keys
    for name, work in parts.items():
        print(f"{name + ':':<26} {timed(work, 1)[0]:.1f} s")
    app.close()


if __name__ == "__main__":
    main()
