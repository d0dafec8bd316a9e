"""Runs a long report off the GUI thread behind a progress dialog whose Cancel really stops the work."""

from collections.abc import Callable
from functools import partial
from threading import Event
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.services.reports.run import RunControl

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quick reports finish before the dialog would flash up


class ReportJob(QObject):
    """One run at a time: ``start`` queues the work with a RunControl wired to a QProgressDialog.

    The worker reports (done, total) through ``progressed`` (queued to the GUI thread); Cancel sets the
    run's threading.Event, so the report raises ReportCancelledError at its next check and ``on_error``
    receives it.

    Signals:
        progressed(int, int): employees done and in total (emitted from the worker thread).
        finished(): the run ended (done, failed or cancelled), on the GUI thread.
    """

    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner = runner
        self._parent = parent
        self._cancel = Event()
        self.dialog: QProgressDialog | None = None
        self.progressed.connect(self._on_progressed)
        parent.destroyed.connect(self._stop_on_close)  # a closed page must not keep a worker busy

    def _stop_on_close(self) -> None:
        self._cancel.set()

    @property
    def running(self) -> bool:
        """True while a run is under way."""
        return self.dialog is not None

    def start(
        self,
        label: str,
        work: Callable[..., T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> bool:
        """Run ``work(control=...)`` unless a run is under way (then False)."""
        if self.running:
            return False
        self._cancel = cancel = Event()
        self.dialog = self._make_dialog(label)
        control = RunControl(progress=self.progressed.emit, cancel=cancel)
        self._runner.run(
            partial(work, control=control), partial(self._end, on_done), partial(self._end, on_error)
        )
        return True

    def _make_dialog(self, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setObjectName("reportProgress")
        dialog.setWindowTitle(self.tr("Building the report"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        return dialog

    def cancel(self) -> None:
        """Ask the running report to stop at its next check."""
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling..."))

    @property
    def cancel_requested(self) -> bool:
        """True once Cancel was pressed for the current (or last) run."""
        return self._cancel.is_set()

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self.dialog is not None and not self._cancel.is_set():
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _end(self, callback: Callable[[Any], None], value: object) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()
        self.finished.emit()
        callback(value)
