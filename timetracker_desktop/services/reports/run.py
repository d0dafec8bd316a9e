"""Progress reporting and cancellation for long report runs (the GUI runs them off its thread)."""

import functools
import gc
from collections.abc import Callable
from dataclasses import dataclass
from threading import Event, Lock
from types import TracebackType
from typing import ParamSpec, TypeVar

from timetracker_desktop.domain.errors import DomainError, ErrorCode

P = ParamSpec("P")
R = TypeVar("R")
ProgressCallback = Callable[[int, int], None]
"""Called with (done, total) as employees are computed; runs on the worker thread."""


class ReportCancelledError(DomainError):
    """The caller asked to stop a report run; nothing was written."""

    def __init__(self) -> None:
        super().__init__("the report was cancelled", ErrorCode.REPORT_CANCELLED)


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


class _CollectorPause:
    """Holds off the cyclic garbage collector while any report run is going (runs may overlap)."""

    def __init__(self) -> None:
        self._lock = Lock()
        self._runs = 0
        self._resume = False

    def __enter__(self) -> None:
        with self._lock:
            if self._runs == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._runs += 1

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        with self._lock:
            self._runs -= 1
            if self._runs == 0 and self._resume:
                gc.enable()


_PAUSE = _CollectorPause()


def without_cycle_collection(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with the cyclic collector paused.

    A month's report allocates hundreds of thousands of small objects that form no cycles; each burst
    made the collector walk every object the process holds (10-15 % of a timesheet in a small process,
    more in the GUI's). Reference counting still frees everything; collection resumes after the last run.
    """

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with _PAUSE:
            return function(*args, **kwargs)

    return run
