"""Retention port: archive the rows older than a date into a backup-format file, then remove exactly them."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from timetracker_desktop.repositories.ports.backup import BackupManifest
from timetracker_desktop.repositories.ports.storage import UnitOfWork

PURGED_TABLES = ("corrections", "punches", "unassigned_punches", "audit_entries")  # children first
CHAIN_ANCHOR_KEY = "audit_chain_anchor"  # the hash of the last removed audit entry: the chain starts there
PURGED_BEFORE_KEY = "purged_before"  # the latest purge date (local, ISO): months before it are in archives


@dataclass(frozen=True, slots=True)
class PurgePlan:
    """What a purge removes: the ids per table (as archived) and the audit chain's new anchor."""

    before: datetime
    ids: dict[str, list[int]] = field(default_factory=dict)
    anchor: str | None = None

    def counts(self) -> dict[str, int]:
        """Rows per removed table."""
        return {name: len(self.ids.get(name, [])) for name in PURGED_TABLES}


class DatabasePurge(Protocol):
    """Counts, archives and removes old rows."""

    def preview(self, before: datetime) -> dict[str, int]: ...
    def write_archive(
        self, before: datetime, target: Path, app_version: str, created_at: datetime
    ) -> tuple[PurgePlan, BackupManifest]: ...
    def verify_archive(self, source: Path, plan: PurgePlan) -> BackupManifest: ...
    def delete(self, plan: PurgePlan, done: Callable[[UnitOfWork], None]) -> None: ...
