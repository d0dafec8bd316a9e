"""EventLogService over the fake storage: local-date filters, keyset pages, overrides, live undos."""

from datetime import date, datetime

import pytest
from fakes import ADMIN, FakeClock

from timetracker_desktop.domain.attendance import CorrectionKind, Direction
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.services.attendance.event_log import EventFilter, EventLogService
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

DAY = date(2026, 3, 3)


def _paper(services: Services, employee: int, hour: int, day: date = DAY) -> int:
    """A manual punch typed from the paper sheet at an office wall time."""
    local = datetime.fromisoformat(f"{day}T{hour:02}:00")
    return services.punches.add_manual(ADMIN, employee, local, "paper", direction=Direction.IN)


def test_pages_follow_local_dates_newest_first_and_show_overrides(
    services: Services, clock: FakeClock
) -> None:
    log = EventLogService(services.uow, clock)
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена")).id
    ivan = services.employees.add_employee(ADMIN, EmployeeDraft("Іван")).id
    early = _paper(services, olena, 0)  # local midnight belongs to the day, though it is 22:00 UTC before
    ids = [_paper(services, olena, hour) for hour in (8, 12, 17)]
    _paper(services, ivan, 9)
    _paper(services, olena, 8, DAY.replace(day=4))
    services.punches.set_direction(ADMIN, ids[2], Direction.OUT, "was leaving")
    wanted = EventFilter(DAY, DAY, employee_id=olena)
    first = log.page(wanted, limit=2)
    rest = log.page(wanted, first.next_after, limit=10)
    assert [line.id for line in first.lines + rest.lines] == [*reversed(ids), early]
    assert (first.complete, rest.complete) == (False, True)
    assert first.overrides == {ids[2]: Direction.OUT}
    assert log.count(EventFilter(DAY, DAY)) == 5
    choices = log.choices()
    assert ([e.full_name for e in choices.employees], choices.time_zone, choices.today) == (
        ["Іван", "Олена"],
        "Europe/Kyiv",
        date(2026, 3, 4),
    )
    with pytest.raises(ValidationError):
        log.count(EventFilter(DAY, DAY.replace(day=2)))


def test_only_corrections_in_force_are_offered_for_undo(services: Services, clock: FakeClock) -> None:
    log = EventLogService(services.uow, clock)
    olena = services.employees.add_employee(ADMIN, EmployeeDraft("Олена")).id
    punch = _paper(services, olena, 8)
    void = services.punches.void(ADMIN, punch, "twice")
    override = services.punches.set_direction(ADMIN, punch, Direction.OUT, "left")
    services.punches.undo(ADMIN, void, "not twice")
    assert [(c.id, c.kind) for c in log.corrections(olena, punch)] == [
        (override, CorrectionKind.SET_DIRECTION)
    ]
    (line,) = log.page(EventFilter(DAY, DAY)).lines
    assert not line.voided
