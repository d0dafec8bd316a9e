"""Everything a report reads, loaded in one read-only unit of work, and the engine run over it."""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from timetracker_desktop.domain.absences import AbsenceType, absence_days
from timetracker_desktop.domain.attendance import Correction, PunchCore, effective_sequence
from timetracker_desktop.domain.audit import EntityType
from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.errors import NotFoundError
from timetracker_desktop.domain.month_closing import ClosedMonth, Month
from timetracker_desktop.domain.schedule_rules import local_midnight
from timetracker_desktop.domain.schedules import Holiday, ScheduleCell, ScheduleCode
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.worktime import WorktimeResult, compute_worktime
from timetracker_desktop.repositories.ports.storage import UnitOfWork
from timetracker_desktop.services.attendance.worktime import check_period
from timetracker_desktop.services.reports.run import RunControl
from timetracker_desktop.services.settings import load_settings

# Above this many employees one unfiltered query beats an IN list of ids.
_ALL_EMPLOYEES_FROM = 500
_PROGRESS_EVERY = 25


@dataclass(frozen=True, slots=True)
class ReportInputs:
    """Settings, people, schedules, punches and corrections of a period, read at one moment."""

    first: date
    last: date
    now: datetime
    settings: BusinessSettings
    codes: tuple[ScheduleCode, ...]
    holidays: tuple[Holiday, ...]
    employees: tuple[Employee, ...]
    cells: Mapping[int, Mapping[date, ScheduleCell]]
    punches: Mapping[int, list[PunchCore]]
    corrections: Mapping[int, list[Correction]]
    absences: Mapping[int, Mapping[date, AbsenceType]] = field(default_factory=dict)
    closing: ClosedMonth | None = None  # the period is one closed month

    def cell(self, employee_id: int, day: date) -> ScheduleCell | None:
        """The schedule cell of an employee's workday, if any."""
        return self.cells.get(employee_id, {}).get(day)

    def worktime(self, employee_id: int) -> WorktimeResult:
        """The engine's plan versus actual of one employee over the period."""
        return self._compute(employee_id, {h.day for h in self.holidays})

    def each(self, control: RunControl) -> Iterator[tuple[Employee, WorktimeResult]]:
        """Every employee with their worktime, reporting progress and honouring cancellation."""
        total = len(self.employees)
        holidays = {h.day for h in self.holidays}
        for done, employee in enumerate(self.employees, start=1):
            control.check()
            yield employee, self._compute(employee.id, holidays)
            if done % _PROGRESS_EVERY == 0 or done == total:
                control.report(done, total)

    def _compute(self, employee_id: int, holidays: set[date]) -> WorktimeResult:
        return compute_worktime(
            employee_id,
            effective_sequence(self.punches.get(employee_id, []), self.corrections.get(employee_id, [])),
            self.cells.get(employee_id, {}),
            holidays,
            self.codes,
            self.settings,
            self.first,
            self.last,
            self.now,
            self.absences.get(employee_id),
        )


def _employees(uow: UnitOfWork, employee_id: int | None) -> tuple[Employee, ...]:
    if employee_id is None:
        return tuple(uow.employees.list_all(include_inactive=True))
    employee = uow.employees.get(employee_id)
    if employee is None:
        raise NotFoundError(EntityType.EMPLOYEE, employee_id)
    return (employee,)


def _closing(uow: UnitOfWork, first: date, last: date) -> ClosedMonth | None:
    if Month.of(first) != Month.of(last):
        return None
    found = uow.closed_months.get(Month.of(first))
    return found if found is not None and found.closed else None


def load_inputs(
    uow: UnitOfWork, employee_id: int | None, first: date, last: date, now: datetime, *, punches: bool = True
) -> ReportInputs:
    """Read a period's inputs; punches reach beyond both ends so that no shift is cut at the edges."""
    check_period(first, last)
    settings = load_settings(uow)
    employees = _employees(uow, employee_id)
    ids = None if len(employees) > _ALL_EMPLOYEES_FROM else [e.id for e in employees]
    margin = timedelta(hours=settings.max_shift_hours + 24, minutes=settings.early_checkin_window_minutes)
    start = local_midnight(first, settings.zone) - margin
    end = local_midnight(last + timedelta(days=1), settings.zone) + margin
    cells = uow.schedules.cells_by_employee(ids, first - timedelta(days=2), last + timedelta(days=2))
    loaded = uow.punches.cores_for_employees(ids, start, end) if punches else {}
    # someone who has left still counts for the periods in which they were scheduled or punched
    kept = tuple(e for e in employees if e.is_active or e.id in loaded or e.id in cells)
    return ReportInputs(
        first=first,
        last=last,
        now=now,
        settings=settings,
        codes=tuple(uow.schedules.codes()),
        holidays=tuple(uow.schedules.holidays(first, last)),
        employees=kept if employee_id is None else employees,
        cells=cells,
        punches=loaded,
        corrections=uow.corrections.for_employees(ids) if punches else {},
        absences=absence_days(uow.absences.overlapping(ids, first, last), first, last),
        closing=_closing(uow, first, last),
    )
