"""Backup and restore: round trips on both databases and across them, refusals, a writer during the dump."""

import json
import threading
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from backup_files import rewrite_manifest
from fakes import ADMIN, FakeClock

from timetracker_desktop.app import AppContext
from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from timetracker_desktop.domain.month_closing import Month
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind
from timetracker_desktop.repositories.ports.storage import NewPunch, StorageUnavailableError
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.backup.service import BackupService
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.demo import DemoDataService
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import backup_service

WRITER_ACTION = AuditAction.PUNCH_MANUAL_ADD  # the seed writes none of these


def _seed(services: Services) -> None:
    DemoDataService(services.uow, services.clock).generate(ADMIN, 6, 20)
    services.users.create_user(ADMIN, "boss", "correct horse", Role.ADMIN)
    today = services.clock.now().date()
    services.months.close(ADMIN, Month.of(today.replace(day=1) - timedelta(days=1)))  # its timesheet as JSON


def _counts(services: Services) -> dict[str, int]:
    with services.uow(read_only=True) as uow:
        return {
            "employees": uow.employees.count(),
            "terminals": len(uow.terminals.list_all()),
            "users": len(uow.users.list_all()),
            "audit": len(uow.audit.all_in_order()),
        }


def test_round_trip_on_the_same_database(services: Services, backups: BackupService, tmp_path: Path) -> None:
    _seed(services)
    before = _counts(services)
    result = backups.backup(ADMIN, tmp_path / "b.zip")
    assert result.manifest.total_rows() > 100
    services.employees.add_employee(ADMIN, EmployeeDraft("Після Бекапу"))
    restored = backups.restore(ADMIN, result.path, safety_dir=tmp_path / "safety")
    assert restored.safety_backup is not None
    assert restored.safety_backup.exists()
    after = _counts(services)
    assert after["employees"] == before["employees"]
    assert after["audit"] == before["audit"] + 1  # the restore (the backup was audited after its snapshot)
    assert [e.action for e in services.audit.entries(ADMIN, limit=1)] == ["backup.restore"]
    assert services.audit.verify_chain().intact


def test_the_runner_lease_is_neither_backed_up_nor_restored(
    services: Services, backups: BackupService, clock: FakeClock, tmp_path: Path
) -> None:
    gui = LeaseHolder("PC-1:40:aa", RunnerKind.GUI, "PC-1", "olena")
    assert services.runner_lease.hold(gui)
    result = backups.backup(ADMIN, tmp_path / "b.zip")
    assert "runner_leases" not in [t.name for t in result.manifest.tables]
    assert "employees" in [t.name for t in result.manifest.tables]
    with zipfile.ZipFile(result.path) as archive:
        assert "tables/runner_leases.jsonl" not in archive.namelist()
    # The holder's heartbeats go on during the restore; a restore leaves the lease to whoever takes it next.
    heartbeats = threading.Event()

    def beat() -> None:
        while not heartbeats.wait(0.005):
            try:
                services.runner_lease.hold(gui)
            except StorageUnavailableError:  # the tables are being rebuilt: the next heartbeat tries again
                continue

    beating = threading.Thread(target=beat)
    beating.start()
    try:
        backups.restore(ADMIN, result.path, safety_dir=None)
    finally:
        heartbeats.set()
        beating.join(30)
    status = services.runner_lease.status()
    assert status.lease is None or status.lease.holder == gui  # taken again by a heartbeat, or not yet
    clock.advance(minutes=1)
    assert services.runner_lease.hold(gui)
    assert services.runner_lease.status().running


def test_restore_across_backends(
    sqlite_context: AppContext, mysql_context: AppContext, tmp_path: Path
) -> None:
    _seed(sqlite_context.services)
    to_mysql = backup_service(sqlite_context).backup(ADMIN, tmp_path / "from-sqlite.zip")
    backup_service(mysql_context).restore(ADMIN, to_mysql.path)
    assert _counts(mysql_context.services)["employees"] == 6
    mysql_context.services.employees.add_employee(ADMIN, EmployeeDraft("Нова Людина"))
    back = backup_service(mysql_context).backup(ADMIN, tmp_path / "from-mysql.zip")
    backup_service(sqlite_context).restore(ADMIN, back.path)
    assert _counts(sqlite_context.services) == _counts(mysql_context.services)
    assert _table_checksums(to_mysql.path)["punches"] == _table_checksums(back.path)["punches"]
    # the closed month and the timesheet handed over (Cyrillic names, LONGTEXT on MariaDB) came back alike
    closed = sqlite_context.services.months.list_months()
    assert len(closed) == 1
    assert closed == mysql_context.services.months.list_months()
    assert len(closed[0].snapshot) == 6
    assert sqlite_context.services.audit.verify_chain().intact


