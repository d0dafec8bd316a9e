"""One runner of automatic backups per database, across real processes (SQLite and MariaDB).

Real ``serve`` processes take the scheduled-jobs lease and let it go when stopped. Runner processes with a
short lease (``RUNNER`` below: the real runner, lease and backup job, only faster) make one backup between
two of them; when the holder is killed, the other takes over once its lease runs out.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from fakes import ADMIN
from serve_processes import ROOT, serve_processes

from timetracker_desktop.app import AppContext
from timetracker_desktop.repositories.ports.leases import RunnerKind
from timetracker_desktop.services.audit import WORKSTATION
from timetracker_desktop.services.backup.schedule import automatic_backups
from timetracker_desktop.services.container import Services

pytestmark = pytest.mark.slow

RUNNER = """
import sys
from timetracker_desktop.app import build_app
from timetracker_desktop.repositories.ports.leases import RunnerKind
from timetracker_desktop.services.maintenance.lease import LeaseService, this_process
from timetracker_desktop.services.maintenance.runner import MaintenanceRunner

context = build_app(sys.argv[1], upgrade=False)
services = context.services
lease = LeaseService(services.uow, services.clock, lease_seconds=3.0)
jobs = [services.backup_schedule.run_if_due]
runner = MaintenanceRunner(
    lease, this_process(RunnerKind.LISTENER), jobs, poll_seconds=0.05, heartbeat_seconds=0.2
)
runner.start()
print("started", flush=True)
sys.stdin.read()  # until the test closes our stdin
runner.stop()
context.close()
"""


def _wait(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _holder_pid(services: Services) -> int | None:
    status = services.runner_lease.status()
    if status.lease is None or not status.running:
        return None
    return int(status.lease.holder.owner_id.split(":")[1])


def _backups_made(services: Services) -> int:
    return len(services.audit.entries(ADMIN, action="backup.create", limit=1000))


@contextmanager
def _runner_processes(url: str, folder: Path, count: int) -> Iterator[list["subprocess.Popen[str]"]]:
    environment = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environment.get("PYTHONPATH")]))
    with ExitStack() as stack:
        started = []
        for n in range(count):
            log = stack.enter_context((folder / f"runner-{n}.log").open("w"))
            process = subprocess.Popen(
                [sys.executable, "-c", RUNNER, url],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True, env=environment,
            )  # fmt: skip
            stack.callback(_end, process)
            started.append(process)
        for process in started:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "started"
        yield started


def _end(process: "subprocess.Popen[str]") -> None:
    """Close its stdin (it stops and lets go of the lease), or kill it if it does not end."""
    assert process.stdin is not None
    assert process.stdout is not None
    if not process.stdin.closed:
        process.stdin.close()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)
    process.stdout.close()


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="Windows cannot send SIGINT to a child (Popen.send_signal accepts only CTRL_C/CTRL_BREAK_EVENT"
    " and SIGTERM); the graceful stop of serve on Windows is the service wrapper's, checked by hand",
)
def test_two_serve_processes_one_holds_the_lease_and_lets_it_go_when_stopped(
    real_time_context: AppContext, db_url: str, tmp_path: Path
) -> None:
    services = real_time_context.services
    with serve_processes(db_url, tmp_path, 2) as servers:
        pids = {server.process.pid: server for server in servers}
        _wait(lambda: _holder_pid(services) is not None)
        status = services.runner_lease.status()
        assert status.lease is not None
        assert (status.lease.holder.kind, status.lease.holder.host) == (RunnerKind.LISTENER, WORKSTATION)
        holder_pid = _holder_pid(services)
        assert holder_pid in pids
        holder = pids[holder_pid].process
        holder.send_signal(signal.SIGINT)
        holder.wait(timeout=30)
        # Let go: nobody holds it, or the other process took it at its heartbeat (not in five minutes).
        assert _holder_pid(services) in (None, *(pid for pid in pids if pid != holder_pid))


def test_one_backup_between_two_processes_and_a_takeover_when_the_holder_is_killed(
    real_time_context: AppContext, db_url: str, tmp_path: Path
) -> None:
    services = real_time_context.services
    schedule = services.backup_schedule
    assert schedule is not None
    folder = tmp_path / "auto"
    schedule.change(ADMIN, folder=str(folder), interval_hours=24, keep=10)
    with _runner_processes(db_url, tmp_path, 2) as runners:
        pids = {runner.pid: runner for runner in runners}
        _wait(lambda: len(automatic_backups(folder)) == 1)
        time.sleep(2)  # dozens of polls of both
        assert _backups_made(services) == 1
        first = _holder_pid(services)
        assert first in pids
        pids[first].kill()  # a power cut: no release
        pids[first].wait(timeout=30)
        for _at, path in automatic_backups(folder):
            path.unlink()  # so that a backup is due again at once
        _wait(lambda: _backups_made(services) == 2)  # the audit entry follows the file
        assert len(automatic_backups(folder)) == 1
        second = _holder_pid(services)
        assert second in pids
        assert second != first
        _end(pids[second])
        assert _holder_pid(services) is None  # stopped cleanly: let go
