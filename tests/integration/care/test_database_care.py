"""Database care on SQLite and MariaDB: exact figures, checks that find damage, optimisation, purging."""

import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from dbsupport import SqliteTemplate
from fakes import ADMIN, VIEWER, FakeClock
from sqlalchemy import create_engine, text

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.domain.attendance import CorrectionKind, Direction, PunchSource
from timetracker_desktop.domain.audit import AuditAction
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.errors import PermissionDeniedError
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.repositories.ports.database_care import CheckKind, GrowthTable, StepKind
from timetracker_desktop.repositories.ports.storage import (
    NewCorrection,
    NewPunch,
    ScanReceipt,
    StorageCause,
    StorageUnavailableError,
    UnassignedPunch,
)
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.database_care.care import DatabaseCare
from timetracker_desktop.services.database_care.optimize import Vacuum
from timetracker_desktop.services.database_care.receipts import ReceiptPurge, ReceiptPurger
from timetracker_desktop.services.database_care.stats import MonthRows

# Kyiv is UTC+2 in winter: 21:30 UTC on 31 January is still January there, 22:30 UTC is already February.
PUNCH_TIMES = (
    datetime(2026, 1, 10, 7, 0, tzinfo=UTC),
    datetime(2026, 1, 31, 21, 30, tzinfo=UTC),
    datetime(2026, 1, 31, 22, 30, tzinfo=UTC),
    datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
)


def _care(services: Services) -> DatabaseCare:
    assert services.database_care is not None
    return services.database_care


def _seed(services: Services, clock: FakeClock) -> tuple[int, int]:
    """An employee with four punches, a terminal with two receipts, one unassigned read."""
    now = clock.now()
    with services.uow() as uow:
        employee = uow.employees.add("Олена Коваль", None, None, now).id
        terminal = uow.terminals.add(Terminal(0, "Вхід", TerminalKind.CARD_READER), None, now).id
        for at in PUNCH_TIMES:
            uow.punches.add(NewPunch(employee, at, Direction.IN, PunchSource.TERMINAL, at, terminal))
        uow.scan_receipts.add(ScanReceipt(terminal, "e1", "04A2B3C4", "{}", datetime(2026, 2, 3, tzinfo=UTC)))
        uow.scan_receipts.add(ScanReceipt(terminal, "e2", "04A2B3C4", "{}", datetime(2026, 3, 3, tzinfo=UTC)))
        uow.unassigned.add(
            UnassignedPunch(0, terminal, BadgeKind.CARD, "04FFFF01", "04FFFF01", PUNCH_TIMES[0],
                            PUNCH_TIMES[0], "unknown")
        )  # fmt: skip
        uow.commit()
    return employee, terminal


def test_stats_on_a_known_dataset_are_exact(services: Services, clock: FakeClock) -> None:
    _seed(services, clock)
    stats = _care(services).stats.collect(ADMIN)
    punches = stats.growth(GrowthTable.PUNCHES)
    assert (punches.rows, punches.oldest, punches.newest) == (4, PUNCH_TIMES[0], PUNCH_TIMES[-1])
    assert punches.months == (
        MonthRows(date(2026, 1, 1), 2),
        MonthRows(date(2026, 2, 1), 1),
        MonthRows(date(2026, 3, 1), 1),
    )
    receipts = stats.growth(GrowthTable.SCAN_RECEIPTS)
    assert receipts.months == (MonthRows(date(2026, 2, 1), 1), MonthRows(date(2026, 3, 1), 1))
    assert stats.growth(GrowthTable.UNASSIGNED_PUNCHES).months == (MonthRows(date(2026, 1, 1), 1),)
    assert stats.growth(GrowthTable.AUDIT_ENTRIES).rows == 0
    assert stats.facts.size_bytes > 0
    assert stats.facts.engine in ("sqlite", "mariadb", "mysql")
    assert (stats.last_backup, stats.last_check, stats.last_optimize) == (None, None, None)
    assert stats.backup_free_bytes is not None
    assert (stats.database_free_bytes is not None) == (stats.facts.engine == "sqlite")


def test_only_an_administrator_sees_the_figures(services: Services) -> None:
    with pytest.raises(PermissionDeniedError):
        _care(services).stats.collect(VIEWER)


