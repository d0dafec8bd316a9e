"""Backup port: a whole-database archive (manifest plus per-table rows) that services make and restore."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Protocol

BACKUP_FORMAT = "timetracker-backup"
BACKUP_FORMAT_VERSION = 2  # 2: the manifest is signed with the installation's key (HMAC-SHA256)
UNSIGNED_FORMAT_VERSION = 1


class BackupTrust(StrEnum):
    """Who vouches for a backup: this installation's key, another installation's key, or no key at all."""

    OURS = "ours"
    FOREIGN = "foreign"
    UNSIGNED = "unsigned"


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
    key_id: str | None = None  # the signing key's fingerprint (shown, so that a user can compare PCs)
    trust: BackupTrust = BackupTrust.OURS
    # Set on a purge's archive (`db purge`): the instant before which its records were removed. Such a file
    # holds only old records, so restoring it over the working database would replace today's data.
    archive_before: str | None = None

    def total_rows(self) -> int:
        """Rows over all tables."""
        return sum(table.rows for table in self.tables)


class BackupFileError(Exception):
    """The file is not a readable backup (not a zip, no manifest, unknown format version...)."""


class BackupTamperedError(BackupFileError):
    """Signed with this installation's key, but the signature does not match: the file was changed."""


class BackupMismatchError(Exception):
    """A table's rows (in the file, or as loaded) differ from the manifest's count or checksum."""

    def __init__(self, tables: list[str], what: str = "restored data differs from the backup in") -> None:
        super().__init__(f"{what}: {', '.join(tables)}")
        self.tables = tables


class RestoreFailedError(Exception):
    """The rebuild failed: whether the live database was touched and whether the old data was put back."""

    def __init__(self, reason: str, *, touched: bool, rolled_back: bool, copy: Path | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.touched = touched  # False: the failure came before the live database was written
        self.rolled_back = rolled_back
        self.copy = copy  # the backup the previous data was (or must be) put back from


class DatabaseArchive(Protocol):
    """Dumps the live database into a portable file and restores such a file over it."""

    @property
    def backend(self) -> str:
        """``sqlite`` or ``mysql``."""
        ...

    @property
    def key_id(self) -> str:
        """This installation's backup key fingerprint."""
        ...

    def current_revision(self) -> str | None: ...
    def knows_revision(self, revision: str) -> bool: ...
    def dump(self, target: Path, app_version: str, created_at: datetime) -> BackupManifest: ...
    def read_manifest(self, source: Path) -> BackupManifest: ...
    def restore(self, source: Path, *, rollback: Path | None = None) -> BackupManifest: ...
