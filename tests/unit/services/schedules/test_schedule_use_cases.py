"""ScheduleService over the fake storage: cells as text, holidays, templates applied to a month, audit."""

from collections.abc import Callable
from datetime import date, time

import pytest
from fakes import ADMIN, MANAGER, VIEWER, FakeUnitOfWorkFactory

from timetracker_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from timetracker_desktop.domain.schedules import ScheduleTemplate
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.schedules.schedules import month_bounds

MONDAY = date(2026, 3, 2)
WEEK = ("8-17", "8-17", "8-17", "8-17", "8-16", "в", "")


def _employee(services: Services, name: str = "Олена") -> int:
    return services.employees.add_employee(ADMIN, EmployeeDraft(name)).id


def test_cells_are_typed_as_text_cleared_when_empty_and_audited_only_on_change(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    employee = _employee(services)
    with pytest.raises(PermissionDeniedError):
        services.schedules.set_cell(VIEWER, employee, MONDAY, "8-17")
    cell = services.schedules.set_cell(MANAGER, employee, MONDAY, " 8:30-17 ", 45)
    assert cell is not None
    assert (cell.start, cell.end, cell.break_minutes, cell.code) == (time(8, 30), time(17), 45, None)
    services.schedules.set_cell(MANAGER, employee, MONDAY, "08:30-17:00", 45)  # the same cell again
    code = services.schedules.set_cell(MANAGER, employee, MONDAY, "б", 30)
    assert code is not None
    assert (code.code, code.break_minutes) == ("Б", 0)  # canonical code, no break on a code day
    assert services.schedules.set_cell(MANAGER, employee, MONDAY, "  ") is None
    assert services.schedules.cells([employee], MONDAY, MONDAY) == []
    with storage(read_only=True) as uow:
        changes = [(e.before, e.after) for e in uow.audit.all_in_order() if e.action == "schedule.cell_set"]
    day = MONDAY.isoformat()
    assert changes == [
        ({"day": day, "cell": None}, {"day": day, "cell": "08:30-17:00"}),
        ({"day": day, "cell": "08:30-17:00"}, {"day": day, "cell": "Б"}),
        ({"day": day, "cell": "Б"}, {"day": day, "cell": None}),
    ]


@pytest.mark.parametrize(
    ("text", "minutes", "code"),
    [("8-8", 0, "bad_cell"), ("XX", 0, "bad_cell"), ("8-17", 241, "bad_break"), ("8-17", -1, "bad_break")],
)
def test_bad_cells_are_refused_and_nothing_is_written(
    services: Services, storage: FakeUnitOfWorkFactory, text: str, minutes: int, code: str
) -> None:
    employee = _employee(services)
    commits = storage.commits
    with pytest.raises(ValidationError) as caught:
        services.schedules.set_cell(ADMIN, employee, MONDAY, text, minutes)
    assert caught.value.code == code
    assert storage.commits == commits
    with pytest.raises(NotFoundError):
        services.schedules.set_cell(ADMIN, 999, MONDAY, "8-17")


def test_holidays_are_named_listed_and_removed_with_audit(
    services: Services, audit_actions: Callable[[], list[str]]
) -> None:
    day = date(2026, 3, 8)
    with pytest.raises(PermissionDeniedError):
        services.schedules.set_holiday(VIEWER, day, "Свято")
    with pytest.raises(ValidationError):
        services.schedules.set_holiday(ADMIN, day, "  ")
    services.schedules.set_holiday(ADMIN, day, " Міжнародний   жіночий день ")
    services.schedules.set_holiday(ADMIN, day, "8 березня")
    assert [(h.day, h.name) for h in services.schedules.holidays(MONDAY, date(2026, 3, 31))] == [
        (day, "8 березня")
    ]
    services.schedules.remove_holiday(ADMIN, day)
    assert services.schedules.holidays(MONDAY, date(2026, 3, 31)) == []
    assert audit_actions() == ["holiday.set", "holiday.set", "holiday.remove"]


def test_a_template_fills_a_month_skipping_holidays_and_kept_cells(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    olena, ivan = _employee(services, "Олена"), _employee(services, "Іван")
    with pytest.raises(ValidationError):
        services.schedules.save_template(ADMIN, ScheduleTemplate(0, "bad", MONDAY, WEEK[:6]))
    with pytest.raises(ValidationError):
        services.schedules.save_template(ADMIN, ScheduleTemplate(0, "bad", MONDAY, ("25-26", *WEEK[1:])))
    template = services.schedules.save_template(ADMIN, ScheduleTemplate(0, "5/2", MONDAY, WEEK))
    assert template.id > 0
    services.schedules.set_holiday(ADMIN, date(2026, 3, 9), "вихідний за 8 березня")
    services.schedules.set_cell(ADMIN, olena, date(2026, 3, 3), "Б")
    first, last = month_bounds(2026, 3)
    written = services.schedules.apply_template(ADMIN, template.id, [olena, ivan], first, last)
    cells = {(c.employee_id, c.day): c for c in services.schedules.cells(None, first, last)}
    assert cells[olena, date(2026, 3, 3)].code == "Б"  # kept without overwrite
    assert (ivan, date(2026, 3, 9)) not in cells  # a holiday
    assert cells[ivan, date(2026, 3, 6)].end == time(16)  # Friday
    assert cells[ivan, date(2026, 3, 7)].code == "В"  # Saturday
    assert (ivan, date(2026, 3, 8)) not in cells  # an empty template day
    assert written == len(cells) - 1
    overwritten = services.schedules.apply_template(
        ADMIN, template.id, [olena], MONDAY, date(2026, 3, 3), overwrite=True
    )
    assert overwritten == 2
    assert services.schedules.cells([olena], date(2026, 3, 3), date(2026, 3, 3))[0].code is None
    with pytest.raises(NotFoundError):
        services.schedules.apply_template(ADMIN, 999, [olena], first, last)
    with pytest.raises(ValidationError):
        month_bounds(2026, 13)
    with storage(read_only=True) as uow:
        (applied, _) = uow.audit.list_all(action="template.apply")
    assert applied.after == {"from": "2026-03-02", "to": "2026-03-03", "cells": 2, "employees": [olena]}
