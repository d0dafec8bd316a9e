"""Builds the generated resources: lrelease the catalog, copy qtbase_uk.qm, rcc into gui/resources_rc.py.

A clean clone has neither the .qm files nor ``resources_rc.py`` (both gitignored). ``shell.py`` calls
``ensure_built()`` at start-up, which rebuilds when the output is missing or older than any resource, so
the run command and CI need no extra step.
By hand: ``python -m timetracker_desktop.gui.shell.build_resources``.
"""

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[3]
RESOURCES = ROOT / "resources"
QRC = RESOURCES / "resources.qrc"
CATALOGS = RESOURCES / "i18n"
OUTPUT = Path(__file__).resolve().parents[1] / "resources_rc.py"
QT_TRANSLATIONS = Path(PySide6.__file__).parent / "Qt" / "translations"
QT_CATALOGS = ("qtbase_uk.qm",)


def _tool(name: str, *args: str) -> None:
    """Run a PySide6 tool (rcc, lrelease) through its Python wrapper, as the pyside6-* scripts do."""
    code = f"import sys; from PySide6.scripts import pyside_tool as t; sys.argv[0] = '{name}'; t.{name}()"
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)  # noqa: S603 - our own interpreter and arguments, no user input
    if result.returncode != 0:
        raise RuntimeError(f"pyside6-{name} failed: {result.stderr or result.stdout}")


def _inputs() -> list[Path]:
    return [p for p in RESOURCES.rglob("*") if p.is_file() and p.suffix != ".qm"]


def is_stale() -> bool:
    """True when the generated module is missing or older than a resource file."""
    if not OUTPUT.exists():
        return True
    built = OUTPUT.stat().st_mtime
    return any(p.stat().st_mtime > built for p in _inputs())


def build() -> Path:
    """Compile the catalogs and the resource file; returns the generated module's path."""
    for catalog in CATALOGS.glob("*.ts"):
        _tool("lrelease", "-silent", str(catalog), "-qm", str(catalog.with_suffix(".qm")))
    for name in QT_CATALOGS:
        shutil.copyfile(QT_TRANSLATIONS / name, CATALOGS / name)
    partial = OUTPUT.with_suffix(".tmp")
    _tool("rcc", "-g", "python", str(QRC), "-o", str(partial))
    os.replace(partial, OUTPUT)
    log.info("resources built into %s", OUTPUT)
    return OUTPUT


def ensure_built() -> None:
    """Build when running from a source tree and the generated module is missing or stale."""
    if getattr(sys, "frozen", False) or not QRC.exists():
        return  # a frozen build ships resources_rc.py already
    if is_stale():
        build()


if __name__ == "__main__":
    print(build())
