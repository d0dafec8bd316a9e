"""Schema migrations with Alembic; an SQLite file is copied before it is upgraded."""

import ast
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from timetracker_desktop.repositories.sql.errors import translate

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic loads only when a schema really changes or a revision is asked for: importing it and reading
# the scripts costs more than everything else a CLI command does (docs/decisions.md, CLI start time).
_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=(.*)$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class MigrationReport:
    """What an upgrade did."""

    from_revision: str | None
    to_revision: str
    backup_path: Path | None


def _config(migrations_dir: Path) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def head_revision(migrations_dir: Path) -> str:
    """The newest revision the shipped scripts know."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config(migrations_dir)).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

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


def shipped_head(migrations_dir: Path) -> str | None:
    """The one head of the shipped scripts, read from their text; None when unsure (Alembic then decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (migrations_dir / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        try:
            revision = ast.literal_eval(found["revision"].strip())
            down = ast.literal_eval(found["down_revision"].strip())
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str):
            return None
        revisions.add(revision)
        parents.update([down] if isinstance(down, str) else down or ())
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def head_if_current(engine: Engine, migrations_dir: Path) -> str | None:
    """The shipped head when the database is surely at it (one query, no Alembic), else None."""
    head = shipped_head(migrations_dir)
    if head is None:
        return None
    try:
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except DBAPIError:  # no version table (a new database) or no server: the full path tells which
        return None
    return head if list(versions) == [head] else None


def _run(engine: Engine, migrations_dir: Path, action: str, revision: str) -> None:
    from alembic import command

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
    assert raw is not None  # noqa: S101 - narrows the type for mypy
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _check_sqlite_foreign_keys(connection: Connection) -> None:
    """Refuse to commit a migration that left dangling references."""
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"migration left {len(problems)} broken references, first: {tuple(problems[0])}")


def upgrade(engine: Engine, migrations_dir: Path, revision: str = "head") -> MigrationReport:
    """Upgrade to ``revision``; an existing SQLite file at an older revision is backed up first."""
    current = head_if_current(engine, migrations_dir) if revision == "head" else None
    if current is not None:
        return MigrationReport(current, current, None)
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
