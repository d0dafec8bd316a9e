"""Running as administrator with the Windows calls faked: COM on the worker thread, the prompt's owner window,
and each way Windows can fail (cancelled, wait failed, timeout)."""

from dataclasses import dataclass, field

import pytest

from timetracker_desktop.system import elevation
from timetracker_desktop.system.elevation import ElevationCancelledError, run_elevated

RPC_E_CHANGED_MODE = -2147417850  # COM was set up in another mode on this thread (an HRESULT, negative)


@dataclass
class _Windows:
    """What Windows answers, and the calls made in order."""

    com: int = 0  # S_OK
    started: bool = True
    start_error: int = 0
    waited: int = 0  # WAIT_OBJECT_0
    exit: int = 0
    calls: list[tuple[object, ...]] = field(default_factory=list)

    def co_initialize(self, flags: int) -> int:
        self.calls.append(("CoInitializeEx", flags))
        return self.com

    def co_uninitialize(self) -> None:
        self.calls.append(("CoUninitialize",))

    def shell_execute(self, program: str, parameters: str, owner: int) -> tuple[bool, int, int]:
        self.calls.append(("ShellExecuteExW", program, parameters, owner))
        return self.started, 77 if self.started else 0, self.start_error

    def wait(self, process: int, timeout_ms: int) -> tuple[int, int]:
        self.calls.append(("WaitForSingleObject", process, timeout_ms))
        return self.waited, 6 if self.waited == elevation.WAIT_FAILED else 0

    def exit_code(self, process: int) -> tuple[bool, int, int]:
        self.calls.append(("GetExitCodeProcess", process))
        return True, self.exit, 0

    def close(self, process: int) -> None:
        self.calls.append(("CloseHandle", process))


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> _Windows:
    fake = _Windows()
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(elevation, "_windows_calls", lambda: fake)
    return fake


def test_the_prompt_is_owned_by_the_window_and_com_is_set_up_on_the_thread(windows: _Windows) -> None:
    windows.exit = 3
    assert run_elevated("cmd.exe", "/c exit 3", timeout_s=2, owner=0x1234) == 3
    assert windows.calls == [
        ("CoInitializeEx", 0x2 | 0x4),  # COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE
        ("ShellExecuteExW", "cmd.exe", "/c exit 3", 0x1234),
        ("WaitForSingleObject", 77, 2000),
        ("GetExitCodeProcess", 77),
        ("CloseHandle", 77),
        ("CoUninitialize",),
    ]


def test_a_refused_prompt_is_cancelled_and_com_is_released(windows: _Windows) -> None:
    windows.started, windows.start_error = False, elevation.ERROR_CANCELLED
    with pytest.raises(ElevationCancelledError):
        run_elevated("cmd.exe", "/c exit 0")
    assert windows.calls[-1] == ("CoUninitialize",)


def test_a_failed_wait_is_an_error_not_an_exit_code(windows: _Windows) -> None:
    windows.waited = elevation.WAIT_FAILED
    with pytest.raises(OSError, match="error 6") as caught:
        run_elevated("cmd.exe", "/c exit 0")
    assert not isinstance(caught.value, TimeoutError)
    assert ("GetExitCodeProcess", 77) not in windows.calls
    assert windows.calls[-2:] == [("CloseHandle", 77), ("CoUninitialize",)]


def test_a_program_that_does_not_end_is_a_timeout(windows: _Windows) -> None:
    windows.waited = elevation.WAIT_TIMEOUT
    with pytest.raises(TimeoutError):
        run_elevated("cmd.exe", "/c pause", timeout_s=1)
    assert ("CloseHandle", 77) in windows.calls


def test_com_in_another_mode_is_not_released_by_us(windows: _Windows) -> None:
    windows.com = RPC_E_CHANGED_MODE  # the thread had COM already, multithreaded: ShellExecuteEx still works
    assert run_elevated("cmd.exe", "/c exit 0") == 0
    assert ("CoUninitialize",) not in windows.calls
