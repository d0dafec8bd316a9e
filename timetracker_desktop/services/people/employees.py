"""Employees, positions and badges: create, edit, deactivate, import; badge uniqueness and audit."""

from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import datetime

from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.employees import (
    Badge,
    BadgeKind,
    Employee,
    normalize_card_uid,
    normalize_phone_code,
    validate_full_name,
)
from timetracker_desktop.domain.errors import (
    ConflictError,
    DomainError,
    ErrorCode,
    NotFoundError,
    ValidationError,
)
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.dto import EmployeeDetail, EmployeeDraft, ImportResult, RowError
from timetracker_desktop.services.guard import require, require_reason

MAX_POSITION_LENGTH = 128
MAX_COMMENT_LENGTH = 255


def normalize_pin(raw: str) -> str:
    """An ADMS PIN: 1-24 digits or letters, as typed on the device."""
    pin = raw.strip()
    if not pin or len(pin) > 24 or not pin.isalnum() or not pin.isascii():
        raise ValidationError(
            "terminal PIN must be 1-24 letters or digits", code=ErrorCode.BAD_PIN, field="pin"
        )
    return pin


def badge_value(kind: BadgeKind, raw: str) -> str:
    """Canonical value of a badge of this kind."""
    if kind is BadgeKind.CARD:
        return normalize_card_uid(raw)
    if kind is BadgeKind.PHONE:
        return normalize_phone_code(raw)
    return normalize_pin(raw)


def _draft_badges(draft: EmployeeDraft) -> list[tuple[BadgeKind, str]]:
    pairs = [
        (BadgeKind.CARD, draft.card_uid),
        (BadgeKind.PHONE, draft.phone_code),
        (BadgeKind.PIN, draft.pin),
    ]
    return [(kind, badge_value(kind, raw)) for kind, raw in pairs if raw and raw.strip()]


def _clean_text(value: str | None, limit: int, field: str) -> str | None:
    text = " ".join(value.split()) if value else ""
    if len(text) > limit:
        raise ValidationError(
            f"{field} is longer than {limit} characters", code=ErrorCode.TOO_LONG, field=field
        )
    return text or None


def _employee_audit(employee: Employee) -> dict[str, object]:
    data = asdict(employee)
    data.pop("id")
    return data


