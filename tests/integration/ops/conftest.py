"""Fixtures of the operations tests: backup services over the test database and databases of each backend."""

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
