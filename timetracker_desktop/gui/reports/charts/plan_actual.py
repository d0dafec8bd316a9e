"""Hours per day, planned versus worked: solid bars for the worked hours inside outlined bars for the plan."""

import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timetracker_desktop.gui.kit.chart_style import COLORS, make_plot, set_titles
from timetracker_desktop.gui.reports.charts.series import PlanActual

MAX_DAY_TICKS = 16  # beyond this many days, label every n-th day so the numbers do not overlap


def _ticks(series: PlanActual) -> list[tuple[int, str]]:
    every = max(1, -(-len(series.days) // MAX_DAY_TICKS))
    return [(i, f"{d:%d.%m}") for i, d in enumerate(series.days) if i % every == 0]


class PlanActualChart(QWidget):
    """Worked hours (solid bars) against planned hours (outlined bars) for each day of the period.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot("planActualChart", self)
        set_titles(self.plot, self.tr("Hours per day: plan and actual"), self.tr("hours"), self.tr("day"))
        self.plot.addLegend(
            offset=(-10, 5), labelTextColor=COLORS["text"], brush=pg.mkBrush(255, 255, 255, 220)
        )
        self.planned_bars = pg.BarGraphItem(
            x=[], height=[], width=0.8, brush=None, pen=pg.mkPen(COLORS["planned"], width=1.5),
            name=self.tr("planned"),
        )  # fmt: skip
        self.actual_bars = pg.BarGraphItem(
            x=[], height=[], width=0.5, brush=COLORS["actual"], pen=None, name=self.tr("worked")
        )
        self.plot.addItem(self.planned_bars)
        self.plot.addItem(self.actual_bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_series(self, series: PlanActual) -> None:
        """Plot a period's days."""
        x = list(range(len(series.days)))
        self.actual_bars.setOpts(x=x, height=list(series.actual_hours))
        self.planned_bars.setOpts(x=x, height=list(series.planned_hours))
        self.plot.getAxis("bottom").setTicks([_ticks(series)])
        top = max((*series.actual_hours, *series.planned_hours, 1.0))
        self.plot.setXRange(-0.5, max(len(x) - 0.5, 0.5), padding=0.02)
        self.plot.setYRange(0, top * 1.25, padding=0)  # room for the legend above the bars
