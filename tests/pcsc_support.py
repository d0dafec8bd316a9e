"""A private pcscd with the vpcd virtual reader for PC/SC tests (ENVIRONMENT.md §4), as a pytest fixture."""

import errno
import functools
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from timetracker_desktop.hardware.desk_reader import ReaderCallbacks
from timetracker_desktop.hardware.pcsc import (
    STATE_EMPTY,
    STATE_UNAWARE,
    ReaderState,
    establish_context,
    release_context,
    wait_for_change,
)

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
SYSTEM_PID_FILE = Path("/run/pcscd/pcscd.pid")
READER = "TT Virtual NFC 00 00"
SECOND_READER = "TT Virtual NFC 00 01"
VPCD_PORT = 40001
SECOND_VPCD_PORT = 40002
READY_TIMEOUT_S = 10.0
POLL_S = 0.05
READERS_CONF = f"""FRIENDLYNAME "TT Virtual NFC"
DEVICENAME   /dev/null:0x9C41
LIBPATH      {VPCD_DRIVER}
CHANNELID    0x9C41
"""


def missing_prerequisite() -> str | None:
    """Why a private pcscd cannot run here, or ``None``."""
    if shutil.which("pcscd") is None:
        return "pcscd is not installed (apt-get install pcscd)"
    if not VPCD_DRIVER.exists():
        return f"the vpcd driver {VPCD_DRIVER} is missing (apt-get install vsmartcard-vpcd)"
    return None


def live_system_pcscd() -> int | None:
    """The pid in ``/run/pcscd/pcscd.pid`` if that process is alive (only one pcscd can run)."""
    try:
        pid = int(SYSTEM_PID_FILE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return pid


def busy_vpcd_port() -> int | None:
    """A vpcd port another process already holds, or ``None``."""
    for port in (VPCD_PORT, SECOND_VPCD_PORT):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("0.0.0.0", port))
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    return port
                raise
    return None


class PcscdStartError(RuntimeError):
    """pcscd exited or did not show the virtual reader in time."""


class Pcscd:
    """pcscd in the foreground with a private ``readers.d`` giving the reader ``TT Virtual NFC 00 00``."""

    reader = READER
    port = VPCD_PORT

    def __init__(self, workdir: Path) -> None:
        self._config_dir = workdir / "readers.d"
        self._config_dir.mkdir(parents=True, exist_ok=True)
        (self._config_dir / "vpcd").write_text(READERS_CONF)
        self.log_path = workdir / "pcscd.log"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start pcscd and wait until pyscard lists the virtual reader."""
        command = ["pcscd", "--foreground", "--debug", "--apdu", "-c", str(self._config_dir)]
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._wait_until_ready()

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 5 s."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)

    def restart(self) -> None:
        """Stop and start again, as after a service restart or a driver update."""
        self.stop()
        self.start()

    def wait_until_empty(self, timeout: float = 5.0) -> None:
        """Wait until pcscd itself sees the slot empty: it notices a removed card only at its next poll."""
        context = establish_context()
        try:
            state = ReaderState(self.reader, STATE_UNAWARE)
            deadline = time.monotonic() + timeout
            while not state.state & STATE_EMPTY:
                remaining_ms = int((deadline - time.monotonic()) * 1000)
                if remaining_ms <= 0:
                    pytest.fail(f"{self.reader} still holds a card after {timeout} s")
                changed = wait_for_change(context, remaining_ms, [state])
                state = changed[0].acknowledged() if changed else state
        finally:
            release_context(context)

    def log_tail(self, lines: int = 30) -> str:
        """The end of pcscd's log, for failure messages."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def _wait_until_ready(self) -> None:
        from smartcard.System import readers

        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                break
            try:
                if self.reader in [str(r) for r in readers()]:
                    return
            except Exception:  # noqa: BLE001, S110 - pcscd not listening yet
                pass
            time.sleep(POLL_S)
        self.stop()
        raise PcscdStartError(
            f"pcscd did not show {self.reader!r} within {READY_TIMEOUT_S} s:\n{self.log_tail()}"
        )


def _unusable_reason() -> str | None:
    pid = live_system_pcscd()
    if pid is not None:
        return (
            f"a pcscd (pid {pid}) is already running and only one can run per machine: stop it (kill {pid})"
        )
    port = busy_vpcd_port()
    if port is not None:
        return f"port {port}, which the vpcd reader needs, is already in use"
    return None


class _SharedPcscd:
    """The one machine-wide pcscd, shared by every conftest that exposes the fixture."""

    def __init__(self) -> None:
        self._service: Pcscd | None = None
        self._users = 0

    def acquire(self, workdir: Path) -> Pcscd:
        if self._service is None:
            self._service = _start_private_pcscd(workdir)
        self._users += 1
        return self._service

    def release(self) -> None:
        self._users -= 1
        if self._users == 0 and self._service is not None:
            self._service.stop()
            self._service = None


def _start_private_pcscd(workdir: Path) -> Pcscd:
    missing = missing_prerequisite()
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PC/SC tests cannot run in CI: {missing}")
        pytest.skip(missing)
    problem = _unusable_reason()
    if problem is not None:
        pytest.fail(problem)
    service = Pcscd(workdir)
    try:
        service.start()
    except PcscdStartError as exc:
        pytest.fail(str(exc))
    return service


_SHARED = _SharedPcscd()


@pytest.fixture(scope="session")
def pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pcscd]:
    """A private pcscd with ``TT Virtual NFC 00 00`` (vpcd on port 40001), up for the whole session."""
    service = _SHARED.acquire(tmp_path_factory.mktemp("pcscd"))
    try:
        yield service
    finally:
        _SHARED.release()


class ReaderEvents:
    """Records a ``DeskReader``'s callbacks so a test can wait for each in turn (never a fixed sleep)."""

    def __init__(self) -> None:
        self._events: list[tuple[str, object]] = []
        self._cursor = 0
        self._changed = threading.Condition()

    def callbacks(self) -> ReaderCallbacks:
        """Callbacks that record every report under its field name."""
        return ReaderCallbacks(
            card_presented=lambda _reader, outcome: self._put("card_presented", outcome),
            card_removed=functools.partial(self._put, "card_removed"),
            reader_gone=functools.partial(self._put, "reader_gone"),
            reader_back=functools.partial(self._put, "reader_back"),
            readers_changed=functools.partial(self._put, "readers_changed"),
            error=functools.partial(self._put, "error"),
        )

    def expect(self, kind: str, timeout: float = 5.0) -> object:
        """The payload of the next ``kind`` report after the last one expected; fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while (found := self._find(kind)) is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    pytest.fail(f"no {kind} within {timeout} s; reports: {self._events[self._cursor :]}")
                self._changed.wait(remaining)
            self._cursor = found + 1
            return self._events[found][1]

    def kinds(self) -> list[str]:
        """Every report so far, by kind."""
        with self._changed:
            return [kind for kind, _payload in self._events]

    def _find(self, kind: str) -> int | None:
        return next((i for i in range(self._cursor, len(self._events)) if self._events[i][0] == kind), None)

    def _put(self, kind: str, payload: object) -> None:
        with self._changed:
            self._events.append((kind, payload))
            self._changed.notify_all()
