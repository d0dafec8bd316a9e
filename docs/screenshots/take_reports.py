"""Screenshots of the Reports view (timesheet, charts, detail) over take.py's demo (Today: take.py).

Run it under Xvfb, as take.py::

    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_reports.py
"""

import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

from take import KYIV, FixedClock, demo_database, logged_in, save, settle

from timetracker_desktop.app import build_app
from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.reports import ExceptionKind, ReportKind
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.gui.reports.view import ReportsView
from timetracker_desktop.gui.shell.application import Shell, load_resources
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.repositories.ports.storage import NewPunch

ADMIN = Actor.system()


def corrections(url: str, clock: FixedClock) -> tuple[int, date]:
    """A forgotten OUT typed in by hand and a stray tap voided, for someone with an incomplete day."""
    context = build_app(url, clock=clock, bcrypt_rounds=4)
    try:
        services = context.services
        today = clock.now().astimezone(KYIV).date()
        report = services.reports.exceptions(today - timedelta(days=27), today - timedelta(days=1))
        line = next(x for x in report.lines if x.kind is ExceptionKind.INCOMPLETE and x.day.weekday() < 4)
        employee, day = line.employee.id, line.day
        wall = datetime(day.year, day.month, day.day, 17, 5)  # noqa: DTZ001 - local wall time, typed in
        services.punches.add_manual(
            ADMIN, employee, wall, "забув відмітитись на виході", direction=Direction.OUT
        )
        stray = datetime(day.year, day.month, day.day + 1, 12, 30, tzinfo=KYIV).astimezone(UTC)
        with services.uow() as uow:
            punch = uow.punches.add(NewPunch(employee, stray, Direction.AUTO, PunchSource.TERMINAL, stray))
            uow.commit()
        services.punches.void(ADMIN, punch.id, "випадкове торкання")
        return employee, day
    finally:
        context.close()


def reports(app: QApplication, shell: Shell, window: MainWindow, detail: tuple[int, date]) -> None:
    """Last month's timesheet, the charts of the last four weeks, one employee's detail."""
    view = window.show_page("reports")
    assert isinstance(view, ReportsView)
    settle(app, shell)
    first, _ = view.filters.period()
    last_month = first - timedelta(days=1)
    view.filters.set_kind(ReportKind.TIMESHEET)
    view.filters.set_month(last_month.year, last_month.month)
    view.show_report()
    settle(app, shell)
    save(window, "reports")
    view.filters.set_kind(ReportKind.EXCEPTIONS)
    end = view.filters.last.date().toPython()
    view.filters.set_period(end - timedelta(days=27), end)
    view.tabs.setCurrentWidget(view.charts)
    settle(app, shell, 800)
    save(window, "reports_charts")
    view.tabs.setCurrentIndex(0)
    view.filters.set_kind(ReportKind.DETAIL)
    view.filters.set_employee(detail[0])
    view.filters.set_period(detail[1] - timedelta(days=3), detail[1] + timedelta(days=8))
    view.show_report()
    settle(app, shell)
    save(window, "reports_detail")


def main() -> int:
    """Take the screenshots into docs/screenshots/."""
    app = QApplication(sys.argv)
    load_resources()
    with demo_database() as (work, url, clock):
        detail = corrections(url, clock)
        with logged_in(app, work, url, clock, size=(1500, 900)) as (shell, window):
            reports(app, shell, window, detail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
