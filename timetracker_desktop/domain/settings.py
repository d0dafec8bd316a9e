"""Business settings kept in the database, with defaults and validation (DOMAIN_RULES table)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timetracker_desktop.domain.errors import ErrorCode, ValidationError


class MissingOutPolicy(StrEnum):
    """What a forgotten OUT earns."""

    NONE = "none"
    SCHEDULE_END = "schedule_end"


class RoundingMode(StrEnum):
    """Report-time rounding of punches (DOMAIN_RULES §8)."""

    NONE = "none"
    IN_UP_OUT_DOWN = "in_up_out_down"
    NEAREST = "nearest"
    DAILY_DOWN = "daily_down"
    FROM_SCHEDULED_START = "from_scheduled_start"


@dataclass(frozen=True, slots=True)
class BusinessSettings:
    """Every business rule default is a setting."""

    time_zone: str = "Europe/Kyiv"
    max_shift_hours: int = 16
    scan_cooldown_seconds: int = 60
    clock_skew_seconds: int = 120
    early_checkin_window_minutes: int = 120
    late_grace_minutes: int = 10
    early_leave_grace_minutes: int = 10
    min_overtime_minutes: int = 15
    missing_out_policy: MissingOutPolicy = MissingOutPolicy.NONE
    rounding: RoundingMode = RoundingMode.NONE
    rounding_step_minutes: int = 15
    office_day_minutes: int = 480
    terminal_online_seconds: int = 300
    enrollment_window_minutes: int = 30
    keep_pc_awake: bool = (
        True  # Windows does not sleep while a listener serves terminals (on every listening PC)
    )
    # Alerts (the status bar, the Today page, ``diagnostics --json`` and the ``serve`` log).
    alert_backup_max_age_hours: int = 48
    alert_free_space_min_mb: int = 1024
    alert_free_space_min_percent: int = 5
    alert_database_max_mb: int = 5120
    alert_check_overdue_days: int = 30
    alert_terminal_silent_minutes: int = 30
    alert_working_hours_start: int = 8  # office-zone hour, Monday to Friday
    alert_working_hours_end: int = 18
    optimize_interval_days: int = 7  # the scheduled ``db optimize`` (the jobs' runner); 0 = never
    # Retention (``db purge``): the last N months are kept (Ukrainian law keeps timesheets for years).
    retention_protected_months: int = 36

    @property
    def zone(self) -> ZoneInfo:
        """The office time zone."""
        return ZoneInfo(self.time_zone)


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"unknown time zone {value!r}", code=ErrorCode.BAD_TIME_ZONE, field="time_zone"
        ) from None
    return value


def _int_range(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise ValidationError(f"{value!r} is not a whole number", code=ErrorCode.NOT_A_NUMBER) from None
        if not low <= number <= high:
            raise ValidationError(f"{number} is outside {low}..{high}", code=ErrorCode.OUT_OF_RANGE)
        return number

    return parse


_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0"})


def _bool(value: str) -> bool:
    word = value.lower()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise ValidationError(f"{value!r} is not one of: true, false", code=ErrorCode.BAD_CHOICE)


def _enum(kind: type[StrEnum]) -> Callable[[str], StrEnum]:
    def parse(value: str) -> StrEnum:
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise ValidationError(f"{value!r} is not one of: {allowed}", code=ErrorCode.BAD_CHOICE) from None

    return parse


INT_RANGES: Mapping[str, tuple[int, int]] = {
    "max_shift_hours": (1, 24),
    "scan_cooldown_seconds": (0, 3600),
    "clock_skew_seconds": (1, 86400),
    "early_checkin_window_minutes": (0, 720),
    "late_grace_minutes": (0, 240),
    "early_leave_grace_minutes": (0, 240),
    "min_overtime_minutes": (0, 720),
    "rounding_step_minutes": (1, 60),
    "office_day_minutes": (1, 1440),
    "terminal_online_seconds": (10, 86400),
    "enrollment_window_minutes": (1, 1440),
    "alert_backup_max_age_hours": (1, 24 * 366),
    "alert_free_space_min_mb": (0, 10_000_000),
    "alert_free_space_min_percent": (0, 99),
    "alert_database_max_mb": (1, 100_000_000),
    "alert_check_overdue_days": (1, 3660),
    "alert_terminal_silent_minutes": (1, 1440),
    "alert_working_hours_start": (0, 23),
    "alert_working_hours_end": (1, 24),
    "optimize_interval_days": (0, 366),
    "retention_protected_months": (12, 1200),
}  # the allowed whole numbers (the Settings page takes its spin box ranges from here)
ROUNDING_STEPS = (5, 10, 15)
PARSERS: Mapping[str, Callable[[str], Any]] = {
    "time_zone": _zone,
    "missing_out_policy": _enum(MissingOutPolicy),
    "rounding": _enum(RoundingMode),
    "keep_pc_awake": _bool,
    **{key: _int_range(low, high) for key, (low, high) in INT_RANGES.items()},
}
SETTING_KEYS: tuple[str, ...] = tuple(f.name for f in fields(BusinessSettings))


def parse_setting(key: str, value: str) -> Any:
    """Validate one setting given as text; raises ValidationError naming the key."""
    parser = PARSERS.get(key)
    if parser is None:
        raise ValidationError(f"unknown setting {key!r}", code=ErrorCode.UNKNOWN_SETTING, field=key)
    try:
        parsed = parser(value.strip())
    except ValidationError as error:
        raise ValidationError(f"{key}: {error.message}", code=error.code, field=key) from None
    if key == "rounding_step_minutes" and parsed not in ROUNDING_STEPS:
        raise ValidationError(f"{key}: step must be 5, 10 or 15", code=ErrorCode.BAD_CHOICE, field=key)
    return parsed


def settings_from_mapping(stored: Mapping[str, str]) -> BusinessSettings:
    """Build settings from stored text values; unknown keys are ignored, bad ones fall back to defaults."""
    result = BusinessSettings()
    for key, value in stored.items():
        if key in PARSERS:
            try:
                result = replace(result, **{key: parse_setting(key, value)})
            except ValidationError:
                continue
    return result


def setting_text(value: object) -> str:
    """One setting's value as stored and shown (``true``/``false`` for a yes-or-no setting)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def settings_as_text(settings: BusinessSettings) -> dict[str, str]:
    """Settings as the text stored in the database."""
    return {key: setting_text(getattr(settings, key)) for key in SETTING_KEYS}
