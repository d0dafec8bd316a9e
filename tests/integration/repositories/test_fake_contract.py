"""The fake unit of work against the real ones: the same behaviours on the fake, SQLite and MariaDB.

Unit tests of the services trust the fake (tests/fakes); this keeps it from drifting from the SQL storage.
"""

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from dbsupport import SqliteTemplate, empty_tables
from fakes import ADMIN, FakeUnitOfWorkFactory

from timetracker_desktop.app import open_storage
from timetracker_desktop.domain.absences import Absence, AbsenceType
from timetracker_desktop.domain.attendance import CorrectionKind, Direction, PunchSource
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.month_closing import ClosedMonth, Month, Snapshot
from timetracker_desktop.domain.schedules import ScheduleCell, ScheduleTemplate
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.domain.users import Role
from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind
from timetracker_desktop.repositories.ports.storage import (
    IntegrityConflictError,
    NewCorrection,
    NewPunch,
    PunchQuery,
    ScanReceipt,
    UnassignedPunch,
    UnitOfWork,
    UnitOfWorkFactory,
)
from timetracker_desktop.repositories.ports.zkteco import (
    CommandClosing,
    CommandState,
    DeviceState,
    DeviceUser,
    QuarantinedLine,
)
from timetracker_desktop.services.audit import AuditService, record

AT = datetime(2026, 3, 4, 6, 0, 0, 123456, tzinfo=UTC)


@pytest.fixture(params=["fake", "sqlite", pytest.param("mysql", marks=pytest.mark.mysql)])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[UnitOfWorkFactory]:
    """An empty storage: the fake, a migrated SQLite file, or the emptied MariaDB scratch database."""
    if request.param == "fake":
        yield FakeUnitOfWorkFactory()
        return
    if request.param == "sqlite":
        template: SqliteTemplate = request.getfixturevalue("sqlite_template")
        url = template.fresh_url(tmp_path)
    else:
        url = request.getfixturevalue("mysql_database")
        empty_tables(url)
    sql = open_storage(url)
    yield sql
    sql.dispose()


def _employee(storage: UnitOfWorkFactory, name: str = "Олена") -> int:
    with storage() as uow:
        employee_id = uow.employees.add(name, None, None, AT).id
        uow.commit()
    return employee_id


def test_ids_are_assigned_and_rows_read_back_as_written(storage: UnitOfWorkFactory) -> None:
    with storage() as uow:
        position = uow.positions.add("Бухгалтер")
        first = uow.employees.add("Олена", position.id, "нова", AT)
        second = uow.employees.add("Іван", None, None, AT)
        uow.commit()
    assert first.id > 0
    assert second.id > 0
    assert first.id != second.id
    assert first.position_name == "Бухгалтер"
    with storage(read_only=True) as uow:
        assert uow.employees.get(first.id) == first
        assert [e.full_name for e in uow.employees.list_all()] == ["Іван", "Олена"]
        assert uow.employees.count() == 2
        assert uow.positions.by_name("Бухгалтер") == position


def test_leaving_without_commit_and_rollback_discard_changes(storage: UnitOfWorkFactory) -> None:
    with storage() as uow:
        uow.employees.add("Забутий", None, None, AT)
    with storage() as uow:
        kept = uow.employees.add("Олена", None, None, AT)
        uow.commit()
        uow.employees.add("Скасований", None, None, AT)
        uow.rollback()
        assert [e.full_name for e in uow.employees.list_all()] == ["Олена"]
        uow.commit()
    with storage(read_only=True) as uow:
        assert uow.employees.list_all() == [kept]


def test_uncommitted_changes_are_invisible_to_another_unit_of_work(storage: UnitOfWorkFactory) -> None:
    with storage() as writer:
        writer.employees.add("Олена", None, None, AT)
        writer.flush()
        with storage(read_only=True) as reader:
            assert reader.employees.list_all() == []
        writer.commit()
    with storage(read_only=True) as reader:
        assert len(reader.employees.list_all()) == 1


