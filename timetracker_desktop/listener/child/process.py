"""``ListenerProcess``: the app's terminal listener run as a child process that the app starts and stops.

Why a process and not a thread: the listener's Python work (HTTP, signatures, the pure-Python MariaDB driver)
would hold the GUI process's GIL; under load the GUI thread then waited up to 100 ms for it although its
own work took a few (docs/benchmarks.md, "Live taps"). In its own process the listener has its own GIL.
This module needs only the standard library: the GUI process never imports the web stack.
"""

import itertools
import logging
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, InvalidStateError
from pathlib import Path
from typing import IO

from timetracker_desktop.listener.address import client_url
from timetracker_desktop.listener.child.link import (
    CHILD_FLAG,
    PRESENCE_TODAY,
    ChildConfig,
    ChildLinkError,
    ChildMessage,
    Failed,
    Ready,
    Reply,
    Scans,
    call_line,
    parse_message,
)
from timetracker_desktop.logging_setup import open_crash_file
from timetracker_desktop.paths import log_dir
from timetracker_desktop.services.ingest.dto import ScanNotice

log = logging.getLogger(__name__)
START_TIMEOUT_S = 60.0  # imports of the web stack on a slow, busy PC; a busy port answers at once
STOP_TIMEOUT_S = 10.0  # the child's graceful shutdown takes at most about 2 s
CALL_TIMEOUT_S = 30.0  # a board of thousands of employees on a busy PC; the caller then works it out itself
CONSOLE_PROGRAM = "timetracker-desktop"  # the frozen build's console program (packaging/*.spec)
LINK_THREAD = "listener-link"


class ListenerCallError(RuntimeError):
    """The listener process did not answer a call (it failed, ended, or took too long)."""


class ListenerProcessError(Exception):
    """The listener process did not start; ``reason`` as in ``ListenerStartError`` (``port_in_use``...)."""

    def __init__(self, message: str, reason: str = "failed") -> None:
        super().__init__(message)
        self.reason = reason


def child_command() -> list[str]:
    """How to start this program as the listener process (frozen: the console program beside the GUI one)."""
    if getattr(sys, "frozen", False):
        program = Path(sys.executable)
        console = program.with_name(CONSOLE_PROGRAM + program.suffix)
        return [str(console if console.exists() else program), CHILD_FLAG]
    return [sys.executable, "-m", "timetracker_desktop", CHILD_FLAG]


def _child_environment() -> dict[str, str]:
    """This environment; started from a source tree, with that tree importable (an installed package is)."""
    environment = dict(os.environ)
    root = Path(__file__).resolve().parents[3]
    if not getattr(sys, "frozen", False) and (root / "pyproject.toml").is_file():
        paths = [str(root), *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
        environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


def _child_errors() -> "IO[bytes] | int | None":
    """Where the child's stderr goes: ``listener-crash.log``, so that a crash before (or past) its logging
    leaves a trace, and ``listener.log`` keeps a single writer, the child's own logging."""
    try:
        return open_crash_file(log_dir())
    except OSError:  # no log folder: the child's own logging says the same
        return subprocess.DEVNULL if sys.stderr is None else None


def _windows_flags() -> int:
    """No console window, and a process group of its own: Ctrl+C in a terminal that started the GUI is for the
    GUI, which stops its child in order."""
    return getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)


