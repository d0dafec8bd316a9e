"""Each kind of process logs to its own rotating file, secrets masked: a command, the GUI, the service."""

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from dbsupport import SqliteTemplate
from ports import free_port

from timetracker_desktop.cli import main
from timetracker_desktop.logging_setup import ProcessLog, close_logging
from timetracker_desktop.paths import DATA_DIR_ENV

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user log folder inside the test's folder; the handlers are closed afterwards."""
    folder = tmp_path / "logs"
    monkeypatch.setattr("timetracker_desktop.logging_setup.log_dir", lambda: folder)
    yield folder
    close_logging()


@pytest.fixture
def data_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data root named by TIMETRACKER_DATA_DIR; undone (and the handlers closed) afterwards."""
    root = tmp_path / "root"
    monkeypatch.setenv(DATA_DIR_ENV, str(root))
    yield root
    close_logging()


def test_a_command_writes_the_cli_log_file(log_folder: Path, tmp_path: Path) -> None:
    database = tmp_path / "new.db"
    assert main(["--db", f"sqlite:///{database}", "backup-schedule"]) == 0
    logging.getLogger("timetracker_desktop.test").info("connecting to mysql://tt:s3cret@db/tt")
    assert sorted(p.name for p in log_folder.iterdir()) == [ProcessLog.CLI]
    text = (log_folder / ProcessLog.CLI).read_text("utf-8")
    assert "database migrated" in text  # INFO reaches the file
    assert "mysql://tt:***@db/tt" in text
    assert "s3cret" not in text


def test_the_gui_writes_the_gui_log_file(log_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def gui(url: str | None) -> int:
        logging.getLogger("timetracker_desktop.gui.test").info("the window is up")
        return 0

    monkeypatch.setattr("timetracker_desktop.app.run_gui", gui)
    assert main([]) == 0
    assert sorted(p.name for p in log_folder.iterdir()) == [ProcessLog.GUI]
    assert "the window is up" in (log_folder / ProcessLog.GUI).read_text("utf-8")


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_option_puts_database_backups_and_logs_under_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, "")  # undone after the test, as is what --data-dir sets
    root = tmp_path / "office data"
    option = ["--data-dir", str(root)]
    try:
        command = ["backup"]
        assert main([*option, *command] if where == "before" else [*command, *option]) == 0
    finally:
        close_logging()
    assert os.environ[DATA_DIR_ENV] == str(root)  # the listener process the GUI starts inherits it
    assert (root / "timetracker.db").is_file()
    assert (root / "backup-signing.key").is_file()
    assert [p.parent for p in root.rglob("*.zip")] == [root / "backups"]
    assert (root / "logs" / ProcessLog.CLI).is_file()
    assert str(root / "backups") in capsys.readouterr().out


# `serve --as-service` in a child process; once /health answers it sends itself SIGINT.
SERVICE_SCRIPT = """
import json, os, signal, sys, threading, time, urllib.request
from timetracker_desktop.cli import main

def stop_when_healthy(port):
    for _ in range(500):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).close()
            break
        except OSError:
            time.sleep(0.02)
    os.kill(os.getpid(), signal.SIGINT)

port = sys.argv[2]
threading.Thread(target=stop_when_healthy, args=(port,), daemon=True).start()
sys.exit(main(["--db", sys.argv[1], "serve", "--as-service", "--host", "127.0.0.1", "--port", port]))
"""


def test_serve_as_a_service_writes_the_service_log_under_the_data_root(
    sqlite_template: SqliteTemplate, tmp_path: Path
) -> None:
    root = tmp_path / "ProgramData-TimeTracker"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env[DATA_DIR_ENV] = str(root)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    port = free_port()
    done = subprocess.run(
        [sys.executable, "-c", SERVICE_SCRIPT, sqlite_template.fresh_url(tmp_path), str(port)],
        capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (root / "logs").iterdir()) == [ProcessLog.SERVICE]
    text = (root / "logs" / ProcessLog.SERVICE).read_text("utf-8")
    assert "Started server process" in text
    assert "listener stopped by signal" in text


def test_a_data_dir_that_cannot_be_made_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, "")
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", "utf-8")
    assert main(["--data-dir", str(blocker / "data"), "user", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot use the data folder {blocker / 'data'}: ")
    assert err.rstrip().endswith("(--data-dir or TIMETRACKER_DATA_DIR)")


def test_the_windowed_program_says_it_in_a_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Double-clicked with an unusable data folder, the GUI has no console: the reason appears in a window."""
    monkeypatch.setenv(DATA_DIR_ENV, "")
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", "utf-8")
    shown: list[str] = []

    def show(problem: str) -> int:
        shown.append(problem)
        return 2

    monkeypatch.setattr("timetracker_desktop.app.show_startup_problem", show)
    monkeypatch.setattr(sys, "stderr", None)  # pythonw / the frozen windowed build
    assert main(["--data-dir", str(blocker / "data")]) == 2
    assert len(shown) == 1
    assert shown[0].startswith(f"cannot use the data folder {blocker / 'data'}: ")
    monkeypatch.undo()
    assert capsys.readouterr().err == ""
