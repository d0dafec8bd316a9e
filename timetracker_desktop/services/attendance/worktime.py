"""Worktime for a period: loads punches (with margins), corrections and schedules; runs the engine."""

from collections.abc import Sequence
from datetime import date, timedelta

from timetracker_desktop.domain.absences import absence_days
from timetracker_desktop.domain.attendance import effective_sequence
from timetracker_desktop.domain.audit import EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from timetracker_desktop.domain.schedule_rules import local_midnight
from timetracker_desktop.domain.worktime import WorktimeResult, compute_worktime
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.settings import load_settings

MAX_PERIOD_DAYS = 400


def check_period(first: date, last: date) -> None:
    """A report period: last >= first, at most about a year."""
    if last < first:
        raise ValidationError("the end date is before the start date", code=ErrorCode.BAD_PERIOD, field="to")
    if (last - first).days >= MAX_PERIOD_DAYS:
        raise ValidationError(
            f"a period may span at most {MAX_PERIOD_DAYS} days", code=ErrorCode.BAD_PERIOD, field="to"
        )


class WorktimeService:
    """The engine's answer for any employees and local-date period."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def for_employee(self, employee_id: int, first: date, last: date) -> WorktimeResult:
        """Per-day plan vs actual of one employee."""
        with self._uow(read_only=True) as uow:
            if uow.employees.get(employee_id) is None:
                raise NotFoundError(EntityType.EMPLOYEE, employee_id)
            return self._compute(uow, [employee_id], first, last)[0]

    def for_all(self, first: date, last: date, *, include_inactive: bool = False) -> list[WorktimeResult]:
        """Per-day plan vs actual of every (active) employee, in name order."""
        with self._uow(read_only=True) as uow:
            ids = [e.id for e in uow.employees.list_all(include_inactive=include_inactive)]
            return self._compute(uow, ids, first, last)

    def for_employees(self, employee_ids: Sequence[int], first: date, last: date) -> list[WorktimeResult]:
        """Per-day plan vs actual of the given employees (the caller has listed them), in that order."""
        with self._uow(read_only=True) as uow:
            return self._compute(uow, employee_ids, first, last)

    def _compute(self, uow: UnitOfWork, ids: Sequence[int], first: date, last: date) -> list[WorktimeResult]:
        check_period(first, last)
        settings = load_settings(uow)
        zone = settings.zone
        # Shifts belong to the workday of their IN: load a margin so no pair is cut at the edges.
        margin = timedelta(hours=settings.max_shift_hours + 24) + timedelta(
            minutes=settings.early_checkin_window_minutes
        )
        start = local_midnight(first, zone) - margin
        end = local_midnight(last + timedelta(days=1), zone) + margin
        selector = None if len(ids) > 500 else ids
        punches = uow.punches.cores_for_employees(selector, start, end)
        corrections = uow.corrections.for_employees(selector)
        cells_by_employee = uow.schedules.cells_by_employee(
            selector, first - timedelta(days=2), last + timedelta(days=2)
        )
        holidays = {h.day for h in uow.schedules.holidays(first, last)}
        codes = uow.schedules.codes()
        away = absence_days(uow.absences.overlapping(selector, first, last), first, last)
        now = self._clock.now()
        return [
            compute_worktime(
                employee_id,
                effective_sequence(punches.get(employee_id, []), corrections.get(employee_id, [])),
                cells_by_employee.get(employee_id, {}),
                holidays,
                codes,
                settings,
                first,
                last,
                now,
                away.get(employee_id),
            )
            for employee_id in ids
        ]
