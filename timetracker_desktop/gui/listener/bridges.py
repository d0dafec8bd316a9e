"""The listener's bridge to the GUI: a plain callback in, a queued signal out (the reader has its own)."""

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
