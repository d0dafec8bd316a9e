"""Free disk space of a folder (the nearest existing parent when it does not exist yet)."""

import shutil
from pathlib import Path


def disk_usage(folder: Path) -> tuple[int, int] | None:
    """Free and total bytes of the folder's disk; None when it cannot be told."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            try:
                usage = shutil.disk_usage(candidate)
            except OSError:
                return None
            return usage.free, usage.total
    return None


def free_space(folder: Path) -> int | None:
    """Free bytes on the folder's disk; None when it cannot be told."""
    usage = disk_usage(folder)
    return usage[0] if usage is not None else None
