"""The PC is kept awake while a listener serves: SetThreadExecutionState on the serving thread (faked)."""

import threading

import pytest
from fakes import ADMIN, FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.listener.awake import kept_awake
from timetracker_desktop.services.settings import SettingsService
from timetracker_desktop.system import power


class _Calls:
    """The faked API: each call's flags and the thread that made it."""

    def __init__(self, answer: int = 0x80000000) -> None:
        self.flags: list[int] = []
        self.threads: list[int] = []
        self.answer = answer

    def __call__(self, flags: int) -> int:
        self.flags.append(flags)
        self.threads.append(threading.get_ident())
        return self.answer


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> _Calls:
    fake = _Calls()
    monkeypatch.setattr(power, "_set_thread_execution_state", fake)
    monkeypatch.setattr("sys.platform", "win32")
    return fake


@pytest.fixture
def settings() -> SettingsService:
    return SettingsService(FakeUnitOfWorkFactory(), FakeClock())


def test_on_windows_sleep_is_held_back_on_the_serving_thread_and_released_there(
    calls: _Calls, settings: SettingsService
) -> None:
    def serve() -> None:
        with kept_awake(settings) as held:
            assert held
            assert calls.flags == [power.ES_CONTINUOUS | power.ES_SYSTEM_REQUIRED]

    thread = threading.Thread(target=serve)
    thread.start()
    thread.join(5)
    assert calls.flags == [power.ES_CONTINUOUS | power.ES_SYSTEM_REQUIRED, power.ES_CONTINUOUS]
    assert calls.threads == [thread.ident, thread.ident]  # the flag is per thread: set and cleared on one


def test_released_even_when_serving_fails(calls: _Calls, settings: SettingsService) -> None:
    with pytest.raises(RuntimeError), kept_awake(settings):
        raise RuntimeError("the server failed")
    assert calls.flags[-1] == power.ES_CONTINUOUS


def test_the_setting_turns_it_off(calls: _Calls, settings: SettingsService) -> None:
    settings.change(ADMIN, "keep_pc_awake", "false")
    with kept_awake(settings) as held:
        assert not held
    assert calls.flags == []


def test_a_refusal_is_not_released(calls: _Calls, settings: SettingsService) -> None:
    calls.answer = 0  # SetThreadExecutionState failed
    with kept_awake(settings) as held:
        assert not held
    assert calls.flags == [power.ES_CONTINUOUS | power.ES_SYSTEM_REQUIRED]


def test_elsewhere_nothing_is_called(
    monkeypatch: pytest.MonkeyPatch, calls: _Calls, settings: SettingsService
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    with kept_awake(settings) as held:
        assert not held
    assert calls.flags == []
    with pytest.raises(OSError, match="only on Windows"):
        power._kernel32()
