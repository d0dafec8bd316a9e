"""Absences: date ranges of an employee with a type of the form П-5's code table (issue 15)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from timetracker_desktop.domain.errors import ConflictError, ErrorCode, ValidationError

MAX_ABSENCE_DAYS = 400  # a year and a bit: maternity leave (ВП) is the longest range an office enters at once
MAX_DOCUMENT_LENGTH = 64
MAX_NOTE_LENGTH = 500


class AbsenceType(StrEnum):
    """The form П-5's marks for time not worked, by letter code (the value, stored as is).

    Source: typical form № П-5 «Табель обліку використання робочого часу», approved by order of
    Держкомстат of 05.12.2008 № 489, its table «Умовні позначення» (codes 07-30; 01-06 are hours of work,
    not absences). ВД, a business trip, is counted as time at work by the form but is entered here
    because the person is not in the office. The app's schedule code «В» (a day off in the plan) is not
    the form's «В» (annual leave): schedule codes plan a day, absence types explain why the plan was not
    worked.
    """

    BUSINESS_TRIP = "ВД"  # 07 відрядження
    ANNUAL_LEAVE = "В"  # 08 основна щорічна відпустка (ст. 6 Закону про відпустки)
    ADDITIONAL_LEAVE = "Д"  # 09 щорічна додаткова відпустка (ст. 7, 8)
    CHORNOBYL_LEAVE = "Ч"  # 10 додаткова відпустка, ст. 20, 21, 30 Закону про чорнобильців
    CREATIVE_LEAVE = "ТВ"  # 11 творча відпустка (ст. 16)
    STUDY_LEAVE = "Н"  # 12 додаткова відпустка у зв'язку з навчанням (ст. 13-15¹)
    UNPAID_STUDY_LEAVE = "НБ"  # 13 відпустка без збереження з/п у зв'язку з навчанням
    UNPAID_MANDATORY_LEAVE = "ДБ"  # 14 додаткова відпустка без збереження з/п в обов'язковому порядку
    CHILDREN_LEAVE = "ДО"  # 15 додаткова оплачувана відпустка працівникам, які мають дітей (ст. 19)
    MATERNITY_LEAVE = "ВП"  # 16 відпустка у зв'язку з вагітністю та пологами, догляд за дитиною до 3 р.
    CHILDCARE_LEAVE = "ДД"  # 17 відпустка для догляду за дитиною до 6 років
    UNPAID_LEAVE = "НА"  # 18 відпустка без збереження з/п за згодою сторін (ст. 26)
    UNPAID_SUSPENSION = "БЗ"  # 19 інші відпустки без збереження з/п (припинення виконання робіт)
    SHORT_TIME = "НД"  # 20 неявки через переведення роботодавцем на неповний день (тиждень)
    OTHER_EMPLOYER = "НП"  # 21 неявки через тимчасове переведення на інше підприємство
    OTHER_BY_LAW = "ІН"  # 22 інший невідпрацьований час, передбачений законодавством
    DOWNTIME = "П"  # 23 простої
    TRUANCY = "ПР"  # 24 прогули
    STRIKE = "С"  # 25 масові невиходи на роботу (страйки)
    SICK_LEAVE = "ТН"  # 26 оплачувана тимчасова непрацездатність
    UNPAID_SICK_LEAVE = "НН"  # 27 неоплачувана тимчасова непрацездатність
    UNEXPLAINED = "НЗ"  # 28 неявки з нез'ясованих причин
    OTHER_BY_AGREEMENT = "ІВ"  # 29 інші види неявок, передбачені колективними договорами
    OTHER = "І"  # 30 інші причини неявок


# The form's two-digit code of each type (same source), for the П-5 export and the code table.
FORM_DIGITS: dict[AbsenceType, str] = {t: f"{n:02d}" for n, t in enumerate(AbsenceType, start=7)}


def form_code(kind: AbsenceType) -> str:
    """The letter code and the form's digit code (``В 08``): never the same as a schedule code (``В``)."""
    return f"{kind.value} {FORM_DIGITS[kind]}"


def absence_type(code: str) -> AbsenceType:
    """The type of a letter code (``ТН``) or a two-digit code (``26``); case and spaces ignored."""
    wanted = code.strip().upper()
    for kind in AbsenceType:
        if wanted in (kind.value, FORM_DIGITS[kind]):
            return kind
    known = ", ".join(t.value for t in AbsenceType)
    raise ValidationError(
        f"unknown absence type {code!r}: use one of {known}", code=ErrorCode.BAD_ABSENCE_TYPE, field="type"
    )


@dataclass(frozen=True, slots=True)
class Absence:
    """An employee away on every local date of [first, last], both included."""

    id: int
    employee_id: int
    kind: AbsenceType
    first: date
    last: date
    document: str | None = None
    note: str | None = None

    @property
    def days(self) -> int:
        """Calendar days covered."""
        return (self.last - self.first).days + 1

    def covers(self, day: date) -> bool:
        """True when ``day`` lies in the range."""
        return self.first <= day <= self.last

    def overlaps(self, first: date, last: date) -> bool:
        """True when the range shares a day with [first, last] (adjacent ranges do not)."""
        return self.first <= last and first <= self.last


def _text(value: str | None, limit: int, field: str) -> str | None:
    clean = " ".join((value or "").split())
    if len(clean) > limit:
        raise ValidationError(
            f"{field} is longer than {limit} characters", code=ErrorCode.TOO_LONG, field=field
        )
    return clean or None


def checked_absence(absence: Absence) -> Absence:
    """The absence with its texts folded; a range that ends before it starts or is too long is refused."""
    if absence.last < absence.first:
        raise ValidationError(
            "the absence ends before it starts", code=ErrorCode.BAD_ABSENCE_RANGE, field="to"
        )
    if absence.days > MAX_ABSENCE_DAYS:
        raise ValidationError(
            f"an absence may cover at most {MAX_ABSENCE_DAYS} days: enter a longer one in parts",
            code=ErrorCode.BAD_ABSENCE_RANGE,
            field="to",
        )
    return Absence(
        absence.id,
        absence.employee_id,
        absence.kind,
        absence.first,
        absence.last,
        _text(absence.document, MAX_DOCUMENT_LENGTH, "document"),
        _text(absence.note, MAX_NOTE_LENGTH, "note"),
    )


def refuse_overlap(new: Absence, existing: Iterable[Absence]) -> None:
    """ConflictError naming the first absence of the same employee that shares a day with ``new``."""
    for other in sorted(existing, key=lambda a: (a.first, a.id)):
        if (
            other.id != new.id
            and other.employee_id == new.employee_id
            and other.overlaps(new.first, new.last)
        ):
            raise ConflictError(
                f"the employee already has an absence {other.kind.value} from {other.first} to {other.last}",
                code=ErrorCode.ABSENCE_OVERLAP,
                field="from",
                params={
                    "type": other.kind.value,
                    "from": other.first.isoformat(),
                    "to": other.last.isoformat(),
                },
            )


def absence_days(absences: Iterable[Absence], first: date, last: date) -> dict[int, dict[date, AbsenceType]]:
    """By employee, the type of every date of [first, last] that one of their absences covers."""
    days: dict[int, dict[date, AbsenceType]] = {}
    for absence in absences:
        own = days.setdefault(absence.employee_id, {})
        day = max(absence.first, first)
        while day <= min(absence.last, last):
            own[day] = absence.kind
            day += timedelta(days=1)
    return days
