"""The golden data set: two employees over Thu 26 - Tue 31 March 2026 in Europe/Kyiv (DST on Sun 29).

Андрій Мельник works days (8-17, weekend code В); Оксана Ткаченко guards nights (22-6). Mon 30 is a holiday.
Every expected figure in the tests is computed by hand from the punches below; see each test's comments.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from fakes import ADMIN, FakeClock

from timetracker_desktop.domain.attendance import Direction, PunchFlag, PunchSource
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

FIRST, LAST = date(2026, 3, 26), date(2026, 3, 31)
NOW = datetime(2026, 4, 2, 12, 0, tzinfo=UTC)  # every shift of the period is over
DAY_CELLS = {26: "8-17", 27: "8-17", 28: "В", 29: "В", 31: "8-17"}  # no cell on the holiday
NIGHT_CELLS = {26: "22-6", 27: "22-6", 28: "22-6", 29: "В", 30: "В/Д", 31: "22-6"}


@dataclass(frozen=True, slots=True)
class Golden:
    """Ids of the golden data set."""

    day_worker: int
    night_guard: int


def _utc(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def _terminal_punches(
    services: Services, employee_id: int, punches: list[tuple[datetime, Direction]]
) -> list[int]:
    ids = []
    with services.uow() as uow:
        for at, direction in punches:
            flags = frozenset({PunchFlag.CLOCK_SKEW}) if at == _utc(3, 26, 15) else frozenset()
            punch = NewPunch(
                employee_id, at, direction, PunchSource.TERMINAL, at, received_at=at, flags=flags
            )
            ids.append(uow.punches.add(punch).id)
        uow.commit()
    return ids


def _day_worker(services: Services) -> int:
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Андрій Мельник", "Інженер"))
    for day, text in DAY_CELLS.items():
        services.schedules.set_cell(ADMIN, employee.id, date(2026, 3, day), text)
    # Kyiv is UTC+2 until Sun 29 03:00, UTC+3 after
    ids = _terminal_punches(
        services,
        employee.id,
        [
            (_utc(3, 26, 6, 5), Direction.IN),  # Thu 08:05: 5 min late, inside the 10 min grace
            (_utc(3, 26, 6, 6), Direction.IN),  # Thu 08:06: a second IN while open -> DUPLICATE_IN
            (_utc(3, 26, 10), Direction.AUTO),  # Thu 12:00: a stray tap, voided below
            (_utc(3, 26, 15), Direction.OUT),  # Thu 17:00, flagged clock_skew
            (_utc(3, 27, 6, 25), Direction.IN),  # Fri 08:25: 25 min late, outside the grace
            (_utc(3, 30, 7), Direction.IN),  # Mon 10:00 on the holiday
            (_utc(3, 30, 11), Direction.OUT),  # Mon 14:00
            (_utc(3, 31, 4, 55), Direction.IN),  # Tue 07:55, OUT forgotten
        ],
    )
    services.punches.void(ADMIN, ids[2], "помилкове торкання")
    services.punches.add_manual(
        ADMIN,
        employee.id,
        datetime(2026, 3, 27, 17, 30),  # noqa: DTZ001 - local wall time: Fri 17:30, typed in by hand
        "забув відмітитись",
        direction=Direction.OUT,
    )
    return employee.id


def _night_guard(services: Services) -> int:
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Оксана Ткаченко", "Охоронець"))
    for day, text in NIGHT_CELLS.items():
        services.schedules.set_cell(ADMIN, employee.id, date(2026, 3, day), text)
    _terminal_punches(
        services,
        employee.id,
        [
            (_utc(3, 26, 19, 58), Direction.IN),  # Thu 21:58
            (_utc(3, 27, 4, 2), Direction.OUT),  # Fri 06:02
            (_utc(3, 28, 20), Direction.IN),  # Sat 22:00 (UTC+2)
            (_utc(3, 29, 3), Direction.OUT),  # Sun 06:00 (UTC+3): a 7 h night
            (_utc(3, 29, 9), Direction.OUT),  # Sun 12:00: an OUT with no IN (orphan)
            (_utc(3, 31, 19), Direction.IN),  # Tue 22:00
            (_utc(4, 1, 3), Direction.OUT),  # Wed 06:00, after the period: still Tuesday's shift
        ],
    )
    return employee.id


@pytest.fixture
def golden(services: Services, clock: FakeClock) -> Golden:
    """The data set, with the clock at Thu 2 April 2026 12:00 UTC."""
    clock.set(NOW)
    services.schedules.set_holiday(ADMIN, date(2026, 3, 30), "Тестове свято")
    return Golden(_day_worker(services), _night_guard(services))
