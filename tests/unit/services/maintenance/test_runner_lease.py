"""The scheduled-jobs lease over the fake storage: this process's name, words, an unreachable database."""

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fakes import ADMIN, FakeClock, FakeUnitOfWorkFactory
from fakes.backup import FakeDatabaseArchive

from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind
from timetracker_desktop.repositories.ports.storage import StorageCause
from timetracker_desktop.services.audit import WORKSTATION
from timetracker_desktop.services.container import build_services
from timetracker_desktop.services.maintenance.lease import (
    LEASE_SECONDS,
    LeaseService,
    RunnerStatus,
    describe,
    process_owner_id,
    this_process,
)
from timetracker_desktop.services.maintenance.runner import MaintenanceRunner, scheduled_jobs_runner

SERVICE = LeaseHolder("SERVER:812:5e", RunnerKind.SERVICE, "SERVER", "SYSTEM")


@pytest.fixture
def lease(storage: FakeUnitOfWorkFactory, clock: FakeClock) -> LeaseService:
    return LeaseService(storage, clock)


def _wait(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_this_process_is_named_by_host_pid_and_a_token() -> None:
    gui, service = this_process(RunnerKind.GUI), this_process(RunnerKind.SERVICE)
    host, pid, token = gui.owner_id.split(":")
    assert (host, pid, len(token)) == (WORKSTATION, str(os.getpid()), 8)
    assert gui.owner_id == service.owner_id == process_owner_id()
    assert (gui.kind, gui.host) == (RunnerKind.GUI, WORKSTATION)


def test_holders_in_words_for_logs_and_the_command_line() -> None:
    assert describe(LeaseHolder("a", RunnerKind.GUI, "PC-1", "olena")) == "the GUI on PC-1 (olena)"
    assert describe(LeaseHolder("a", RunnerKind.GUI, "PC-1")) == "the GUI on PC-1"
    assert describe(SERVICE) == "the service on SERVER"  # a service's account says nothing to a manager
    assert describe(LeaseHolder("a", RunnerKind.LISTENER, "PC-3")) == "the listener (serve) on PC-3"


def test_the_status_says_who_holds_it_and_whether_it_is_this_process(
    lease: LeaseService, clock: FakeClock
) -> None:
    nobody = lease.status()
    assert (nobody.lease, nobody.running, nobody.mine) == (None, False, False)
    assert nobody.text() == "nobody (no program holds the lease)"
    assert lease.hold(SERVICE)
    assert not lease.hold(this_process(RunnerKind.GUI))
    held = lease.status()
    assert (held.running, held.mine) == (True, False)
    assert held.text() == "the service on SERVER, last heartbeat 2026-03-04T10:00:00+00:00"
    clock.advance(seconds=LEASE_SECONDS)
    assert not lease.status().running
    assert lease.hold(this_process(RunnerKind.GUI))
    assert lease.status().mine
    assert lease.release(this_process(RunnerKind.GUI))
    assert (lease.status().running, lease.status().mine) == (False, False)


def test_an_unreachable_database_holds_nothing_and_runs_nothing(
    lease: LeaseService, storage: FakeUnitOfWorkFactory, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[bool] = []
    runner = MaintenanceRunner(lease, SERVICE, [lambda may_run: ran.append(may_run())], poll_seconds=0.005)
    storage.unavailable = StorageCause.SERVER_UNREACHABLE
    with caplog.at_level(logging.WARNING):
        assert not runner.beat()
    assert "could not be renewed" in caplog.text
    runner.start()
    try:
        time.sleep(0.1)
        assert (runner.holds, ran) == (False, [])
        storage.unavailable = None
        assert runner.beat()  # what the next heartbeat does
        _wait(lambda: bool(ran))
        assert ran[0] is True
        storage.unavailable = StorageCause.SERVER_UNREACHABLE
    finally:
        with caplog.at_level(logging.WARNING):
            runner.stop()  # cannot let go: the lease runs out by itself
    assert "runs out by itself" in caplog.text
    assert not runner.alive()


def test_a_due_backup_is_skipped_when_the_lease_is_not_ours(
    storage: FakeUnitOfWorkFactory, clock: FakeClock, tmp_path: Path
) -> None:
    services = build_services(
        storage, clock, bcrypt_rounds=4, archive=FakeDatabaseArchive(storage), backup_folder=lambda: tmp_path
    )
    schedule = services.backup_schedule
    assert schedule is not None
    assert schedule.run_if_due(lambda: False) is None
    assert schedule.next_due() == clock.now()  # still due
    assert schedule.run_if_due(lambda: True) is not None
    assert services.audit.entries(ADMIN, action="backup.create")


def test_nothing_to_run_means_no_runner(storage: FakeUnitOfWorkFactory, clock: FakeClock) -> None:
    assert scheduled_jobs_runner(build_services(storage, clock, bcrypt_rounds=4), SERVICE) is None


def test_a_program_that_does_not_hold_the_lease_says_who_does(
    lease: LeaseService, caplog: pytest.LogCaptureFixture
) -> None:
    assert lease.hold(SERVICE)
    gui = LeaseHolder("PC-1:40:aa", RunnerKind.GUI, "PC-1", "olena")
    runner = MaintenanceRunner(lease, gui, [], heartbeat_seconds=60)
    with caplog.at_level(logging.INFO):
        runner.start()
        _wait(lambda: "takes over" in caplog.text)
        runner.stop()
    assert (
        "scheduled jobs (automatic backups) are run by the service on SERVER;"
        " the GUI on PC-1 (olena) takes over when it stops"
    ) in caplog.text
    assert lease.status().lease is not None
    assert lease.status().running  # not ours: left alone on stop


class _FailingOnce(LeaseService):
    """A lease service whose ``status()`` raises a bug's exception (not a storage error) once."""

    def __init__(self, storage: FakeUnitOfWorkFactory, clock: FakeClock) -> None:
        super().__init__(storage, clock)
        self.failures = 1

    def status(self) -> RunnerStatus:
        if self.failures:
            self.failures -= 1
            raise RuntimeError("a bug in the status")
        return super().status()


def test_the_heartbeats_survive_any_exception(
    storage: FakeUnitOfWorkFactory, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    lease = _FailingOnce(storage, clock)
    assert lease.hold(SERVICE)
    gui = LeaseHolder("PC-1:40:aa", RunnerKind.GUI, "PC-1", "olena")
    ran: list[bool] = []
    runner = MaintenanceRunner(
        lease, gui, [lambda may_run: ran.append(may_run())], poll_seconds=0.005, heartbeat_seconds=0.01
    )
    with caplog.at_level(logging.INFO):
        runner.start()
        try:
            _wait(lambda: lease.failures == 0)
            assert lease.release(SERVICE)  # the service stops: the next heartbeat takes the lease over
            _wait(lambda: bool(ran))
            assert ran[0] is True
            assert runner.holds
        finally:
            runner.stop()
    assert not runner.alive()
    assert caplog.text.count("RuntimeError: a bug in the status") == 1  # logged with its traceback