def test_a_clean_database_passes_and_the_check_is_remembered(services: Services, clock: FakeClock) -> None:
    employee, _terminal = _seed(services, clock)
    with services.uow() as uow:  # a correction pointing at a correction: a reference within one table
        punch = uow.punches.for_employees([employee], PUNCH_TIMES[0], PUNCH_TIMES[-1])[employee][0].id
        void = uow.corrections.add(
            NewCorrection(CorrectionKind.VOID, employee, None, "wrong", clock.now(), punch)
        )
        uow.corrections.add(NewCorrection(CorrectionKind.UNDO, employee, None, "right after all", clock.now(),
                                          target_correction_id=void.id))  # fmt: skip
        uow.commit()
    report = _care(services).check.check(ADMIN)
    assert report.ok, report.findings
    assert {f.kind for f in report.findings} >= {CheckKind.FOREIGN_KEYS, CheckKind.PUNCH_REFERENCES,
                                                 CheckKind.AUDIT_CHAIN}  # fmt: skip
    stats = _care(services).stats.collect(ADMIN)
    assert stats.last_check is not None
    assert (stats.last_check.outcome, stats.last_check.details["verdict"]) == ("ok", "passed")


def test_a_punch_whose_employee_was_deleted_is_reported(app_context: AppContext, clock: FakeClock) -> None:
    services = app_context.services
    employee, _terminal = _seed(services, clock)
    raw = create_engine(app_context.url)  # without the program's PRAGMA foreign_keys=ON on SQLite
    with raw.begin() as connection:
        if connection.dialect.name != "sqlite":
            connection.execute(text("SET FOREIGN_KEY_CHECKS=0"))
        connection.execute(text("DELETE FROM employees WHERE id = :id"), {"id": employee})
    raw.dispose()
    report = _care(services).check.check(ADMIN)
    assert not report.ok
    assert set(report.failed) == {CheckKind.FOREIGN_KEYS, CheckKind.PUNCH_REFERENCES}
    references = next(f for f in report.findings if f.kind is CheckKind.PUNCH_REFERENCES)
    assert references.details == (f"4 punches name employees no. {employee}, which does not exist",)
    keys = next(f for f in report.findings if f.kind is CheckKind.FOREIGN_KEYS)
    assert any(line.startswith("punches: 4 rows") and "employees" in line for line in keys.details)
    with services.uow(read_only=True) as uow:
        audited = uow.audit.list_all(action=AuditAction.DATABASE_CHECK)
    assert [(a.outcome, (a.after or {})["failed"]) for a in audited] == [
        ("failed", ["foreign_keys", "punch_references"])
    ]


def test_an_altered_audit_entry_fails_the_check(app_context: AppContext) -> None:
    care = _care(app_context.services)
    care.check.check(ADMIN)  # its audit line is the entry altered below
    raw = create_engine(app_context.url)
    with raw.begin() as connection:
        connection.execute(text("UPDATE audit_entries SET actor = 'someone else'"))
    raw.dispose()
    report = care.check.check(ADMIN)
    assert report.failed == (CheckKind.AUDIT_CHAIN,)


def test_optimize_keeps_every_row_and_gives_space_back(services: Services, clock: FakeClock) -> None:
    _seed(services, clock)
    with services.uow() as uow:
        terminal = uow.terminals.list_all()[0].id
        for n in range(3000):  # pages that the purge below frees
            reply = "{}" + " " * 300
            uow.scan_receipts.add(ScanReceipt(terminal, f"old-{n}", "04A2B3C4", reply, clock.now()))
        uow.commit()
    clock.advance(days=40)
    assert ReceiptPurge(services.uow, clock).purge_expired() == 3002
    before = _care(services).stats.collect(ADMIN)
    seen: list[StepKind] = []
    report = _care(services).optimize.optimize(
        ADMIN, progress=lambda p: seen.append(p.step.kind), force_vacuum=True
    )
    assert not report.cancelled
    assert seen == [s.kind for s in report.steps]
    after = _care(services).stats.collect(ADMIN)
    assert after.growth(GrowthTable.PUNCHES) == before.growth(GrowthTable.PUNCHES)
    assert after.growth(GrowthTable.UNASSIGNED_PUNCHES) == before.growth(GrowthTable.UNASSIGNED_PUNCHES)
    if before.facts.engine == "sqlite":
        assert report.vacuum is Vacuum.DONE
        assert StepKind.VACUUM in seen
        assert report.size_after < report.size_before
    else:
        assert report.vacuum is Vacuum.NOT_SQLITE
        assert {StepKind.ANALYZE_TABLE, StepKind.OPTIMIZE_TABLE} == set(seen)
    assert after.last_optimize is not None
    assert after.last_optimize.details["size_before"] == report.size_before
    assert _care(services).check.check(ADMIN).ok


