"""Database care's decisions over the fake storage: when VACUUM runs, which check depth, what is audited."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fakes import ADMIN, FakeClock, FakeUnitOfWorkFactory
from fakes.database_care import FakeDatabaseMaintenance

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.audit import AuditAction
from timetracker_desktop.repositories.ports.database_care import (
    CheckFinding,
    CheckKind,
    GrowthTable,
    StepKind,
)
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.database_care.care import DatabaseCare, database_care
from timetracker_desktop.services.database_care.check import FULL_CHECK_MAX_BYTES
from timetracker_desktop.services.database_care.optimize import Vacuum
from timetracker_desktop.services.database_care.stats import MAX_MONTHS

GB = 1024**3


@pytest.fixture
def maintenance(storage: FakeUnitOfWorkFactory, tmp_path: Path) -> FakeDatabaseMaintenance:
    """An SQLite file of 1 MB in the test's folder."""
    return FakeDatabaseMaintenance(storage, tmp_path / "timetracker.db")


@pytest.fixture
def care(storage: FakeUnitOfWorkFactory, clock: FakeClock, maintenance: FakeDatabaseMaintenance,
         tmp_path: Path) -> DatabaseCare:  # fmt: skip
    """The three services over the fake port."""
    return database_care(storage, clock, maintenance, lambda: tmp_path / "backups")


def _audited(storage: FakeUnitOfWorkFactory, action: AuditAction) -> list[tuple[str, dict[str, object]]]:
    with storage(read_only=True) as uow:
        return [(e.outcome, dict(e.after or {})) for e in uow.audit.all_in_order() if e.action == action]


def test_vacuum_runs_only_when_worth_it(care: DatabaseCare, maintenance: FakeDatabaseMaintenance) -> None:
    maintenance.reclaimable = 10_000  # 1 % of the file
    assert care.optimize.optimize(ADMIN).vacuum is Vacuum.NOT_WORTH
    assert StepKind.VACUUM not in [s.kind for s in maintenance.ran]
    maintenance.size, maintenance.reclaimable = 100 * 1024**2, 40 * 1024**2
    report = care.optimize.optimize(ADMIN)
    assert report.vacuum is Vacuum.DONE
    assert [s.kind for s in report.steps][-2:] == [StepKind.VACUUM, StepKind.CHECKPOINT]
    assert (report.size_before, report.size_after) == (100 * 1024**2, 60 * 1024**2)


def test_vacuum_is_skipped_without_room_for_the_copy(
    care: DatabaseCare, maintenance: FakeDatabaseMaintenance
) -> None:
    maintenance.size = maintenance.reclaimable = 10**6 * GB  # a petabyte: no test disk has that free
    report = care.optimize.optimize(ADMIN, force_vacuum=True)
    assert report.vacuum is Vacuum.NO_SPACE
    assert report.space_needed == maintenance.size
    assert StepKind.VACUUM not in [s.kind for s in report.steps]
    assert not report.cancelled


def test_a_server_is_rebuilt_table_by_table(storage: FakeUnitOfWorkFactory, clock: FakeClock) -> None:
    server = FakeDatabaseMaintenance(storage, None)
    report = database_care(storage, clock, server).optimize.optimize(ADMIN, force_vacuum=True)
    assert report.vacuum is Vacuum.NOT_SQLITE
    assert [s.kind for s in report.steps] == [StepKind.ANALYZE_TABLE, StepKind.OPTIMIZE_TABLE]


def test_a_failing_step_is_raised_and_audited(
    care: DatabaseCare, maintenance: FakeDatabaseMaintenance, storage: FakeUnitOfWorkFactory
) -> None:
    maintenance.fail_at = StepKind.OPTIMIZE_PRAGMA
    with pytest.raises(RuntimeError, match="optimize_pragma failed"):
        care.optimize.optimize(ADMIN)
    [(outcome, after)] = _audited(storage, AuditAction.DATABASE_OPTIMIZE)
    assert (outcome, after["steps"], after["error"]) == ("failed", 1, "optimize_pragma failed")


def test_a_step_interrupted_by_cancel_ends_the_run(
    care: DatabaseCare, maintenance: FakeDatabaseMaintenance, storage: FakeUnitOfWorkFactory
) -> None:
    maintenance.cancel_inside = StepKind.CHECKPOINT
    maintenance.size, maintenance.reclaimable = 100 * 1024**2, 40 * 1024**2  # worth a VACUUM, never reached
    report = care.optimize.optimize(ADMIN)
    assert report.cancelled
    assert [s.kind for s in report.steps] == [StepKind.ANALYZE, StepKind.OPTIMIZE_PRAGMA]
    assert report.vacuum is Vacuum.NOT_REACHED
    assert _audited(storage, AuditAction.DATABASE_OPTIMIZE)[0][0] == "refused"


def test_the_check_depth_follows_the_size(care: DatabaseCare, maintenance: FakeDatabaseMaintenance) -> None:
    care.check.check(ADMIN)
    maintenance.size = FULL_CHECK_MAX_BYTES + 1
    care.check.check(ADMIN)
    care.check.check(ADMIN, full=True)
    assert maintenance.full_checks == [True, False, True]


def test_a_failed_engine_check_fails_the_verdict_and_is_audited(
    care: DatabaseCare, maintenance: FakeDatabaseMaintenance, storage: FakeUnitOfWorkFactory
) -> None:
    maintenance.findings[0] = CheckFinding(CheckKind.INTEGRITY, False, ("Page 5: btreeInitPage() error",))
    report = care.check.check(ADMIN)
    assert not report.ok
    assert report.failed == (CheckKind.INTEGRITY,)
    [(outcome, after)] = _audited(storage, AuditAction.DATABASE_CHECK)
    assert (outcome, after["verdict"], after["failed"]) == ("failed", "failed", ["integrity"])


def test_a_check_is_reported_even_when_its_audit_line_cannot_be_written(
    care: DatabaseCare, storage: FakeUnitOfWorkFactory
) -> None:
    from timetracker_desktop.repositories.ports.storage import StorageCause

    storage.fail_commits = StorageCause.DISK_IO_ERROR
    assert care.check.check(ADMIN).ok


def test_months_go_back_ten_years_at_most_and_the_rest_is_earlier(
    care: DatabaseCare, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    with storage() as uow:
        employee = uow.employees.add("Олена", None, None, clock.now()).id
        for at in (datetime(1999, 5, 1, tzinfo=UTC), datetime(2026, 3, 1, 12, tzinfo=UTC)):
            uow.punches.add(NewPunch(employee, at, Direction.IN, PunchSource.MANUAL, at, reason="r"))
        uow.commit()
    punches = care.stats.collect(ADMIN).growth(GrowthTable.PUNCHES)
    assert len(punches.months) == MAX_MONTHS
    assert (punches.months[-1].month.isoformat(), punches.months[-1].rows) == ("2026-03-01", 1)
    assert punches.earlier == 1
