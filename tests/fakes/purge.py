"""An in-memory retention port: planned counts, an archive that can fail, and a record of what was deleted."""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from timetracker_desktop.repositories.ports.backup import BackupFileError, BackupManifest
from timetracker_desktop.repositories.ports.purge import PURGED_TABLES, PurgePlan
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory


class FakeDatabasePurge:
    """Removes nothing real; ``fail_archive`` makes the archive unreadable; ``deleted`` lists the plans."""

    def __init__(self, uow: UnitOfWorkFactory, rows: int = 3) -> None:
        self._uow = uow
        self.rows = rows
        self.fail_archive = False
        self.asked: list[datetime] = []
        self.deleted: list[PurgePlan] = []

    def preview(self, before: datetime) -> dict[str, int]:
        """``rows`` in every table."""
        self.asked.append(before)
        return dict.fromkeys(PURGED_TABLES, self.rows)

    def write_archive(
        self, before: datetime, target: Path, app_version: str, created_at: datetime
    ) -> tuple[PurgePlan, BackupManifest]:
        """Writes a placeholder file; the plan lists ``rows`` ids per table."""
        target.write_text("archive", encoding="utf-8")
        plan = PurgePlan(before, {name: list(range(self.rows)) for name in PURGED_TABLES}, "anchor")
        return plan, BackupManifest("0012m", app_version, "fake", created_at, ())

    def verify_archive(self, source: Path, plan: PurgePlan) -> BackupManifest:
        """Fails when told to."""
        if self.fail_archive:
            raise BackupFileError("damaged")
        return BackupManifest("0012m", "test", "fake", plan.before, ())

    def delete(self, plan: PurgePlan, done: Callable[[UnitOfWork], None]) -> None:
        """Records the plan and runs ``done`` in one unit of work."""
        with self._uow() as uow:
            self.deleted.append(plan)
            done(uow)
            uow.commit()
