"""Running a program as administrator: ShellExecuteExW with the "runas" verb (a UAC prompt), then waiting."""

import sys
from typing import Protocol

ERROR_CANCELLED = 1223  # the user answered No at the UAC prompt
SEE_MASK_NOCLOSEPROCESS = 0x00000040
SEE_MASK_NOASYNC = 0x00000100
SEE_MASK_FLAG_NO_UI = 0x00000400
SW_HIDE = 0
WAIT_TIMEOUT = 0x00000102
WAIT_FAILED = 0xFFFFFFFF
# ShellExecuteEx may use COM (shell extensions): Microsoft asks for an apartment-threaded COM on the calling
# thread, without OLE1 DDE; a worker thread has none until it asks.
COINIT_APARTMENTTHREADED = 0x2
COINIT_DISABLE_OLE1DDE = 0x4


class ElevationCancelledError(OSError):
    """The user (or policy) refused the administrator's approval: nothing was run."""


class WindowsCalls(Protocol):
    """The few Windows functions used (faked in tests); each returns what Windows returns."""

    def co_initialize(self, flags: int) -> int:
        """CoInitializeEx: an HRESULT (negative: failed, e.g. another COM mode on this thread)."""
        ...

    def co_uninitialize(self) -> None:
        """CoUninitialize."""
        ...

    def shell_execute(self, program: str, parameters: str, owner: int) -> tuple[bool, int, int]:
        """ShellExecuteExW "runas", hidden, owned by window ``owner``: (succeeded, process handle, error)."""
        ...

    def wait(self, process: int, timeout_ms: int) -> tuple[int, int]:
        """WaitForSingleObject: (its result, the last error)."""
        ...

    def exit_code(self, process: int) -> tuple[bool, int, int]:
        """GetExitCodeProcess: (succeeded, the exit code, the last error)."""
        ...

    def close(self, process: int) -> None:
        """CloseHandle."""
        ...


def run_elevated(program: str, parameters: str, timeout_s: float = 300.0, owner: int = 0) -> int:
    """Run ``program parameters`` as administrator, hidden, and wait for it; returns its exit code.

    ``owner`` is the window (HWND) the UAC prompt belongs to: with it the prompt comes to the front, without
    it Windows may only flash a taskbar button. Blocks while the prompt is open: call it off the GUI thread.
    Raises ``ElevationCancelledError`` when the prompt is refused, ``TimeoutError`` when the program does not
    end in time, and ``OSError`` when Windows fails or elsewhere than Windows.
    """
    if sys.platform != "win32":
        raise OSError("running as administrator is possible only on Windows")
    calls = _windows_calls()
    initialized = calls.co_initialize(COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE)
    try:
        return _execute_and_wait(calls, program, parameters, owner, int(timeout_s * 1000))
    finally:
        if initialized >= 0:  # S_OK and S_FALSE alike are balanced by one CoUninitialize
            calls.co_uninitialize()


def _execute_and_wait(calls: WindowsCalls, program: str, parameters: str, owner: int, timeout_ms: int) -> int:
    started, process, error = calls.shell_execute(program, parameters, owner)
    if not started:
        if error == ERROR_CANCELLED:
            raise ElevationCancelledError(error, "the administrator's approval was refused")
        raise OSError(f"Windows could not run {program} as administrator (error {error})")
    if not process:
        return 0  # started through DDE: nothing to wait for (not the case for an .exe)
    try:
        waited, error = calls.wait(process, timeout_ms)
        if waited == WAIT_TIMEOUT:
            raise TimeoutError(f"{program} did not end in {timeout_ms // 1000} s")
        if waited == WAIT_FAILED:
            raise OSError(f"waiting for {program} failed (error {error})")
        got, exit_code, error = calls.exit_code(process)
        if not got:
            raise OSError(f"the exit code of {program} is unknown (error {error})")
        return exit_code
    finally:
        calls.close(process)


def _windows_calls() -> WindowsCalls:  # pragma: no cover - Windows
    if sys.platform != "win32":  # also tells mypy, checking on Linux, that what follows is Windows only
        raise OSError("running as administrator is possible only on Windows")
    import ctypes
    from ctypes import wintypes

    class ShellExecuteInfo(ctypes.Structure):
        _fields_ = (  # SHELLEXECUTEINFOW
            ("cbSize", wintypes.DWORD),
            ("fMask", wintypes.ULONG),
            ("hwnd", wintypes.HWND),
            ("lpVerb", wintypes.LPCWSTR),
            ("lpFile", wintypes.LPCWSTR),
            ("lpParameters", wintypes.LPCWSTR),
            ("lpDirectory", wintypes.LPCWSTR),
            ("nShow", ctypes.c_int),
            ("hInstApp", wintypes.HINSTANCE),
            ("lpIDList", ctypes.c_void_p),
            ("lpClass", wintypes.LPCWSTR),
            ("hkeyClass", wintypes.HKEY),
            ("dwHotKey", wintypes.DWORD),
            ("hIconOrMonitor", wintypes.HANDLE),
            ("hProcess", wintypes.HANDLE),
        )

    shell32 = ctypes.WinDLL("shell32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    ole32 = ctypes.WinDLL("ole32")
    shell32.ShellExecuteExW.argtypes = [ctypes.POINTER(ShellExecuteInfo)]
    shell32.ShellExecuteExW.restype = wintypes.BOOL
    kernel32.WaitForSingleObject.argtypes = [wintypes.HANDLE, wintypes.DWORD]
    kernel32.WaitForSingleObject.restype = wintypes.DWORD
    kernel32.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
    kernel32.GetExitCodeProcess.restype = wintypes.BOOL
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    ole32.CoInitializeEx.argtypes = [ctypes.c_void_p, wintypes.DWORD]
    ole32.CoInitializeEx.restype = ctypes.c_long  # HRESULT
    ole32.CoUninitialize.argtypes = []
    ole32.CoUninitialize.restype = None

    class Calls:
        def co_initialize(self, flags: int) -> int:
            return int(ole32.CoInitializeEx(None, flags))

        def co_uninitialize(self) -> None:
            ole32.CoUninitialize()

        def shell_execute(self, program: str, parameters: str, owner: int) -> tuple[bool, int, int]:
            info = ShellExecuteInfo()
            info.cbSize = ctypes.sizeof(info)
            info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI
            info.hwnd = owner or None
            info.lpVerb = "runas"
            info.lpFile = program
            info.lpParameters = parameters
            info.nShow = SW_HIDE
            started = bool(shell32.ShellExecuteExW(ctypes.byref(info)))
            error = 0 if started else ctypes.get_last_error()
            return started, int(info.hProcess or 0), error

        def wait(self, process: int, timeout_ms: int) -> tuple[int, int]:
            waited = int(kernel32.WaitForSingleObject(process, timeout_ms))
            return waited, ctypes.get_last_error() if waited == WAIT_FAILED else 0

        def exit_code(self, process: int) -> tuple[bool, int, int]:
            code = wintypes.DWORD()
            got = bool(kernel32.GetExitCodeProcess(process, ctypes.byref(code)))
            return got, int(code.value), 0 if got else ctypes.get_last_error()

        def close(self, process: int) -> None:
            kernel32.CloseHandle(process)

    return Calls()