def test_an_active_badge_value_is_unique_until_revoked(storage: UnitOfWorkFactory) -> None:
    olena, ivan = _employee(storage, "Олена"), _employee(storage, "Іван")
    with storage() as uow:
        badge = uow.badges.add(olena, BadgeKind.CARD, "15CD5B07", AT)
        uow.commit()
    with pytest.raises(IntegrityConflictError), storage() as uow:
        uow.badges.add(ivan, BadgeKind.CARD, "15CD5B07", AT)
    with storage() as uow:
        uow.badges.add(ivan, BadgeKind.PHONE, "15CD5B07", AT)  # another kind is another value
        uow.badges.revoke(badge.id, AT, "lost")
        again = uow.badges.add(ivan, BadgeKind.CARD, "15CD5B07", AT)
        uow.commit()
    with storage(read_only=True) as uow:
        assert uow.badges.find_active(BadgeKind.CARD, "15CD5B07") == again
        assert uow.badges.latest(BadgeKind.CARD, "15CD5B07") == again
        holder = uow.badges.holder(BadgeKind.CARD, "15CD5B07")
        assert holder is not None
        assert (holder[0].id, holder[1].full_name) == (again.id, "Іван")
        revoked = uow.badges.get(badge.id)
        assert revoked is not None
        assert (revoked.is_active, revoked.revoke_reason) == (False, "lost")


def test_unique_names_keys_and_missing_references_are_conflicts(storage: UnitOfWorkFactory) -> None:
    with storage() as uow:
        uow.users.add("olena", "hash", Role.ADMIN, AT)
        terminal = uow.terminals.add(Terminal(0, "Вхід", TerminalKind.ANDROID), "a" * 64, AT)
        uow.commit()
    attempts: list[Callable[[UnitOfWork], object]] = [
        lambda uow: uow.users.add("olena", "other", Role.VIEWER, AT),
        lambda uow: uow.terminals.add(Terminal(0, "Вхід", TerminalKind.ANDROID), None, AT),
        lambda uow: uow.terminals.add(Terminal(0, "Склад", TerminalKind.ANDROID), "a" * 64, AT),
        lambda uow: uow.badges.add(999, BadgeKind.CARD, "04A2B3C4", AT),
        lambda uow: uow.scan_receipts.add(ScanReceipt(999, "e1", "04A2B3C4", "{}", AT)),
    ]
    for attempt in attempts:
        with pytest.raises(IntegrityConflictError), storage() as uow:
            attempt(uow)
    with storage(read_only=True) as uow:
        assert [t.id for t in uow.terminals.list_all()] == [terminal.id]
        assert uow.terminals.by_key_hash("a" * 64) == terminal
        found = uow.users.by_username("olena")
        assert found is not None
        assert found[1] == "hash"


def test_a_terminal_event_key_and_a_scan_receipt_are_stored_once(storage: UnitOfWorkFactory) -> None:
    employee = _employee(storage)
    with storage() as uow:
        terminal = uow.terminals.add(Terminal(0, "Вхід", TerminalKind.ADMS), None, AT)
        uow.punches.add(NewPunch(employee, AT, Direction.IN, PunchSource.TERMINAL, AT, terminal.id,
                                 external_key="k1"))  # fmt: skip
        uow.scan_receipts.add(ScanReceipt(terminal.id, "e1", "04A2B3C4", "{}", AT))
        uow.commit()
    with pytest.raises(IntegrityConflictError), storage() as uow:
        uow.punches.add(NewPunch(employee, AT, Direction.IN, PunchSource.TERMINAL, AT, terminal.id,
                                 external_key="k1"))  # fmt: skip
    with pytest.raises(IntegrityConflictError), storage() as uow:
        uow.scan_receipts.add(ScanReceipt(terminal.id, "e1", "04A2B3C4", "{}", AT))
    with storage() as uow:  # keys are NULL-able: manual punches never collide
        for _ in range(2):
            uow.punches.add(NewPunch(employee, AT, Direction.OUT, PunchSource.MANUAL, AT))
        uow.commit()
    with storage(read_only=True) as uow:
        punch = uow.punches.by_external_key(terminal.id, "k1")
        assert punch is not None
        assert punch.terminal_id == terminal.id
        assert uow.adms.existing_punch_keys(terminal.id, ["k1", "k2"]) == {"k1"}


