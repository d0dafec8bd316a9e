"""Finds the TrueType fonts of reports (DejaVu Sans has Cyrillic): bundled copies first, then the system."""

import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from timetracker_desktop.domain.errors import DomainError, ErrorCode

REGULAR = "DejaVuSans.ttf"
BOLD = "DejaVuSans-Bold.ttf"
LICENSE = "LICENSE.txt"
FAMILY = "DejaVu Sans"
BUNDLED = (REGULAR, BOLD, LICENSE)  # what every build must ship: Windows has no DejaVu of its own
PACKAGE_FOLDER = "fonts"  # timetracker_desktop/fonts/: package data of the wheel and the PyInstaller build


def system_folders() -> tuple[Path, ...]:
    """Common places of DejaVu fonts on Linux, macOS and Windows."""
    home = Path.home()
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return (
        Path("/usr/share/fonts/truetype/dejavu"),
        Path("/usr/share/fonts/dejavu"),
        Path("/usr/share/fonts/TTF"),
        Path("/usr/share/fonts/dejavu-sans-fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
        Path("/Library/Fonts"),
        home / "Library/Fonts",
        windows,
        home / "AppData/Local/Microsoft/Windows/Fonts",
    )


class FontNotFoundError(DomainError):
    """No usable font file: PDFs cannot print Cyrillic without one."""

    def __init__(self, name: str, searched: Sequence[str]) -> None:
        super().__init__(
            f"font {name} not found; install DejaVu fonts (e.g. fonts-dejavu-core) or put {name} into "
            f"the application's fonts folder. Looked in: {'; '.join(searched)}",
            ErrorCode.FONT_NOT_FOUND,
            None,
            {"font": name},
        )


class MissingBundledFontsError(RuntimeError):
    """A build without the bundled fonts would fail every PDF export on Windows; the build stops instead."""


def require_bundled(folder: Path) -> Path:
    """``folder`` if it holds every bundled font file (and the licence); raises MissingBundledFontsError."""
    missing = [name for name in BUNDLED if not (folder / name).is_file()]
    if missing:
        raise MissingBundledFontsError(
            f"{folder} lacks {', '.join(missing)}: PDF exports would fail on Windows. Copy them from "
            "Debian's fonts-dejavu-core (/usr/share/fonts/truetype/dejavu/ and its copyright as LICENSE.txt)."
        )
    return folder


def _packaged(name: str) -> Path | None:
    candidate = resources.files("timetracker_desktop").joinpath(PACKAGE_FOLDER, name)
    return Path(str(candidate)) if candidate.is_file() else None


def find_font(name: str, folders: Sequence[Path] | None = None) -> Path:
    """The path of a font file: package resources first, then ``folders`` (default: the system's)."""
    packaged = _packaged(name)
    if packaged is not None:
        return packaged
    searched = [f"package:{PACKAGE_FOLDER}"]
    for folder in system_folders() if folders is None else folders:
        candidate = folder / name
        if candidate.is_file():
            return candidate
        searched.append(str(folder))
    raise FontNotFoundError(name, searched)
