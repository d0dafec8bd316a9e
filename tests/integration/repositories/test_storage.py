"""Storage behaviour on both databases: UTC instants, uniqueness of active badges, errors, rollback."""

from datetime import UTC, datetime, time, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import event

from timetracker_desktop.app import AppContext, open_storage
from timetracker_desktop.domain.attendance import CorrectionKind, Direction, PunchCore, PunchFlag, PunchSource
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.schedules import ScheduleCell
from timetracker_desktop.repositories.ports.storage import (
    IntegrityConflictError,
    NewCorrection,
    NewPunch,
    PunchQuery,
    StorageUnavailableError,
    UnassignedPunch,
)
from timetracker_desktop.repositories.sql.engine import is_sqlite

AT = datetime(2026, 3, 4, 6, 0, 0, 123456, tzinfo=UTC)


def test_instants_round_trip_as_aware_utc_with_microseconds(app_context: AppContext) -> None:
    storage = app_context.storage
    kyiv_noon = datetime(2026, 3, 4, 8, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2)))
    with storage() as uow:
        employee = uow.employees.add("Олена Коваль", None, None, AT)
        punch = uow.punches.add(NewPunch(employee.id, kyiv_noon, Direction.IN, PunchSource.MANUAL, AT))
        uow.commit()
    with storage(read_only=True) as uow:
        stored = uow.punches.get(punch.id)
    assert stored is not None
    assert stored.at == AT
    assert stored.at.tzinfo is UTC
    assert stored.at.microsecond == 123456


def test_naive_datetimes_are_refused(app_context: AppContext) -> None:
    with app_context.storage() as uow, pytest.raises(Exception, match="naive"):
        uow.employees.add("X", None, None, datetime(2026, 1, 1))  # noqa: DTZ001 - the point of the test


def test_only_one_active_badge_per_value_but_revoked_values_can_be_reissued(app_context: AppContext) -> None:
    storage = app_context.storage
    with storage() as uow:
        a = uow.employees.add("A", None, None, AT)
        b = uow.employees.add("B", None, None, AT)
        first = uow.badges.add(a.id, BadgeKind.CARD, "04A2B3C4D5E680", AT)
        uow.commit()
    with pytest.raises(IntegrityConflictError), storage() as uow:
        uow.badges.add(b.id, BadgeKind.CARD, "04A2B3C4D5E680", AT)
    with storage() as uow:
        uow.badges.revoke(first.id, AT, "lost")
        again = uow.badges.add(b.id, BadgeKind.CARD, "04A2B3C4D5E680", AT)
        uow.commit()
    with storage(read_only=True) as uow:
        assert uow.badges.find_active(BadgeKind.CARD, "04A2B3C4D5E680") == again
        assert uow.badges.get(first.id) is not None


def test_leaving_without_commit_rolls_back(app_context: AppContext) -> None:
    with app_context.storage() as uow:
        uow.employees.add("Ghost", None, None, AT)
    with app_context.storage(read_only=True) as uow:
        assert uow.employees.count() == 0


def test_event_log_pages_newest_first_by_keyset(app_context: AppContext) -> None:
    storage = app_context.storage
    with storage() as uow:
        employee = uow.employees.add("P", None, None, AT)
        same = AT + timedelta(hours=1)
        uow.punches.add_many(
            [
                NewPunch(employee.id, AT + timedelta(minutes=i), Direction.IN, PunchSource.TERMINAL, AT)
                for i in range(5)
            ]
            + [NewPunch(employee.id, same, Direction.OUT, PunchSource.TERMINAL, AT) for _ in range(3)]
        )
        uow.commit()
    query = PunchQuery(AT - timedelta(days=1), AT + timedelta(days=1))
    seen: list[int] = []
    after = None
    with storage(read_only=True) as uow:
        assert uow.punches.count(query) == 8
        while page := uow.punches.page(query, after, 3):
            seen.extend(line.id for line in page)
            after = (page[-1].at, page[-1].id)
        assert len(seen) == len(set(seen)) == 8
        times = [line.id for line in uow.punches.page(query, None, 3)]
    assert times == sorted(times, reverse=True)


def test_event_log_page_starts_from_punches_on_mariadb(app_context: AppContext, db_url: str) -> None:
    if is_sqlite(db_url):
        pytest.skip("the join-order hint is MariaDB's; SQLite walks the (at, id) index by itself")
    storage = app_context.storage
    with storage() as uow:
        employee = uow.employees.add("P", None, None, AT)
        uow.punches.add(NewPunch(employee.id, AT, Direction.IN, PunchSource.TERMINAL, AT))
        uow.commit()
    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if "FROM punches" in statement and "LIMIT" in statement:
            seen.append((statement, parameters))

    engine = storage.read_engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        with storage(read_only=True) as uow:
            page = uow.punches.page(PunchQuery(AT - timedelta(days=30), AT + timedelta(days=1)), None, 200)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert [line.at for line in page] == [AT]
    (statement, parameters), *_ = seen
    assert statement.startswith("SELECT STRAIGHT_JOIN")
    with engine.connect() as conn:
        plan = conn.exec_driver_sql("EXPLAIN " + statement, parameters).mappings().all()
    assert plan[0]["table"] == "punches"  # the page is read from punches, newest first, then joined


