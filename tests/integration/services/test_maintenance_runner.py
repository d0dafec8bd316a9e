"""Scheduled-jobs runners of several programs on one database (SQLite and MariaDB): one backup per interval.

Each runner stands for a program (the GUI, a service, another PC) with its own lease holder; the jobs are
the real automatic backups into one folder. The test's clock moves only when told, so an interval passes at
once and a lease runs out exactly when the test says.
"""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path

import pytest
from fakes import ADMIN, FakeClock

from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind
from timetracker_desktop.services.backup.schedule import automatic_backups
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.maintenance.lease import LEASE_SECONDS
from timetracker_desktop.services.maintenance.runner import MaintenanceRunner

GUI = LeaseHolder("PC-1:4100:aa", RunnerKind.GUI, "PC-1", "olena")
SERVICE = LeaseHolder("SERVER:812:bb", RunnerKind.SERVICE, "SERVER", "SYSTEM")
CRASHED = LeaseHolder("PC-2:77:cc", RunnerKind.GUI, "PC-2", "ivan")
QUIET_S = 0.4  # long enough for a few dozen polls and heartbeats of every runner


@pytest.fixture
def folder(services: Services, tmp_path: Path) -> Path:
    """Automatic backups every 24 h into one folder (a setting every program shares)."""
    schedule = services.backup_schedule
    assert schedule is not None
    schedule.change(ADMIN, folder=str(tmp_path / "auto"), interval_hours=24, keep=50)
    return tmp_path / "auto"


@contextmanager
def _runners(
    services: Services, *holders: LeaseHolder, cleared: list[LeaseHolder] | None = None
) -> Iterator[list[MaintenanceRunner]]:
    """Runners of the backup job; ``cleared`` lists each holder the lease let go on, where a backup was due.

    A backup, once cleared, waits a moment before it writes: a runner that did not check the lease would
    find the same backup due meanwhile and be cleared too.
    """
    schedule = services.backup_schedule
    assert schedule is not None
    clearances = [] if cleared is None else cleared

    def job_of(holder: LeaseHolder) -> Callable[[Callable[[], bool]], object]:
        def cleared_first(may_run: Callable[[], bool]) -> bool:
            if not may_run():
                return False
            clearances.append(holder)
            time.sleep(0.1)
            return True

        return lambda may_run: schedule.run_if_due(partial(cleared_first, may_run))

    with ExitStack() as stack:
        started = []
        for holder in holders:
            runner = MaintenanceRunner(
                services.runner_lease, holder, [job_of(holder)], poll_seconds=0.01, heartbeat_seconds=0.02
            )
            runner.start()
            stack.callback(runner.stop)
            started.append(runner)
        yield started


def _wait(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def _backups_made(services: Services) -> int:
    """Backups really written, by their audit entries (two at one instant would share a file name)."""
    return len(services.audit.entries(ADMIN, action="backup.create", limit=1000))


def _made(services: Services, count: int) -> bool:
    return _backups_made(services) == count


def test_two_programs_make_one_backup_per_interval(
    services: Services, clock: FakeClock, folder: Path
) -> None:
    cleared: list[LeaseHolder] = []
    with _runners(services, GUI, SERVICE, cleared=cleared) as runners:
        for interval in range(1, 4):
            _wait(partial(_made, services, interval))
            time.sleep(QUIET_S)  # the other runner had every chance to make a second one
            assert _backups_made(services) == interval
            assert len(cleared) == interval
            assert [r.holds for r in runners].count(True) == 1
            clock.advance(hours=24)  # the next one is due (and the lease ran out: either may take it)
        _wait(partial(_made, services, 4))
    assert len(automatic_backups(folder)) == 4
    assert not services.runner_lease.status().running  # the holder let it go when stopped


def test_a_crashed_holders_lease_runs_out_and_another_program_takes_over(
    services: Services, clock: FakeClock, folder: Path
) -> None:
    assert services.runner_lease.hold(CRASHED)  # then the program died without letting go
    with _runners(services, SERVICE) as (runner,):
        time.sleep(QUIET_S)
        assert not runner.holds
        assert automatic_backups(folder) == []  # due, but not ours to make
        clock.advance(seconds=LEASE_SECONDS - 1)
        time.sleep(QUIET_S)
        assert not runner.holds
        clock.advance(seconds=1)
        _wait(lambda: len(automatic_backups(folder)) == 1)
        status = services.runner_lease.status()
        assert status.lease is not None
        assert (status.running, status.lease.holder, status.lease.acquired_at) == (True, SERVICE, clock.now())


def test_a_program_that_stops_lets_another_take_over_at_once(services: Services, folder: Path) -> None:
    schedule = services.backup_schedule
    assert schedule is not None
    with _runners(services, GUI) as (first,):
        _wait(lambda: len(automatic_backups(folder)) == 1)
        with _runners(services, SERVICE) as (second,):
            time.sleep(QUIET_S)
            assert (first.holds, second.holds) == (True, False)
            first.stop()  # the GUI closes; the clock has not moved, so its lease had not run out
            assert not first.alive()
            _wait(lambda: second.holds)
            status = services.runner_lease.status()
            assert status.lease is not None
            assert status.lease.holder == SERVICE
    assert _backups_made(services) == 1  # the second found this interval's backup made


def test_a_long_backup_keeps_its_lease(services: Services, clock: FakeClock, folder: Path) -> None:
    schedule = services.backup_schedule
    assert schedule is not None
    working, finish = threading.Event(), threading.Event()

    def slow_backup(may_run: Callable[[], bool]) -> object:
        if not may_run():
            return None
        working.set()
        finish.wait(30)
        return schedule.run_if_due()

    lease = services.runner_lease
    slow = MaintenanceRunner(lease, GUI, [slow_backup], poll_seconds=0.01, heartbeat_seconds=0.02)
    slow.start()
    try:
        assert working.wait(30)
        with _runners(services, SERVICE) as (other,):
            for _ in range(3):  # twelve minutes of backing up, longer than a lease: the heartbeats go on
                clock.advance(seconds=LEASE_SECONDS * 0.8)
                _wait(lambda: (s := lease.status()).lease is not None and s.lease.heartbeat_at == clock.now())
                assert not other.holds
            finish.set()
            _wait(lambda: len(automatic_backups(folder)) == 1)
            time.sleep(QUIET_S)
    finally:
        finish.set()
        slow.stop()
    assert _backups_made(services) == 1
