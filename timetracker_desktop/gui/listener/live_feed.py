"""Feeds new punches to the Today view: announced by our own listener, or polled by last id."""

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.services.attendance.live_feed import FEED_LIMIT, FeedBatch

POLL_MS = 3000
# Under a burst of scans one fetch at a time still means back-to-back fetches, and each batch repaints the
# feed; at most one fetch per this interval keeps the GUI thread free (taps show within a fifth of a second).
MIN_FETCH_GAP_MS = 200


class LiveFeedController(QObject):
    """Loads today's taps, then fetches what is stored after the last id whenever a scan is announced
    (our listener running) or on a timer (a listener started elsewhere, say the service, or ours not
    running).
    Fetches never overlap, and announcements during a fetch are coalesced into one more fetch, started
    no sooner than ``MIN_FETCH_GAP_MS`` after the previous one ended.

    Signals:
        arrived(object): a ``FeedBatch`` with new punches and unknown taps (oldest first) and the office zone.
        failed(object): the exception of a failed fetch.
    """

    arrived = Signal(object)
    failed = Signal(object)

    def __init__(self, context: GuiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._last_id: int | None = None
        self._last_unknown_id = 0
        self._busy = False
        self._again = False
        self.fetches = 0  # started so far (tests and the benchmark check the coalescing)
        self.loaded = 0  # fetches that came back; the first is the opening load of the day
        context.scan_bridge.scan_committed.connect(self._on_scan_committed)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.fetch)
        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.setInterval(MIN_FETCH_GAP_MS)
        self._gap.timeout.connect(self._on_gap_over)
        if context.listener is not None:
            context.listener.state_changed.connect(self._on_listener_state_changed)
        self._follow_listener()

    @property
    def polling(self) -> bool:
        """True while new punches are polled for rather than announced."""
        return self.timer.isActive()

    def _follow_listener(self) -> None:
        if self._context.own_listener_running:
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()

    def _on_listener_state_changed(self) -> None:
        was_polling = self.polling
        self._follow_listener()
        if was_polling and not self.polling:
            self.fetch()  # whatever was stored before the listener started

    def fetch(self) -> None:
        """Fetch new punches (coalesced: one fetch at a time, one more if asked meanwhile)."""
        if self._busy or self._gap.isActive():
            self._again = True
            return
        self._busy = True
        self.fetches += 1
        feed = self._context.live_feed
        last_id = self._last_id
        work = feed.today if last_id is None else partial(feed.after, last_id, self._last_unknown_id)
        self._context.runner.run(work, self._on_batch_loaded, self._on_fetch_failed)

    def _on_scan_committed(self, _notice: object) -> None:
        self.fetch()

    def _on_batch_loaded(self, batch: FeedBatch) -> None:
        self.loaded += 1
        self._last_id = batch.last_id
        self._last_unknown_id = batch.last_unknown_id
        if len(batch.lines) >= FEED_LIMIT or len(batch.unknown) >= FEED_LIMIT:
            self._again = True  # a full batch: more may be stored already, and no tap may come to announce it
        self._finish()
        if not batch.empty:
            self.arrived.emit(batch)

    def _on_fetch_failed(self, error: BaseException) -> None:
        self._finish()
        self.failed.emit(error)

    def _finish(self) -> None:
        self._busy = False
        self._gap.start()

    def _on_gap_over(self) -> None:
        if self._again:
            self._again = False
            self.fetch()
