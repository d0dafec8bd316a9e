"""Reports: timesheet, detail, exceptions, attendance and schedule as a table and charts; export and print."""

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.errors import DomainError, ErrorCode
from timetracker_desktop.domain.reports import ReportKind
from timetracker_desktop.gui.dialogs.workflow_messages import explain
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.reports.cells import ReportCells
from timetracker_desktop.gui.reports.charts.data import ChartData, ChartRequest, load_chart_data
from timetracker_desktop.gui.reports.charts.panel import ReportCharts
from timetracker_desktop.gui.reports.filters import ReportFilters, month_bounds
from timetracker_desktop.gui.reports.job import ReportJob
from timetracker_desktop.gui.reports.month_closing import MonthClosingBar
from timetracker_desktop.gui.reports.printing import ReportPrinting
from timetracker_desktop.gui.reports.table_model import ReportTableModel
from timetracker_desktop.services.attendance.event_log import EventChoices, EventLogService
from timetracker_desktop.services.attendance.worktime import MAX_PERIOD_DAYS
from timetracker_desktop.services.reports.exports import ExportResult
from timetracker_desktop.services.reports.formats import ExportFormat
from timetracker_desktop.services.reports.run import RunControl
from timetracker_desktop.services.reports.service import ReportRequest, ReportService
from timetracker_desktop.services.reports.tables import ReportTable, to_table

FIT_SAMPLE_ROWS = 60
SUFFIXES = {
    ExportFormat.CSV: ".csv",
    ExportFormat.CSV_EXCEL: ".csv",
    ExportFormat.XLSX: ".xlsx",
    ExportFormat.PDF: ".pdf",
}


@dataclass(frozen=True, slots=True)
class ShownReport:
    """A built report with the request it answers."""

    request: ReportRequest
    table: ReportTable


def build_table(reports: ReportService, request: ReportRequest, control: RunControl) -> ShownReport:
    """Build a report and its table (worker thread)."""
    return ShownReport(request, to_table(reports.build(request, control)))


