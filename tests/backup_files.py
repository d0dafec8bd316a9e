"""Test helpers that edit backup files: one zip member changed, or the manifest changed and signed again."""

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from timetracker_desktop.paths import data_dir
from timetracker_desktop.repositories.sql.backup_format import manifest_signature
from timetracker_desktop.services.backup.key import installation_key


def rewrite_member(source: Path, target: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """Copy a backup, passing one member's bytes through ``change``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, change(data) if item.filename == member else data)


def rewrite_manifest(source: Path, target: Path, key: bytes | None = None, **changes: object) -> None:
    """Change the manifest and sign it again with ``key`` (default: this test run's installation key)."""

    def change(data: bytes) -> bytes:
        manifest = {**json.loads(data), **changes}
        manifest["signature"] = manifest_signature(manifest, key or installation_key(data_dir()))
        return json.dumps(manifest).encode()

    rewrite_member(source, target, "manifest.json", change)
