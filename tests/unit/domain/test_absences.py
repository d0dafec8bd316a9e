"""The absences register's rules: the form П-5 types, ranges, overlaps, and excused days in plan vs actual."""

from datetime import date

import pytest
from test_worktime_support import LATER, schedule, taps

from timetracker_desktop.domain.absences import (
    FORM_DIGITS,
    Absence,
    AbsenceType,
    absence_days,
    absence_type,
    checked_absence,
    refuse_overlap,
)
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, ValidationError
from timetracker_desktop.domain.schedules import DEFAULT_CODES
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.worktime import Anomaly, WorktimeResult, compute_worktime

MON, TUE, WED, THU = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 5)


def test_the_form_codes_are_the_orders_letters_and_digits() -> None:
    # order of Держкомстат 05.12.2008 № 489, form П-5, «Умовні позначення»: 07 trip, 08-22 leave, 23-30 other
    expected = {"ВД": "07", "В": "08", "Д": "09", "ТВ": "11", "НА": "18", "П": "23", "ПР": "24", "ТН": "26"}
    assert {t.value: FORM_DIGITS[t] for t in AbsenceType if t.value in expected} == expected
    assert FORM_DIGITS[AbsenceType.UNEXPLAINED] == "28"
    assert FORM_DIGITS[AbsenceType.OTHER] == "30"
    assert len(set(FORM_DIGITS.values())) == len(AbsenceType) == 24


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ТН", AbsenceType.SICK_LEAVE),
        (" тн ", AbsenceType.SICK_LEAVE),
        ("26", AbsenceType.SICK_LEAVE),
        ("08", AbsenceType.ANNUAL_LEAVE),
        ("в", AbsenceType.ANNUAL_LEAVE),
        ("нз", AbsenceType.UNEXPLAINED),
    ],
)
def test_a_type_is_read_from_letters_or_digits(text: str, kind: AbsenceType) -> None:
    assert absence_type(text) is kind


@pytest.mark.parametrize("text", ["", "Б", "В/Д", "01", "31", "sick"])
def test_schedule_codes_and_presence_codes_are_not_absence_types(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        absence_type(text)
    assert caught.value.code is ErrorCode.BAD_ABSENCE_TYPE


def test_a_range_is_checked_and_its_texts_folded() -> None:
    clean = checked_absence(Absence(0, 1, AbsenceType.SICK_LEAVE, MON, WED, "  АБВ  123 ", "   "))
    assert (clean.document, clean.note, clean.days) == ("АБВ 123", None, 3)
    with pytest.raises(ValidationError) as backwards:
        checked_absence(Absence(0, 1, AbsenceType.SICK_LEAVE, WED, MON))
    assert backwards.value.code is ErrorCode.BAD_ABSENCE_RANGE
    with pytest.raises(ValidationError) as long_text:
        checked_absence(Absence(0, 1, AbsenceType.SICK_LEAVE, MON, MON, "x" * 65))
    assert long_text.value.code is ErrorCode.TOO_LONG


def test_a_shared_day_is_an_overlap_but_adjacent_ranges_are_not() -> None:
    leave = Absence(7, 1, AbsenceType.ANNUAL_LEAVE, MON, TUE)
    refuse_overlap(Absence(0, 1, AbsenceType.SICK_LEAVE, WED, THU), [leave])  # the next day: fine
    refuse_overlap(Absence(0, 2, AbsenceType.SICK_LEAVE, MON, TUE), [leave])  # another employee: fine
    with pytest.raises(ConflictError) as caught:
        refuse_overlap(Absence(0, 1, AbsenceType.SICK_LEAVE, TUE, THU), [leave])
    assert caught.value.code is ErrorCode.ABSENCE_OVERLAP
    assert caught.value.params == {"type": "В", "from": "2026-03-02", "to": "2026-03-03"}


def test_absence_days_are_clipped_to_the_period() -> None:
    found = absence_days(
        [
            Absence(1, 3, AbsenceType.ANNUAL_LEAVE, date(2026, 2, 27), MON),
            Absence(2, 4, AbsenceType.SICK_LEAVE, WED, WED),
        ],
        MON,
        TUE,
    )
    assert found == {3: {MON: AbsenceType.ANNUAL_LEAVE}, 4: {}}


def _week(sequence_texts: tuple[str, ...], away: dict[date, AbsenceType]) -> WorktimeResult:
    cells = schedule({d.isoformat(): "8-17" for d in (MON, TUE, WED)})
    return compute_worktime(
        3, taps(*sequence_texts), cells, (), DEFAULT_CODES, BusinessSettings(), MON, WED, LATER, away
    )


def test_an_absence_day_is_excused_not_absent_and_its_plan_is_not_owed() -> None:
    result = _week(("2026-03-02 08:00", "2026-03-02 17:00"), {TUE: AbsenceType.SICK_LEAVE})
    monday, tuesday, wednesday = result.days
    assert monday.absence is None
    assert monday.planned_seconds == 9 * 3600  # 8-17 without a break
    assert (tuesday.absent, tuesday.excused, tuesday.absence) == (False, True, AbsenceType.SICK_LEAVE)
    assert (tuesday.planned_seconds, tuesday.excused_seconds, tuesday.undertime_seconds) == (0, 9 * 3600, 0)
    assert tuesday.anomalies == ()
    assert wednesday.absent  # no tap and no absence: still absent
    assert result.anomaly_count == 0


def test_a_tap_during_an_absence_is_an_anomaly_not_lateness_nor_overtime() -> None:
    result = _week(("2026-03-03 10:30", "2026-03-03 19:00"), {TUE: AbsenceType.ANNUAL_LEAVE})
    tuesday = result.days[1]
    assert tuesday.worked_seconds == 8 * 3600 + 30 * 60  # kept and shown, for the manager to review
    assert (tuesday.late_seconds, tuesday.early_leave_seconds, tuesday.overtime_seconds) == (0, 0, 0)
    assert tuesday.anomalies == (Anomaly.DURING_ABSENCE,)
    assert all(Anomaly.DURING_ABSENCE in i.anomalies for i in tuesday.intervals)
    assert result.anomaly_count == 1
