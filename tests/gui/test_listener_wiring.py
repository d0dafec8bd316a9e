"""The shell runs its listener process: live taps without polling, a busy port, restart (a failed move keeps
the old address), quit, a crash."""

import gc
import os
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from fakes import FakeClock
from listener_support import ROOMY_PROCESS, RunningListener, running_listener, staff_office
from ports import free_port, port_is_free
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import AppContext, GuiDatabaseGateway, start_listener
from timetracker_desktop.domain.users import Role
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.listener.control import ListenerHandle, LostCallback, ScanCallback
from timetracker_desktop.gui.shell.application import Shell
from timetracker_desktop.gui.shell.gateway import OpenDatabase
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.views.settings_view import SettingsView
from timetracker_desktop.gui.views.today import TodayView
from timetracker_desktop.listener.child.process import ListenerProcess

from .conftest import close_shell, make_user

pytestmark = pytest.mark.gui
LISTENER_THREADS = ("listener", "listener-health-flush", "listener-link")
STARTS_MS = 30_000  # a listener process takes over 10 s to start on a loaded 2-core machine


@dataclass
class RecordingStarter:
    """``app.start_listener`` with the contract tests' roomy rate limits, keeping the processes it started."""

    servers: list[ListenerProcess] = field(default_factory=list)

    def __call__(
        self, database: OpenDatabase, host: str, port: int, notify: ScanCallback, lost: LostCallback
    ) -> ListenerHandle:
        server = start_listener(database, host, port, notify, lost, ROOMY_PROCESS)
        self.servers.append(server)
        return server


def listener_threads() -> list[str]:
    """Threads the listener leaves behind, if any."""
    return [t.name for t in threading.enumerate() if t.name in LISTENER_THREADS and t.is_alive()]


@dataclass
class Started:
    """A logged-in shell over the test database."""

    shell: Shell
    window: MainWindow
    starter: RecordingStarter


@pytest.fixture
def start_shell(
    qtbot: QtBot, qapp: QApplication, app_context: AppContext, ui_settings: UiSettings
) -> Iterator[Callable[..., Started]]:
    """Log in as the admin with the listener bound to 127.0.0.1:``port``; quits the shell at the end.

    The shell works over ``context`` (default: the test context on the fake clock).
    """
    shells: list[Shell] = []
    quit_on_last_window = qapp.quitOnLastWindowClosed()

    def start(port: int, context: AppContext = app_context) -> Started:
        ui_settings.listener_host = "127.0.0.1"
        ui_settings.listener_port = port
        starter = RecordingStarter()
        shell = Shell(qapp, GuiDatabaseGateway(bcrypt_rounds=4), ui_settings, None, None, starter)
        shells.append(shell)
        assert not shell.listener.running  # nothing listens before the login
        shell.startup.finished.emit(context, make_user(context.services, "admin", Role.ADMIN))
        assert shell.window is not None
        return Started(shell, shell.window, starter)

    yield start
    for shell in shells:
        close_shell(qapp, shell)
    qapp.setQuitOnLastWindowClosed(quit_on_last_window)


def test_a_terminal_scan_appears_in_the_live_feed_without_polling(
    qtbot: QtBot, start_shell: Callable[..., Started], real_time_context: AppContext
) -> None:
    port = free_port()
    started = start_shell(port, real_time_context)
    shell, window = started.shell, started.window
    qtbot.waitUntil(lambda: shell.listener.running, timeout=10_000)
    assert window.status.listener.text() == f"Listener 127.0.0.1:{port}: running"
    assert gc.get_freeze_count() > 50_000  # the start-up objects are out of the GC's sight
    today = window.show_page("today")
    assert isinstance(today, TodayView)
    assert shell.context is not None
    assert shell.context.own_listener_running
    assert not today.controller.polling  # the timer is off: only the bridge triggers fetches
    qtbot.waitUntil(lambda: shell.runner.relay.pending == 0, timeout=10_000)

    server = started.starter.servers[0]
    today.after_tap_ms, today.busy_reload_gap_ms = 10, 0  # the board follows each tap at once
    with httpx.Client(base_url=server.url, timeout=10) as client:
        office = staff_office(real_time_context.services, RunningListener(server, client))
        before, boards_before = today.controller.fetches, server.calls_answered
        reply = office.tablet().scan(office.olena_phone)
        assert reply.json()["message"] == "Registered IN"
        qtbot.waitUntil(
            lambda: [today.feed.index(r, 1).data() for r in range(today.feed.rowCount())] == ["Олена Коваль"],
            timeout=5000,
        )
        assert today.controller.fetches > before
        assert not today.controller.polling
        # The board is worked out in the listener process, away from the GUI's GIL.
        qtbot.waitUntil(lambda: [r.full_name for r in today.board.rows if r.first_in] == ["Олена Коваль"])
        assert server.calls_answered > boards_before
        # The listener process flushes terminal health every second; the tap's refresh of the status bar
        # counts the terminal online.
        qtbot.waitUntil(lambda: window.status.terminals.text() == "Terminals online: 1 of 1", timeout=10_000)


