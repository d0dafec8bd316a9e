"""The bundle of services the composition root builds and hands to the GUI, the listener and the CLI."""

from dataclasses import dataclass

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.repositories.ports import UnitOfWorkFactory
from timetracker_desktop.services.audit import AuditService
from timetracker_desktop.services.challenges import ChallengeStore
from timetracker_desktop.services.desk_enrollment import DeskEnrollmentService
from timetracker_desktop.services.employees import EmployeeService
from timetracker_desktop.services.passwords import PasswordHasher
from timetracker_desktop.services.punches import PunchService
from timetracker_desktop.services.report_exports import ReportExportService
from timetracker_desktop.services.reports import ReportService
from timetracker_desktop.services.scans import ScanService
from timetracker_desktop.services.schedules import ScheduleService
from timetracker_desktop.services.settings import SettingsService
from timetracker_desktop.services.terminal_health import TerminalHealthService
from timetracker_desktop.services.terminals import TerminalService
from timetracker_desktop.services.users import UserService
from timetracker_desktop.services.worktime import WorktimeService


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


def build_services(uow: UnitOfWorkFactory, clock: Clock, *, bcrypt_rounds: int = 12) -> Services:
    """Wire the services over one storage and clock."""
    health = TerminalHealthService(uow, clock)
    reports = ReportService(uow, clock)
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
        scans=ScanService(uow, clock, ChallengeStore(clock), health),
        reports=reports,
        report_exports=ReportExportService(uow, clock, reports),
    )
