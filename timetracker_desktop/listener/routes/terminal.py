"""Android terminal calls (§3): challenge, secure scan, first-scan enrollment; replies byte-for-byte."""

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.listener.context import Call, ListenerContext
from timetracker_desktop.listener.openapi_bodies import TERMINAL_ERRORS, replies, terminal_request
from timetracker_desktop.listener.replies import JsonReply, ProtocolError
from timetracker_desktop.listener.schemas import (
    ChallengeReply,
    ChallengeRequest,
    EnrollReply,
    FirstScanRequest,
    ScanReply,
    SecureScanRequest,
    epoch_ms_to_utc,
    parse,
)
from timetracker_desktop.listener.security import check_binding, require_capability
from timetracker_desktop.services.ingest.dto import (
    EnrollOutcome,
    EnrollResult,
    NoticeKind,
    ScanNotice,
    ScanOutcome,
    ScanResult,
    SecureScan,
    scan_notice,
)

# First-scan refusals must not be 2xx: the app takes any 2xx as "enrolled".
ENROLL_REFUSALS: dict[EnrollOutcome, tuple[int, str]] = {
    EnrollOutcome.NOT_PERMITTED: (403, "this terminal may not enroll badges"),
    EnrollOutcome.ENROLLMENT_CLOSED: (403, "enrollment is closed on this terminal"),
    EnrollOutcome.UNKNOWN_BADGE: (404, "unknown badge code; kept as a pending request"),
    EnrollOutcome.BADGE_REVOKED: (409, "this badge is revoked"),
    EnrollOutcome.EMPLOYEE_INACTIVE: (409, "the employee is inactive"),
    EnrollOutcome.KEY_ALREADY_REGISTERED: (409, "another key is registered; an admin must reset it"),
}


def scan_reply(result: ScanResult) -> dict[str, Any]:
    """The secure-scan body, keys in the contract's order (§3.2)."""
    direction = result.direction.value if result.direction else None
    if result.outcome is ScanOutcome.RECORDED:
        message = f"Registered {direction}"
    elif result.outcome is ScanOutcome.COOLDOWN:
        message = f"cooldown_wait_{result.retry_after_s}s"
    else:
        return {"ok": False, "message": result.outcome.value, "employee_id": None, "employee_name": None,
                "direction": None}  # fmt: skip
    return {"ok": True, "message": message, "employee_id": result.employee_id,
            "employee_name": result.employee_name, "direction": direction}  # fmt: skip


def enroll_reply(result: EnrollResult) -> JsonReply:
    """200 when the key is stored; the contract's non-2xx refusal otherwise (§3.3)."""
    if result.outcome.ok:
        return JsonReply({"ok": True, "status": result.outcome.value, "employee_id": result.employee_id})
    if result.outcome is EnrollOutcome.INVALID_KEY:
        raise ProtocolError(
            422, "invalid_field", result.detail or "invalid public key", field="public_key_b64"
        )
    status, detail = ENROLL_REFUSALS[result.outcome]
    raise ProtocolError(status, result.outcome.value, detail)


class TerminalCalls:
    """The handlers, run on a worker thread after authentication."""

    def __init__(self, ctx: ListenerContext) -> None:
        self._ctx = ctx
        self._services = ctx.services

    def challenge(self, call: Call) -> Response:
        """Issue a challenge bound to the key's terminal."""
        body = parse(ChallengeRequest, call.data)
        check_binding(call.terminal, body.terminal_number(), self._services)
        return self._issue(call.terminal)

    async def challenge_in_loop(self, call: Call) -> Response:
        """``challenge`` on the event loop: issuing is in memory; only a mismatch (audited) needs storage."""
        body = parse(ChallengeRequest, call.data)
        named = body.terminal_number()
        if named is not None and named != call.terminal.id:
            await self._ctx.offload(call.deadline, check_binding, call.terminal, named, self._services)
        return self._issue(call.terminal)

    def _issue(self, terminal: Terminal) -> Response:
        require_capability(terminal.phone_scans, "scan phone badges")
        return JsonReply({"challenge_b64": self._services.scans.challenge(terminal)})

    def secure_scan(self, call: Call) -> Response:
        """Check and record a signed scan."""
        terminal = call.terminal
        body = parse(SecureScanRequest, call.data)
        check_binding(terminal, body.terminal_number(), self._services)
        require_capability(terminal.phone_scans, "scan phone badges")
        ts = epoch_ms_to_utc(body.ts) if body.ts is not None else None
        scan = SecureScan(body.employee_uid, body.challenge_b64, body.signature_b64, ts)
        result = self._services.scans.secure_scan(terminal, scan, call.received)
        self._ctx.announce(scan_notice(NoticeKind.PHONE_SCAN, terminal.id, result))
        return JsonReply(scan_reply(result))

    def first_scan(self, call: Call) -> Response:
        """Register a phone's key within the terminal's enrollment window."""
        terminal = call.terminal
        body = parse(FirstScanRequest, call.data)
        check_binding(terminal, body.terminal_number(), self._services)
        result = self._services.scans.first_scan(
            terminal, body.employee_uid, body.public_key_b64, call.received
        )
        if result.outcome is EnrollOutcome.PUBLIC_KEY_SAVED:
            at = call.received
            self._ctx.announce(
                ScanNotice(NoticeKind.ENROLLMENT, terminal.id, result.outcome.value, at, result.employee_id)
            )
        return enroll_reply(result)


def terminal_router(ctx: ListenerContext) -> APIRouter:
    """Routes of the Android terminal app."""
    router = APIRouter(tags=["android terminal"])
    calls = TerminalCalls(ctx)

    @router.post(
        "/api/terminal/challenge",
        response_class=JsonReply,
        responses=replies(ChallengeReply, *TERMINAL_ERRORS),
        openapi_extra=terminal_request(ChallengeRequest, required=False),
    )
    async def challenge(request: Request) -> Response:
        """A fresh challenge for the badge phone to sign (30 s, single use)."""
        return await ctx.terminal_call(
            request, calls.challenge, allow_empty=True, in_loop=calls.challenge_in_loop
        )

    @router.post(
        "/api/terminal/secure-scan",
        response_class=JsonReply,
        responses=replies(ScanReply, *TERMINAL_ERRORS),
        openapi_extra=terminal_request(SecureScanRequest),
    )
    async def secure_scan(request: Request) -> Response:
        """A signed phone-badge scan; refusals are 200 with ok:false."""
        return await ctx.terminal_call(request, calls.secure_scan)

    @router.post(
        "/api/register/first-scan",
        response_class=JsonReply,
        responses=replies(EnrollReply, 404, 409, *TERMINAL_ERRORS),
        openapi_extra=terminal_request(FirstScanRequest),
    )
    async def first_scan(request: Request) -> Response:
        """Register a badge phone's public key (enrollment window open); refusals are non-2xx."""
        return await ctx.terminal_call(request, calls.first_scan)

    return router
