"""Reports as tables of native values with typed columns: what Qt models and every exporter display."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import singledispatch

from timetracker_desktop.domain.report_detail import DetailLine, EmployeeDetail, LineKind
from timetracker_desktop.domain.reports import (
    AttendanceReport,
    DayMark,
    ExceptionsReport,
    ReportHeader,
    ScheduleGrid,
    Summary,
    Timesheet,
    TimesheetCell,
)
from timetracker_desktop.domain.schedules import Holiday
from timetracker_desktop.domain.settings import RoundingMode
from timetracker_desktop.services.reports.labels import ReportLabel

CellValue = str | int | date | datetime | StrEnum | tuple[StrEnum, ...] | None
"""Native cell values: seconds are ints (DURATION), instants aware UTC (TIME), enums are label keys."""


class ColumnKind(StrEnum):
    """How a column's values are shown and typed in exports."""

    TEXT = "text"
    CODE = "code"
    LABEL = "label"
    LABELS = "labels"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    COUNT = "count"
    DAY = "day"
    SHIFT = "shift"


class Word(StrEnum):
    """Fixed words that appear as cell values (the caller supplies their labels)."""

    TOTAL = "total"


@dataclass(frozen=True, slots=True)
class Column:
    """A column: label key, kind, and for a per-day column its date (shaded on weekends and holidays)."""

    key: ReportLabel
    kind: ColumnKind
    day: date | None = None
    shaded: bool = False


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """A figure stated above a table: a label key with a count and/or a duration."""

    label: StrEnum  # a ReportLabel, or a member the report spells out (ExceptionKind, Presence)
    count: int | None = None
    seconds: int | None = None


