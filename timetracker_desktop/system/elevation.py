"""Running a program as administrator: ShellExecuteExW with the "runas" verb (a UAC prompt), then waiting."""

import sys

ERROR_CANCELLED = 1223  # the user answered No at the UAC prompt
SEE_MASK_NOCLOSEPROCESS = 0x00000040
SEE_MASK_NOASYNC = 0x00000100
SEE_MASK_FLAG_NO_UI = 0x00000400
SW_HIDE = 0
WAIT_TIMEOUT = 0x00000102


class ElevationCancelledError(OSError):
    """The user (or policy) refused the administrator's approval: nothing was run."""


def run_elevated(program: str, parameters: str, timeout_s: float = 300.0, owner: int = 0) -> int:
    """Run ``program parameters`` as administrator, hidden, and wait for it; returns its exit code.

    Blocks while the UAC prompt is open: call it off the GUI thread. Raises ``ElevationCancelledError``
    when the prompt is refused, ``TimeoutError`` when the program does not end in time, and ``OSError``
    elsewhere than Windows.
    """
    return _shell_execute_and_wait(program, parameters, int(timeout_s * 1000))


def _shell_execute_and_wait(
    program: str, parameters: str, timeout_ms: int
) -> int:  # pragma: no cover - Windows
    if sys.platform != "win32":
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
    shell32.ShellExecuteExW.argtypes = [ctypes.POINTER(ShellExecuteInfo)]
    shell32.ShellExecuteExW.restype = wintypes.BOOL
    kernel32.WaitForSingleObject.argtypes = [wintypes.HANDLE, wintypes.DWORD]
    kernel32.WaitForSingleObject.restype = wintypes.DWORD
    kernel32.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
    kernel32.GetExitCodeProcess.restype = wintypes.BOOL
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    info = ShellExecuteInfo()
    info.cbSize = ctypes.sizeof(info)
    info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI
    info.lpVerb = "runas"
    info.lpFile = program
    info.lpParameters = parameters
    info.nShow = SW_HIDE
    if not shell32.ShellExecuteExW(ctypes.byref(info)):
        code = ctypes.get_last_error()
        if code == ERROR_CANCELLED:
            raise ElevationCancelledError(code, "the administrator's approval was refused")
        raise ctypes.WinError(code)
    if not info.hProcess:
        return 0  # started through DDE: nothing to wait for (not the case for an .exe)
    try:
        if kernel32.WaitForSingleObject(info.hProcess, timeout_ms) == WAIT_TIMEOUT:
            raise TimeoutError(f"{program} did not end in {timeout_ms // 1000} s")
        exit_code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(info.hProcess, ctypes.byref(exit_code)):
            raise ctypes.WinError(ctypes.get_last_error())
        return int(exit_code.value)
    finally:
        kernel32.CloseHandle(info.hProcess)
