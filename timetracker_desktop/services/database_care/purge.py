"""Retention with export first: preview, archive, read the archive back, then remove in one transaction."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from timetracker_desktop import __version__
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, ValidationError
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.backup import BackupFileError, BackupMismatchError
from timetracker_desktop.repositories.ports.purge import PURGED_BEFORE_KEY, DatabasePurge
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.settings import load_settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PurgePreview:
    """What a purge before a date would remove, and the earliest date allowed."""

    before: date
    cutoff: datetime  # the instant: midnight of ``before`` in the office zone, as UTC
    rows: dict[str, int]
    latest_allowed: date

    @property
    def total(self) -> int:
        """Rows over all tables."""
        return sum(self.rows.values())


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """A finished purge."""

    archive: Path
    rows: dict[str, int]


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


class DatabasePurgeService:
    """``db purge --before DATE --archive FILE`` and the Database page's wizard."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, purge: DatabasePurge) -> None:
        self._uow = uow
        self._clock = clock
        self._purge = purge

    def preview(self, actor: Actor, before: date) -> PurgePreview:
        """Rows per table older than ``before``; refused inside the protected months."""
        require(actor, Permission.MANAGE_SETTINGS)
        with self._uow(read_only=True) as uow:
            settings = load_settings(uow)
        zone = ZoneInfo(settings.time_zone)
        today = self._clock.now().astimezone(zone).date()
        latest = _months_back(today, settings.retention_protected_months)
        if before > latest:
            error = ValidationError(
                f"{before.isoformat()} is inside the last {settings.retention_protected_months} months, which"
                f" are kept (the retention_protected_months setting): choose {latest.isoformat()} or earlier",
                code=ErrorCode.PURGE_PROTECTED_PERIOD,
                field="before",
            )
            error.params.update(
                {"latest": latest.isoformat(), "months": str(settings.retention_protected_months)}
            )
            raise error
        cutoff = datetime.combine(before, time(), zone)
        return PurgePreview(before, cutoff, self._purge.preview(cutoff), latest)

    def purge(
        self, actor: Actor, before: date, archive: Path, progress: Callable[[str], None] | None = None
    ) -> PurgeResult:
        """Archive, read it back, then remove exactly the archived rows (audited in that transaction)."""
        say = progress or (lambda _step: None)
        preview = self.preview(actor, before)
        archive.parent.mkdir(parents=True, exist_ok=True)
        say("archive")
        try:
            plan, _manifest = self._purge.write_archive(
                preview.cutoff, archive, __version__, self._clock.now()
            )
            say("verify")
            self._purge.verify_archive(archive, plan)
        except (BackupFileError, BackupMismatchError, OSError) as error:
            raise ConflictError(
                f"the archive {archive} could not be written or read back ({error}): nothing was removed",
                code=ErrorCode.PURGE_ARCHIVE_FAILED,
            ) from None
        rows = plan.counts()
        say("delete")

        def audit(uow: UnitOfWork) -> None:
            earlier = uow.settings.all().get(PURGED_BEFORE_KEY, "")
            if before.isoformat() > earlier:  # closed months before it are no longer compared by db check
                uow.settings.set(PURGED_BEFORE_KEY, before.isoformat(), self._clock.now())
            after = {
                "before": before.isoformat(),
                "archive": str(archive),
                "rows": rows,
                "anchor": plan.anchor,
            }
            record(
                uow,
                actor,
                self._clock.now(),
                AuditAction.DATABASE_PURGE,
                (EntityType.DATABASE, "purge"),
                after=after,
            )

        try:
            self._purge.delete(plan, audit)
        except BackupMismatchError as error:
            raise ConflictError(
                f"{error}: nothing was removed; run the purge again (the archive {archive} can be deleted)",
                code=ErrorCode.PURGE_ARCHIVE_FAILED,
            ) from None
        log.info("purged %s rows before %s into %s", rows, before, archive)
        return PurgeResult(archive, rows)
