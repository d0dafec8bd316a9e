"""Storage port of the absences register: employees' date ranges with an absence type."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from timetracker_desktop.domain.absences import Absence


class AbsenceRepository(Protocol):
    """Absences; the service keeps one employee's ranges apart (under the employee's lock)."""

    def add(self, absence: Absence, now: datetime) -> Absence:
        """Insert (the given id is ignored) and return it with its new id."""
        ...

    def get(self, absence_id: int) -> Absence | None: ...

    def delete(self, absence_id: int) -> None:
        """Remove one absence (nothing happens for an unknown id)."""
        ...

    def overlapping(self, employee_ids: Sequence[int] | None, first: date, last: date) -> list[Absence]:
        """The employees' (everybody's when None) absences sharing a day with [first, last].

        Ordered by employee, first day and id.
        """
        ...
