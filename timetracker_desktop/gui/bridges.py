"""Bridges from foreign threads (listener, desk reader) to the GUI: plain callbacks in, queued signals out."""

from PySide6.QtCore import QObject, Signal


class ScanBridge(QObject):
    """Turns the listener's plain "a scan was committed" callback into a queued signal.

    Create it on the GUI thread; ``notify`` may be called from any thread (rule 4: never
    ``QTimer.singleShot`` from there). The receiver decides what to fetch.

    Signals:
        scan_committed(object): the notice the listener passed (a ``ScanNotice`` or None).
    """

    scan_committed = Signal(object)

    def notify(self, notice: object = None) -> None:
        """The plain callback handed to the listener (thread-safe)."""
        self.scan_committed.emit(notice)


class ReaderBridge(QObject):
    """Turns the desk reader's callbacks into queued signals.

    Signals:
        badge_presented(object): whatever the reader reported about a presented badge.
        state_changed(str): the reader's state in plain words (connected, no reader, ...).
    """

    badge_presented = Signal(object)
    state_changed = Signal(str)

    def on_badge(self, event: object) -> None:
        """The plain callback handed to the reader watcher (thread-safe)."""
        self.badge_presented.emit(event)

    def on_state(self, state: str) -> None:
        """The reader's state callback (thread-safe)."""
        self.state_changed.emit(state)
