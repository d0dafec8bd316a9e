"""Today's board and worktime over the fake storage: states against the plan, lateness, holidays, periods."""

from datetime import UTC, date, datetime, timedelta

import pytest
from fakes import ADMIN, FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.errors import NotFoundError, ValidationError
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.attendance.presence import PresenceService, PresenceState
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

TODAY = date(2026, 3, 4)  # the fake clock stands at 10:00 UTC, 12:00 in Kyiv
KYIV = timedelta(hours=2)


def _person(services: Services, name: str, cell: str | None = None, day: date = TODAY) -> int:
    employee = services.employees.add_employee(ADMIN, EmployeeDraft(name)).id
    if cell is not None:
        services.schedules.set_cell(ADMIN, employee, day, cell)
    return employee


def _tap(
    storage: FakeUnitOfWorkFactory, employee: int, local: str, direction: Direction, day: date = TODAY
) -> None:
    """A terminal punch at an office wall time (of today unless told)."""
    at = datetime.fromisoformat(f"{day}T{local}").replace(tzinfo=UTC) - KYIV
    with storage() as uow:
        uow.punches.add(NewPunch(employee, at, direction, PunchSource.TERMINAL, at))
        uow.commit()


def test_the_board_shows_each_active_employee_against_todays_plan(
    services: Services, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    late = _person(services, "Андрій", "8-17")
    _tap(storage, late, "08:30", Direction.IN)
    gone = _person(services, "Богдан", "8-17")
    _tap(storage, gone, "07:55", Direction.IN)
    _tap(storage, gone, "11:00", Direction.OUT)
    _person(services, "Віра", "8-17")  # no punch, past the grace period
    _person(services, "Галина", "Б")
    _person(services, "Дмитро", "В")
    _person(services, "Олег")
    retired = _person(services, "Жанна", "8-17")
    services.employees.set_active(ADMIN, retired, False)
    board = PresenceService(services.uow, clock, services.worktime).today()
    assert (board.day, board.time_zone) == (TODAY, "Europe/Kyiv")
    assert [(line.full_name, line.state) for line in board.lines] == [
        ("Андрій", PresenceState.IN),
        ("Богдан", PresenceState.LEFT),
        ("Віра", PresenceState.ABSENT),
        ("Галина", PresenceState.EXCUSED),
        ("Дмитро", PresenceState.OFF),
        ("Олег", PresenceState.UNSCHEDULED),
    ]
    andrii, bohdan = board.lines[:2]
    assert andrii.late_seconds > 0
    assert andrii.worked_seconds == 3 * 3600 + 30 * 60  # still in: counted up to now
    assert bohdan.late_seconds == 0
    assert board.count(PresenceState.IN) == 1
    assert board.late == 1


def test_before_the_grace_period_a_scheduled_employee_is_expected_and_a_holiday_is_off(
    services: Services, clock: FakeClock
) -> None:
    _person(services, "Віра", "14-18")
    _person(services, "Олег")
    services.schedules.set_holiday(ADMIN, TODAY, "Свято")
    board = PresenceService(services.uow, clock, services.worktime).today()
    assert [line.state for line in board.lines] == [PresenceState.EXPECTED, PresenceState.OFF]
    assert board.lines[0].plan != ""


def test_worktime_covers_periods_in_name_order_and_refuses_bad_ones(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    yesterday = TODAY - timedelta(days=1)
    bohdan = _person(services, "Богдан", "8-17", yesterday)
    _tap(storage, bohdan, "08:00", Direction.IN, yesterday)
    _tap(storage, bohdan, "16:00", Direction.OUT, yesterday)
    andrii = _person(services, "Андрій", "8-17", yesterday)
    (day,) = services.worktime.for_employee(bohdan, yesterday, yesterday).days
    assert (day.planned_seconds, day.worked_seconds, day.early_leave_seconds) == (9 * 3600, 8 * 3600, 3600)
    (absent,) = services.worktime.for_employees([andrii], yesterday, yesterday)[0].days
    assert (absent.worked_seconds, absent.absent) == (0, True)
    assert [r.employee_id for r in services.worktime.for_all(yesterday, TODAY)] == [andrii, bohdan]
    services.employees.set_active(ADMIN, andrii, False)
    assert [r.employee_id for r in services.worktime.for_all(yesterday, TODAY)] == [bohdan]
    assert len(services.worktime.for_all(TODAY, TODAY, include_inactive=True)) == 2
    with pytest.raises(NotFoundError):
        services.worktime.for_employee(999, TODAY, TODAY)
    with pytest.raises(ValidationError):
        services.worktime.for_all(TODAY, TODAY - timedelta(days=1))
    with pytest.raises(ValidationError):
        services.worktime.for_all(TODAY, TODAY + timedelta(days=400))
