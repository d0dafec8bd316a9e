"""Screenshots of the Database page and the alerts (status bar, Today's «Needs attention»), in Ukrainian.

Run it under Xvfb, as take.py::

    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_care.py

The demo's history: a good automatic backup yesterday, a check and an optimisation, then an automatic
backup that failed this morning (its folder cannot be written), so that the alert shows.
"""

import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

from take import FixedClock, demo_database, logged_in, save, settle

from timetracker_desktop.app import build_app
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.gui.shell.application import load_resources
from timetracker_desktop.gui.views.database import DatabaseView


def care_history(url: str, clock: FixedClock, work: Path) -> None:
    """A good backup, a check and an optimisation yesterday; this morning's automatic backup failed."""
    now = clock.at
    context = build_app(url, clock=clock, bcrypt_rounds=4)
    try:
        schedule, care = context.services.backup_schedule, context.services.database_care
        assert schedule is not None
        assert care is not None
        clock.at = now - timedelta(days=1, hours=3)
        schedule.change(Actor.system(), folder=str(work / "Backups"), interval_hours=24, keep=14)
        schedule.run_if_due()
        care.check.check(Actor.system())
        care.optimize.optimize(Actor.system())
        clock.at = now - timedelta(hours=3)
        blocked = work / "E-drive"  # a file where the folder should be: a removed USB disk, say
        blocked.write_text("", encoding="utf-8")
        schedule.change(Actor.system(), folder=str(blocked))
        schedule.run_if_due()
    finally:
        clock.at = now
        context.close()


def main() -> int:
    """Take the screenshots into docs/screenshots/."""
    app = QApplication(sys.argv)
    load_resources()
    with demo_database() as (work, url, clock):
        care_history(url, clock, work)
        with logged_in(app, work, url, clock) as (shell, window):
            window.show_page("today")
            settle(app, shell, 1500)
            save(window, "alerts")
            page = window.show_page("database")
            assert isinstance(page, DatabaseView)
            settle(app, shell)
            page.check()
            settle(app, shell, 800)
            save(window, "database")
    return 0


if __name__ == "__main__":
    sys.exit(main())
