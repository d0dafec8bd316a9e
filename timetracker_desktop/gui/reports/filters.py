"""The Reports view's filter bar: report kind, a month (timesheet, schedule) or a period, and the employee."""

import calendar
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.reports import ReportKind
from timetracker_desktop.gui.kit.dates import period_edits, set_period, to_date
from timetracker_desktop.gui.kit.widgets import action_button
from timetracker_desktop.gui.reports.words import title
from timetracker_desktop.services.reports.service import ReportRequest

MONTHLY = (ReportKind.TIMESHEET, ReportKind.SCHEDULE)
KINDS = (
    ReportKind.TIMESHEET,
    ReportKind.DETAIL,
    ReportKind.EXCEPTIONS,
    ReportKind.ATTENDANCE,
    ReportKind.SCHEDULE,
)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


class ReportFilters(QWidget):
    """Picks what to build; ``request()`` is the report the bar describes.

    Signals:
        show_requested(): the user asked to build the report (Show button).
        kind_changed(): another report kind was chosen.
    """

    show_requested = Signal()
    kind_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for kind in KINDS:
            self.kind.addItem(title(kind), kind.value)
        self.month = QComboBox()
        self.month.setObjectName("reportMonth")
        for number in range(1, 13):
            self.month.addItem(QLocale().standaloneMonthName(number).capitalize(), number)
        self.year = QSpinBox()
        self.year.setObjectName("reportYear")
        self.year.setRange(2000, 2100)
        self.first, self.last = period_edits("reportFrom", "reportTo")
        self.employee = QComboBox()
        self.employee.setObjectName("reportEmployee")
        self.employee.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.employee.addItem(self.tr("All employees"), None)
        self.show_button = action_button("showReport", self.tr("Show"), ":/icons/reports.svg")
        self._labels: dict[str, QLabel] = {}
        self._build_layout()
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.show_button.clicked.connect(self.show_requested)
        self._on_kind_changed()

    def _build_layout(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Report:")))
        layout.addWidget(self.kind)
        rows: tuple[tuple[str, str, tuple[QWidget, ...]], ...] = (
            ("month", self.tr("Month:"), (self.month, self.year)),
            ("from", self.tr("From:"), (self.first,)),
            ("to", self.tr("To:"), (self.last,)),
            ("employee", self.tr("Employee:"), (self.employee,)),
        )
        for name, text, widgets in rows:
            self._labels[name] = label = QLabel(text)
            layout.addWidget(label)
            for widget in widgets:
                layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.show_button)

    def current_kind(self) -> ReportKind:
        """The chosen report kind."""
        return ReportKind(self.kind.currentData())

    def set_kind(self, kind: ReportKind) -> None:
        """Choose a report kind."""
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def _on_kind_changed(self) -> None:
        monthly = self.current_kind() in MONTHLY
        for widget in (self._labels["month"], self.month, self.year):
            widget.setVisible(monthly)
        for other in (self._labels["from"], self.first, self._labels["to"], self.last):
            other.setVisible(not monthly)
        self.kind_changed.emit()

    def set_today(self, today: date) -> None:
        """Start on this month and, for the other reports, the last week up to today."""
        self.set_month(today.year, today.month)
        set_period(self.first, self.last, (today - timedelta(days=6), today))

    def set_month(self, year: int, month: int) -> None:
        """Choose the month of monthly reports."""
        self.year.setValue(year)
        self.month.setCurrentIndex(month - 1)

    def set_period(self, first: date, last: date) -> None:
        """Choose the period of the other reports."""
        set_period(self.first, self.last, (first, last))

    def set_employees(self, employees: Sequence[Employee]) -> None:
        """Fill the employee filter, keeping the choice."""
        current = self.employee.currentData()
        self.employee.clear()
        self.employee.addItem(self.tr("All employees"), None)
        for employee in employees:
            self.employee.addItem(employee.full_name, employee.id)
        self.employee.setCurrentIndex(max(0, self.employee.findData(current)))

    def set_employee(self, employee_id: int | None) -> None:
        """Choose one employee (None: everybody)."""
        self.employee.setCurrentIndex(max(0, self.employee.findData(employee_id)))

    def month_period(self) -> tuple[date, date]:
        """The chosen month's first and last day."""
        return month_bounds(self.year.value(), self.month.currentIndex() + 1)

    def period(self) -> tuple[date, date]:
        """The period the bar shows for the chosen kind."""
        if self.current_kind() in MONTHLY:
            return self.month_period()
        return to_date(self.first.date()), to_date(self.last.date())

    def request(self) -> ReportRequest:
        """The report the bar describes."""
        first, last = self.period()
        return ReportRequest(self.current_kind(), first, last, self.employee.currentData())
