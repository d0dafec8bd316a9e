"""ZKTeco PUSH/ADMS ``/iclock/...`` (TERMINAL_PROTOCOL §7): text/plain replies, sent after the commit."""

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from timetracker_desktop.listener.body import read_body
from timetracker_desktop.listener.context import ListenerContext
from timetracker_desktop.listener.device_guard import DeviceGuard, check_lines
from timetracker_desktop.listener.options import ListenerOptions
from timetracker_desktop.listener.replies import ProtocolError
from timetracker_desktop.repositories.ports.storage import IntegrityConflictError
from timetracker_desktop.services.zkteco.device_api import AdmsService
from timetracker_desktop.services.zkteco.dto import DeviceRefusedError, Refusal

MAX_ICLOCK_BYTES = 10 * 1024 * 1024
REFUSALS = {
    Refusal.PENDING_APPROVAL: "this device waits for a manager's approval",
    Refusal.REJECTED: "this device was rejected",
    Refusal.TERMINAL_DISABLED: "the terminal of this device is deactivated",
    Refusal.TOO_MANY_PENDING: "too many devices wait for approval (from this address, or in all)",
    Refusal.ADDRESS_CHANGED: "this device was approved at another address; it needs re-approval",
    Refusal.COMM_KEY_CHANGED: "this device's comm key is not the approved one; it needs re-approval",
}
_T = TypeVar("_T")


def text(body: str) -> Response:
    """``text/plain; charset=utf-8``; uvicorn adds the GMT Date header devices set their clocks from."""
    return PlainTextResponse(body)


def decode(raw: bytes) -> str:
    """Device text: UTF-8, else Latin-1 (never refused: a refused upload would be resent forever)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


async def run(work: Callable[..., _T], *args: Any) -> _T:
    """Run a storage-bound service call on a worker thread; refusals become 403, collisions 503."""
    try:
        return await run_in_threadpool(work, *args)
    except DeviceRefusedError as refused:
        raise ProtocolError(403, refused.refusal.value, REFUSALS[refused.refusal]) from None
    except IntegrityConflictError:
        raise ProtocolError(503, "database_unavailable", "the upload collided with another; resend") from None


async def read_lines(request: Request) -> str:
    """The body as text: at most 10 MiB and MAX_LINES_PER_REQUEST lines (413 beyond)."""
    body = decode(await read_body(request, MAX_ICLOCK_BYTES))
    check_lines(body)
    return body


class IclockCalls:
    """The handlers, bound to the ADMS service; each request passes the device guard first."""

    def __init__(self, adms: AdmsService, guard: DeviceGuard) -> None:
        self._adms = adms
        self._guard = guard

    async def handshake(self, request: Request) -> Response:
        """``GET /iclock/cdata?SN=..&options=all[&pushcommkey=..]``: the options reply."""
        call = self._guard.admit(request)
        params = request.query_params
        return text(await run(self._adms.handshake, call, params.get("pushver"), params.get("pushcommkey")))

    async def upload(self, request: Request) -> Response:
        """``POST /iclock/cdata?SN=..&table=..&Stamp=..``: ``OK: <n>`` for ATTLOG and OPERLOG, else ``OK``."""
        call = self._guard.admit(request)
        body = await read_lines(request)
        table = request.query_params.get("table", "").upper()
        stamp = request.query_params.get("Stamp") or request.query_params.get("OpStamp")
        if table == "ATTLOG":
            outcome = await run(self._adms.upload_attlog, call, body, stamp)
            return text(f"OK: {outcome.lines}")
        if table == "OPERLOG":
            return text(f"OK: {await run(self._adms.upload_operlog, call, body, stamp)}")
        await run(self._adms.upload_other, call)
        return text("OK")

    async def poll(self, request: Request) -> Response:
        """``GET /iclock/getrequest?SN=..[&INFO=..]``: ``OK`` or ``C:<ID>:<command>`` lines."""
        call = self._guard.admit(request)
        return text(await run(self._adms.poll, call, request.query_params.get("INFO")))

    async def results(self, request: Request) -> Response:
        """``POST /iclock/devicecmd?SN=..``: command results close their commands."""
        call = self._guard.admit(request)
        body = await read_lines(request)
        await run(self._adms.command_results, call, body)
        return text("OK")

    async def ping(self, request: Request) -> Response:
        """``GET /iclock/ping?SN=..``: the device is alive."""
        await run(self._adms.ping, self._guard.admit(request))
        return text("OK")


def iclock_router(ctx: ListenerContext, options: ListenerOptions) -> APIRouter:
    """The ``/iclock`` routes; PUSH 3.x ``/iclock/registry`` and ``/iclock/push`` stay 404 in v1."""
    router = APIRouter(prefix="/iclock", tags=["ZKTeco PUSH (ADMS)"])
    calls = IclockCalls(ctx.services.adms, DeviceGuard(options))
    for path, method, handler in (
        ("/cdata", "GET", calls.handshake),
        ("/cdata", "POST", calls.upload),
        ("/getrequest", "GET", calls.poll),
        ("/devicecmd", "POST", calls.results),
        ("/ping", "GET", calls.ping),
    ):
        # Not in /openapi.json, which documents the JSON API; firmware text has §7 as its contract.
        router.add_api_route(
            path, handler, methods=[method], response_class=PlainTextResponse, include_in_schema=False
        )
    return router
