"""The look every chart shares: a white plot with dark axes, a title, axis labels and no mouse panning."""

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

COLORS = {
    "planned": QColor("#64748b"),
    "actual": QColor("#2563eb"),
    "presence": QColor("#16a34a"),
    "late": QColor("#dc2626"),
    "text": QColor("#1f2937"),
}


def make_plot(object_name: str, parent: QWidget | None = None) -> pg.PlotWidget:
    """A plot widget with the shared look; the caller sets titles and data."""
    plot = pg.PlotWidget(parent, background="w")
    plot.setObjectName(object_name)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.setMinimumHeight(180)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen(COLORS["text"]))
        axis.setTextPen(pg.mkPen(COLORS["text"]))
    return plot


def set_titles(plot: pg.PlotWidget, title: str, left: str, bottom: str) -> None:
    """The chart's title and axis labels (translated by the caller)."""
    plot.setTitle(title, color=COLORS["text"].name(), size="11pt")
    plot.setLabel("left", left, color=COLORS["text"].name())
    plot.setLabel("bottom", bottom, color=COLORS["text"].name())