def test_a_busy_port_is_shown_and_taps_are_polled(
    qtbot: QtBot, start_shell: Callable[..., Started], app_context: AppContext, clock: FakeClock
) -> None:
    with socket.socket() as squatter:  # another program (say the TimeTracker service) holds the port
        squatter.bind(("127.0.0.1", 0))
        squatter.listen(1)
        port = squatter.getsockname()[1]
        started = start_shell(port)
        shell, window = started.shell, started.window
        qtbot.waitUntil(lambda: shell.listener.error is not None, timeout=10_000)
        assert window.status.listener.text() == f"Listener 127.0.0.1:{port}: port in use"
        assert f"Port {port} is used by another program" in window.status.listener.toolTip()
        assert started.starter.servers == []
        assert listener_threads() == []

        today = window.show_page("today")
        assert isinstance(today, TodayView)
        assert today.controller.polling
        today.controller.timer.setInterval(100)
        with running_listener(app_context.services) as service:  # the other listener stores the taps
            office = staff_office(app_context.services, service)
            clock.advance(minutes=5)
            assert office.tablet().scan(office.olena_phone).json()["message"] == "Registered IN"
            qtbot.waitUntil(lambda: len(today.feed.rows) == 1, timeout=5000)
        assert today.feed.index(0, 1).data() == "Олена Коваль"


def test_settings_restart_the_listener_and_quit_frees_the_port(
    qtbot: QtBot, qapp: QApplication, start_shell: Callable[..., Started]
) -> None:
    first = free_port()
    second = next(port for port in iter(free_port, 0) if port != first)
    started = start_shell(first)
    shell, window = started.shell, started.window
    qtbot.waitUntil(lambda: shell.listener.running, timeout=10_000)
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsView)
    qtbot.waitUntil(lambda: shell.runner.relay.pending == 0, timeout=10_000)  # office rules loaded
    settings.listener_port.setValue(second)
    settings.save_button.click()
    assert settings.status.text() == f"Starting the listener on 127.0.0.1:{second}..."
    qtbot.waitUntil(lambda: settings.status.text() == "Saved.", timeout=10_000)  # no restart of the program
    assert shell.ui_settings.listener_port == second
    qtbot.waitUntil(lambda: shell.listener.running and shell.listener.port == second, timeout=10_000)
    assert window.status.listener.text() == f"Listener 127.0.0.1:{second}: running"
    assert port_is_free(first)
    assert httpx.get(f"http://127.0.0.1:{second}/health", timeout=5).status_code == 200

    qapp.aboutToQuit.emit()
    assert not shell.listener.running
    assert port_is_free(second)
    assert listener_threads() == []
    shell.listener.restart("127.0.0.1", second)  # too late: the app is quitting
    assert not shell.listener.running
    assert port_is_free(second)
    assert all(server.exit_code is not None for server in started.starter.servers)  # no process left


def test_a_listener_process_that_dies_is_shown_and_started_again(
    qtbot: QtBot, start_shell: Callable[..., Started]
) -> None:
    port = free_port()
    started = start_shell(port)
    shell, window = started.shell, started.window
    qtbot.waitUntil(lambda: shell.listener.running, timeout=10_000)
    first = started.starter.servers[0]
    assert first.pid is not None
    os.kill(first.pid, signal.SIGKILL)  # a crash nobody asked for
    qtbot.waitUntil(lambda: shell.listener.reason == "exited", timeout=10_000)
    assert window.status.listener.text() == f"Listener 127.0.0.1:{port}: stopped, restarting..."
    assert "stopped unexpectedly" in window.status.listener.toolTip()
    qtbot.waitUntil(lambda: shell.listener.running, timeout=20_000)  # after the 2 s back-off
    assert len(started.starter.servers) == 2
    assert httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).status_code == 200


def test_a_move_that_fails_keeps_the_listener_on_its_address(
    qtbot: QtBot, start_shell: Callable[..., Started]
) -> None:
    first = free_port()
    started = start_shell(first)
    shell, window = started.shell, started.window
    qtbot.waitUntil(lambda: shell.listener.running, timeout=STARTS_MS)
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsView)
    qtbot.waitUntil(lambda: shell.runner.relay.pending == 0, timeout=STARTS_MS)
    with socket.socket() as squatter:  # the new port is taken: the bind is tried, it fails
        squatter.bind(("127.0.0.1", 0))
        squatter.listen(1)
        taken = squatter.getsockname()[1]
        settings.listener_port.setValue(taken)
        settings.save_button.click()
        qtbot.waitUntil(lambda: settings.listener_errors.text("listener_host") != "", timeout=2 * STARTS_MS)
        message = settings.listener_errors.text("listener_host")
        assert message.startswith(f"Not saved: the listener cannot serve on 127.0.0.1:{taken}.")
        assert f"Port {taken} is used by another program" in message
        assert message.endswith(f"It keeps serving on 127.0.0.1:{first}.")
        assert settings.status.text() == "The listener address was not saved."
        qtbot.waitUntil(lambda: shell.listener.running, timeout=STARTS_MS)
    assert (shell.listener.host, shell.listener.port) == ("127.0.0.1", first)
    assert (shell.ui_settings.listener_host, shell.ui_settings.listener_port) == ("127.0.0.1", first)
    assert httpx.get(f"http://127.0.0.1:{first}/health", timeout=5).status_code == 200
    assert window.status.listener.text() == f"Listener 127.0.0.1:{first}: running"
