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
    BackupTamperedError,
    BackupTrust,
    DatabaseArchive,
    RestoreFailedError,
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


def _outcome(error: RestoreFailedError) -> tuple[str, str]:
    """What became of the live data after a failed rebuild: a stable name and an English sentence."""
    if not error.touched:
        return "unchanged", f"{error.reason}; the database was not changed"
    if error.rolled_back:
        return "rolled_back", f"{error.reason}; the previous data was put back from {error.copy}"
    if error.copy is None:
        return "was_empty", f"{error.reason}; the database was empty before"
    return (
        "rollback_failed",
        f"{error.reason}; putting the previous data back failed too: restore {error.copy}",
    )


def _summary(manifest: BackupManifest) -> dict[str, object]:
    return {
        "schema_revision": manifest.schema_revision,
        "app_version": manifest.app_version,
        "backend": manifest.backend,
        "created_at": manifest.created_at.isoformat(),
        "rows": {t.name: t.rows for t in manifest.tables},
    }


def archive_reason(manifest: BackupManifest) -> str:
    """Why a purge's archive is refused as a backup to restore (the CLI adds its flag)."""
    return (
        f"this file is an archive of the records removed before {manifest.archive_before}, not a backup:"
        " restoring it over the working database would replace today's records with old ones; restore it"
        " into a separate, empty database (--db) to read it"
    )


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

    @property
    def key_id(self) -> str:
        """This installation's backup key fingerprint (shown so that backups can be told apart by PC)."""
        return self._archive.key_id

    def inspect(self, source: Path) -> BackupManifest:
        """The manifest of a backup, refused when unreadable, changed or made by a newer program."""
        try:
            manifest = self._archive.read_manifest(source)
        except BackupTamperedError as error:
            raise ConflictError(str(error), code=ErrorCode.BACKUP_TAMPERED) from None
        except BackupFileError as error:
            raise ValidationError(str(error), code=ErrorCode.BACKUP_UNREADABLE, field="file") from None
        if not self._archive.knows_revision(manifest.schema_revision):
            raise ConflictError(
                f"the backup is from a newer version of the program (schema {manifest.schema_revision},"
                f" app {manifest.app_version}): update TimeTracker Desktop first",
                code=ErrorCode.BACKUP_FROM_NEWER_VERSION,
            )
        return manifest

    def restore(
        self,
        actor: Actor,
        source: Path,
        *,
        safety_dir: Path | None = None,
        accept_foreign: bool = False,
        accept_archive: bool = False,
    ) -> RestoreResult:
        """Replace the database with the backup, checked row by row; the old data is backed up first.

        A backup not signed by this installation (another PC, or a version without keys) is restored only
        with ``accept_foreign``. A purge's archive only with ``accept_archive`` (meant for a scratch database:
        over the working one it would replace today's records with old ones). Every failure leaves the
        previous data in place and names the safety backup.
        """
        require(actor, Permission.MANAGE_SETTINGS)
        manifest = self.inspect(source)
        if manifest.archive_before is not None and not accept_archive:
            raise ConflictError(archive_reason(manifest), code=ErrorCode.BACKUP_IS_ARCHIVE)
        if manifest.trust is not BackupTrust.OURS and not accept_foreign:
            raise ConflictError(self.foreign_reason(manifest), code=ErrorCode.BACKUP_FOREIGN)
        safety = self._safety_backup(actor, safety_dir)
        try:
            self._archive.restore(source, rollback=safety)
        except BackupMismatchError as error:
            raise self._failed(actor, source, str(error), safety, ErrorCode.BACKUP_MISMATCH) from None
        except BackupFileError as error:
            raise self._failed(actor, source, str(error), safety, ErrorCode.BACKUP_UNREADABLE) from None
        except RestoreFailedError as error:
            outcome, why = _outcome(error)
            failed = self._failed(actor, source, why, safety, ErrorCode.RESTORE_FAILED, outcome)
            failed.params["copy"] = str(error.copy or "")
            raise failed from None
        after = {
            "file": str(source),
            "safety_backup": str(safety) if safety else None,
            "trust": manifest.trust.value,
            **_summary(manifest),
        }
        self._audit(actor, AuditAction.BACKUP_RESTORE, source, after)
        log.info("restored %s (%d rows)", source.name, manifest.total_rows())
        return RestoreResult(manifest, safety)

    @staticmethod
    def archive_reason(manifest: BackupManifest) -> str:
        """Why a purge's archive is not restored over the working database."""
        return archive_reason(manifest)

    def foreign_reason(self, manifest: BackupManifest) -> str:
        """Why a backup needs an explicit confirmation."""
        if manifest.trust is BackupTrust.UNSIGNED:
            return "the backup is not signed (made by a version before backup keys): confirm to restore it"
        return (
            f"the backup was signed by another installation (key {manifest.key_id}; this one is"
            f" {self.key_id}): confirm that you trust it to restore it"
        )

    def _failed(
        self,
        actor: Actor,
        source: Path,
        why: str,
        safety: Path | None,
        code: ErrorCode,
        outcome: str = "unchanged",
    ) -> ConflictError:
        """The error to raise: what went wrong, what became of the data, and where the safety copy is.

        ``params`` carry the outcome (unchanged, rolled_back, rollback_failed, was_empty) and the paths, so
        that the GUI can say it in the user's language.
        """
        self._record_failure(actor, source, why)
        kept = " The database was not changed." if code != ErrorCode.RESTORE_FAILED else ""
        where = f" The safety backup of the current data is {safety}." if safety else ""
        verb = "failed" if code == ErrorCode.RESTORE_FAILED else "refused"
        error = ConflictError(f"restore {verb}: {why}.{kept}{where}", code=code)
        error.params.update({"outcome": outcome, "safety_backup": str(safety) if safety else ""})
        return error

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
