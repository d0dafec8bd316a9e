"""What the schedule grid shows for one month, read in one unit of work (writes use ScheduleService)."""

from dataclasses import dataclass

from timetracker_desktop.domain.absences import Absence
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.schedule_rules import local_date
from timetracker_desktop.domain.schedules import Holiday, ScheduleCell, ScheduleCode, ScheduleTemplate
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.schedules.schedules import month_bounds
from timetracker_desktop.services.settings import load_settings


@dataclass(frozen=True, slots=True)
class ScheduleMonth:
    """Active employees, their cells, the month's holidays, the code table and the templates."""

    year: int
    month: int
    employees: tuple[Employee, ...]
    cells: tuple[ScheduleCell, ...]
    holidays: tuple[Holiday, ...]
    codes: tuple[ScheduleCode, ...]
    templates: tuple[ScheduleTemplate, ...]
    absences: tuple[Absence, ...] = ()  # the month's absences of these employees (shown over the plan)


class ScheduleMonthService:
    """Reads for the Schedules view."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def current_month(self) -> tuple[int, int]:
        """The office's current (year, month)."""
        with self._uow(read_only=True) as uow:
            today = local_date(self._clock.now(), load_settings(uow).zone)
        return today.year, today.month

    def load(self, year: int, month: int) -> ScheduleMonth:
        """One month: viewing never writes cells."""
        first, last = month_bounds(year, month)
        with self._uow(read_only=True) as uow:
            employees = tuple(uow.employees.list_all(include_inactive=False))
            ids = [e.id for e in employees]
            return ScheduleMonth(
                year,
                month,
                employees,
                tuple(uow.schedules.cells(ids, first, last)),
                tuple(uow.schedules.holidays(first, last)),
                tuple(uow.schedules.codes()),
                tuple(uow.schedules.templates()),
                tuple(uow.absences.overlapping(ids, first, last)),
            )