def test_instants_come_back_in_utc_and_periods_are_half_open(storage: UnitOfWorkFactory) -> None:
    employee = _employee(storage)
    kyiv = timezone(timedelta(hours=2))
    with storage() as uow:
        ids = [
            uow.punches.add(NewPunch(employee, at, Direction.IN, PunchSource.MANUAL, AT, reason="r")).id
            for at in (AT + timedelta(hours=1), AT.astimezone(kyiv), AT + timedelta(hours=2))
        ]
        uow.commit()
    with storage(read_only=True) as uow:
        punches = uow.punches.for_employees([employee], AT, AT + timedelta(hours=2))[employee]
        cores = uow.punches.cores_for_employees(None, AT, AT + timedelta(hours=2))[employee]
    assert [p.id for p in punches] == [ids[1], ids[0]]  # by time, the end excluded
    assert punches[0].at == AT
    assert punches[0].at.tzinfo is UTC
    assert [c.id for c in cores] == [ids[1], ids[0]]


def test_the_event_log_pages_newest_first_and_shows_voided_punches(storage: UnitOfWorkFactory) -> None:
    employee = _employee(storage)
    with storage() as uow:
        ids = [
            uow.punches.add(NewPunch(employee, AT + timedelta(minutes=m), Direction.IN, PunchSource.MANUAL,
                                     AT)).id
            for m in (0, 10, 10, 20)
        ]  # fmt: skip
        void = uow.corrections.add(NewCorrection(CorrectionKind.VOID, employee, None, "wrong", AT, ids[1]))
        uow.corrections.add(NewCorrection(CorrectionKind.VOID, employee, None, "oops", AT, ids[3]))
        uow.corrections.add(
            NewCorrection(CorrectionKind.UNDO, employee, None, "undo", AT, target_correction_id=void.id)
        )
        uow.commit()
    query = PunchQuery(AT, AT + timedelta(hours=1), employee_id=employee)
    with storage(read_only=True) as uow:
        first = uow.punches.page(query, None, 2)
        rest = uow.punches.page(query, (first[-1].at, first[-1].id), 10)
        assert uow.punches.count(query) == 4
        feed = uow.punches.after_id(ids[0], 2)
        corrections = uow.corrections.for_employees([employee])[employee]
    assert [line.id for line in first + rest] == [ids[3], ids[2], ids[1], ids[0]]
    assert [line.voided for line in first + rest] == [True, False, False, False]
    assert first[0].employee_name == "Олена"
    assert [line.id for line in feed] == [ids[1], ids[2]]
    assert [c.kind for c in corrections] == [CorrectionKind.VOID, CorrectionKind.VOID, CorrectionKind.UNDO]


def test_the_audit_log_chains_entries_in_the_writers_transaction(storage: UnitOfWorkFactory) -> None:
    with storage() as uow:
        record(
            uow,
            ADMIN,
            AT,
            AuditAction.EMPLOYEE_CREATE,
            (EntityType.EMPLOYEE, 1),
            after={"day": date(2026, 3, 4)},
        )
        uow.commit()
    with storage() as uow:
        record(uow, ADMIN, AT, AuditAction.DEMO_GENERATE)  # rolled back
    with storage() as uow:
        record(uow, ADMIN, AT, AuditAction.HOLIDAY_SET, (EntityType.HOLIDAY, "2026-03-08"), reason="свято")
        uow.commit()
    with storage(read_only=True) as uow:
        entries = uow.audit.list_all()
        only = uow.audit.list_all(action="holiday.set")
    assert [e.action for e in entries] == ["holiday.set", "employee.create"]
    assert entries[1].after == {"day": "2026-03-04"}  # stored as JSON
    assert entries[0].prev_hash == entries[1].hash
    assert [e.reason for e in only] == ["свято"]
    check = AuditService(storage).verify_chain()
    assert (check.entries, check.intact) == (2, True)


