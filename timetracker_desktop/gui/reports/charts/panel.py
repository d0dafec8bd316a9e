"""The Reports view's charts: plan versus actual across the top, presence and lateness below."""

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from timetracker_desktop.gui.reports.charts.data import ChartData
from timetracker_desktop.gui.reports.charts.lateness import LatenessChart
from timetracker_desktop.gui.reports.charts.plan_actual import PlanActualChart
from timetracker_desktop.gui.reports.charts.presence import PresenceChart


class ReportCharts(QWidget):
    """Three charts that follow the Reports view's period and employee.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ChartData | None = None
        self.plan_actual = PlanActualChart()
        self.presence = PresenceChart()
        self.lateness = LatenessChart()
        self.note = QLabel()
        self.note.setObjectName("chartsNote")
        self.note.setWordWrap(True)
        layout = QGridLayout(self)
        layout.addWidget(self.plan_actual, 0, 0, 1, 2)
        layout.addWidget(self.presence, 1, 0)
        layout.addWidget(self.lateness, 1, 1)
        layout.addWidget(self.note, 2, 0, 1, 2)
        layout.setRowStretch(0, 1)
        layout.setRowStretch(1, 1)

    def set_data(self, data: ChartData, subject: str) -> None:
        """Plot a request's series; ``subject`` names whom they cover (an employee or everybody)."""
        self.data = data
        self.plan_actual.set_series(data.plan_actual)
        self.presence.set_curve(data.presence)
        self.lateness.set_rows(data.lateness)
        request = data.request
        period = f"{request.first:%d.%m.%Y} – {request.last:%d.%m.%Y}, {subject}."
        presence = self.tr("Presence: the average of %n day(s) with arrivals.", "", data.presence.days)
        self.note.setText(f"{period} {presence}")
