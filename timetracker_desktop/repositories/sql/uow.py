"""Unit of work: one SQLAlchemy Session per use case; DBAPI errors become storage-port errors."""

from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from timetracker_desktop.repositories.ports import storage as ports
from timetracker_desktop.repositories.ports.abandon import refuse_if_abandoned
from timetracker_desktop.repositories.ports.absences import AbsenceRepository
from timetracker_desktop.repositories.ports.closed_months import ClosedMonthRepository
from timetracker_desktop.repositories.ports.leases import LeaseRepository
from timetracker_desktop.repositories.ports.legacy import LegacyIdRepository
from timetracker_desktop.repositories.ports.zkteco import AdmsRepository
from timetracker_desktop.repositories.sql.absences import SqlAbsenceRepository
from timetracker_desktop.repositories.sql.audit import SqlAuditRepository
from timetracker_desktop.repositories.sql.challenges import SqlChallengeRepository
from timetracker_desktop.repositories.sql.closed_months import SqlClosedMonthRepository
from timetracker_desktop.repositories.sql.employees import (
    SqlBadgeRepository,
    SqlEmployeeRepository,
    SqlPositionRepository,
)
from timetracker_desktop.repositories.sql.errors import STORAGE_ERRORS, translate
from timetracker_desktop.repositories.sql.leases import SqlLeaseRepository
from timetracker_desktop.repositories.sql.legacy_ids import SqlLegacyIdRepository
from timetracker_desktop.repositories.sql.punches import (
    SqlCorrectionRepository,
    SqlPunchRepository,
    SqlScanReceiptRepository,
    SqlUnassignedRepository,
)
from timetracker_desktop.repositories.sql.schedules import SqlScheduleRepository
from timetracker_desktop.repositories.sql.settings import SqlSettingsRepository
from timetracker_desktop.repositories.sql.terminals import SqlTerminalRepository
from timetracker_desktop.repositories.sql.users import SqlUserRepository
from timetracker_desktop.repositories.sql.zkteco import SqlAdmsRepository


class SqlAlchemyUnitOfWork:
    """A transaction with every repository bound to one Session."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory
        self._session: Session | None = None

    def __enter__(self) -> Self:
        session = self._factory()
        self._session = session
        self.positions: ports.PositionRepository = SqlPositionRepository(session)
        self.employees: ports.EmployeeRepository = SqlEmployeeRepository(session)
        self.badges: ports.BadgeRepository = SqlBadgeRepository(session)
        self.terminals: ports.TerminalRepository = SqlTerminalRepository(session)
        self.punches: ports.PunchRepository = SqlPunchRepository(session)
        self.corrections: ports.CorrectionRepository = SqlCorrectionRepository(session)
        self.unassigned: ports.UnassignedRepository = SqlUnassignedRepository(session)
        self.schedules: ports.ScheduleRepository = SqlScheduleRepository(session)
        self.users: ports.UserRepository = SqlUserRepository(session)
        self.audit: ports.AuditRepository = SqlAuditRepository(session)
        self.settings: ports.SettingsRepository = SqlSettingsRepository(session)
        self.scan_receipts: ports.ScanReceiptRepository = SqlScanReceiptRepository(session)
        self.challenges: ports.ChallengeRepository = SqlChallengeRepository(session)
        self.legacy_ids: LegacyIdRepository = SqlLegacyIdRepository(session)
        self.adms: AdmsRepository = SqlAdmsRepository(session)
        self.absences: AbsenceRepository = SqlAbsenceRepository(session)
        self.closed_months: ClosedMonthRepository = SqlClosedMonthRepository(session)
        self.leases: LeaseRepository = SqlLeaseRepository(session)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Roll back whatever was not committed, close, and translate database errors."""
        session = self._session
        self._session = None
        if session is None:
            return
        try:
            session.rollback()
        except STORAGE_ERRORS:
            pass  # the connection is already broken; the original error is what matters
        finally:
            session.close()
        if isinstance(exc, STORAGE_ERRORS):
            raise translate(exc) from exc

    @property
    def session(self) -> Session:
        """The open session (only inside ``with``)."""
        if self._session is None:
            raise RuntimeError("unit of work used outside its with-block")
        return self._session

    def commit(self) -> None:
        """Commit the transaction (refused when the caller gave up waiting, ports.abandon)."""
        refuse_if_abandoned()
        try:
            self.session.commit()
        except STORAGE_ERRORS as error:
            raise translate(error) from error

    def flush(self) -> None:
        """Send pending changes (to learn ids or hit constraints early)."""
        try:
            self.session.flush()
        except STORAGE_ERRORS as error:
            raise translate(error) from error

    def rollback(self) -> None:
        """Undo everything since the last commit."""
        self.session.rollback()


class SqlUnitOfWorkFactory:
    """Makes units of work; on SQLite, readers get a deferred-BEGIN engine and writers an immediate one."""

    def __init__(self, write_engine: Engine, read_engine: Engine | None = None) -> None:
        self.write_engine = write_engine
        self.read_engine = read_engine or write_engine
        self._write = sessionmaker(write_engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

    def __call__(self, *, read_only: bool = False) -> SqlAlchemyUnitOfWork:
        """A new unit of work (not yet entered)."""
        return SqlAlchemyUnitOfWork(self._read if read_only else self._write)

    def dispose(self) -> None:
        """Close pooled connections."""
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
