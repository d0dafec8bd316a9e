"""Pure report aggregations over worktime results: timesheet, exceptions, attendance, schedule grid."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.absences import form_code
from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.pairing import INFORMATION_ONLY
from timetracker_desktop.domain.plan import DayResult
from timetracker_desktop.domain.schedule_rules import format_cell, planned_seconds, shift_bounds
from timetracker_desktop.domain.schedules import Holiday, ScheduleCell, ScheduleCode
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.worktime import WorktimeResult


class ReportKind(StrEnum):
    """The reports the application produces."""

    TIMESHEET = "timesheet"
    DETAIL = "detail"
    EXCEPTIONS = "exceptions"
    ATTENDANCE = "attendance"
    SCHEDULE = "schedule"


@dataclass(frozen=True, slots=True)
class ReportHeader:
    """What every report states about itself: kind, local-date period, settings in force, when it was made."""

    kind: ReportKind
    first: date
    last: date
    settings: BusinessSettings
    generated_at: datetime
    employee_id: int | None = None
    closed_at: datetime | None = None  # the period is a closed month: when and by whom it was closed
    closed_by: str | None = None

    @property
    def days(self) -> tuple[date, ...]:
        """Every local date of the period."""
        return tuple(self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1))


@dataclass(frozen=True, slots=True)
class Summary:
    """Sums over workdays (§7: weekly and monthly figures are sums); durations in seconds."""

    worked_seconds: int = 0
    rounded_seconds: int = 0
    planned_seconds: int = 0
    worked_days: int = 0
    overtime_seconds: int = 0
    undertime_seconds: int = 0
    late_days: int = 0
    early_leave_days: int = 0
    absences: int = 0
    excused_days: int = 0
    anomalies: int = 0

    @property
    def difference_seconds(self) -> int:
        """Rounded worked minus planned (negative when short)."""
        return self.rounded_seconds - self.planned_seconds

    def __add__(self, other: "Summary") -> "Summary":
        return Summary(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Summary)))


def summarize(days: Iterable[DayResult]) -> Summary:
    """The period sums of some workdays."""
    results = tuple(days)
    return Summary(
        worked_seconds=sum(d.worked_seconds for d in results),
        rounded_seconds=sum(d.rounded_worked_seconds for d in results),
        # Plan to date: a day not begun yet (the rest of the current month) is not held against anyone.
        planned_seconds=sum(d.planned_seconds for d in results if d.begun),
        worked_days=sum(1 for d in results if d.worked_seconds > 0),
        overtime_seconds=sum(d.overtime_seconds for d in results),
        undertime_seconds=sum(d.undertime_seconds for d in results),
        late_days=sum(1 for d in results if d.late_seconds > 0),
        early_leave_days=sum(1 for d in results if d.early_leave_seconds > 0),
        absences=sum(1 for d in results if d.absent),
        excused_days=sum(1 for d in results if d.excused),
        anomalies=sum(1 for d in results for a in d.anomalies if a not in INFORMATION_ONLY),
    )


class DayMark(StrEnum):
    """What a timesheet cell shows."""

    WORKED = "worked"
    INCOMPLETE = "incomplete"
    ABSENT = "absent"
    CODE = "code"
    HOLIDAY = "holiday"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class TimesheetCell:
    """One employee-day of the timesheet: rounded worked time, or why there is none."""

    day: date
    mark: DayMark
    seconds: int
    planned_seconds: int
    code: str | None
    incomplete: bool
    absence: bool = False  # ``code`` is an absence's form code (``В 08``), not a schedule code (``В``)


def _mark(d: DayResult) -> DayMark:
    if d.worked_seconds > 0:
        return DayMark.WORKED
    if d.incomplete:
        return DayMark.INCOMPLETE
    if d.absent:
        return DayMark.ABSENT
    if d.absence or d.code:
        return DayMark.CODE
    return DayMark.HOLIDAY if d.holiday else DayMark.NONE


def timesheet_cell(d: DayResult) -> TimesheetCell:
    """The timesheet cell of a workday."""
    # An absence explains the day better than its plan; its code carries the form's digits, since the
    # form's letters clash with schedule codes (annual leave «В» against a day off «В»).
    code = form_code(d.absence) if d.absence else d.code
    return TimesheetCell(
        d.day,
        _mark(d),
        d.rounded_worked_seconds,
        d.planned_seconds,
        code,
        d.incomplete,
        d.absence is not None,
    )


@dataclass(frozen=True, slots=True)
class TimesheetRow:
    """One employee: a cell per day and the period sums."""

    employee: Employee
    cells: tuple[TimesheetCell, ...]
    summary: Summary


@dataclass(frozen=True, slots=True)
class DayTotal:
    """Everybody's planned and worked time on one day (the plan-vs-actual chart)."""

    day: date
    planned_seconds: int
    rounded_seconds: int
    present: int