def test_schedules_settings_and_the_unassigned_queue(storage: UnitOfWorkFactory) -> None:
    employee = _employee(storage)
    day = date(2026, 3, 4)
    with storage() as uow:
        uow.schedules.put_cell(ScheduleCell(employee, day, time(8), time(17), 30))
        uow.schedules.put_cell(ScheduleCell(employee, day, time(9), time(18), 0))
        uow.schedules.put_cell(ScheduleCell(employee, day + timedelta(days=1), code="В"))
        saved = uow.schedules.put_template(ScheduleTemplate(0, "5/2", day, ("8-17",) * 5 + ("", "")))
        uow.settings.set("time_zone", "Europe/Kyiv", AT)
        uow.settings.set("time_zone", "Europe/Warsaw", AT)
        item = uow.unassigned.add(UnassignedPunch(0, None, BadgeKind.CARD, "04a2", "04A2", AT, AT, "unknown"))
        uow.commit()
    with pytest.raises(IntegrityConflictError), storage() as uow:
        uow.schedules.add_cells([ScheduleCell(employee, day, code="В")])
    with storage() as uow:
        uow.unassigned.resolve(item.id, "dismissed", None, AT)
        uow.commit()
    with storage(read_only=True) as uow:
        cells = uow.schedules.cells([employee], day, day + timedelta(days=1))
        assert [(c.day, c.start, c.code) for c in cells] == [
            (day, time(9), None),
            (day + timedelta(days=1), None, "В"),
        ]
        assert uow.schedules.templates() == [saved]
        assert "В" in [c.code for c in uow.schedules.codes()]  # seeded by the first migration
        assert uow.settings.all() == {"time_zone": "Europe/Warsaw"}
        assert uow.unassigned.list_all() == []
        resolved = uow.unassigned.get(item.id)
        assert resolved is not None
        assert (resolved.state, resolved.resolved_at) == ("dismissed", AT)


def test_adms_commands_are_numbered_per_device_and_closed_once(storage: UnitOfWorkFactory) -> None:
    with storage() as uow:
        first = uow.adms.add("SN1", AT, "192.168.1.9")
        second = uow.adms.add("SN2", AT, None)
        commands = [
            uow.adms.add_command(device.id, "CHECK", AT, "admin", None) for device in (first, first, second)
        ]
        uow.commit()
    assert [c.command_id for c in commands] == ["1", "2", "1"]
    with pytest.raises(IntegrityConflictError), storage() as uow:
        uow.adms.add("SN1", AT, None)
    with storage() as uow:
        uow.adms.mark_sent([commands[0].id], AT)
        closing = CommandClosing("1", CommandState.DONE, 0, None)
        assert uow.adms.close(first.id, closing, AT)
        assert not uow.adms.close(first.id, closing, AT)
        uow.adms.decide(first.id, DeviceState.REJECTED, None, AT, None)
        uow.commit()
    with storage(read_only=True) as uow:
        assert [c.state for c in uow.adms.commands(first.id)] == [CommandState.QUEUED, CommandState.DONE]
        assert [c.command_id for c in uow.adms.queued(first.id)] == ["2"]
        assert uow.adms.count(DeviceState.PENDING) == 1
        assert [d.serial for d in uow.adms.list_devices(DeviceState.REJECTED)] == ["SN1"]


def test_adms_pin_look_ups_queue_quarantine_and_user_lists(storage: UnitOfWorkFactory) -> None:
    olena, ivan = _employee(storage, "Олена"), _employee(storage, "Іван")
    with storage() as uow:
        device = uow.adms.add("SN1", AT, None)
        terminal = uow.terminals.add(Terminal(0, "Склад", TerminalKind.ADMS, serial="SN1"), None, AT)
        old = uow.badges.add(olena, BadgeKind.PIN, "5", AT)
        uow.badges.revoke(old.id, AT, "left")
        uow.badges.add(ivan, BadgeKind.PIN, "5", AT)
        uow.badges.add(olena, BadgeKind.PIN, "7", AT)
        uow.adms.add_queue_items([UnassignedPunch(0, terminal.id, BadgeKind.PIN, "9", None, AT, AT, "unknown",
                                                  external_key="q1")])  # fmt: skip
        lines = [QuarantinedLine("ATTLOG", "rubbish", "bad_line", "h1", AT)] * 2
        assert uow.adms.quarantine(device.id, lines) == 1
        assert uow.adms.quarantine(device.id, lines) == 0
        uow.adms.put_users(device.id, [DeviceUser("7", "Олена"), DeviceUser("5", "Іван", privilege="14")], AT)
        uow.adms.put_users(device.id, [DeviceUser("7", "Олена К.")], AT)
        uow.commit()
    with storage(read_only=True) as uow:
        holders = uow.adms.pin_holders(["5", "7", "8"])
        roster = uow.adms.roster()
        queue_keys = uow.adms.existing_queue_keys(terminal.id, ["q1", "q2"])
        quarantined = uow.adms.quarantined(device.id)
        users = uow.adms.users(device.id)
    assert {pin: (h.employee_id, h.badge_active) for pin, h in holders.items()} == {
        "5": (ivan, True),
        "7": (olena, True),
    }
    assert [(r.pin, r.name) for r in roster] == [("5", "Іван"), ("7", "Олена")]
    assert queue_keys == {"q1"}
    assert [(q.raw, q.received_at) for q in quarantined] == [("rubbish", AT)]
    assert users == [DeviceUser("5", "Іван", privilege="14"), DeviceUser("7", "Олена К.")]


