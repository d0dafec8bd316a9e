"""Terminal taps that arrived after their month was closed: stored as always, and flagged by their arrival."""

from collections.abc import Sequence
from datetime import date, timedelta

from timetracker_desktop.domain.attendance import Punch, PunchSource
from timetracker_desktop.domain.month_closing import ClosedMonth, months_between
from timetracker_desktop.domain.schedule_rules import local_midnight
from timetracker_desktop.repositories.ports.storage import UnitOfWork
from timetracker_desktop.services.settings import load_settings


def late_taps(
    uow: UnitOfWork, closing: ClosedMonth, employee_ids: Sequence[int] | None = None
) -> tuple[Punch, ...]:
    """The month's punches not entered by hand that were received after the month was (last) closed."""
    zone = load_settings(uow).zone
    start = local_midnight(closing.month.first, zone)
    end = local_midnight(closing.month.last + timedelta(days=1), zone)
    late = (
        punch
        for punches in uow.punches.for_employees(employee_ids, start, end).values()
        for punch in punches
        if start <= punch.at < end
        and punch.source is not PunchSource.MANUAL
        and punch.received_at is not None
        and punch.received_at > closing.closed_at
    )
    return tuple(sorted(late, key=lambda p: (p.at, p.id)))


def late_punch_ids(uow: UnitOfWork, employee_ids: Sequence[int], first: date, last: date) -> frozenset[int]:
    """Ids of the employees' late taps in the closed (or reopened) months that share a day with the period."""
    closings = uow.closed_months.among(months_between(first, last))
    return frozenset(p.id for c in closings for p in late_taps(uow, c, employee_ids))
