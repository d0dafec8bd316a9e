"""Alerts: what needs attention (backups, disk space, database size, checks, terminals, the listener)."""

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.repositories.ports.database_care import DatabaseMaintenance, GrowthTable
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.database_care.periodic import Periodic
from timetracker_desktop.services.database_care.space import disk_usage
from timetracker_desktop.services.settings import load_settings

log = logging.getLogger(__name__)
MB = 1024**2
WATCH_EVERY_SECONDS = 3600.0
BACKUPS_LOOKED_AT = 50  # the newest backup entries searched for the last good one
WORKING_DAYS = range(5)  # Monday to Friday


class AlertKind(StrEnum):
    """One thing that needs attention; the value names it in ``diagnostics --json`` and the log."""

    NO_RECENT_BACKUP = "no_recent_backup"  # params: hours (since the last good one, or "never"), limit
    LAST_BACKUP_FAILED = "last_backup_failed"  # params: at
    DISK_SPACE_LOW = "disk_space_low"  # params: place (database/backups), folder, free_mb
    DATABASE_LARGE = "database_large"  # params: size_mb, limit_mb
    CHECK_FAILED = "check_failed"  # params: at
    CHECK_OVERDUE = "check_overdue"  # params: days (since the last check, or "never"), limit
    TERMINAL_SILENT = "terminal_silent"  # params: terminal, minutes (or "never"), limit
    LISTENER_NOT_RUNNING = "listener_not_running"  # params: error


ADVICE: Mapping[AlertKind, str] = {  # for the log of a service-only installation (the GUI has its own words)
    AlertKind.NO_RECENT_BACKUP: "make a backup (Backups page, or `backup`) and switch automatic backups on",
    AlertKind.LAST_BACKUP_FAILED: "check the backup folder and its free space, then back up again",
    AlertKind.DISK_SPACE_LOW: "free up space on that disk or move the backups to a larger one",
    AlertKind.DATABASE_LARGE: "run `db optimize`; if it stays large, archive and remove the oldest years",
    AlertKind.CHECK_FAILED: "restore the last good backup, then run `db check` again",
    AlertKind.CHECK_OVERDUE: "run `db check` (or Check the database on the Database page)",
    AlertKind.TERMINAL_SILENT: "check the terminal's power and network and that the listener is reachable",
    AlertKind.LISTENER_NOT_RUNNING: "restart the program; see `diagnostics` for the listener's error",
}


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert and its facts as text (the words, with what to do, are the GUI's and the log's)."""

    kind: AlertKind
    params: Mapping[str, str] = field(default_factory=dict)

    def as_text(self) -> str:
        """``kind key=value ...`` for the log."""
        return " ".join([self.kind.value, *(f"{k}={v}" for k, v in self.params.items())])


DiskUsage = Callable[[Path], tuple[int, int] | None]  # (free, total) bytes


def _iso(at: datetime, settings: BusinessSettings) -> str:
    """An instant with the office zone's offset (``2026-12-02T08:40+02:00``): the GUI shows its wall time."""
    return at.astimezone(settings.zone).isoformat(timespec="minutes")


