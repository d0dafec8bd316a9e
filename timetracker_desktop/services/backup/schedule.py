"""Automatic backups: folder, interval and retention as settings; the "back up if due" job."""

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ErrorCode, ValidationError
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.backup.service import STAMP_FORMAT, BackupResult, BackupService
from timetracker_desktop.services.guard import require

log = logging.getLogger(__name__)
FOLDER_KEY, INTERVAL_KEY, KEEP_KEY = "backup_folder", "backup_interval_hours", "backup_keep"
MAX_INTERVAL_HOURS = 24 * 31
MAX_KEEP = 1000
RETRY_AFTER = timedelta(hours=1)  # after a failed automatic backup (not every poll: one audit line an hour)
_AUTO_RE = re.compile(r"^timetracker-auto-(\d{8}T\d{6}Z)\.zip$")


@dataclass(frozen=True, slots=True)
class BackupSchedule:
    """Where automatic backups go, how often (0 = never) and how many are kept."""

    folder: str = ""
    interval_hours: int = 24
    keep: int = 14


def backup_name(kind: str, at: datetime) -> str:
    """``timetracker-<kind>-<UTC stamp>.zip``; automatic ones are recognised (and pruned) by this name."""
    return f"timetracker-{kind}-{at.astimezone(UTC).strftime(STAMP_FORMAT)}.zip"


def _whole(value: str, low: int, high: int, field: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ValidationError(
            f"{field}: {value!r} is not a whole number", code=ErrorCode.NOT_A_NUMBER, field=field
        ) from None
    if not low <= number <= high:
        raise ValidationError(
            f"{field}: {number} is outside {low}..{high}", code=ErrorCode.OUT_OF_RANGE, field=field
        )
    return number


def _check_interval(hours: int | str) -> int:
    return _whole(str(hours), 0, MAX_INTERVAL_HOURS, INTERVAL_KEY)


def _check_keep(count: int | str) -> int:
    return _whole(str(count), 1, MAX_KEEP, KEEP_KEY)


def _schedule(stored: dict[str, str]) -> BackupSchedule:
    """The stored schedule; a value that no longer validates falls back to the default."""
    default = BackupSchedule()
    try:
        interval = _check_interval(stored.get(INTERVAL_KEY, default.interval_hours))
        keep = _check_keep(stored.get(KEEP_KEY, default.keep))
    except ValidationError:
        return default
    return BackupSchedule(stored.get(FOLDER_KEY, ""), interval, keep)


def automatic_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """Automatic backups in a folder, oldest first, with the instants in their names."""
    found = []
    for path in folder.glob("timetracker-auto-*.zip") if folder.is_dir() else []:
        match = _AUTO_RE.match(path.name)
        if match:
            found.append((datetime.strptime(match[1], STAMP_FORMAT).replace(tzinfo=UTC), path))
    return sorted(found)


class BackupScheduleService:
    """Settings of automatic backups and the "back up if due" use case."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, backups: BackupService, default_folder: Callable[[], Path]
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._backups = backups
        self._default_folder = default_folder
        self._failed_at: datetime | None = None  # the last failed automatic backup of this process

    def current(self) -> BackupSchedule:
        """The schedule in force (defaults for what was never set)."""
        with self._uow(read_only=True) as uow:
            return _schedule(uow.settings.all())

    def folder(self, schedule: BackupSchedule | None = None) -> Path:
        """The folder backups go to: the setting, else ``backups`` in the user data folder."""
        chosen = (schedule or self.current()).folder
        return Path(chosen) if chosen else self._default_folder()

    def change(
        self,
        actor: Actor,
        *,
        folder: str | None = None,
        interval_hours: int | None = None,
        keep: int | None = None,
    ) -> BackupSchedule:
        """Change the schedule; audited old -> new."""
        require(actor, Permission.MANAGE_SETTINGS)
        if folder and not Path(folder).is_absolute():
            raise ValidationError(
                "the backup folder must be an absolute path", code=ErrorCode.BAD_FOLDER, field=FOLDER_KEY
            )
        now = self._clock.now()
        with self._uow() as uow:
            before = _schedule(uow.settings.all())
            after = BackupSchedule(
                before.folder if folder is None else folder.strip(),
                before.interval_hours if interval_hours is None else _check_interval(interval_hours),
                before.keep if keep is None else _check_keep(keep),
            )
            for key, value in (
                (FOLDER_KEY, after.folder),
                (INTERVAL_KEY, after.interval_hours),
                (KEEP_KEY, after.keep),
            ):
                uow.settings.set(key, str(value), now)
            record(
                uow,
                actor,
                now,
                AuditAction.SETTINGS_CHANGE,
                (EntityType.SETTING, "backup_schedule"),
                before=_text(before),
                after=_text(after),
            )
            uow.commit()
        return after

    def next_due(self) -> datetime | None:
        """When the next automatic backup is due (None when switched off)."""
        schedule = self.current()
        if schedule.interval_hours == 0:
            return None
        existing = automatic_backups(self.folder(schedule))
        if not existing:
            return self._clock.now()
        return existing[-1][0] + timedelta(hours=schedule.interval_hours)

    def run_if_due(self, may_run: Callable[[], bool] | None = None) -> BackupResult | None:
        """Make an automatic backup when one is due, then delete the oldest beyond the number kept.

        ``may_run`` is asked right before the backup (the scheduled-jobs runner checks that it still holds
        the database's lease); False skips it. A failure (a folder that cannot be written, a full disk) is
        audited as a failed ``backup.create`` with the reason and logged, never raised; it is tried again
        after ``RETRY_AFTER``.
        """
        due = self.next_due()
        now = self._clock.now()
        if due is None or due > now:
            return None
        if self._failed_at is not None and now - self._failed_at < RETRY_AFTER:
            return None
        if may_run is not None and not may_run():
            log.info("an automatic backup is due, but another program runs them now")
            return None
        schedule = self.current()
        folder = self.folder(schedule)
        target = folder / backup_name("auto", now)
        try:
            result = self._backups.backup(Actor.system(), target, kind="automatic")
        except Exception as error:  # noqa: BLE001 - audited and logged; the runner and the next try go on
            self._failed_at = now
            self._record_failure(target, error)
            return None
        self._failed_at = None
        for _at, old in automatic_backups(folder)[: -schedule.keep]:
            old.unlink(missing_ok=True)
            log.info("old automatic backup %s deleted", old.name)
        return result

    def _record_failure(self, target: Path, error: Exception) -> None:
        why = str(error) or type(error).__name__
        log.warning("the automatic backup to %s failed: %s", target.parent, why)
        try:
            with self._uow() as uow:
                record(
                    uow,
                    Actor.system(),
                    self._clock.now(),
                    AuditAction.BACKUP_CREATE,
                    (EntityType.BACKUP, target.name),
                    after={"file": str(target), "kind": "automatic", "error": why},
                    reason=why,
                    outcome=AuditOutcome.FAILED,
                )
                uow.commit()
        except Exception:  # the database itself is gone: the log line above is all there is
            log.warning("could not audit the failed automatic backup", exc_info=True)


def _text(schedule: BackupSchedule) -> dict[str, str]:
    return {
        FOLDER_KEY: schedule.folder,
        INTERVAL_KEY: str(schedule.interval_hours),
        KEEP_KEY: str(schedule.keep),
    }