class ListenerProcess:
    """A started listener process; ``notify`` hears of stored scans, ``lost`` of an exit nobody asked for.

    Both callbacks run on the link thread. ``stop`` closes the child's stdin (its signal to shut down
    gracefully, which also happens when this process dies), waits, and kills it if it does not exit.
    """

    def __init__(
        self,
        config: ChildConfig,
        notify: Callable[[ScanNotice], None],
        lost: Callable[["ListenerProcess"], None],
    ) -> None:
        self._config = config
        self._notify = notify
        self._lost = lost
        self._first: queue.Queue[ChildMessage | None] = queue.Queue()
        self._stopping = False
        self._process: subprocess.Popen[str] | None = None
        self._calls: dict[int, Future[object]] = {}
        self._call_ids = itertools.count(1)
        self._stdin_lock = threading.Lock()  # guards _calls too
        self.calls_answered = 0
        self._thread: threading.Thread | None = None
        self.host = config.host
        self.port = config.port

    @property
    def url(self) -> str:
        """``http://host:port`` as a client on this machine reaches it."""
        return client_url(self.host, self.port)

    @property
    def pid(self) -> int | None:
        """The child's process id (once started)."""
        return self._process.pid if self._process is not None else None

    @property
    def exit_code(self) -> int | None:
        """The child's exit code once it has ended, else None."""
        return self._process.poll() if self._process is not None else None

    def start(self) -> None:
        """Start the child; returns once it accepts connections, else raises ListenerProcessError."""
        self._process = self._spawn()
        self._thread = threading.Thread(
            target=self._relay, args=(self._process,), name=LINK_THREAD, daemon=True
        )
        self._thread.start()
        try:
            first = self._first.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            self.stop()
            raise ListenerProcessError("the listener process did not start in time") from None
        if isinstance(first, Ready):
            self.host, self.port = first.host, first.port
            log.info("listener process %d serving on %s:%d", self._process.pid, first.host, first.port)
            return
        self.stop()
        if isinstance(first, Failed):
            raise ListenerProcessError(first.message, first.reason)
        raise ListenerProcessError("the listener process ended at start (see listener-crash.log)")

    def _spawn(self) -> "subprocess.Popen[str]":
        errors = _child_errors()
        try:
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments, no user input
                child_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                encoding="utf-8",
                errors="replace",  # one stray byte must not end the link
                env=_child_environment(),
                # Not a session of its own on POSIX: Linux's autogroup scheduling would then give the child a
                # share of the CPU equal to the GUI's whole session (the child ignores Ctrl+C itself instead).
                creationflags=_windows_flags(),
            )
        finally:
            if not isinstance(errors, int | None):
                errors.close()  # the child has its own copy
        assert process.stdin is not None  # noqa: S101 - narrows the type for mypy
        try:
            process.stdin.write(self._config.to_line())
            process.stdin.flush()
        except OSError:
            pass  # it died at once; its exit ends the relay, which reports it
        return process

    def _relay(self, process: "subprocess.Popen[str]") -> None:
        """Link thread: first message goes to ``start``, later scans to ``notify``, an exit to ``lost``."""
        assert process.stdout is not None  # noqa: S101 - narrows the type for mypy
        started = False
        try:
            for message in _messages(process.stdout):
                if not started:
                    started = True
                    self._first.put(message)
                else:
                    self._dispatch(message)
        except Exception:  # never end the link silently: the child would block on a full pipe
            log.exception("listener process: the link failed; stopping the process")
            process.kill()
        finally:
            process.stdout.close()
            self._ended(process, started)

    def _dispatch(self, message: ChildMessage) -> None:
        try:
            if isinstance(message, Scans):
                self._notify(message.notice)
            elif isinstance(message, Reply):
                self._settle(message)
        except Exception:  # a failing receiver loses one message, not the link
            log.exception("listener process: a message could not be delivered")

    def _ended(self, process: "subprocess.Popen[str]", started: bool) -> None:
        code = process.wait()
        self._fail_calls("the listener process ended")
        if not started:
            self._first.put(None)
        elif not self._stopping:
            log.error("the listener process stopped unexpectedly (exit code %s)", code)
            self._lost(self)

    def presence_today(self) -> object:
        """Today's board (``services.presence.PresenceSummary``), worked out in the child."""
        return self.call(PRESENCE_TODAY)

    def call(self, name: str, timeout: float = CALL_TIMEOUT_S) -> object:
        """Have the child do ``name`` (``child_link.CALLS``) and return its result; ListenerCallError if not.

        Blocks the calling thread (never the GUI thread) without holding the GIL while it waits.
        """
        future: Future[object] = Future()
        with self._stdin_lock:
            call_id = next(self._call_ids)
            self._calls[call_id] = future
            self._send(call_line(call_id, name))
        try:
            return future.result(timeout)
        except TimeoutError:
            raise ListenerCallError(f"no answer to {name} in {timeout:g} s") from None
        finally:
            with self._stdin_lock:
                self._calls.pop(call_id, None)

    def _send(self, line: str) -> None:
        """Write a line to the child (``_stdin_lock`` held); a failure fails the calls waiting."""
        process = self._process
        try:
            if process is None or process.stdin is None or self._stopping:
                raise OSError("not running")
            process.stdin.write(line)
            process.stdin.flush()
        except (OSError, ValueError):
            for future in self._calls.values():
                if not future.done():
                    future.set_exception(ListenerCallError("the listener process is not running"))

    def _settle(self, reply: Reply) -> None:
        with self._stdin_lock:
            future = self._calls.get(reply.call_id)
        if future is None:
            return  # its caller gave up waiting
        try:
            if reply.value is None:
                future.set_exception(ListenerCallError(reply.error or "the call failed"))
                return
            try:
                result = pickle.loads(reply.value)  # noqa: S301 - our own child, over its own pipe
            except Exception as error:  # noqa: BLE001 - an unreadable result is a failed call, not a dead link
                future.set_exception(ListenerCallError(f"unreadable result: {error}"))
                return
            future.set_result(result)
        except InvalidStateError:
            return  # failed meanwhile (the pipe broke while the answer was on its way)
        self.calls_answered += 1

    def _fail_calls(self, why: str) -> None:
        with self._stdin_lock:
            waiting = list(self._calls.values())
        for future in waiting:
            if not future.done():
                future.set_exception(ListenerCallError(why))

    def stop(self) -> None:
        """Ask the child to stop, wait for it (killing it if need be); the port is free afterwards."""
        with self._stdin_lock:  # a call being sent finishes first
            self._stopping = True
        process = self._process
        if process is None:
            return
        try:
            if process.stdin is not None:
                process.stdin.close()
        except OSError:
            pass  # already gone
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            log.warning("the listener process did not stop in time: killed")
            process.kill()
            process.wait()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(STOP_TIMEOUT_S)


def _messages(stream: IO[str]) -> Iterator[ChildMessage]:
    """The child's lines as messages; a line that is not the protocol is logged and skipped."""
    for line in stream:
        try:
            yield parse_message(line)
        except ChildLinkError as error:
            log.warning("listener process: %s: %r", error, line[:200])
