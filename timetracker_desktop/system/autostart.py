"""Start at sign-in for the signed-in user: the ``HKCU\\...\\Run`` value and Task Manager's approval of it."""

import sys
from pathlib import Path

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Task Manager's Startup tab records "Disabled" here, under the same name as the Run value: a REG_BINARY
# whose first byte is even (02, 06) when enabled and odd (03, 07) when disabled; no value means enabled.
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
VALUE_NAME = "TimeTracker Desktop"
GUI_EXE = "timetracker-desktop-gui.exe"


def command_line() -> str | None:
    """What Windows should run at sign-in, quoted; None where autostart is not offered.

    Offered only on Windows in the installed (frozen) program: the windowed GUI executable beside the
    running one (so that a GUI started from the console executable does not start a console at sign-in).
    From source there is no stable command (the virtual environment, ``PYTHONPATH`` and folder vary), so
    the check box is hidden there.
    """
    if sys.platform != "win32" or not getattr(sys, "frozen", False):
        return None
    running = Path(sys.executable)
    gui = running.with_name(GUI_EXE)
    return f'"{gui if gui.is_file() else running}"'


def registered_command() -> str | None:
    """The command in the Run key under our name, or None when absent (or off Windows)."""
    if sys.platform != "win32":
        return None
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            value, _kind = winreg.QueryValueEx(key, VALUE_NAME)
    except FileNotFoundError:
        return None
    return str(value)


def disabled_in_task_manager() -> bool:
    """Whether Task Manager's Startup tab says "Disabled" for our Run value (Windows then skips it)."""
    if sys.platform != "win32":
        return False
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, APPROVED_KEY) as key:
            value, _kind = winreg.QueryValueEx(key, VALUE_NAME)
    except FileNotFoundError:
        return False
    return isinstance(value, bytes | bytearray) and len(value) > 0 and bool(value[0] & 1)


def starts_at_sign_in() -> bool:
    """Whether Windows starts the program at sign-in: our Run value, not disabled by Task Manager."""
    return registered_command() is not None and not disabled_in_task_manager()


def enable(command: str) -> None:
    """Write the Run value (creating the key if a fresh profile lacks it) and clear a "Disabled" of Task
    Manager; OSError when refused."""
    if sys.platform != "win32":
        return
    import winreg

    with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
        winreg.SetValueEx(key, VALUE_NAME, 0, winreg.REG_SZ, command)
    _forget_approval()


def _delete_our_value(key_path: str) -> None:
    """Delete our value under HKCU ``key_path``; an absent key or value is already what we want."""
    if sys.platform != "win32":
        return
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path, 0, winreg.KEY_SET_VALUE) as key:
            winreg.DeleteValue(key, VALUE_NAME)
    except FileNotFoundError:
        return


def _forget_approval() -> None:
    """Delete Task Manager's record of our Run value (a missing record means enabled)."""
    _delete_our_value(APPROVED_KEY)


def disable() -> None:
    """Remove the Run value; nothing to do when it is absent. OSError when refused."""
    _delete_our_value(RUN_KEY)
    _forget_approval()  # no stale "Disabled" left for a later enable by hand
