"""Log out / switch user: the window closes, the login comes back, the listener keeps serving, audited."""

from collections.abc import Iterator

import httpx
import pytest
from ports import free_port
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import AppContext, GuiDatabaseGateway, start_listener_in_thread
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.gui.dialogs.login import LoginDialog
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.shell.application import Shell

from .conftest import close_shell, make_user

pytestmark = pytest.mark.gui
STARTS_MS = 30_000  # generous: the test machine is shared


@pytest.fixture
def shell(qapp: QApplication, app_context: AppContext, ui_settings: UiSettings) -> Iterator[Shell]:
    """A shell logged in as the admin, its listener on a thread of this process (127.0.0.1, a free port)."""
    ui_settings.listener_host, ui_settings.listener_port = "127.0.0.1", free_port()
    quit_on_last_window = qapp.quitOnLastWindowClosed()
    running = Shell(
        qapp, GuiDatabaseGateway(bcrypt_rounds=4), ui_settings, None, None, start_listener_in_thread
    )
    admin = make_user(app_context.services, "admin", Role.ADMIN)
    make_user(app_context.services, "viewer", Role.VIEWER)
    running.startup.database = app_context  # as if the start-up had opened it (the login needs it)
    running.startup.finished.emit(app_context, admin)
    yield running
    login = running.startup.login
    if login is not None:
        login.rejected.disconnect()  # closing it must not quit the test's QApplication
        login.close()
    close_shell(qapp, running)
    qapp.setQuitOnLastWindowClosed(quit_on_last_window)


def _health(port: int) -> int:
    return httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).status_code


def test_log_out_and_in_as_a_viewer_keeps_the_listener(
    qtbot: QtBot, qapp: QApplication, shell: Shell, app_context: AppContext
) -> None:
    window = shell.window
    assert window is not None
    assert "users" in window.page_names
    qtbot.waitUntil(lambda: shell.listener.running, timeout=STARTS_MS)
    port = shell.listener.port
    listener_starts = shell.listener.state_changed
    changes: list[None] = []
    listener_starts.connect(lambda: changes.append(None))

    assert window.session_menu.menu.title() == "&File"
    window.session_menu.log_out_action.trigger()
    assert shell.window is None
    assert not window.isVisible()
    login = shell.startup.login
    assert isinstance(login, LoginDialog)
    qtbot.waitExposed(login)
    assert login.username.text() == ""  # somebody else, usually
    assert not qapp.quitOnLastWindowClosed()  # the closed window did not end the program
    assert shell.listener.running
    assert _health(port) == 200  # terminals are still served while nobody is logged in

    QTest.keyClicks(login.username, "viewer")
    QTest.keyClick(login.username, Qt.Key.Key_Tab)
    QTest.keyClicks(login.password, "viewer-pass-1")
    QTest.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.window is not None)
    again = shell.window
    assert again is not None
    assert again is not window
    assert shell.context is not None
    assert shell.context.user.role is Role.VIEWER
    assert "users" not in again.page_names
    assert again.windowTitle().endswith("viewer")
    assert shell.listener.running
    assert changes == []  # the listener was never stopped or restarted
    assert _health(port) == 200

    qtbot.waitUntil(lambda: shell.runner.relay.pending == 0, timeout=10_000)
    entries = app_context.services.audit.entries(Actor.system())
    sessions = [(e.action, e.actor) for e in entries if e.action.startswith("session.")]
    assert sessions[:2] == [("session.login", "viewer"), ("session.logout", "admin")]  # newest first