class EmployeeService:
    """People and their badges."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def list_employees(self, *, include_inactive: bool = True) -> list[Employee]:
        """Employees by name."""
        with self._uow(read_only=True) as uow:
            return uow.employees.list_all(include_inactive=include_inactive)

    def detail(self, employee_id: int) -> EmployeeDetail:
        """An employee with badges."""
        with self._uow(read_only=True) as uow:
            employee = self._get(uow, employee_id)
            return EmployeeDetail(employee, tuple(uow.badges.for_employee(employee_id)))

    def positions(self) -> list[str]:
        """Position names."""
        with self._uow(read_only=True) as uow:
            return [p.name for p in uow.positions.list_all()]

    @staticmethod
    def _get(uow: UnitOfWork, employee_id: int) -> Employee:
        employee = uow.employees.get(employee_id)
        if employee is None:
            raise NotFoundError(EntityType.EMPLOYEE, employee_id)
        return employee

    @staticmethod
    def _position_id(uow: UnitOfWork, name: str | None) -> int | None:
        cleaned = _clean_text(name, MAX_POSITION_LENGTH, "position")
        if cleaned is None:
            return None
        found = uow.positions.by_name(cleaned)
        return (found or uow.positions.add(cleaned)).id

    def add_employee(self, actor: Actor, draft: EmployeeDraft) -> Employee:
        """Create an employee with the badges in the draft, all or nothing."""
        require(actor, Permission.EDIT_PEOPLE)
        with self._uow() as uow:
            employee = self._add(uow, actor, draft, self._clock.now())
            uow.commit()
        return employee

    def _add(self, uow: UnitOfWork, actor: Actor, draft: EmployeeDraft, now: datetime) -> Employee:
        name = validate_full_name(draft.full_name)
        comment = _clean_text(draft.comment, MAX_COMMENT_LENGTH, "comment")
        badges = _draft_badges(draft)
        employee = uow.employees.add(name, self._position_id(uow, draft.position), comment, now)
        record(
            uow,
            actor,
            now,
            AuditAction.EMPLOYEE_CREATE,
            (EntityType.EMPLOYEE, employee.id),
            after=_employee_audit(employee),
        )
        for kind, value in badges:
            self._issue(uow, actor, employee.id, kind, value, now)
        return employee

    def _issue(
        self, uow: UnitOfWork, actor: Actor, employee_id: int, kind: BadgeKind, value: str, now: datetime
    ) -> Badge:
        holder = uow.badges.find_active(kind, value)
        if holder is not None:
            owner = uow.employees.get(holder.employee_id)
            raise ConflictError(
                f"{kind.value} {value} already belongs to {owner.full_name if owner else holder.employee_id}",
                code=ErrorCode.DUPLICATE_BADGE,
                field=kind.value,
                params={"holder": owner.full_name} if owner else None,  # the message says who holds it
            )
        badge = uow.badges.add(employee_id, kind, value, now)
        record(
            uow, actor, now, AuditAction.BADGE_CREATE, (EntityType.BADGE, badge.id),
            after={"employee_id": employee_id, "kind": kind.value, "value": value},
        )  # fmt: skip
        return badge

    def update_employee(self, actor: Actor, employee_id: int, draft: EmployeeDraft) -> Employee:
        """Edit name, position and comment (badges have their own use cases)."""
        require(actor, Permission.EDIT_PEOPLE)
        now = self._clock.now()
        with self._uow() as uow:
            before = self._get(uow, employee_id)
            name = validate_full_name(draft.full_name)
            comment = _clean_text(draft.comment, MAX_COMMENT_LENGTH, "comment")
            position_id = self._position_id(uow, draft.position)
            position = uow.positions.get(position_id) if position_id else None
            after = replace(
                before,
                full_name=name,
                comment=comment,
                position_id=position_id,
                position_name=position.name if position else None,
            )
            uow.employees.update(after, now)
            self._audit_update(uow, actor, now, before, after, AuditAction.EMPLOYEE_UPDATE)
            uow.commit()
        return after

    @staticmethod
    def _audit_update(
        uow: UnitOfWork, actor: Actor, now: datetime, before: Employee, after: Employee, action: AuditAction
    ) -> None:
        old, new = _employee_audit(before), _employee_audit(after)
        keys = [k for k in new if old[k] != new[k]]
        if keys:
            record(
                uow, actor, now, action, (EntityType.EMPLOYEE, after.id),
                before={k: old[k] for k in keys}, after={k: new[k] for k in keys},
            )  # fmt: skip

    def set_active(self, actor: Actor, employee_id: int, active: bool) -> Employee:
        """Activate or deactivate; a deactivated employee is refused by every terminal."""
        require(actor, Permission.EDIT_PEOPLE)
        now = self._clock.now()
        with self._uow() as uow:
            before = self._get(uow, employee_id)
            after = replace(before, is_active=active)
            uow.employees.update(after, now)
            action = AuditAction.EMPLOYEE_ACTIVATE if active else AuditAction.EMPLOYEE_DEACTIVATE
            self._audit_update(uow, actor, now, before, after, action)
            uow.commit()
        return after

    def add_badge(self, actor: Actor, employee_id: int, kind: BadgeKind, raw: str) -> Badge:
        """Issue a badge typed by hand (card UID, phone code or PIN)."""
        require(actor, Permission.EDIT_PEOPLE)
        value = badge_value(kind, raw)
        now = self._clock.now()
        with self._uow() as uow:
            self._get(uow, employee_id)
            badge = self._issue(uow, actor, employee_id, kind, value, now)
            uow.commit()
        return badge

    def revoke_badge(self, actor: Actor, badge_id: int, reason: str) -> None:
        """Revoke a badge for good; old punches keep their link."""
        require(actor, Permission.EDIT_PEOPLE)
        reason = require_reason(reason)
        now = self._clock.now()
        with self._uow() as uow:
            badge = uow.badges.get(badge_id)
            if badge is None:
                raise NotFoundError(EntityType.BADGE, badge_id)
            if not badge.is_active:
                raise ConflictError("badge is already revoked", code=ErrorCode.ALREADY_REVOKED)
            uow.badges.revoke(badge_id, now, reason)
            record(
                uow,
                actor,
                now,
                AuditAction.BADGE_REVOKE,
                (EntityType.BADGE, badge_id),
                after={"value": badge.value},
                reason=reason,
            )
            uow.commit()

    def reassign_badge(self, actor: Actor, badge_id: int, employee_id: int, reason: str) -> Badge:
        """Move a badge to another employee: revoke it and issue the same value anew."""
        require(actor, Permission.EDIT_PEOPLE)
        reason = require_reason(reason)
        now = self._clock.now()
        with self._uow() as uow:
            badge = uow.badges.get(badge_id)
            if badge is None or not badge.is_active:
                raise NotFoundError(EntityType.BADGE, badge_id)
            self._get(uow, employee_id)
            uow.badges.revoke(badge_id, now, f"reassigned: {reason}")
            new = uow.badges.add(employee_id, badge.kind, badge.value, now)
            record(
                uow, actor, now, AuditAction.BADGE_REASSIGN, (EntityType.BADGE, new.id),
                before={"employee_id": badge.employee_id}, after={"employee_id": employee_id}, reason=reason,
            )  # fmt: skip
            uow.commit()
        return new

    def import_drafts(self, actor: Actor, drafts: Sequence[tuple[int, EmployeeDraft]]) -> ImportResult:
        """Import (line, draft) rows: all rows or none; errors name the line and field."""
        require(actor, Permission.EDIT_PEOPLE)
        now = self._clock.now()
        errors: list[RowError] = []
        with self._uow() as uow:
            seen: dict[tuple[BadgeKind, str], int] = {}
            for line, draft in drafts:
                errors.extend(self._import_row(uow, actor, line, draft, now, seen))
            if errors:
                uow.rollback()
                return ImportResult(0, tuple(errors))
            record(uow, actor, now, AuditAction.EMPLOYEE_IMPORT, None, after={"rows": len(drafts)})
            uow.commit()
        return ImportResult(len(drafts), ())

    def _import_row(
        self,
        uow: UnitOfWork,
        actor: Actor,
        line: int,
        draft: EmployeeDraft,
        now: datetime,
        seen: dict[tuple[BadgeKind, str], int],
    ) -> list[RowError]:
        try:
            for key in _draft_badges(draft):
                if key in seen:
                    raise ConflictError(
                        f"{key[0].value} {key[1]} is also on line {seen[key]}",
                        code=ErrorCode.DUPLICATE_IN_FILE,
                        field=key[0].value,
                    )
                seen[key] = line
            self._add(uow, actor, draft, now)
        except DomainError as error:
            return [RowError(line, error.field, error.message, error.code)]
        return []
