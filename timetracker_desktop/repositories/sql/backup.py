"""Whole-database backup and restore: a consistent snapshot dumped portably, loaded into either backend."""

import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, Table, select, text
from sqlalchemy.exc import DBAPIError

from timetracker_desktop import __version__
from timetracker_desktop.repositories.ports.backup import (
    BackupFileError,
    BackupManifest,
    BackupMismatchError,
    RestoreFailedError,
    TableDigest,
)
from timetracker_desktop.repositories.sql import migrate
from timetracker_desktop.repositories.sql.backup_check import check_table
from timetracker_desktop.repositories.sql.backup_format import (
    MANIFEST,
    RowDigest,
    encode_row,
    key_id,
    manifest_json,
    read_manifest,
    row_decoder,
    table_member,
)
from timetracker_desktop.repositories.sql.engine import make_engine
from timetracker_desktop.repositories.sql.errors import translate
from timetracker_desktop.repositories.sql.orm import Base
from timetracker_desktop.repositories.sql.uow import SqlUnitOfWorkFactory

log = logging.getLogger(__name__)
VERSION_TABLE = "alembic_version"
# Which running program holds the scheduled-jobs lease is no data: a backup leaves it out and a restore
# leaves it empty (the holder takes it again at its next heartbeat). Its heartbeats would otherwise change
# the table between a MariaDB restore's load and its check, and the check would fail.
LIVE_TABLES = frozenset({"runner_leases"})
STREAM_ROWS = 2000
INSERT_ROWS = 1000


def _is_mysql(connection: Connection | Engine) -> bool:
    return connection.dialect.name in ("mysql", "mariadb")


def _data_tables(connection: Connection, *, live: bool = False) -> list[Table]:
    """The application's tables as they exist in the database, parents before children.

    ``live``: with the tables of the running programs' state (``LIVE_TABLES``), which are not data.
    """
    metadata = MetaData()
    metadata.reflect(connection)
    skipped = {VERSION_TABLE} if live else {VERSION_TABLE, *LIVE_TABLES}
    return [t for t in metadata.sorted_tables if t.name not in skipped]


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

    def __init__(self, storage: SqlUnitOfWorkFactory, migrations_dir: Path, key: Callable[[], bytes]) -> None:
        self._storage = storage
        self._engine = storage.write_engine
        self._migrations = migrations_dir
        self._key = key  # read on first use: the installation's backup signing key

    @property
    def key_id(self) -> str:
        """This installation's backup key fingerprint."""
        return key_id(self._key())

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
        """The manifest of a backup file, with how far it is trusted."""
        return read_manifest(source, self._key())

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
                manifest = BackupManifest(
                    revision, app_version, self.backend, created_at, digests, key_id=self.key_id
                )
                archive.writestr(MANIFEST, manifest_json(manifest, self._key()))
        return manifest

    def restore(self, source: Path, *, rollback: Path | None = None) -> BackupManifest:
        """Replace the live database with the backup, verify every table, then migrate to the newest schema.

        The backup is first loaded into a scratch SQLite file: every row is checked against its table and
        the tables against the manifest, and nothing live is touched when that fails. SQLite then copies
        the scratch file over the live one in one step. MariaDB is rebuilt in place (its DDL commits
        implicitly), so a failure there puts the previous data back from ``rollback`` (a backup of the live
        database, made here when not given) and says so in ``RestoreFailedError``.
        """
        manifest = read_manifest(source, self._key())
        try:
            with self._scratch() as scratch:
                engine = make_engine(f"sqlite:///{scratch}")
                try:
                    self._rebuild(engine, source, manifest, check=True)
                finally:
                    engine.dispose()
                if self.backend == "sqlite":
                    self._storage.dispose()  # idle pooled connections would only hold locks
                    migrate.backup_sqlite(scratch, self._sqlite_path())  # one transaction: all or nothing
                    return manifest
        except (BackupFileError, BackupMismatchError):
            raise
        except Exception as error:  # the scratch file failed (disk full...): the live database is as it was
            raise RestoreFailedError(_reason(error), touched=False, rolled_back=False, copy=None) from error
        self._rebuild_mysql(source, manifest, rollback)
        return manifest

    @contextmanager
    def _scratch(self) -> Iterator[Path]:
        """A scratch SQLite file: next to the live file (same disk, for the copy), else in the temp folder."""
        near = self._sqlite_path().parent if self.backend == "sqlite" else None
        with tempfile.TemporaryDirectory(dir=near, prefix=".restore-") as folder:
            yield Path(folder) / "restore.db"

    def _rebuild_mysql(self, source: Path, manifest: BackupManifest, rollback: Path | None) -> None:
        folder = None
        if rollback is None and self.current_revision() is not None:
            folder = Path(tempfile.mkdtemp(prefix="timetracker-rollback-"))
            rollback = folder / "before-restore.zip"
            self.dump(rollback, __version__, datetime.now(UTC))
        try:
            self._rebuild(self._engine, source, manifest, check=False)
        except Exception as error:
            reason = _reason(error)
            log.error("restore of %s failed on MariaDB: %s; putting back %s", source.name, reason, rollback)
            if rollback is None:  # the database had no schema: there is nothing to put back
                raise RestoreFailedError(reason, touched=True, rolled_back=False, copy=None) from error
            try:
                self._rebuild(self._engine, rollback, read_manifest(rollback, self._key()), check=False)
            except Exception:
                log.exception("putting back %s failed", rollback)
                folder = None  # keep a self-made copy: it is the only one left
                raise RestoreFailedError(reason, touched=True, rolled_back=False, copy=rollback) from error
            raise RestoreFailedError(reason, touched=True, rolled_back=True, copy=rollback) from error
        finally:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)

    def _rebuild(self, engine: Engine, source: Path, manifest: BackupManifest, *, check: bool) -> None:
        if _is_mysql(engine):
            _drop_application_tables(engine)
        migrate.upgrade(engine, self._migrations, manifest.schema_revision)
        with zipfile.ZipFile(source) as archive, engine.begin() as connection:
            tables = {t.name: t for t in _data_tables(connection)}
            missing = [d.name for d in manifest.tables if d.name not in tables]
            if missing:
                raise BackupFileError(f"tables {missing} do not exist at revision {manifest.schema_revision}")
            if check:  # the whole file, before a single row is written
                for digest in manifest.tables:
                    check_table(archive, tables[digest.name], digest)
            with _foreign_keys_deferred(connection):
                for table in reversed(list(tables.values())):
                    connection.execute(table.delete())  # rows seeded by the migrations
                for digest in manifest.tables:
                    _load_table(connection, archive, tables[digest.name], digest)
        _verify(engine, manifest)
        migrate.upgrade(engine, self._migrations)


def _reason(error: Exception) -> str:
    return str(translate(error) if isinstance(error, DBAPIError) else error)


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
        present = [t.name for t in _data_tables(connection, live=True)] + [VERSION_TABLE]
        connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=0")
        try:
            for name in present:
                if name in known:
                    connection.exec_driver_sql(f"DROP TABLE IF EXISTS `{name}`")
        finally:
            connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=1")
        connection.commit()
