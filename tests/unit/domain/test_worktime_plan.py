"""Plan versus actual per workday (DOMAIN_RULES §7) through compute_worktime."""

from collections.abc import Collection
from datetime import date, datetime

import pytest
from test_worktime_support import HOUR, LATER, local, punch, schedule, taps

from timetracker_desktop.domain.attendance import EffectivePunch
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.schedules import DEFAULT_CODES
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.worktime import Anomaly, DayResult, WorktimeResult, compute_worktime

MON, TUE, WED = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)
MINUTE = 60


def _period(
    sequence: list[EffectivePunch],
    spec: dict[str, str],
    first: date = MON,
    last: date = WED,
    *,
    holidays: Collection[date] = (),
    now: datetime = LATER,
) -> WorktimeResult:
    return compute_worktime(
        3, sequence, schedule(spec), holidays, DEFAULT_CODES, BusinessSettings(), first, last, now
    )


def _monday(*texts: str, cell: str = "8-17") -> DayResult:
    return _period(taps(*(f"2026-03-02 {t}" for t in texts)), {"2026-03-02": cell}, MON, MON).days[0]


def test_days_cover_the_period_in_order() -> None:
    result = _period([], {})
    assert [d.day for d in result.days] == [MON, TUE, WED]
    assert result.employee_id == 3


def test_period_ending_before_it_starts_is_rejected() -> None:
    with pytest.raises(ValidationError):
        _period([], {}, WED, MON)


def test_on_time_day_matches_the_plan() -> None:
    day = _monday("08:00", "17:00")
    assert (day.planned_seconds, day.worked_seconds, day.rounded_worked_seconds) == (
        9 * HOUR,
        9 * HOUR,
        9 * HOUR,
    )
    assert (day.first_in, day.last_out) == (local("2026-03-02 08:00"), local("2026-03-02 17:00"))
    assert day.late_seconds + day.early_leave_seconds + day.overtime_seconds + day.undertime_seconds == 0


@pytest.mark.parametrize(
    ("arrival", "late"), [("08:10", 0), ("08:10:30", 630), ("08:11", 11 * MINUTE), ("07:30", 0)]
)
def test_late_is_the_full_difference_beyond_grace(arrival: str, late: int) -> None:
    assert _monday(arrival, "17:00").late_seconds == late


@pytest.mark.parametrize(("leaving", "early"), [("16:50", 0), ("16:45", 15 * MINUTE), ("18:00", 0)])
def test_early_leave_beyond_grace(leaving: str, early: int) -> None:
    assert _monday("08:00", leaving).early_leave_seconds == early


@pytest.mark.parametrize(("leaving", "overtime"), [("17:14", 0), ("17:15", 15 * MINUTE), ("19:00", 2 * HOUR)])
def test_overtime_from_the_minimum(leaving: str, overtime: int) -> None:
    assert _monday("08:00", leaving).overtime_seconds == overtime


def test_undertime_is_the_shortfall() -> None:
    day = _monday("08:00", "12:00", "13:00", "17:00")
    assert (day.worked_seconds, day.undertime_seconds, day.early_leave_seconds) == (8 * HOUR, HOUR, 0)


def test_work_on_a_holiday_without_a_cell_is_all_overtime() -> None:
    result = _period(taps("2026-03-02 10:00", "2026-03-02 10:05"), {}, MON, MON, holidays={MON})
    day = result.days[0]
    assert (day.holiday, day.planned_seconds, day.worked_seconds, day.overtime_seconds) == (True, 0, 300, 300)
    assert not day.absent


def test_a_holiday_with_an_explicit_cell_is_a_working_day() -> None:
    result = _period(
        taps("2026-03-02 08:00", "2026-03-02 17:00"), {"2026-03-02": "8-17"}, MON, MON, holidays={MON}
    )
    day = result.days[0]
    assert (day.holiday, day.planned_seconds, day.overtime_seconds) == (True, 9 * HOUR, 0)


def test_work_on_a_day_off_is_all_overtime() -> None:
    day = _monday("10:00", "12:00", cell="В")
    assert (day.code, day.planned_seconds, day.overtime_seconds, day.undertime_seconds) == (
        "В",
        0,
        2 * HOUR,
        0,
    )


@pytest.mark.parametrize("code", ["Б", "В/Д"])
def test_excused_codes_are_not_absence(code: str) -> None:
    day = _period([], {"2026-03-02": code}, MON, MON).days[0]
    assert (day.excused, day.absent, day.planned_seconds, day.undertime_seconds) == (True, False, 0, 0)


