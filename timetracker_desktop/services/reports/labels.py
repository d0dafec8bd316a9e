"""The words of report exports: one table, keyed by ``ReportLabel``, in Ukrainian (default) and English.

The exports write these without Qt; the GUI gives every ``ReportLabel`` the same words through tr()
(gui/reports/words.py), and a test checks that both cover every member.
"""

from collections.abc import Mapping
from enum import StrEnum
from functools import cache

from timetracker_desktop.domain.errors import ErrorCode, ValidationError
from timetracker_desktop.domain.reports import ReportKind

DEFAULT_LANGUAGE = "uk"
LANGUAGES: tuple[str, ...] = ("uk", "en")


class ReportLabel(StrEnum):
    """Every word a report writes: titles, headings, captions, and the enum members it spells out.

    A spelt-out member's label is ``<Enum>.<value>`` (``Presence.late``), its short form
    ``<Enum>.short.<value>``; ``label_of`` finds it.
    """

    TITLE_TIMESHEET = "title.timesheet"
    TITLE_DETAIL = "title.detail"
    TITLE_EXCEPTIONS = "title.exceptions"
    TITLE_ATTENDANCE = "title.attendance"
    TITLE_SCHEDULE = "title.schedule"
    EMPLOYEE = "employee"
    DATE = "date"
    DAY = "day"
    IN = "in"
    OUT = "out"
    DURATION = "duration"
    WORKED = "worked"
    ROUNDED = "rounded"
    PLANNED = "planned"
    DIFFERENCE = "difference"
    HOURS_SUFFIX = "hours_suffix"
    WORKED_DAYS = "worked_days"
    OVERTIME = "overtime"
    ABSENCES = "absences"
    ANOMALIES = "anomalies"
    LATE_DAYS = "late_days"
    KIND = "kind"
    SCHEDULED = "scheduled"
    ACTUAL = "actual"
    STATUS = "status"
    SCHEDULE = "schedule"
    REMARKS = "remarks"
    CODE = "code"
    NOTE = "note"
    FIRST_IN = "first_in"
    LAST_OUT = "last_out"
    LATE = "late"
    TOTAL = "total"
    PERIOD = "period"
    GENERATED = "generated"
    CLOSED = "closed"
    PAGE = "page"
    ROUNDING = "rounding"
    RULES = "rules"
    STEP = "step"
    LEGEND = "legend"
    ABSENCE_CODE = "absence_code"
    HOLIDAYS = "holidays"
    ALL_EMPLOYEES = "all_employees"
    WEEKDAYS = "weekdays"
    ROUNDING_NONE = "RoundingMode.none"
    ROUNDING_IN_UP_OUT_DOWN = "RoundingMode.in_up_out_down"
    ROUNDING_NEAREST = "RoundingMode.nearest"
    ROUNDING_DAILY_DOWN = "RoundingMode.daily_down"
    ROUNDING_FROM_SCHEDULED_START = "RoundingMode.from_scheduled_start"
    MARK_SHORT_ABSENT = "DayMark.short.absent"
    MARK_SHORT_INCOMPLETE = "DayMark.short.incomplete"
    MARK_SHORT_HOLIDAY = "DayMark.short.holiday"
    MARK_ABSENT = "DayMark.absent"
    MARK_INCOMPLETE = "DayMark.incomplete"
    MARK_HOLIDAY = "DayMark.holiday"
    EXCEPTION_LATE = "ExceptionKind.late"
    EXCEPTION_EARLY_LEAVE = "ExceptionKind.early_leave"
    EXCEPTION_ABSENT = "ExceptionKind.absent"
    EXCEPTION_INCOMPLETE = "ExceptionKind.incomplete"
    EXCEPTION_OVERTIME = "ExceptionKind.overtime"
    PRESENCE_PRESENT = "Presence.present"
    PRESENCE_LATE = "Presence.late"
    PRESENCE_MISSING = "Presence.missing"
    PRESENCE_EXPECTED = "Presence.expected"
    PRESENCE_ABSENT = "Presence.absent"
    PRESENCE_EXCUSED = "Presence.excused"
    PRESENCE_DAY_OFF = "Presence.day_off"
    PRESENCE_NOT_SCHEDULED = "Presence.not_scheduled"
    REMARK_MISSING_OUT = "Remark.missing_out"
    REMARK_MISSING_IN = "Remark.missing_in"
    REMARK_DUPLICATE_IN = "Remark.duplicate_in"
    REMARK_DOUBLE_TAP = "Remark.double_tap"
    REMARK_OPEN = "Remark.open"
    REMARK_AUTO_CLOSED = "Remark.auto_closed"
    REMARK_DURING_ABSENCE = "Remark.during_absence"
    REMARK_CLOCK_SKEW = "Remark.clock_skew"
    REMARK_AFTER_CLOSING = "Remark.after_closing"
    REMARK_MANUAL = "Remark.manual"
    REMARK_DIRECTION_SET = "Remark.direction_set"
    REMARK_VOIDED = "Remark.voided"
    REMARK_LATE = "Remark.late"
    REMARK_EARLY_LEAVE = "Remark.early_leave"
    REMARK_ABSENT = "Remark.absent"
    REMARK_HOLIDAY = "Remark.holiday"
    WORD_TOTAL = "Word.total"
    CODE_DAY_OFF = "code.day off"
    CODE_SICK_LEAVE = "code.sick leave"
    CODE_VACATION = "code.vacation"
    CODE_OFFICE_DAY = "code.office day"


