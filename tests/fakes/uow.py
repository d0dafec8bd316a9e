"""An in-memory unit of work implementing the storage ports, for unit tests of the services."""

from collections.abc import Callable
from types import TracebackType
from typing import Self

from fakes.absences import FakeAbsenceRepository
from fakes.audit import FakeAuditRepository, FakeSettingsRepository
from fakes.closed_months import FakeClosedMonthRepository
from fakes.employees import FakeBadgeRepository, FakeEmployeeRepository, FakePositionRepository
from fakes.leases import FakeLeaseRepository
from fakes.legacy import FakeLegacyIdRepository
from fakes.punches import (
    FakeChallengeRepository,
    FakeCorrectionRepository,
    FakePunchRepository,
    FakeScanReceiptRepository,
    FakeUnassignedRepository,
)
from fakes.schedules import FakeScheduleRepository
from fakes.tables import Tables, Transaction
from fakes.terminals import FakeTerminalRepository
from fakes.users import FakeUserRepository
from fakes.zkteco import FakeAdmsRepository
from timetracker_desktop.repositories.ports import storage as ports
from timetracker_desktop.repositories.ports.absences import AbsenceRepository
from timetracker_desktop.repositories.ports.closed_months import ClosedMonthRepository
from timetracker_desktop.repositories.ports.leases import LeaseRepository
from timetracker_desktop.repositories.ports.legacy import LegacyIdRepository
from timetracker_desktop.repositories.ports.storage import StorageCause, StorageUnavailableError
from timetracker_desktop.repositories.ports.zkteco import AdmsRepository


class FakeUnitOfWork:
    """One transaction over the factory's tables: a snapshot on enter, visible to others only on commit."""

    def __init__(self, factory: "FakeUnitOfWorkFactory", *, read_only: bool) -> None:
        self._factory = factory
        self.read_only = read_only
        self._tx = Transaction()
        self._base: Tables | None = None

    def __enter__(self) -> Self:
        if self._factory.unavailable is not None:
            raise StorageUnavailableError(self._factory.unavailable)
        self._base = self._factory.committed
        self._tx.current = self._base.copy()
        tx = self._tx
        self.positions: ports.PositionRepository = FakePositionRepository(tx)
        self.employees: ports.EmployeeRepository = FakeEmployeeRepository(tx)
        self.badges: ports.BadgeRepository = FakeBadgeRepository(tx)
        self.terminals: ports.TerminalRepository = FakeTerminalRepository(tx)
        self.punches: ports.PunchRepository = FakePunchRepository(tx)
        self.corrections: ports.CorrectionRepository = FakeCorrectionRepository(tx)
        self.unassigned: ports.UnassignedRepository = FakeUnassignedRepository(tx)
        self.schedules: ports.ScheduleRepository = FakeScheduleRepository(tx)
        self.users: ports.UserRepository = FakeUserRepository(tx)
        self.audit: ports.AuditRepository = FakeAuditRepository(tx)
        self.settings: ports.SettingsRepository = FakeSettingsRepository(tx)
        self.scan_receipts: ports.ScanReceiptRepository = FakeScanReceiptRepository(tx)
        self.challenges: ports.ChallengeRepository = FakeChallengeRepository(tx)
        self.legacy_ids: LegacyIdRepository = FakeLegacyIdRepository(tx)
        self.adms: AdmsRepository = FakeAdmsRepository(tx)
        self.absences: AbsenceRepository = FakeAbsenceRepository(tx)
        self.closed_months: ClosedMonthRepository = FakeClosedMonthRepository(tx)
        self.leases: LeaseRepository = FakeLeaseRepository(tx)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Forget whatever was not committed."""
        self._tx.current = None
        self._base = None

    def commit(self) -> None:
        """Publish this transaction's changes; the transaction goes on from the new state."""
        work = self._tx.tables
        assert self._base is not None
        rival, self._factory.before_commit = self._factory.before_commit, None
        if rival is not None:
            rival()
        if self._factory.fail_commits is not None:
            raise StorageUnavailableError(self._factory.fail_commits)
        self._factory.committed = self._factory.committed.merged(self._base, work)
        self._factory.commits += 1
        self._base = self._factory.committed
        self._tx.current = self._base.copy()

    def rollback(self) -> None:
        """Undo everything since the last commit."""
        self._tx.tables  # noqa: B018 - refuse outside the with-block, like the SQL unit of work
        self._base = self._factory.committed  # the next statement starts a transaction on the newest data
        self._tx.current = self._base.copy()

    def flush(self) -> None:
        """Nothing to send: every write was checked when it was made."""
        self._tx.tables  # noqa: B018 - refuse outside the with-block, like the SQL unit of work


class FakeUnitOfWorkFactory:
    """The fake database: committed tables shared by the units of work it makes.

    ``unavailable`` (a cause) makes entering fail and ``fail_commits`` makes committing fail, with the
    ``StorageUnavailableError`` a dead database server gives, for tests of how services report it.
    ``before_commit`` runs once, at the start of the next commit: a rival writer that commits first (races).
    """

    def __init__(self) -> None:
        self.committed = Tables()
        self.commits = 0
        self.unavailable: StorageCause | None = None
        self.fail_commits: StorageCause | None = None
        self.before_commit: Callable[[], None] | None = None

    def __call__(self, *, read_only: bool = False) -> FakeUnitOfWork:
        """A new unit of work (not yet entered)."""
        return FakeUnitOfWork(self, read_only=read_only)
