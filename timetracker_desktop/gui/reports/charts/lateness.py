"""Lateness per employee: horizontal bars of late minutes over the period, the latest at the top."""

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timetracker_desktop.gui.kit.chart_style import COLORS, make_plot, set_titles
from timetracker_desktop.gui.reports.charts.series import Lateness


class LatenessChart(QWidget):
    """Late minutes per employee (the first of ``rows`` is drawn at the top).

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot("latenessChart", self)
        set_titles(self.plot, self.tr("Lateness per employee"), "", self.tr("minutes late"))
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.bars = pg.BarGraphItem(x0=0, y=[], height=0.6, width=[], brush=COLORS["late"], pen=None)
        self.plot.addItem(self.bars)
        self.rows: tuple[Lateness, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_rows(self, rows: Sequence[Lateness]) -> None:
        """Plot employees' late minutes; an empty list shows an empty chart."""
        self.rows = tuple(rows)
        count = len(self.rows)
        y = [count - 1 - i for i in range(count)]
        self.bars.setOpts(x0=0, y=y, height=0.6, width=[r.minutes for r in self.rows])
        ticks = [(count - 1 - i, f"{r.name} ({r.days})") for i, r in enumerate(self.rows)]
        self.plot.getAxis("left").setTicks([ticks])
        self.plot.setYRange(-0.7, max(count - 0.3, 0.3), padding=0)
        self.plot.setXRange(0, max((*(r.minutes for r in self.rows), 10)) * 1.1, padding=0)
