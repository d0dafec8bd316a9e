"""The installation's backup key: made once, kept, private, and never silently replaced when damaged."""

import stat
from pathlib import Path

import pytest

from timetracker_desktop.services.backup.key import KEY_BYTES, KEY_FILE_NAME, BackupKeyError, installation_key


def test_the_key_is_made_once_and_then_read_back(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = installation_key(folder)
    assert len(first) == KEY_BYTES
    assert installation_key(folder) == first
    assert installation_key(tmp_path / "other-pc") != first
    assert stat.S_IMODE((folder / KEY_FILE_NAME).stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == [KEY_FILE_NAME]  # no draft left behind


def test_a_damaged_key_file_is_an_error_not_a_new_key(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE_NAME).write_text("not hex\n", encoding="ascii")
    with pytest.raises(BackupKeyError, match="damaged"):
        installation_key(tmp_path)
    assert (tmp_path / KEY_FILE_NAME).read_text(encoding="ascii") == "not hex\n"
