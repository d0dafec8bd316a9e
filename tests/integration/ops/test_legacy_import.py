"""Moving from the legacy server: a legacy database (SQLite and MariaDB) imports completely, twice."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from dbsupport import drop_mysql_database, mysql_url_or_skip, recreate_mysql_database, scratch_mysql_url
from emulators.android_terminal import AndroidTerminal
from emulators.badge_phone import BadgePhone, session_key
from fakes import ADMIN
from listener_support import running_listener

from timetracker_desktop.domain.attendance import Direction, PunchFlag, PunchSource
from timetracker_desktop.domain.employees import BadgeKind, KeyState
from timetracker_desktop.domain.errors import AuthenticationError
from timetracker_desktop.domain.users import Role
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.legacy.importer import LegacyImportReport, LegacyImportService

from .legacy_db import ADMIN_PASSWORD, ENTRANCE_KEY, LegacyIds, add_event, build_legacy_database

IDS = LegacyIds()


@pytest.fixture(params=["sqlite", pytest.param("mysql", marks=pytest.mark.mysql)])
def legacy_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A legacy database as the old server left it."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'legacy.db'}"
        build_legacy_database(url)
        yield url
        return
    url = scratch_mysql_url(mysql_url_or_skip(), "legacy")
    recreate_mysql_database(url)
    build_legacy_database(url)
    yield url
    drop_mysql_database(url)


def _importer(services: Services) -> LegacyImportService:
    assert services.legacy_import is not None
    return services.legacy_import


def _counts(report: LegacyImportReport) -> dict[str, tuple[int, int, int]]:
    return {c.entity: (c.new, c.already, c.skipped) for c in report.counts}


def _reasons(report: LegacyImportReport) -> set[tuple[str, int | None, str]]:
    return {(i.entity, i.legacy_id, i.reason) for i in report.issues}


EXPECTED = {
    "user": (4, 0, 0),
    "position": (2, 0, 1),
    "employee": (5, 0, 1),
    "terminal": (2, 0, 1),
    "event": (5, 0, 2),
    "schedule": (4, 0, 3),
    "audit": (2, 0, 0),
}


def test_preview_writes_nothing_and_says_what_will_be_skipped(services: Services, legacy_url: str) -> None:
    report = _importer(services).preview(ADMIN, legacy_url)
    assert report.preview
    assert report.revision == "001"
    assert _counts(report) == EXPECTED
    assert any("Terminal #1" in d for d in report.demo)
    assert any("TEST-EMP-0001" in d for d in report.demo)
    assert {
        ("employee", 4, "invalid_public_key"),
        ("employee", 5, "bad_card_uid"),
        ("user", 4, "no_bcrypt_hash"),
        ("position", 3, "inactive"),
        ("employee", 1, "demo"),
        ("terminal", 1, "demo"),
    } <= _reasons(report)
    assert services.employees.list_employees() == []
    assert services.terminals.list_terminals() == []


def test_import_brings_everything_once(services: Services, legacy_url: str) -> None:
    first = _importer(services).run(ADMIN, legacy_url)
    assert _counts(first) == EXPECTED
    summed = {(i.entity, i.reason): i.count for i in first.issues if i.entity in ("event", "schedule")}
    assert summed == {
        ("event", "employee_not_imported"): 1,
        ("event", "bad_direction"): 1,
        ("schedule", "employee_not_imported"): 1,
        ("schedule", "empty_placeholder"): 1,
        ("schedule", "bad_cell"): 1,
    }
    again = _importer(services).run(ADMIN, legacy_url)
    assert {e: c[0] for e, c in _counts(again).items()} == dict.fromkeys(EXPECTED, 0)
    assert _counts(again)["event"][1] == 5
    add_event(legacy_url, 100, IDS.olena, "2026-03-04 06:00:00")
    third = _importer(services).run(ADMIN, legacy_url)
    assert _counts(third)["event"] == (1, 5, 2)
    _check_people(services)
    _check_punches(services)
    _check_schedules_and_history(services)


def _employee_id(services: Services, name: str) -> int:
    return next(e.id for e in services.employees.list_employees() if e.full_name == name)


def _check_people(services: Services) -> None:
    employees = {e.full_name: e for e in services.employees.list_employees()}
    assert set(employees) == {
        "Олена Коваль",
        "Іван Шевченко",
        "Петро Мельник",
        "Ганна Лисенко",
        "Марко Бондар",
    }
    assert employees["Ганна Лисенко"].position_name == "Охоронець"
    assert not employees["Марко Бондар"].is_active
    badges = {
        name: [(b.kind, b.value, b.key_state) for b in services.employees.detail(e.id).badges]
        for name, e in employees.items()
    }
    assert badges["Олена Коваль"] == [(BadgeKind.PHONE, "EMP-1A2B3C4D", KeyState.UNVERIFIED)]
    assert badges["Іван Шевченко"] == [(BadgeKind.CARD, "04A2B3C4", KeyState.NONE)]
    assert badges["Петро Мельник"] == [(BadgeKind.PHONE, "EMP-0000BEEF", KeyState.NONE)]
    assert badges["Ганна Лисенко"] == []
    assert badges["Марко Бондар"] == [(BadgeKind.CARD, "1234567890ABCD", KeyState.NONE)]
    terminal = services.terminals.authenticate(ENTRANCE_KEY)
    assert terminal is not None
    seen = datetime(2026, 3, 3, 6, tzinfo=UTC)
    assert (terminal.id, terminal.name, terminal.last_seen_at) == (IDS.entrance, "Entrance", seen)
    assert not services.terminals.get(IDS.warehouse).is_active
    roles = {u.username: (u.role, u.is_active) for u in services.users.list_users(ADMIN)}
    assert roles == {
        "admin": (Role.ADMIN, True),
        "manager": (Role.MANAGER, True),
        "hr": (Role.VIEWER, True),
        "worker": (Role.VIEWER, False),
    }
    assert services.users.authenticate("admin", ADMIN_PASSWORD).role is Role.ADMIN
    with pytest.raises(AuthenticationError):
        services.users.authenticate("worker", "anything-at-all")


def _check_punches(services: Services) -> None:
    olena = _employee_id(services, "Олена Коваль")
    start, end = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 5, tzinfo=UTC)
    with services.uow(read_only=True) as uow:
        punches = uow.punches.for_employees([olena], start, end)[olena]
        ivan = _employee_id(services, "Іван Шевченко")
        ivans = uow.punches.for_employees([ivan], start, end)[ivan]
    shape = [(p.direction, p.source, p.legacy_direction, p.terminal_id) for p in punches]
    assert shape == [
        (Direction.AUTO, PunchSource.IMPORT, "IN", IDS.entrance),
        (Direction.AUTO, PunchSource.IMPORT, "OUT", IDS.entrance),
        (Direction.AUTO, PunchSource.IMPORT, "IN", IDS.entrance),
        (Direction.OUT, PunchSource.MANUAL, "OUT", None),
        (Direction.AUTO, PunchSource.IMPORT, "IN", IDS.entrance),
    ]
    assert punches[3].reason == "forgot to tap out"
    assert all(PunchFlag.LEGACY in p.flags for p in punches)
    assert punches[0].at == datetime(2026, 3, 2, 6, tzinfo=UTC)
    assert ivans[0].at.replace(microsecond=0) == datetime(
        2026, 3, 2, 6, 30, tzinfo=UTC
    )  # MySQL DATETIME drops them


def _check_schedules_and_history(services: Services) -> None:
    olena, ivan = _employee_id(services, "Олена Коваль"), _employee_id(services, "Іван Шевченко")
    with services.uow(read_only=True) as uow:
        march = uow.schedules.cells(None, date(2026, 3, 1), date(2026, 3, 31))
        cells = {(c.employee_id, c.day.isoformat()): c for c in march}
    assert cells[(olena, "2026-03-02")].start == time(8)
    assert cells[(olena, "2026-03-02")].end == time(17)
    assert cells[(olena, "2026-03-07")].code == "В"
    assert (olena, "2026-03-08") not in cells
    assert cells[(ivan, "2026-03-02")].start == time(9)
    assert cells[(ivan, "2026-03-03")].code == "ОФ"
    assert len(cells) == 4
    history = services.audit.entries(ADMIN, entity_type="legacy_audit")
    assert {e.action for e in history} == {"legacy.admin_login", "legacy.terminal_create"}
    created = next(e for e in history if e.action == "legacy.terminal_create")
    assert created.after == {"details": {"name": "Entrance", "api_key": "***"}}
    assert created.actor == "legacy:admin"
    imports = services.audit.entries(ADMIN, action="legacy.import")
    assert len(imports) == 3
    assert services.audit.verify_chain().intact


def test_keep_demo_brings_the_demo_terminal_and_employee(services: Services, legacy_url: str) -> None:
    report = _importer(services).run(ADMIN, legacy_url, skip_demo=False)
    assert _counts(report)["employee"] == (6, 0, 0)
    assert _counts(report)["terminal"] == (3, 0, 0)
    assert services.terminals.get(1).name == "Terminal #1"


def test_imported_terminal_and_phone_key_pass_a_secure_scan(services: Services, legacy_url: str) -> None:
    _importer(services).run(ADMIN, legacy_url)
    with running_listener(services) as listener:
        tablet = AndroidTerminal(listener.client, ENTRANCE_KEY, IDS.entrance)
        reply = tablet.scan(BadgePhone("EMP-1A2B3C4D", session_key(0)))
        assert reply.status_code == 200, reply.text
        assert reply.json()["employee_name"] == "Олена Коваль"
        assert reply.json()["message"].startswith("Registered")
    olena = _employee_id(services, "Олена Коваль")
    assert services.employees.detail(olena).badges[0].key_state is KeyState.VERIFIED
