"""DST-correct durations and the by-calendar-day view (DOMAIN_RULES §1, §5)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_worktime_support import HOUR, KYIV, LATER, local, schedule, taps

from timetracker_desktop.domain.schedules import DEFAULT_CODES
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.worktime import (
    Interval,
    compute_worktime,
    pair_punches,
    split_by_calendar_day,
)

SETTINGS = BusinessSettings()


@pytest.mark.parametrize(
    ("night", "hours", "split"),
    [
        ("2026-03-02", 8, (2, 6)),
        ("2026-03-28", 7, (2, 5)),
        ("2026-10-24", 9, (2, 7)),
    ],
)
def test_a_22_to_6_night(night: str, hours: int, split: tuple[int, int]) -> None:
    first = date.fromisoformat(night)
    following = first + timedelta(days=1)
    sequence = taps(f"{night} 22:00", f"{following} 06:00")
    cells = schedule({night: "22-6"})
    day = compute_worktime(1, sequence, cells, (), DEFAULT_CODES, SETTINGS, first, following, LATER).days[0]
    assert (day.planned_seconds, day.worked_seconds, day.overtime_seconds, day.undertime_seconds) == (
        hours * HOUR,
        hours * HOUR,
        0,
        0,
    )
    by_date = split_by_calendar_day(day.intervals, KYIV)
    assert by_date == {first: split[0] * HOUR, following: split[1] * HOUR}


def test_an_interval_ending_at_midnight_stays_on_its_date() -> None:
    intervals = pair_punches(taps("2026-03-02 16:00", "2026-03-03 00:00"), SETTINGS, {}, LATER)
    assert split_by_calendar_day(intervals, KYIV) == {date(2026, 3, 2): 8 * HOUR}


def test_uncredited_and_open_intervals_are_left_out() -> None:
    intervals = pair_punches(taps("2026-03-02 08:00"), SETTINGS, {}, local("2026-03-02 09:00"))
    assert split_by_calendar_day(intervals, KYIV) == {}


def test_a_long_interval_spans_three_dates() -> None:
    interval = Interval(
        local("2026-03-01 23:00"), local("2026-03-03 01:30"), date(2026, 3, 1), True, 1, 2, ()
    )
    assert split_by_calendar_day([interval], KYIV) == {
        date(2026, 3, 1): HOUR,
        date(2026, 3, 2): 24 * HOUR,
        date(2026, 3, 3): int(1.5 * HOUR),
    }


_OFFSETS = st.integers(min_value=0, max_value=400 * 24 * 3600 * 10**6)
_LENGTHS = st.integers(min_value=0, max_value=16 * 3600 * 10**6)


@given(st.lists(st.tuples(_OFFSETS, _LENGTHS), max_size=10))
def test_calendar_split_sums_to_the_credited_seconds(rows: list[tuple[int, int]]) -> None:
    origin = local("2026-01-01 00:00")
    intervals = [
        Interval(
            origin + timedelta(microseconds=offset),
            origin + timedelta(microseconds=offset + length),
            date(2026, 1, 1),
            True,
            None,
            None,
            (),
        )
        for offset, length in rows
    ]
    by_date = split_by_calendar_day(intervals, KYIV)
    assert sum(by_date.values()) == sum(i.seconds for i in intervals)
    for interval in intervals:
        assert all(0 < seconds <= 25 * HOUR for seconds in split_by_calendar_day([interval], KYIV).values())
