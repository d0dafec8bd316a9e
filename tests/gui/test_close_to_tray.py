"""Closing the window while terminals report: keep listening in the tray, quit or cancel; the tray's state."""

from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.errors import DomainError, ErrorCode
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.quitting import QUITTING, quitting
from timetracker_desktop.gui.listener.control import (
    ListenerControl,
    ListenerHandle,
    LostCallback,
    ScanCallback,
)
from timetracker_desktop.gui.shell import main_window
from timetracker_desktop.gui.shell.application import end_for_session
from timetracker_desktop.gui.shell.gateway import OpenDatabase
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.shell.tray import ListenerTray, tray_available

from .conftest import show

pytestmark = pytest.mark.gui
PORT = 8123
# A tray icon on the offscreen platform (which has none) and raising a window there: Qt's notes, not ours.
OFFSCREEN_TRAY = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")


@dataclass
class Handle:
    """A listener that serves nothing (the window only asks whether one runs)."""

    host: str
    port: int
    stopped: bool = False

    def stop(self) -> None:
        self.stopped = True


def _serve(
    database: OpenDatabase, host: str, port: int, notify: ScanCallback, lost: LostCallback
) -> ListenerHandle:
    return Handle(host, port)


def _refuse(
    database: OpenDatabase, host: str, port: int, notify: ScanCallback, lost: LostCallback
) -> ListenerHandle:
    raise DomainError("in use", ErrorCode("listener_port_in_use"))


@pytest.fixture
def listener(qtbot: QtBot, admin_context: GuiContext) -> Iterator[ListenerControl]:
    """A listener control whose listener runs on PORT."""
    control = ListenerControl(_serve, lambda notice: None)
    with qtbot.waitSignal(control.state_changed, check_params_cb=lambda *a: control.running, timeout=10_000):
        control.start(admin_context.services, "127.0.0.1", PORT)  # type: ignore[arg-type]  # never opened
    yield control
    control.stop()


@pytest.fixture
def quit_on_close(qapp: QApplication) -> Iterator[None]:
    """The application's own setting (the tray turns it off while the window is hidden), put back after."""
    before = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)  # the tests' application must not quit when a window closes
    yield
    qapp.setQuitOnLastWindowClosed(before)


def _window(qtbot: QtBot, context: GuiContext, listener: ListenerControl | None) -> MainWindow:
    window = MainWindow(replace(context, listener=listener))
    show(qtbot, window)
    return window


