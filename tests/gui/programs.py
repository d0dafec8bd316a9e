"""The real program in a subprocess: its environment of private folders, its listener's health, its logs."""

import os
import subprocess
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def program_env(home: Path, platform: str, display: str | None = None) -> dict[str, str]:
    """``python -m timetracker_desktop``'s environment: data, config, state and cache under ``home``, no desk
    reader (other runs' pcscd left alone), no OS keyring, on the Qt ``platform`` (and X ``display``)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(
        QT_QPA_PLATFORM=platform,
        PYTHONPATH=str(ROOT),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        PCSCLITE_CSOCK_NAME=str(home / "no-pcscd"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    if display is not None:
        env["DISPLAY"] = display
    return env


def listener_healthy(port: int) -> bool:
    """The listener on 127.0.0.1:``port`` answers /health."""
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def logged(home: Path, text: str) -> bool:
    """Some log file of the program under ``home`` has ``text``."""
    return any(text in path.read_text(errors="replace") for path in home.rglob("*.log"))


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the program if it still runs: asked first (SIGTERM), killed after 20 s."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
