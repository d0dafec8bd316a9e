"""``db check`` (SQLite, MariaDB): a punch changed past a closed month's guard is reported, late taps not."""

from datetime import date, datetime

from fakes import ADMIN, FakeClock
from sqlalchemy import create_engine, text

from timetracker_desktop.app import AppContext
from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.month_closing import Month
from timetracker_desktop.repositories.ports.database_care import CheckFinding, CheckKind
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.database_care.check import CheckReport
from timetracker_desktop.services.dto import EmployeeDraft

MARCH = Month(2026, 3)


def _closed_months(report: CheckReport) -> CheckFinding:
    return next(f for f in report.findings if f.kind is CheckKind.CLOSED_MONTHS)


def _check(services: Services) -> CheckReport:
    assert services.database_care is not None
    return services.database_care.check.check(ADMIN)


def test_a_punch_changed_in_a_closed_month_fails_the_check(app_context: AppContext, clock: FakeClock) -> None:
    services = app_context.services
    clock.set(datetime.fromisoformat("2026-04-01T08:00:00+00:00"))
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль")).id
    for day in (3, 4, 5):
        services.schedules.set_cell(ADMIN, employee, date(2026, 3, day), "9-18")
    came = services.punches.add_manual(
        ADMIN, employee, datetime.fromisoformat("2026-03-03T09:00"), "forgot", direction=Direction.IN
    )
    left = services.punches.add_manual(
        ADMIN, employee, datetime.fromisoformat("2026-03-03T17:00"), "forgot", direction=Direction.OUT
    )
    assert _closed_months(_check(services)).details == ("0 closed month(s) as handed over",)
    services.months.close(ADMIN, MARCH)
    report = _check(services)
    assert report.ok, report.findings
    assert _closed_months(report).details == ("1 closed month(s) as handed over",)

    clock.advance(hours=1)  # a terminal that was offline delivers a day of 5 March: flagged, not an error
    with services.uow() as uow:
        for hour in (6, 15):
            at = datetime.fromisoformat(f"2026-03-05T{hour:02}:00:00+00:00")
            uow.punches.add(
                NewPunch(employee, at, Direction.IN if hour == 6 else Direction.OUT, PunchSource.TERMINAL,
                         clock.now(), received_at=clock.now())
            )  # fmt: skip
        uow.commit()
    report = _check(services)
    assert report.ok, report.findings
    assert _closed_months(report).details == (
        "2026-03: 1 cell(s) changed by terminal taps that arrived after the closing (flagged, not an error)",
    )

    raw = create_engine(app_context.url)  # past the program: the leaving punch becomes a second arrival
    with raw.begin() as connection:
        arrival = connection.execute(
            text("SELECT direction FROM punches WHERE id = :id"), {"id": came}
        ).scalar()
        connection.execute(
            text("UPDATE punches SET direction = :d WHERE id = :id"), {"d": arrival, "id": left}
        )
    raw.dispose()
    report = _check(services)
    assert report.failed == (CheckKind.CLOSED_MONTHS,)
    first, late = _closed_months(report).details
    assert first.startswith(f"2026-03: 1 cell(s) differ from the timesheet handed over (employee #{employee}")
    assert "on 2026-03-03: 8:00 -> " in first
    assert first.endswith("`month diff 2026-03` lists them")
    assert late.startswith("2026-03: 1 cell(s) changed by terminal taps")

    services.months.reopen(ADMIN, MARCH, "corrected on paper")  # a reopened month is open to changes
    assert _check(services).ok
