"""Month closing through services and storage (SQLite, MariaDB): refusals, late taps, reopen, the diff."""

import threading
from datetime import date, datetime

import pytest
from fakes import ADMIN, MANAGER, FakeClock

from timetracker_desktop.app import AppContext
from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, PermissionDeniedError, ValidationError
from timetracker_desktop.domain.month_closing import Month, months_between
from timetracker_desktop.domain.report_detail import Remark
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.reports.tables import to_table
from timetracker_desktop.services.reports.text import ReportText
from timetracker_desktop.services.timesheet.frozen import refuse_closed_days

MARCH, APRIL = Month(2026, 3), Month(2026, 4)
IN = Direction.IN
MAR4 = datetime.fromisoformat("2026-03-04T09:00")


def local(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture
def march(services: Services, clock: FakeClock) -> tuple[int, int, int]:
    """A plan on 2-6 March and a shift on 3 March: (employee id, IN punch id, OUT punch id)."""
    clock.set(datetime.fromisoformat("2026-04-01T08:00:00+00:00"))
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль"))
    for day in (2, 3, 4, 5, 6):
        services.schedules.set_cell(ADMIN, employee.id, date(2026, 3, day), "9-18")
    came = services.punches.add_manual(
        ADMIN, employee.id, local("2026-03-03T09:00"), "forgot", direction=Direction.IN
    )
    left = services.punches.add_manual(
        ADMIN, employee.id, local("2026-03-03T17:00"), "x", direction=Direction.OUT
    )
    return employee.id, came, left


def _refused(call: object, *args: object, **kwargs: object) -> ConflictError:
    with pytest.raises(ConflictError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value


def test_a_closed_month_refuses_changes_and_the_next_month_does_not(
    services: Services, march: tuple[int, int, int]
) -> None:
    employee_id, came, punch_id = march
    services.absences.add(ADMIN, employee_id, "ТН", date(2026, 3, 10), date(2026, 3, 11))
    sick = services.absences.list_absences(employee_id)[0]
    voided = services.punches.set_direction(ADMIN, came, Direction.IN, "checked")
    closing = services.months.close(ADMIN, MARCH)
    assert (closing.month, closing.closed, closing.closed_by) == (MARCH, True, ADMIN.name)
    day = closing.snapshot[str(employee_id)]["days"]
    assert isinstance(day, dict)
    assert day["2026-03-10"] == ["ТН 26", 0]  # the absence's form code as the timesheet shows it
    assert services.months.closing_of(date(2026, 3, 1), date(2026, 3, 31)) == closing
    assert services.months.closing_of(date(2026, 4, 1), date(2026, 4, 30)) is None
    # the timesheet of the month says who closed it and when (in the office zone: 08:00 UTC is 11:00 in Kyiv)
    text = ReportText(to_table(services.reports.timesheet(MARCH.first, MARCH.last)), "en")
    assert text.closed() == f"Month closed on 01.04.2026 11:00 by {ADMIN.name}"
    assert ReportText(to_table(services.reports.timesheet(MARCH.first, APRIL.last)), "uk").closed() == ""

    refusals = [
        _refused(services.punches.add_manual, ADMIN, employee_id, MAR4, "x", direction=IN),
        _refused(services.punches.void, ADMIN, punch_id, "wrong"),
        _refused(services.punches.set_direction, ADMIN, punch_id, Direction.IN, "wrong"),
        _refused(services.punches.undo, ADMIN, voided, "wrong"),
        _refused(services.absences.add, ADMIN, employee_id, "В", date(2026, 3, 16), date(2026, 3, 20)),
        # a range reaching into the closed month from the next one
        _refused(services.absences.add, ADMIN, employee_id, "В", date(2026, 3, 30), date(2026, 4, 3)),
        _refused(services.absences.delete, ADMIN, sick.id),
    ]  # fmt: skip
    for refusal in refusals:
        assert (refusal.code, refusal.params) == (ErrorCode.MONTH_CLOSED, {"month": "2026-03"})
        assert "2026-03 is closed" in refusal.message
    assert services.months.changes(MARCH).cells == ()  # nothing slipped through

    # midnight in Kyiv on 1 April is still 31 March in UTC: the month is the office's local one
    services.punches.add_manual(
        ADMIN, employee_id, local("2026-04-01T00:30"), "night", direction=Direction.IN
    )
    services.absences.add(ADMIN, employee_id, "В", date(2026, 4, 6), date(2026, 4, 10))
    with pytest.raises(PermissionDeniedError):
        services.months.close(MANAGER, APRIL)
    assert _refused(services.months.close, ADMIN, MARCH).code is ErrorCode.MONTH_ALREADY_CLOSED
    assert _refused(services.months.reopen, ADMIN, APRIL, "why").code is ErrorCode.MONTH_NOT_CLOSED


def test_reopen_with_a_reason_is_audited_and_the_diff_shows_the_change(
    services: Services, app_context: AppContext, march: tuple[int, int, int], clock: FakeClock
) -> None:
    employee_id = march[0]
    services.months.close(ADMIN, MARCH)
    clock.advance(hours=2)
    # a terminal that was offline delivers a tap of 5 March now: stored, never refused, flagged as late
    with app_context.storage() as uow:
        tap = uow.punches.add(
            NewPunch(employee_id, datetime.fromisoformat("2026-03-05T07:00:00+00:00"), Direction.IN,
                     PunchSource.TERMINAL, clock.now(), received_at=clock.now())
        )  # fmt: skip
        uow.commit()
    early = services.months.changes(MARCH)
    assert [p.id for p in early.late_taps] == [tap.id]
    assert [(c.day, c.before_text) for c in early.cells] == [(date(2026, 3, 5), "absent")]
    assert _flagged(services, employee_id) == [date(2026, 3, 5)]  # the detail report's remark

    with pytest.raises(ValidationError) as no_reason:
        services.months.reopen(ADMIN, MARCH, "   ")
    assert no_reason.value.code is ErrorCode.REASON_REQUIRED
    reopened = services.months.reopen(ADMIN, MARCH, "sick note came late")
    assert (reopened.closed, reopened.reopen_reason, reopened.reopened_by) == (
        False,
        "sick note came late",
        ADMIN.name,
    )
    services.punches.add_manual(
        ADMIN, employee_id, local("2026-03-04T09:00"), "paper", direction=Direction.IN
    )
    services.punches.add_manual(
        ADMIN, employee_id, local("2026-03-04T18:00"), "paper", direction=Direction.OUT
    )

    changed = {c.day: c for c in services.months.changes(MARCH).cells}
    assert set(changed) == {date(2026, 3, 4), date(2026, 3, 5)}
    march4 = changed[date(2026, 3, 4)]
    assert (march4.before_text, march4.after_text, march4.after_seconds) == ("absent", "9:00", 9 * 3600)
    assert march4.name == "Олена Коваль"
    assert services.months.closing_of(date(2026, 3, 1), date(2026, 3, 31)) is None  # open again

    entries = services.audit.entries(ADMIN, entity_type=EntityType.MONTH)
    assert [(e.action, e.entity_id, e.reason) for e in reversed(entries)] == [
        (AuditAction.MONTH_CLOSE, "2026-03", None),
        (AuditAction.MONTH_REOPEN, "2026-03", "sick note came late"),
    ]
    assert services.audit.verify_chain().intact
    closed_again = services.months.close(ADMIN, MARCH)  # the new handed-over timesheet replaces the old
    assert services.months.changes(MARCH).cells == ()
    assert _flagged(services, employee_id) == []  # the new closing took the tap in
    assert [m.month for m in services.months.list_months()] == [MARCH]
    assert closed_again.reopened_at is None


def _flagged(services: Services, employee_id: int) -> list[date]:
    detail = services.reports.detail(employee_id, MARCH.first, MARCH.last)
    return [line.day for line in detail.lines if Remark.AFTER_CLOSING in line.remarks]


def test_a_month_is_yyyy_mm() -> None:
    assert (Month.parse("2026-02").first, Month.parse("2026-02").last) == (
        date(2026, 2, 1),
        date(2026, 2, 28),
    )
    assert Month.parse("2026-12").last == date(2026, 12, 31)
    assert months_between(date(2026, 11, 30), date(2027, 1, 1)) == [
        Month(2026, 11),
        Month(2026, 12),
        Month(2027, 1),
    ]
    assert months_between(date(2026, 3, 5), date(2026, 3, 9)) == [MARCH]
    for bad in ("2026-13", "26-03", "2026-3", "march"):
        with pytest.raises(ValidationError) as caught:
            Month.parse(bad)
        assert caught.value.code is ErrorCode.MONTH_FORMAT


def test_a_change_in_progress_on_another_pc_finishes_before_the_closing_reads_the_month(
    services: Services, app_context: AppContext, march: tuple[int, int, int], clock: FakeClock
) -> None:
    """PC 1 adds a punch of 4 March and has not committed yet; PC 2 closes March meanwhile. The closing waits
    for PC 1's employee lock, so the punch is in the handed-over timesheet instead of slipping in after it."""
    employee_id = march[0]
    closed: list[object] = []
    with app_context.storage() as uow:  # PC 1's transaction, as PunchService.add_manual runs it
        uow.employees.lock_for_decision(employee_id)
        refuse_closed_days(uow, [employee_id], [date(2026, 3, 4)])  # open yet
        uow.punches.add(
            NewPunch(employee_id, datetime.fromisoformat("2026-03-04T07:00:00+00:00"), Direction.IN,
                     PunchSource.MANUAL, clock.now(), reason="paper")
        )  # fmt: skip
        closing = threading.Thread(target=lambda: closed.append(services.months.close(ADMIN, MARCH)))
        closing.start()
        closing.join(0.5)
        assert closing.is_alive()  # PC 2 waits for PC 1
        assert services.months.status(MARCH) is None
        uow.commit()
    closing.join(30)
    assert len(closed) == 1
    days = services.months.status(MARCH).snapshot[str(employee_id)]["days"]  # type: ignore[union-attr]
    assert isinstance(days, dict)
    assert days["2026-03-04"][0] == "incomplete"  # PC 1's IN is in the handed-over timesheet
