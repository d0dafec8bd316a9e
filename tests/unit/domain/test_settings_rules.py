"""Business settings: defaults, validation per key, tolerant reading of stored text."""

import pytest

from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.settings import (
    BusinessSettings,
    RoundingMode,
    parse_setting,
    settings_as_text,
    settings_from_mapping,
)


def test_defaults_match_domain_rules() -> None:
    settings = BusinessSettings()
    assert settings.time_zone == "Europe/Kyiv"
    assert (settings.max_shift_hours, settings.scan_cooldown_seconds, settings.clock_skew_seconds) == (
        16,
        60,
        120,
    )
    assert (settings.late_grace_minutes, settings.min_overtime_minutes) == (10, 15)


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("time_zone", "Europe/Atlantis", "bad_time_zone"),
        ("max_shift_hours", "0", "out_of_range"),
        ("scan_cooldown_seconds", "ten", "not_a_number"),
        ("rounding", "sometimes", "bad_choice"),
        ("rounding_step_minutes", "7", "bad_choice"),
        ("nonsense", "1", "unknown_setting"),
    ],
)
def test_bad_values_are_refused_naming_the_key(key: str, value: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_setting(key, value)
    assert caught.value.code == code
    assert caught.value.field == key


def test_round_trip_and_bad_stored_values_fall_back() -> None:
    text = settings_as_text(BusinessSettings(rounding=RoundingMode.NEAREST, scan_cooldown_seconds=30))
    assert settings_from_mapping(text) == BusinessSettings(
        rounding=RoundingMode.NEAREST, scan_cooldown_seconds=30
    )
    assert settings_from_mapping({"max_shift_hours": "99", "unknown": "x"}) == BusinessSettings()


def test_keep_pc_awake_is_on_by_default_and_reads_yes_or_no() -> None:
    assert BusinessSettings().keep_pc_awake is True
    assert parse_setting("keep_pc_awake", "False") is False
    assert parse_setting("keep_pc_awake", " off ") is False
    assert parse_setting("keep_pc_awake", "yes") is True
    assert settings_as_text(BusinessSettings(keep_pc_awake=False))["keep_pc_awake"] == "false"
    assert settings_from_mapping({"keep_pc_awake": "false"}).keep_pc_awake is False
    with pytest.raises(ValidationError) as caught:
        parse_setting("keep_pc_awake", "maybe")
    assert caught.value.code == "bad_choice"
