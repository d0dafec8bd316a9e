"""The named mutex for the installer's AppMutex: both names created on Windows, none elsewhere, released."""

import sys

import pytest

from timetracker_desktop.system import mutex


def test_windows_creates_both_names_and_release_closes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[str] = []
    closed: list[int] = []

    def create(name: str) -> int:
        created.append(name)
        return 100 + len(created)

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(mutex, "_create_mutex", create)
    monkeypatch.setattr(mutex, "_close_handle", closed.append)
    held = mutex.hold_running_mutex()
    assert created == ["TimeTrackerDesktop.Running", "Global\\TimeTrackerDesktop.Running"]
    assert held.handles == [101, 102]
    held.release()
    assert closed == [101, 102]
    held.release()  # twice (quit after an error): nothing closed twice
    assert closed == [101, 102]


def test_a_global_name_refused_keeps_the_session_one(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(mutex, "_create_mutex", lambda name: 0 if name.startswith("Global\\") else 7)
    caplog.set_level("INFO", logger=mutex.__name__)
    assert mutex.hold_running_mutex().handles == [7]
    assert "Global\\TimeTrackerDesktop.Running could not be created" in caplog.text


def test_no_mutex_off_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(mutex, "_create_mutex", lambda name: pytest.fail("no Windows API off Windows"))
    assert mutex.hold_running_mutex().handles == []