@dataclass(frozen=True, slots=True)
class Timesheet:
    """Employees x days with worked hours or the schedule code, and totals."""

    header: ReportHeader
    holidays: tuple[Holiday, ...]
    rows: tuple[TimesheetRow, ...]
    totals: Summary
    day_totals: tuple[DayTotal, ...]


def timesheet_row(employee: Employee, result: WorktimeResult) -> TimesheetRow:
    """An employee's timesheet line."""
    return TimesheetRow(employee, tuple(timesheet_cell(d) for d in result.days), summarize(result.days))


def _day_totals(days: Sequence[date], rows: Sequence[TimesheetRow]) -> tuple[DayTotal, ...]:
    planned, rounded, present = [0] * len(days), [0] * len(days), [0] * len(days)
    for row in rows:
        for index, cell in enumerate(row.cells):
            planned[index] += cell.planned_seconds
            rounded[index] += cell.seconds
            present[index] += cell.mark is DayMark.WORKED
    return tuple(DayTotal(day, planned[i], rounded[i], present[i]) for i, day in enumerate(days))


def build_timesheet(
    header: ReportHeader, holidays: Sequence[Holiday], rows: Sequence[TimesheetRow]
) -> Timesheet:
    """The timesheet with its totals and per-day sums."""
    totals = sum((r.summary for r in rows), Summary())
    return Timesheet(header, tuple(holidays), tuple(rows), totals, _day_totals(header.days, rows))


class ExceptionKind(StrEnum):
    """Deviations from the plan that a manager reviews."""

    LATE = "late"
    EARLY_LEAVE = "early_leave"
    ABSENT = "absent"
    INCOMPLETE = "incomplete"
    OVERTIME = "overtime"


@dataclass(frozen=True, slots=True)
class ExceptionLine:
    """One deviation: ``seconds`` is the lateness, early leave, planned time missed, or overtime."""

    employee: Employee
    day: date
    kind: ExceptionKind
    seconds: int
    scheduled: datetime | None
    actual: datetime | None


@dataclass(frozen=True, slots=True)
class KindTotal:
    """How often a kind of exception occurred and its summed duration."""

    kind: ExceptionKind
    count: int
    seconds: int


@dataclass(frozen=True, slots=True)
class ExceptionsReport:
    """Late arrivals, early leaves, absences, incomplete days and overtime, by employee and day."""

    header: ReportHeader
    lines: tuple[ExceptionLine, ...]
    totals: tuple[KindTotal, ...]


def day_exceptions(
    employee: Employee, d: DayResult, cell: ScheduleCell | None, zone: ZoneInfo
) -> list[ExceptionLine]:
    """The exceptions of one workday, grace and rounding already applied by the engine."""
    if not (d.late_seconds or d.early_leave_seconds or d.absent or d.incomplete or d.overtime_seconds):
        return []  # most workdays: no need to work out the shift's bounds again
    start, end = (shift_bounds(cell, zone) if cell is not None else None) or (None, None)
    found = (
        (d.late_seconds > 0, ExceptionKind.LATE, d.late_seconds, start, d.first_in),
        (d.early_leave_seconds > 0, ExceptionKind.EARLY_LEAVE, d.early_leave_seconds, end, d.last_out),
        (d.absent, ExceptionKind.ABSENT, d.planned_seconds, start, None),
        (d.incomplete, ExceptionKind.INCOMPLETE, d.worked_seconds, start, d.first_in or d.last_out),
        (d.overtime_seconds > 0, ExceptionKind.OVERTIME, d.overtime_seconds, end, d.last_out),
    )
    return [ExceptionLine(employee, d.day, kind, s, when, at) for hit, kind, s, when, at in found if hit]


def build_exceptions(header: ReportHeader, lines: Iterable[ExceptionLine]) -> ExceptionsReport:
    """The report with lines by employee order, day and kind, and a total per kind."""
    ordered = tuple(lines)
    totals = tuple(
        KindTotal(
            kind,
            sum(1 for line in ordered if line.kind is kind),
            sum(line.seconds for line in ordered if line.kind is kind),
        )
        for kind in ExceptionKind
    )
    return ExceptionsReport(header, ordered, totals)


