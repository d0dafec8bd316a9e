"""The absences register through services and storage (SQLite, MariaDB): audit, overlaps, plan vs actual."""

import json
from datetime import date, datetime

import pytest
from fakes import ADMIN, VIEWER, FakeClock

from timetracker_desktop.domain.absences import AbsenceType
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.errors import (
    ConflictError,
    ErrorCode,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from timetracker_desktop.domain.report_detail import Remark
from timetracker_desktop.domain.reports import DayMark, Presence
from timetracker_desktop.domain.worktime import Anomaly
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

MON, TUE, WED, THU, FRI = (date(2026, 3, d) for d in (2, 3, 4, 5, 6))


@pytest.fixture
def employee_id(services: Services, clock: FakeClock) -> int:
    clock.set(datetime.fromisoformat("2026-03-09T12:00:00+00:00"))
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль"))
    for day in (MON, TUE, WED, THU, FRI):
        services.schedules.set_cell(ADMIN, employee.id, day, "9-18")
    return employee.id


def test_add_list_delete_with_an_audit_line_each(services: Services, employee_id: int) -> None:
    leave = services.absences.add(
        ADMIN, employee_id, "В", MON, WED, document=" наказ  № 12-В ", note="щорічна"
    )
    sick = services.absences.add(ADMIN, employee_id, AbsenceType.SICK_LEAVE, THU, FRI, document="АБВ 123")
    assert (leave.kind, leave.document, leave.days) == (AbsenceType.ANNUAL_LEAVE, "наказ № 12-В", 3)
    assert services.absences.list_absences(employee_id) == [leave, sick]
    assert services.absences.list_absences(None, FRI, FRI) == [sick]
    assert services.absences.list_absences(employee_id, date(2026, 3, 7), date(2026, 3, 31)) == []

    assert services.absences.delete(ADMIN, leave.id) == leave
    assert services.absences.list_absences(employee_id) == [sick]
    with pytest.raises(NotFoundError) as gone:
        services.absences.delete(ADMIN, leave.id)
    assert gone.value.code is ErrorCode.ABSENCE_NOT_FOUND

    entries = services.audit.entries(ADMIN, entity_type=EntityType.ABSENCE)
    assert [(e.action, e.entity_id) for e in reversed(entries)] == [
        (AuditAction.ABSENCE_ADD, str(leave.id)),
        (AuditAction.ABSENCE_ADD, str(sick.id)),
        (AuditAction.ABSENCE_DELETE, str(leave.id)),
    ]
    added, deleted = entries[2], entries[0]
    expected = {
        "employee_id": employee_id, "type": "В", "from": "2026-03-02", "to": "2026-03-04",
        "document": "наказ № 12-В", "note": "щорічна",
    }  # fmt: skip
    assert (added.after, deleted.before) == (expected, expected)
    assert json.dumps(added.after, ensure_ascii=False)  # stored as JSON both ways
    assert services.audit.verify_chain().intact


def test_overlaps_are_refused_adjacent_days_are_not(services: Services, employee_id: int) -> None:
    services.absences.add(ADMIN, employee_id, "ТН", TUE, WED)
    for first, last in ((MON, TUE), (WED, FRI), (TUE, TUE), (MON, FRI)):
        with pytest.raises(ConflictError) as caught:
            services.absences.add(ADMIN, employee_id, "В", first, last)
        assert caught.value.code is ErrorCode.ABSENCE_OVERLAP
        assert caught.value.params == {"type": "ТН", "from": "2026-03-03", "to": "2026-03-04"}
    services.absences.add(ADMIN, employee_id, "В", MON, MON)  # the day before
    services.absences.add(ADMIN, employee_id, "В", THU, FRI)  # the day after
    other = services.employees.add_employee(ADMIN, EmployeeDraft("Іван Петренко")).id
    services.absences.add(ADMIN, other, "ВД", TUE, WED)  # another employee's days are theirs
    assert len(services.absences.list_absences()) == 4
    assert len(services.audit.entries(ADMIN, action=AuditAction.ABSENCE_ADD)) == 4  # refusals change nothing


def test_bad_input_and_rights(services: Services, employee_id: int) -> None:
    with pytest.raises(ValidationError) as bad_type:
        services.absences.add(ADMIN, employee_id, "В/Д", MON, TUE)  # a schedule code, not a form code
    assert bad_type.value.code is ErrorCode.BAD_ABSENCE_TYPE
    with pytest.raises(ValidationError) as backwards:
        services.absences.add(ADMIN, employee_id, "В", TUE, MON)
    assert backwards.value.code is ErrorCode.BAD_ABSENCE_RANGE
    with pytest.raises(NotFoundError) as nobody:
        services.absences.add(ADMIN, 999_999, "В", MON, MON)
    assert nobody.value.code is ErrorCode.EMPLOYEE_NOT_FOUND
    with pytest.raises(PermissionDeniedError):
        services.absences.add(VIEWER, employee_id, "В", MON, MON)
    assert services.absences.list_absences() == []


def test_absence_days_are_excused_in_plan_vs_actual_and_reports(services: Services, employee_id: int) -> None:
    services.absences.add(ADMIN, employee_id, "ТН", TUE, WED, document="АБВ 123")
    result = services.worktime.for_employee(employee_id, MON, THU)
    mon, tue, wed, thu = result.days
    assert mon.absent  # scheduled, no tap, no absence
    for day in (tue, wed):
        assert (day.absent, day.excused, day.absence, day.late_seconds) == (
            False,
            True,
            AbsenceType.SICK_LEAVE,
            0,
        )
        assert (day.planned_seconds, day.excused_seconds) == (0, 9 * 3600)
    assert thu.absent
    assert result.total_planned_seconds == 2 * 9 * 3600  # Tue and Wed are not owed

    sheet = services.reports.timesheet(MON, THU)
    cells = sheet.rows[0].cells
    assert [(c.mark, c.code) for c in cells[1:3]] == [(DayMark.CODE, "ТН 26")] * 2  # letter and form digits
    assert sheet.rows[0].summary.absences == 2
    assert sheet.rows[0].summary.excused_days == 2
    attendance = services.reports.attendance(TUE, TUE)
    assert [line.presence for line in attendance.lines] == [Presence.EXCUSED]
    exceptions = services.reports.exceptions(MON, THU)
    assert sorted(line.day for line in exceptions.lines) == [MON, THU]


def test_a_tap_during_an_absence_is_an_anomaly_shown_in_the_detail(
    services: Services, employee_id: int
) -> None:
    services.absences.add(ADMIN, employee_id, "В", TUE, TUE)
    for local in ("2026-03-03 10:30", "2026-03-03 11:30"):  # office wall time, as the GUI and CLI enter it
        services.punches.add_manual(ADMIN, employee_id, datetime.fromisoformat(local), "came in for an hour")
    day = services.worktime.for_employee(employee_id, TUE, TUE).days[0]
    assert day.worked_seconds == 3600  # not silently dropped
    assert (day.late_seconds, day.early_leave_seconds, day.overtime_seconds) == (0, 0, 0)
    assert Anomaly.DURING_ABSENCE in day.anomalies
    detail = services.reports.detail(employee_id, TUE, TUE)
    assert [Remark.DURING_ABSENCE in line.remarks for line in detail.lines] == [True]
    assert detail.summary.anomalies == 1
