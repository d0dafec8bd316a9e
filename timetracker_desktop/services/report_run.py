"""Progress reporting and cancellation for long report runs (the GUI runs them off its thread)."""

from collections.abc import Callable
from dataclasses import dataclass
from threading import Event

from timetracker_desktop.domain.errors import DomainError

ProgressCallback = Callable[[int, int], None]
"""Called with (done, total) as employees are computed; runs on the worker thread."""


class ReportCancelledError(DomainError):
    """The caller asked to stop a report run; nothing was written."""

    def __init__(self) -> None:
        super().__init__("the report was cancelled", "report_cancelled")


@dataclass(frozen=True, slots=True)
class RunControl:
    """How a caller follows and stops a run: a progress callback and a cancel flag (a threading.Event)."""

    progress: ProgressCallback | None = None
    cancel: Event | Callable[[], bool] | None = None

    def cancelled(self) -> bool:
        """True once the caller asked to stop."""
        if self.cancel is None:
            return False
        return self.cancel.is_set() if isinstance(self.cancel, Event) else bool(self.cancel())

    def check(self) -> None:
        """Raise ReportCancelledError when the caller asked to stop."""
        if self.cancelled():
            raise ReportCancelledError()

    def report(self, done: int, total: int) -> None:
        """Tell the caller how far the run got."""
        if self.progress is not None:
            self.progress(done, total)


QUIET = RunControl()
"""No progress, no cancellation."""
