"""Reports over local-date periods: timesheet, employee detail, exceptions, attendance, schedule grid."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from timetracker_desktop.domain.attendance import (
    Correction,
    CorrectionKind,
    Punch,
    PunchCore,
    PunchFlag,
    PunchSource,
    effective_sequence,
)
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ErrorCode, ValidationError
from timetracker_desktop.domain.report_detail import EmployeeDetail, PunchFacts, VoidedPunch, build_detail
from timetracker_desktop.domain.reports import (
    AttendanceReport,
    ExceptionsReport,
    ReportHeader,
    ReportKind,
    ScheduleGrid,
    Timesheet,
    attendance_line,
    build_attendance,
    build_exceptions,
    build_timesheet,
    day_exceptions,
    schedule_row,
    timesheet_row,
)
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.reports.data import ReportInputs, load_inputs
from timetracker_desktop.services.reports.run import QUIET, RunControl, without_cycle_collection
from timetracker_desktop.services.timesheet.late_taps import late_punch_ids

Report = Timesheet | EmployeeDetail | ExceptionsReport | AttendanceReport | ScheduleGrid


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """Which report, for which local dates, optionally for one employee (required for the detail)."""

    kind: ReportKind
    first: date
    last: date
    employee_id: int | None = None


def _header(kind: ReportKind, inputs: ReportInputs, employee_id: int | None) -> ReportHeader:
    closing = inputs.closing
    return ReportHeader(
        kind, inputs.first, inputs.last, inputs.settings, inputs.now, employee_id,
        closing.closed_at if closing else None, closing.closed_by if closing else None,
    )  # fmt: skip


def _latest_notes(corrections: Sequence[Correction]) -> dict[int, str]:
    undone = {c.target_correction_id for c in corrections if c.kind is CorrectionKind.UNDO}
    return {
        c.punch_id: c.reason
        for c in sorted(corrections, key=lambda c: c.id)
        if c.punch_id is not None and c.id not in undone and c.kind is not CorrectionKind.UNDO
    }


def punch_facts(
    punches: Sequence[Punch | PunchCore],
    corrections: Sequence[Correction],
    late: frozenset[int] = frozenset(),
) -> tuple[dict[int, PunchFacts], list[VoidedPunch]]:
    """What the detail marks about each punch, and the punches corrections excluded."""
    effective = {e.id: e for e in effective_sequence(punches, corrections)}
    notes = _latest_notes(corrections)
    facts: dict[int, PunchFacts] = {}
    voided: list[VoidedPunch] = []
    for punch in punches:
        seen = effective.get(punch.id)
        if seen is None:
            voided.append(VoidedPunch(punch.id, punch.at, notes.get(punch.id)))
            continue
        manual = punch.source is PunchSource.MANUAL
        facts[punch.id] = PunchFacts(
            manual=manual,
            clock_skew=PunchFlag.CLOCK_SKEW in punch.flags,
            direction_set=seen.direction is not punch.direction,
            note=notes.get(punch.id) or (punch.reason if manual else None),
            after_closing=punch.id in late,
        )
    return facts, voided


class ReportService:
    """Computes reports through the worktime engine; nothing here writes."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def _inputs(
        self, employee_id: int | None, first: date, last: date, *, punches: bool = True
    ) -> ReportInputs:
        with self._uow(read_only=True) as uow:
            return load_inputs(uow, employee_id, first, last, self._clock.now(), punches=punches)

    def build(self, request: ReportRequest, control: RunControl = QUIET) -> Report:
        """Any report by kind."""
        first, last, employee_id = request.first, request.last, request.employee_id
        if request.kind is ReportKind.DETAIL:
            if employee_id is None:
                raise ValidationError("the detail report needs an employee", code=ErrorCode.EMPLOYEE_REQUIRED)
            return self.detail(employee_id, first, last)
        builders: dict[ReportKind, Callable[..., Report]] = {
            ReportKind.TIMESHEET: self.timesheet,
            ReportKind.EXCEPTIONS: self.exceptions,
            ReportKind.ATTENDANCE: self.attendance,
            ReportKind.SCHEDULE: self.schedule,
        }
        return builders[request.kind](first, last, employee_id=employee_id, control=control)

    @without_cycle_collection
    def timesheet(
        self, first: date, last: date, *, employee_id: int | None = None, control: RunControl = QUIET
    ) -> Timesheet:
        """Employees x days: worked hours (rounded per policy) or the schedule code, with sums."""
        inputs = self._inputs(employee_id, first, last)
        rows = [timesheet_row(employee, result) for employee, result in inputs.each(control)]
        header = _header(ReportKind.TIMESHEET, inputs, employee_id)
        return build_timesheet(header, inputs.holidays, rows)

    @without_cycle_collection
    def detail(self, employee_id: int, first: date, last: date) -> EmployeeDetail:
        """One employee's shifts, orphan and voided punches, anomalies and corrections over any period."""
        with self._uow(read_only=True) as uow:
            inputs = load_inputs(uow, employee_id, first, last, self._clock.now())
            late = late_punch_ids(uow, [employee_id], first, last)
        facts, voided = punch_facts(
            inputs.punches.get(employee_id, []), inputs.corrections.get(employee_id, []), late
        )
        result = inputs.worktime(employee_id)
        header = _header(ReportKind.DETAIL, inputs, employee_id)
        return build_detail(header, inputs.employees[0], result.days, facts, voided)

    @without_cycle_collection
    def exceptions(
        self, first: date, last: date, *, employee_id: int | None = None, control: RunControl = QUIET
    ) -> ExceptionsReport:
        """Late arrivals, early leaves, absences, incomplete days, overtime (grace and rounding applied)."""
        inputs = self._inputs(employee_id, first, last)
        zone = inputs.settings.zone
        lines = [
            line
            for employee, result in inputs.each(control)
            for d in result.days
            for line in day_exceptions(employee, d, inputs.cell(employee.id, d.day), zone)
        ]
        return build_exceptions(_header(ReportKind.EXCEPTIONS, inputs, employee_id), lines)

    @without_cycle_collection
    def attendance(
        self, first: date, last: date, *, employee_id: int | None = None, control: RunControl = QUIET
    ) -> AttendanceReport:
        """Who came and when, who is missing, for each day of the period (usually one day)."""
        inputs = self._inputs(employee_id, first, last)
        settings, now = inputs.settings, inputs.now
        lines = [
            attendance_line(employee, d, inputs.cell(employee.id, d.day), settings, now)
            for employee, result in inputs.each(control)
            for d in result.days
        ]
        return build_attendance(_header(ReportKind.ATTENDANCE, inputs, employee_id), lines)

    @without_cycle_collection
    def schedule(
        self, first: date, last: date, *, employee_id: int | None = None, control: RunControl = QUIET
    ) -> ScheduleGrid:
        """The schedule grid of a period (usually a month) with the code legend; no punches are read."""
        inputs = self._inputs(employee_id, first, last, punches=False)
        header = _header(ReportKind.SCHEDULE, inputs, employee_id)
        rows = []
        for done, employee in enumerate(inputs.employees, start=1):
            control.check()
            cells = inputs.cells.get(employee.id, {})
            rows.append(schedule_row(employee, header.days, cells, inputs.codes, inputs.settings))
            control.report(done, len(inputs.employees))
        return ScheduleGrid(header, inputs.holidays, inputs.codes, tuple(rows))
