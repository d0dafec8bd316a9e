"""ZKTeco PUSH/ADMS ``/iclock/...`` (TERMINAL_PROTOCOL §7): text/plain replies, sent after the commit."""

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from timetracker_desktop.domain.zkteco import is_valid_serial
from timetracker_desktop.listener.body import read_body
from timetracker_desktop.listener.context import ListenerContext
from timetracker_desktop.listener.replies import ProtocolError
from timetracker_desktop.repositories.ports.storage import IntegrityConflictError
from timetracker_desktop.services.zkteco.device_api import AdmsService
from timetracker_desktop.services.zkteco.dto import DeviceCall, DeviceRefusedError

MAX_ICLOCK_BYTES = 10 * 1024 * 1024
_T = TypeVar("_T")


def text(body: str) -> Response:
    """``text/plain; charset=utf-8``; uvicorn adds the GMT Date header devices set their clocks from."""
    return PlainTextResponse(body)


def device_call(request: Request) -> DeviceCall:
    """The caller's SN (400 when missing or malformed) and address."""
    serial = request.query_params.get("SN", "")
    if not is_valid_serial(serial):
        raise ProtocolError(400, "invalid_serial", "SN must be 1-64 letters, digits, '_' or '-'")
    return DeviceCall(serial, request.client.host if request.client else None)


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
        raise ProtocolError(403, refused.refusal.value, "this device may not do that now") from None
    except IntegrityConflictError:
        raise ProtocolError(503, "database_unavailable", "the upload collided with another; resend") from None


class IclockCalls:
    """The handlers, bound to the ADMS service."""

    def __init__(self, adms: AdmsService) -> None:
        self._adms = adms

    async def handshake(self, request: Request) -> Response:
        """``GET /iclock/cdata?SN=..&options=all``: the options reply."""
        call = device_call(request)
        return text(await run(self._adms.handshake, call, request.query_params.get("pushver")))

    async def upload(self, request: Request) -> Response:
        """``POST /iclock/cdata?SN=..&table=..&Stamp=..``: ``OK: <n>`` for ATTLOG and OPERLOG, else ``OK``."""
        call = device_call(request)
        body = decode(await read_body(request, MAX_ICLOCK_BYTES))
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
        call = device_call(request)
        return text(await run(self._adms.poll, call, request.query_params.get("INFO")))

    async def results(self, request: Request) -> Response:
        """``POST /iclock/devicecmd?SN=..``: command results close their commands."""
        call = device_call(request)
        body = decode(await read_body(request, MAX_ICLOCK_BYTES))
        await run(self._adms.command_results, call, body)
        return text("OK")

    async def ping(self, request: Request) -> Response:
        """``GET /iclock/ping?SN=..``: the device is alive."""
        await run(self._adms.ping, device_call(request))
        return text("OK")


def iclock_router(ctx: ListenerContext) -> APIRouter:
    """The ``/iclock`` routes; PUSH 3.x ``/iclock/registry`` and ``/iclock/push`` stay 404 in v1."""
    router = APIRouter(prefix="/iclock", tags=["ZKTeco PUSH (ADMS)"])
    calls = IclockCalls(ctx.services.adms)
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
