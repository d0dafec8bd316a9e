"""The ingest direction rule (DOMAIN_RULES §4) and the double-tap cooldown."""

from collections.abc import Mapping
from datetime import date, timedelta

import pytest
from test_worktime_support import local, punch, schedule, taps

from timetracker_desktop.domain.attendance import Direction, EffectivePunch
from timetracker_desktop.domain.direction import cooldown_remaining_seconds, decide_direction, is_double_tap
from timetracker_desktop.domain.schedules import ScheduleCell
from timetracker_desktop.domain.settings import BusinessSettings

SETTINGS = BusinessSettings()
DAYS = schedule({"2026-03-02": "8-17", "2026-03-03": "8-17"})
NIGHTS = schedule({"2026-03-02": "22-6", "2026-03-03": "22-6"})


def _decide(previous: list[EffectivePunch], text: str, cells: Mapping[date, ScheduleCell] = DAYS) -> str:
    return decide_direction(previous, local(text), SETTINGS, cells.get).value


def test_rule4_first_punch_or_after_an_out_is_in() -> None:
    assert _decide([], "2026-03-02 08:00") == "IN"
    assert _decide(taps("2026-03-02 08:00", "2026-03-02 12:00"), "2026-03-02 13:00") == "IN"
    assert _decide([punch(1, "2026-03-02 12:00", "OUT")], "2026-03-02 13:00") == "IN"


def test_rule3_open_in_gives_out() -> None:
    assert _decide(taps("2026-03-02 08:00"), "2026-03-02 17:00") == "OUT"


def test_rule1_open_in_older_than_n_gives_in() -> None:
    assert _decide(taps("2026-03-02 08:00"), "2026-03-03 00:00:01") == "IN"
    assert _decide(taps("2026-03-02 08:00"), "2026-03-03 00:00") == "OUT"


def test_rule2_a_forgotten_in_does_not_invert_the_next_morning() -> None:
    # Monday: no morning tap, the evening tap becomes an IN; Tuesday 07:55 is in Tuesday's check-in window
    evening = taps("2026-03-02 17:05")
    assert _decide(evening, "2026-03-03 07:55") == "IN"
    assert _decide(evening, "2026-03-03 07:55", {}) == "OUT"


def test_rule2_window_is_start_plus_minus_w() -> None:
    evening = taps("2026-03-02 20:00")
    assert _decide(evening, "2026-03-03 10:00") == "IN"
    assert _decide(evening, "2026-03-03 10:01") == "OUT"
    assert _decide(evening, "2026-03-03 05:59") == "OUT"


def test_rule2_leaves_a_night_shift_alone() -> None:
    assert _decide(taps("2026-03-02 22:00"), "2026-03-03 06:00", NIGHTS) == "OUT"
    assert _decide(taps("2026-03-02 21:50"), "2026-03-03 06:10", NIGHTS) == "OUT"


def test_rule2_needs_an_earlier_workday() -> None:
    # a second tap on the same workday inside its own window is an ordinary OUT
    assert _decide(taps("2026-03-02 07:30"), "2026-03-02 08:05") == "OUT"


def test_previous_auto_punches_are_resolved_in_time_order_whatever_the_input_order() -> None:
    previous = taps("2026-03-02 08:00", "2026-03-02 12:00", "2026-03-02 13:00")
    assert _decide(list(reversed(previous)), "2026-03-02 17:00") == "OUT"
    assert _decide(previous[:2], "2026-03-02 17:00") == "IN"


def test_double_taps_and_later_punches_are_ignored() -> None:
    previous = [*taps("2026-03-02 08:00"), punch(2, "2026-03-02 08:00", double_tap=True)]
    assert _decide(previous, "2026-03-02 17:00") == "OUT"
    assert _decide([*previous, punch(3, "2026-03-02 18:00", "OUT")], "2026-03-02 17:00") == "OUT"


def test_explicit_directions_are_taken_as_stored() -> None:
    previous = [punch(1, "2026-03-02 08:00", "OUT"), punch(2, "2026-03-02 09:00", "IN")]
    assert decide_direction(previous, local("2026-03-02 17:00"), SETTINGS, DAYS.get) is Direction.OUT


@pytest.mark.parametrize(
    ("seconds", "tap", "remaining"),
    [(0, True, 60), (0.5, True, 60), (59.2, True, 1), (60, False, 0), (3600, False, 0), (-5, False, 0)],
)
def test_double_tap_cooldown(seconds: float, tap: bool, remaining: int) -> None:
    before = local("2026-03-02 08:00")
    at = before + timedelta(seconds=seconds)
    assert is_double_tap(before, at, 60) is tap
    assert cooldown_remaining_seconds(before, at, 60) == remaining


def test_no_previous_terminal_punch_or_no_cooldown_is_never_a_double_tap() -> None:
    at = local("2026-03-02 08:00")
    assert not is_double_tap(None, at, 60)
    assert not is_double_tap(at, at, 0)
    assert cooldown_remaining_seconds(None, at, 60) == 0
