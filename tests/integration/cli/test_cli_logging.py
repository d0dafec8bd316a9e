"""Every command (and the GUI, started by the same entry point) logs to the rotating file, secrets masked."""

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from timetracker_desktop.cli import main
from timetracker_desktop.logging_setup import LOG_FILE_NAME, close_logging


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user log folder inside the test's folder; the handlers are closed afterwards."""
    folder = tmp_path / "logs"
    monkeypatch.setattr("timetracker_desktop.logging_setup.log_dir", lambda: folder)
    yield folder
    close_logging()


def test_a_command_writes_the_log_file(log_folder: Path, tmp_path: Path) -> None:
    database = tmp_path / "new.db"
    assert main(["--db", f"sqlite:///{database}", "backup-schedule"]) == 0
    logging.getLogger("timetracker_desktop.test").info("connecting to mysql://tt:s3cret@db/tt")
    text = (log_folder / LOG_FILE_NAME).read_text("utf-8")
    assert "database migrated" in text  # INFO reaches the file
    assert "mysql://tt:***@db/tt" in text
    assert "s3cret" not in text
