"""One GUI per user and data folder: a second start asks the running one to come to the front and exits 0."""

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.shell.single_instance import SingleInstance, instance_name

from .programs import ROOT, logged, program_env, stop

pytestmark = pytest.mark.gui
HOLDER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from timetracker_desktop.gui.shell.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(Path(sys.argv[1]), name=sys.argv[2])
print("claimed" if instance.claim() else "refused", flush=True)
sys.stdin.read()  # until killed
"""
ACTIVATED = "another start of the program asked this one to come to the front"


@pytest.fixture
def name() -> str:
    """A name of this test only (the local server's name is machine-wide)."""
    return f"TimeTrackerDesktop-test-{uuid.uuid4().hex[:12]}"


def test_names_differ_by_user_and_by_data_folder(tmp_path: Path) -> None:
    one, other = tmp_path / "one", tmp_path / "other"
    one.mkdir()
    other.mkdir()
    assert instance_name(one, "olena") == instance_name(one, "olena")
    assert instance_name(one, "olena") != instance_name(one, "petro")
    assert instance_name(one, "olena") != instance_name(other, "olena")
    assert instance_name(one).startswith("TimeTrackerDesktop-")


def test_the_second_asks_the_first_to_come_to_the_front(qtbot: QtBot, tmp_path: Path, name: str) -> None:
    first = SingleInstance(tmp_path, name=name)
    assert first.claim()
    second = SingleInstance(tmp_path, name=name)
    assert not second.claim()
    assert second.running_pid() == os.getpid()
    with qtbot.waitSignal(first.activate_requested, timeout=5_000):
        assert second.ask_running_to_activate()
    first.release()
    assert second.claim()  # the first has quit: the next start runs
    second.release()


def test_nobody_answering_gives_up(tmp_path: Path, name: str) -> None:
    assert not SingleInstance(tmp_path, name=name).ask_running_to_activate(within_ms=300)


def test_a_lock_left_by_a_killed_program_is_taken_over(tmp_path: Path, name: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path), name],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    ) as holder:  # fmt: skip
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "claimed"
        assert not SingleInstance(tmp_path, name=name).claim()  # alive: it runs
        holder.kill()  # a crash (TerminateProcess on Windows): no unlock, the lock file stays behind
        holder.wait(10)
    assert (tmp_path / f"{name}.lock").exists()
    taker = SingleInstance(tmp_path, name=name)
    assert taker.claim()
    taker.release()


@pytest.fixture
def gui_env(tmp_path: Path) -> dict[str, str]:
    """The real program's environment: offscreen, folders of this test."""
    return program_env(tmp_path / "home", "offscreen")


@pytest.fixture
def first_gui(gui_env: dict[str, str], tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``python -m timetracker_desktop`` running (at its first-run wizard: no database yet)."""
    output = (tmp_path / "first.out").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "timetracker_desktop"], env=gui_env, cwd=ROOT, stdout=output, stderr=output
    )
    yield process
    stop(process)
    output.close()


def test_a_second_start_of_the_program_exits_and_the_first_comes_forward(
    first_gui: subprocess.Popen[bytes], gui_env: dict[str, str], tmp_path: Path
) -> None:
    data = Path(gui_env["XDG_DATA_HOME"]) / "TimeTracker Desktop"
    deadline = time.monotonic() + 90
    while not list(data.glob("TimeTrackerDesktop-*.lock")):
        assert first_gui.poll() is None, (tmp_path / "first.out").read_text()
        assert time.monotonic() < deadline, "the first program did not take its lock"
        time.sleep(0.25)
    started = time.monotonic()
    second = subprocess.run(
        [sys.executable, "-m", "timetracker_desktop"],
        env=gui_env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    took = time.monotonic() - started
    assert second.returncode == 0, second.stderr
    assert took < 30, f"the second start took {took:.1f} s"  # imports only: no database, no window
    home = tmp_path / "home"
    deadline = time.monotonic() + 30
    while not logged(home, ACTIVATED):
        assert time.monotonic() < deadline, "the first program never heard the second"
        time.sleep(0.25)
    assert first_gui.poll() is None  # still running
