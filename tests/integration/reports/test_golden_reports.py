"""Every report over the golden data set gives the hand-computed numbers (SQLite and MariaDB)."""

from datetime import UTC, date, datetime

from fakes import ADMIN

from timetracker_desktop.domain.absences import AbsenceType
from timetracker_desktop.domain.report_detail import LineKind, Remark
from timetracker_desktop.domain.reports import DayMark, ExceptionKind, Presence, Summary
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.reports.tables import to_table
from timetracker_desktop.services.reports.text import ReportText

from .conftest import FIRST, LAST, Golden

H = 3600
M = 60


def _utc(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def test_timesheet_cells_sums_and_day_totals(services: Services, golden: Golden) -> None:
    sheet = services.reports.timesheet(FIRST, LAST)
    day_worker, night_guard = sheet.rows  # name order: Андрій before Оксана
    assert day_worker.employee.id == golden.day_worker
    # Thu 08:05-17:00 = 8:55 (the 08:06 duplicate IN and the voided 12:00 tap change nothing);
    # Fri 08:25-17:30 (manual OUT) = 9:05; Sat/Sun code В; Mon holiday 10:00-14:00 = 4:00; Tue OUT forgotten.
    assert [(c.mark, c.seconds, c.code) for c in day_worker.cells] == [
        (DayMark.WORKED, 8 * H + 55 * M, None),
        (DayMark.WORKED, 9 * H + 5 * M, None),
        (DayMark.CODE, 0, "В"),
        (DayMark.CODE, 0, "В"),
        (DayMark.WORKED, 4 * H, None),
        (DayMark.INCOMPLETE, 0, None),
    ]
    # Thu 21:58-06:02 = 8:04; Fri absent; Sat 22:00-06:00 across the spring change = 7:00;
    # Sun only an orphan OUT (incomplete); Mon vacation В/Д; Tue 22:00-Wed 06:00 = 8:00 (OUT after the end).
    assert [(c.mark, c.seconds, c.code) for c in night_guard.cells] == [
        (DayMark.WORKED, 8 * H + 4 * M, None),
        (DayMark.ABSENT, 0, None),
        (DayMark.WORKED, 7 * H, None),
        (DayMark.INCOMPLETE, 0, "В"),
        (DayMark.CODE, 0, "В/Д"),
        (DayMark.WORKED, 8 * H, None),
    ]
    # worked 8:55 + 9:05 + 4:00 = 22:00; planned 3 x 9 h = 27:00; all holiday work is overtime (4:00);
    # undertime Thu 0:05 + Tue 9:00 (incomplete, nothing credited) = 9:05; late only Fri; anomalies:
    # the duplicate IN and the missing OUT.
    assert day_worker.summary == Summary(
        worked_seconds=22 * H,
        rounded_seconds=22 * H,
        planned_seconds=27 * H,
        worked_days=3,
        overtime_seconds=4 * H,
        undertime_seconds=9 * H + 5 * M,
        late_days=1,
        early_leave_days=0,
        absences=0,
        excused_days=0,
        anomalies=2,
    )
    # worked 8:04 + 7:00 + 8:00 = 23:04; planned 8 + 8 + 7 (DST night) + 8 = 31:00; Fri absent (8 h under);
    # Thu's 4 extra minutes are below the 15 min minimum overtime; the orphan OUT is the one anomaly.
    assert night_guard.summary == Summary(
        worked_seconds=23 * H + 4 * M,
        rounded_seconds=23 * H + 4 * M,
        planned_seconds=31 * H,
        worked_days=3,
        overtime_seconds=0,
        undertime_seconds=8 * H,
        late_days=0,
        early_leave_days=0,
        absences=1,
        excused_days=1,
        anomalies=1,
    )
    assert sheet.totals.worked_seconds == 45 * H + 4 * M
    assert sheet.totals.planned_seconds == 58 * H
    assert sheet.totals.difference_seconds == -(12 * H + 56 * M)
    # per day: Thu 8:55 + 8:04, Fri 9:05, Sat 7:00, Sun 0, Mon 4:00, Tue 8:00
    assert [t.rounded_seconds for t in sheet.day_totals] == [
        16 * H + 59 * M,
        9 * H + 5 * M,
        7 * H,
        0,
        4 * H,
        8 * H,
    ]
    # planned per day: Thu 9 + 8, Fri 9 + 8, Sat 0 + 7, Sun 0, Mon 0 (holiday, vacation), Tue 9 + 8
    assert [t.planned_seconds for t in sheet.day_totals] == [17 * H, 17 * H, 7 * H, 0, 0, 17 * H]
    assert [h.name for h in sheet.holidays] == ["Тестове свято"]


def test_exceptions_with_grace_and_overtime_rules(services: Services, golden: Golden) -> None:
    report = services.reports.exceptions(FIRST, LAST)
    found = [
        (line.employee.id, line.day.day, line.kind, line.seconds, line.scheduled, line.actual)
        for line in report.lines
    ]
    assert found == [
        # Thu 08:05 is within the 10 min grace: not listed. Fri 08:25 is 25 min late (the full difference).
        (golden.day_worker, 27, ExceptionKind.LATE, 25 * M, _utc(3, 27, 6), _utc(3, 27, 6, 25)),
        # the holiday: no cell, all 4 h are overtime, last OUT 14:00
        (golden.day_worker, 30, ExceptionKind.OVERTIME, 4 * H, None, _utc(3, 30, 11)),
        # Tue: IN 07:55 and no OUT -> incomplete, nothing credited, no early leave computed
        (golden.day_worker, 31, ExceptionKind.INCOMPLETE, 0, _utc(3, 31, 5), _utc(3, 31, 4, 55)),
        # Fri night 22-6 without punches: absent for the planned 8 h
        (golden.night_guard, 27, ExceptionKind.ABSENT, 8 * H, _utc(3, 27, 20), None),
        # Sun (code В): the orphan 12:00 OUT makes the day incomplete
        (golden.night_guard, 29, ExceptionKind.INCOMPLETE, 0, None, _utc(3, 29, 9)),
    ]
    assert [(t.kind, t.count, t.seconds) for t in report.totals] == [
        (ExceptionKind.LATE, 1, 25 * M),
        (ExceptionKind.EARLY_LEAVE, 0, 0),
        (ExceptionKind.ABSENT, 1, 8 * H),
        (ExceptionKind.INCOMPLETE, 2, 0),
        (ExceptionKind.OVERTIME, 1, 4 * H),
    ]


def test_detail_marks_anomalies_corrections_and_clock_skew(services: Services, golden: Golden) -> None:
    detail = services.reports.detail(golden.day_worker, FIRST, LAST)
    lines = [
        (line.day.day, line.kind, line.start, line.end, line.seconds, line.remarks, line.code, line.note)
        for line in detail.lines
    ]
    assert lines == [
        (
            26, LineKind.SHIFT, _utc(3, 26, 6, 5), _utc(3, 26, 15), 8 * H + 55 * M,
            (Remark.CLOCK_SKEW,), None, None,
        ),
        (26, LineKind.PUNCH, _utc(3, 26, 6, 6), None, 0, (Remark.DUPLICATE_IN,), None, None),
        (26, LineKind.VOIDED, _utc(3, 26, 10), None, 0, (Remark.VOIDED,), None, "помилкове торкання"),
        (
            27, LineKind.SHIFT, _utc(3, 27, 6, 25), _utc(3, 27, 15, 30), 9 * H + 5 * M,
            (Remark.MANUAL, Remark.LATE), None, "забув відмітитись",
        ),
        (28, LineKind.DAY, None, None, 0, (), "В", None),
        (29, LineKind.DAY, None, None, 0, (), "В", None),
        (30, LineKind.SHIFT, _utc(3, 30, 7), _utc(3, 30, 11), 4 * H, (), None, None),
        (31, LineKind.SHIFT, _utc(3, 31, 4, 55), None, 0, (Remark.MISSING_OUT,), None, None),
    ]  # fmt: skip
    assert detail.summary.worked_seconds == 22 * H


def test_detail_of_the_night_guard_shows_the_orphan_out_and_the_absence(
    services: Services, golden: Golden
) -> None:
    detail = services.reports.detail(golden.night_guard, FIRST, LAST)
    kinds = [(line.day.day, line.kind, line.seconds, line.remarks, line.code) for line in detail.lines]
    assert kinds == [
        (26, LineKind.SHIFT, 8 * H + 4 * M, (), None),
        (27, LineKind.DAY, 0, (Remark.ABSENT,), None),
        (28, LineKind.SHIFT, 7 * H, (), None),
        (29, LineKind.PUNCH, 0, (Remark.MISSING_IN,), None),
        (30, LineKind.DAY, 0, (Remark.HOLIDAY,), "В/Д"),
        (31, LineKind.SHIFT, 8 * H, (), None),
    ]
    orphan = detail.lines[3]
    assert (orphan.start, orphan.end) == (None, _utc(3, 29, 9))


def test_daily_attendance_of_friday(services: Services, golden: Golden) -> None:
    report = services.reports.attendance(date(2026, 3, 27), date(2026, 3, 27))
    found = [
        (a.employee.id, a.presence, a.schedule, a.first_in, a.last_out, a.worked_seconds, a.late_seconds)
        for a in report.lines
    ]
    assert found == [
        (
            golden.day_worker, Presence.LATE, "08:00-17:00", _utc(3, 27, 6, 25), _utc(3, 27, 15, 30),
            9 * H + 5 * M, 25 * M,
        ),
        (golden.night_guard, Presence.ABSENT, "22:00-06:00", None, None, 0, 0),
    ]  # fmt: skip
    assert dict(report.counts)[Presence.LATE] == 1
    assert dict(report.counts)[Presence.ABSENT] == 1


def test_schedule_grid_with_codes_and_dst_planned_time(services: Services, golden: Golden) -> None:
    grid = services.reports.schedule(FIRST, LAST)
    assert [(r.employee.id, r.cells, r.planned_seconds) for r in grid.rows] == [
        # 3 day shifts of 9 h
        (golden.day_worker, ("8-17", "8-17", "В", "В", "", "8-17"), 27 * H),
        # 8 + 8 + 7 (the spring-forward night) + 8
        (golden.night_guard, ("22-6", "22-6", "22-6", "В", "В/Д", "22-6"), 31 * H),
    ]
    assert {c.code for c in grid.codes} >= {"В", "Б", "В/Д", "ОФ"}


def test_people_who_left_stay_in_the_periods_they_worked(services: Services, golden: Golden) -> None:
    services.employees.set_active(ADMIN, golden.night_guard, active=False)
    never = services.employees.add_employee(ADMIN, EmployeeDraft("Богдан Коваль"))
    services.employees.set_active(ADMIN, never.id, active=False)
    sheet = services.reports.timesheet(FIRST, LAST)
    assert [r.employee.id for r in sheet.rows] == [golden.day_worker, golden.night_guard]
    later = services.reports.timesheet(date(2026, 5, 1), date(2026, 5, 31))
    assert [r.employee.id for r in later.rows] == [golden.day_worker]


def test_an_annual_leave_day_reads_apart_from_a_planned_day_off(services: Services, golden: Golden) -> None:
    """The form's annual leave «В» and the schedule's day off «В» must not print alike (issue 15)."""
    services.absences.add(
        ADMIN, golden.night_guard, AbsenceType.ANNUAL_LEAVE, date(2026, 3, 27), date(2026, 3, 27)
    )
    sheet = services.reports.timesheet(FIRST, LAST)
    day_worker, night_guard = sheet.rows
    day_off, leave = day_worker.cells[2], night_guard.cells[1]  # Sat 28 planned В; Fri 27 on leave
    assert (day_off.code, day_off.absence) == ("В", False)
    assert (leave.mark, leave.code, leave.absence) == (DayMark.CODE, "В 08", True)
    table = to_table(sheet)
    text = ReportText(table, "uk")
    day = table.columns[2]  # Fri 27 (after the name column and Thu 26)
    assert text.cell(table.rows[1][2], day) == "В 08"
    assert text.cell(table.rows[0][3], day) == "В"
    assert ("В 08", "відсутність (літерний і цифровий код форми П-5)") in map(text.legend, table.legend)
