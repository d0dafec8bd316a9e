"""The data root (TIMETRACKER_DATA_DIR, --data-dir, a service's ProgramData); SQLite on network shares."""

import argparse
import os
import sys
from pathlib import Path

import pytest

from timetracker_desktop.cli import choose_data_root
from timetracker_desktop.domain.errors import ErrorCode, ValidationError
from timetracker_desktop.logging_setup import ProcessLog
from timetracker_desktop.paths import (
    DATA_DIR_ENV,
    data_dir,
    data_root,
    default_database_url,
    log_dir,
    service_data_root,
    use_service_data_root,
)
from timetracker_desktop.repositories.sql.urls import check_database_url
from timetracker_desktop.system import drives

DRIVE_FIXED = 3


@pytest.fixture(autouse=True)
def no_data_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """No root set; whatever the code under test sets is undone after the test."""
    monkeypatch.setenv(DATA_DIR_ENV, "")


@pytest.fixture
def drive_types(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Windows with fake GetDriveTypeW answers (drive root -> type); unknown roots are local disks."""
    answers: dict[str, int] = {"Z:\\": drives.DRIVE_REMOTE}
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return answers.get(root, DRIVE_FIXED)

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(drives, "_drive_type", drive_type)
    answers["asked"] = asked  # type: ignore[assignment]
    return answers


def test_without_a_root_the_per_user_folders_are_used(tmp_path: Path) -> None:
    assert data_root() is None
    assert tmp_path not in data_dir().parents
    assert "TimeTracker" in str(data_dir())


def test_the_root_holds_the_database_backups_key_and_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "shared data"
    monkeypatch.setenv(DATA_DIR_ENV, str(root))
    assert data_dir() == root
    assert log_dir() == root / "logs"
    assert (root / "logs").is_dir()
    assert default_database_url() == f"sqlite:///{(root / 'timetracker.db').as_posix()}"


def test_the_service_uses_programdata_on_windows_and_never_the_system_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", str(tmp_path / "ProgramData"))
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Windows\System32\config\systemprofile\AppData\Local")
    assert service_data_root() == tmp_path / "ProgramData" / "TimeTracker"
    assert use_service_data_root() == tmp_path / "ProgramData" / "TimeTracker"
    assert data_dir() == tmp_path / "ProgramData" / "TimeTracker"
    assert log_dir() == tmp_path / "ProgramData" / "TimeTracker" / "logs"
    assert "systemprofile" not in default_database_url()


def test_a_root_set_for_the_service_wins_over_programdata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", str(tmp_path / "ProgramData"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "D-drive"))
    assert use_service_data_root() == tmp_path / "D-drive"
    assert data_dir() == tmp_path / "D-drive"


def test_off_windows_the_service_keeps_the_service_users_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert use_service_data_root() is None
    assert data_root() is None


def _args(**values: object) -> argparse.Namespace:
    return argparse.Namespace(**values)


def test_each_kind_of_process_has_its_log_and_data_dir_sets_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", str(tmp_path / "ProgramData"))
    assert choose_data_root(_args()) is ProcessLog.GUI
    assert choose_data_root(_args(handler=print)) is ProcessLog.CLI
    assert choose_data_root(_args(handler=print, as_service=False)) is ProcessLog.CLI
    assert data_root() is None
    assert choose_data_root(_args(handler=print, as_service=True)) is ProcessLog.SERVICE
    assert data_root() == tmp_path / "ProgramData" / "TimeTracker"
    relative = Path("relative-root")
    monkeypatch.chdir(tmp_path)
    assert choose_data_root(_args(data_dir=str(relative))) is ProcessLog.GUI
    assert data_root() == tmp_path / "relative-root"  # absolute: a child process may start elsewhere


@pytest.mark.parametrize(
    "path",
    [
        r"\\server\share\tt.db",
        "//server/share/tt.db",
        r"\\?\UNC\server\share\tt.db",
        r"\\nas.office.lan\data$\TimeTracker\timetracker.db",
    ],
)
def test_unc_paths_are_network_paths_everywhere(path: str) -> None:
    assert drives.is_unc_path(path)
    assert drives.is_network_path(path)


@pytest.mark.parametrize("path", ["/home/u/tt.db", r"C:\data\tt.db", r"\\?\C:\data\tt.db", "tt.db", r"\data"])
def test_local_paths_are_not_unc(path: str) -> None:
    assert not drives.is_unc_path(path)


def test_drive_letters_mean_nothing_off_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(root: str) -> int:
        raise AssertionError(f"GetDriveTypeW asked for {root} off Windows")

    monkeypatch.setattr(drives, "_drive_type", never)
    assert not drives.is_network_path("Z:/data/tt.db")


def test_a_mapped_network_drive_is_a_network_path_on_windows(drive_types: dict[str, object]) -> None:
    assert drives.is_network_path(r"Z:\TimeTracker\tt.db")
    assert drives.is_network_path("z:/TimeTracker/tt.db")
    assert drives.is_network_path(r"\\?\Z:\TimeTracker\tt.db")
    assert not drives.is_network_path(r"C:\ProgramData\TimeTracker\tt.db")
    assert not drives.is_network_path("D:/data/tt.db")
    assert drive_types["asked"] == ["Z:\\", "Z:\\", "Z:\\", "C:\\", "D:\\"]


def test_a_relative_path_is_on_the_current_folders_drive(
    drive_types: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "getcwd", lambda: r"Z:\shared\work")
    assert drives.is_network_path("tt.db")
    monkeypatch.setattr(os, "getcwd", lambda: r"\\server\share\work")
    assert drives.is_network_path("tt.db")


@pytest.mark.parametrize(
    "url",
    [r"sqlite:///\\server\share\tt.db", "sqlite://///server/share/tt.db", "sqlite:///Z:/TimeTracker/tt.db"],
)
def test_sqlite_on_a_network_share_is_refused_with_a_pointer_to_mariadb(
    url: str, drive_types: dict[str, object]
) -> None:
    with pytest.raises(ValidationError) as refused:
        check_database_url(url)
    assert refused.value.code is ErrorCode.DATABASE_ON_NETWORK_SHARE
    assert "MySQL/MariaDB" in str(refused.value)
    assert refused.value.params["path"] == url.removeprefix("sqlite:///")


def test_a_data_root_on_a_share_refuses_its_default_database(
    monkeypatch: pytest.MonkeyPatch, drive_types: dict[str, object], tmp_path: Path
) -> None:
    monkeypatch.setattr(drives, "is_unc_path", lambda path: str(tmp_path) in path)  # as if tmp were a share
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "root"))
    with pytest.raises(ValidationError) as refused:
        check_database_url(default_database_url())
    assert refused.value.code is ErrorCode.DATABASE_ON_NETWORK_SHARE


def test_a_local_sqlite_file_and_a_server_on_windows_pass(
    tmp_path: Path, drive_types: dict[str, object]
) -> None:
    check_database_url(f"sqlite:///{(tmp_path / 'tt.db').as_posix()}")
    check_database_url("mysql+pymysql://tt@server/tt")
    with pytest.raises(ValidationError) as missing:  # a local drive: only the usual folder check applies
        check_database_url("sqlite:///C:/nowhere/tt.db")
    assert missing.value.code is ErrorCode.DATABASE_FOLDER_MISSING
