"""The one guard of closed months: a change to punches, corrections or absences dated in one is refused."""

from collections.abc import Collection, Iterable
from datetime import date, datetime

from timetracker_desktop.domain.month_closing import months_between, months_of, refuse_if_closed
from timetracker_desktop.domain.schedule_rules import local_date
from timetracker_desktop.repositories.ports.storage import UnitOfWork
from timetracker_desktop.services.settings import load_settings


def refuse_closed_days(uow: UnitOfWork, employee_ids: Collection[int], days: Iterable[date]) -> None:
    """Inside the changing transaction: lock the employees, then refuse if a day's month is closed.

    Closing locks every employee first (``MonthClosingService.close``), so a change either commits before the
    closing reads the month, or waits for the closing and then sees the month closed (READ COMMITTED).
    """
    uow.employees.lock_all_for_decision(employee_ids)
    refuse_if_closed(uow.closed_months.among(months_of(days)))


def refuse_closed_instants(
    uow: UnitOfWork, employee_ids: Collection[int], instants: Iterable[datetime]
) -> None:
    """``refuse_closed_days`` for UTC instants, by their local date in the office zone."""
    zone = load_settings(uow).zone
    refuse_closed_days(uow, employee_ids, [local_date(at, zone) for at in instants])


def refuse_closed_range(uow: UnitOfWork, employee_id: int, first: date, last: date) -> None:
    """``refuse_closed_days`` for a range of local dates (both ends included), e.g. an absence."""
    refuse_closed_days(uow, [employee_id], [m.first for m in months_between(first, last)])