def test_computation_punches_carry_what_reports_read_in_time_order(app_context: AppContext) -> None:
    storage = app_context.storage
    with storage() as uow:
        a = uow.employees.add("A", None, None, AT)
        b = uow.employees.add("B", None, None, AT)
        uow.punches.add_many(
            [
                NewPunch(a.id, AT + timedelta(hours=9), Direction.OUT, PunchSource.TERMINAL, AT),
                NewPunch(
                    b.id,
                    AT,
                    Direction.AUTO,
                    PunchSource.TERMINAL,
                    AT,
                    flags=frozenset({PunchFlag.DOUBLE_TAP}),
                ),
                NewPunch(a.id, AT, Direction.IN, PunchSource.MANUAL, AT, reason="forgot the card"),
                NewPunch(
                    a.id, AT + timedelta(days=3), Direction.IN, PunchSource.TERMINAL, AT
                ),  # after the end
            ]
        )
        uow.commit()
    start, end = AT - timedelta(hours=1), AT + timedelta(days=1)
    with storage(read_only=True) as uow:
        full = uow.punches.for_employees(None, start, end)
        cores = uow.punches.cores_for_employees(None, start, end)
        only_b = uow.punches.cores_for_employees([b.id], start, end)
    expected = {
        employee: [
            PunchCore(p.id, p.employee_id, p.at, p.direction, p.source, p.flags, p.reason) for p in punches
        ]
        for employee, punches in full.items()
    }
    assert cores == expected
    assert [(p.at, p.direction, p.reason) for p in cores[a.id]] == [
        (AT, Direction.IN, "forgot the card"),
        (AT + timedelta(hours=9), Direction.OUT, None),
    ]
    assert cores[b.id][0].flags == {PunchFlag.DOUBLE_TAP}
    assert cores[a.id][0].at.tzinfo is UTC
    assert list(only_b) == [b.id]


def test_cells_grouped_by_employee_and_day_match_the_ordered_list(app_context: AppContext) -> None:
    storage = app_context.storage
    day = AT.date()
    with storage() as uow:
        a = uow.employees.add("A", None, None, AT)
        b = uow.employees.add("B", None, None, AT)
        uow.schedules.add_cells(
            [
                ScheduleCell(b.id, day + timedelta(days=1), time(22), time(6)),
                ScheduleCell(a.id, day, time(8), time(17), 60),
                ScheduleCell(b.id, day, code="В"),
                ScheduleCell(a.id, day + timedelta(days=9), time(8), time(17)),  # after the period
            ]
        )
        uow.commit()
    with storage(read_only=True) as uow:
        listed = uow.schedules.cells(None, day, day + timedelta(days=2))
        grouped = uow.schedules.cells_by_employee(None, day, day + timedelta(days=2))
        only_a = uow.schedules.cells_by_employee([a.id], day, day + timedelta(days=2))
    assert [(c.employee_id, c.day) for c in listed] == sorted((c.employee_id, c.day) for c in listed)
    assert grouped == {
        a.id: {day: listed[0]},
        b.id: {day: listed[1], day + timedelta(days=1): listed[2]},
    }
    assert grouped[b.id][day + timedelta(days=1)].start == time(22)
    assert only_a == {a.id: {day: listed[0]}}


@pytest.mark.mysql
def test_wrong_mysql_password_names_the_cause(mysql_database: str) -> None:
    from sqlalchemy.engine import make_url

    bad = make_url(mysql_database).set(password="definitely-wrong").render_as_string(hide_password=False)
    storage = open_storage(bad)
    try:
        with pytest.raises(StorageUnavailableError) as caught, storage(read_only=True) as uow:
            uow.employees.count()
    finally:
        storage.dispose()
    assert "access denied" in caught.value.cause


@pytest.mark.mysql
def test_unreachable_mysql_server_names_the_cause() -> None:
    storage = open_storage("mysql+pymysql://u:p@127.0.0.1:1/x?connect_timeout=2")
    try:
        with pytest.raises(StorageUnavailableError) as caught, storage(read_only=True) as uow:
            uow.employees.count()
    finally:
        storage.dispose()
    assert caught.value.cause == "database server unreachable"


def test_unmigrated_sqlite_file_names_the_cause(tmp_path: object) -> None:
    storage = open_storage(f"sqlite:///{tmp_path}/blank.db")
    try:
        with pytest.raises(StorageUnavailableError) as caught, storage(read_only=True) as uow:
            uow.employees.count()
    finally:
        storage.dispose()
    assert caught.value.cause == "the database is not migrated"


def test_feed_reads_void_reasons_and_unknown_badges_after_an_id(app_context: AppContext) -> None:
    """The live feed after a restart: a voided punch carries its reason; unknown badges come after an id."""
    storage = app_context.storage
    with storage() as uow:
        employee = uow.employees.add("P", None, None, AT)
        punch = uow.punches.add(NewPunch(employee.id, AT, Direction.IN, PunchSource.TERMINAL, AT))
        uow.corrections.add(
            NewCorrection(CorrectionKind.VOID, employee.id, None, "wrong card", AT, punch_id=punch.id)
        )
        items = [
            uow.unassigned.add(UnassignedPunch(0, None, BadgeKind.CARD, raw, raw, at, at, "unknown"))
            for raw, at in (("0401", AT - timedelta(days=1)), ("0402", AT), ("0403", AT + timedelta(hours=1)))
        ]
        uow.commit()
    with storage(read_only=True) as uow:
        (line,) = uow.punches.after_id(0, 10)
        assert (line.voided, line.void_reason) == (True, "wrong card")
        assert [i.raw_value for i in uow.unassigned.after_id(0, AT, 10)] == [
            "0402",
            "0403",
        ]  # not yesterday's
        assert [i.raw_value for i in uow.unassigned.after_id(items[1].id, AT, 10)] == ["0403"]
