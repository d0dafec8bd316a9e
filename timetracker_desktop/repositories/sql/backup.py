"""Whole-database backup and restore: a consistent snapshot dumped portably, loaded into either backend."""

import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, Table, select, text
from sqlalchemy.exc import DBAPIError

from timetracker_desktop.repositories.ports.backup import (
    BackupFileError,
    BackupManifest,
    BackupMismatchError,
    TableDigest,
)
from timetracker_desktop.repositories.sql import migrate
from timetracker_desktop.repositories.sql.backup_format import (
    MANIFEST,
    RowDigest,
    encode_row,
    manifest_json,
    read_manifest,
    row_decoder,
    table_member,
)
from timetracker_desktop.repositories.sql.engine import make_engine
from timetracker_desktop.repositories.sql.errors import translate
from timetracker_desktop.repositories.sql.orm import Base
from timetracker_desktop.repositories.sql.uow import SqlUnitOfWorkFactory

VERSION_TABLE = "alembic_version"
STREAM_ROWS = 2000
INSERT_ROWS = 1000


def _is_mysql(connection: Connection | Engine) -> bool:
    return connection.dialect.name in ("mysql", "mariadb")


def _data_tables(connection: Connection) -> list[Table]:
    """The application's tables as they exist in the database, parents before children."""
    metadata = MetaData()
    metadata.reflect(connection)
    return [t for t in metadata.sorted_tables if t.name != VERSION_TABLE]


def _revision(connection: Connection) -> str:
    revision = connection.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))  # noqa: S608 - a constant table name, no input
    if revision is None:
        raise BackupFileError("the database has no schema yet: nothing to back up")
    return str(revision)


def _rows(connection: Connection, table: Table) -> Iterator[bytes]:
    stmt = select(table).order_by(*table.primary_key.columns)
    streaming = connection.execution_options(stream_results=True, yield_per=STREAM_ROWS)
    for row in streaming.execute(stmt):
        yield encode_row(row)


def _digest(connection: Connection, table: Table) -> TableDigest:
    digest = RowDigest()
    for line in _rows(connection, table):
        digest.add(line)
    return digest.digest(table.name, [c.name for c in table.columns])


def _dump_table(connection: Connection, archive: zipfile.ZipFile, table: Table) -> TableDigest:
    digest = RowDigest()
    with archive.open(table_member(table.name), "w", force_zip64=True) as out:
        for line in _rows(connection, table):
            digest.add(line)
            out.write(line + b"\n")
    return digest.digest(table.name, [c.name for c in table.columns])


def _begin_snapshot(connection: Connection) -> None:
    """Every following read sees the same committed state (InnoDB), however long the dump takes."""
    connection.commit()
    connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    connection.exec_driver_sql("START TRANSACTION WITH CONSISTENT SNAPSHOT")


@contextmanager
def _foreign_keys_deferred(connection: Connection) -> Iterator[None]:
    """Load rows in any order: MariaDB skips the checks for this session, SQLite checks at commit."""
    if not _is_mysql(connection):
        connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        yield
        return
    connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=0")
    try:
        yield
    finally:
        connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=1")


def _load_table(connection: Connection, archive: zipfile.ZipFile, table: Table, digest: TableDigest) -> None:
    unknown = set(digest.columns) - {c.name for c in table.columns}
    if unknown:
        raise BackupFileError(f"table {table.name}: columns {sorted(unknown)} are not in the schema")
    decode = row_decoder([table.columns[name] for name in digest.columns])
    batch: list[dict[str, object]] = []
    with archive.open(table_member(table.name)) as lines:
        for line in lines:
            batch.append(decode(line))
            if len(batch) >= INSERT_ROWS:
                connection.execute(table.insert(), batch)
                batch = []
    if batch:
        connection.execute(table.insert(), batch)


