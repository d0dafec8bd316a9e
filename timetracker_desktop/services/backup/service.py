"""Backup and restore use cases: admin only, audited, refusing backups from a newer schema."""

import logging
from dataclasses import dataclass
from pathlib import Path

from timetracker_desktop import __version__
from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, ValidationError
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.backup import (
    BackupFileError,
    BackupManifest,
    BackupMismatchError,
    DatabaseArchive,
)
from timetracker_desktop.repositories.ports.storage import (
    StorageCause,
    StorageUnavailableError,
    UnitOfWorkFactory,
)
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require

log = logging.getLogger(__name__)
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
AUDIT_ATTEMPTS = 3
RETRIED_CAUSES = (StorageCause.DEADLOCK, StorageCause.LOCK_WAIT_TIMEOUT)


@dataclass(frozen=True, slots=True)
class BackupResult:
    """A written backup file."""

    path: Path
    size_bytes: int
    manifest: BackupManifest


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """A completed restore and the safety copy of what it replaced."""

    manifest: BackupManifest
    safety_backup: Path | None


def _summary(manifest: BackupManifest) -> dict[str, object]:
    return {
        "schema_revision": manifest.schema_revision,
        "app_version": manifest.app_version,
        "backend": manifest.backend,
        "created_at": manifest.created_at.isoformat(),
        "rows": {t.name: t.rows for t in manifest.tables},
    }


class BackupService:
    """Backups of the whole database into a portable file, and restores from one."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, archive: DatabaseArchive) -> None:
        self._uow = uow
        self._clock = clock
        self._archive = archive

    def backup(self, actor: Actor, target: Path, *, kind: str = "manual") -> BackupResult:
        """Write a consistent backup to ``target``; safe while terminals are punching."""
        require(actor, Permission.MANAGE_SETTINGS)
        target.parent.mkdir(parents=True, exist_ok=True)
        now = self._clock.now()
        manifest = self._archive.dump(target, __version__, now)
        size = target.stat().st_size
        after = {"file": str(target), "kind": kind, "bytes": size, **_summary(manifest)}
        self._audit(actor, AuditAction.BACKUP_CREATE, target, after)
        log.info("backup %s written (%d rows, %d bytes)", target.name, manifest.total_rows(), size)
        return BackupResult(target, size, manifest)

    def inspect(self, source: Path) -> BackupManifest:
        """The manifest of a backup, refused when unreadable or made by a newer version of the program."""
        try:
            manifest = self._archive.read_manifest(source)
        except BackupFileError as error:
            raise ValidationError(str(error), code=ErrorCode.BACKUP_UNREADABLE, field="file") from None
        if not self._archive.knows_revision(manifest.schema_revision):
            raise ConflictError(
                f"the backup is from a newer version of the program (schema {manifest.schema_revision},"
                f" app {manifest.app_version}): update TimeTracker Desktop first",
                code=ErrorCode.BACKUP_FROM_NEWER_VERSION,
            )
        return manifest

    def restore(self, actor: Actor, source: Path, *, safety_dir: Path | None = None) -> RestoreResult:
        """Replace the database with the backup, checked table by table; the old data is backed up first."""
        require(actor, Permission.MANAGE_SETTINGS)
        manifest = self.inspect(source)
        safety = self._safety_backup(actor, safety_dir)
        try:
            self._archive.restore(source)
        except BackupMismatchError as error:
            self._record_failure(actor, source, str(error))
            raise ConflictError(str(error), code=ErrorCode.BACKUP_MISMATCH) from None
        except BackupFileError as error:
            self._record_failure(actor, source, str(error))
            raise ValidationError(str(error), code=ErrorCode.BACKUP_UNREADABLE, field="file") from None
        after = {"file": str(source), "safety_backup": str(safety) if safety else None, **_summary(manifest)}
        self._audit(actor, AuditAction.BACKUP_RESTORE, source, after)
        log.info("restored %s (%d rows)", source.name, manifest.total_rows())
        return RestoreResult(manifest, safety)

    def _audit(self, actor: Actor, action: AuditAction, path: Path, after: dict[str, object]) -> None:
        """Record the action; a MariaDB deadlock with a concurrent audit line (the hash chain) is retried."""
        for attempt in range(AUDIT_ATTEMPTS):
            try:
                with self._uow() as uow:
                    record(uow, actor, self._clock.now(), action, (EntityType.BACKUP, path.name), after=after)
                    uow.commit()
                return
            except StorageUnavailableError as error:
                if error.cause not in RETRIED_CAUSES or attempt == AUDIT_ATTEMPTS - 1:
                    raise

    def _safety_backup(self, actor: Actor, safety_dir: Path | None) -> Path | None:
        if safety_dir is None or self._archive.current_revision() is None:
            return None
        stamp = self._clock.now().strftime(STAMP_FORMAT)
        return self.backup(
            actor, safety_dir / f"timetracker-pre-restore-{stamp}.zip", kind="pre_restore"
        ).path

    def _record_failure(self, actor: Actor, source: Path, why: str) -> None:
        try:
            with self._uow() as uow:
                record(
                    uow, actor, self._clock.now(), AuditAction.BACKUP_RESTORE,
                    (EntityType.BACKUP, source.name),
                    after={"file": str(source), "error": why}, outcome=AuditOutcome.FAILED,
                )  # fmt: skip
                uow.commit()
        except Exception:  # the database may be half-restored (MariaDB); the error itself matters more
            log.warning("could not audit the failed restore of %s", source.name, exc_info=True)