@dataclass(frozen=True, slots=True)
class LegendItem:
    """A symbol used in the table and what it means (a label key or a literal name)."""

    symbol: str | StrEnum
    meaning: str | StrEnum


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A report ready to show: columns, rows of native values, an optional totals row, summary and legend."""

    header: ReportHeader
    subject: str | None
    columns: tuple[Column, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    totals: tuple[CellValue, ...] | None = None
    summary: tuple[SummaryItem, ...] = ()
    legend: tuple[LegendItem, ...] = ()
    holidays: tuple[Holiday, ...] = ()

    @property
    def is_grid(self) -> bool:
        """True for employee x day grids, printed landscape."""
        return any(c.day is not None for c in self.columns)


def _day_columns(header: ReportHeader, holidays: Sequence[Holiday], kind: ColumnKind) -> list[Column]:
    off = {h.day for h in holidays}
    return [Column(ReportLabel.DAY, kind, day, day.weekday() >= 5 or day in off) for day in header.days]


def _duration(key: ReportLabel) -> Column:
    return Column(key, ColumnKind.DURATION)


def _count(key: ReportLabel) -> Column:
    return Column(key, ColumnKind.COUNT)


def _day_value(cell: TimesheetCell) -> CellValue:
    if cell.mark is DayMark.WORKED:
        return cell.seconds
    return cell.code if cell.mark is DayMark.CODE else cell.mark


def _rounds(header: ReportHeader) -> bool:
    return header.settings.rounding is not RoundingMode.NONE


def _summary_values(summary: Summary, rounded: bool) -> tuple[CellValue, ...]:
    raw = (summary.worked_seconds, summary.rounded_seconds) if rounded else (summary.worked_seconds,)
    return (
        *raw,
        summary.planned_seconds,
        summary.difference_seconds,
        summary.worked_days,
        summary.overtime_seconds,
        summary.absences,
        summary.anomalies,
    )


def _summary_columns(rounded: bool) -> list[Column]:
    worked = (
        [_duration(ReportLabel.WORKED), _duration(ReportLabel.ROUNDED)]
        if rounded
        else [_duration(ReportLabel.WORKED)]
    )
    return [
        *worked,
        _duration(ReportLabel.PLANNED),
        _duration(ReportLabel.DIFFERENCE),
        _count(ReportLabel.WORKED_DAYS),
        _duration(ReportLabel.OVERTIME),
        _count(ReportLabel.ABSENCES),
        _count(ReportLabel.ANOMALIES),
    ]


def _shift_seconds(line: DetailLine) -> int | None:
    return line.seconds if line.kind is LineKind.SHIFT else None


_MARK_LEGEND = (DayMark.ABSENT, DayMark.INCOMPLETE, DayMark.HOLIDAY)


@singledispatch
def to_table(report: object) -> ReportTable:
    """The table of any report."""
    raise TypeError(f"not a report: {type(report).__name__}")


@to_table.register
def _timesheet(report: Timesheet) -> ReportTable:
    rounded = _rounds(report.header)
    columns = (
        Column(ReportLabel.EMPLOYEE, ColumnKind.TEXT),
        *_day_columns(report.header, report.holidays, ColumnKind.DAY),
        *_summary_columns(rounded),
    )
    rows = tuple(
        (r.employee.full_name, *(_day_value(c) for c in r.cells), *_summary_values(r.summary, rounded))
        for r in report.rows
    )
    day_sums = tuple(t.rounded_seconds for t in report.day_totals)
    totals = (Word.TOTAL, *day_sums, *_summary_values(report.totals, rounded))
    absences = sorted({c.code for r in report.rows for c in r.cells if c.absence and c.code})
    legend = (
        *(LegendItem(mark, mark) for mark in _MARK_LEGEND),
        *(LegendItem(code, ReportLabel.ABSENCE_CODE) for code in absences),
    )
    return ReportTable(report.header, None, columns, rows, totals, legend=legend, holidays=report.holidays)


@to_table.register
def _detail(report: EmployeeDetail) -> ReportTable:
    columns = (
        Column(ReportLabel.DATE, ColumnKind.DATE),
        Column(ReportLabel.IN, ColumnKind.TIME),
        Column(ReportLabel.OUT, ColumnKind.TIME),
        _duration(ReportLabel.DURATION),
        Column(ReportLabel.REMARKS, ColumnKind.LABELS),
        Column(ReportLabel.CODE, ColumnKind.CODE),
        Column(ReportLabel.NOTE, ColumnKind.TEXT),
    )
    rows = tuple(
        (line.day, line.start, line.end, _shift_seconds(line), line.remarks, line.code, line.note)
        for line in report.lines
    )
    s = report.summary
    totals = (Word.TOTAL, None, None, s.worked_seconds, None, None, None)
    summary = (
        SummaryItem(ReportLabel.PLANNED, seconds=s.planned_seconds),
        SummaryItem(ReportLabel.WORKED, seconds=s.worked_seconds),
        *([SummaryItem(ReportLabel.ROUNDED, seconds=s.rounded_seconds)] if _rounds(report.header) else []),
        SummaryItem(ReportLabel.DIFFERENCE, seconds=s.difference_seconds),
        SummaryItem(ReportLabel.WORKED_DAYS, count=s.worked_days),
        SummaryItem(ReportLabel.LATE_DAYS, count=s.late_days),
        SummaryItem(ReportLabel.OVERTIME, seconds=s.overtime_seconds),
        SummaryItem(ReportLabel.ABSENCES, count=s.absences),
        SummaryItem(ReportLabel.ANOMALIES, count=s.anomalies),
    )
    return ReportTable(report.header, report.employee.full_name, columns, rows, totals, summary)


@to_table.register
def _exceptions(report: ExceptionsReport) -> ReportTable:
    columns = (
        Column(ReportLabel.EMPLOYEE, ColumnKind.TEXT),
        Column(ReportLabel.DATE, ColumnKind.DATE),
        Column(ReportLabel.KIND, ColumnKind.LABEL),
        Column(ReportLabel.SCHEDULED, ColumnKind.TIME),
        Column(ReportLabel.ACTUAL, ColumnKind.TIME),
        _duration(ReportLabel.DURATION),
    )
    rows = tuple(
        (line.employee.full_name, line.day, line.kind, line.scheduled, line.actual, line.seconds)
        for line in report.lines
    )
    summary = tuple(SummaryItem(t.kind, t.count, t.seconds) for t in report.totals)
    return ReportTable(report.header, None, columns, rows, summary=summary)


@to_table.register
def _attendance(report: AttendanceReport) -> ReportTable:
    columns = (
        Column(ReportLabel.DATE, ColumnKind.DATE),
        Column(ReportLabel.EMPLOYEE, ColumnKind.TEXT),
        Column(ReportLabel.SCHEDULE, ColumnKind.CODE),
        Column(ReportLabel.STATUS, ColumnKind.LABEL),
        Column(ReportLabel.FIRST_IN, ColumnKind.TIME),
        Column(ReportLabel.LAST_OUT, ColumnKind.TIME),
        _duration(ReportLabel.WORKED),
        _duration(ReportLabel.LATE),
    )
    rows = tuple(
        (
            line.day,
            line.employee.full_name,
            line.schedule,
            line.presence,
            line.first_in,
            line.last_out,
            line.worked_seconds,
            line.late_seconds,
        )
        for line in report.lines
    )
    summary = tuple(SummaryItem(presence, count) for presence, count in report.counts if count)
    return ReportTable(report.header, None, columns, rows, summary=summary)


@to_table.register
def _schedule(report: ScheduleGrid) -> ReportTable:
    columns = (
        Column(ReportLabel.EMPLOYEE, ColumnKind.TEXT),
        *_day_columns(report.header, report.holidays, ColumnKind.SHIFT),
        _duration(ReportLabel.PLANNED),
    )
    rows: tuple[tuple[CellValue, ...], ...] = tuple(
        (r.employee.full_name, *r.cells, r.planned_seconds) for r in report.rows
    )
    days = len(report.header.days)
    totals = (Word.TOTAL, *([None] * days), sum(r.planned_seconds for r in report.rows))
    legend = tuple(LegendItem(code.code, code.name) for code in report.codes)
    return ReportTable(report.header, None, columns, rows, totals, legend=legend, holidays=report.holidays)
