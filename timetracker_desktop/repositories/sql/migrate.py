"""Schema migrations with Alembic; an SQLite file is copied before it is upgraded."""

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from timetracker_desktop.repositories.sql.errors import translate


@dataclass(frozen=True, slots=True)
class MigrationReport:
    """What an upgrade did."""

    from_revision: str | None
    to_revision: str
    backup_path: Path | None


def _config(migrations_dir: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def head_revision(migrations_dir: Path) -> str:
    """The newest revision the shipped scripts know."""
    head = ScriptDirectory.from_config(_config(migrations_dir)).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except DBAPIError as error:
        raise translate(error) from error


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently with its online backup API."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()


def _run(engine: Engine, migrations_dir: Path, action: str, revision: str) -> None:
    config = _config(migrations_dir)
    try:
        with engine.connect() as connection:
            sqlite = engine.url.get_backend_name() == "sqlite"
            if sqlite:
                _sqlite_foreign_keys(connection, on=False)
            try:
                with connection.begin():
                    config.attributes["connection"] = connection
                    getattr(command, action)(config, revision)
                    if sqlite:
                        _check_sqlite_foreign_keys(connection)
            finally:
                if sqlite:
                    _sqlite_foreign_keys(connection, on=True)
    except DBAPIError as error:
        raise translate(error) from error


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    """Switch SQLite foreign keys on the raw connection, outside any transaction.

    Batch migrations rebuild a table (create new, copy, drop old, rename); with foreign keys on, dropping a
    table that other rows reference fails, so SQLite's documented procedure turns them off meanwhile.
    """
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _check_sqlite_foreign_keys(connection: Connection) -> None:
    """Refuse to commit a migration that left dangling references."""
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"migration left {len(problems)} broken references, first: {tuple(problems[0])}")


def upgrade(engine: Engine, migrations_dir: Path, revision: str = "head") -> MigrationReport:
    """Upgrade to ``revision``; an existing SQLite file at an older revision is backed up first."""
    before = current_revision(engine)
    target = head_revision(migrations_dir) if revision == "head" else revision
    backup: Path | None = None
    path = _sqlite_file(engine)
    if before is not None and before != target and path is not None and path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.name}.{before}.{stamp}.bak")
        backup_sqlite(path, backup)
    _run(engine, migrations_dir, "upgrade", revision)
    return MigrationReport(before, target, backup)


def downgrade(engine: Engine, migrations_dir: Path, revision: str) -> None:
    """Downgrade to ``revision`` (tests and support only)."""
    _run(engine, migrations_dir, "downgrade", revision)
