"""``db purge`` on SQLite and MariaDB: the archive round trip, the protected period, all or nothing."""

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from dbsupport import SqliteTemplate
from fakes import ADMIN, FakeClock
from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine

from timetracker_desktop.app import build_app
from timetracker_desktop.domain.attendance import CorrectionKind, Direction, PunchSource
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, ValidationError
from timetracker_desktop.domain.month_closing import Month
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.repositories.ports.database_care import CheckKind
from timetracker_desktop.repositories.ports.purge import CHAIN_ANCHOR_KEY, PURGED_TABLES
from timetracker_desktop.repositories.ports.storage import NewCorrection, NewPunch, UnassignedPunch
from timetracker_desktop.repositories.sql.backup import _data_tables
from timetracker_desktop.repositories.sql.backup_format import encode_row
from timetracker_desktop.repositories.sql.purge import PAUSE_ENV, PAUSE_MARK_ENV
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.container import Services

OLD = (datetime(2022, 3, 1, 7, 0, tzinfo=UTC), datetime(2022, 11, 30, 21, 0, tzinfo=UTC))
NEW = (datetime(2022, 12, 31, 23, 0, tzinfo=UTC), datetime(2025, 6, 2, 7, 0, tzinfo=UTC))  # 31 Dec 23:00 UTC
BEFORE = date(2023, 1, 1)  # is already 1 January in Kyiv: the third punch is kept


