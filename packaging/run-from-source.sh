#!/usr/bin/env bash
# Runs TimeTracker Desktop from this checkout on Debian 12: bash packaging/run-from-source.sh [app args...]
# Installs what the app needs (Debian packages, .venv with the app; both idempotent), then starts
# .venv/bin/timetracker-desktop, which handles its own first run. Needs a display (X11 or Wayland).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '%s [run-from-source] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# A physical desk reader needs the system pcscd: do not stop it (only the tests need it stopped).
TT_KEEP_SYSTEM_PCSCD=1 TT_NO_INSTALLER_LAB=1 bash .ci/install-system
bash .ci/install-python

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  cat >&2 <<'MSG'

TimeTracker Desktop is a windowed application and needs a display, but none was found
(DISPLAY and WAYLAND_DISPLAY are not set). Run it from a desktop session, or under a virtual X server (Xvfb):

  xvfb-run -a -s "-screen 0 1280x1024x24" bash packaging/run-from-source.sh

or keep Xvfb running and point the app at it (screenshots with ImageMagick's `import`):

  Xvfb :99 -screen 0 1280x1024x24 -nolisten tcp >/tmp/xvfb.log 2>&1 </dev/null &
  DISPLAY=:99 bash packaging/run-from-source.sh
  DISPLAY=:99 import -window root screenshot.png

MSG
  exit 2
fi

log "starting .venv/bin/timetracker-desktop"
exec .venv/bin/timetracker-desktop "$@"