class Presence(StrEnum):
    """Where an employee stands on a day of the attendance report."""

    PRESENT = "present"
    LATE = "late"
    MISSING = "missing"
    EXPECTED = "expected"
    ABSENT = "absent"
    EXCUSED = "excused"
    DAY_OFF = "day_off"
    NOT_SCHEDULED = "not_scheduled"


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    """Who came and when on one day, or why not."""

    day: date
    employee: Employee
    presence: Presence
    schedule: str
    first_in: datetime | None
    last_out: datetime | None
    worked_seconds: int
    late_seconds: int


@dataclass(frozen=True, slots=True)
class AttendanceReport:
    """Daily attendance: one line per employee and day, with a count per presence."""

    header: ReportHeader
    lines: tuple[AttendanceLine, ...]
    counts: tuple[tuple[Presence, int], ...]


def _not_yet(d: DayResult, cell: ScheduleCell | None, settings: BusinessSettings, now: datetime) -> Presence:
    # a working day that is not over: missing once the start plus the grace has passed
    bounds = shift_bounds(cell, settings.zone) if cell is not None else None
    if bounds is not None and now < bounds[0] + timedelta(minutes=settings.late_grace_minutes):
        return Presence.EXPECTED
    return Presence.MISSING


def presence(d: DayResult, cell: ScheduleCell | None, settings: BusinessSettings, now: datetime) -> Presence:
    """The attendance status of a workday at ``now``."""
    if d.first_in is not None or d.last_out is not None:
        return Presence.LATE if d.late_seconds > 0 else Presence.PRESENT
    if d.excused:
        return Presence.EXCUSED
    if d.absent:
        return Presence.ABSENT
    if d.planned_seconds > 0:
        return _not_yet(d, cell, settings, now)
    return Presence.DAY_OFF if d.code or d.holiday else Presence.NOT_SCHEDULED


def attendance_line(
    employee: Employee, d: DayResult, cell: ScheduleCell | None, settings: BusinessSettings, now: datetime
) -> AttendanceLine:
    """One employee's attendance on one workday."""
    return AttendanceLine(
        d.day,
        employee,
        presence(d, cell, settings, now),
        format_cell(cell) if cell is not None else "",
        d.first_in,
        d.last_out,
        d.rounded_worked_seconds,
        d.late_seconds,
    )


def build_attendance(header: ReportHeader, lines: Iterable[AttendanceLine]) -> AttendanceReport:
    """The report with lines by day, then employee order, and a count per presence."""
    ordered = tuple(sorted(lines, key=lambda line: line.day))  # stable: employee order kept within a day
    counts = tuple((p, sum(1 for line in ordered if line.presence is p)) for p in Presence)
    return AttendanceReport(header, ordered, counts)


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """One employee's schedule: a compact cell text per day and the planned total."""

    employee: Employee
    cells: tuple[str, ...]
    planned_seconds: int


@dataclass(frozen=True, slots=True)
class ScheduleGrid:
    """The schedule month grid with the code table as its legend."""

    header: ReportHeader
    holidays: tuple[Holiday, ...]
    codes: tuple[ScheduleCode, ...]
    rows: tuple[ScheduleRow, ...]


def _clock_text(at: time) -> str:
    return str(at.hour) if at.minute == 0 else f"{at.hour}:{at.minute:02d}"


def compact_cell(cell: ScheduleCell | None) -> str:
    """``8-17``, ``8:30-17``, ``22-6``, a code, or '' (the shorthand the schedule editor accepts)."""
    if cell is None:
        return ""
    if cell.start is not None and cell.end is not None:
        return f"{_clock_text(cell.start)}-{_clock_text(cell.end)}"
    return cell.code or ""


def schedule_row(
    employee: Employee,
    days: Sequence[date],
    cells: Mapping[date, ScheduleCell],
    codes: Sequence[ScheduleCode],
    settings: BusinessSettings,
) -> ScheduleRow:
    """An employee's line of the schedule grid."""
    planned = sum(
        planned_seconds(cells.get(day), settings.zone, codes, settings.office_day_minutes) for day in days
    )
    return ScheduleRow(employee, tuple(compact_cell(cells.get(day)) for day in days), planned)
