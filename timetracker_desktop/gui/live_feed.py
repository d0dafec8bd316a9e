"""Feeds new punches to the Today view: pushed by the in-process listener, or polled by last id."""

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from timetracker_desktop.gui.context import GuiContext
from timetracker_desktop.services.live_feed import FeedBatch

POLL_MS = 3000


class LiveFeedController(QObject):
    """Loads today's taps, then fetches what is stored after the last id whenever a scan is announced
    (in-process listener) or on a timer (listener in another process). Fetches never overlap.

    Signals:
        arrived(object): a ``FeedBatch`` with new punches (oldest first) and the office zone.
        failed(object): the exception of a failed fetch.
    """

    arrived = Signal(object)
    failed = Signal(object)

    def __init__(self, context: GuiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._last_id: int | None = None
        self._busy = False
        self._again = False
        context.scan_bridge.scan_committed.connect(self._on_scan_committed)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.fetch)
        if not context.listener_in_process:
            self.timer.start()

    def fetch(self) -> None:
        """Fetch new punches (coalesced: one fetch at a time, one more if asked meanwhile)."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        feed = self._context.live_feed
        work = feed.today if self._last_id is None else partial(feed.after, self._last_id)
        self._context.runner.run(work, self._on_batch_loaded, self._on_fetch_failed)

    def _on_scan_committed(self, _notice: object) -> None:
        self.fetch()

    def _on_batch_loaded(self, batch: FeedBatch) -> None:
        self._last_id = batch.last_id
        self._finish()
        if batch.lines:
            self.arrived.emit(batch)

    def _on_fetch_failed(self, error: BaseException) -> None:
        self._finish()
        self.failed.emit(error)

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.fetch()
