"""Fixtures of the operations tests: backup services, databases of each backend, and the frozen build."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from dbsupport import SqliteTemplate, empty_tables
from fakes import FakeClock

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.paths import data_dir, migrations_dir
from timetracker_desktop.repositories.sql.backup import SqlDatabaseArchive
from timetracker_desktop.services.backup.key import installation_key
from timetracker_desktop.services.backup.service import BackupService

TEST_BCRYPT_ROUNDS = 4
ROOT = Path(__file__).resolve().parents[3]


def backup_service(context: AppContext, key: bytes | None = None) -> BackupService:
    """The backup use cases over an application context (signing with ``key``, else this run's key)."""
    archive = SqlDatabaseArchive(
        context.storage, migrations_dir(), lambda: key or installation_key(data_dir())
    )
    return BackupService(context.storage, context.services.clock, archive)


def open_context(url: str, clock: FakeClock) -> AppContext:
    """The application over a migrated test database."""
    return build_app(url, clock=clock, bcrypt_rounds=TEST_BCRYPT_ROUNDS, upgrade=False)


@pytest.fixture
def backups(app_context: AppContext) -> BackupService:
    """Backups of the test database."""
    return backup_service(app_context)


@pytest.fixture
def sqlite_context(sqlite_template: SqliteTemplate, tmp_path: Path, clock: FakeClock) -> Iterator[AppContext]:
    """The application over a fresh SQLite file of its own."""
    folder = tmp_path / "sqlite-side"
    folder.mkdir()
    context = open_context(sqlite_template.fresh_url(folder), clock)
    yield context
    context.close()


@pytest.fixture
def mysql_context(mysql_database: str, clock: FakeClock) -> Iterator[AppContext]:
    """The application over the emptied MariaDB scratch database."""
    empty_tables(mysql_database)
    context = open_context(mysql_database, clock)
    yield context
    context.close()


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built console program (PyInstaller, 1-3 min), shared by the frozen-build tests and installer lab.

    TT_FROZEN_APP names an existing build's executable instead (a developer's shortcut; CI always builds).
    """
    reuse = os.environ.get("TT_FROZEN_APP")
    if reuse and not os.environ.get("CI"):
        return Path(reuse)
    folder = tmp_path_factory.mktemp("frozen")
    env = {**os.environ, "PYTHON": sys.executable}
    command = [
        "bash",
        str(ROOT / "packaging" / "build.sh"),
        "--workpath",
        str(folder / "work"),
        "--distpath",
        str(folder / "dist"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, env=env, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    executable = folder / "dist" / "timetracker-desktop" / "timetracker-desktop"
    assert executable.exists()
    return executable
