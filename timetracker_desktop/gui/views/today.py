"""Today: what needs attention, who is at work, late or absent, and the live feed of taps."""

import html
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.formatting import local_time, long_date
from timetracker_desktop.gui.kit.vocabulary import alert_sentence
from timetracker_desktop.gui.kit.widgets import make_table
from timetracker_desktop.gui.listener.live_feed import LiveFeedController
from timetracker_desktop.gui.models.live_feed import LiveFeedModel
from timetracker_desktop.gui.models.presence import PresenceTableModel
from timetracker_desktop.gui.views.today_chart import TodayPresenceChart
from timetracker_desktop.services.attendance.live_feed import FeedBatch
from timetracker_desktop.services.attendance.presence import PresenceState, PresenceSummary
from timetracker_desktop.services.database_care.health import Alert

BOARD_REFRESH_MS = 60_000
AFTER_TAP_MS = 2_000  # a tap shows on the board within 2 s ...
# ... but under continuous taps the board reloads at most this often: a reload reads and pairs the whole day
# of every employee (tens of ms of Python holding the GIL the GUI thread needs), while the feed shows each tap
# at once anyway.
BUSY_RELOAD_GAP_MS = 10_000
ALERTS_REFRESH_MS = 5 * 60_000


def _names_take_the_rest(view: QTableView, column: int) -> None:
    """The name column gets whatever width the fitted columns leave (names elide before a column is cut)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def _attention_label() -> QLabel:
    """«Needs attention»: hidden while all is well."""
    label = QLabel()
    label.setObjectName("todayAttention")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet("background: #fff4e5; border: 1px solid #f0b357; padding: 6px")
    label.setVisible(False)
    return label


def _every(ms: int, slot: Callable[[], None], parent: QWidget) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    timer.start()
    return timer


class TodayView(QWidget):
    """The presence board (refreshed every minute and after taps) beside the live feed.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._loading = False
        self._fitted_rows = -1
        self._feed_fitted = False
        self._zone = ZoneInfo("UTC")
        self.title = QLabel()
        self.title.setObjectName("todayTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600")
        self.summary = QLabel(self.tr("Loading..."))
        self.summary.setObjectName("todaySummary")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("todayRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh_alerts)
        self.board = PresenceTableModel(self)
        self.board_view = make_table("presenceTable")
        self.board_view.setModel(self.board)  # it sorts itself: no proxy calls while taps pour in
        self.board_view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.feed = LiveFeedModel(self)
        self.feed_view = make_table("feedTable")
        self.feed_view.setSortingEnabled(False)
        self.feed_view.setModel(self.feed)
        self.feed_status = QLabel()
        self.feed_status.setObjectName("feedStatus")
        for view, names in ((self.board_view, 0), (self.feed_view, 1)):
            _names_take_the_rest(view, names)
            view.setWordWrap(False)  # the walk: names wrapped onto two lines while the table had room
        # The feed is narrow: its name column elides, so no horizontal scrollbar (nor «Напрям» cut) shows.
        self.feed_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        feed_header = self.feed_view.horizontalHeader()
        for fitted in (0, 2):  # time and direction always whole
            feed_header.setSectionResizeMode(fitted, QHeaderView.ResizeMode.ResizeToContents)
        self.presence_chart = TodayPresenceChart()
        self.attention = _attention_label()
        self._build_layout()
        self.controller = LiveFeedController(context, self)
        self.controller.arrived.connect(self._on_feed_arrived)
        self.controller.failed.connect(self._on_feed_failed)
        self._timer = QTimer(self)
        self._timer.setInterval(BOARD_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.after_tap_ms, self.busy_reload_gap_ms = AFTER_TAP_MS, BUSY_RELOAD_GAP_MS
        self._since_reload = QElapsedTimer()
        self.after_tap_timer = QTimer(self)
        self.after_tap_timer.setSingleShot(True)
        self.after_tap_timer.timeout.connect(self.refresh)
        self.alerts_timer = _every(ALERTS_REFRESH_MS, self.refresh_alerts, self)
        self.refresh()
        self.refresh_alerts()
        self.controller.fetch()

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.refresh_button)
        feed_box = QWidget()
        feed_layout = QVBoxLayout(feed_box)
        feed_layout.setContentsMargins(0, 0, 0, 0)
        feed_title = QLabel(self.tr("Live taps"))
        feed_title.setStyleSheet("font-weight: 600")
        feed_layout.addWidget(feed_title)
        feed_layout.addWidget(self.feed_view, 1)
        feed_layout.addWidget(self.feed_status)
        splitter = QSplitter()
        splitter.addWidget(self.board_view)
        splitter.addWidget(feed_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 320])  # the board's eight columns fit at 1280 px; the feed's four need less
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.attention)
        layout.addWidget(self.summary)
        layout.addWidget(self.presence_chart)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        """Reload the presence board in the background."""
        if self._loading:
            return
        self._loading = True
        self._since_reload.start()
        self.refresh_button.setEnabled(False)
        self._context.runner.run(self._context.board_today, self._on_board_loaded, self._on_board_failed)

    def refresh_alerts(self) -> None:
        """Run the alerts' checks in the background."""
        self._context.runner.run(self._context.health_check(), self.show_alerts, lambda _error: None)

    def show_alerts(self, alerts: list[Alert]) -> None:
        """The «Needs attention» list: each alert says what is wrong and what to do; hidden when none."""
        self.attention.setVisible(bool(alerts))
        items = "".join(f"<li>{html.escape(alert_sentence(a))}</li>" for a in alerts)
        title = html.escape(self.tr("Needs attention"))
        self.attention.setText(f"<b>{title}</b><ul style='margin: 0'>{items}</ul>")

    def _on_board_loaded(self, summary: PresenceSummary) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self._zone = zone = ZoneInfo(summary.time_zone)
        self.board.set_zone(zone)
        self.feed.set_zone(zone)
        self.board.update_rows(summary.lines)  # reloads under a stream of taps touch only the changed rows
        self.presence_chart.set_summary(summary, self._context.services.clock.now())
        # Fitting asks every cell (0.2 s for 800 rows), so only when people came or went, not per reload.
        if len(summary.lines) != self._fitted_rows:
            self._fitted_rows = len(summary.lines)
            self.board_view.resizeColumnsToContents()
        self.title.setText(self.tr("Today, {0}").format(long_date(summary.day)))
        self.summary.setText(
            self.tr(
                "At work: {0}   Late: {1}   Absent: {2}   Expected: {3}   Left: {4}   Employees: {5}"
            ).format(
                summary.count(PresenceState.IN),
                summary.late,
                summary.count(PresenceState.ABSENT),
                summary.count(PresenceState.EXPECTED),
                summary.count(PresenceState.LEFT),
                len(summary.lines),
            )
        )

    def _on_board_failed(self, error: BaseException) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.summary.setText(message_for(error))

    def _on_feed_arrived(self, batch: FeedBatch) -> None:
        self._zone = ZoneInfo(batch.time_zone)
        self.feed.set_zone(self._zone)
        opening = self.controller.loaded == 1  # the board's own first load read the same day
        if not opening:
            self.board.apply_taps(batch.lines)  # the tapped rows at once; the reload below settles the rest
        if self.feed.add(batch.lines, batch.unknown):
            if not self._feed_fitted:  # once: refitting per batch asks every cell while taps pour in
                self._feed_fitted = True
                self.feed_view.resizeColumnsToContents()
            if not opening and not self.after_tap_timer.isActive():  # one reload per burst, not starved
                self.after_tap_timer.start(self._after_tap_delay())
        now = self._context.services.clock.now()
        self.feed_status.setText(self.tr("Updated at {0}").format(local_time(now, self._zone)))

    def _after_tap_delay(self) -> int:
        """``after_tap_ms``, or longer so that reloads start at least ``busy_reload_gap_ms`` apart."""
        since = self._since_reload.elapsed() if self._since_reload.isValid() else self.busy_reload_gap_ms
        return max(self.after_tap_ms, self.busy_reload_gap_ms - since)

    def _on_feed_failed(self, error: BaseException) -> None:
        self.feed_status.setText(message_for(error))
