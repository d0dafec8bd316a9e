"""The terminal listener inside the GUI process: started, restarted and stopped off the GUI thread."""

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.gui.tasks import TaskRunner
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.scan_dto import ScanNotice

log = logging.getLogger(__name__)


class ListenerHandle(Protocol):
    """A running listener (``listener.server.ListenerServer``)."""

    host: str
    port: int

    def stop(self) -> None:
        """Stop serving, free the port and leave no thread behind (blocks briefly)."""
        ...


ScanCallback = Callable[[ScanNotice], None]
# app.start_listener: serves on (host, port) and calls the callback per stored scan; raises DomainError.
ListenerStarter = Callable[[Services, str, int, ScanCallback], ListenerHandle]


class ListenerControl(QObject):
    """Owns the in-process listener and its state for the status bar, the live feed and the settings.

    Starts and restarts run on the runner's ordered write pool, so that they happen in the order asked;
    ``stop`` (on quit) waits for a start in progress, stops the listener and refuses later starts.

    Signals:
        state_changed(): starting, running, failed or stopped (GUI thread).
    """

    state_changed = Signal()

    def __init__(
        self,
        starter: ListenerStarter | None,
        runner: TaskRunner,
        notify: ScanCallback,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._starter = starter
        self._runner = runner
        self._notify = notify
        self._lock = threading.Lock()  # guards _handle and _closed against the worker thread
        self._handle: ListenerHandle | None = None
        self._closed = False
        self.host = ""
        self.port = 0
        self.starting = False
        self.running = False
        self.error: BaseException | None = None

    @property
    def available(self) -> bool:
        """This process can run a listener (the application wired one)."""
        return self._starter is not None

    def start(self, services: Services, host: str, port: int) -> None:
        """Serve on ``host:port`` (stopping the running one first); the outcome comes by ``state_changed``."""
        if self._starter is None or self._closed:
            return
        self.host, self.port = host, port
        self.starting, self.running, self.error = True, False, None
        self.state_changed.emit()
        self._runner.run(
            lambda: self._switch(services, host, port), self._on_started, self._on_failed, write=True
        )

    def _switch(self, services: Services, host: str, port: int) -> ListenerHandle | None:
        """Worker thread: stop the old listener, start the new one (None once the app is quitting)."""
        assert self._starter is not None
        with self._lock:
            if self._closed:
                return None
            self._stop_handle()
            self._handle = self._starter(services, host, port, self._notify)
            return self._handle

    def _stop_handle(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.stop()

    def _on_started(self, handle: ListenerHandle | None) -> None:
        if handle is None:
            return
        self.starting, self.running, self.error = False, True, None
        self.host, self.port = handle.host, handle.port
        log.info("in-process listener running on %s:%d", handle.host, handle.port)
        self.state_changed.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.starting, self.running, self.error = False, False, error
        log.warning("in-process listener not started: %s", error)
        self.state_changed.emit()

    def stop(self) -> None:
        """Stop the listener for good (quit): waits for a start in progress; the port is free afterwards."""
        with self._lock:
            self._closed = True
            self._stop_handle()
        if self.running or self.starting:
            self.starting = self.running = False
            self.state_changed.emit()

    @property
    def reason(self) -> str:
        """Why it is not running: ``port_in_use``, ``address_unavailable``, ``no_permission``, ``failed``."""
        if isinstance(self.error, DomainError) and self.error.code.startswith("listener_"):
            return self.error.code.removeprefix("listener_")
        return "failed"

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
        return {
            "port_in_use": self.tr("port in use"),
            "address_unavailable": self.tr("address not on this PC"),
            "no_permission": self.tr("no permission for the port"),
        }.get(self.reason, self.tr("failed"))

    def explain(self) -> str:
        """A sentence on what the state means for the manager (the status bar's tooltip)."""
        if self.running:
            return self.tr("Terminals reach this PC at port {0}; their taps appear at once.").format(
                self.port
            )
        if self.error is None:
            return self.tr("The terminal listener is not running in this program.")
        return {
            "port_in_use": self.tr(
                "Port {0} is used by another program, perhaps the TimeTracker service. "
                "Choose another port in Settings or stop that program. Taps stored by another "
                "listener still appear here within a few seconds."
            ),
            "address_unavailable": self.tr(
                "{1} is not an address of this PC. Choose another address in Settings."
            ),
            "no_permission": self.tr(
                "This PC does not allow listening on port {0}. Choose a port above 1024."
            ),
        }.get(self.reason, self.tr("The terminal listener could not start: {2}")).format(
            self.port, self.host, self.error
        )
