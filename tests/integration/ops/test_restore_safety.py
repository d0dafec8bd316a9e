"""A restore never loses the live data: damaged, edited or foreign backups and failures half way through."""

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from backup_files import rewrite_member
from fakes import ADMIN

from timetracker_desktop.app import AppContext
from timetracker_desktop.cli import main
from timetracker_desktop.domain.errors import ConflictError
from timetracker_desktop.repositories.ports.backup import BackupTrust
from timetracker_desktop.repositories.sql import backup as sql_backup
from timetracker_desktop.repositories.sql.backup_format import RowDigest
from timetracker_desktop.services.backup.service import BackupService
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.demo import DemoDataService
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import backup_service

OTHER_PC_KEY = bytes(range(32))


def _employees(services: Services) -> int:
    with services.uow(read_only=True) as uow:
        return uow.employees.count()


def _seeded_backup(services: Services, backups: BackupService, tmp_path: Path) -> Path:
    """A backup of demo data, then one more employee that only the live database has."""
    DemoDataService(services.uow, services.clock).generate(ADMIN, 4, 10)
    made = backups.backup(ADMIN, tmp_path / "good.zip").path
    services.employees.add_employee(ADMIN, EmployeeDraft("Тільки Живий"))
    return made


def _break_second_punch(data: bytes) -> bytes:
    lines = data.split(b"\n")
    lines[1] = lines[1][:-7] + b'{"oops'  # no longer JSON
    return b"\n".join(lines)


def test_a_bad_line_in_punches_is_refused_before_anything_changes(
    services: Services, backups: BackupService, tmp_path: Path
) -> None:
    made = _seeded_backup(services, backups, tmp_path)
    before = _employees(services)
    bad = tmp_path / "bad-line.zip"
    rewrite_member(made, bad, "tables/punches.jsonl", _break_second_punch)
    with pytest.raises(ConflictError) as refused:
        backups.restore(ADMIN, bad, safety_dir=tmp_path / "safety")
    message = str(refused.value)
    assert refused.value.code == "backup_unreadable"
    assert "table punches, line 2" in message
    assert "not changed" in message
    [safety] = (tmp_path / "safety").glob("timetracker-pre-restore-*.zip")
    assert str(safety) in message
    assert _employees(services) == before


def test_a_value_too_long_for_its_column_is_refused(
    services: Services, backups: BackupService, tmp_path: Path
) -> None:
    made = _seeded_backup(services, backups, tmp_path)
    before = _employees(services)
    manifest = json.loads(zipfile.ZipFile(made).read("manifest.json"))
    columns = next(t["columns"] for t in manifest["tables"] if t["name"] == "punches")

    def long_direction(data: bytes) -> bytes:
        rows = [json.loads(line) for line in data.splitlines()]
        rows[0][columns.index("direction")] = "x" * 50
        return b"".join(
            json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" for r in rows
        )

    long = tmp_path / "long.zip"
    rewrite_member(made, long, "tables/punches.jsonl", long_direction)
    with pytest.raises(ConflictError, match=r"line 1: column direction: 50 characters"):
        backups.restore(ADMIN, long)
    assert _employees(services) == before


def _recompute_plain_checksums(data: bytes, tables: dict[str, bytes]) -> bytes:
    """What an editor of the file can do without the key: fix the row counts and checksums."""
    manifest = json.loads(data)
    for table in manifest["tables"]:
        digest = RowDigest()
        for line in tables[table["name"]].splitlines():
            digest.add(line)
        table["rows"], table["checksum"] = digest.rows, digest.digest("", ()).checksum
    return json.dumps(manifest).encode()


def test_an_edited_backup_with_recomputed_checksums_is_refused(
    services: Services, backups: BackupService, tmp_path: Path
) -> None:
    made = _seeded_backup(services, backups, tmp_path)
    before = _employees(services)
    with zipfile.ZipFile(made) as archive:
        tables = {n[len("tables/") : -len(".jsonl")]: archive.read(n) for n in archive.namelist() if "/" in n}
    tables["punches"] = tables["punches"].split(b"\n", 1)[1]  # an inconvenient punch disappears
    edited = tmp_path / "edited.zip"
    rewrite_member(made, tmp_path / "step.zip", "tables/punches.jsonl", lambda _data: tables["punches"])
    rewrite_member(
        tmp_path / "step.zip", edited, "manifest.json", lambda d: _recompute_plain_checksums(d, tables)
    )
    with pytest.raises(ConflictError) as refused:
        backups.restore(ADMIN, edited)
    assert refused.value.code == "backup_tampered"
    with pytest.raises(ConflictError):
        backups.restore(ADMIN, edited, accept_foreign=True)  # no confirmation makes an edited file ours
    assert _employees(services) == before


