"""Why the listener did not start, in words: the listener process's errors and the control's texts."""

import socket
import threading
import time
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import AppContext, start_listener
from timetracker_desktop.domain.errors import DomainError, ErrorCode
from timetracker_desktop.domain.users import Role
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner
from timetracker_desktop.gui.listener import control as control_module
from timetracker_desktop.gui.listener.bridges import ScanBridge
from timetracker_desktop.gui.listener.control import (
    ListenerControl,
    ListenerHandle,
    LostCallback,
    ScanCallback,
)
from timetracker_desktop.gui.shell.gateway import OpenDatabase
from timetracker_desktop.services.attendance.presence import PresenceService, PresenceSummary

from .conftest import make_user

pytestmark = pytest.mark.gui
NOT_HERE = "192.0.2.1"  # TEST-NET-1: never an address of this machine


def _failure(database: OpenDatabase, host: str, port: int) -> str:
    with pytest.raises(DomainError) as caught:
        start_listener(database, host, port, lambda notice: None, lambda handle: None)
    return caught.value.code


def test_start_listener_says_why_it_failed(app_context: AppContext) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen(1)
        assert _failure(app_context, "127.0.0.1", squatter.getsockname()[1]) == "listener_port_in_use"
    assert _failure(app_context, NOT_HERE, 0) == "listener_address_unavailable"


@pytest.mark.parametrize(
    ("code", "state", "hint"),
    [
        ("listener_port_in_use", "port in use", "Port 8123 is used by another program"),
        ("listener_address_unavailable", "address not on this PC", "192.0.2.1 is not an address of this PC"),
        ("listener_no_permission", "no permission for the port", "does not allow listening on port 8123"),
        ("listener_port_reserved", "port not allowed by Windows", "excludedportrange protocol=tcp"),
        ("listener_failed", "failed", "could not start: the listener did not start"),
    ],
)
def test_each_failure_has_its_words(
    qtbot: QtBot, app_context: AppContext, code: str, state: str, hint: str
) -> None:
    def refuse(
        database: OpenDatabase, host: str, port: int, notify: ScanCallback, lost: LostCallback
    ) -> ListenerHandle:
        raise DomainError("the listener did not start", ErrorCode(code))

    control = ListenerControl(refuse, lambda notice: None)
    control.start(app_context, NOT_HERE, 8123)
    assert control.describe() == "starting..."  # the start runs on its own thread
    qtbot.waitUntil(lambda: control.error is not None)
    assert not control.running
    assert control.describe() == state
    assert hint in control.explain()
    control.stop()


class _Board:
    """A listener handle that works out the board: with a given summary, or failing like a dead process."""

    host, port = "127.0.0.1", 8123

    def __init__(self, summary: PresenceSummary | None) -> None:
        self.summary = summary

    def presence_today(self) -> object:
        if self.summary is None:
            raise RuntimeError("the listener process ended")
        return self.summary

    def stop(self) -> None:
        """Nothing runs."""


@pytest.mark.parametrize("answers", [True, False])
def test_the_board_comes_from_the_listener_process_or_is_worked_out_here(
    qtbot: QtBot, app_context: AppContext, ui_settings: UiSettings, answers: bool
) -> None:
    services = app_context.services
    here = PresenceService(services.uow, services.clock, services.worktime).today()
    remote = PresenceSummary(here.day, "Europe/Kyiv", ())
    handle = _Board(remote if answers else None)
    runner = InlineTaskRunner()
    control = ListenerControl(lambda *_args: handle, lambda notice: None)
    control.start(app_context, "127.0.0.1", 8123)
    qtbot.waitUntil(lambda: control.running)
    assert control.board_source() is handle
    user = make_user(services, "admin", Role.ADMIN)
    context = GuiContext(services, user, runner, ui_settings, "test", ScanBridge(), listener=control)
    assert context.board_today() == (remote if answers else here)
    control.stop()
    assert control.board_source() is None  # stopped: the board is worked out here again


class _Handle:
    """A listener that runs until stopped."""

    host, port = "127.0.0.1", 8123

    def __init__(self) -> None:
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class _Flaky:
    """Starts a listener, refuses the next start (port busy), then starts again; keeps the lost callback."""

    def __init__(self) -> None:
        self.handles: list[_Handle] = []
        self.calls = 0
        self.lost: LostCallback | None = None

    def __call__(
        self, database: OpenDatabase, host: str, port: int, notify: ScanCallback, lost: LostCallback
    ) -> ListenerHandle:
        self.calls += 1
        self.lost = lost
        if self.calls == 2:
            raise DomainError("port 8123 is in use", ErrorCode.LISTENER_PORT_IN_USE)
        self.handles.append(_Handle())
        return self.handles[-1]


