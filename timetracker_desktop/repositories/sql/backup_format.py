"""The backup file: a zip of one JSON-lines file per table plus manifest.json; values encoded portably."""

import hashlib
import hmac
import json
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Date, DateTime

from timetracker_desktop.repositories.ports.backup import (
    BACKUP_FORMAT,
    BACKUP_FORMAT_VERSION,
    UNSIGNED_FORMAT_VERSION,
    BackupFileError,
    BackupManifest,
    BackupTamperedError,
    BackupTrust,
    TableDigest,
)

MANIFEST = "manifest.json"
_MODULUS = 1 << 256
_KEY_ID_LABEL = b"timetracker-backup-key-id"
SIGNATURE = "signature"


def table_member(name: str) -> str:
    """The zip member holding a table's rows."""
    return f"tables/{name}.jsonl"


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):  # before date: datetime is a date
        naive = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
        return naive.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):  # SQLite reads BOOLEAN as bool, MariaDB reads TINYINT(1) as int
        return int(value)
    return value


def encode_row(values: Iterable[Any]) -> bytes:
    """One row as a compact JSON array: naive-UTC ISO instants, ISO dates, booleans as 0/1."""
    encoded = [_encode_value(v) for v in values]
    return json.dumps(encoded, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decoder(column: Column[Any]) -> Callable[[Any], Any]:
    if isinstance(column.type, DateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(column.type, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    return lambda v: v


def row_decoder(columns: Sequence[Column[Any]]) -> Callable[[bytes], dict[str, Any]]:
    """Turns an encoded line back into insertable values for these columns (in the line's order)."""
    names = [c.name for c in columns]
    decoders = [_decoder(c) for c in columns]

    def decode(line: bytes) -> dict[str, Any]:
        values = json.loads(line)
        return {n: d(v) for n, d, v in zip(names, decoders, values, strict=True)}

    return decode


class RowDigest:
    """Row count and the sum of the rows' SHA-256 values: the same whatever order the rows come in."""

    def __init__(self) -> None:
        self.rows = 0
        self._sum = 0

    def add(self, line: bytes) -> None:
        """Count one encoded row."""
        self.rows += 1
        self._sum = (self._sum + int.from_bytes(hashlib.sha256(line).digest(), "big")) % _MODULUS

    def digest(self, name: str, columns: Sequence[str]) -> TableDigest:
        """The table's digest."""
        return TableDigest(name, tuple(columns), self.rows, f"{self._sum:064x}")


def key_id(key: bytes) -> str:
    """A key's public fingerprint: names the installation without revealing the key."""
    return hmac.new(key, _KEY_ID_LABEL, hashlib.sha256).hexdigest()[:16]


def manifest_signature(data: dict[str, Any], key: bytes) -> str:
    """HMAC-SHA256 of the canonical manifest (which holds every table's row count and checksum)."""
    body = {k: v for k, v in data.items() if k != SIGNATURE}
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, canonical.encode("utf-8"), hashlib.sha256).hexdigest()


def manifest_json(manifest: BackupManifest, key: bytes) -> str:
    """The manifest as stored in the zip, signed with the installation's key."""
    data: dict[str, Any] = {
        "format": BACKUP_FORMAT,
        "format_version": manifest.format_version,
        "schema_revision": manifest.schema_revision,
        "app_version": manifest.app_version,
        "backend": manifest.backend,
        "created_at": manifest.created_at.astimezone(UTC).isoformat(),
        "tables": [
            {"name": t.name, "columns": list(t.columns), "rows": t.rows, "checksum": t.checksum}
            for t in manifest.tables
        ],
        "key_id": key_id(key),
    }
    if manifest.archive_before is not None:  # only archives carry it: older backups' manifests are unchanged
        data["archive_before"] = manifest.archive_before
    data[SIGNATURE] = manifest_signature(data, key)
    return json.dumps(data, ensure_ascii=False, indent=2)


def _trust(data: dict[str, Any], key: bytes) -> BackupTrust:
    """Unsigned, signed by another installation, or ours; ours with a wrong signature was changed."""
    signature = data.get(SIGNATURE)
    if data.get("format_version") == UNSIGNED_FORMAT_VERSION or not isinstance(signature, str):
        return BackupTrust.UNSIGNED
    if data.get("key_id") != key_id(key):
        return BackupTrust.FOREIGN
    if not hmac.compare_digest(signature, manifest_signature(data, key)):
        raise BackupTamperedError(
            "the backup was changed after it was made: its signature does not match (restore refused)"
        )
    return BackupTrust.OURS


def _parse_manifest(data: Any, key: bytes) -> BackupManifest:
    if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
        raise BackupFileError("not a TimeTracker Desktop backup")
    if data.get("format_version") not in (BACKUP_FORMAT_VERSION, UNSIGNED_FORMAT_VERSION):
        raise BackupFileError(f"unsupported backup format version {data.get('format_version')!r}")
    try:
        tables = tuple(
            TableDigest(
                str(t["name"]), tuple(str(c) for c in t["columns"]), int(t["rows"]), str(t["checksum"])
            )
            for t in data["tables"]
        )
        return BackupManifest(
            schema_revision=str(data["schema_revision"]),
            app_version=str(data["app_version"]),
            backend=str(data["backend"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            tables=tables,
            format_version=int(data["format_version"]),
            key_id=str(data["key_id"]) if data.get("key_id") else None,
            trust=_trust(data, key),
            archive_before=str(data["archive_before"]) if data.get("archive_before") else None,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BackupFileError(f"damaged manifest: {error}") from None


def read_manifest(path: Path, key: bytes) -> BackupManifest:
    """The manifest of a backup file and how far it is trusted; ``BackupFileError`` when unreadable.

    ``BackupTamperedError`` when it carries this installation's key id but a signature that does not match.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            data = json.loads(archive.read(MANIFEST))
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise BackupFileError(f"cannot read the backup {path.name}: {error}") from None
    manifest = _parse_manifest(data, key)
    missing = [t.name for t in manifest.tables if table_member(t.name) not in names]
    if missing:
        raise BackupFileError(f"the backup lacks the rows of: {', '.join(missing)}")
    return manifest
