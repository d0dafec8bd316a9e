"""A private Wine prefix that compiles Inno Setup scripts and runs setups silently (the installer lab)."""

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ISCC_ENV = "TT_ISCC"
INNOSETUP_ENV = "TT_INNOSETUP_DIR"


def iscc_path() -> Path:
    """Where .ci/install-system puts Inno Setup's compiler (TT_ISCC names another one)."""
    if os.environ.get(ISCC_ENV):
        return Path(os.environ[ISCC_ENV])
    folder = Path(os.environ.get(INNOSETUP_ENV) or Path.home() / ".cache" / "timetracker-innosetup")
    return folder / "node_modules" / "innosetup" / "bin" / "ISCC.exe"


def require_lab() -> Path:
    """ISCC.exe; skip (locally) or fail (CI) when Wine, Xvfb or Inno Setup are missing."""
    missing = [tool for tool in ("wine", "wineserver", "Xvfb") if shutil.which(tool) is None]
    iscc = iscc_path()
    if not iscc.is_file():
        missing.append(str(iscc))
    if missing:
        message = f"installer lab: missing {', '.join(missing)}: run .ci/install-system"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return iscc


def windows_path(path: Path) -> str:
    """The path as Wine's programs see it (drive Z: is the Unix root)."""
    return "Z:" + str(path).replace("/", "\\")


class WinePrefix:
    """One Wine prefix (created once, about 20-60 s) on a private X display."""

    def __init__(self, prefix: Path, display: str) -> None:
        self.prefix = prefix
        # No Mono or Gecko install prompts; no debug chatter. Output always goes to pipes: Inno Setup's wizard
        # fails to load under Wine ("Error reading FPreparingMemo") when its stdout is a regular file.
        self.env = {
            **os.environ,
            "WINEPREFIX": str(prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
            "DISPLAY": display,
        }
        self.env.pop("WINEARCH", None)

    @property
    def drive_c(self) -> Path:
        """The prefix's C: drive."""
        return self.prefix / "drive_c"

    def create(self) -> None:
        """Make the prefix and wait until Wine has settled."""
        self.wine("wineboot", "--init", timeout=300)
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=300, check=False)
        assert (self.drive_c / "windows" / "system32").is_dir(), "wineboot made no prefix"

    def wine(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        """Run a Windows program (its output captured through pipes)."""
        return subprocess.run(
            ["wine", *args],
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )

    def stop(self) -> None:
        """End this prefix's wineserver and every Windows process of it."""
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=60, check=False)

    def local_appdata(self) -> Path:
        """The Wine user's %LOCALAPPDATA%."""
        users = [p for p in (self.drive_c / "users").iterdir() if p.name != "Public"]
        assert len(users) == 1, users
        return users[0] / "AppData" / "Local"


def wait_for_log_end(log: Path, timeout: float = 300) -> str:
    """The text of an Inno Setup log once it is closed (the uninstaller runs on from a temporary copy)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists():
            text = log.read_text(encoding="utf-8", errors="replace")
            if "Log closed." in text:
                return text
        time.sleep(0.5)
    raise AssertionError(f"{log} was not closed within {timeout} s")
