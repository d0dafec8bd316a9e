"""The Today view's chart: how many people have been at work through today so far."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QVBoxLayout, QWidget

from timetracker_desktop.gui.reports.charts.presence import PresenceChart
from timetracker_desktop.gui.reports.charts.series import SLOTS, STEP_MINUTES, PresenceCurve, presence_curve
from timetracker_desktop.services.attendance.presence import PresenceLine, PresenceState, PresenceSummary


def _end(line: PresenceLine, now: datetime) -> datetime | None:
    if line.state is PresenceState.IN:
        return now
    return line.last_out


def today_curve_stays(summary: PresenceSummary, now: datetime) -> list[tuple[date, datetime, datetime]]:
    """Today's stays: first IN to last OUT, or to now for those still in."""
    stays = []
    for line in summary.lines:
        end = _end(line, now)
        if line.first_in is not None and end is not None and end > line.first_in:
            stays.append((summary.day, line.first_in, end))
    return stays


class TodayPresenceChart(QWidget):
    """People at work through today up to now (first IN to last OUT; breaks are not shown).

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = PresenceChart(self.tr("People at work today"))
        self.chart.plot.setObjectName("todayPresenceChart")
        self.chart.setMaximumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)

    def set_summary(self, summary: PresenceSummary, now: datetime) -> None:
        """Plot the board's stays so far."""
        zone = ZoneInfo(summary.time_zone)
        curve = presence_curve(today_curve_stays(summary, now), zone, days=1)
        local = now.astimezone(zone)
        elapsed = -(
            -(local.hour * 60 + local.minute) // STEP_MINUTES
        )  # slots begun so far; the rest is future
        cut = max(elapsed, 1) if local.date() == summary.day else SLOTS
        self.chart.set_curve(PresenceCurve(curve.slot_hours[:cut], curve.people[:cut], curve.days))