def test_absence_is_a_working_cell_without_punches() -> None:
    result = _period([], {"2026-03-02": "8-17", "2026-03-03": "ОФ", "2026-03-04": "В"})
    assert [d.absent for d in result.days] == [True, True, False]
    assert [d.undertime_seconds for d in result.days] == [9 * HOUR, 8 * HOUR, 0]


def test_no_absence_before_the_shift_is_over() -> None:
    day = _period([], {"2026-03-02": "8-17"}, MON, MON, now=local("2026-03-02 16:00")).days[0]
    assert (day.absent, day.undertime_seconds, day.planned_seconds) == (False, 0, 9 * HOUR)


def test_incomplete_day_computes_no_absence_or_early_leave() -> None:
    result = _period([punch(1, "2026-03-02 12:00", "OUT")], {"2026-03-02": "8-17"}, MON, MON)
    day = result.days[0]
    assert (day.incomplete, day.absent, day.early_leave_seconds, day.worked_seconds) == (True, False, 0, 0)
    assert day.anomalies == (Anomaly.MISSING_IN,)


def test_open_shift_today_is_not_early_leave_or_incomplete() -> None:
    day = _period(
        taps("2026-03-02 08:05"), {"2026-03-02": "8-17"}, MON, MON, now=local("2026-03-02 18:00")
    ).days[0]
    assert (day.anomalies, day.incomplete, day.early_leave_seconds, day.worked_seconds) == (
        (Anomaly.OPEN,),
        False,
        0,
        0,
    )
    assert _period(taps("2026-03-02 08:05"), {}, MON, MON, now=local("2026-03-02 18:00")).anomaly_count == 0


def test_employee_without_a_schedule_gets_worked_time_only() -> None:
    result = _period(taps("2026-03-02 06:00", "2026-03-02 20:00", "2026-03-03 09:00", "2026-03-03 10:00"), {})
    assert [(d.unscheduled, d.worked_seconds) for d in result.days] == [
        (True, 14 * HOUR),
        (True, HOUR),
        (False, 0),
    ]
    assert all(
        d.planned_seconds + d.overtime_seconds + d.late_seconds + d.undertime_seconds == 0
        for d in result.days
    )
    assert not any(d.absent for d in result.days)


def test_office_day_code_plans_office_hours_without_lateness() -> None:
    day = _monday("11:00", "19:30", cell="оф")
    assert (day.code, day.planned_seconds, day.late_seconds, day.overtime_seconds) == (
        "ОФ",
        8 * HOUR,
        0,
        30 * MINUTE,
    )


def test_whole_shifts_at_the_period_edges() -> None:
    # Sunday night belongs to Sunday; Wednesday night belongs to Wednesday even though it ends on Thursday
    sequence = taps("2026-03-01 22:00", "2026-03-02 06:00", "2026-03-04 22:00", "2026-03-05 06:00")
    result = _period(sequence, {})
    assert [d.worked_seconds for d in result.days] == [0, 0, 8 * HOUR]


def test_period_totals() -> None:
    sequence = taps(
        "2026-03-02 08:15", "2026-03-02 17:00", "2026-03-03 08:00", "2026-03-03 18:00", "2026-03-04 08:00"
    )
    result = _period(sequence, {"2026-03-02": "8-17", "2026-03-03": "8-17", "2026-03-04": "8-17"})
    assert result.total_planned_seconds == 27 * HOUR
    assert result.total_worked_seconds == int(18.75 * HOUR)
    assert (result.total_late_seconds, result.total_overtime_seconds) == (15 * MINUTE, HOUR)
    assert (result.worked_days, result.anomaly_count) == (2, 1)


def test_plan_to_date_leaves_days_not_begun_out_of_the_totals() -> None:
    """The walk: the current month's future days counted against the employee in «За графіком»."""
    from timetracker_desktop.domain.reports import summarize

    tuesday_noon = local("2026-03-03 12:00")
    spec = {"2026-03-02": "8-17", "2026-03-03": "8-17", "2026-03-04": "8-17"}
    result = _period(taps("2026-03-02 08:00", "2026-03-02 17:00"), spec, now=tuesday_noon)
    assert [d.begun for d in result.days] == [True, True, False]
    assert [d.planned_seconds for d in result.days] == [9 * HOUR] * 3  # the day cells still show the plan
    summary = summarize(result.days)
    assert summary.planned_seconds == 18 * HOUR  # Monday and Tuesday (already started), not Wednesday
    assert summary.difference_seconds == -9 * HOUR
