"""Autostart at sign-in: the HKCU Run value written, read and removed (winreg faked, Windows patched in)."""

import sys
from pathlib import Path

import pytest
from fake_registry import HKEY_CURRENT_USER, REG_SZ, FakeRegistry, fake_registry

from timetracker_desktop.system import autostart

__all__ = ["fake_registry"]  # the fixture, used by name
RUN = (HKEY_CURRENT_USER, autostart.RUN_KEY.lower())


def test_enable_writes_the_quoted_command_and_disable_removes_it(fake_registry: FakeRegistry) -> None:
    assert autostart.registered_command() is None  # a fresh profile: not even the Run key
    autostart.enable('"C:\\Program Files\\TimeTracker Desktop\\timetracker-desktop-gui.exe"')
    assert fake_registry.values[RUN]["timetracker desktop"] == (
        '"C:\\Program Files\\TimeTracker Desktop\\timetracker-desktop-gui.exe"',
        REG_SZ,
    )
    assert (
        autostart.registered_command()
        == '"C:\\Program Files\\TimeTracker Desktop\\timetracker-desktop-gui.exe"'
    )
    autostart.disable()
    assert autostart.registered_command() is None
    assert RUN in fake_registry.values  # the key stays: other programs' values live in it
    autostart.disable()  # absent already: nothing to do


def test_refused_write_raises_os_error(fake_registry: FakeRegistry) -> None:
    fake_registry.refuse = True
    with pytest.raises(PermissionError):
        autostart.enable('"x.exe"')


def test_command_line_is_the_gui_exe_beside_the_frozen_one(
    fake_registry: FakeRegistry, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    console = tmp_path / "timetracker-desktop.exe"
    console.write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(console))
    assert autostart.command_line() is None  # from source: not offered
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert autostart.command_line() == f'"{console}"'  # no GUI exe beside it: the running one
    gui = tmp_path / autostart.GUI_EXE
    gui.write_bytes(b"")
    assert autostart.command_line() == f'"{gui}"'  # started from the console exe, sign-in opens the GUI one


def test_nothing_off_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert autostart.command_line() is None
    assert autostart.registered_command() is None
    autostart.enable('"x"')  # no registry to write: a no-op, not an error
    autostart.disable()