def _table_checksums(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    return {t["name"]: t["checksum"] for t in manifest["tables"]}


def _write_punches(services: Services, clock: FakeClock, stop: threading.Event, written: list[int]) -> None:
    """What the listener does: short transactions, each a punch and its audit line, a few per second."""
    employee = services.employees.list_employees()[0].id
    terminal = services.terminals.list_terminals()[0].id
    while not stop.wait(0.02):
        at = clock.now() + timedelta(seconds=len(written))
        try:
            with services.uow() as uow:
                punch = uow.punches.add(
                    NewPunch(employee, at, Direction.AUTO, PunchSource.TERMINAL, at, terminal_id=terminal)
                )
                record(uow, Actor.terminal(terminal), at, WRITER_ACTION, (EntityType.PUNCH, punch.id))
                uow.commit()
        except StorageUnavailableError:  # e.g. a MariaDB deadlock with the backup's audit line: 503, resent
            continue
        written.append(punch.id)


def _wait_for(written: list[int], count: int) -> None:
    deadline = threading.Event()
    for _ in range(500):
        if len(written) >= count:
            return
        deadline.wait(0.01)
    raise AssertionError(f"the writer wrote only {len(written)} punches")


def test_backup_is_consistent_while_the_listener_writes(
    services: Services, backups: BackupService, clock: FakeClock, tmp_path: Path
) -> None:
    demo = DemoDataService(services.uow, services.clock).generate(ADMIN, 20, 60)
    stop, written = threading.Event(), list[int]()
    writer = threading.Thread(target=_write_punches, args=(services, clock, stop, written))
    writer.start()
    try:
        _wait_for(written, 3)
        result = backups.backup(ADMIN, tmp_path / "live.zip")
        _wait_for(written, len(written) + 3)
    finally:
        stop.set()
        writer.join()
    backups.restore(ADMIN, result.path)
    with services.uow(read_only=True) as uow:
        ours = [e for e in uow.audit.all_in_order() if e.action == WRITER_ACTION]
        present = {int(e.entity_id or 0) for e in ours}
    rows = {t.name: t.rows for t in result.manifest.tables}
    assert 0 < len(present) < len(written)
    assert rows["punches"] == demo.punches + len(present)  # each punch came with its audit line, or neither
    assert all(_punch_exists(services, punch_id) for punch_id in present)
    assert not any(_punch_exists(services, p) for p in written if p not in present)


def _punch_exists(services: Services, punch_id: int) -> bool:
    with services.uow(read_only=True) as uow:
        return uow.punches.get(punch_id) is not None


def test_a_backup_from_a_newer_schema_is_refused(
    services: Services, backups: BackupService, tmp_path: Path
) -> None:
    made = backups.backup(ADMIN, tmp_path / "b.zip")
    rewrite_manifest(made.path, tmp_path / "newer.zip", schema_revision="9999", app_version="9.0")
    with pytest.raises(ConflictError) as refused:
        backups.restore(ADMIN, tmp_path / "newer.zip")
    assert refused.value.code == "backup_from_newer_version"


def test_a_damaged_backup_leaves_the_database_alone(
    services: Services, backups: BackupService, tmp_path: Path
) -> None:
    _seed(services)
    made = backups.backup(ADMIN, tmp_path / "b.zip")
    manifest = json.loads(zipfile.ZipFile(made.path).read("manifest.json"))
    for table in manifest["tables"]:
        if table["name"] == "punches":
            table["checksum"] = "0" * 64
    rewrite_manifest(made.path, tmp_path / "bad.zip", tables=manifest["tables"])
    services.employees.add_employee(ADMIN, EmployeeDraft("Залишиться"))
    with pytest.raises(ConflictError) as refused:
        backups.restore(ADMIN, tmp_path / "bad.zip", safety_dir=tmp_path / "safety")
    assert refused.value.code == "backup_mismatch"
    assert list((tmp_path / "safety").glob("timetracker-pre-restore-*.zip"))
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    with pytest.raises(ValidationError):
        backups.restore(ADMIN, tmp_path / "junk.zip")


def test_only_admins_back_up(backups: BackupService, tmp_path: Path) -> None:
    from fakes import MANAGER

    with pytest.raises(PermissionDeniedError):
        backups.backup(MANAGER, tmp_path / "b.zip")