def test_a_cancelled_optimisation_stops_between_steps(services: Services) -> None:
    steps: list[StepKind] = []

    def cancelled() -> bool:
        return len(steps) >= 1

    report = _care(services).optimize.optimize(ADMIN, progress=lambda p: steps.append(p.step.kind),
                                               cancelled=cancelled)  # fmt: skip
    assert report.cancelled
    assert len(report.steps) == 1
    stats = _care(services).stats.collect(ADMIN)
    assert stats.last_optimize is not None
    assert stats.last_optimize.outcome == "refused"


def _receipts_at(services: Services, terminal: int, *created: datetime) -> None:
    with services.uow() as uow:
        for n, at in enumerate(created):
            uow.scan_receipts.add(ScanReceipt(terminal, f"r{n}", "04A2B3C4", "{}", at))
        uow.commit()


def _event_ids(services: Services) -> set[str]:
    with services.uow(read_only=True) as uow:
        terminal = uow.terminals.list_all()[0].id
        return {f"r{n}" for n in range(6) if uow.scan_receipts.get(terminal, f"r{n}") is not None}


def test_the_purge_keeps_receipts_younger_than_30_days(services: Services, clock: FakeClock) -> None:
    with services.uow() as uow:
        terminal = uow.terminals.add(Terminal(0, "Вхід", TerminalKind.CARD_READER), None, clock.now()).id
        uow.commit()
    now = clock.now()
    _receipts_at(services, terminal, now - timedelta(days=90), now - timedelta(days=31),
                 now - timedelta(days=30, seconds=1), now - timedelta(days=29, hours=23), now)  # fmt: skip
    assert ReceiptPurge(services.uow, clock, batch=2).purge_expired() == 3  # two batches and a short one
    assert _event_ids(services) == {"r3", "r4"}
    assert ReceiptPurge(services.uow, clock).purge_expired() == 0


class _TellingPurge(ReceiptPurge):
    """Sets ``done`` after each purge, so that a test waits for the thread without sleeping."""

    def __init__(self, services: Services, clock: FakeClock) -> None:
        super().__init__(services.uow, clock)
        self.done = threading.Event()

    def purge_expired(self) -> int:
        gone = super().purge_expired()
        self.done.set()
        return gone


def test_the_purger_thread_purges_at_start(services: Services, clock: FakeClock) -> None:
    with services.uow() as uow:
        terminal = uow.terminals.add(Terminal(0, "Вхід", TerminalKind.CARD_READER), None, clock.now()).id
        uow.commit()
    _receipts_at(services, terminal, clock.now() - timedelta(days=45), clock.now())
    purge = _TellingPurge(services, clock)
    purger = ReceiptPurger(purge, first_after=0)
    purger.start()
    try:
        assert purge.done.wait(10)
    finally:
        purger.stop()
    assert _event_ids(services) == {"r1"}


def test_a_locked_sqlite_file_is_a_storage_cause_not_a_crash(sqlite_template: SqliteTemplate, tmp_path: Path,
                                                              clock: FakeClock) -> None:  # fmt: skip
    context = build_app(sqlite_template.fresh_url(tmp_path), clock=clock, bcrypt_rounds=4, upgrade=False)
    holder = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program writing, past the 5 s busy timeout
        with pytest.raises(StorageUnavailableError) as caught:
            _care(context.services).optimize.optimize(ADMIN, force_vacuum=True)
        assert caught.value.cause is StorageCause.FILE_LOCKED
    finally:
        holder.close()
        context.close()
