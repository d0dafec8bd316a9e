"""Letting the running window come to the front when a second start asks it to (Windows' focus rules)."""

import sys

ASFW_ANY = 0xFFFFFFFF  # any process may take the foreground (when the exact process id is unknown)


def allow_set_foreground_window(pid: int | None) -> bool:
    """Pass this process's right to take the foreground to ``pid`` (any process when None); True if done.

    Windows lets only the process the user just started (or clicked) bring a window to the front; without
    this the running window's ``activateWindow`` merely flashes its taskbar button. False off Windows.
    """
    if sys.platform != "win32":
        return False
    return _allow(ASFW_ANY if pid is None else pid)


def _allow(pid: int) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.WinDLL("user32", use_last_error=True)
    allow = user32.AllowSetForegroundWindow
    allow.argtypes = (wintypes.DWORD,)
    allow.restype = wintypes.BOOL
    return bool(allow(pid))
