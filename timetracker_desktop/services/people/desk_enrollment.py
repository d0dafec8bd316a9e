"""Binding badges read at the desk to employees: cards by UID, phones by proven key; "who is this?"."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.employees import (
    Badge,
    BadgeKind,
    Employee,
    KeyState,
    is_random_uid,
    normalize_card_uid,
    normalize_phone_code,
)
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, NotFoundError, ValidationError
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require, require_reason
from timetracker_desktop.services.ingest.badge_crypto import validate_public_key


class EnrollmentResult(StrEnum):
    """What an enrollment did."""

    CREATED = "created"
    ALREADY_ENROLLED = "already_enrolled"
    REASSIGNED = "reassigned"
    KEY_SAVED = "key_saved"


@dataclass(frozen=True, slots=True)
class Enrollment:
    """The badge after enrollment and what happened."""

    badge: Badge
    result: EnrollmentResult


@dataclass(frozen=True, slots=True)
class Identification:
    """Who a tapped badge belongs to (``employee`` None when nobody holds it)."""

    kind: BadgeKind
    value: str
    employee: Employee | None
    badge: Badge | None


class DeskEnrollmentService:
    """Enrollment from the USB desk reader, with the same checks and audit in the GUI and the CLI."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def identify(self, kind: BadgeKind, raw: str) -> Identification:
        """The holder of a card UID or phone code."""
        value = normalize_card_uid(raw) if kind is BadgeKind.CARD else normalize_phone_code(raw)
        with self._uow(read_only=True) as uow:
            badge = uow.badges.find_active(kind, value)
            employee = uow.employees.get(badge.employee_id) if badge else None
        return Identification(kind, value, employee, badge)

    def enroll_card(
        self, actor: Actor, employee_id: int, raw_uid: str, *, reassign: bool = False
    ) -> Enrollment:
        """Bind a card to an employee; a card held by someone else needs an explicit reassignment."""
        require(actor, Permission.EDIT_PEOPLE)
        uid = normalize_card_uid(raw_uid)
        if is_random_uid(uid):
            raise ValidationError(
                "this is a random ID (a phone without the badge app): it never identifies anyone",
                code=ErrorCode.RANDOM_UID,
                field="card_uid",
            )
        with self._uow() as uow:
            enrollment = self._bind(uow, actor, employee_id, BadgeKind.CARD, uid, reassign)
            uow.commit()
        return enrollment

    def enroll_phone(
        self,
        actor: Actor,
        employee_id: int,
        code: str,
        public_key_b64: str,
        *,
        verified: bool,
        reassign: bool = False,
    ) -> Enrollment:
        """Bind a badge phone whose possession of the key was proven at the desk."""
        require(actor, Permission.EDIT_PEOPLE)
        if not verified:
            raise ValidationError(
                "the phone did not prove it holds its key; nothing was saved",
                code=ErrorCode.NOT_VERIFIED,
                field="phone",
            )
        value = normalize_phone_code(code)
        validate_public_key(public_key_b64)
        with self._uow() as uow:
            enrollment = self._bind(uow, actor, employee_id, BadgeKind.PHONE, value, reassign)
            enrollment = self._store_key(uow, actor, enrollment, public_key_b64)
            uow.commit()
        return enrollment

    def reset_key(self, actor: Actor, badge_id: int, reason: str) -> None:
        """Clear a phone badge's key so the phone can enroll again (audited)."""
        require(actor, Permission.EDIT_PEOPLE)
        reason = require_reason(reason)
        now = self._clock.now()
        with self._uow() as uow:
            badge = uow.badges.get(badge_id)
            if badge is None or badge.kind is not BadgeKind.PHONE:
                raise NotFoundError(EntityType.BADGE, badge_id)
            uow.badges.set_key(badge_id, None, KeyState.NONE)
            record(uow, actor, now, AuditAction.BADGE_KEY_RESET, (EntityType.BADGE, badge_id), reason=reason)
            uow.commit()

    def _bind(
        self, uow: UnitOfWork, actor: Actor, employee_id: int, kind: BadgeKind, value: str, reassign: bool
    ) -> Enrollment:
        now = self._clock.now()
        if uow.employees.get(employee_id) is None:
            raise NotFoundError(EntityType.EMPLOYEE, employee_id)
        held = uow.badges.find_active(kind, value)
        if held is not None and held.employee_id == employee_id:
            return Enrollment(held, EnrollmentResult.ALREADY_ENROLLED)
        if held is not None and not reassign:
            holder = uow.employees.get(held.employee_id)
            name = holder.full_name if holder else str(held.employee_id)
            raise ConflictError(f"this badge belongs to {name}", code=ErrorCode.BADGE_TAKEN, field=kind.value)
        if held is not None:
            uow.badges.revoke(held.id, now, "reassigned at the desk")
        badge = uow.badges.add(employee_id, kind, value, now)
        action, result = (
            (AuditAction.BADGE_REASSIGN, EnrollmentResult.REASSIGNED)
            if held
            else (AuditAction.BADGE_CREATE, EnrollmentResult.CREATED)
        )
        before = {"employee_id": held.employee_id} if held else None
        after = {"employee_id": employee_id, "kind": kind.value, "value": value, "source": "desk_reader"}
        record(uow, actor, now, action, (EntityType.BADGE, badge.id), before=before, after=after)
        return Enrollment(badge, result)

    def _store_key(self, uow: UnitOfWork, actor: Actor, enrollment: Enrollment, key: str) -> Enrollment:
        badge = enrollment.badge
        if badge.public_key_b64 and badge.public_key_b64 != key:
            raise ConflictError(
                "another key is already registered for this phone; reset the key first",
                code=ErrorCode.KEY_ALREADY_REGISTERED,
            )
        if badge.public_key_b64 == key and badge.key_state is KeyState.VERIFIED:
            return enrollment
        uow.badges.set_key(badge.id, key, KeyState.VERIFIED)
        now: datetime = self._clock.now()
        record(
            uow,
            actor,
            now,
            AuditAction.BADGE_KEY_ENROLLED,
            (EntityType.BADGE, badge.id),
            after={"state": "verified", "via": "desk"},
        )
        updated = uow.badges.get(badge.id) or badge
        result = (
            enrollment.result
            if enrollment.result is not EnrollmentResult.ALREADY_ENROLLED
            else EnrollmentResult.KEY_SAVED
        )
        return Enrollment(updated, result)
