"""Storage benchmark: punches/s one transaction each, and a month's worktime for 1,000 employees over a year.

Run: ``python bench/bench_storage.py [--employees 1000] [--days 365] [--inserts 2000]``. MariaDB is
measured when TT_TEST_MYSQL_URL is set (a scratch database ``<name>_bench`` is created and dropped).
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dbsupport import drop_mysql_database, recreate_mysql_database, scratch_mysql_url

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.demo import DemoDataService

ACTOR = Actor("bench", "bench", None, Role.ADMIN)


def inserts_per_second(app: AppContext, count: int) -> float:
    """Insert punches one transaction each, as the listener does."""
    with app.storage() as uow:
        employee_id = uow.employees.add("Bench", None, None, datetime.now(UTC)).id
        uow.commit()
    start = time.perf_counter()
    for index in range(count):
        at = datetime.now(UTC) + timedelta(seconds=index)
        with app.storage() as uow:
            uow.punches.add(NewPunch(employee_id, at, Direction.IN, PunchSource.TERMINAL, at, received_at=at))
            uow.commit()
    return count / (time.perf_counter() - start)


def month_worktime(app: AppContext, employees: int, days: int) -> tuple[int, float, float, float]:
    """Demo data, then one month's worktime for everybody: (punches, generation s, month s, peak MiB)."""
    start = time.perf_counter()
    summary = DemoDataService(app.storage, app.services.clock).generate(ACTOR, employees, days)
    generated = time.perf_counter() - start
    today = datetime.now(UTC).date()
    first = date(today.year, today.month, 1) - timedelta(days=1)
    first = first.replace(day=1)
    last = date(today.year, today.month, 1) - timedelta(days=1)
    tracemalloc.start()
    start = time.perf_counter()
    results = app.services.worktime.for_all(first, last)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    assert len(results) == employees
    return summary.punches, generated, elapsed, peak


def bench(label: str, url: str, args: argparse.Namespace) -> None:
    """Both measurements on one database."""
    app = build_app(url)
    try:
        rate = inserts_per_second(app, args.inserts)
        print(f"{label}: {rate:,.0f} punches/s inserted one transaction each ({args.inserts} punches)")
    finally:
        app.close()
    fresh = build_app(url.replace("bench_a", "bench_b") if "mysql" in url else url + ".2")
    try:
        punches, generated, elapsed, peak = month_worktime(fresh, args.employees, args.days)
        print(
            f"{label}: month worktime for {args.employees} employees over {punches:,} punches: "
            f"{elapsed:.2f} s (peak Python memory {peak:.0f} MiB; demo data generated in {generated:.0f} s)"
        )
    finally:
        fresh.close()


def main() -> None:
    """Run on SQLite and, when configured, on MariaDB."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=1000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--inserts", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench("SQLite", f"sqlite:///{folder}/bench.db", args)
    base = os.environ.get("TT_TEST_MYSQL_URL")
    if not base:
        print("MariaDB: skipped (TT_TEST_MYSQL_URL not set)")
        return
    urls = [scratch_mysql_url(base, "bench_a"), scratch_mysql_url(base, "bench_b")]
    for url in urls:
        recreate_mysql_database(url)
    try:
        bench("MariaDB", urls[0], args)
    finally:
        for url in urls:
            drop_mysql_database(url)


if __name__ == "__main__":
    main()
