"""Worktime through services and storage: the legacy 31-hour case, corrections, local time entry."""

from datetime import date, datetime

import pytest
from fakes import ADMIN, FakeClock

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.worktime import Anomaly
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

TUE, WED = date(2026, 3, 3), date(2026, 3, 4)


def _local(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)  # noqa: DTZ001 - local wall time on purpose


@pytest.fixture
def employee_id(services: Services, clock: FakeClock) -> int:
    clock.set(datetime.fromisoformat("2026-03-06T12:00:00+00:00"))
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль"))
    for day in (TUE, WED):
        services.schedules.set_cell(ADMIN, employee.id, day, "8-17")
    return employee.id


def test_one_forgotten_out_gives_9_hours_and_an_anomaly_not_31(services: Services, employee_id: int) -> None:
    for day, hour in ((TUE, 8), (WED, 8), (WED, 17)):
        services.punches.add_manual(ADMIN, employee_id, _local(day, hour), "typed from paper")
    result = services.worktime.for_employee(employee_id, TUE, WED)
    tue, wed = result.days
    assert (tue.worked_seconds, wed.worked_seconds) == (0, 9 * 3600)
    assert tue.incomplete
    assert Anomaly.MISSING_OUT in tue.anomalies
    assert result.total_worked_seconds == 9 * 3600

    services.punches.add_manual(
        ADMIN, employee_id, _local(TUE, 17), "forgot to tap out", direction=Direction.OUT
    )
    fixed = services.worktime.for_employee(employee_id, TUE, WED)
    assert [d.worked_seconds for d in fixed.days] == [9 * 3600, 9 * 3600]
    assert fixed.total_worked_seconds == 18 * 3600


def test_void_and_undo_recompute_without_touching_raw_punches(services: Services, employee_id: int) -> None:
    ins = services.punches.add_manual(ADMIN, employee_id, _local(WED, 8), "paper", direction=Direction.IN)
    services.punches.add_manual(ADMIN, employee_id, _local(WED, 17), "paper", direction=Direction.OUT)
    void_id = services.punches.void(ADMIN, ins, "entered twice")
    assert services.worktime.for_employee(employee_id, WED, WED).total_worked_seconds == 0
    services.punches.undo(ADMIN, void_id, "was right after all")
    assert services.worktime.for_employee(employee_id, WED, WED).total_worked_seconds == 9 * 3600
    with services.uow(read_only=True) as uow:
        assert uow.punches.get(ins) is not None
    with pytest.raises(ValidationError, match="reason"):
        services.punches.void(ADMIN, ins, "   ")


def test_manual_entry_in_the_spring_gap_is_refused(services: Services, employee_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        services.punches.add_manual(ADMIN, employee_id, datetime(2026, 3, 29, 3, 30), "x")  # noqa: DTZ001
    assert caught.value.code == "nonexistent_local_time"
    with pytest.raises(ValidationError) as ambiguous:
        services.punches.add_manual(ADMIN, employee_id, datetime(2026, 10, 25, 3, 30), "x")  # noqa: DTZ001
    assert ambiguous.value.code == "ambiguous_local_time"
    assert services.punches.add_manual(ADMIN, employee_id, datetime(2026, 10, 25, 3, 30), "x", fold=1) > 0  # noqa: DTZ001


def test_overnight_cell_and_period_validation(services: Services, employee_id: int) -> None:
    cell = services.schedules.set_cell(ADMIN, employee_id, date(2026, 3, 5), "22-6")
    assert cell is not None
    assert cell.is_overnight
    with pytest.raises(ValidationError):
        services.schedules.set_cell(ADMIN, employee_id, date(2026, 3, 5), "8-8")
    with pytest.raises(ValidationError):
        services.worktime.for_employee(employee_id, WED, TUE)
