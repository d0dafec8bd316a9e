"""GUI benchmark: launch to a usable main window on a year of demo data; Today view load; 1,000 employees.

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_gui.py [--employees 100] [--days 365] [--bcrypt 12]``.
The demo databases are generated first (not timed) in a temporary folder; figures go to stdout.
"""

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from timetracker_desktop.app import GuiDatabaseGateway, build_app
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.i18n import install_translators
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import PoolTaskRunner
from timetracker_desktop.gui.listener.bridges import ScanBridge
from timetracker_desktop.gui.shell.application import Shell, load_resources
from timetracker_desktop.gui.views.employees import EmployeesView
from timetracker_desktop.gui.views.today import TodayView
from timetracker_desktop.services.demo import DemoDataService

PASSWORD = "bench-admin-1"


def demo_database(folder: Path, employees: int, days: int, bcrypt_rounds: int = 4) -> str:
    """A migrated SQLite database with demo data and an admin whose password hash has the given cost."""
    url = f"sqlite:///{folder / f'demo_{employees}_{days}.db'}"
    context = build_app(url, bcrypt_rounds=bcrypt_rounds)
    try:
        DemoDataService(context.services.uow, context.services.clock).generate(
            Actor.system(), employees, days
        )
        context.services.users.create_user(Actor.system(), "admin", PASSWORD, Role.ADMIN)
    finally:
        context.close()
    return url


def wait(app: QApplication, done: Callable[[], bool], limit: float = 120.0) -> None:
    """Process events until ``done()`` (no fixed sleeps)."""
    deadline = time.monotonic() + limit
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the GUI did not finish in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def launch_to_usable(app: QApplication, url: str, folder: Path, bcrypt_rounds: int) -> tuple[float, float]:
    """Seconds from start-up to the login dialog, and from "Log in" to the main window with Today loaded."""
    start = time.perf_counter()
    load_resources()
    settings = UiSettings(folder / "ui.ini")
    install_translators(app, settings.language)
    shell = Shell(app, GuiDatabaseGateway(bcrypt_rounds=bcrypt_rounds), settings, url)
    shell.startup.start()
    wait(app, lambda: shell.startup.login is not None and shell.startup.login.isVisible())
    to_login = time.perf_counter() - start
    login = shell.startup.login
    assert login is not None
    login.username.setText("admin")
    login.password.setText(PASSWORD)
    start = time.perf_counter()
    login.login_button.click()
    wait(app, lambda: shell.window is not None and shell.runner.relay.pending == 0)
    to_window = time.perf_counter() - start
    assert shell.window is not None
    shell.window.close()
    shell.runner.wait_for_done()
    if shell.database is not None:
        shell.database.close()
    return to_login, to_window


def view_load(app: QApplication, url: str, folder: Path, make: Callable[[GuiContext], QWidget]) -> float:
    """Seconds from creating a view until its background loads are shown."""
    context = build_app(url, upgrade=False)
    try:
        user = context.services.users.authenticate("admin", PASSWORD)
        runner = PoolTaskRunner(print)
        gui = GuiContext(context.services, user, runner, UiSettings(folder / "view.ini"), url, ScanBridge())
        start = time.perf_counter()
        view = make(gui)
        view.show()
        wait(app, lambda: runner.relay.pending == 0)
        elapsed = time.perf_counter() - start
        view.close()
        runner.wait_for_done()
        return elapsed
    finally:
        context.close()


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=100)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--bcrypt", type=int, default=12, help="bcrypt cost of the login (the app uses 12)")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        year = demo_database(folder, args.employees, args.days, args.bcrypt)
        thousand = demo_database(folder, 1000, 1)
        print(f"demo data generated in {time.perf_counter() - started:.1f} s (not part of the figures)")
        to_login, to_window = launch_to_usable(app, year, folder, args.bcrypt)
        print(f"launch to login dialog ({args.employees} employees, {args.days} days): {to_login:.2f} s")
        print(f"log in to usable main window with Today loaded (bcrypt {args.bcrypt}): {to_window:.2f} s")
        today = view_load(app, year, folder, TodayView)
        print(f"Today view load ({args.employees} employees, {args.days} days of punches): {today:.2f} s")
        employees = view_load(app, thousand, folder, EmployeesView)
        print(f"Employees table load with 1,000 employees: {employees:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
