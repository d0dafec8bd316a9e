"""Settings: "Start TimeTracker Desktop when I sign in to Windows" writes and removes the HKCU Run value."""

import sys
from pathlib import Path

import pytest
from fake_registry import HKEY_CURRENT_USER, REG_BINARY, REG_SZ, FakeRegistry, fake_registry
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.views.settings_view import SettingsView
from timetracker_desktop.system.autostart import APPROVED_KEY, RUN_KEY

from .conftest import show

__all__ = ["fake_registry"]  # the fixture, used by name
pytestmark = pytest.mark.gui
RUN = (HKEY_CURRENT_USER, RUN_KEY.lower())
APPROVED = (HKEY_CURRENT_USER, APPROVED_KEY.lower())
DISABLED = bytes.fromhex("03000000a1b2c3d4e5f60708")  # Task Manager: first byte odd, then a time


@pytest.fixture
def installed(fake_registry: FakeRegistry, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The installed program on Windows: frozen, the GUI executable in its folder. Returns the command."""
    gui = tmp_path / "TimeTracker Desktop" / "timetracker-desktop-gui.exe"
    gui.parent.mkdir()
    gui.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(gui))
    return f'"{gui}"'


def _view(qtbot: QtBot, context: GuiContext) -> SettingsView:
    view = SettingsView(context)
    show(qtbot, view)
    return view


def test_the_box_writes_and_removes_the_run_value(
    qtbot: QtBot, viewer_context: GuiContext, fake_registry: FakeRegistry, installed: str
) -> None:
    view = _view(qtbot, viewer_context)  # a viewer may choose it too: it is their own sign-in
    box = view.autostart
    assert box is not None
    assert box.isVisible()
    assert box.isEnabled()
    assert box.text() == "Start TimeTracker Desktop when I sign in to Windows"
    assert not box.isChecked()
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    assert fake_registry.values[RUN]["timetracker desktop"] == (installed, REG_SZ)
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    assert "timetracker desktop" not in fake_registry.values[RUN]
    assert not box.isChecked()


def test_the_box_shows_what_the_registry_says(
    qtbot: QtBot, admin_context: GuiContext, fake_registry: FakeRegistry, installed: str
) -> None:
    fake_registry.values[RUN] = {"timetracker desktop": ('"D:\\old\\timetracker-desktop-gui.exe"', REG_SZ)}
    view = _view(qtbot, admin_context)
    assert view.autostart is not None
    assert view.autostart.isChecked()
    assert fake_registry.writes == 0  # opening the page changes nothing


@pytest.mark.parametrize("first", [0x03, 0x07])
def test_disabled_in_task_manager_shows_unchecked_and_enabling_clears_it(
    qtbot: QtBot, admin_context: GuiContext, fake_registry: FakeRegistry, installed: str, first: int
) -> None:
    fake_registry.values[RUN] = {"timetracker desktop": (installed, REG_SZ)}
    fake_registry.values[APPROVED] = {"timetracker desktop": (bytes([first]) + DISABLED[1:], REG_BINARY)}
    view = _view(qtbot, admin_context)
    box = view.autostart
    assert box is not None
    assert not box.isChecked()  # Windows will not start it: the Run value alone does not say so
    assert "Disabled in Task Manager" in box.toolTip()
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    assert fake_registry.values[RUN]["timetracker desktop"] == (installed, REG_SZ)
    assert "timetracker desktop" not in fake_registry.values[APPROVED]  # no record: enabled
    assert "Disabled in Task Manager" not in box.toolTip()
    box.reload()
    assert box.isChecked()


@pytest.mark.parametrize("first", [0x02, 0x06])
def test_enabled_in_task_manager_shows_checked(
    qtbot: QtBot, admin_context: GuiContext, fake_registry: FakeRegistry, installed: str, first: int
) -> None:
    fake_registry.values[RUN] = {"timetracker desktop": (installed, REG_SZ)}
    fake_registry.values[APPROVED] = {"timetracker desktop": (bytes([first]) + bytes(11), REG_BINARY)}
    view = _view(qtbot, admin_context)
    assert view.autostart is not None
    assert view.autostart.isChecked()
    assert "Disabled in Task Manager" not in view.autostart.toolTip()


def test_a_refused_change_is_said_and_undone(
    qtbot: QtBot, admin_context: GuiContext, fake_registry: FakeRegistry, installed: str
) -> None:
    view = _view(qtbot, admin_context)
    assert view.autostart is not None
    fake_registry.refuse = True
    QTest.mouseClick(view.autostart, Qt.MouseButton.LeftButton)
    assert not view.autostart.isChecked()
    assert view.status.text() == (
        "Windows did not let the program change its start at sign-in: Access is denied"
    )
    assert RUN not in fake_registry.values


def test_not_offered_from_source_nor_off_windows(
    qtbot: QtBot, admin_context: GuiContext, fake_registry: FakeRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert _view(qtbot, admin_context).autostart is None  # Windows, from source
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert _view(qtbot, admin_context).autostart is None