class ReportsView(QWidget):
    """Pick a report and period, see it as a table and as charts, export it or print it.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._choices = EventLogService(context.services.uow, context.services.clock)
        self.shown: ShownReport | None = None
        self.filters = ReportFilters()
        self.model = ReportTableModel(self)
        self.table = make_table("reportTable")
        self.table.setSortingEnabled(False)  # the report's order (employees, days) is the meaning
        self.table.setModel(self.model)
        self.charts = ReportCharts()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        self.captions = QLabel()
        self.captions.setObjectName("reportCaptions")
        self.captions.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.job = ReportJob(context.runner, self)
        self.printing = ReportPrinting(self)
        self.month_closing = MonthClosingBar(context, self.filters.month_period)
        self._build_actions()
        self._build_layout()
        self._connect_signals()
        self._update_actions()
        self.status.setText(self.tr("Choose a report and a period, then press Show."))
        self.refresh()

    def _build_actions(self) -> None:
        self.export_button = action_button("exportReport", self.tr("Export"), ":/icons/export.svg")
        menu = QMenu(self.export_button)
        self.export_actions = {
            ExportFormat.CSV: menu.addAction(self.tr("CSV (UTF-8)...")),
            ExportFormat.CSV_EXCEL: menu.addAction(self.tr("CSV for Excel (;)...")),
            ExportFormat.XLSX: menu.addAction(self.tr("Excel workbook (XLSX)...")),
            ExportFormat.PDF: menu.addAction(self.tr("PDF...")),
        }
        menu.addSeparator()
        self.schedule_pdf_action = menu.addAction(self.tr("Schedule month grid (PDF)..."))
        self.export_button.setMenu(menu)
        self.preview_button = action_button("previewReport", self.tr("Print preview..."), ":/icons/print.svg")
        self.print_button = action_button("printReport", self.tr("Print..."), ":/icons/print.svg")

    def _build_layout(self) -> None:
        actions = QHBoxLayout()
        for button in (self.export_button, self.preview_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        table_tab = QWidget()
        table_layout = QVBoxLayout(table_tab)
        table_layout.setContentsMargins(0, 4, 0, 0)
        table_layout.addWidget(self.captions)
        table_layout.addWidget(self.table, 1)
        self.tabs.addTab(table_tab, self.tr("Table"))
        self.tabs.addTab(self.charts, self.tr("Charts"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.month_closing)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.filters.show_requested.connect(self.show_report)
        self.month_closing.changed.connect(self._on_month_changed)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        for fmt, action in self.export_actions.items():
            action.triggered.connect(partial(self.export, fmt))
        self.schedule_pdf_action.triggered.connect(self.export_schedule_pdf)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)

    def refresh(self) -> None:
        """Reload the employee list and today's date (the report is built on Show)."""
        self._context.runner.run(self._choices.choices, self._on_choices_loaded, self._on_failed)

    def _on_choices_loaded(self, choices: EventChoices) -> None:
        first_time = self.filters.employee.count() <= 1
        self.filters.set_employees(choices.employees)
        if first_time:
            self.filters.set_today(choices.today)
        self.month_closing.refresh()

    def _on_month_changed(self) -> None:
        if self.shown is not None:  # the shown report's header says whether its month is closed
            self.show_report()

    def _update_actions(self) -> None:
        shown = self.shown is not None
        self.preview_button.setEnabled(shown)
        self.print_button.setEnabled(shown)

    def _valid(self, request: ReportRequest) -> bool:
        if request.kind is ReportKind.DETAIL and request.employee_id is None:
            self.status.setText(self.tr("Choose an employee for the detail report."))
            return False
        return True

    def show_report(self) -> None:
        """Build the report the filter bar describes (and the charts when they are open)."""
        request = self.filters.request()
        if not self._valid(request):
            return
        self.status.setText(self.tr("Building the report..."))
        self.month_closing.refresh()
        reports = self._context.services.reports
        self.job.start(
            self.tr("Building the report..."),
            partial(build_table, reports, request),
            self._on_table_built,
            self._on_failed,
        )

    def _on_table_built(self, shown: ShownReport) -> None:
        self.shown = shown
        table = shown.table
        self.model.set_table(table)
        self._fit_columns()
        cells = ReportCells(table)
        self.captions.setText("\n".join([cells.title(), *cells.captions()]))
        self.status.setText(self.tr("%n row(s)", "", len(table.rows)) if table.rows else ReportCells.empty())
        self._update_actions()
        if self.tabs.currentWidget() is self.charts:
            self.load_charts()

    def _fit_columns(self) -> None:
        """Size columns to a sample of rows (all 1,000 rows took 3 s), names to the longest of all."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        self.table.resizeColumnsToContents()
        table = self.model.table
        if table is not None and table.columns and table.columns[0].key == "employee":
            metrics = self.table.fontMetrics()
            names = (str(row[0]) for row in table.rows)
            widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
            self.table.setColumnWidth(0, max(header.sectionSize(0), widest + 2 * metrics.averageCharWidth()))
        header.setStretchLastSection(False)  # sizing to contents dropped the stretch; turn it on again
        header.setStretchLastSection(True)

    def chart_request(self) -> ChartRequest:
        """The period and employee the charts follow (those of the filter bar)."""
        first, last = self.filters.period()
        return ChartRequest(first, last, self.filters.employee.currentData())

    def _on_tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.charts:
            self.load_charts()

    def load_charts(self) -> None:
        """Build the charts' series unless they already show the filter bar's period and employee."""
        request = self.chart_request()
        if self.charts.data is not None and self.charts.data.request == request:
            return
        services = self._context.services
        work = partial(load_chart_data, services.reports, services.clock, request)
        self.job.start(self.tr("Preparing the charts..."), work, self._on_charts_loaded, self._on_failed)

    def _on_charts_loaded(self, data: ChartData) -> None:
        self.charts.set_data(data, self.filters.employee.currentText())
        self.status.clear()  # the row count spoke of the table

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(self._message(error))

    def _message(self, error: BaseException) -> str:
        if isinstance(error, DomainError) and error.code is ErrorCode.BAD_PERIOD:  # with this page's limit
            return self.tr("Choose a period that ends after it starts and spans at most {0} days.").format(
                MAX_PERIOD_DAYS
            )
        return explain(error)

    def _file_word(self, kind: ReportKind) -> str:
        """The report's name in a default file name (the manager's language: «Табель_2026-10.xlsx»)."""
        words = {
            ReportKind.TIMESHEET: self.tr("Timesheet", "default export file name"),
            ReportKind.DETAIL: self.tr("Detail", "default export file name"),
            ReportKind.EXCEPTIONS: self.tr("Exceptions", "default export file name"),
            ReportKind.ATTENDANCE: self.tr("Attendance", "default export file name"),
            ReportKind.SCHEDULE: self.tr("Schedule", "default export file name"),
        }
        return words[kind]

    def default_file_name(self, kind: ReportKind, first: date, last: date, suffix: str) -> str:
        """``Табель_2026-10.xlsx`` for a whole month, ``Табель_2026-10-01_2026-10-15.xlsx`` otherwise."""
        whole_month = (first, last) == month_bounds(first.year, first.month)
        period = f"{first:%Y-%m}" if whole_month else f"{first.isoformat()}_{last.isoformat()}"
        return f"{self._file_word(kind)}_{period}{suffix}"

    def _default_path(self, request: ReportRequest, fmt: ExportFormat) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.default_file_name(request.kind, request.first, request.last, SUFFIXES[fmt])
        return str(Path(folder) / name)

    def ask_path(self, request: ReportRequest, fmt: ExportFormat) -> Path | None:
        """The file to write, from a save dialog (None: cancelled); the suffix is added when missing."""
        patterns = {
            ExportFormat.CSV: self.tr("CSV files (*.csv)"),
            ExportFormat.CSV_EXCEL: self.tr("CSV files for Excel (*.csv)"),
            ExportFormat.XLSX: self.tr("Excel workbooks (*.xlsx)"),
            ExportFormat.PDF: self.tr("PDF documents (*.pdf)"),
        }
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), self._default_path(request, fmt), patterns[fmt]
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == SUFFIXES[fmt] else path.with_name(path.name + SUFFIXES[fmt])

    def export(self, fmt: ExportFormat) -> None:
        """Write the report the filter bar describes to a file the user picks."""
        request = self.filters.request()
        if self._valid(request):
            self._export(request, fmt)

    def export_schedule_pdf(self) -> None:
        """Write the schedule month grid of the chosen month (or of the period's first month) as PDF."""
        first, _ = self.filters.period()
        start, end = month_bounds(first.year, first.month)
        request = ReportRequest(ReportKind.SCHEDULE, start, end, self.filters.employee.currentData())
        self._export(request, ExportFormat.PDF)

    def _export(self, request: ReportRequest, fmt: ExportFormat) -> None:
        path = self.ask_path(request, fmt)
        if path is None:
            return
        context = self._context
        export = context.services.report_exports.export
        work = partial(export, context.actor, request, fmt, path, lang=context.ui_settings.language)
        self.status.setText(self.tr("Exporting..."))
        self.job.start(self.tr("Exporting the report..."), work, self._on_exported, self._on_failed)

    def _on_exported(self, result: ExportResult) -> None:
        self.status.setText(self.tr("Saved %n row(s) to {0}.", "", result.rows).format(result.path))

    def preview(self) -> None:
        """Open the print preview of the report shown."""
        if self.shown is not None:
            self.printing.preview(self.shown.table)

    def print_report(self) -> None:
        """Print the report shown through the system print dialog."""
        if self.shown is not None:
            self.printing.print_with_dialog(self.shown.table)
