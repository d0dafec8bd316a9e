"""Absences over the fake storage: the Today board says "excused" and shows the code; audit on refusal."""

from collections.abc import Callable
from datetime import date

import pytest
from fakes import ADMIN, FakeClock

from timetracker_desktop.domain.errors import ConflictError
from timetracker_desktop.services.attendance.presence import PresenceService, PresenceState
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

TODAY = date(2026, 3, 4)  # the fake clock stands at 10:00 UTC, 12:00 in Kyiv


def test_an_absent_employee_is_excused_on_the_board_not_absent(services: Services, clock: FakeClock) -> None:
    away = services.employees.add_employee(ADMIN, EmployeeDraft("Андрій")).id
    missing = services.employees.add_employee(ADMIN, EmployeeDraft("Богдан")).id
    for employee in (away, missing):
        services.schedules.set_cell(ADMIN, employee, TODAY, "8-17")
    services.absences.add(ADMIN, away, "ТН", date(2026, 3, 3), date(2026, 3, 6))
    board = PresenceService(services.uow, clock, services.worktime).today()
    assert [(line.full_name, line.state, line.plan, line.late_seconds) for line in board.lines] == [
        ("Андрій", PresenceState.EXCUSED, "ТН", 0),
        ("Богдан", PresenceState.ABSENT, "08:00-17:00", 0),
    ]


def test_a_refused_overlap_writes_nothing(services: Services, audit_actions: Callable[[], list[str]]) -> None:
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Віра")).id
    services.absences.add(ADMIN, employee, "В", date(2026, 3, 2), date(2026, 3, 6))
    with pytest.raises(ConflictError):
        services.absences.add(ADMIN, employee, "ТН", date(2026, 3, 6), date(2026, 3, 9))
    assert audit_actions()[-1] == "absence.add"
    assert len(services.absences.list_absences(employee)) == 1