_WORDS: dict[ReportLabel, tuple[str, str]] = {
    ReportLabel.TITLE_TIMESHEET: ("Табель обліку робочого часу", "Timesheet"),
    ReportLabel.TITLE_DETAIL: ("Деталізація робочого часу", "Employee time detail"),
    ReportLabel.TITLE_EXCEPTIONS: ("Відхилення від графіка", "Exceptions"),
    ReportLabel.TITLE_ATTENDANCE: ("Щоденна явка", "Daily attendance"),
    ReportLabel.TITLE_SCHEDULE: ("Графік роботи", "Work schedule"),
    ReportLabel.EMPLOYEE: ("Працівник", "Employee"),
    ReportLabel.DATE: ("Дата", "Date"),
    ReportLabel.DAY: ("День", "Day"),
    ReportLabel.IN: ("Прихід", "In"),
    ReportLabel.OUT: ("Вихід", "Out"),
    ReportLabel.DURATION: ("Тривалість", "Duration"),
    ReportLabel.WORKED: ("Відпрацьовано", "Worked"),
    ReportLabel.ROUNDED: ("Округлено", "Rounded"),
    ReportLabel.PLANNED: ("За графіком", "Planned"),
    ReportLabel.DIFFERENCE: ("Різниця", "Difference"),
    ReportLabel.HOURS_SUFFIX: ("{heading}, год", "{heading}, h"),
    ReportLabel.WORKED_DAYS: ("Дні", "Days"),
    ReportLabel.OVERTIME: ("Понаднормово", "Overtime"),
    ReportLabel.ABSENCES: ("Неявки", "Absences"),
    ReportLabel.ANOMALIES: ("Аномалії", "Anomalies"),
    ReportLabel.LATE_DAYS: ("Дні із запізненням", "Days late"),
    ReportLabel.KIND: ("Вид", "Kind"),
    ReportLabel.SCHEDULED: ("За графіком", "Scheduled"),
    ReportLabel.ACTUAL: ("Фактично", "Actual"),
    ReportLabel.STATUS: ("Статус", "Status"),
    ReportLabel.SCHEDULE: ("Графік", "Schedule"),
    ReportLabel.REMARKS: ("Примітки", "Remarks"),
    ReportLabel.CODE: ("Код", "Code"),
    ReportLabel.NOTE: ("Причина", "Reason"),
    ReportLabel.FIRST_IN: ("Прихід", "First in"),
    ReportLabel.LAST_OUT: ("Вихід", "Last out"),
    ReportLabel.LATE: ("Запізнення", "Late"),
    ReportLabel.TOTAL: ("Разом", "Total"),
    ReportLabel.PERIOD: ("Період", "Period"),
    ReportLabel.GENERATED: ("Сформовано", "Generated"),
    ReportLabel.CLOSED: ("Місяць закрито {when}, закрив(ла): {who}", "Month closed on {when} by {who}"),
    ReportLabel.PAGE: ("Сторінка {page} з {pages}", "Page {page} of {pages}"),
    ReportLabel.ROUNDING: ("Округлення", "Rounding"),
    ReportLabel.RULES: (
        "Запізнення понад {late} хв, ранній вихід понад {early} хв, понаднормові від {overtime} хв",
        "Late after {late} min, early leave after {early} min, overtime from {overtime} min",
    ),
    ReportLabel.STEP: ("крок {step} хв", "step {step} min"),
    ReportLabel.LEGEND: ("Умовні позначення", "Legend"),
    ReportLabel.ABSENCE_CODE: (
        "відсутність (літерний і цифровий код форми П-5)",
        "absence (letter and digit code of form П-5)",
    ),
    ReportLabel.HOLIDAYS: ("Свята", "Holidays"),
    ReportLabel.ALL_EMPLOYEES: ("усі працівники", "all employees"),
    ReportLabel.WEEKDAYS: ("Пн Вт Ср Чт Пт Сб Нд", "Mo Tu We Th Fr Sa Su"),
    ReportLabel.ROUNDING_NONE: ("без округлення", "none"),
    ReportLabel.ROUNDING_IN_UP_OUT_DOWN: ("прихід угору, вихід униз", "IN up, OUT down"),
    ReportLabel.ROUNDING_NEAREST: ("до найближчого кроку", "to the nearest step"),
    ReportLabel.ROUNDING_DAILY_DOWN: ("денна сума вниз", "daily total down"),
    ReportLabel.ROUNDING_FROM_SCHEDULED_START: ("від початку зміни за графіком", "from the scheduled start"),
    ReportLabel.MARK_SHORT_ABSENT: ("НЗ", "A"),
    ReportLabel.MARK_SHORT_INCOMPLETE: ("?", "?"),
    ReportLabel.MARK_SHORT_HOLIDAY: ("С", "H"),
    ReportLabel.MARK_ABSENT: ("неявка", "absent"),
    ReportLabel.MARK_INCOMPLETE: ("немає приходу або виходу", "missing IN or OUT"),
    ReportLabel.MARK_HOLIDAY: ("святковий день", "holiday"),
    ReportLabel.EXCEPTION_LATE: ("Запізнення", "Late arrival"),
    ReportLabel.EXCEPTION_EARLY_LEAVE: ("Ранній вихід", "Early leave"),
    ReportLabel.EXCEPTION_ABSENT: ("Неявка", "Absence"),
    ReportLabel.EXCEPTION_INCOMPLETE: ("Неповний день", "Incomplete day"),
    ReportLabel.EXCEPTION_OVERTIME: ("Понаднормово", "Overtime"),
    ReportLabel.PRESENCE_PRESENT: ("Присутній", "Present"),
    ReportLabel.PRESENCE_LATE: ("Запізнився", "Late"),
    ReportLabel.PRESENCE_MISSING: ("Відсутній", "Missing"),
    ReportLabel.PRESENCE_EXPECTED: ("Очікується", "Expected"),
    ReportLabel.PRESENCE_ABSENT: ("Неявка", "Absent"),
    ReportLabel.PRESENCE_EXCUSED: ("Поважна причина", "Excused"),
    ReportLabel.PRESENCE_DAY_OFF: ("Вихідний", "Day off"),
    ReportLabel.PRESENCE_NOT_SCHEDULED: ("Без графіка", "Not scheduled"),
    ReportLabel.REMARK_MISSING_OUT: ("немає виходу", "missing OUT"),
    ReportLabel.REMARK_MISSING_IN: ("немає приходу", "missing IN"),
    ReportLabel.REMARK_DUPLICATE_IN: ("повторний прихід", "duplicate IN"),
    ReportLabel.REMARK_DOUBLE_TAP: ("подвійне торкання", "double tap"),
    ReportLabel.REMARK_OPEN: ("зміна триває", "in progress"),
    ReportLabel.REMARK_AUTO_CLOSED: ("закрито за графіком", "closed at scheduled end"),
    ReportLabel.REMARK_DURING_ABSENCE: ("відмітка під час відсутності", "tap during an absence"),
    ReportLabel.REMARK_CLOCK_SKEW: ("розбіжність годинника", "clock skew"),
    ReportLabel.REMARK_AFTER_CLOSING: (
        "надійшла після закриття місяця",
        "arrived after the month was closed",
    ),
    ReportLabel.REMARK_MANUAL: ("внесено вручну", "manual"),
    ReportLabel.REMARK_DIRECTION_SET: ("напрям виправлено", "direction corrected"),
    ReportLabel.REMARK_VOIDED: ("анульовано", "voided"),
    ReportLabel.REMARK_LATE: ("запізнення", "late"),
    ReportLabel.REMARK_EARLY_LEAVE: ("ранній вихід", "early leave"),
    ReportLabel.REMARK_ABSENT: ("неявка", "absent"),
    ReportLabel.REMARK_HOLIDAY: ("свято", "holiday"),
    ReportLabel.WORD_TOTAL: ("Разом", "Total"),
    ReportLabel.CODE_DAY_OFF: ("вихідний", "day off"),
    ReportLabel.CODE_SICK_LEAVE: ("лікарняний", "sick leave"),
    ReportLabel.CODE_VACATION: ("відпустка", "vacation"),
    ReportLabel.CODE_OFFICE_DAY: ("офісний день", "office day"),
}


