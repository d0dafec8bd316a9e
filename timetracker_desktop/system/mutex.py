"""The Windows named mutex that tells the installer this program runs (Inno Setup's ``AppMutex``)."""

import logging
import sys

log = logging.getLogger(__name__)
MUTEX_NAME = "TimeTrackerDesktop.Running"
GLOBAL_MUTEX_NAME = "Global\\TimeTrackerDesktop.Running"
NAMES = (MUTEX_NAME, GLOBAL_MUTEX_NAME)


class RunningMutex:
    """The mutex handles this process holds (none off Windows); keep the object until the process ends.

    Args:
        handles: Windows handles from ``CreateMutexW``, closed by ``release``.
    """

    def __init__(self, handles: list[int]) -> None:
        self.handles = handles

    def release(self) -> None:
        """Close the handles (Windows closes them at exit anyway; for tests and an orderly shutdown)."""
        handles, self.handles = self.handles, []
        for handle in handles:
            _close_handle(handle)


def hold_running_mutex() -> RunningMutex:
    """Create (or open) ``TimeTrackerDesktop.Running`` and its ``Global\\`` twin; a no-op off Windows.

    The installer refuses to replace files while either exists. The session name covers a GUI in the
    installing user's session; the global one a GUI in another user's session (fast user switching). The
    service does not hold it: setup checks AppMutex before its code runs, so a service holding it would block
    every upgrade; setup stops the service itself (PrepareToInstall). A name that cannot be created is logged
    and skipped: the mutex exists either way, which is all the installer checks.
    """
    if sys.platform != "win32":
        return RunningMutex([])
    handles: list[int] = []
    for name in NAMES:
        handle = _create_mutex(name)
        if handle:
            handles.append(handle)
        else:
            log.info("the mutex %s could not be created (it may exist under another account)", name)
    return RunningMutex(handles)


def _create_mutex(name: str) -> int:
    """``CreateMutexW(NULL, FALSE, name)``: a handle, or 0 on failure (an existing mutex opens fine)."""
    if sys.platform != "win32":
        return 0
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    create = kernel32.CreateMutexW
    create.argtypes = (ctypes.c_void_p, wintypes.BOOL, wintypes.LPCWSTR)
    create.restype = wintypes.HANDLE
    return int(create(None, False, name) or 0)


def _close_handle(handle: int) -> None:
    if sys.platform != "win32":
        return
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    close = kernel32.CloseHandle
    close.argtypes = (wintypes.HANDLE,)
    close.restype = wintypes.BOOL
    close(handle)
