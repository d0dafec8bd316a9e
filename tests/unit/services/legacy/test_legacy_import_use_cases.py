"""LegacyImportService over the fake storage and a legacy snapshot: preview, import once, skips, audit."""

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from fakes import ADMIN, MANAGER, FakeClock, FakeUnitOfWorkFactory
from fakes.legacy import FakeLegacySource

from timetracker_desktop.domain.attendance import Direction, PunchFlag, PunchSource
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.errors import PermissionDeniedError
from timetracker_desktop.repositories.ports.legacy import (
    LegacyAudit,
    LegacyEmployee,
    LegacyEvent,
    LegacyPosition,
    LegacySchedule,
    LegacySnapshot,
    LegacyTerminal,
    LegacyUser,
)
from timetracker_desktop.services.legacy.importer import LegacyImportReport, LegacyImportService

TS = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
SNAPSHOT = LegacySnapshot(
    revision="a1b2",
    positions=(LegacyPosition(1, "Бухгалтер", True),),
    employees=(
        LegacyEmployee(1, "Олена Коваль", "04:A2:B3:C4", None, True, "Бухгалтер", None),
        LegacyEmployee(2, "Іван", "04A2B3C4", None, False, None, "звільнений"),  # the same card
        LegacyEmployee(3, "Test Employee", "TEST-EMP-0001", None, True, "Demo", None),
    ),
    terminals=(LegacyTerminal(7, "Вхід", "k" * 43, True, TS),),
    users=(LegacyUser(1, "boss", "$2b$04$" + "a" * 53, "ADMIN"), LegacyUser(2, "hr", None, "HR")),
    events=(
        LegacyEvent(1, 1, 7, "IN", TS, False, None, None, TS),
        LegacyEvent(2, 1, None, "OUT", TS.replace(hour=15), True, 1, "забула", TS),
        LegacyEvent(3, 3, 7, "IN", TS, False, None, None, TS),  # the demo employee's
        LegacyEvent(4, 1, 7, "SIDEWAYS", TS, False, None, None, TS),
    ),
    schedules=(LegacySchedule(1, 1, date(2026, 3, 2), "08:00", "17:00", None),),
    audit_logs=(LegacyAudit(1, "boss", "LOGIN", '{"password": "x"}', TS),),
)


@pytest.fixture
def source() -> FakeLegacySource:
    """The legacy database."""
    return FakeLegacySource(SNAPSHOT)


@pytest.fixture
def importer(
    storage: FakeUnitOfWorkFactory, clock: FakeClock, source: FakeLegacySource
) -> LegacyImportService:
    """The service as the container builds it when given a legacy reader."""
    return LegacyImportService(storage, clock, lambda url: source)


def _counts(report: LegacyImportReport) -> dict[str, tuple[int, int, int]]:
    return {c.entity: (c.new, c.already, c.skipped) for c in report.counts}


def test_only_admins_import_and_a_preview_writes_nothing(
    importer: LegacyImportService, storage: FakeUnitOfWorkFactory, source: FakeLegacySource
) -> None:
    with pytest.raises(PermissionDeniedError):
        importer.preview(MANAGER, "mysql://legacy")
    preview = importer.preview(ADMIN, "mysql://legacy")
    assert preview.preview
    assert _counts(preview)["employee"] == (2, 0, 1)
    assert storage.commits == 0
    assert (source.reads, source.closed) == (1, 1)


def test_an_import_brings_each_row_once_and_says_what_it_skipped(
    importer: LegacyImportService, storage: FakeUnitOfWorkFactory, audit_actions: Callable[[], list[str]]
) -> None:
    report = importer.run(ADMIN, "mysql://legacy")
    assert _counts(report) == {
        "user": (2, 0, 0),
        "position": (1, 0, 0),
        "employee": (2, 0, 1),
        "terminal": (1, 0, 0),
        "event": (2, 0, 2),
        "schedule": (1, 0, 0),
        "audit": (1, 0, 0),
    }
    assert {(i.entity, i.reason) for i in report.issues} >= {
        ("employee", "badge_taken"),
        ("event", "employee_not_imported"),
        ("event", "bad_direction"),
    }
    with storage(read_only=True) as uow:
        employees = uow.employees.list_all()
        card = uow.badges.find_active(BadgeKind.CARD, "04A2B3C4")
        terminal = uow.terminals.get(7)
        punches = uow.punches.after_id(0, 10)
        legacy_audit = uow.audit.list_all(entity_type="legacy_source")
    assert [(e.full_name, e.is_active, e.position_name) for e in employees] == [
        ("Іван", False, None),
        ("Олена Коваль", True, "Бухгалтер"),
    ]
    assert card is not None
    assert card.employee_id == employees[1].id
    assert terminal is not None  # the legacy id is kept, so the tablet keeps working
    assert terminal.last_seen_at == TS
    assert [(p.source, p.direction, PunchFlag.LEGACY in p.flags) for p in punches] == [
        (PunchSource.IMPORT, Direction.AUTO, True),
        (PunchSource.MANUAL, Direction.OUT, True),
    ]
    assert len(legacy_audit) == 1
    again = importer.run(ADMIN, "mysql://legacy")
    assert {entity: new for entity, (new, _, _) in _counts(again).items()} == dict.fromkeys(_counts(again), 0)
    assert _counts(again)["event"] == (0, 2, 2)
    assert audit_actions().count("legacy.import") == 2
