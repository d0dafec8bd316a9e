"""The GUI's own terminal listener: started, restarted and stopped off the GUI thread; revived if it dies."""

import logging
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, QTimer, Signal

from timetracker_desktop.domain.errors import DomainError, ErrorCode
from timetracker_desktop.gui.shell.gateway import OpenDatabase
from timetracker_desktop.services.ingest.dto import ScanNotice

log = logging.getLogger(__name__)


class ListenerHandle(Protocol):
    """A running listener (``listener.process.ListenerProcess``, or ``listener.server.ListenerServer``)."""

    host: str
    port: int

    def stop(self) -> None:
        """Stop serving, free the port and leave no thread behind (blocks briefly)."""
        ...


@runtime_checkable
class BoardSource(Protocol):
    """A listener that works out the Today board in its own process (``ListenerProcess``)."""

    def presence_today(self) -> object:
        """A ``PresenceSummary``; raises RuntimeError when the process cannot answer."""
        ...


ScanCallback = Callable[[ScanNotice], None]
LostCallback = Callable[[ListenerHandle], None]
# app.start_listener: serves the database on (host, port), calls the scan callback when scans were stored and
# the lost callback (any thread) if the listener ends by itself; raises DomainError.
ListenerStarter = Callable[[OpenDatabase, str, int, ScanCallback, LostCallback], ListenerHandle]
FIRST_RESTART_MS = 2_000
LAST_RESTART_MS = 60_000
STEADY_MS = 60_000  # a listener that ran this long before it ended starts the back-off afresh
# Windows: the listener binds with SO_EXCLUSIVEADDRUSE, so a port whose last connections are in TIME_WAIT
# (terminals posted just before a restart) cannot be bound again for up to 4 minutes (docs/decisions.md).
PORT_WAIT_S = 240.0
PORT_RETRY_MS = 10_000


