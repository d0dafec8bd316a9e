#!/usr/bin/env bash
# Builds the one-folder app into dist/timetracker-desktop/ (Linux): bash packaging/build.sh [--workpath DIR --distpath DIR]
# Needs the venv with the test extra (PyInstaller is pinned there). Windows: packaging/build.ps1, then Inno Setup.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" -m timetracker_desktop.gui.shell.build_resources  # .qm catalogs and gui/resources_rc.py (gitignored)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN "$@" packaging/timetracker-desktop.spec
