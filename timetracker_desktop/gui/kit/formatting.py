"""Dates, times and durations for display: in the office time zone and the user's locale."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime


def local_time(at: datetime | None, zone: ZoneInfo) -> str:
    """``HH:MM`` in the office zone; empty for None."""
    if at is None:
        return ""
    local = at.astimezone(zone)
    return QLocale().toString(QTime(local.hour, local.minute), "HH:mm")


def local_date_time(at: datetime | None, zone: ZoneInfo) -> str:
    """Short date and time in the office zone and the user's locale."""
    if at is None:
        return ""
    local = at.astimezone(zone)
    day = QLocale().toString(QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat)
    return f"{day} {local:%H:%M}"


def short_date(day: date) -> str:
    """A date in the locale's short form, e.g. «04.03.2026»."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def long_date(day: date) -> str:
    """A date with the weekday, e.g. «середа, 4 березня 2026 р.»."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def duration(seconds: int) -> str:
    """``7:05`` style hours and minutes; empty for zero."""
    if seconds <= 0:
        return ""
    minutes = seconds // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def minutes_text(seconds: int) -> str:
    """Whole minutes with a translated unit (``12 min``); empty for zero."""
    if seconds <= 0:
        return ""
    minutes = seconds // 60  # on its own line: lupdate's Python parser reads "//" as a comment
    return QCoreApplication.translate("Formatting", "{0} min").format(minutes)


def timestamp(at: datetime | None) -> float:
    """A native sort value for instants (None sorts first)."""
    return at.timestamp() if at is not None else 0.0
