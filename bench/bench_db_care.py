"""Database care benchmark: ``db stats`` and ``db check`` on a large SQLite file (millions of punches).

Run: ``python bench/bench_db_care.py [--punches 5000000] [--employees 300] [--years 5] [--keep PATH]``.
Punches are generated with ``executemany`` straight into a migrated file in a temporary folder (the
services' own inserts would take hours); then the services run as the CLI runs them.
"""

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dbsupport import migrate_fresh

from timetracker_desktop.app import build_app
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.repositories.ports.maintenance import CheckKind
from timetracker_desktop.repositories.sql.maintenance import SqlDatabaseMaintenance
from timetracker_desktop.services.audit import AuditService

ACTOR = Actor("bench", "bench", None, Role.ADMIN)
BATCH = 100_000
STAMP = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores DateTime on SQLite


def generate(path: Path, punches: int, employees: int, years: int) -> float:
    """Fill a migrated file: employees, two terminals, punches over the years, some receipts; seconds."""
    started = time.perf_counter()
    now = datetime(2026, 12, 1, tzinfo=UTC)
    first = now - timedelta(days=365 * years)
    span = (now - first).total_seconds()
    rng = random.Random(16)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
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
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
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
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-db-care-"))
    path = args.keep or folder / "big.db"
    if not path.exists():
        migrate_fresh(f"sqlite:///{path}")
        seconds = generate(path, args.punches, args.employees, args.years)
        print(f"generated {args.punches:,} punches in {seconds:.1f} s ({args.punches / seconds:,.0f}/s)")
    app = build_app(f"sqlite:///{path}", upgrade=False)
    care = app.services.database_care
    assert care is not None
    maintenance = SqlDatabaseMaintenance(app.storage)
    stats = care.stats.collect(ACTOR)
    print(f"file {stats.facts.size_bytes / 1024**2:,.0f} MB, {len(stats.tables[0].months)} months of punches")
    best, median = timed(lambda: care.stats.collect(ACTOR), args.runs)
    print(f"db stats:                 best {best:.3f} s, median {median:.3f} s")
    parts: dict[str, Callable[[], object]] = {  # the parts reach into the port's engine-specific steps
        "db check --quick": lambda: care.check.check(ACTOR, full=False),
        "db check --full": lambda: care.check.check(ACTOR, full=True),
        "  PRAGMA quick_check": lambda: maintenance._sqlite_integrity(CheckKind.QUICK_INTEGRITY),
        "  PRAGMA integrity_check": lambda: maintenance._sqlite_integrity(CheckKind.INTEGRITY),
        "  PRAGMA foreign_key_check": maintenance._sqlite_foreign_keys,
        "  punch references": maintenance.punch_orphans,
        "  audit chain": lambda: AuditService(app.services.uow).verify_chain(),
    }
    for name, work in parts.items():
        print(f"{name + ':':<26} {timed(work, 1)[0]:.1f} s")
    app.close()


if __name__ == "__main__":
    main()
