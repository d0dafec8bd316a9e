"""Cell shorthand, local-time conversion, shift bounds and planned time."""

from datetime import UTC, date, datetime, time

import pytest
from test_worktime_support import HOUR, KYIV, local, schedule

from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.schedule_rules import (
    find_code,
    format_cell,
    local_to_utc,
    parse_cell_text,
    planned_seconds,
    resolve_manual_local,
    shift_bounds,
)
from timetracker_desktop.domain.schedules import DEFAULT_CODES, ScheduleCell

SPRING = date(2026, 3, 29)
AUTUMN = date(2026, 10, 25)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("8-17", time(8), time(17)),
        ("22-6", time(22), time(6)),
        ("8:30-17", time(8, 30), time(17)),
        ("22:00-06:00", time(22), time(6)),
        ("08:00 - 17:00", time(8), time(17)),
        ("  0-23:59 ", time(0), time(23, 59)),
        ("9\u201318", time(9), time(18)),
    ],
)
def test_shorthand_parses_to_times(text: str, start: time, end: time) -> None:
    assert parse_cell_text(text, DEFAULT_CODES) == (start, end, None)


@pytest.mark.parametrize(("text", "code"), [("В", "В"), ("в", "В"), ("оф", "ОФ"), (" в/д ", "В/Д")])
def test_codes_match_case_insensitively_and_come_back_canonical(text: str, code: str) -> None:
    assert parse_cell_text(text, DEFAULT_CODES) == (None, None, code)


@pytest.mark.parametrize(
    "text", ["", "   ", "abc", "8-8", "08:00-08:00", "25-6", "8-24", "8:60-17", "8-17-3", "8"]
)
def test_garbage_is_rejected_as_bad_cell(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_cell_text(text, DEFAULT_CODES)
    assert (caught.value.code, caught.value.field) == ("bad_cell", "cell")
    assert caught.value.message


def test_format_cell_reads_back() -> None:
    cells = schedule({"2026-03-03": "8:30-17", "2026-03-04": "22-6", "2026-03-05": "оф"})
    texts = [format_cell(cell) for cell in cells.values()]
    assert texts == ["08:30-17:00", "22:00-06:00", "ОФ"]
    assert [parse_cell_text(t, DEFAULT_CODES) for t in texts[:2]] == [
        (time(8, 30), time(17), None),
        (time(22), time(6), None),
    ]
    assert format_cell(ScheduleCell(1, date(2026, 3, 3))) == ""


def test_find_code_prefers_exact_match() -> None:
    assert find_code("ОФ", DEFAULT_CODES) is DEFAULT_CODES[3]
    assert find_code("nope", DEFAULT_CODES) is None


def test_local_to_utc_follows_the_offset_of_the_date() -> None:
    assert local_to_utc(date(2026, 1, 15), time(8), KYIV) == datetime(2026, 1, 15, 6, tzinfo=UTC)
    assert local_to_utc(date(2026, 7, 15), time(8), KYIV) == datetime(2026, 7, 15, 5, tzinfo=UTC)


def test_local_to_utc_moves_a_spring_gap_time_forward_by_the_gap() -> None:
    # 03:30 does not exist on 29 Mar 2026; it is read with the winter offset, i.e. 04:30 summer time
    assert local_to_utc(SPRING, time(3, 30), KYIV) == local("2026-03-29 04:30")


def test_local_to_utc_fold_picks_the_occurrence_of_a_repeated_time() -> None:
    assert local_to_utc(AUTUMN, time(3, 30), KYIV) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert local_to_utc(AUTUMN, time(3, 30), KYIV, fold=1) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_manual_entry_in_the_spring_gap_is_rejected() -> None:
    for fold in (None, 0, 1):
        with pytest.raises(ValidationError) as caught:
            resolve_manual_local(datetime.fromisoformat("2026-03-29 03:15"), KYIV, fold)
        assert caught.value.code == "nonexistent_local_time"


def test_manual_entry_of_a_repeated_time_needs_a_choice() -> None:
    naive = datetime.fromisoformat("2026-10-25 03:15")
    with pytest.raises(ValidationError) as caught:
        resolve_manual_local(naive, KYIV, None)
    assert caught.value.code == "ambiguous_local_time"
    assert resolve_manual_local(naive, KYIV, 0) == datetime(2026, 10, 25, 0, 15, tzinfo=UTC)
    assert resolve_manual_local(naive, KYIV, 1) == datetime(2026, 10, 25, 1, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    "naive",
    [
        datetime.fromisoformat("2026-03-29 04:00"),
        datetime.fromisoformat("2026-10-25 04:00"),
        datetime.fromisoformat("2026-05-01 09:00"),
    ],
)
def test_manual_entry_of_an_ordinary_time_needs_no_fold(naive: datetime) -> None:
    assert resolve_manual_local(naive, KYIV, None) == naive.replace(tzinfo=KYIV).astimezone(UTC)


def test_manual_entry_must_be_naive() -> None:
    with pytest.raises(ValueError, match="naive"):
        resolve_manual_local(datetime(2026, 5, 1, 9, tzinfo=UTC), KYIV, None)


def test_shift_bounds_run_overnight_into_the_next_day() -> None:
    cells = schedule({"2026-03-02": "22-6", "2026-03-03": "8-17", "2026-03-04": "В"})
    assert shift_bounds(cells[date(2026, 3, 2)], KYIV) == (
        local("2026-03-02 22:00"),
        local("2026-03-03 06:00"),
    )
    assert shift_bounds(cells[date(2026, 3, 3)], KYIV) == (
        local("2026-03-03 08:00"),
        local("2026-03-03 17:00"),
    )
    assert shift_bounds(cells[date(2026, 3, 4)], KYIV) is None


@pytest.mark.parametrize(
    ("day", "text", "hours"),
    [
        ("2026-03-03", "8-17", 9),
        ("2026-03-28", "22-6", 7),
        ("2026-10-24", "22-6", 9),
        ("2026-03-29", "3:30-12", 7.5),
        ("2026-03-03", "0-0:30", 0.5),
    ],
)
def test_planned_time_is_real_elapsed_time(day: str, text: str, hours: float) -> None:
    cell = schedule({day: text})[date.fromisoformat(day)]
    assert planned_seconds(cell, KYIV, DEFAULT_CODES, 480) == hours * HOUR


def test_planned_time_subtracts_the_break_and_never_goes_negative() -> None:
    assert (
        planned_seconds(schedule({"2026-03-03": "8-17"}, 60)[date(2026, 3, 3)], KYIV, DEFAULT_CODES, 480)
        == 8 * HOUR
    )
    assert (
        planned_seconds(schedule({"2026-03-03": "8-9"}, 90)[date(2026, 3, 3)], KYIV, DEFAULT_CODES, 480) == 0
    )


@pytest.mark.parametrize(("code", "seconds"), [("ОФ", 450 * 60), ("В", 0), ("Б", 0), ("В/Д", 0), ("XYZ", 0)])
def test_planned_time_of_code_cells(code: str, seconds: int) -> None:
    cell = ScheduleCell(1, date(2026, 3, 3), code=code)
    assert planned_seconds(cell, KYIV, DEFAULT_CODES, 450) == seconds
    assert planned_seconds(None, KYIV, DEFAULT_CODES, 450) == 0
