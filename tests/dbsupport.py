"""Test databases: a migrated SQLite template copied per test, and one MariaDB database emptied per test."""

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from timetracker_desktop.app import open_storage, upgrade_database
from timetracker_desktop.repositories.sql.orm import Base

MYSQL_ENV = "TT_TEST_MYSQL_URL"
KEEP_TABLES = {"alembic_version", "schedule_codes", "audit_chain_lock"}


def mysql_url_or_skip() -> str:
    """The MariaDB URL for tests; missing is a failure in CI and a skip (with the reason) elsewhere."""
    url = os.environ.get(MYSQL_ENV)
    if url:
        return url
    reason = f"{MYSQL_ENV} is not set (bash .ci/run provisions MariaDB and sets it)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def scratch_mysql_url(base_url: str, suffix: str) -> str:
    """A URL for a per-run scratch database next to the test database (the test user may create them)."""
    url = make_url(base_url)
    return url.set(database=f"{url.database}_{suffix}").render_as_string(hide_password=False)


def recreate_mysql_database(url: str) -> None:
    """Drop and create the URL's database (utf8mb4)."""
    parsed = make_url(url)
    server = create_engine(parsed.set(database=""))
    with server.begin() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS `{parsed.database}`"))
        conn.execute(
            text(f"CREATE DATABASE `{parsed.database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        )
    server.dispose()


def drop_mysql_database(url: str) -> None:
    """Drop the URL's database."""
    parsed = make_url(url)
    server = create_engine(parsed.set(database=""))
    with server.begin() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS `{parsed.database}`"))
    server.dispose()


def migrate_fresh(url: str) -> None:
    """Create the schema with the real migrations."""
    storage = open_storage(url)
    try:
        upgrade_database(storage)
    finally:
        storage.dispose()


def empty_tables(url: str) -> None:
    """Delete every MariaDB row except the migration stamp and seeded codes."""
    engine = create_engine(url)
    present = set(inspect(engine).get_table_names())
    with engine.begin() as conn:
        # corrections reference corrections (undo), so ordering tables alone is not enough.
        conn.execute(text("SET FOREIGN_KEY_CHECKS=0"))
        for table in reversed(Base.metadata.sorted_tables):
            if table.name in present and table.name not in KEEP_TABLES:
                conn.execute(table.delete())
        conn.execute(text("SET FOREIGN_KEY_CHECKS=1"))
    engine.dispose()


class SqliteTemplate:
    """A migrated SQLite file, copied for each test (much faster than migrating each time)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "template.db"
        migrate_fresh(f"sqlite:///{self.path}")

    def fresh_url(self, folder: Path) -> str:
        """A new database file with the migrated schema."""
        target = folder / "test.db"
        shutil.copyfile(self.path, target)
        return f"sqlite:///{target}"


@contextmanager
def mysql_session_database(base_url: str) -> Iterator[str]:
    """A migrated scratch database for the whole test session, dropped at the end."""
    url = scratch_mysql_url(base_url, f"s{os.getpid()}")
    recreate_mysql_database(url)
    migrate_fresh(url)
    try:
        yield url
    finally:
        drop_mysql_database(url)