def _question(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    window.close()
    qtbot.waitUntil(lambda: window.close_question is not None and window.close_question.isVisible())
    assert window.isVisible()  # the close waits for the answer
    assert window.close_question is not None
    return window.close_question


def _buttons(box: QMessageBox) -> list[str]:
    return [button.text() for button in box.buttons()]


def test_without_a_tray_the_question_offers_quit_or_cancel(
    qtbot: QtBot, admin_context: GuiContext, listener: ListenerControl, quit_on_close: None
) -> None:
    assert not tray_available()  # offscreen has no notification area
    window = _window(qtbot, admin_context, listener)
    assert window.tray is None
    box = _question(qtbot, window)
    assert sorted(_buttons(box)) == ["Cancel", "Quit"]
    assert "listening on port 8123" in box.text()
    assert "no notification area" in box.text()
    assert box.defaultButton() is box.escapeButton()  # Enter and Escape both cancel: quitting is a choice
    box.escapeButton().click()
    qtbot.waitUntil(lambda: window.close_question is None)
    assert window.isVisible()
    box = _question(qtbot, window)  # asked again at the next close
    quit_button = next(b for b in box.buttons() if b.text() == "Quit")
    quit_button.click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not admin_context.ui_settings.window_geometry.isEmpty()  # saved on the way out


@OFFSCREEN_TRAY
def test_with_a_tray_enter_keeps_listening_in_the_tray(
    qtbot: QtBot,
    admin_context: GuiContext,
    listener: ListenerControl,
    quit_on_close: None,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window, "tray_available", lambda: True)
    qapp.setQuitOnLastWindowClosed(True)  # as in the running program
    window = _window(qtbot, admin_context, listener)
    assert window.tray is not None
    assert window.tray.tooltip == "TimeTracker Desktop: listening for terminals on port 8123"
    box = _question(qtbot, window)
    assert sorted(_buttons(box)) == ["Cancel", "Keep listening in the tray", "Quit"]
    assert box.defaultButton() is not None
    assert box.defaultButton().text() == "Keep listening in the tray"
    box.defaultButton().click()  # what Enter does
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.in_tray
    assert window.tray.told_once
    assert not qapp.quitOnLastWindowClosed()  # a message box closed meanwhile must not end the program
    assert listener.running  # the terminals are still heard
    window.tray.open_requested.emit()  # "Open" or a double-click
    qtbot.waitUntil(window.isVisible)
    assert not window.in_tray
    assert qapp.quitOnLastWindowClosed()
    window.tray.open_action.trigger()  # already open: stays open
    assert window.isVisible()


@pytest.fixture
def quit_recorded(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """``QCoreApplication.quit`` recorded, not done; the "quitting" mark taken off the application after."""
    quits: list[bool] = []
    monkeypatch.setattr(QCoreApplication, "quit", lambda: quits.append(True))
    yield quits
    qapp.setProperty(QUITTING, None)


@OFFSCREEN_TRAY
def test_tray_quit_ends_without_asking(
    qtbot: QtBot,
    admin_context: GuiContext,
    listener: ListenerControl,
    quit_on_close: None,
    quit_recorded: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window, "tray_available", lambda: True)
    window = _window(qtbot, admin_context, listener)
    assert window.tray is not None
    window.tray.quit_action.trigger()
    assert quit_recorded == [True]
    assert window.close_question is None
    assert not window.isVisible()


def test_file_quit_closes_without_asking(
    qtbot: QtBot,
    admin_context: GuiContext,
    listener: ListenerControl,
    quit_on_close: None,
    quit_recorded: list[bool],
) -> None:
    """Qt 6's quit() first closes every window and gives up if one refuses: File → Quit must not be asked."""
    window = _window(qtbot, admin_context, listener)
    window.session_menu.quit_action.trigger()
    assert quit_recorded == [True]
    assert quitting()
    window.close()  # what quit() does next
    assert window.close_question is None
    assert not window.isVisible()


def test_no_question_when_nothing_listens(
    qtbot: QtBot, admin_context: GuiContext, quit_on_close: None
) -> None:
    stopped = ListenerControl(_serve, lambda notice: None)  # never started
    window = _window(qtbot, admin_context, stopped)
    window.close()
    assert window.close_question is None
    assert not window.isVisible()
    stopped.stop()


def test_log_out_closes_without_asking(
    qtbot: QtBot, admin_context: GuiContext, listener: ListenerControl, quit_on_close: None
) -> None:
    window = _window(qtbot, admin_context, listener)
    window.close_without_asking()
    assert window.close_question is None
    assert not window.isVisible()


@OFFSCREEN_TRAY
def test_the_tray_tells_the_listeners_state(qtbot: QtBot, admin_context: GuiContext) -> None:
    show(qtbot, host := MainWindow(admin_context))
    assert ListenerTray(None, host).tooltip == (
        "TimeTracker Desktop: the terminal listener is not running in this program"
    )
    failing = ListenerControl(_refuse, lambda notice: None)
    tray = ListenerTray(failing, host)
    with qtbot.waitSignal(failing.state_changed, check_params_cb=lambda *a: failing.error is not None):
        failing.start(admin_context.services, "127.0.0.1", PORT)  # type: ignore[arg-type]
    assert tray.tooltip == "TimeTracker Desktop: the terminal listener failed: port in use"
    failing.stop()
    stopped = ListenerControl(_serve, lambda notice: None)
    assert ListenerTray(stopped, host).tooltip == "TimeTracker Desktop: the terminal listener is stopped"
    stopped.stop()


@OFFSCREEN_TRAY
def test_signing_out_quits_also_from_the_tray(
    qtbot: QtBot,
    admin_context: GuiContext,
    listener: ListenerControl,
    quit_on_close: None,
    quit_recorded: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows' sign-out (and the installer's Restart Manager) must end a program that sits in the tray."""
    monkeypatch.setattr(main_window, "tray_available", lambda: True)
    window = _window(qtbot, admin_context, listener)
    window.hide()  # kept listening in the tray
    end_for_session(window)
    assert quit_recorded == [True]
    assert window.close_question is None
    assert not window.isVisible()
