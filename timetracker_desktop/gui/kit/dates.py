"""Conversions between Qt's and Python's dates and times, typed for mypy."""

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit


def to_date(value: QDate) -> date:
    """A QDate as a ``date``."""
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    """A ``date`` as a QDate."""
    return QDate(value.year, value.month, value.day)


def combine(day: QDate, at: QTime) -> datetime:
    """A naive local wall time from a date and a time edit."""
    return datetime.combine(to_date(day), time(at.hour(), at.minute()))


def set_period(first: QDateEdit, last: QDateEdit, period: tuple[date, date]) -> None:
    """Show a period in two date fields without emitting their change signals."""
    for edit, day in ((first, period[0]), (last, period[1])):
        edit.blockSignals(True)
        edit.setDate(to_qdate(day))
        edit.blockSignals(False)


def period_edits(first_name: str, last_name: str) -> tuple[QDateEdit, QDateEdit]:
    """Two date fields with calendar pop-ups, for a period's first and last day."""
    edits = (QDateEdit(), QDateEdit())
    for edit, name in zip(edits, (first_name, last_name), strict=True):
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
    return edits
