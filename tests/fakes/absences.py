"""Fake repository of the absences register."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from fakes.tables import Transaction, exists, utc
from timetracker_desktop.domain.absences import Absence


class FakeAbsenceRepository:
    """Absences in memory, by id."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def add(self, absence: Absence, now: datetime) -> Absence:
        """Insert and return it with its new id."""
        tables = self._tx.tables
        exists("absences.employee_id", tables.employees, absence.employee_id)
        utc(now)  # a naive instant is refused, as by the created_at column
        saved = replace(absence, id=tables.next_id("absences"))
        tables.absences[saved.id] = saved
        return saved

    def get(self, absence_id: int) -> Absence | None:
        """One absence by id."""
        found: Absence | None = self._tx.tables.absences.get(absence_id)
        return found

    def delete(self, absence_id: int) -> None:
        """Remove one absence."""
        self._tx.tables.absences.pop(absence_id, None)

    def overlapping(self, employee_ids: Sequence[int] | None, first: date, last: date) -> list[Absence]:
        """Absences sharing a day with [first, last], by employee, start and id."""
        wanted = None if employee_ids is None else set(employee_ids)
        found = (
            a
            for a in self._tx.tables.absences.values()
            if a.overlaps(first, last) and (wanted is None or a.employee_id in wanted)
        )
        return sorted(found, key=lambda a: (a.employee_id, a.first, a.id))
