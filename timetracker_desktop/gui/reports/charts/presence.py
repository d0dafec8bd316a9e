"""Team presence over the day: how many people are at work in each 15-minute slot."""

import math

import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timetracker_desktop.gui.kit.chart_style import COLORS, make_plot, set_titles
from timetracker_desktop.gui.reports.charts.series import STEP_MINUTES, PresenceCurve


def people_ticks(top: float) -> list[tuple[int, str]]:
    """Whole numbers of people from 0 to ``top``, at most about six of them."""
    step = max(1, math.ceil(top / 5))
    return [(n, str(n)) for n in range(0, math.floor(top) + 1, step)]


class PresenceChart(QWidget):
    """A filled step curve of people at work from 0:00 to 24:00.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot("presenceChart", self)
        set_titles(
            self.plot,
            title or self.tr("Team presence over the day"),
            self.tr("people"),
            self.tr("time of day"),
        )
        color = COLORS["presence"]
        fill = pg.mkBrush(color.red(), color.green(), color.blue(), 70)
        self.curve = self.plot.plot(
            [0.0], [], stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(color, width=2)
        )
        self.plot.getAxis("bottom").setTicks([[(h, f"{h}:00") for h in range(0, 25, 3)]])
        self.plot.setXRange(0, 24, padding=0.01)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_curve(self, curve: PresenceCurve) -> None:
        """Plot people per slot (edges every 15 minutes)."""
        edges = [*curve.slot_hours, curve.slot_hours[-1] + STEP_MINUTES / 60] if curve.slot_hours else [0.0]
        self.curve.setData(edges, list(curve.people))
        top = max((*curve.people, 1.0))
        self.plot.setYRange(0, top * 1.15, padding=0)
        self.plot.getAxis("left").setTicks([people_ticks(top)])  # the walk: ticks at 0.5 and 1.5 people