class HealthService:
    """Cheap checks (a few indexed reads and two disk queries) run by the GUI, ``serve`` and ``diagnostics``.

    Args:
        maintenance: the database's size and file (None: size and database disk are not checked).
        backup_folder: where automatic backups go (None: that disk is not checked).
        recent: when this process last saw each terminal, not flushed yet (as in the terminal overview).
        disk: free and total bytes of a folder's disk (faked in tests).
    """

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        maintenance: DatabaseMaintenance | None = None,
        backup_folder: Callable[[], Path] | None = None,
        recent: Callable[[], Mapping[int, datetime]] | None = None,
        disk: DiskUsage = disk_usage,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._maintenance = maintenance
        self._backup_folder = backup_folder
        self._recent = recent
        self._disk = disk

    def alerts(self, *, listener_running: bool | None = None, listener_error: str = "") -> list[Alert]:
        """Everything that needs attention now; ``listener_running`` None: no listener in this program."""
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            settings = load_settings(uow)
            found = self._backups(uow, settings, now) + self._checks(uow, settings, now)
            terminals = uow.terminals.list_all()
        found += self._space(settings)
        found += self._terminals(terminals, settings, now)
        if listener_running is False:
            found.append(Alert(AlertKind.LISTENER_NOT_RUNNING, {"error": listener_error}))
        return found

    def _backups(self, uow: UnitOfWork, settings: BusinessSettings, now: datetime) -> list[Alert]:
        entries = uow.audit.list_all(action=AuditAction.BACKUP_CREATE, limit=BACKUPS_LOOKED_AT)
        found = []
        if entries and entries[0].outcome != AuditOutcome.OK:
            found.append(Alert(AlertKind.LAST_BACKUP_FAILED, {"at": _iso(entries[0].at, settings)}))
        good = next((e.at for e in entries if e.outcome == AuditOutcome.OK), None)
        if good is None or now - good > timedelta(hours=settings.alert_backup_max_age_hours):
            hours = "never" if good is None else str(int((now - good).total_seconds() // 3600))
            limit = str(settings.alert_backup_max_age_hours)
            found.append(Alert(AlertKind.NO_RECENT_BACKUP, {"hours": hours, "limit": limit}))
        return found

    def _checks(self, uow: UnitOfWork, settings: BusinessSettings, now: datetime) -> list[Alert]:
        entries = uow.audit.list_all(action=AuditAction.DATABASE_CHECK, limit=1)
        overdue = timedelta(days=settings.alert_check_overdue_days)
        limit = str(settings.alert_check_overdue_days)
        if entries:
            last = entries[0]
            if last.outcome != AuditOutcome.OK:
                return [Alert(AlertKind.CHECK_FAILED, {"at": _iso(last.at, settings)})]
            if now - last.at > overdue:
                return [Alert(AlertKind.CHECK_OVERDUE, {"days": str((now - last.at).days), "limit": limit})]
            return []
        # Never checked: overdue only once the database holds punches older than the period (not on day one).
        oldest = self._maintenance.span(GrowthTable.PUNCHES).oldest if self._maintenance else None
        if oldest is not None and now - oldest > overdue:
            return [Alert(AlertKind.CHECK_OVERDUE, {"days": "never", "limit": limit})]
        return []

    def _space(self, settings: BusinessSettings) -> list[Alert]:
        found = []
        places: list[tuple[str, Path]] = []
        if self._maintenance is not None:
            facts = self._maintenance.facts()
            if facts.size_bytes > settings.alert_database_max_mb * MB:
                size = {
                    "size_mb": str(facts.size_bytes // MB),
                    "limit_mb": str(settings.alert_database_max_mb),
                }
                found.append(Alert(AlertKind.DATABASE_LARGE, size))
            if facts.file is not None:
                places.append(("database", Path(facts.file).parent))
        if self._backup_folder is not None:
            places.append(("backups", self._backup_folder()))
        for place, folder in places:
            usage = self._disk(folder)
            if usage is not None and _low(*usage, settings):
                where = {"place": place, "folder": str(folder), "free_mb": str(usage[0] // MB)}
                found.append(Alert(AlertKind.DISK_SPACE_LOW, where))
        return found

    def _terminals(self, terminals: list[Terminal], settings: BusinessSettings, now: datetime) -> list[Alert]:
        local = now.astimezone(settings.zone)
        working = local.weekday() in WORKING_DAYS and (
            settings.alert_working_hours_start <= local.hour < settings.alert_working_hours_end
        )
        if not working:
            return []
        recent = self._recent() if self._recent is not None else {}
        limit = timedelta(minutes=settings.alert_terminal_silent_minutes)
        found = []
        for t in terminals:
            seen = max((at for at in (t.last_seen_at, recent.get(t.id)) if at is not None), default=None)
            if t.is_active and (seen is None or now - seen > limit):
                minutes = "never" if seen is None else str(int((now - seen).total_seconds() // 60))
                found.append(
                    Alert(
                        AlertKind.TERMINAL_SILENT,
                        {
                            "terminal": t.name,
                            "minutes": minutes,
                            "limit": str(settings.alert_terminal_silent_minutes),
                        },
                    )
                )
        return found


def _low(free: int, total: int, settings: BusinessSettings) -> bool:
    """Below the minimum in megabytes, or below the minimum share of the disk."""
    return (
        free < settings.alert_free_space_min_mb * MB
        or free * 100 < total * settings.alert_free_space_min_percent
    )


class HealthWatcher(Periodic):
    """A daemon thread of ``serve``: every alert as a WARNING at start and then every hour, so that an
    installation without the GUI is watched too."""

    def __init__(self, health: HealthService, *, every: float = WATCH_EVERY_SECONDS) -> None:
        super().__init__("health-watcher", self.check_once, first_after=0.0, every=every,
                         failure="the health checks failed")  # fmt: skip
        self._health = health

    def check_once(self) -> list[Alert]:
        """Log the alerts of now (an unreachable database is logged as an error, and tried again later)."""
        try:
            alerts = self._health.alerts()
        except Exception:  # a lost database must not end the thread
            log.exception("the health checks failed")
            return []
        for alert in alerts:
            log.warning("needs attention: %s; %s", alert.as_text(), ADVICE[alert.kind])
        return alerts