def test_a_backup_from_another_installation_needs_confirmation(
    app_context: AppContext, services: Services, backups: BackupService, tmp_path: Path
) -> None:
    DemoDataService(services.uow, services.clock).generate(ADMIN, 3, 5)
    other_pc = backup_service(app_context, key=OTHER_PC_KEY)
    made = other_pc.backup(ADMIN, tmp_path / "other-pc.zip").path
    services.employees.add_employee(ADMIN, EmployeeDraft("Після Бекапу"))
    manifest = backups.inspect(made)
    assert manifest.trust is BackupTrust.FOREIGN
    assert manifest.key_id is not None
    assert manifest.key_id != backups.key_id
    with pytest.raises(ConflictError) as refused:
        backups.restore(ADMIN, made)
    assert refused.value.code == "backup_foreign"
    assert manifest.key_id in str(refused.value)
    assert _employees(services) == 4
    backups.restore(ADMIN, made, accept_foreign=True)
    assert _employees(services) == 3


def test_an_old_unsigned_backup_needs_confirmation(
    services: Services, backups: BackupService, tmp_path: Path
) -> None:
    made = _seeded_backup(services, backups, tmp_path)

    def version_one(data: bytes) -> bytes:
        manifest = json.loads(data)
        del manifest["signature"], manifest["key_id"]
        manifest["format_version"] = 1
        return json.dumps(manifest).encode()

    old = tmp_path / "v1.zip"
    rewrite_member(made, old, "manifest.json", version_one)
    assert backups.inspect(old).trust is BackupTrust.UNSIGNED
    with pytest.raises(ConflictError, match="not signed"):
        backups.restore(ADMIN, old)
    backups.restore(ADMIN, old, accept_foreign=True)
    assert _employees(services) == 4


def test_a_failure_half_way_through_the_rebuild_keeps_the_old_data(
    app_context: AppContext,
    services: Services,
    backups: BackupService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = _seeded_backup(services, backups, tmp_path)
    before = _employees(services)
    load = sql_backup._load_table
    live_is_sqlite = app_context.url.startswith("sqlite")
    loaded: list[str] = []

    def fail_after_three_tables(connection: Any, archive: Any, table: Any, digest: Any) -> None:
        # MariaDB fails in the live rebuild (after the scratch check passed), SQLite in its scratch file.
        if (connection.dialect.name == "sqlite") == live_is_sqlite:
            loaded.append(table.name)
            if len(loaded) == 4:
                raise RuntimeError("disk full (injected)")
        load(connection, archive, table, digest)

    monkeypatch.setattr(sql_backup, "_load_table", fail_after_three_tables)
    with pytest.raises(ConflictError) as refused:
        backups.restore(ADMIN, made, safety_dir=tmp_path / "safety")
    message = str(refused.value)
    [safety] = (tmp_path / "safety").glob("timetracker-pre-restore-*.zip")
    assert "disk full (injected)" in message
    assert str(safety) in message
    if not live_is_sqlite:
        assert f"the previous data was put back from {safety}" in message
    assert _employees(services) == before
    assert services.audit.verify_chain().intact


def test_the_command_line_names_the_safety_backup_when_a_restore_fails(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "backups"
    assert main(["backup-schedule", "--folder", str(folder), "--every", "0", "--db", db_url]) == 0
    assert main(["employee", "add", "--name", "Олена Коваль", "--db", db_url]) == 0
    assert main(["backup", "--out", str(tmp_path / "b.zip"), "--db", db_url]) == 0
    bad = tmp_path / "bad.zip"
    rewrite_member(tmp_path / "b.zip", bad, "tables/employees.jsonl", lambda d: d + b"[1,\n")
    capsys.readouterr()
    assert main(["restore", str(bad), "--yes", "--db", db_url]) == 1
    err = capsys.readouterr().err
    [safety] = folder.glob("timetracker-pre-restore-*.zip")
    assert "table employees, line 2" in err
    assert str(safety) in err
    assert "Traceback" not in err


def test_the_command_line_restores_a_foreign_backup_only_with_accept_foreign(
    app_context: AppContext, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    DemoDataService(app_context.services.uow, app_context.services.clock).generate(ADMIN, 2, 3)
    made = backup_service(app_context, key=OTHER_PC_KEY).backup(ADMIN, tmp_path / "other-pc.zip").path
    app_context.services.employees.add_employee(ADMIN, EmployeeDraft("Після Бекапу"))
    capsys.readouterr()
    assert main(["restore", str(made), "--yes", "--no-safety-backup", "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "signed by another installation" in err
    assert "--accept-foreign" in err
    assert _employees(app_context.services) == 3
    code = main(["restore", str(made), "--yes", "--no-safety-backup", "--accept-foreign", "--db", db_url])
    assert code == 0, capsys.readouterr().err
    assert _employees(app_context.services) == 2
