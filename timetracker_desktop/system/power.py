"""Keeping Windows awake while the listener serves: ``SetThreadExecutionState`` on the serving thread.

The request belongs to the calling THREAD: Windows drops it when that thread ends, and ``release`` must be
called on the same thread. So ``keep_awake`` is called on a thread that lives exactly as long as the listener
(the listener process's main thread; ``serve``'s main thread), never on a pool or short-lived thread. The
display may still turn off; only sleep is held back. Elsewhere than Windows both calls do nothing.
"""

import logging
import sys
from typing import Any

log = logging.getLogger(__name__)
ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001


def _kernel32() -> Any:
    import ctypes

    if sys.platform == "win32":
        return ctypes.WinDLL("kernel32", use_last_error=True)
    raise OSError("kernel32 exists only on Windows")


def _set_thread_execution_state(flags: int) -> int:
    """The API call itself (replaced in tests); returns the previous state, 0 on failure."""
    import ctypes

    function = _kernel32().SetThreadExecutionState
    function.restype = ctypes.c_uint32
    function.argtypes = [ctypes.c_uint32]
    return int(function(flags))


def keep_awake() -> bool:
    """Hold back sleep until ``release`` on this thread, or until this thread ends; True if Windows agreed."""
    if sys.platform != "win32":
        return False
    try:
        agreed = _set_thread_execution_state(ES_CONTINUOUS | ES_SYSTEM_REQUIRED) != 0
    except OSError as error:
        log.warning("cannot keep the PC awake: %s", error)
        return False
    if agreed:
        log.info("the PC is kept awake while the listener runs")
    else:
        log.warning("Windows refused to keep the PC awake (SetThreadExecutionState failed)")
    return agreed


def release() -> None:
    """Let the PC sleep again (call on the thread that called ``keep_awake``)."""
    if sys.platform != "win32":
        return
    try:
        _set_thread_execution_state(ES_CONTINUOUS)
    except OSError as error:
        log.warning("cannot release the keep-awake request: %s", error)