class ListenerControl(QObject):
    """Owns the app's listener (a child process) and its state for the status bar, live feed and settings.

    Starts and restarts run on a thread of their own, in the order asked; ``stop`` (on quit) stops the
    listener and refuses later starts. A listener that ends by itself is started again after 2 s, then after
    twice as long each time (failed attempts included), up to a minute. On Windows a start that finds its
    port in use is tried again every 10 s for up to 4 minutes (``waiting_for_port``): the port may be held
    only by the previous listener's connections in TIME_WAIT.

    Signals:
        state_changed(): starting, running, failed or stopped (GUI thread).
        moved(object): the outcome of ``move``: None when it serves on the new address, else the error (it
            went back to the address it had).
    """

    state_changed = Signal()
    moved = Signal(object)
    _lost = Signal(object)  # emitted on the listener's link thread, handled on the GUI thread
    _outcome = Signal(object, object)  # (handle or None, error or None) from the start thread

    def __init__(
        self, starter: ListenerStarter | None, notify: ScanCallback, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._starter = starter
        self._notify = notify
        # Starts take a second (a child process), up to a minute on a choked PC: on a thread of their own, in
        # the order asked, so that they hold up neither the GUI nor the database writes.
        self._starts = ThreadPoolExecutor(max_workers=1, thread_name_prefix="listener-start")
        self._lock = threading.Lock()  # guards _handle and _closed; held only to read or swap them
        self._handle: ListenerHandle | None = None
        self._closed = False
        self._database: OpenDatabase | None = None
        self._reviving = False  # the start in progress is an automatic one after the listener ended
        self.next_restart_ms = FIRST_RESTART_MS
        self._running_since = QTimer(self)  # measures how long the current listener has been running
        self._running_since.setSingleShot(True)
        self._running_since.setInterval(STEADY_MS)
        self._running_since.timeout.connect(self._on_steady)
        self._restart = QTimer(self)
        self._restart.setSingleShot(True)
        self._restart.timeout.connect(self._on_restart_due)
        self._port_retry = QTimer(self)
        self._port_retry.setSingleShot(True)
        self._port_retry.timeout.connect(self._on_port_retry_due)
        self._port_wait_since: float | None = None  # monotonic time of the first "port in use" of this start
        self.waiting_for_port = False
        self._lost.connect(self._on_lost)
        self._outcome.connect(self._on_outcome)
        self.host = ""
        self.port = 0
        self.starting = False
        self.running = False
        self.error: BaseException | None = None

    @property
    def available(self) -> bool:
        """This process can run a listener (the application wired one)."""
        return self._starter is not None

    def start(self, database: OpenDatabase, host: str, port: int) -> None:
        """Serve ``database`` on ``host:port`` (stopping the running one first); the outcome comes by
        ``state_changed``."""
        self._reviving = False
        self._port_wait_since = None
        self._start(database, host, port)

    def _start(self, database: OpenDatabase, host: str, port: int) -> None:
        if self._starter is None or self._closed:
            return
        self._database = database
        self._restart.stop()
        self._port_retry.stop()
        self.waiting_for_port = False
        self.host, self.port = host, port
        self.starting, self.running, self.error = True, False, None
        self.state_changed.emit()
        self._starts.submit(self._switch, database, host, port)

    def restart(self, host: str, port: int) -> None:
        """Serve the same database on another address (Settings)."""
        if self._database is not None:
            self.start(self._database, host, port)

    def move(self, host: str, port: int) -> bool:
        """Try serving on ``host:port`` (Settings); if it cannot start there, serve on the old address again.

        The outcome comes by ``moved``; False (and no signal) when there is nothing to move, that is when this
        program runs no listener.
        """
        if self._database is None or self._starter is None or self._closed:
            return False
        back = (self.host, self.port)
        self._reviving = False
        self._restart.stop()
        self._port_retry.stop()
        self._port_wait_since, self.waiting_for_port = None, False
        self.starting, self.running, self.error = True, False, None
        self.state_changed.emit()
        self._starts.submit(self._switch, self._database, host, port, back)
        return True

    def _switch(
        self, database: OpenDatabase, host: str, port: int, back: tuple[str, int] | None = None
    ) -> None:
        """Start thread: stop the old listener, start the new one; the outcome goes to the GUI thread.

        With ``back`` (a move), a new address that fails is reported by ``moved`` and the listener is started
        on ``back`` again, so terminals are not left without a listener by a typing mistake.
        """
        assert self._starter is not None  # noqa: S101 - narrows the type for mypy
        with self._lock:
            if self._closed:
                return
            old, self._handle = self._handle, None
        try:
            if old is not None:
                old.stop()
            handle = self._starter(database, host, port, self._notify, self._lost.emit)
        except Exception as error:  # noqa: BLE001 - every failure is shown in the status bar, none is raised
            if back is not None:
                self.moved.emit(error)
                self._switch(database, *back)
                return
            self._outcome.emit(None, error)
            return
        with self._lock:
            keep = not self._closed
            if keep:
                self._handle = handle
        if not keep:
            handle.stop()  # the app began to quit while it started
            return
        self._outcome.emit(handle, None)
        if back is not None:
            self.moved.emit(None)

    def _on_outcome(self, handle: ListenerHandle | None, error: BaseException | None) -> None:
        if self._closed:
            return
        if handle is None:
            self._on_failed(error or RuntimeError("the listener did not start"))
            return
        with self._lock:
            current = handle is self._handle
        if not current:
            return  # a later start replaced it already
        self.starting, self.running, self.error = False, True, None
        self._reviving = False
        self._port_wait_since = None
        self.host, self.port = handle.host, handle.port
        log.info("listener running on %s:%d", handle.host, handle.port)
        self._running_since.start()
        self.state_changed.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.starting, self.running, self.error = False, False, error
        log.warning("listener not started: %s", error)
        if self._waits_for_port(error):
            log.warning(
                "port %d may be held by the previous listener's closed connections; trying again in %d s",
                self.port, PORT_RETRY_MS // 1000,
            )  # fmt: skip
            self._port_retry.start(PORT_RETRY_MS)
        elif self._reviving:  # it ended by itself before: keep trying, as after the crash
            self._schedule_restart()
        self.state_changed.emit()

    def _waits_for_port(self, error: BaseException) -> bool:
        """Windows, port in use, and less than ``PORT_WAIT_S`` since the first such failure of this start."""
        self.waiting_for_port = False
        if sys.platform != "win32" or _reason(error) != "port_in_use":
            self._port_wait_since = None
            return False
        now = time.monotonic()
        if self._port_wait_since is None:
            self._port_wait_since = now
        self.waiting_for_port = now - self._port_wait_since < PORT_WAIT_S
        return self.waiting_for_port

    def _on_port_retry_due(self) -> None:
        if self._database is not None and not self._closed and not self.running:
            self._start(self._database, self.host, self.port)

    def _on_lost(self, handle: ListenerHandle) -> None:
        with self._lock:
            if self._closed or handle is not self._handle:
                return  # stopped on purpose meanwhile, or an older listener
        self._running_since.stop()
        self.starting, self.running = False, False
        self.error = DomainError("the listener stopped unexpectedly", ErrorCode.LISTENER_EXITED)
        self._schedule_restart()
        self.state_changed.emit()

    def _schedule_restart(self) -> None:
        log.warning("listener down; starting it again in %d ms", self.next_restart_ms)
        self._restart.start(self.next_restart_ms)
        self.next_restart_ms = min(self.next_restart_ms * 2, LAST_RESTART_MS)

    def _on_steady(self) -> None:
        self.next_restart_ms = FIRST_RESTART_MS

    def _on_restart_due(self) -> None:
        if self._database is not None and not self._closed and not self.running:
            self._reviving = True
            self._start(self._database, self.host, self.port)

    def board_source(self) -> BoardSource | None:
        """The running listener, if it can work out the Today board (any thread)."""
        with self._lock:
            handle = self._handle
        return handle if isinstance(handle, BoardSource) and self.running else None

    def stop(self) -> None:
        """Stop the listener for good (quit); the port is free afterwards, unless a start is still under way:
        that one stops its listener itself once started, on its own thread, without holding up the quit."""
        self._restart.stop()
        self._port_retry.stop()
        self._running_since.stop()
        self._starts.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            self._closed = True
            handle, self._handle = self._handle, None
        if handle is not None:
            handle.stop()
        if self.running or self.starting:
            self.starting = self.running = False
            self.state_changed.emit()

    @property
    def reason(self) -> str:
        """Why it is not running: ``port_in_use``, ``port_reserved``, ``address_unavailable``,
        ``no_permission``, ``exited``, ``failed``."""
        return _reason(self.error)

    def describe(self) -> str:
        """The state in a few translated words for the status bar."""
        if self._starter is None:
            return self.tr("not started")
        if self.starting:
            return self.tr("starting...")
        if self.running:
            return self.tr("running")
        if self.error is None:
            return self.tr("stopped")
        if self.waiting_for_port:
            return self.tr("waiting for the port, retrying...")
        return {
            "port_in_use": self.tr("port in use"),
            "port_reserved": self.tr("port not allowed by Windows"),
            "address_unavailable": self.tr("address not on this PC"),
            "no_permission": self.tr("no permission for the port"),
            "exited": self.tr("stopped, restarting..."),
        }.get(self.reason, self.tr("failed"))

    def explain(self) -> str:
        """A sentence on what the state means for the manager (the status bar's tooltip)."""
        if self.running:
            return self.tr("Terminals reach this PC at port {0}; their taps appear at once.").format(
                self.port
            )
        if self.error is None:
            return self.tr("The terminal listener is not running in this program.")
        if self.waiting_for_port:
            return self.tr(
                "Port {0} is still held, perhaps by the connections of the listener that ran before (Windows "
                "releases them within 4 minutes). The listener waits for the port to be released and tries "
                "again every {1} s."
            ).format(self.port, PORT_RETRY_MS // 1000)
        return self.why(self.error, self.host, self.port)

    def why(self, error: BaseException, host: str, port: int) -> str:
        """Why a listener could not serve on ``host:port``, and what to do (translated)."""
        reason = _reason(error)
        in_use = self.tr(
            "Port {0} is used by another program, perhaps the TimeTracker service. "
            "Choose another port in Settings or stop that program. Taps stored by another "
            "listener still appear here within a few seconds."
        )
        if sys.platform == "win32":
            in_use += " " + self.tr(
                "To find that program: netstat -ano -p tcp | findstr :{0} (its process id)."
            )
        return {
            "port_in_use": in_use,
            "port_reserved": self.tr(
                "Windows does not allow port {0}: it may be reserved by Hyper-V, WSL or Docker "
                "(see: netsh interface ipv4 show excludedportrange protocol=tcp) or held by another "
                "program. Choose another port in Settings."
            ),
            "address_unavailable": self.tr(
                "{1} is not an address of this PC. Choose another address in Settings."
            ),
            "no_permission": self.tr(
                "This PC does not allow listening on port {0}. Choose a port above 1024."
            ),
            "exited": self.tr(
                "The terminal listener stopped unexpectedly and is being started again; until then terminals "
                "cannot reach this PC. Details are in listener.log and listener-crash.log (Help > Open log "
                "folder)."
            ),
        }.get(reason, self.tr("The terminal listener could not start: {2}")).format(port, host, error)


def _reason(error: BaseException | None) -> str:
    """The error's reason (``ListenerControl.reason``)."""
    if isinstance(error, DomainError) and error.code.startswith("listener_"):
        return error.code.removeprefix("listener_")
    return "failed"