def _column(lang: str) -> int:
    try:
        return LANGUAGES.index(lang)
    except ValueError:
        raise ValidationError(
            f"unknown language {lang!r}: use {', '.join(LANGUAGES)}",
            code=ErrorCode.BAD_LANGUAGE,
            field="lang",
        ) from None


@cache
def labels(lang: str = DEFAULT_LANGUAGE) -> Mapping[str, str]:
    """The words of one language ("uk" or "en") by label."""
    column = _column(lang)
    return {label.value: words[column] for label, words in _WORDS.items()}


def enum_key(value: StrEnum, variant: str = "") -> str:
    """The label key of an enum member, e.g. ``Presence.late`` or ``DayMark.short.absent``."""
    return f"{type(value).__name__}.{variant + '.' if variant else ''}{value.value}"


def label_of(value: StrEnum, variant: str = "") -> ReportLabel:
    """The label of an enum member a report spells out (ValueError for a member without one)."""
    return value if isinstance(value, ReportLabel) else ReportLabel(enum_key(value, variant))


def short_label(value: StrEnum) -> ReportLabel | None:
    """The short form of a day mark for grid cells, or None for a mark shown without one."""
    try:
        return label_of(value, "short")
    except ValueError:  # worked days show their hours, codes their code: no short mark
        return None


def title_label(kind: ReportKind) -> ReportLabel:
    """The title of a kind of report."""
    return ReportLabel(f"title.{kind.value}")


def word(words: Mapping[str, str], key: StrEnum) -> str:
    """The words of a label or of an enum member a report spells out."""
    return words[label_of(key)]