def test_a_listener_that_died_is_started_again_even_after_a_failed_attempt(
    qtbot: QtBot, app_context: AppContext
) -> None:
    starter = _Flaky()
    control = ListenerControl(starter, lambda notice: None)
    control.start(app_context, "127.0.0.1", 8123)
    qtbot.waitUntil(lambda: control.running)
    control.next_restart_ms = 10
    assert starter.lost is not None
    starter.lost(starter.handles[0])  # the process died
    assert control.describe() == "stopped, restarting..."
    qtbot.waitUntil(lambda: starter.calls == 2)  # the first attempt finds the port busy ...
    qtbot.waitUntil(lambda: control.running, timeout=5000)  # ... the next one, after the back-off, serves
    assert starter.calls == 3
    assert control.board_source() is None  # a plain handle works out no board
    control.stop()
    assert starter.handles[-1].stopped


def test_quit_during_a_slow_start_does_not_wait_for_it(qtbot: QtBot, app_context: AppContext) -> None:
    release = threading.Event()
    started: list[_Handle] = []

    def slow(
        database: OpenDatabase, host: str, port: int, notify: ScanCallback, lost: LostCallback
    ) -> ListenerHandle:
        release.wait(10)  # a child process importing on a choked PC
        started.append(_Handle())
        return started[-1]

    control = ListenerControl(slow, lambda notice: None)
    control.start(app_context, "127.0.0.1", 8123)
    began = time.monotonic()
    control.stop()
    assert time.monotonic() - began < 1.0  # the window closes at once
    assert not control.starting
    release.set()
    qtbot.waitUntil(lambda: bool(started) and started[0].stopped)  # the late listener stops itself
    assert not control.running


class _HeldPort:
    """Refuses the first ``busy`` starts: "port in use" (TIME_WAIT under SO_EXCLUSIVEADDRUSE); then serves."""

    def __init__(self, busy: int) -> None:
        self.busy = busy
        self.calls = 0

    def __call__(
        self, database: OpenDatabase, host: str, port: int, notify: ScanCallback, lost: LostCallback
    ) -> ListenerHandle:
        self.calls += 1
        if self.calls <= self.busy:
            raise DomainError("port 8123 is in use", ErrorCode.LISTENER_PORT_IN_USE)
        return _Handle()


def _waiting(monkeypatch: pytest.MonkeyPatch, starter: _HeldPort) -> tuple[ListenerControl, list[str]]:
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(control_module, "PORT_RETRY_MS", 20)
    control = ListenerControl(starter, lambda notice: None)
    said: list[str] = []
    control.state_changed.connect(lambda: said.append(f"{control.describe()} | {control.explain()}"))
    return control, said


def test_on_windows_a_port_still_held_after_a_restart_is_waited_for(
    qtbot: QtBot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    starter = _HeldPort(busy=2)
    control, said = _waiting(monkeypatch, starter)
    control.start(app_context, "0.0.0.0", 8123)
    qtbot.waitUntil(lambda: control.running, timeout=5000)
    assert starter.calls == 3
    waiting = [s for s in said if s.startswith("waiting for the port, retrying...")]
    assert len(waiting) == 2
    assert "waits for the port to be released and tries again" in waiting[0]
    assert not control.waiting_for_port
    control.stop()


@pytest.mark.parametrize(
    ("platform", "tries"),
    [
        ("win32", lambda calls: calls >= 2),  # tried again until the wait is over
        ("linux", lambda calls: calls == 1),  # SO_REUSEADDR binds at once despite TIME_WAIT: not waited for
    ],
)
def test_a_port_held_for_good_ends_with_the_usual_words(
    qtbot: QtBot,
    app_context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    platform: str,
    tries: Callable[[int], bool],
) -> None:
    starter = _HeldPort(busy=1_000)
    control, _said = _waiting(monkeypatch, starter)
    monkeypatch.setattr("sys.platform", platform)
    monkeypatch.setattr(control_module, "PORT_WAIT_S", 0.2)
    control.start(app_context, "0.0.0.0", 8123)
    qtbot.waitUntil(lambda: control.error is not None and not control.waiting_for_port)
    calls = starter.calls
    qtbot.wait(300)
    assert starter.calls == calls  # given up: no more tries
    assert tries(calls)
    assert control.describe() == "port in use"
    assert "Port 8123 is used by another program" in control.explain()
    control.stop()
