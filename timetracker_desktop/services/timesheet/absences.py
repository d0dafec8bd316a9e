"""The absences register: add, list and delete employees' absences; overlaps refused, every change audited."""

from datetime import date
from typing import Any

from timetracker_desktop.domain.absences import (
    Absence,
    AbsenceType,
    absence_type,
    checked_absence,
    refuse_overlap,
)
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import NotFoundError
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.timesheet.frozen import refuse_closed_range

# Reading "every absence" still needs bounds both engines take as dates (MariaDB's DATE starts at 1000).
_EARLIEST = date(1000, 1, 1)
_LATEST = date(9999, 12, 31)


def audit_fields(absence: Absence) -> dict[str, Any]:
    """What the audit log keeps of an absence."""
    return {
        "employee_id": absence.employee_id,
        "type": absence.kind.value,
        "from": absence.first.isoformat(),
        "to": absence.last.isoformat(),
        "document": absence.document,
        "note": absence.note,
    }


class AbsenceService:
    """Employees' absences (leave, sick leave, business trips...) by the form П-5's types."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def add(
        self,
        actor: Actor,
        employee_id: int,
        kind: AbsenceType | str,
        first: date,
        last: date,
        *,
        document: str | None = None,
        note: str | None = None,
    ) -> Absence:
        """Record an absence over [first, last]; one sharing a day with another of the employee is refused."""
        require(actor, Permission.EDIT_PEOPLE)
        wanted = kind if isinstance(kind, AbsenceType) else absence_type(kind)
        absence = checked_absence(Absence(0, employee_id, wanted, first, last, document, note))
        with self._uow() as uow:
            if uow.employees.get(employee_id) is None:
                raise NotFoundError(EntityType.EMPLOYEE, employee_id)
            # one writer per employee at a time (any process), so two overlapping ranges cannot both pass
            uow.employees.lock_for_decision(employee_id)
            refuse_closed_range(uow, employee_id, absence.first, absence.last)
            refuse_overlap(absence, uow.absences.overlapping([employee_id], absence.first, absence.last))
            saved = uow.absences.add(absence, self._clock.now())
            record(
                uow, actor, self._clock.now(), AuditAction.ABSENCE_ADD, (EntityType.ABSENCE, saved.id),
                after=audit_fields(saved),
            )  # fmt: skip
            uow.commit()
        return saved

    def delete(self, actor: Actor, absence_id: int) -> Absence:
        """Remove an absence; returns what was removed."""
        require(actor, Permission.EDIT_PEOPLE)
        with self._uow() as uow:
            absence = uow.absences.get(absence_id)
            if absence is None:
                raise NotFoundError(EntityType.ABSENCE, absence_id)
            refuse_closed_range(uow, absence.employee_id, absence.first, absence.last)
            uow.absences.delete(absence_id)
            record(
                uow, actor, self._clock.now(), AuditAction.ABSENCE_DELETE, (EntityType.ABSENCE, absence_id),
                before=audit_fields(absence),
            )  # fmt: skip
            uow.commit()
        return absence

    def list_absences(
        self, employee_id: int | None = None, first: date | None = None, last: date | None = None
    ) -> list[Absence]:
        """Absences sharing a day with [first, last] (open ends: all), of one employee or everybody."""
        with self._uow(read_only=True) as uow:
            if employee_id is not None and uow.employees.get(employee_id) is None:
                raise NotFoundError(EntityType.EMPLOYEE, employee_id)
            ids = None if employee_id is None else [employee_id]
            return uow.absences.overlapping(ids, first or _EARLIEST, last or _LATEST)
