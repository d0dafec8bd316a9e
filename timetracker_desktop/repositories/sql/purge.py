"""Retention: old rows archived in the backup format, read back, then removed in one transaction."""

import os
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Table, and_, delete, func, or_, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement

from timetracker_desktop.repositories.ports.backup import BackupManifest, BackupMismatchError, TableDigest
from timetracker_desktop.repositories.ports.purge import CHAIN_ANCHOR_KEY, PURGED_TABLES, PurgePlan
from timetracker_desktop.repositories.ports.storage import UnitOfWork
from timetracker_desktop.repositories.sql.backup import STREAM_ROWS, _data_tables, _dump_table, _revision
from timetracker_desktop.repositories.sql.backup_check import check_table
from timetracker_desktop.repositories.sql.backup_format import (
    MANIFEST,
    RowDigest,
    encode_row,
    manifest_json,
    read_manifest,
    table_member,
)
from timetracker_desktop.repositories.sql.errors import translate
from timetracker_desktop.repositories.sql.uow import SqlUnitOfWorkFactory

DELETE_ROWS = 1000
PAUSE_ENV = "TT_TEST_PURGE_PAUSE"  # tests: seconds to wait after each deleted batch (to be killed mid-way)
PAUSE_MARK_ENV = "TT_TEST_PURGE_MARK"  # tests: a file created once the first batch is deleted


def _naive(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None)


def _conditions(
    tables: dict[str, Table], connection: Connection, before: datetime
) -> dict[str, ColumnElement[bool]]:
    """The WHERE clause of each removed table's rows."""
    cut = _naive(before)
    punches, corrections = tables["punches"], tables["corrections"]
    unassigned, audit = tables["unassigned_punches"], tables["audit_entries"]
    old_punches = select(punches.c.id).where(punches.c.at < cut)
    own = or_(
        corrections.c.punch_id.in_(old_punches),
        and_(corrections.c.punch_id.is_(None), corrections.c.created_at < cut),
    )
    first_kept = connection.scalar(select(func.min(audit.c.id)).where(audit.c.at >= cut))
    kept_punches = select(punches.c.unassigned_id).where(
        punches.c.at >= cut, punches.c.unassigned_id.is_not(None)
    )
    return {
        "punches": punches.c.at < cut,
        "corrections": or_(own, corrections.c.target_correction_id.in_(select(corrections.c.id).where(own))),
        "unassigned_punches": and_(unassigned.c.received_at < cut, unassigned.c.id.not_in(kept_punches)),
        # a prefix of the hash chain, so that it still verifies from the anchor
        "audit_entries": audit.c.id < first_kept if first_kept is not None else audit.c.at < cut,
    }