def _seed(services: Services, punches_per_day: int = 1) -> None:
    """Old and new punches, a correction of an old punch, an old unassigned read, old and new audit lines."""
    now = OLD[0]
    with services.uow() as uow:
        employee = uow.employees.add("Олена Коваль", None, None, now).id
        terminal = uow.terminals.add(Terminal(0, "Вхід", TerminalKind.CARD_READER), None, now).id
        ids = []
        for at in (*OLD, *NEW):
            for n in range(punches_per_day):
                at_n = at.replace(second=n % 60, minute=n // 60 % 60)
                ids.append(
                    uow.punches.add(
                        NewPunch(employee, at_n, Direction.IN, PunchSource.TERMINAL, at_n, terminal)
                    ).id
                )
        void = uow.corrections.add(
            NewCorrection(CorrectionKind.VOID, employee, None, "помилка", now, punch_id=ids[0])
        )
        uow.corrections.add(  # an undo of the void: removed with it, before it
            NewCorrection(
                CorrectionKind.UNDO, employee, None, "ні", now, punch_id=ids[0], target_correction_id=void.id
            )
        )
        uow.unassigned.add(
            UnassignedPunch(0, terminal, BadgeKind.CARD, "04FFFF01", "04FFFF01", OLD[0], OLD[0], "unknown")
        )
        for at in (*OLD, *NEW):
            record(
                uow, ADMIN, at, AuditAction.SETTINGS_CHANGE, (EntityType.SETTING, "x"), after={"at": str(at)}
            )
        uow.commit()


def _rows(engine: Engine) -> dict[str, list[bytes]]:
    with engine.connect() as connection:
        return {
            t.name: [encode_row(r) for r in connection.execute(select(t).order_by(t.c.id))]
            for t in _data_tables(connection)
            if t.name in PURGED_TABLES
        }


def test_purge_archives_removes_and_the_archive_restores_byte_for_byte(
    services: Services, db_url: str, sqlite_template: SqliteTemplate, tmp_path: Path
) -> None:
    _seed(services)
    care = services.database_care
    assert care is not None
    assert care.purge is not None
    services.months.close(ADMIN, Month(2022, 3))  # its punch goes to the archive; db check must still pass
    before_rows = _rows(create_engine(db_url))
    preview = care.purge.preview(ADMIN, BEFORE)
    assert preview.rows == {"corrections": 2, "punches": 2, "unassigned_punches": 1, "audit_entries": 2}
    archive = tmp_path / "archive.zip"
    result = care.purge.purge(ADMIN, BEFORE, archive)
    assert result.rows == preview.rows
    after_rows = _rows(create_engine(db_url))
    removed = {name: [r for r in before_rows[name] if r not in after_rows[name]] for name in PURGED_TABLES}
    assert {name: len(rows) for name, rows in removed.items()} == preview.rows
    assert len(after_rows["punches"]) == 2  # the two new punches are kept
    # the audit chain still verifies (from the anchor), the purge itself is audited, db check passes
    assert services.audit.verify_chain().intact
    purged = services.audit.entries(ADMIN, action=AuditAction.DATABASE_PURGE)[0].after
    assert purged is not None
    assert purged["rows"] == preview.rows
    report = care.check.check(ADMIN)
    assert report.ok, report.findings
    closed = next(f for f in report.findings if f.kind is CheckKind.CLOSED_MONTHS)
    assert "1 closed month(s) before 2023-01-01 not compared" in closed.details[-1]
    with services.uow() as uow:  # the anchor is what the chain starts from: another one breaks it
        uow.settings.set(CHAIN_ANCHOR_KEY, "0" * 64, OLD[0])
        uow.commit()
    assert not services.audit.verify_chain().intact
    # the archive restores into a scratch database: the removed rows are there, byte for byte
    (tmp_path / "scratch").mkdir()
    scratch = build_app(sqlite_template.fresh_url(tmp_path / "scratch"), bcrypt_rounds=4, upgrade=False)
    try:
        assert scratch.services.backups is not None
        # an archive is not a backup: restored over a database by mistake it would replace today's records
        with pytest.raises(ConflictError) as refused:
            scratch.services.backups.restore(ADMIN, archive)
        assert refused.value.code is ErrorCode.BACKUP_IS_ARCHIVE
        assert services.backups is not None
        with pytest.raises(ConflictError):  # the working database is untouched by the attempt
            services.backups.restore(ADMIN, archive)
        assert len(_rows(create_engine(db_url))["punches"]) == 2
        scratch.services.backups.restore(ADMIN, archive, accept_archive=True)
        restored = _rows(scratch.storage.write_engine)
        assert (
            b'"backup.restore"' in restored["audit_entries"][-1]
        )  # the restore's own audit line comes after
        restored["audit_entries"] = restored["audit_entries"][:-1]
        assert restored == removed
    finally:
        scratch.close()


def test_purge_refuses_the_protected_period(services: Services, clock: FakeClock, tmp_path: Path) -> None:
    _seed(services)
    care = services.database_care
    assert care is not None
    assert care.purge is not None
    # the clock stands on 2026-03-04: with 36 protected months, 2023-03-01 is the latest date allowed
    with pytest.raises(ValidationError) as refused:
        care.purge.purge(ADMIN, date(2023, 3, 2), tmp_path / "a.zip")
    assert refused.value.code is ErrorCode.PURGE_PROTECTED_PERIOD
    assert refused.value.params["latest"] == "2023-03-01"
    assert not (tmp_path / "a.zip").exists()
    services.settings.change(ADMIN, "retention_protected_months", "48")
    with pytest.raises(ValidationError):
        care.purge.preview(ADMIN, date(2023, 1, 1))
    assert care.purge.preview(ADMIN, date(2022, 3, 1)).latest_allowed == date(2022, 3, 1)


SCRIPT = """
import sys
from datetime import date
from pathlib import Path
sys.path.insert(0, {tests!r})
from fakes import ADMIN
from timetracker_desktop.app import build_app
app = build_app({url!r}, bcrypt_rounds=4, upgrade=False)
app.services.database_care.purge.purge(ADMIN, date(2023, 1, 1), Path({archive!r}))
"""


def test_a_purge_killed_while_deleting_removes_nothing(
    services: Services, db_url: str, tmp_path: Path
) -> None:
    _seed(services, punches_per_day=1500)  # 6000 punches: several batches of 1000
    engine = create_engine(db_url)
    before_rows = _rows(engine)
    mark = tmp_path / "first-batch-deleted"
    archive = tmp_path / "archive.zip"
    env = {**os.environ, PAUSE_ENV: "30", PAUSE_MARK_ENV: str(mark)}
    tests = str(Path(__file__).parents[2])
    script = SCRIPT.format(tests=tests, url=db_url, archive=str(archive))
    child = subprocess.Popen([sys.executable, "-c", script], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not mark.exists():
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the purge never started deleting"
            time.sleep(0.1)
        assert archive.exists()  # the archive was written and read back before any row was deleted
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate()
    engine.dispose()
    assert _rows(create_engine(db_url)) == before_rows  # nothing removed
    assert services.audit.verify_chain().intact


def _cli(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TIMETRACKER_DB_URL"}
    command = [sys.executable, "-m", "timetracker_desktop", *args, "--db", db]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=300, env=env, check=False, stdin=subprocess.DEVNULL
    )


def test_the_command_previews_refuses_without_yes_and_purges_with_it(
    services: Services, db_url: str, tmp_path: Path
) -> None:
    _seed(services)
    engine = create_engine(db_url)
    before_rows = _rows(engine)
    archive = tmp_path / "old.zip"
    asked = _cli("db", "purge", "--before", "2023-01-01", "--archive", str(archive), db=db_url)
    assert asked.returncode != 0
    assert "punches                        2" in asked.stderr  # the preview
    assert "--yes" in asked.stderr
    assert not archive.exists()
    protected = _cli(
        "db",
        "purge",
        "--before",
        datetime.now(UTC).date().isoformat(),
        "--archive",
        str(archive),
        "--yes",
        db=db_url,
    )
    assert protected.returncode != 0
    assert "retention_protected_months" in protected.stderr
    assert _rows(engine) == before_rows
    done = _cli(
        "db", "purge", "--before", "2023-01-01", "--archive", str(archive), "--yes", "--json", db=db_url
    )
    assert done.returncode == 0, done.stderr
    assert '"punches": 2' in done.stdout
    assert archive.exists()
    assert len(_rows(engine)["punches"]) == 2
    # restoring the archive over the working database is refused (it names the flag for a scratch one)
    kept = _rows(engine)
    over = _cli("restore", str(archive), "--yes", db=db_url)
    assert over.returncode != 0
    assert "archive of the records removed before" in over.stderr
    assert "--accept-archive" in over.stderr
    assert _rows(engine) == kept
    engine.dispose()
