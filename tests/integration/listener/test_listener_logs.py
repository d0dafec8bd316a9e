"""The GUI's listener process writes listener.log alone; its stderr goes to listener-crash.log."""

import sys
from pathlib import Path

import pytest
from listener_support import ROOMY_PROCESS

from timetracker_desktop.app import AppContext, start_listener
from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.logging_setup import LISTENER_CRASH_FILE_NAME, ProcessLog
from timetracker_desktop.paths import DATA_DIR_ENV

CRASHING_CHILD = "import sys; sys.stderr.write('Fatal Python error: before logging\\n'); sys.exit(3)"


def _ignore(*_: object) -> None:
    pass


@pytest.fixture
def logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The log folder of a data root that the child inherits through its environment."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "root"))
    return tmp_path / "root" / "logs"


def test_the_listener_process_writes_listener_log_and_nothing_else(
    real_time_context: AppContext, logs: Path
) -> None:
    process = start_listener(real_time_context, "127.0.0.1", 0, _ignore, _ignore, ROOMY_PROCESS)
    process.stop()
    assert sorted(p.name for p in logs.iterdir()) == sorted([ProcessLog.LISTENER, LISTENER_CRASH_FILE_NAME])
    text = (logs / ProcessLog.LISTENER).read_text("utf-8")
    assert f"listener serving on 127.0.0.1:{process.port}" in text
    assert "listener process stopped" in text
    assert (logs / LISTENER_CRASH_FILE_NAME).read_text("utf-8") == ""  # a clean run says nothing there


def test_what_the_child_says_on_stderr_goes_to_the_crash_file(
    real_time_context: AppContext, logs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "timetracker_desktop.listener.child.process.child_command",
        lambda: [sys.executable, "-c", CRASHING_CHILD],
    )
    for _ in range(2):  # appended, not replaced, at every start
        with pytest.raises(DomainError, match=r"listener-crash\.log") as failed:
            start_listener(real_time_context, "127.0.0.1", 0, _ignore, _ignore, ROOMY_PROCESS)
        assert failed.value.code.value == "listener_failed"
    crash = (logs / LISTENER_CRASH_FILE_NAME).read_text("utf-8")
    assert crash == "Fatal Python error: before logging\n" * 2
    assert not (logs / ProcessLog.LISTENER).exists()