def test_naive_instants_are_refused(storage: UnitOfWorkFactory) -> None:
    naive = datetime.fromisoformat("2026-03-04T08:00:00")
    employee = _employee(storage)
    writes: list[Callable[[UnitOfWork], object]] = [
        lambda uow: uow.employees.add("Іван", None, None, naive),
        lambda uow: uow.punches.add(NewPunch(employee, naive, Direction.IN, PunchSource.MANUAL, AT)),
        lambda uow: uow.settings.set("time_zone", "Europe/Kyiv", naive),
    ]
    for write in writes:
        with pytest.raises(Exception, match="naive"), storage() as uow:  # SQLAlchemy wraps the ValueError
            write(uow)


def test_expired_scan_receipts_go_oldest_first_in_batches(storage: UnitOfWorkFactory) -> None:
    with storage() as uow:
        terminal = uow.terminals.add(Terminal(0, "Вхід", TerminalKind.CARD_READER), None, AT).id
        for n, days in enumerate((40, 31, 35, 1)):
            uow.scan_receipts.add(ScanReceipt(terminal, f"e{n}", "04A2B3C4", "{}", AT - timedelta(days=days)))
        uow.commit()
    with storage() as uow:
        assert uow.scan_receipts.forget_before(AT - timedelta(days=30), 2) == 2
        uow.commit()
    with storage() as uow:
        assert [uow.scan_receipts.get(terminal, f"e{n}") is not None for n in range(4)] == [
            False, True, False, True
        ]  # fmt: skip
        assert uow.scan_receipts.forget_before(AT - timedelta(days=30), 2) == 1
        assert uow.scan_receipts.forget_before(AT - timedelta(days=30), 2) == 0


def test_absences_are_read_back_by_overlap_and_deleted(storage: UnitOfWorkFactory) -> None:
    olena, ivan = _employee(storage, "Олена"), _employee(storage, "Іван")
    with storage() as uow:
        leave = uow.absences.add(
            Absence(
                0, olena, AbsenceType.ANNUAL_LEAVE, date(2026, 3, 2), date(2026, 3, 6), "наказ 12-В", None
            ),
            AT,
        )
        sick = uow.absences.add(
            Absence(0, olena, AbsenceType.SICK_LEAVE, date(2026, 3, 9), date(2026, 3, 11)), AT
        )
        trip = uow.absences.add(
            Absence(0, ivan, AbsenceType.BUSINESS_TRIP, date(2026, 3, 6), date(2026, 3, 6)), AT
        )
        uow.commit()
    assert len({leave.id, sick.id, trip.id}) == 3
    with storage(read_only=True) as uow:
        assert uow.absences.get(leave.id) == leave
        assert leave.document == "наказ 12-В"
        assert uow.absences.get(999_999) is None
        # both ends are included: the 6th touches the leave and the trip, the 7th-8th nothing
        assert uow.absences.overlapping(None, date(2026, 3, 6), date(2026, 3, 6)) == [leave, trip]
        assert uow.absences.overlapping(None, date(2026, 3, 7), date(2026, 3, 8)) == []
        assert uow.absences.overlapping([olena], date(2026, 3, 1), date(2026, 3, 31)) == [leave, sick]
        assert uow.absences.overlapping([ivan], date(2026, 3, 11), date(2026, 3, 20)) == []
    with storage() as uow:
        uow.absences.delete(leave.id)
        uow.commit()
    with storage(read_only=True) as uow:
        assert uow.absences.overlapping(None, date(2026, 3, 1), date(2026, 3, 31)) == [sick, trip]
    with pytest.raises(IntegrityConflictError), storage() as uow:
        uow.absences.add(Absence(0, 999_999, AbsenceType.SICK_LEAVE, date(2026, 3, 9), date(2026, 3, 9)), AT)


