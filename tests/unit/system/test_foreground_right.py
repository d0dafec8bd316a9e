"""A second start passes its right to take the foreground to the running program (Windows only)."""

import sys

import pytest

from timetracker_desktop.system import foreground


def test_windows_passes_the_right_to_the_pid_or_to_any(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    def allow(pid: int) -> bool:
        asked.append(pid)
        return True

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(foreground, "_allow", allow)
    assert foreground.allow_set_foreground_window(4242)
    assert foreground.allow_set_foreground_window(None)
    assert asked == [4242, foreground.ASFW_ANY]


def test_nothing_off_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(foreground, "_allow", lambda pid: pytest.fail("no Windows API off Windows"))
    assert not foreground.allow_set_foreground_window(4242)
