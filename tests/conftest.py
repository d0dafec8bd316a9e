"""Shared fixtures: Qt offscreen, fake clock, and the database parametrised over SQLite and MariaDB."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from dbsupport import SqliteTemplate, empty_tables, mysql_session_database, mysql_url_or_skip
from fakes import FakeClock

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.paths import DATA_DIR_ENV
from timetracker_desktop.services.container import Services

TEST_BCRYPT_ROUNDS = 4


def pytest_configure(config: pytest.Config) -> None:
    """Keep the user's own data, log and settings folders untouched.

    Everything the app would write there (embedded database, rotating log, QSettings) goes to a folder of
    this test run instead, also in the subprocesses the tests start.
    """
    scratch = Path(tempfile.mkdtemp(prefix="timetracker-tests-"))
    config.add_cleanup(lambda: shutil.rmtree(scratch, ignore_errors=True))
    for variable in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(scratch / variable.lower())
    os.environ.pop(DATA_DIR_ENV, None)  # a data root set for the developer's own use would win over the above


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplate:
    """A migrated SQLite file to copy."""
    return SqliteTemplate(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def mysql_database() -> Iterator[str]:
    """A migrated MariaDB scratch database for this test session."""
    with mysql_session_database(mysql_url_or_skip()) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("mysql", marks=pytest.mark.mysql)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database: a fresh SQLite file, or the emptied MariaDB scratch database."""
    if request.param == "sqlite":
        template: SqliteTemplate = request.getfixturevalue("sqlite_template")
        return template.fresh_url(tmp_path)
    url: str = request.getfixturevalue("mysql_database")
    empty_tables(url)
    return url


@pytest.fixture
def clock() -> FakeClock:
    """A clock that stands still (2026-03-04 10:00 UTC) until advanced."""
    return FakeClock()


@pytest.fixture
def app_context(db_url: str, clock: FakeClock) -> Iterator[AppContext]:
    """The real application wired over the test database."""
    context = build_app(db_url, clock=clock, bcrypt_rounds=TEST_BCRYPT_ROUNDS, upgrade=False)
    yield context
    context.close()


@pytest.fixture
def real_time_context(db_url: str) -> Iterator[AppContext]:
    """The application over the test database on the system clock, as the listener process keeps time."""
    context = build_app(db_url, bcrypt_rounds=TEST_BCRYPT_ROUNDS, upgrade=False)
    yield context
    context.close()


@pytest.fixture
def services(app_context: AppContext) -> Services:
    """The services of the test application."""
    return app_context.services