class SqlDatabasePurge:
    """``db purge`` over the database behind a unit-of-work factory."""

    def __init__(self, storage: SqlUnitOfWorkFactory, key: Callable[[], bytes]) -> None:
        self._storage = storage
        self._engine = storage.write_engine
        self._key = key

    def preview(self, before: datetime) -> dict[str, int]:
        """Rows per table that a purge before this instant would remove."""
        with self._engine.connect() as connection:
            tables = {t.name: t for t in _data_tables(connection)}
            where = _conditions(tables, connection, before)
            return {
                name: int(
                    connection.scalar(select(func.count()).select_from(tables[name]).where(where[name])) or 0
                )
                for name in PURGED_TABLES
            }

    def write_archive(
        self, before: datetime, target: Path, app_version: str, created_at: datetime
    ) -> tuple[PurgePlan, BackupManifest]:
        """The removed rows (and every other table whole, to read them by) into ``target``."""
        part = target.with_name(target.name + ".part")
        try:
            with (
                self._engine.connect() as connection,
                zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as archive,
            ):
                tables = _data_tables(connection)
                by_name = {t.name: t for t in tables}
                where = _conditions(by_name, connection, before)
                ids: dict[str, list[int]] = {}
                digests: list[TableDigest] = []
                for table in tables:
                    if table.name in where:
                        found, digest = _dump_rows(connection, archive, table, where[table.name])
                        ids[table.name] = found
                        digests.append(digest)
                    else:
                        digests.append(_dump_table(connection, archive, table))
                anchor = None
                if ids["audit_entries"]:
                    audit = by_name["audit_entries"]
                    anchor = connection.scalar(
                        select(audit.c.hash).where(audit.c.id == max(ids["audit_entries"]))
                    )
                manifest = BackupManifest(
                    schema_revision=_revision(connection),
                    app_version=app_version,
                    backend="mysql" if connection.dialect.name in ("mysql", "mariadb") else "sqlite",
                    created_at=created_at,
                    tables=tuple(digests),
                    archive_before=before.astimezone(UTC).isoformat(),
                )
                archive.writestr(MANIFEST, manifest_json(manifest, self._key()))
            os.replace(part, target)
        except DBAPIError as error:
            raise translate(error) from error
        finally:
            part.unlink(missing_ok=True)
        return PurgePlan(before, ids, anchor), manifest

    def verify_archive(self, source: Path, plan: PurgePlan) -> BackupManifest:
        """Read the archive back: signature, every row decodes, counts and checksums, the planned counts."""
        manifest = read_manifest(source, self._key())
        counts = plan.counts()
        with self._engine.connect() as connection, zipfile.ZipFile(source) as archive:
            tables = {t.name: t for t in _data_tables(connection)}
            for digest in manifest.tables:
                check_table(archive, tables[digest.name], digest)
        wrong = [d.name for d in manifest.tables if d.name in counts and d.rows != counts[d.name]]
        if wrong:
            raise BackupMismatchError(wrong, "the archive does not hold the rows to remove of")
        return manifest

    def delete(self, plan: PurgePlan, done: Callable[[UnitOfWork], None]) -> None:
        """Remove exactly the archived rows, set the chain anchor, audit: one transaction, all or nothing."""
        pause = float(os.environ.get(PAUSE_ENV) or 0)
        mark = os.environ.get(PAUSE_MARK_ENV)
        try:
            with self._storage() as uow:
                connection = uow.session.connection()
                tables = {t.name: t for t in _data_tables(connection)}
                for name in PURGED_TABLES:
                    table = tables[name]
                    ids = sorted(
                        plan.ids.get(name, []), reverse=True
                    )  # undo corrections before their targets
                    for start in range(0, len(ids), DELETE_ROWS):
                        batch = ids[start : start + DELETE_ROWS]
                        removed = 0
                        if name == "corrections":  # an undo before its target: InnoDB checks row by row
                            targeting = table.c.target_correction_id.is_not(None)
                            removed += connection.execute(
                                delete(table).where(table.c.id.in_(batch), targeting)
                            ).rowcount
                        removed += connection.execute(delete(table).where(table.c.id.in_(batch))).rowcount
                        if removed != len(batch):
                            raise BackupMismatchError([name], "rows changed since the archive was written in")
                        if mark:
                            Path(mark).touch()
                        if pause:
                            time.sleep(pause)
                if plan.anchor is not None:
                    uow.settings.set(CHAIN_ANCHOR_KEY, plan.anchor, datetime.now(UTC))
                done(uow)
                uow.commit()
        except DBAPIError as error:
            raise translate(error) from error


def _dump_rows(
    connection: Connection, archive: zipfile.ZipFile, table: Table, where: ColumnElement[bool]
) -> tuple[list[int], TableDigest]:
    """The selected rows into the table's member; their ids and digest."""
    digest = RowDigest()
    ids: list[int] = []
    stmt = select(table).where(where).order_by(table.c.id)
    streaming = connection.execution_options(stream_results=True, yield_per=STREAM_ROWS)
    with archive.open(table_member(table.name), "w", force_zip64=True) as out:
        for row in streaming.execute(stmt):
            ids.append(row.id)
            line = encode_row(row)
            digest.add(line)
            out.write(line + b"\n")
    return ids, digest.digest(table.name, [c.name for c in table.columns])
