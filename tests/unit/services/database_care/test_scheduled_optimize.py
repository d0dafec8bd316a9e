"""The scheduled optimisation: due by the last one in the audit log, 0 = off, run only by the lease holder."""

import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from fakes import ADMIN, FakeClock, FakeUnitOfWorkFactory
from fakes.database_care import FakeDatabaseMaintenance

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.audit import AuditAction
from timetracker_desktop.repositories.ports.database_care import StepKind
from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.container import Services, build_services
from timetracker_desktop.services.maintenance.runner import scheduled_jobs_runner

SERVICE = LeaseHolder("SERVER:812:5e", RunnerKind.SERVICE, "SERVER", "SYSTEM")
GUI = LeaseHolder("PC-1:40:aa", RunnerKind.GUI, "PC-1", "olena")


@pytest.fixture
def maintenance(storage: FakeUnitOfWorkFactory, tmp_path: Path) -> FakeDatabaseMaintenance:
    """An SQLite file of 1 MB with plenty of free pages (VACUUM would be worth it)."""
    fake = FakeDatabaseMaintenance(storage, tmp_path / "timetracker.db", size=100 * 1024**2)
    fake.reclaimable = 50 * 1024**2
    return fake


@pytest.fixture
def services(storage: FakeUnitOfWorkFactory, clock: FakeClock,
             maintenance: FakeDatabaseMaintenance) -> Services:  # fmt: skip
    """Services with database care (no archive: no backups to run)."""
    return build_services(storage, clock, bcrypt_rounds=4, maintenance=maintenance)


def _punch_days_ago(services: Services, clock: FakeClock, days: int) -> None:
    at = clock.now() - timedelta(days=days)
    with services.uow() as uow:
        employee = uow.employees.add("Олена Коваль", None, None, at).id
        uow.punches.add(NewPunch(employee, at, Direction.IN, PunchSource.MANUAL, at))
        uow.commit()


def _optimisations(services: Services) -> int:
    return len(services.audit.entries(ADMIN, action=AuditAction.DATABASE_OPTIMIZE))


def _wait(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_it_runs_when_the_last_one_is_a_week_old(
    services: Services, clock: FakeClock, maintenance: FakeDatabaseMaintenance
) -> None:
    assert services.database_care is not None
    optimize = services.database_care.optimize
    assert optimize.run_if_due() is None  # a new, empty database: nothing to optimise yet
    _punch_days_ago(services, clock, 6)
    assert optimize.run_if_due() is None  # never optimised, but its oldest punch is not a week old
    clock.advance(days=1)
    first = optimize.run_if_due()  # never optimised and a week of punches: due
    assert first is not None
    assert any(s.kind is StepKind.VACUUM for s in first.steps)  # VACUUM when worth it (not forced)
    assert optimize.run_if_due() is None
    clock.advance(days=6, hours=23)
    assert optimize.run_if_due() is None
    clock.advance(hours=1)
    assert optimize.run_if_due() is not None
    entries = services.audit.entries(ADMIN, action=AuditAction.DATABASE_OPTIMIZE)
    assert [e.actor for e in entries] == ["system", "system"]
    clock.advance(days=1)
    services.database_care.optimize.optimize(ADMIN)  # by hand: the next scheduled one counts from it
    clock.advance(days=6, hours=23)
    assert optimize.run_if_due() is None
    assert _optimisations(services) == 3


def test_zero_days_switches_it_off_and_a_lost_lease_skips_it(services: Services, clock: FakeClock) -> None:
    assert services.database_care is not None
    _punch_days_ago(services, clock, 30)
    optimize = services.database_care.optimize
    assert optimize.run_if_due(lambda: False) is None
    assert _optimisations(services) == 0
    services.settings.change(ADMIN, "optimize_interval_days", "0")
    clock.advance(days=400)
    assert optimize.run_if_due(lambda: True) is None
    assert _optimisations(services) == 0
    services.settings.change(ADMIN, "optimize_interval_days", "3")
    assert optimize.run_if_due(lambda: True) is not None


def test_only_the_lease_holder_runs_it(services: Services, clock: FakeClock) -> None:
    _punch_days_ago(services, clock, 30)
    assert services.runner_lease.hold(SERVICE)  # another program runs the jobs
    runner = scheduled_jobs_runner(services, GUI, poll_seconds=0.005)
    assert runner is not None
    runner.start()
    try:
        time.sleep(0.2)  # dozens of polls
        assert not runner.holds
        assert _optimisations(services) == 0
        assert services.runner_lease.release(SERVICE)
        assert runner.beat()  # what the next heartbeat does
        _wait(lambda: _optimisations(services) == 1)
    finally:
        runner.stop()
    assert _optimisations(services) == 1
