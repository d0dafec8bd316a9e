"""Free disk space of a folder (the nearest existing parent when it does not exist yet)."""

import shutil
from pathlib import Path


def free_space(folder: Path) -> int | None:
    """Free bytes on the folder's disk; None when it cannot be told."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None
    return None
