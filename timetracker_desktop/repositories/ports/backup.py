"""Backup port: a whole-database archive (manifest plus per-table rows) that services make and restore."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

BACKUP_FORMAT = "timetracker-backup"
BACKUP_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class TableDigest:
    """One table of a backup: its columns, row count and an order-independent SHA-256 sum of its rows."""

    name: str
    columns: tuple[str, ...]
    rows: int
    checksum: str


@dataclass(frozen=True, slots=True)
class BackupManifest:
    """What a backup file holds and where it came from."""

    schema_revision: str
    app_version: str
    backend: str
    created_at: datetime
    tables: tuple[TableDigest, ...]
    format_version: int = BACKUP_FORMAT_VERSION

    def total_rows(self) -> int:
        """Rows over all tables."""
        return sum(table.rows for table in self.tables)


class BackupFileError(Exception):
    """The file is not a readable backup (not a zip, no manifest, unknown format version...)."""


class BackupMismatchError(Exception):
    """After loading, a table's row count or checksum differs from the manifest; nothing was published."""

    def __init__(self, tables: list[str]) -> None:
        super().__init__(f"restored data differs from the backup in: {', '.join(tables)}")
        self.tables = tables


class DatabaseArchive(Protocol):
    """Dumps the live database into a portable file and restores such a file over it."""

    @property
    def backend(self) -> str:
        """``sqlite`` or ``mysql``."""
        ...

    def current_revision(self) -> str | None: ...
    def knows_revision(self, revision: str) -> bool: ...
    def dump(self, target: Path, app_version: str, created_at: datetime) -> BackupManifest: ...
    def read_manifest(self, source: Path) -> BackupManifest: ...
    def restore(self, source: Path) -> BackupManifest: ...
