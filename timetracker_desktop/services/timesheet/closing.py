"""Month closing: close (storing the timesheet handed over), reopen with a reason, list, what changed."""

from dataclasses import dataclass, replace
from datetime import date, datetime

from timetracker_desktop.domain.attendance import Punch
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ConflictError, ErrorCode
from timetracker_desktop.domain.month_closing import (
    ChangedCell,
    ClosedMonth,
    Month,
    Snapshot,
    diff_cells,
    snapshot_of,
)
from timetracker_desktop.domain.reports import timesheet_row
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require, require_reason
from timetracker_desktop.services.reports.data import load_inputs
from timetracker_desktop.services.reports.run import QUIET
from timetracker_desktop.services.timesheet.late_taps import late_taps


@dataclass(frozen=True, slots=True)
class MonthChanges:
    """What differs from the handed-over timesheet, and the terminal taps that arrived after the closing."""

    closing: ClosedMonth
    cells: tuple[ChangedCell, ...]
    late_taps: tuple[Punch, ...]


def _snapshot(uow: UnitOfWork, month: Month, now: datetime) -> Snapshot:
    inputs = load_inputs(uow, None, month.first, month.last, now)
    return snapshot_of(timesheet_row(employee, result) for employee, result in inputs.each(QUIET))


def _not_closed(month: Month) -> ConflictError:
    return ConflictError(
        f"the month {month} is not closed", code=ErrorCode.MONTH_NOT_CLOSED, params={"month": str(month)}
    )


class MonthClosingService:
    """Closing and reopening months of local dates (admins only); every change audited."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def close(self, actor: Actor, month: Month) -> ClosedMonth:
        """Freeze the month's punches, corrections and absences and store its timesheet as handed over."""
        require(actor, Permission.MANAGE_SETTINGS)
        now = self._clock.now()
        with self._uow() as uow:
            # every employee's decision lock: changes in progress finish first, later ones see it closed
            uow.employees.lock_all_for_decision([e.id for e in uow.employees.list_all()])
            existing = uow.closed_months.lock(month)
            if existing is not None and existing.closed:
                raise ConflictError(
                    f"the month {month} is already closed",
                    code=ErrorCode.MONTH_ALREADY_CLOSED,
                    params={"month": str(month)},
                )
            closing = ClosedMonth(month, True, now, actor.name, _snapshot(uow, month, now))
            uow.closed_months.save(closing)
            record(
                uow, actor, now, AuditAction.MONTH_CLOSE, (EntityType.MONTH, str(month)),
                after={"month": str(month), "employees": len(closing.snapshot),
                       "reopened_before": existing is not None},
            )  # fmt: skip
            uow.commit()
        return closing

    def reopen(self, actor: Actor, month: Month, reason: str) -> ClosedMonth:
        """Allow changes in a closed month again, for the reason given; the handed-over timesheet is kept."""
        require(actor, Permission.MANAGE_SETTINGS)
        text = require_reason(reason)
        now = self._clock.now()
        with self._uow() as uow:
            existing = uow.closed_months.lock(month)
            if existing is None or not existing.closed:
                raise _not_closed(month)
            reopened = replace(
                existing, closed=False, reopened_at=now, reopened_by=actor.name, reopen_reason=text
            )
            uow.closed_months.save(reopened)
            record(
                uow, actor, now, AuditAction.MONTH_REOPEN, (EntityType.MONTH, str(month)),
                before={"closed_at": existing.closed_at.isoformat(), "closed_by": existing.closed_by},
                after={"month": str(month)}, reason=text,
            )  # fmt: skip
            uow.commit()
        return reopened

    def list_months(self) -> list[ClosedMonth]:
        """Every month ever closed (closed now or reopened), newest first."""
        with self._uow(read_only=True) as uow:
            return uow.closed_months.list_all()

    def status(self, month: Month) -> ClosedMonth | None:
        """The month's closing record, if it was ever closed."""
        with self._uow(read_only=True) as uow:
            return uow.closed_months.get(month)

    def closing_of(self, first: date, last: date) -> ClosedMonth | None:
        """The closing to name in a report's header: the closed month a period lies in (None when open)."""
        if Month.of(first) != Month.of(last):
            return None
        found = self.status(Month.of(first))
        return found if found is not None and found.closed else None

    def changes(self, month: Month) -> MonthChanges:
        """The cells that differ from the handed-over timesheet, and the taps that arrived after closing."""
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            closing = uow.closed_months.get(month)
            if closing is None:
                raise _not_closed(month)
            current = _snapshot(uow, month, now)
            late = late_taps(uow, closing)
        return MonthChanges(closing, tuple(diff_cells(closing.snapshot, current)), late)
