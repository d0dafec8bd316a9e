"""Loads what the report charts need for a period and employee filter (runs on a worker thread)."""

from dataclasses import dataclass
from datetime import date

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.gui.reports.charts.series import (
    Lateness,
    PlanActual,
    PresenceCurve,
    attendance_stays,
    lateness,
    plan_actual,
    presence_curve,
)
from timetracker_desktop.services.reports.run import RunControl
from timetracker_desktop.services.reports.service import ReportService

_STAGES = 2  # the timesheet, then the attendance


@dataclass(frozen=True, slots=True)
class ChartRequest:
    """The period and employee filter the charts follow."""

    first: date
    last: date
    employee_id: int | None = None


@dataclass(frozen=True, slots=True)
class ChartData:
    """Every series of the report charts for one request."""

    request: ChartRequest
    plan_actual: PlanActual
    presence: PresenceCurve
    lateness: tuple[Lateness, ...]


def _stage(control: RunControl, stage: int) -> RunControl:
    """Progress of one stage as a share of the whole run; the same cancel flag."""

    def progress(done: int, total: int) -> None:
        control.report(stage * total + done, _STAGES * total)

    return RunControl(progress, control.cancel)


def load_chart_data(
    reports: ReportService, clock: Clock, request: ChartRequest, control: RunControl
) -> ChartData:
    """Build the timesheet and the attendance of the request and turn them into chart series."""
    first, last, employee_id = request.first, request.last, request.employee_id
    timesheet = reports.timesheet(first, last, employee_id=employee_id, control=_stage(control, 0))
    attendance = reports.attendance(first, last, employee_id=employee_id, control=_stage(control, 1))
    zone = timesheet.header.settings.zone
    stays = attendance_stays(attendance, clock.now())
    return ChartData(request, plan_actual(timesheet), presence_curve(stays, zone), lateness(attendance))
