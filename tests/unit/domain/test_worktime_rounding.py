"""Report-time rounding (DOMAIN_RULES §8): raw and rounded side by side, lateness from raw times."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_worktime_support import HOUR, KYIV, LATER, local, schedule, taps

from timetracker_desktop.domain.rounding import RoundTo, round_instant
from timetracker_desktop.domain.schedules import DEFAULT_CODES
from timetracker_desktop.domain.settings import BusinessSettings, RoundingMode
from timetracker_desktop.domain.worktime import DayResult, compute_worktime

MON = date(2026, 3, 2)
MINUTE = 60


def _monday(mode: RoundingMode, *texts: str, step: int = 15) -> DayResult:
    settings = BusinessSettings(rounding=mode, rounding_step_minutes=step)
    sequence = taps(*(f"2026-03-02 {t}" for t in texts))
    cells = schedule({"2026-03-02": "8-17"})
    return compute_worktime(1, sequence, cells, (), DEFAULT_CODES, settings, MON, MON, LATER).days[0]


@pytest.mark.parametrize(
    ("text", "how", "step", "expected"),
    [
        ("08:03", RoundTo.UP, 15, "08:15"),
        ("08:03", RoundTo.DOWN, 15, "08:00"),
        ("08:07", RoundTo.NEAREST, 15, "08:00"),
        ("08:07:30", RoundTo.NEAREST, 15, "08:15"),
        ("16:58", RoundTo.DOWN, 5, "16:55"),
        ("23:56", RoundTo.UP, 10, "2026-03-03 00:00"),
    ],
)
def test_round_instant(text: str, how: RoundTo, step: int, expected: str) -> None:
    wanted = local(expected if " " in expected else f"2026-03-02 {expected}")
    assert round_instant(local(f"2026-03-02 {text}"), KYIV, step, how) == wanted


def test_rounding_up_into_the_spring_gap_gives_the_change_instant() -> None:
    assert round_instant(local("2026-03-29 02:55"), KYIV, 15, RoundTo.UP) == local("2026-03-29 04:00")


def test_rounding_follows_the_local_clock_of_a_half_hour_zone() -> None:
    kolkata = ZoneInfo("Asia/Kolkata")  # UTC+05:30: local quarter-hours are not UTC quarter-hours
    at = datetime(2026, 3, 2, 3, 35, tzinfo=UTC)  # 09:05 local
    assert round_instant(at, kolkata, 15, RoundTo.DOWN).astimezone(kolkata).strftime("%H:%M") == "09:00"


@given(
    st.integers(min_value=0, max_value=60 * 24 * 400),
    st.sampled_from([5, 10, 15]),
    st.sampled_from(list(RoundTo)),
    st.sampled_from(["Europe/Kyiv", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns"]),
)
def test_a_time_on_a_step_never_moves(minutes: int, step: int, how: RoundTo, zone_name: str) -> None:
    zone = ZoneInfo(zone_name)
    wall = datetime(2026, 1, 1) + timedelta(minutes=minutes - minutes % step)  # noqa: DTZ001 - local wall time
    at = wall.replace(tzinfo=zone).astimezone(UTC)
    if at.astimezone(zone).replace(tzinfo=None) == wall:  # skip wall times inside a spring gap
        assert round_instant(at, zone, step, how) == at


@given(
    st.integers(min_value=0, max_value=10**12), st.sampled_from([5, 10, 15]), st.sampled_from(list(RoundTo))
)
def test_rounding_moves_less_than_a_step(micros: int, step: int, how: RoundTo) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(microseconds=micros)
    assert abs(round_instant(at, KYIV, step, how) - at) < timedelta(minutes=step)


def test_none_keeps_raw_time() -> None:
    day = _monday(RoundingMode.NONE, "08:03", "16:58")
    assert day.rounded_worked_seconds == day.worked_seconds == 8 * HOUR + 55 * MINUTE


def test_in_up_out_down_per_punch() -> None:
    day = _monday(RoundingMode.IN_UP_OUT_DOWN, "08:03", "16:58")
    assert (day.worked_seconds, day.rounded_worked_seconds) == (
        8 * HOUR + 55 * MINUTE,
        8 * HOUR + 30 * MINUTE,
    )


def test_nearest_per_punch() -> None:
    assert _monday(RoundingMode.NEAREST, "08:07", "17:08").rounded_worked_seconds == 9 * HOUR + 15 * MINUTE


def test_daily_total_down() -> None:
    day = _monday(RoundingMode.DAILY_DOWN, "08:00", "12:07", "13:00", "17:07", step=10)
    assert (day.worked_seconds, day.rounded_worked_seconds) == (
        8 * HOUR + 14 * MINUTE,
        8 * HOUR + 10 * MINUTE,
    )


def test_count_from_scheduled_start_ignores_early_arrival() -> None:
    day = _monday(RoundingMode.FROM_SCHEDULED_START, "07:40", "17:00")
    assert (day.worked_seconds, day.rounded_worked_seconds, day.overtime_seconds) == (
        9 * HOUR + 20 * MINUTE,
        9 * HOUR,
        0,
    )


def test_lateness_and_early_leave_use_raw_times() -> None:
    day = _monday(RoundingMode.NEAREST, "08:12", "16:48")
    assert (day.late_seconds, day.early_leave_seconds) == (12 * MINUTE, 12 * MINUTE)
    assert day.rounded_worked_seconds == 8 * HOUR + 30 * MINUTE
    assert day.undertime_seconds == 30 * MINUTE
