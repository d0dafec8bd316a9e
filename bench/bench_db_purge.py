"""Retention benchmark: ``db purge`` with its archive on a large SQLite file (or MariaDB): time and memory.

Run: ``python bench/bench_db_purge.py [--punches 2500000] [--years 5] [--before 2023-12-01] [--mysql]``.
The database is generated as in bench_db_care.py (punches spread evenly over the years up to December 2026);
with the defaults two fifths of the punches (1 million) are older than the date and are archived and removed.
"""

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench_db_care import ACTOR, generate
from dbsupport import drop_mysql_database, migrate_fresh, recreate_mysql_database, scratch_mysql_url

from timetracker_desktop.app import build_app


def _peak_mb() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Generate, then purge with an archive and report each step."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--punches", type=int, default=2_500_000)
    parser.add_argument("--employees", type=int, default=300)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--before", type=date.fromisoformat, default=date(2023, 12, 1))
    parser.add_argument(
        "--mysql", action="store_true", help="MariaDB at TT_TEST_MYSQL_URL (a scratch database)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-db-purge-"))
    url = f"sqlite:///{folder / 'big.db'}"
    if args.mysql:
        url = scratch_mysql_url(os.environ["TT_TEST_MYSQL_URL"], "purgebench")
        recreate_mysql_database(url)
    try:
        migrate_fresh(url)
        seconds = generate(url, args.punches, args.employees, args.years)
        print(f"generated {args.punches:,} punches in {seconds:.1f} s")
        app = build_app(url, upgrade=False)
        care = app.services.database_care
        assert care is not None
        assert care.purge is not None
        started = time.perf_counter()
        preview = care.purge.preview(ACTOR, args.before)
        print(f"preview: {preview.rows} in {time.perf_counter() - started:.1f} s")
        base = _peak_mb()
        steps: list[tuple[str, float]] = []
        started = time.perf_counter()
        care.purge.purge(
            ACTOR, args.before, folder / "archive.zip", lambda step: steps.append((step, time.perf_counter()))
        )
        ended = time.perf_counter()
        marks = [*steps, ("end", ended)]
        for (step, at), (_next, until) in pairwise(marks):
            print(f"  {step:<8} {until - at:.1f} s")
        size = (folder / "archive.zip").stat().st_size
        print(
            f"purge of {preview.rows['punches']:,} punches: {ended - started:.1f} s,"
            f" archive {size / 1024**2:.0f} MB, peak RSS {_peak_mb():.0f} MB (before the purge {base:.0f} MB)"
        )
        app.close()
    finally:
        if args.mysql:
            drop_mysql_database(url)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
