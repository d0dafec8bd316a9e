"""Hours per day, planned versus worked: bars for the worked hours, a line for the plan."""

import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timetracker_desktop.gui.charts.series import PlanActual
from timetracker_desktop.gui.charts.style import COLORS, make_plot, set_titles

MAX_DAY_TICKS = 16  # beyond this many days, label every n-th day so the numbers do not overlap


def _ticks(series: PlanActual) -> list[tuple[int, str]]:
    every = max(1, -(-len(series.days) // MAX_DAY_TICKS))
    return [(i, f"{d:%d.%m}") for i, d in enumerate(series.days) if i % every == 0]


class PlanActualChart(QWidget):
    """Worked hours (bars) against planned hours (line) for each day of the period.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot("planActualChart", self)
        set_titles(self.plot, self.tr("Hours per day: plan and actual"), self.tr("hours"), self.tr("day"))
        self.plot.addLegend(offset=(10, 5))
        self.actual_bars = pg.BarGraphItem(
            x=[], height=[], width=0.6, brush=COLORS["actual"], pen=None, name=self.tr("worked")
        )
        self.planned_line = self.plot.plot(
            [], [], pen=pg.mkPen(COLORS["planned"], width=2), symbol="o", symbolSize=5,
            symbolBrush=COLORS["planned"], name=self.tr("planned"),
        )  # fmt: skip
        self.plot.addItem(self.actual_bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_series(self, series: PlanActual) -> None:
        """Plot a period's days."""
        x = list(range(len(series.days)))
        self.actual_bars.setOpts(x=x, height=list(series.actual_hours))
        self.planned_line.setData(x, list(series.planned_hours))
        self.plot.getAxis("bottom").setTicks([_ticks(series)])
        top = max((*series.actual_hours, *series.planned_hours, 1.0))
        self.plot.setXRange(-0.5, max(len(x) - 0.5, 0.5), padding=0.02)
        self.plot.setYRange(0, top * 1.1, padding=0)
