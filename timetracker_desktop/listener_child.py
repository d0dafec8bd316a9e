"""The listener process the GUI starts: serves terminals, reports stored scans on stdout, ends with its stdin.

Started as ``timetracker-desktop --listener-child`` (``listener.process.ListenerProcess``); the protocol is in
``listener.child_link``. It runs no backups and no desk reader: the GUI that started it does.
"""

import contextlib
import gc
import logging
import sys
import threading
from typing import TextIO

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.listener.child_link import (
    ChildConfig,
    ChildLinkError,
    failed_line,
    ready_line,
    scans_line,
)
from timetracker_desktop.logging_setup import LISTENER_LOG_FILE_NAME, configure_logging
from timetracker_desktop.services.scan_dto import ScanNotice

log = logging.getLogger(__name__)
EXIT_BAD_CONFIG = 2
EXIT_CANNOT_SERVE = 3
# At most one line per this interval: the GUI fetches the feed by last id at most every 200 ms anyway, and
# each line costs the GUI process a wake-up and the GIL (a line per scan was 390 a second under a flood).
RELAY_GAP_S = 0.05


class ScanRelay:
    """Tells the GUI of stored scans from a thread of its own, so that a slow reader never holds up a scan.

    The listener's threads only note the newest notice and a count; the relay thread writes one line per
    batch: whatever arrived while it wrote the last one or waited ``gap`` seconds after it.
    """

    def __init__(self, out: TextIO, gap: float = RELAY_GAP_S) -> None:
        self._out = out
        self._gap = gap
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._quiet = threading.Event()  # set by ``stop``: no more waiting between batches
        self._latest: ScanNotice | None = None
        self._count = 0
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="listener-relay", daemon=True)

    def notify(self, notice: ScanNotice) -> None:
        """The listener's callback (any thread)."""
        with self._lock:
            self._latest = notice
            self._count += 1
        self._wake.set()

    def start(self) -> None:
        """Begin writing (after the ``ready`` line)."""
        self._thread.start()

    @property
    def running(self) -> bool:
        """The relay thread is alive (it ends on ``stop`` or when the GUI is gone)."""
        return self._thread.is_alive()

    def _take(self) -> tuple[ScanNotice | None, int]:
        with self._lock:
            taken = self._latest, self._count
            self._latest, self._count = None, 0
            return taken

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            notice, count = self._take()
            if notice is not None and not self._write(scans_line(notice, count)):
                return
            if self._closing:
                return
            if notice is not None:
                self._quiet.wait(self._gap)  # let the next batch gather (cut short by ``stop``)

    def _write(self, line: str) -> bool:
        try:
            self._out.write(line)
            self._out.flush()
        except (OSError, ValueError):  # the GUI is gone; closing stdin stops us as well
            return False
        return True

    def stop(self) -> None:
        """Write what is left and end the thread."""
        self._closing = True
        self._quiet.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(5.0)


def _say(out: TextIO, line: str) -> None:
    out.write(line)
    out.flush()


def _open(config: ChildConfig, out: TextIO) -> AppContext | None:
    """The database, already migrated by the GUI; None after telling the GUI why not."""
    try:
        return build_app(config.url, upgrade=False)
    except Exception as error:  # any failure must reach the GUI as a reason, not as a silent exit
        log.exception("listener process: cannot open the database")
        _say(out, failed_line("failed", f"database: {error}"))
        return None


def serve(config: ChildConfig, stdin: TextIO, out: TextIO) -> int:
    """Serve until stdin closes."""
    from timetracker_desktop.listener.app import build_app as build_listener
    from timetracker_desktop.listener.server import ListenerServer, ListenerStartError

    context = _open(config, out)
    if context is None:
        return EXIT_CANNOT_SERVE
    relay = ScanRelay(out)
    options = config.options
    services = context.services
    try:
        server = ListenerServer(
            build_listener(services, relay.notify, options), config.host, config.port,
            flush=services.terminal_health.flush, flush_seconds=options.health_flush_seconds,
        )  # fmt: skip
        server.start()
    except ListenerStartError as error:
        _say(out, failed_line(error.reason, str(error)))
        context.close()
        return EXIT_CANNOT_SERVE
    _say(out, ready_line(config.host, server.port))
    relay.start()
    gc.freeze()  # as in `serve`: modules, services and the web stack live as long as the process
    try:
        for _ in stdin:  # nothing is expected; end of input is the GUI's "stop" (or its death)
            pass
    finally:
        server.stop()
        relay.stop()
        context.close()
    log.info("listener process stopped")
    return 0


def main() -> int:
    """Entry point of ``--listener-child``."""
    with contextlib.suppress(OSError):  # no writable log folder: serve anyway, as the CLI does
        configure_logging(console=False, name=LISTENER_LOG_FILE_NAME)
    try:
        config = ChildConfig.from_line(sys.stdin.readline())
    except ChildLinkError as error:
        _say(sys.stdout, failed_line("failed", str(error)))
        return EXIT_BAD_CONFIG
    return serve(config, sys.stdin, sys.stdout)
