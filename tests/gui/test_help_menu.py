"""Help menu: diagnostics to the clipboard, the log folder opened through the desktop, the About box."""

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from timetracker_desktop import __version__
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.listener.control import ListenerControl, ListenerHandle
from timetracker_desktop.gui.shell.help_menu import listener_state
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.logging_setup import ProcessLog
from timetracker_desktop.services.diagnostics import ListenerState

from .conftest import show

pytestmark = pytest.mark.gui


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log folder of this test, with a recent error in the GUI's file and one in the service's."""
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / ProcessLog.GUI).write_text(
        "2026-03-04 10:00:00,000 ERROR timetracker_desktop.x [MainThread]: the disk is full\n", "utf-8"
    )
    (folder / ProcessLog.SERVICE).write_text(
        "2026-03-04 09:00:00,000 WARNING timetracker_desktop.y [MainThread]: a terminal was refused\n",
        "utf-8",
    )
    monkeypatch.setattr("timetracker_desktop.gui.shell.help_menu.log_dir", lambda: folder)
    return folder


def _window(qtbot: QtBot, context: GuiContext) -> MainWindow:
    window = MainWindow(context)
    show(qtbot, window)
    return window


def test_copy_diagnostics_puts_versions_on_the_clipboard(
    qtbot: QtBot, admin_context: GuiContext, log_folder: Path
) -> None:
    QGuiApplication.clipboard().clear()
    window = _window(qtbot, admin_context)
    assert window.help_menu.copy_action.isEnabled()
    window.help_menu.copy_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert f"TimeTracker Desktop: {__version__}" in text
    assert "PySide6-Essentials: 6." in text
    assert "url: test database" in text
    assert "the disk is full" in text  # the recent error from the log
    assert text.index("a terminal was refused") < text.index("the disk is full")  # every kind, by time
    assert "[listener]\nstate: not part of this process" in text  # tests wire no listener
    assert window.statusBar().currentMessage().startswith("Diagnostics copied to the clipboard")


def test_open_log_folder_asks_the_desktop_to_open_it(
    qtbot: QtBot, admin_context: GuiContext, log_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def record(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    window = _window(qtbot, admin_context)
    window.help_menu.logs_action.trigger()
    assert opened == [QUrl.fromLocalFile(str(log_folder))]


def test_when_nothing_can_open_it_the_folder_is_named(
    qtbot: QtBot, admin_context: GuiContext, log_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    window = _window(qtbot, admin_context)
    window.help_menu.logs_action.trigger()
    assert window.statusBar().currentMessage() == f"The log folder is {log_folder}"


def test_about_shows_the_versions(qtbot: QtBot, viewer_context: GuiContext) -> None:
    window = _window(qtbot, viewer_context)
    window.help_menu.about_action.trigger()
    box = window.help_menu.dialog
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert __version__ in box.text()
    assert "Qt 6." in box.text()
    box.reject()


def _never_started(*_args: object) -> ListenerHandle:
    raise AssertionError("the test sets the state by hand")


def test_diagnostics_describe_a_listener_of_this_program() -> None:
    control = ListenerControl(_never_started, lambda _notice: None)
    control.running, control.host, control.port = True, "0.0.0.0", 8000
    assert listener_state(control) == ListenerState(True, "0.0.0.0", 8000, None)
    assert listener_state(ListenerControl(None, lambda _notice: None)) is None
