"""Events view benchmark: time to open the punch log on 1,000,000 punches, and to page and re-filter it.

Run: ``python bench/bench_events.py [--punches 1000000] [--employees 100] [--mysql]``: offscreen Qt, a scratch
SQLite file, and MariaDB too with ``--mysql`` when TT_TEST_MYSQL_URL is set (``<name>_bench_events``).
"""

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dbsupport import drop_mysql_database, recreate_mysql_database, scratch_mysql_url
from fakes import FakeClock
from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QApplication

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import PoolTaskRunner
from timetracker_desktop.gui.listener.bridges import ScanBridge
from timetracker_desktop.gui.shell.application import load_resources
from timetracker_desktop.gui.views.events import EventsView
from timetracker_desktop.repositories.ports.storage import NewPunch

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
BATCH = 50_000


def fill(app: AppContext, punches: int, employees: int) -> float:
    """Employees, then punches spread evenly over the two years before NOW; returns seconds taken."""
    start = time.perf_counter()
    with app.storage() as uow:
        ids = [uow.employees.add(f"Працівник {i:03d}", None, None, NOW).id for i in range(employees)]
        uow.commit()
    step = timedelta(days=730) / punches
    for first in range(0, punches, BATCH):
        rows = [
            NewPunch(ids[i % employees], NOW - step * (i + 1), Direction.AUTO, PunchSource.IMPORT, NOW)
            for i in range(first, min(first + BATCH, punches))
        ]
        with app.storage() as uow:
            uow.punches.add_many(rows)
            uow.commit()
    return time.perf_counter() - start


def wait_for(condition: Callable[[], bool], limit: float = 120.0) -> float:
    """Process events until the condition holds; returns the seconds waited."""
    start = time.perf_counter()
    while not condition():
        QCoreApplication.processEvents()
        if time.perf_counter() - start > limit:
            raise TimeoutError("the view did not finish in time")
        time.sleep(0.0005)
    return time.perf_counter() - start


def measure(label: str, app: AppContext, folder: Path, total: int) -> None:
    """Open the view, page once, widen the period to everything, filter one employee."""
    services = app.services
    services.users.create_user(Actor.system(), "bench", "bench-pass-1", Role.ADMIN)
    user = services.users.authenticate("bench", "bench-pass-1")
    runner = PoolTaskRunner(print)
    context = GuiContext(services, user, runner, UiSettings(folder / "ui.ini"), label, ScanBridge())
    start = time.perf_counter()
    view = EventsView(context)
    view.resize(1100, 700)
    view.show()
    constructed = time.perf_counter() - start
    first_page = constructed + wait_for(lambda: view.model.rowCount() > 0)
    counted = constructed + wait_for(lambda: "of" in view.status.text())
    print(
        f"{label}: view built in {constructed * 1000:.0f} ms; first page (200 rows, last 30 days) "
        f"shown after {first_page * 1000:.0f} ms; "
        f"the count ({view.status.text()}) after {counted * 1000:.0f} ms"
    )
    wait_for(lambda: not view.model.loading)
    rows = view.model.rowCount()
    view.model.fetchMore(QModelIndex())
    paged = wait_for(lambda: view.model.rowCount() > rows)
    print(f"{label}: next page while scrolling: {paged * 1000:.0f} ms")
    view.first.setDate(view.first.date().addYears(-3))  # the whole two years: every punch
    everything = wait_for(lambda: view.model.rowCount() > 0 and not view.model.loading)
    counted_all = wait_for(lambda: f"of {total} " in view.status.text())
    print(
        f"{label}: whole period re-queried, first page after {everything * 1000:.0f} ms; "
        f"count of all ({view.status.text()}) after {(everything + counted_all) * 1000:.0f} ms"
    )
    view.employee.setCurrentIndex(5)
    view.employee.activated.emit(5)
    one = wait_for(lambda: view.model.rowCount() > 0 and not view.model.loading)
    print(f"{label}: one employee over the whole period, first page after {one * 1000:.0f} ms")
    view.close()
    runner.wait_for_done(30_000)


def run(label: str, url: str, args: argparse.Namespace, folder: Path) -> None:
    """Fill one database and measure it."""
    app = build_app(url, clock=FakeClock(NOW), bcrypt_rounds=4)
    try:
        seconds = fill(app, args.punches, args.employees)
        print(
            f"{label}: {args.punches:,} punches for {args.employees} employees bulk-inserted "
            f"in {seconds:.0f} s"
        )
        measure(label, app, folder, args.punches)
    finally:
        app.close()


def main() -> None:
    """SQLite, then MariaDB when asked and configured."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--punches", type=int, default=1_000_000)
    parser.add_argument("--employees", type=int, default=100)
    parser.add_argument("--mysql", action="store_true")
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv)
    load_resources()
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", f"sqlite:///{folder}/bench.db", args, Path(folder))
        base = os.environ.get("TT_TEST_MYSQL_URL")
        if args.mysql and base:
            url = scratch_mysql_url(base, "bench_events")
            recreate_mysql_database(url)
            try:
                run("MariaDB", url, args, Path(folder))
            finally:
                drop_mysql_database(url)
    del qapp


if __name__ == "__main__":
    main()
