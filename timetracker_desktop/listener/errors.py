"""Exception handlers: every failure is the common error body; bad input never gives a 5xx (H8, H11)."""

import logging

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from timetracker_desktop.listener.arrival import unavailable_reply
from timetracker_desktop.listener.replies import JsonReply, ProtocolError, error_body, error_reply
from timetracker_desktop.repositories.ports.storage import IntegrityConflictError, StorageUnavailableError

log = logging.getLogger(__name__)
_HTTP_CODES = {404: "not_found", 405: "method_not_allowed"}


async def _protocol(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProtocolError)  # noqa: S101 - narrows the type for mypy
    return error_reply(exc)


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)  # noqa: S101 - narrows the type for mypy
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    return JsonReply(error_body(code, str(exc.detail)), exc.status_code, exc.headers)


async def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)  # noqa: S101 - narrows the type for mypy
    first = exc.errors()[0] if exc.errors() else {}
    location = [str(p) for p in first.get("loc", ()) if isinstance(p, str)]
    field = location[-1] if location else "request"
    return JsonReply(error_body("invalid_field", str(first.get("msg", "invalid")), field), 422)


async def _storage(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StorageUnavailableError)  # noqa: S101 - narrows the type for mypy
    # The cause is plain words; the driver's detail may name hosts, so it is logged, not sent (H13).
    log.warning("database unavailable for %s: %s", request.url.path, exc, extra={"source": _source(request)})
    return unavailable_reply(exc.cause)


async def _gone(request: Request, exc: Exception) -> Response:
    # A client that hangs up mid-body is no fault of ours: one line, no trace (4,000 traces rotated the
    # log away). The reply goes nowhere.
    log.info("client %s went away before its body for %s was read", _source(request), request.url.path,
             extra={"source": _source(request)})  # fmt: skip
    return Response(status_code=400)


def _source(request: Request) -> str | None:
    return request.client.host if request.client else None


async def _conflict(request: Request, exc: Exception) -> Response:
    log.warning("storage conflict on %s: %s", request.url.path, exc)
    return JsonReply(error_body("conflict", "the event collided with another; retry"), 409)


async def _bug(request: Request, exc: Exception) -> Response:
    # Logged with its trace by the server; the terminal gets no trace.
    return JsonReply(error_body("internal_error", "internal error"), 500)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on an application."""
    app.add_exception_handler(ProtocolError, _protocol)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StorageUnavailableError, _storage)
    app.add_exception_handler(ClientDisconnect, _gone)
    app.add_exception_handler(IntegrityConflictError, _conflict)
    app.add_exception_handler(Exception, _bug)
