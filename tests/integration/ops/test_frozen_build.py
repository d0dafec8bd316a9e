"""The PyInstaller one-folder build, smoke-tested: migrate, serve, the GUI's listener process, GUI start."""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from pdf_fonts import text_fonts
from ports import free_port
from pypdf import PdfReader

from timetracker_desktop.listener.child.link import CHILD_FLAG, ChildConfig, Ready, parse_message
from timetracker_desktop.listener.child.process import child_command

pytestmark = pytest.mark.slow


def _wait_for_health(url: str, process: subprocess.Popen[str]) -> httpx.Response:
    pause = threading.Event()
    for _ in range(300):
        assert process.poll() is None, "serve exited early"
        try:
            return httpx.get(url, timeout=1)
        except httpx.TransportError:
            pause.wait(0.1)
    raise AssertionError("the frozen listener never answered /health")


def test_frozen_app_migrates_a_fresh_database_and_serves_health(frozen_app: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'fresh.db'}"
    upgraded = subprocess.run(
        [str(frozen_app), "db", "upgrade", "--db", db],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert upgraded.returncode == 0, upgraded.stderr
    assert "database at revision" in upgraded.stdout
    port = free_port()
    serve = subprocess.Popen(
        [str(frozen_app), "serve", "--host", "127.0.0.1", "--port", str(port), "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        health = _wait_for_health(f"http://127.0.0.1:{port}/health", serve)
        assert health.status_code == 200
        assert health.json()["status"] == "ok"
    finally:
        serve.send_signal(signal.SIGTERM)
        _out, err = serve.communicate(timeout=20)
    assert serve.returncode == 0, err


def test_frozen_app_ships_dejavu_and_sets_pdfs_in_it(frozen_app: Path, tmp_path: Path) -> None:
    """Windows has no DejaVu: the build carries its own copy (and licence) for PDFs and printing."""
    shipped = {p.name for p in frozen_app.parent.glob("_internal/timetracker_desktop/fonts/*")}
    assert shipped == {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE.txt"}
    db = f"sqlite:///{tmp_path / 'pdf.db'}"
    subprocess.run([str(frozen_app), "db", "upgrade", "--db", db], timeout=60, check=True)
    out = tmp_path / "табель.pdf"
    period = ["--from", "2026-03-01", "--to", "2026-03-31"]
    command = [str(frozen_app), "report", "--kind", "timesheet", *period, "--out", str(out), "--db", db]
    exported = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert exported.returncode == 0, exported.stderr
    reader = PdfReader(out)
    assert "Табель обліку робочого часу" in reader.pages[0].extract_text()
    assert text_fonts(reader) == {"DejaVuSans", "DejaVuSans-Bold"}


def test_frozen_gui_starts_offscreen(frozen_app: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    gui = subprocess.Popen(
        [str(frozen_app), "--db", f"sqlite:///{tmp_path / 'gui.db'}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            gui.wait(timeout=6)  # no flag to quit after the main window yet: alive after 6 s is the check
    finally:
        gui.terminate()
        _out, err = gui.communicate(timeout=20)
    assert "Traceback" not in err


def test_frozen_app_runs_the_guis_listener_process(
    frozen_app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 'child.db'}"
    upgraded = subprocess.run([str(frozen_app), "db", "upgrade", "--db", db], timeout=60, check=False)
    assert upgraded.returncode == 0
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as inside the frozen GUI program
    monkeypatch.setattr(sys, "executable", str(frozen_app.with_name("timetracker-desktop-gui")))
    command = child_command()
    assert command == [str(frozen_app), CHILD_FLAG]  # the console program beside the GUI one
    monkeypatch.undo()
    child = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    guard = threading.Timer(60, child.kill)  # a child that never answers must not hang the suite
    guard.start()
    try:
        child.stdin.write(ChildConfig(db, "127.0.0.1", 0).to_line())
        child.stdin.flush()
        ready = parse_message(child.stdout.readline())
        assert isinstance(ready, Ready)
        assert httpx.get(f"http://127.0.0.1:{ready.port}/health", timeout=5).status_code == 200
    finally:
        child.stdin.close()  # the GUI's way to stop it
        child.wait(timeout=20)
        guard.cancel()
        child.stdout.close()
    assert child.stderr is not None
    with child.stderr:
        assert child.returncode == 0, child.stderr.read()