class SqlDatabaseArchive:
    """Backup and restore of the database behind a unit-of-work factory."""

    def __init__(self, storage: SqlUnitOfWorkFactory, migrations_dir: Path) -> None:
        self._storage = storage
        self._engine = storage.write_engine
        self._migrations = migrations_dir

    @property
    def backend(self) -> str:
        """``sqlite`` or ``mysql``."""
        return "mysql" if _is_mysql(self._engine) else "sqlite"

    def _sqlite_path(self) -> Path:
        database = self._engine.url.database
        if not database or database == ":memory:":
            raise BackupFileError("an in-memory database cannot be backed up or restored")
        return Path(database)

    def current_revision(self) -> str | None:
        """The live database's schema revision."""
        return migrate.current_revision(self._engine)

    def knows_revision(self, revision: str) -> bool:
        """Whether the shipped migrations contain this revision (else the backup is from a newer version)."""
        from alembic.script import ScriptDirectory
        from alembic.util.exc import CommandError

        try:
            return ScriptDirectory(str(self._migrations)).get_revision(revision) is not None
        except CommandError:
            return False

    def read_manifest(self, source: Path) -> BackupManifest:
        """The manifest of a backup file."""
        return read_manifest(source)

    def dump(self, target: Path, app_version: str, created_at: datetime) -> BackupManifest:
        """Write a consistent backup of the live database to ``target`` (replaced only when complete)."""
        part = target.with_name(target.name + ".part")
        try:
            if self.backend == "sqlite":
                manifest = self._dump_sqlite(part, app_version, created_at)
            else:
                manifest = self._dump_engine(self._engine, part, app_version, created_at)
            os.replace(part, target)
        except DBAPIError as error:
            raise translate(error) from error
        finally:
            part.unlink(missing_ok=True)
        return manifest

    def _dump_sqlite(self, part: Path, app_version: str, created_at: datetime) -> BackupManifest:
        live = self._sqlite_path()
        with tempfile.TemporaryDirectory(dir=live.parent, prefix=".backup-") as folder:
            snapshot = Path(folder) / "snapshot.db"
            migrate.backup_sqlite(live, snapshot)  # the online backup API: consistent while others write
            engine = make_engine(f"sqlite:///{snapshot}", immediate=False)
            try:
                return self._dump_engine(engine, part, app_version, created_at)
            finally:
                engine.dispose()

    def _dump_engine(
        self, engine: Engine, part: Path, app_version: str, created_at: datetime
    ) -> BackupManifest:
        with engine.connect() as connection:
            tables = _data_tables(connection)
            if _is_mysql(connection):
                _begin_snapshot(connection)
            revision = _revision(connection)
            with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as archive:
                digests = tuple(_dump_table(connection, archive, table) for table in tables)
                manifest = BackupManifest(revision, app_version, self.backend, created_at, digests)
                archive.writestr(MANIFEST, manifest_json(manifest))
        return manifest

    def restore(self, source: Path) -> BackupManifest:
        """Replace the live database with the backup, verify every table, then migrate to the newest schema.

        SQLite is rebuilt in a scratch file and copied over the live one only once verified; MariaDB is
        rebuilt in place (its DDL cannot be rolled back), so callers keep a safety backup first.
        """
        manifest = read_manifest(source)
        try:
            if self.backend == "sqlite":
                self._restore_sqlite(source, manifest)
            else:
                self._rebuild(self._engine, source, manifest)
        except DBAPIError as error:
            raise translate(error) from error
        return manifest

    def _restore_sqlite(self, source: Path, manifest: BackupManifest) -> None:
        live = self._sqlite_path()
        with tempfile.TemporaryDirectory(dir=live.parent, prefix=".restore-") as folder:
            scratch = Path(folder) / "restore.db"
            engine = make_engine(f"sqlite:///{scratch}")
            try:
                self._rebuild(engine, source, manifest)
            finally:
                engine.dispose()
            self._storage.dispose()  # idle pooled connections would only hold locks
            migrate.backup_sqlite(scratch, live)

    def _rebuild(self, engine: Engine, source: Path, manifest: BackupManifest) -> None:
        if _is_mysql(engine):
            _drop_application_tables(engine)
        migrate.upgrade(engine, self._migrations, manifest.schema_revision)
        with zipfile.ZipFile(source) as archive, engine.begin() as connection:
            tables = {t.name: t for t in _data_tables(connection)}
            missing = [d.name for d in manifest.tables if d.name not in tables]
            if missing:
                raise BackupFileError(f"tables {missing} do not exist at revision {manifest.schema_revision}")
            with _foreign_keys_deferred(connection):
                for table in reversed(list(tables.values())):
                    connection.execute(table.delete())  # rows seeded by the migrations
                for digest in manifest.tables:
                    _load_table(connection, archive, tables[digest.name], digest)
        _verify(engine, manifest)
        migrate.upgrade(engine, self._migrations)


def _verify(engine: Engine, manifest: BackupManifest) -> None:
    with engine.connect() as connection:
        tables = {t.name: t for t in _data_tables(connection)}
        wrong = [
            d.name
            for d in manifest.tables
            if (found := _digest(connection, tables[d.name])).rows != d.rows or found.checksum != d.checksum
        ]
    if wrong:
        raise BackupMismatchError(wrong)


def _drop_application_tables(engine: Engine) -> None:
    """Drop the application's tables (and only those) from a MariaDB database."""
    known = {*Base.metadata.tables, VERSION_TABLE}
    with engine.connect() as connection:
        present = [t.name for t in _data_tables(connection)] + [VERSION_TABLE]
        connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=0")
        try:
            for name in present:
                if name in known:
                    connection.exec_driver_sql(f"DROP TABLE IF EXISTS `{name}`")
        finally:
            connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=1")
        connection.commit()
