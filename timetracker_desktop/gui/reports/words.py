"""Report words in the user's language: every ``ReportLabel`` translated with Qt (the exports' table is in
services.reports.labels; a test checks that both cover every member)."""

from collections.abc import Iterator, Mapping
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from timetracker_desktop.domain.reports import ReportKind
from timetracker_desktop.services.reports.labels import ReportLabel, label_of, title_label

# the weekday names come from the user's locale, not from the catalog
FROM_LOCALE = frozenset({ReportLabel.WEEKDAYS})

# label -> (context, English source); the Ukrainian catalog holds the same words as the exports' table
_WORDS: dict[ReportLabel, tuple[str, str]] = {
    ReportLabel.TITLE_TIMESHEET: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Timesheet"))),
    ReportLabel.TITLE_DETAIL: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Employee time detail"))),
    ReportLabel.TITLE_EXCEPTIONS: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Exceptions"))),
    ReportLabel.TITLE_ATTENDANCE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Daily attendance"))),
    ReportLabel.TITLE_SCHEDULE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Work schedule"))),
    ReportLabel.EMPLOYEE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Employee"))),
    ReportLabel.DATE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Date"))),
    ReportLabel.DAY: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Day"))),
    ReportLabel.IN: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "In"))),
    ReportLabel.OUT: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Out"))),
    ReportLabel.DURATION: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Duration"))),
    ReportLabel.WORKED: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Worked"))),
    ReportLabel.ROUNDED: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Rounded"))),
    ReportLabel.PLANNED: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Planned"))),
    ReportLabel.DIFFERENCE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Difference"))),
    ReportLabel.HOURS_SUFFIX: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "{heading}, h"))),
    ReportLabel.WORKED_DAYS: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Days"))),
    ReportLabel.OVERTIME: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Overtime"))),
    ReportLabel.ABSENCES: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Absences"))),
    ReportLabel.ANOMALIES: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Anomalies"))),
    ReportLabel.LATE_DAYS: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Days late"))),
    ReportLabel.KIND: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Kind"))),
    ReportLabel.SCHEDULED: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Scheduled"))),
    ReportLabel.ACTUAL: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Actual"))),
    ReportLabel.STATUS: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Status"))),
    ReportLabel.SCHEDULE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Schedule"))),
    ReportLabel.REMARKS: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Remarks"))),
    ReportLabel.CODE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Code"))),
    ReportLabel.NOTE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Reason"))),
    ReportLabel.FIRST_IN: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "First in"))),
    ReportLabel.LAST_OUT: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Last out"))),
    ReportLabel.LATE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Late"))),
    ReportLabel.TOTAL: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Total"))),
    ReportLabel.PERIOD: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Period"))),
    ReportLabel.GENERATED: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Generated"))),
    ReportLabel.CLOSED: (
        "ReportWords",
        str(QT_TRANSLATE_NOOP("ReportWords", "Month closed on {when} by {who}")),
    ),
    ReportLabel.PAGE: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Page {page} of {pages}"))),
    ReportLabel.ROUNDING: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Rounding"))),
    ReportLabel.RULES: (
        "ReportWords",
        str(
            QT_TRANSLATE_NOOP(
                "ReportWords",
                "Late after {late} min, early leave after {early} min, overtime from {overtime} min",
            )
        ),
    ),
    ReportLabel.STEP: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "step {step} min"))),
    ReportLabel.LEGEND: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Legend"))),
    ReportLabel.ABSENCE_CODE: (
        "ReportWords",
        str(QT_TRANSLATE_NOOP("ReportWords", "absence (letter and digit code of form П-5)")),
    ),
    ReportLabel.HOLIDAYS: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "Holidays"))),
    ReportLabel.ALL_EMPLOYEES: ("ReportWords", str(QT_TRANSLATE_NOOP("ReportWords", "all employees"))),
    ReportLabel.ROUNDING_NONE: ("ReportRoundingMode", str(QT_TRANSLATE_NOOP("ReportRoundingMode", "none"))),
    ReportLabel.ROUNDING_IN_UP_OUT_DOWN: (
        "ReportRoundingMode",
        str(QT_TRANSLATE_NOOP("ReportRoundingMode", "IN up, OUT down")),
    ),
    ReportLabel.ROUNDING_NEAREST: (
        "ReportRoundingMode",
        str(QT_TRANSLATE_NOOP("ReportRoundingMode", "to the nearest step")),
    ),
    ReportLabel.ROUNDING_DAILY_DOWN: (
        "ReportRoundingMode",
        str(QT_TRANSLATE_NOOP("ReportRoundingMode", "daily total down")),
    ),
    ReportLabel.ROUNDING_FROM_SCHEDULED_START: (
        "ReportRoundingMode",
        str(QT_TRANSLATE_NOOP("ReportRoundingMode", "from the scheduled start")),
    ),
    ReportLabel.MARK_SHORT_ABSENT: ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "A"))),
    ReportLabel.MARK_SHORT_INCOMPLETE: ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "?"))),
    ReportLabel.MARK_SHORT_HOLIDAY: ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "H"))),
    ReportLabel.MARK_ABSENT: ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "absent"))),
    ReportLabel.MARK_INCOMPLETE: (
        "ReportDayMark",
        str(QT_TRANSLATE_NOOP("ReportDayMark", "missing IN or OUT")),
    ),
    ReportLabel.MARK_HOLIDAY: ("ReportDayMark", str(QT_TRANSLATE_NOOP("ReportDayMark", "holiday"))),
    ReportLabel.EXCEPTION_LATE: (
        "ReportExceptionKind",
        str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Late arrival")),
    ),
    ReportLabel.EXCEPTION_EARLY_LEAVE: (
        "ReportExceptionKind",
        str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Early leave")),
    ),
    ReportLabel.EXCEPTION_ABSENT: (
        "ReportExceptionKind",
        str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Absence")),
    ),
    ReportLabel.EXCEPTION_INCOMPLETE: (
        "ReportExceptionKind",
        str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Incomplete day")),
    ),
    ReportLabel.EXCEPTION_OVERTIME: (
        "ReportExceptionKind",
        str(QT_TRANSLATE_NOOP("ReportExceptionKind", "Overtime")),
    ),
    ReportLabel.PRESENCE_PRESENT: ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Present"))),
    ReportLabel.PRESENCE_LATE: ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Late"))),
    ReportLabel.PRESENCE_MISSING: ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Missing"))),
    ReportLabel.PRESENCE_EXPECTED: ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Expected"))),
    ReportLabel.PRESENCE_ABSENT: ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Absent"))),
    ReportLabel.PRESENCE_EXCUSED: ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Excused"))),
    ReportLabel.PRESENCE_DAY_OFF: ("ReportPresence", str(QT_TRANSLATE_NOOP("ReportPresence", "Day off"))),
    ReportLabel.PRESENCE_NOT_SCHEDULED: (
        "ReportPresence",
        str(QT_TRANSLATE_NOOP("ReportPresence", "Not scheduled")),
    ),
    ReportLabel.REMARK_MISSING_OUT: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "missing OUT"))),
    ReportLabel.REMARK_MISSING_IN: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "missing IN"))),
    ReportLabel.REMARK_DUPLICATE_IN: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "duplicate IN"))),
    ReportLabel.REMARK_DOUBLE_TAP: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "double tap"))),
    ReportLabel.REMARK_OPEN: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "in progress"))),
    ReportLabel.REMARK_AUTO_CLOSED: (
        "ReportRemark",
        str(QT_TRANSLATE_NOOP("ReportRemark", "closed at scheduled end")),
    ),
    ReportLabel.REMARK_DURING_ABSENCE: (
        "ReportRemark",
        str(QT_TRANSLATE_NOOP("ReportRemark", "tap during an absence")),
    ),
    ReportLabel.REMARK_CLOCK_SKEW: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "clock skew"))),
    ReportLabel.REMARK_AFTER_CLOSING: (
        "ReportRemark",
        str(QT_TRANSLATE_NOOP("ReportRemark", "arrived after the month was closed")),
    ),
    ReportLabel.REMARK_MANUAL: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "manual"))),
    ReportLabel.REMARK_DIRECTION_SET: (
        "ReportRemark",
        str(QT_TRANSLATE_NOOP("ReportRemark", "direction corrected")),
    ),
    ReportLabel.REMARK_VOIDED: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "voided"))),
    ReportLabel.REMARK_LATE: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "late"))),
    ReportLabel.REMARK_EARLY_LEAVE: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "early leave"))),
    ReportLabel.REMARK_ABSENT: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "absent"))),
    ReportLabel.REMARK_HOLIDAY: ("ReportRemark", str(QT_TRANSLATE_NOOP("ReportRemark", "holiday"))),
    ReportLabel.WORD_TOTAL: ("ReportWord", str(QT_TRANSLATE_NOOP("ReportWord", "Total"))),
    ReportLabel.CODE_DAY_OFF: ("ReportCodes", str(QT_TRANSLATE_NOOP("ReportCodes", "day off"))),
    ReportLabel.CODE_SICK_LEAVE: ("ReportCodes", str(QT_TRANSLATE_NOOP("ReportCodes", "sick leave"))),
    ReportLabel.CODE_VACATION: ("ReportCodes", str(QT_TRANSLATE_NOOP("ReportCodes", "vacation"))),
    ReportLabel.CODE_OFFICE_DAY: ("ReportCodes", str(QT_TRANSLATE_NOOP("ReportCodes", "office day"))),
}


def word(key: StrEnum) -> str:
    """The translated words of a label or of an enum member a report spells out."""
    return QCoreApplication.translate(*_WORDS[label_of(key)])


def title(kind: ReportKind) -> str:
    """The translated title of a kind of report."""
    return word(title_label(kind))


def covered() -> frozenset[ReportLabel]:
    """Every label with words here (a test checks that no member of ReportLabel is missing)."""
    return frozenset(_WORDS) | FROM_LOCALE


class TranslatedWords(Mapping[str, str]):
    """The labels' words in the user's language (what services.reports.text reads its words from)."""

    def __getitem__(self, key: str) -> str:
        if key == ReportLabel.WEEKDAYS:
            return " ".join(QLocale().dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8))
        return QCoreApplication.translate(*_WORDS[ReportLabel(key)])

    def __iter__(self) -> Iterator[str]:
        return iter(ReportLabel)

    def __len__(self) -> int:
        return len(ReportLabel)
