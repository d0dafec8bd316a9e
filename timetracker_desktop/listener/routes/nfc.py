"""Card-UID terminals (§5): ``POST /api/nfc``, idempotent by the terminal's event id."""

from datetime import datetime
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.domain.errors import ConflictError, ValidationError
from timetracker_desktop.listener.context import Call, ListenerContext
from timetracker_desktop.listener.openapi_bodies import TERMINAL_ERRORS, replies, terminal_request
from timetracker_desktop.listener.replies import JsonReply, ProtocolError
from timetracker_desktop.listener.schemas import NfcReply, NfcRequest, epoch_ms_to_utc, iso_time, parse
from timetracker_desktop.listener.security import check_binding, require_capability
from timetracker_desktop.services.ingest.dto import (
    CardScan,
    CardScanResult,
    NoticeKind,
    ScanOutcome,
    scan_notice,
)


def utc_text(at: datetime) -> str:
    """``2026-03-03T06:00:06Z``."""
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def _message(outcome: ScanOutcome, direction: str | None, retry_after_s: int | None) -> str:
    if outcome is ScanOutcome.RECORDED:
        return f"Registered {direction}"
    if outcome is ScanOutcome.COOLDOWN:
        return f"cooldown_wait_{retry_after_s}s"
    return outcome.value


def nfc_reply(scanned: CardScanResult, now: datetime) -> dict[str, Any]:
    """The card-scan body, every key present, in the contract's order."""
    result = scanned.result
    direction = result.direction.value if result.direction else None
    granted = result.outcome.ok
    return {
        "ok": granted,
        "status": result.outcome.value,
        "message": _message(result.outcome, direction, result.retry_after_s),
        "employee_id": result.employee_id if granted else None,
        "employee_name": result.employee_name if granted else None,
        "direction": direction if granted else None,
        "punch_id": result.punch_id,
        "event_id": scanned.event_id,
        "duplicate": scanned.duplicate,
        "retry_after_s": result.retry_after_s,
        "server_time": utc_text(now),
    }


def card_scan_of(body: NfcRequest) -> CardScan:
    """The service command of a validated request."""
    ts: datetime | None = None
    if isinstance(body.ts, int):
        ts = epoch_ms_to_utc(body.ts)
    elif isinstance(body.ts, str):
        ts = iso_time(body.ts)
    direction = Direction(body.direction.upper()) if body.direction else None
    return CardScan(body.nfc_uid, ts, direction, body.event_id)


class CardCalls:
    """The handler, run on a worker thread after authentication."""

    def __init__(self, ctx: ListenerContext) -> None:
        self._ctx = ctx
        self._services = ctx.services

    def nfc(self, call: Call) -> Response:
        """Resolve and record a card read, or replay an event id's first outcome."""
        terminal = call.terminal
        body = parse(NfcRequest, call.data)
        check_binding(terminal, body.terminal_number(), self._services)
        require_capability(terminal.card_scans, "send card scans")
        try:
            scanned = self._services.scans.card_scan(terminal, card_scan_of(body), call.received)
        except ValidationError as error:
            raise ProtocolError(422, "invalid_field", error.message, field="nfc_uid") from None
        except ConflictError as error:
            raise ProtocolError(409, error.code, error.message) from None
        if not scanned.duplicate:
            self._ctx.announce(scan_notice(NoticeKind.CARD_SCAN, terminal.id, scanned.result))
        return JsonReply(nfc_reply(scanned, self._services.clock.now()))


def nfc_router(ctx: ListenerContext) -> APIRouter:
    """The card-terminal route."""
    router = APIRouter(tags=["card terminal"])
    calls = CardCalls(ctx)

    @router.post(
        "/api/nfc",
        response_class=JsonReply,
        responses=replies(NfcReply, 409, *TERMINAL_ERRORS),
        openapi_extra=terminal_request(NfcRequest),
    )
    async def nfc(request: Request) -> Response:
        """A card UID read by a card terminal; refusals are 200 with ok:false."""
        return await ctx.terminal_call(request, calls.nfc)

    return router
