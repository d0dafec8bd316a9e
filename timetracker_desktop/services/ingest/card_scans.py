"""Card-UID scans from simple terminals (TERMINAL_PROTOCOL §5): resolution, idempotency receipts, replay."""

import json
from dataclasses import replace
from datetime import UTC, datetime

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.domain.employees import (
    Badge,
    BadgeKind,
    is_random_uid,
    normalize_phone_code,
    uid_from_terminal,
)
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, ValidationError
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.terminals import DirectionMode, Terminal
from timetracker_desktop.repositories.ports.storage import ScanReceipt, UnitOfWork
from timetracker_desktop.services.ingest.dto import CardScan, ScanOutcome, ScanResult
from timetracker_desktop.services.ingest.recording import (
    Holder,
    PunchPlan,
    QueueReason,
    ScanContext,
    event_time,
    punch_or_cooldown,
    queue_read,
    refused,
)


def _canonical(raw: str, terminal: Terminal) -> str | None:
    try:
        return uid_from_terminal(raw, terminal.uid_format)
    except ValidationError:
        return None


def _phone_code(raw: str) -> str | None:
    try:
        return normalize_phone_code(raw)
    except ValidationError:
        return None


def same_uid(stored_raw: str, raw: str, terminal: Terminal) -> bool:
    """Whether a repeated event id carries the same card (compared canonically when both map)."""
    first, second = _canonical(stored_raw, terminal), _canonical(raw, terminal)
    if first is not None and second is not None:
        return first == second
    return stored_raw.strip().upper() == raw.strip().upper()


def _honoured(terminal: Terminal, asked: Direction | None) -> Direction | None:
    """The terminal's own IN/OUT counts only where its direction mode trusts the device."""
    return asked if terminal.direction_mode is DirectionMode.DEVICE else None


def _refuse_badge(
    uow: UnitOfWork, ctx: ScanContext, badge: Badge, raw: str, canonical: str | None
) -> ScanResult:
    """The read names a badge but no active holder: revoked or inactive; either way it is queued."""
    if not badge.is_active:
        queue_read(uow, ctx, BadgeKind.CARD, raw, canonical, QueueReason.REVOKED_BADGE, badge.employee_id)
        return refused(ctx, ScanOutcome.BADGE_REVOKED)
    queue_read(uow, ctx, BadgeKind.CARD, raw, canonical, QueueReason.INACTIVE_EMPLOYEE, badge.employee_id)
    return refused(ctx, ScanOutcome.EMPLOYEE_INACTIVE)


def in_office_zone(ctx: ScanContext, settings: BusinessSettings) -> ScanContext:
    """A naive terminal time is office-local wall time (§5)."""
    ts = ctx.terminal_ts
    if ts is None or ts.tzinfo is not None:
        return ctx
    return replace(ctx, terminal_ts=ts.replace(tzinfo=settings.zone).astimezone(UTC))


def decide_card(uow: UnitOfWork, ctx: ScanContext, scan: CardScan, settings: BusinessSettings) -> ScanResult:
    """Resolve a card read and store its punch; ValidationError for a UID the terminal's format rejects."""
    raw = scan.raw_uid.strip()
    code = _phone_code(raw)
    if code is not None:  # H3: a phone badge's code never clocks in unsigned
        queue_read(uow, ctx, BadgeKind.PHONE, raw, code, QueueReason.UNVERIFIED_PHONE)
        return refused(ctx, ScanOutcome.SIGNATURE_REQUIRED)
    canonical = _canonical(raw, ctx.terminal)
    if canonical is not None and is_random_uid(canonical):
        return refused(ctx, ScanOutcome.RANDOM_UID)
    badge = uow.badges.find_active(BadgeKind.CARD, canonical) if canonical else None
    badge = badge or uow.badges.by_alias(ctx.terminal.id, raw)
    if badge is None and canonical is None:
        uid_from_terminal(raw, ctx.terminal.uid_format)  # raises the format's ValidationError
    if badge is None and canonical is not None:
        badge = uow.badges.latest(BadgeKind.CARD, canonical)
    if badge is None:
        queue_read(uow, ctx, BadgeKind.CARD, raw, canonical, QueueReason.UNKNOWN)
        return refused(ctx, ScanOutcome.UNKNOWN_BADGE)
    employee = uow.employees.get(badge.employee_id)
    if not badge.is_active or employee is None or not employee.is_active:
        return _refuse_badge(uow, ctx, badge, raw, canonical)
    at, flags = event_time(ctx, settings)
    plan = PunchPlan(
        at, flags, _honoured(ctx.terminal, scan.direction), store_double_tap=ctx.terminal.trusted_clock
    )
    return punch_or_cooldown(uow, settings, ctx, Holder(badge, employee), plan)


def encode_result(result: ScanResult) -> str:
    """A result as stored in a receipt."""
    return json.dumps(
        {
            "outcome": result.outcome.value,
            "received_at": result.received_at.isoformat(),
            "employee_id": result.employee_id,
            "employee_name": result.employee_name,
            "direction": result.direction.value if result.direction else None,
            "punch_id": result.punch_id,
            "retry_after_s": result.retry_after_s,
        },
        ensure_ascii=False,
    )


def decode_result(text: str) -> ScanResult:
    """A result read back from a receipt."""
    data = json.loads(text)
    return ScanResult(
        outcome=ScanOutcome(data["outcome"]),
        received_at=datetime.fromisoformat(data["received_at"]),
        employee_id=data["employee_id"],
        employee_name=data["employee_name"],
        direction=Direction(data["direction"]) if data["direction"] else None,
        punch_id=data["punch_id"],
        retry_after_s=data["retry_after_s"],
    )


def replay(receipt: ScanReceipt, terminal: Terminal, raw_uid: str) -> ScanResult:
    """The first outcome of an event id; the same id with another card is a conflict."""
    if not same_uid(receipt.raw_uid, raw_uid, terminal):
        raise ConflictError(
            "this event_id was already used for another card", code=ErrorCode.EVENT_ID_CONFLICT
        )
    return decode_result(receipt.reply_json)


def keep_receipt(uow: UnitOfWork, ctx: ScanContext, raw_uid: str, result: ScanResult) -> None:
    """Store the first outcome of an event id, in the same transaction as the punch."""
    if ctx.event_id is not None:
        receipt = ScanReceipt(
            ctx.terminal.id, ctx.event_id, raw_uid.strip()[:128], encode_result(result), ctx.received
        )
        uow.scan_receipts.add(receipt)
