"""The bundle of services the composition root builds and hands to the GUI, the listener and the CLI."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.repositories.ports.backup import DatabaseArchive
from timetracker_desktop.repositories.ports.database_care import DatabaseMaintenance
from timetracker_desktop.repositories.ports.legacy import LegacySource
from timetracker_desktop.repositories.ports.purge import DatabasePurge
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.attendance.punches import PunchService
from timetracker_desktop.services.attendance.worktime import WorktimeService
from timetracker_desktop.services.audit import AuditService
from timetracker_desktop.services.backup.schedule import BackupScheduleService
from timetracker_desktop.services.backup.service import BackupService
from timetracker_desktop.services.database_care.care import DatabaseCare, database_care
from timetracker_desktop.services.database_care.health import HealthService
from timetracker_desktop.services.database_care.receipts import ReceiptPurge
from timetracker_desktop.services.diagnostics import DiagnosticsService
from timetracker_desktop.services.ingest.challenges import ChallengeStore, DatabaseKey
from timetracker_desktop.services.ingest.scans import ScanService
from timetracker_desktop.services.legacy.importer import LegacyImportService
from timetracker_desktop.services.maintenance.lease import LeaseService
from timetracker_desktop.services.people.desk_enrollment import DeskEnrollmentService
from timetracker_desktop.services.people.employees import EmployeeService
from timetracker_desktop.services.people.passwords import PasswordHasher
from timetracker_desktop.services.people.users import UserService
from timetracker_desktop.services.reports.exports import ReportExportService
from timetracker_desktop.services.reports.service import ReportService
from timetracker_desktop.services.schedules.schedules import ScheduleService
from timetracker_desktop.services.settings import SettingsService
from timetracker_desktop.services.terminals.health import TerminalHealthService
from timetracker_desktop.services.terminals.terminals import TerminalService
from timetracker_desktop.services.timesheet.absences import AbsenceService
from timetracker_desktop.services.timesheet.closing import MonthClosingService
from timetracker_desktop.services.zkteco.admin import AdmsAdminService
from timetracker_desktop.services.zkteco.device_api import AdmsService


@dataclass(frozen=True, slots=True)
class Services:
    """Every use case of the application, sharing one unit-of-work factory and clock."""

    uow: UnitOfWorkFactory
    clock: Clock
    settings: SettingsService
    users: UserService
    employees: EmployeeService
    terminals: TerminalService
    punches: PunchService
    schedules: ScheduleService
    worktime: WorktimeService
    audit: AuditService
    desk_enrollment: DeskEnrollmentService
    terminal_health: TerminalHealthService
    scans: ScanService
    reports: ReportService
    report_exports: ReportExportService
    adms: AdmsService
    adms_admin: AdmsAdminService
    absences: AbsenceService
    months: MonthClosingService
    runner_lease: LeaseService  # who runs automatic backups (and later other scheduled jobs)
    backups: BackupService | None = None  # None when no archive was wired (tests of other parts)
    backup_schedule: BackupScheduleService | None = None
    legacy_import: LegacyImportService | None = None  # None when no legacy reader was wired
    diagnostics: DiagnosticsService | None = None  # None when no schema revision reader was wired
    database_care: DatabaseCare | None = None  # None when no maintenance port was wired
    receipts: ReceiptPurge | None = None
    health: HealthService | None = None  # the alerts (always wired by build_services)


def build_services(
    uow: UnitOfWorkFactory,
    clock: Clock,
    *,
    bcrypt_rounds: int = 12,
    archive: DatabaseArchive | None = None,
    backup_folder: Callable[[], Path] | None = None,
    legacy_source: Callable[[str], LegacySource] | None = None,
    revision: Callable[[], tuple[str | None, str]] | None = None,
    maintenance: DatabaseMaintenance | None = None,
    purge: DatabasePurge | None = None,
) -> Services:
    """Wire the services over one storage and clock (optional parts only when given what they need)."""
    health = TerminalHealthService(uow, clock)
    reports = ReportService(uow, clock)
    backups = BackupService(uow, clock, archive) if archive is not None else None
    schedule = (
        BackupScheduleService(uow, clock, backups, backup_folder)
        if backups is not None and backup_folder is not None
        else None
    )
    folder = schedule.folder if schedule is not None else backup_folder
    care = database_care(uow, clock, maintenance, folder, purge) if maintenance is not None else None
    alerts = HealthService(uow, clock, maintenance, folder, health.unflushed_last_seen)
    return Services(
        uow=uow,
        clock=clock,
        settings=SettingsService(uow, clock),
        users=UserService(uow, clock, PasswordHasher(bcrypt_rounds)),
        employees=EmployeeService(uow, clock),
        terminals=TerminalService(uow, clock),
        punches=PunchService(uow, clock),
        schedules=ScheduleService(uow, clock),
        worktime=WorktimeService(uow, clock),
        audit=AuditService(uow),
        desk_enrollment=DeskEnrollmentService(uow, clock),
        terminal_health=health,
        scans=ScanService(uow, clock, ChallengeStore(clock, DatabaseKey(uow)), health),
        reports=reports,
        report_exports=ReportExportService(uow, clock, reports),
        adms=AdmsService(uow, clock, health),
        adms_admin=AdmsAdminService(uow, clock),
        absences=AbsenceService(uow, clock),
        months=MonthClosingService(uow, clock),
        runner_lease=LeaseService(uow, clock),
        backups=backups,
        backup_schedule=schedule,
        legacy_import=LegacyImportService(uow, clock, legacy_source) if legacy_source else None,
        diagnostics=DiagnosticsService(uow, clock, revision, alerts) if revision else None,
        database_care=care,
        receipts=ReceiptPurge(uow, clock),
        health=alerts,
    )
