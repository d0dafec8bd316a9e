"""The backup, restore and backup-schedule commands, and automatic backups with retention."""

import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakes import ADMIN, FakeClock

from timetracker_desktop.cli import main
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind
from timetracker_desktop.services.backup.schedule import automatic_backups
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.maintenance.runner import scheduled_jobs_runner


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_backup_then_restore_from_the_command_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    code, out, _err = _cli(capsys, "backup-schedule", "--folder", str(folder), "--every", "0", "--db", db_url)
    assert code == 0
    assert out.endswith("\nmade by: nobody (no program holds the lease)\n")
    assert _cli(capsys, "employee", "add", "--name", "Олена Коваль", "--db", db_url)[0] == 0
    code, out, err = _cli(capsys, "backup", "--json", "--db", db_url)
    assert code == 0, err
    written = Path(json.loads(out)["path"])
    assert written.parent == folder
    assert _cli(capsys, "employee", "add", "--name", "Іван Шевченко", "--db", db_url)[0] == 0
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _out, err = _cli(capsys, "restore", str(written), "--db", db_url)
    assert code == 1
    assert "--yes" in err
    code, out, err = _cli(capsys, "restore", str(written), "--yes", "--db", db_url)
    assert code == 0, err
    assert "every table checked" in out
    assert "schema" in err
    names = json.loads(_cli(capsys, "employee", "list", "--json", "--db", db_url)[1])
    assert [e["full_name"] for e in names] == ["Олена Коваль"]
    assert len(list(folder.glob("timetracker-pre-restore-*.zip"))) == 1


def test_automatic_backups_when_due_keep_the_newest(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    schedule = services.backup_schedule
    assert schedule is not None
    schedule.change(ADMIN, folder=str(tmp_path), interval_hours=6, keep=2)
    made = [schedule.run_if_due()]
    assert schedule.run_if_due() is None  # not due again yet
    for _ in range(3):
        clock.advance(hours=6)
        services.employees.add_employee(ADMIN, EmployeeDraft(f"Працівник {len(made)}"))
        made.append(schedule.run_if_due())
    kept = [path for _at, path in automatic_backups(tmp_path)]
    assert kept == [r.path for r in made[-2:] if r is not None]
    assert [e.action for e in services.audit.entries(ADMIN, action="backup.create", limit=10)][:1] == [
        "backup.create"
    ]
    schedule.change(ADMIN, interval_hours=0)
    assert schedule.next_due() is None
    with pytest.raises(ValidationError):
        schedule.change(ADMIN, folder="relative/path")


def test_the_scheduler_thread_backs_up_at_once_and_stops(services: Services, tmp_path: Path) -> None:
    schedule = services.backup_schedule
    assert schedule is not None
    schedule.change(ADMIN, folder=str(tmp_path), interval_hours=24, keep=3)
    scheduler = scheduled_jobs_runner(
        services, LeaseHolder("pc-1:1:a", RunnerKind.GUI, "pc-1"), poll_seconds=0.01
    )
    assert scheduler is not None
    scheduler.start()
    try:
        for _ in range(500):
            if automatic_backups(tmp_path):
                break
            threading.Event().wait(0.01)
    finally:
        scheduler.stop()
    assert len(automatic_backups(tmp_path)) == 1


def test_backup_schedule_names_the_program_making_the_backups(
    db_url: str, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = LeaseHolder("SERVER:812:5e", RunnerKind.SERVICE, "SERVER", "SYSTEM")
    assert services.runner_lease.hold(holder)  # the test's clock stands at 2026-03-04 10:00 UTC
    code, out, _err = _cli(capsys, "backup-schedule", "--db", db_url)
    assert code == 0
    # The command runs on the system clock, long after the fake clock's 10:00: the lease ran out.
    assert "made by: nobody" in out
    with services.uow() as uow:
        uow.leases.take("maintenance", holder, datetime.now(UTC), datetime.now(UTC) + timedelta(minutes=5))
        uow.commit()
    code, out, _err = _cli(capsys, "backup-schedule", "--json", "--db", db_url)
    runner = json.loads(out)["runner"]
    assert (runner["running"], runner["mine"]) == (True, False)
    assert runner["lease"]["holder"] == {
        "owner_id": "SERVER:812:5e", "kind": "service", "host": "SERVER", "user": "SYSTEM",
    }  # fmt: skip
    code, out, _err = _cli(capsys, "backup-schedule", "--db", db_url)
    assert "\nmade by: the service on SERVER, last heartbeat 20" in out
