"""Closed months: a month of local dates frozen after handing over its timesheet, and that timesheet."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from timetracker_desktop.domain.errors import ConflictError, ErrorCode, ValidationError
from timetracker_desktop.domain.reports import DayMark, TimesheetCell, TimesheetRow

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

# The handed-over timesheet: employee id (text) -> {"name": str, "days": {ISO date: [text, seconds]}}
Snapshot = dict[str, dict[str, object]]


@dataclass(frozen=True, slots=True, order=True)
class Month:
    """A calendar month of local dates in the office time zone."""

    year: int
    month: int

    @staticmethod
    def parse(text: str) -> "Month":
        """``YYYY-MM``; anything else is refused with ``bad_month``."""
        found = _MONTH.match(text.strip())
        if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 1000:
            raise ValidationError(
                f"not a month (YYYY-MM): {text!r}", code=ErrorCode.MONTH_FORMAT, field="month"
            )
        return Month(int(found.group(1)), int(found.group(2)))

    @staticmethod
    def of(day: date) -> "Month":
        """The month a local date belongs to."""
        return Month(day.year, day.month)

    @property
    def first(self) -> date:
        """Its first day."""
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        """Its last day."""
        following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class ClosedMonth:
    """A month's closing: closed now (``closed``) or reopened since; the snapshot stays for the diff."""

    month: Month
    closed: bool
    closed_at: datetime
    closed_by: str
    snapshot: Snapshot
    reopened_at: datetime | None = None
    reopened_by: str | None = None
    reopen_reason: str | None = None


@dataclass(frozen=True, slots=True)
class ChangedCell:
    """One employee-day whose timesheet cell differs from the handed-over one."""

    employee_id: int
    name: str
    day: date
    before_text: str
    before_seconds: int
    after_text: str
    after_seconds: int


def months_between(first: date, last: date) -> list[Month]:
    """Every month sharing a day with [first, last], in order."""
    months: list[Month] = []
    current = Month.of(first)
    while current <= Month.of(last):
        months.append(current)
        current = Month.of(current.last + timedelta(days=1))
    return months


def months_of(days: Iterable[date]) -> list[Month]:
    """The distinct months of some local dates, in order."""
    return sorted({Month.of(d) for d in days})


def refuse_if_closed(closed: Iterable[ClosedMonth]) -> None:
    """ConflictError ``month_closed`` naming the first month that is closed now."""
    for record in sorted(closed, key=lambda c: c.month):
        if record.closed:
            raise ConflictError(
                f"the month {record.month} is closed: reopen it first",
                code=ErrorCode.MONTH_CLOSED,
                field="month",
                params={"month": str(record.month)},
            )


def diff_cells(before: Snapshot, after: Snapshot) -> list[ChangedCell]:
    """Cells whose text or hours differ, by employee id then day (a missing cell counts as empty)."""
    changed: list[ChangedCell] = []
    for key in sorted(set(before) | set(after), key=int):
        old, new = before.get(key, {}), after.get(key, {})
        name = str(new.get("name") or old.get("name") or "")
        old_days = _days(old.get("days"))
        new_days = _days(new.get("days"))
        for day in sorted(set(old_days) | set(new_days)):
            was, now = old_days.get(day, ("", 0)), new_days.get(day, ("", 0))
            if was != now:
                changed.append(ChangedCell(int(key), name, date.fromisoformat(day), *was, *now))
    return changed


def _days(value: object) -> dict[str, tuple[str, int]]:
    if not isinstance(value, Mapping):
        return {}
    return {str(day): (str(cell[0]), int(cell[1])) for day, cell in value.items()}


def cell_text(cell: TimesheetCell) -> str:
    """A timesheet cell as handed over: worked hours ``H:MM``, a code, or what the day was."""
    if cell.mark is DayMark.WORKED:
        return f"{cell.seconds // 3600}:{cell.seconds % 3600 // 60:02d}"
    if cell.mark is DayMark.CODE:
        return cell.code or ""
    return "" if cell.mark is DayMark.NONE else cell.mark.value


def snapshot_of(rows: Iterable[TimesheetRow]) -> Snapshot:
    """The timesheet's numbers: per employee per day the cell text and the (rounded) seconds."""
    return {
        str(row.employee.id): {
            "name": row.employee.full_name,
            "days": {cell.day.isoformat(): [cell_text(cell), cell.seconds] for cell in row.cells},
        }
        for row in rows
    }
