"""Report words in the user's language: the label keys of services.report_labels, translated with Qt."""

from collections.abc import Iterator, Mapping
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from timetracker_desktop.services.reports.labels import enum_key

# key -> (context, English source); the Ukrainian catalog holds the same words as report_labels._UK
_WORDS: dict[str, tuple[str, str]] = {
    "title.timesheet": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Timesheet"))),
    "title.detail": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Employee time detail"))),
    "title.exceptions": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Exceptions"))),
    "title.attendance": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Daily attendance"))),
    "title.schedule": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Work schedule"))),
    "employee": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Employee"))),
    "date": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Date"))),
    "in": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "In"))),
    "out": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Out"))),
    "duration": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Duration"))),
    "worked": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Worked"))),
    "rounded": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Rounded"))),
    "planned": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Planned"))),
    "difference": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Difference"))),
    "worked_days": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Days"))),
    "overtime": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Overtime"))),
    "absences": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Absences"))),
    "anomalies": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Anomalies"))),
    "late_days": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Days late"))),
    "kind": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Kind"))),
    "scheduled": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Scheduled"))),
    "actual": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Actual"))),
    "status": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Status"))),
    "schedule": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Schedule"))),
    "remarks": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Remarks"))),
    "code": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Code"))),
    "note": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Reason"))),
    "first_in": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "First in"))),
    "last_out": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Last out"))),
    "late": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Late"))),
    "total": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Total"))),
    "period": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Period"))),
    "generated": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Generated"))),
    "rounding": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Rounding"))),
    "rules": (
        "ReportWords",
        str(
            QT_TRANSLATE_NOOP(
                "ReportWords",
                "Late after {late} min, early leave after {early} min, overtime from {overtime} min",
            )
        ),
    ),
    "step": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "step {step} min"))),
    "legend": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Legend"))),
    "holidays": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Holidays"))),
    "all_employees": ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "all employees"))),
    "RoundingMode.none": ("ReportRoundingMode", str(QT_TRANSLATE_NOOP("ReportRoundingMode", "none"))),
    "RoundingMode.in_up_out_down": (
        "ReportRoundingMode",
        str(QT_TRANSLATE_NOOP("ReportRoundingMode", "IN up, OUT down")),
    ),
    "RoundingMode.nearest": (
        "ReportRoundingMode",
        str(QT_TRANSLATE_NOOP("ReportRoundingMode", "to the nearest step")),
    ),
    "RoundingMode.daily_down": (
        "ReportRoundingMode",
        str(QT_TRANSLATE_NOOP("ReportRoundingMode", "daily total down")),
    ),
    "RoundingMode.from_scheduled_start": (
        "ReportRoundingMode",
        str(QT_TRANSLATE_NOOP("ReportRoundingMode", "from the scheduled start")),
    ),
    "DayMark.short.absent": ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "A"))),
    "DayMark.short.incomplete": ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "?"))),
    "DayMark.short.holiday": ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "H"))),
    "DayMark.absent": ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "absent"))),
    "DayMark.incomplete": ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "missing IN or OUT"))),
    "DayMark.holiday": ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "holiday"))),
    "ExceptionKind.late": (
        "ReportExceptionKind",
        str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Late arrival")),
    ),
    "ExceptionKind.early_leave": (
        "ReportExceptionKind",
        str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Early leave")),
    ),
    "ExceptionKind.absent": ("ReportExceptionKind", str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Absence"))),
    "ExceptionKind.incomplete": (
        "ReportExceptionKind",
        str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Incomplete day")),
    ),
    "ExceptionKind.overtime": (
        "ReportExceptionKind",
        str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Overtime")),
    ),
    "Presence.present": ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Present"))),
    "Presence.late": ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Late"))),
    "Presence.missing": ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Missing"))),
    "Presence.expected": ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Expected"))),
    "Presence.absent": ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Absent"))),
    "Presence.excused": ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Excused"))),
    "Presence.day_off": ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Day off"))),
    "Presence.not_scheduled": ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Not scheduled"))),
    "Remark.missing_out": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "missing OUT"))),
    "Remark.missing_in": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "missing IN"))),
    "Remark.duplicate_in": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "duplicate IN"))),
    "Remark.double_tap": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "double tap"))),
    "Remark.open": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "in progress"))),
    "Remark.auto_closed": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "closed at scheduled end"))),
    "Remark.clock_skew": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "clock skew"))),
    "Remark.manual": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "manual"))),
    "Remark.direction_set": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "direction corrected"))),
    "Remark.voided": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "voided"))),
    "Remark.late": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "late"))),
    "Remark.early_leave": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "early leave"))),
    "Remark.absent": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "absent"))),
    "Remark.holiday": ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "holiday"))),
    "Word.total": ("ReportWord", str(QT_TRANSLATE_NOOP("ReportWord", "Total"))),
    "code.day off": ("ReportCodes", str(QT_TRANSLATE_NOOP("ReportCodes", "day off"))),
    "code.sick leave": ("ReportCodes", str(QT_TRANSLATE_NOOP("ReportCodes", "sick leave"))),
    "code.vacation": ("ReportCodes", str(QT_TRANSLATE_NOOP("ReportCodes", "vacation"))),
    "code.office day": ("ReportCodes", str(QT_TRANSLATE_NOOP("ReportCodes", "office day"))),
}


def word(key: str | StrEnum, variant: str = "") -> str:
    """The translated label of a key or enum member; an unknown key is shown as it is."""
    text_key = enum_key(key, variant) if isinstance(key, StrEnum) else key
    entry = _WORDS.get(text_key)
    if entry is None:
        return "" if variant else str(key)
    return QCoreApplication.translate(*entry)


def code_name(name: str) -> str:
    """A schedule code's name, translated when it is one of the default codes."""
    entry = _WORDS.get(f"code.{name}")
    return QCoreApplication.translate(*entry) if entry else name


def known_keys() -> frozenset[str]:
    """Every key with a translation (a test checks that none of report_labels is missing)."""
    return frozenset(_WORDS)


class TranslatedWords(Mapping[str, str]):
    """The report_labels mapping in the user's language (what services.report_text reads its words from)."""

    def __getitem__(self, key: str) -> str:
        if key == "weekdays":
            return " ".join(QLocale().dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8))
        return QCoreApplication.translate(*_WORDS[key])

    def __iter__(self) -> Iterator[str]:
        return iter((*_WORDS, "weekdays"))

    def __len__(self) -> int:
        return len(_WORDS) + 1
