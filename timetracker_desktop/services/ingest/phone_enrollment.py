"""Terminal enrollment of phone keys (TERMINAL_PROTOCOL §3.3, H5): windowed, validated, never overwritten."""

import base64
from collections.abc import Mapping
from datetime import datetime

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.employees import Badge, BadgeKind, KeyState
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.repositories.ports.storage import UnitOfWork
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.ingest.badge_crypto import (
    b64decode_tolerant,
    key_fingerprint,
    validate_public_key,
)
from timetracker_desktop.services.ingest.dto import EnrollOutcome, EnrollResult
from timetracker_desktop.services.ingest.recording import QueueReason, ScanContext, queue_read


def enrollment_gate(terminal: Terminal, now: datetime) -> EnrollOutcome | None:
    """Refusal before any lookup: the terminal may not enroll, or its window is closed."""
    if not terminal.enrollment:
        return EnrollOutcome.NOT_PERMITTED
    if terminal.enrollment_until is None or now > terminal.enrollment_until:
        return EnrollOutcome.ENROLLMENT_CLOSED
    return None


def _same_key(stored: str, presented_der: bytes) -> bool:
    try:
        return b64decode_tolerant(stored) == presented_der
    except ValueError:
        return False


def enroll_key(uow: UnitOfWork, ctx: ScanContext, code: str, public_key_b64: str) -> EnrollResult:
    """Store a phone's key as unverified, in the contract's check order; the caller commits."""
    badge = uow.badges.find_active(BadgeKind.PHONE, code)
    if badge is None:
        if uow.badges.latest(BadgeKind.PHONE, code) is not None:
            return EnrollResult(EnrollOutcome.BADGE_REVOKED)
        queue_read(uow, ctx, BadgeKind.PHONE, code, None, QueueReason.ENROLLMENT_REQUEST)
        return EnrollResult(EnrollOutcome.UNKNOWN_BADGE)
    # Two terminals (maybe two processes) may enroll the same phone at once: decide one at a time, and read
    # the badge again under the lock, so the second sees the first one's key and refuses to overwrite it.
    uow.employees.lock_for_decision(badge.employee_id)
    badge = uow.badges.get(badge.id) or badge
    employee = uow.employees.get(badge.employee_id)
    if employee is None or not employee.is_active:
        return EnrollResult(EnrollOutcome.EMPLOYEE_INACTIVE, badge.employee_id)
    try:
        der = validate_public_key(public_key_b64)
    except ValidationError as error:
        return EnrollResult(EnrollOutcome.INVALID_KEY, badge.employee_id, error.message)
    if badge.public_key_b64:
        if _same_key(badge.public_key_b64, der):
            return EnrollResult(EnrollOutcome.PUBLIC_KEY_UNCHANGED, badge.employee_id)
        _audit(
            uow,
            ctx,
            badge,
            AuditAction.BADGE_KEY_ENROLL_REFUSED,
            {"reason": "key_already_registered"},
            AuditOutcome.REFUSED,
        )
        return EnrollResult(EnrollOutcome.KEY_ALREADY_REGISTERED, badge.employee_id)
    # Stored in the badge app's own spelling (standard base64 of the DER), whatever variant was sent.
    canonical = base64.b64encode(der).decode("ascii")
    uow.badges.set_key(badge.id, canonical, KeyState.UNVERIFIED)
    after = {"state": KeyState.UNVERIFIED.value, "via": "terminal", "fingerprint": key_fingerprint(canonical)}
    _audit(uow, ctx, badge, AuditAction.BADGE_KEY_ENROLLED, after, AuditOutcome.OK)
    return EnrollResult(EnrollOutcome.PUBLIC_KEY_SAVED, badge.employee_id)


def _audit(
    uow: UnitOfWork,
    ctx: ScanContext,
    badge: Badge,
    action: AuditAction,
    after: Mapping[str, object],
    outcome: AuditOutcome,
) -> None:
    actor = Actor.terminal(ctx.terminal.id)
    record(uow, actor, ctx.received, action, (EntityType.BADGE, badge.id), after=after, outcome=outcome)
