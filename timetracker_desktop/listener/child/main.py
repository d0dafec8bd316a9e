"""The listener process the GUI starts: serves terminals, reports stored scans on stdout, ends with its stdin.

Started as ``timetracker-desktop --listener-child`` (``listener.child.process.ListenerProcess``); the protocol
is in ``listener.child.link``. The command line hands in how to open the database (the composition root's
``build_app``), so that this layer never imports the storage implementation. It also answers the GUI's calls
(the Today board), so that their Python work does not hold the GUI's GIL.
It runs no backups and no desk reader: the GUI that started it does. It purges expired scan receipts (the
listener's own records), at start and daily.
"""

import contextlib
import gc
import io
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TextIO

from timetracker_desktop.listener.awake import kept_awake
from timetracker_desktop.listener.child.calls import CallRunner
from timetracker_desktop.listener.child.link import (
    ChildConfig,
    ChildLinkError,
    failed_line,
    parse_call,
    ready_line,
)
from timetracker_desktop.listener.child.outbox import Outbox, ScanRelay
from timetracker_desktop.logging_setup import ProcessLog, configure_logging
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.database_care.receipts import ReceiptPurger

if TYPE_CHECKING:
    from timetracker_desktop.listener.server import ListenerServer

log = logging.getLogger(__name__)
EXIT_BAD_CONFIG = 2
EXIT_CANNOT_SERVE = 3
EXIT_SERVER_ENDED = 4


class OpenedApp(Protocol):
    """What the process needs of an opened database: the services, and a way to close them."""

    @property
    def services(self) -> Services: ...

    def close(self) -> None: ...


OpenApp = Callable[[str], OpenedApp]
"""Opens the (already migrated) database at a URL."""


def _open(open_app: OpenApp, config: ChildConfig, outbox: Outbox) -> OpenedApp | None:
    """The database, already migrated by the GUI; None after telling the GUI why not."""
    try:
        return open_app(config.url)
    except Exception as error:  # any failure must reach the GUI as a reason, not as a silent exit
        log.exception("listener process: cannot open the database")
        outbox.write(failed_line("failed", f"database: {error}"))
        return None


def _answer_calls(stdin: TextIO, calls: CallRunner) -> None:
    """Until stdin closes (the GUI's "stop", or its death): each line is a call."""
    for line in stdin:
        try:
            calls.submit(parse_call(line))
        except ChildLinkError as error:
            log.warning("listener process: %s", error)


def serve(open_app: OpenApp, config: ChildConfig, stdin: TextIO, outbox: Outbox) -> int:
    """Serve until stdin closes."""
    from timetracker_desktop.listener.app import build_app as build_listener
    from timetracker_desktop.listener.server import ListenerServer, ListenerStartError

    context = _open(open_app, config, outbox)
    if context is None:
        return EXIT_CANNOT_SERVE
    relay = ScanRelay(outbox)
    calls = CallRunner(context.services, outbox)
    options = config.options
    services = context.services
    try:
        server = ListenerServer(
            build_listener(services, relay.notify, options), config.host, config.port,
            flush=services.terminal_health.flush, flush_seconds=options.health_flush_seconds,
        )  # fmt: skip
        server.start()
    except ListenerStartError as error:
        outbox.write(failed_line(error.reason, str(error)))
        context.close()
        return EXIT_CANNOT_SERVE
    outbox.write(ready_line(config.host, server.port))
    relay.start()
    gc.freeze()  # as in `serve`: modules, services and the web stack live as long as the process
    watch_server(server)
    receipts = ReceiptPurger(services.receipts) if services.receipts else None
    if receipts is not None:
        receipts.start()
    try:
        with kept_awake(services.settings):  # this main thread lives as long as the listener (power.py)
            _answer_calls(stdin, calls)
    finally:
        server.stop()  # first: the port is free and the last terminal health flushed, whatever else hangs
        if receipts is not None:
            receipts.stop()
        relay.stop()
        calls.stop()
        context.close()
    log.info("listener process stopped")
    return 0


def watch_server(server: "ListenerServer") -> None:
    """End the process if its server thread ends by itself: the GUI then sees the exit and starts another."""

    def watch() -> None:
        server.wait()
        if not server.stopping:
            log.error("listener process: the server ended by itself; exiting")
            os._exit(EXIT_SERVER_ENDED)

    threading.Thread(target=watch, name="listener-watch", daemon=True).start()


def main(open_app: OpenApp) -> int:
    """Entry point of ``--listener-child``."""
    # Ctrl+C in a terminal that started the GUI is for the GUI, which then stops us in order.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for stream in (sys.stdin, sys.stdout):  # the GUI writes and reads UTF-8 (Windows pipes default to ANSI)
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    with contextlib.suppress(OSError):  # no writable log folder: serve anyway, as the CLI does
        configure_logging(console=False, name=ProcessLog.LISTENER)
    outbox = Outbox(sys.stdout)
    try:
        config = ChildConfig.from_line(sys.stdin.readline())
    except ChildLinkError as error:
        outbox.write(failed_line("failed", str(error)))
        return EXIT_BAD_CONFIG
    try:
        return serve(open_app, config, sys.stdin, outbox)
    except Exception as error:  # the GUI must hear why, and the log must keep the traceback
        log.exception("listener process failed")
        outbox.write(failed_line("failed", f"{type(error).__name__}: {error}"))
        return EXIT_CANNOT_SERVE
