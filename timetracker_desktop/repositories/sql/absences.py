"""SQL repository of the absences register."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from timetracker_desktop.domain.absences import Absence, AbsenceType
from timetracker_desktop.repositories.sql.orm import AbsenceRow


def _absence(row: AbsenceRow) -> Absence:
    return Absence(
        row.id, row.employee_id, AbsenceType(row.kind), row.first_day, row.last_day, row.document, row.note
    )


class SqlAbsenceRepository:
    """Absences in SQL."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, absence: Absence, now: datetime) -> Absence:
        """Insert and return it with its new id."""
        row = AbsenceRow(
            employee_id=absence.employee_id,
            kind=absence.kind.value,
            first_day=absence.first,
            last_day=absence.last,
            document=absence.document,
            note=absence.note,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return _absence(row)

    def get(self, absence_id: int) -> Absence | None:
        """One absence by id."""
        row = self._session.get(AbsenceRow, absence_id)
        return None if row is None else _absence(row)

    def delete(self, absence_id: int) -> None:
        """Remove one absence."""
        self._session.execute(delete(AbsenceRow).where(AbsenceRow.id == absence_id))

    def overlapping(self, employee_ids: Sequence[int] | None, first: date, last: date) -> list[Absence]:
        """Absences sharing a day with [first, last], by employee, start and id."""
        stmt = select(AbsenceRow).where(AbsenceRow.first_day <= last, AbsenceRow.last_day >= first)
        if employee_ids is not None:
            stmt = stmt.where(AbsenceRow.employee_id.in_(list(employee_ids)))
        stmt = stmt.order_by(AbsenceRow.employee_id, AbsenceRow.first_day, AbsenceRow.id)
        return [_absence(row) for row in self._session.scalars(stmt)]