def _take(storage: UnitOfWorkFactory, holder: LeaseHolder, now: datetime, *, commit: bool = True) -> bool:
    with storage() as uow:
        taken = uow.leases.take("maintenance", holder, now, now + timedelta(minutes=5))
        if commit:
            uow.commit()
    return taken


def test_a_lease_is_held_by_one_owner_until_it_runs_out_or_is_released(storage: UnitOfWorkFactory) -> None:
    gui = LeaseHolder("PC-1:40:ab", RunnerKind.GUI, "PC-1", "olena")
    service = LeaseHolder("pc-1:41:cd", RunnerKind.SERVICE, "SERVER", "SYSTEM")  # the id's case matters
    assert _take(storage, gui, AT, commit=False)  # then rolled back: as if never taken
    with storage(read_only=True) as uow:
        assert uow.leases.get("maintenance") is None
    assert _take(storage, gui, AT)
    assert not _take(storage, service, AT + timedelta(minutes=4))
    assert _take(storage, gui, AT + timedelta(minutes=1))
    assert _take(storage, gui, AT + timedelta(minutes=1))  # a renewal changing nothing still counts
    with storage(read_only=True) as uow:
        lease = uow.leases.get("maintenance")
        assert uow.leases.get("optimisation") is None
    assert lease is not None
    assert (lease.holder, lease.acquired_at, lease.heartbeat_at) == (gui, AT, AT + timedelta(minutes=1))
    assert lease.expires_at == AT + timedelta(minutes=6)
    assert lease.held_at(AT + timedelta(minutes=5, seconds=59))
    assert not lease.held_at(lease.expires_at)
    assert _take(storage, service, lease.expires_at)  # run out: taken over, acquired anew
    assert not _take(storage, gui, lease.expires_at + timedelta(seconds=1))
    with storage() as uow:
        assert not uow.leases.release("maintenance", gui.owner_id, AT + timedelta(minutes=7))
        assert uow.leases.release("maintenance", service.owner_id, AT + timedelta(minutes=7))
        uow.commit()
    with storage(read_only=True) as uow:
        released = uow.leases.get("maintenance")
    assert released is not None
    assert (released.holder, released.acquired_at) == (service, lease.expires_at)
    assert released.expires_at == AT + timedelta(minutes=7)
    assert not released.held_at(released.expires_at)
    assert _take(storage, gui, AT + timedelta(minutes=7))  # released: free at once


def test_closed_months_are_saved_replaced_and_read_back(storage: UnitOfWorkFactory) -> None:
    march, april, may = Month(2026, 3), Month(2026, 4), Month(2026, 5)
    snapshot: Snapshot = {
        "7": {"name": "Олена", "days": {"2026-03-02": ["8:00", 28800], "2026-03-03": ["ТН 26", 0]}}
    }
    closed = ClosedMonth(march, True, AT, "admin", snapshot)
    with storage() as uow:
        uow.closed_months.save(closed)
        uow.closed_months.save(ClosedMonth(april, True, AT, "admin", {}))
        uow.commit()
    with storage(read_only=True) as uow:
        assert uow.closed_months.get(march) == closed
        assert uow.closed_months.get(may) is None
        assert [m.month for m in uow.closed_months.among([may, april, march])] == [march, april]
        assert uow.closed_months.among([]) == []
        assert [m.month for m in uow.closed_months.list_all()] == [april, march]
    reopened = ClosedMonth(
        march, False, AT, "admin", snapshot, AT + timedelta(days=1), "boss", "late sick note"
    )
    with storage() as uow:
        assert uow.closed_months.lock(march) == closed
        uow.closed_months.save(reopened)
        uow.commit()
    with storage(read_only=True) as uow:
        assert uow.closed_months.get(march) == reopened
        assert uow.closed_months.lock(may) is None
