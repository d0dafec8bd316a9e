"""Run service calls off the GUI thread and deliver their results back on it (Threading rules 1-3)."""

import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")
ErrorCallback = Callable[[BaseException], None]
READ_THREADS = 4


def _receiver_alive(callback: Callable[..., object]) -> bool:
    """False when the callback is a bound method of a Qt object whose C++ side is gone."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(Protocol):
    """How the GUI calls services: ``work`` runs elsewhere, callbacks run on the GUI thread."""

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: ErrorCallback | None = None,
        *,
        write: bool = False,
    ) -> None:
        """Run ``work``; then ``on_done(result)`` or ``on_error(exception)`` (default: the error handler)."""
        ...


class _Delivery:
    """A finished task's outcome with the callback that receives it."""

    __slots__ = ("callback", "value")

    def __init__(self, callback: Callable[[Any], None], value: object) -> None:
        self.callback = callback
        self.value = value


class TaskRelay(QObject):
    """Lives on the GUI thread; workers emit into it and it calls the callbacks there.

    Signals:
        delivered(object): a ``_Delivery`` from a worker thread (queued to the GUI thread).
        busy_changed(bool): True when the first task starts, False when the last one ends.
    """

    delivered = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, fallback_error: ErrorCallback, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fallback_error = fallback_error
        self._pending = 0
        self.delivered.connect(self._on_task_delivered)

    @property
    def pending(self) -> int:
        """Tasks started and not yet delivered."""
        return self._pending

    def started(self) -> None:
        """Count a task in (GUI thread)."""
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    @Slot(object)
    def _on_task_delivered(self, delivery: _Delivery) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        deliver(delivery.callback, delivery.value, self._fallback_error)


def deliver(callback: Callable[[Any], None], value: object, fallback_error: ErrorCallback) -> None:
    """Call a task's callback unless its widget died; a failing callback is reported, never raised."""
    if not _receiver_alive(callback):
        log.debug("dropping a task result: its receiver was deleted")
        return
    try:
        callback(value)
    except Exception as error:  # noqa: BLE001 - a bug in a callback must not take the app down
        fallback_error(error)


class _Task(QRunnable):
    def __init__(
        self,
        work: Callable[[], object],
        on_done: Callable[[Any], None],
        on_error: ErrorCallback,
        relay: TaskRelay,
    ) -> None:
        super().__init__()
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # noqa: BLE001 - every failure of the work reaches its on_error
            self._relay.delivered.emit(_Delivery(self._on_error, error))
        else:
            self._relay.delivered.emit(_Delivery(self._on_done, result))


class PoolTaskRunner:
    """Reads on a small thread pool, writes on a one-thread pool (so they stay in order).

    Create it on the GUI thread: its relay must live there.
    """

    def __init__(self, fallback_error: ErrorCallback, parent: QObject | None = None) -> None:
        self.relay = TaskRelay(fallback_error, parent)
        self._fallback_error = fallback_error
        self._reads = QThreadPool(self.relay)
        self._reads.setMaxThreadCount(READ_THREADS)
        self._writes = QThreadPool(self.relay)
        self._writes.setMaxThreadCount(1)

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: ErrorCallback | None = None,
        *,
        write: bool = False,
    ) -> None:
        """Queue ``work``; see TaskRunner."""
        self.relay.started()
        task = _Task(work, on_done, on_error or self._fallback_error, self.relay)
        (self._writes if write else self._reads).start(task)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until every queued task finished (shutdown and benchmarks)."""
        return self._writes.waitForDone(msecs) and self._reads.waitForDone(msecs)


class InlineTaskRunner:
    """Runs work at once on the calling thread (tests): results arrive before ``run`` returns."""

    def __init__(self, fallback_error: ErrorCallback | None = None) -> None:
        self.errors: list[BaseException] = []
        self._fallback_error = fallback_error or self.errors.append

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: ErrorCallback | None = None,
        *,
        write: bool = False,
    ) -> None:
        """Run ``work`` now; see TaskRunner."""
        try:
            result = work()
        except Exception as error:  # noqa: BLE001 - as on a worker: the failure goes to on_error
            deliver(on_error or self._fallback_error, error, self._fallback_error)
        else:
            deliver(on_done, result, self._fallback_error)
