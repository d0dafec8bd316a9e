"""Whether a file path is on a network share: UNC paths anywhere, mapped network drives on Windows."""

import ntpath
import os
import sys

DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive (net use Z: \\server\share, or mapped in Explorer)


def is_unc_path(path: str) -> bool:
    """``\\\\server\\share\\...``, ``//server/share/...`` or ``\\\\?\\UNC\\server\\...`` (on every system)."""
    slashed = path.replace("\\", "/")
    if not slashed.startswith("//"):
        return False
    if slashed[2:4] in ("?/", "./"):  # \\?\C:\... is a local path written long; \\?\UNC\... is a share
        return slashed[4:8].upper() == "UNC/"
    return True


def is_network_path(path: str) -> bool:
    """A UNC path, or (on Windows) a path on a drive letter that Windows reports as a network drive.

    A path without a drive letter is on the drive of the current folder.
    """
    if is_unc_path(path):
        return True
    if sys.platform != "win32":
        return False
    drive = ntpath.splitdrive(_long_form_stripped(path))[0] or ntpath.splitdrive(os.getcwd())[0]
    if len(drive) != 2 or drive[1] != ":":
        return is_unc_path(drive)
    return _drive_type(drive.upper() + "\\") == DRIVE_REMOTE


def _long_form_stripped(path: str) -> str:
    return path[4:] if path.replace("\\", "/").startswith(("//?/", "//./")) else path


def _drive_type(root: str) -> int:
    """GetDriveTypeW of a drive root such as ``Z:\\`` (Windows only; tests replace this function)."""
    import ctypes

    windll = getattr(ctypes, "windll")  # noqa: B009 - only Windows' ctypes has it
    return int(windll.kernel32.GetDriveTypeW(root))
