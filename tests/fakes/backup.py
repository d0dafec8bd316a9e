"""A fake of the backup port: archives of the fake storage's committed tables, kept in memory by path."""

import json
from dataclasses import fields
from datetime import datetime
from pathlib import Path

from fakes.tables import Tables
from fakes.uow import FakeUnitOfWorkFactory
from timetracker_desktop.repositories.ports.backup import (
    BackupFileError,
    BackupManifest,
    BackupMismatchError,
    TableDigest,
)


class FakeDatabaseArchive:
    """Dumps and restores a ``FakeUnitOfWorkFactory``; a small manifest file is written so the path exists.

    ``revision`` is the schema the database is at (None: an empty, never migrated one); ``mismatch`` names
    tables a restore reports as differing, as the SQL archive does when its check after loading fails.
    """

    def __init__(self, storage: FakeUnitOfWorkFactory, revision: str | None = "0009") -> None:
        self._storage = storage
        self.revision = revision
        self.mismatch: list[str] = []
        self._archives: dict[Path, tuple[BackupManifest, Tables]] = {}

    @property
    def key_id(self) -> str:
        """The fake installation's backup key fingerprint."""
        return "FAKE-KEY"

    @property
    def backend(self) -> str:
        """The fake stands in for the embedded database."""
        return "sqlite"

    def current_revision(self) -> str | None:
        """The schema revision of the live database."""
        return self.revision

    def knows_revision(self, revision: str) -> bool:
        """Whether this program's migrations reach the revision (they are numbered in order)."""
        return self.revision is not None and revision <= self.revision

    def dump(self, target: Path, app_version: str, created_at: datetime) -> BackupManifest:
        """Archive the committed tables."""
        tables = self._storage.committed.copy()
        digests = tuple(
            TableDigest(f.name, ("key", "row"), len(getattr(tables, f.name)), "-")
            for f in fields(tables)
            if f.name != "sequences"
        )
        manifest = BackupManifest(
            self.revision or "", app_version, self.backend, created_at, digests, key_id=self.key_id
        )
        target.write_text(json.dumps({t.name: t.rows for t in digests}), encoding="utf-8")
        self._archives[target] = (manifest, tables)
        return manifest

    def read_manifest(self, source: Path) -> BackupManifest:
        """The manifest of an archive this fake wrote."""
        if source not in self._archives:
            raise BackupFileError(f"{source.name} is not a TimeTracker backup")
        return self._archives[source][0]

    def restore(self, source: Path, *, rollback: Path | None = None) -> BackupManifest:
        """Replace the committed tables with the archived ones, unless told to report a mismatch.

        The fake never touches the live tables before it knows the restore will succeed, so ``rollback``
        (the safety backup the SQL archive would put back from) is never needed.
        """
        manifest = self.read_manifest(source)
        if self.mismatch:
            raise BackupMismatchError(self.mismatch)
        self._storage.committed = self._archives[source][1].copy()
        return manifest
