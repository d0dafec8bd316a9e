"""Exception handlers: every failure is the common error body; bad input never gives a 5xx (H8, H11)."""

import logging

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

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
    log.warning("database unavailable for %s: %s", request.url.path, exc)
    return JsonReply(error_body("database_unavailable", f"database unavailable: {exc.cause}"), 503)


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
    app.add_exception_handler(IntegrityConflictError, _conflict)
    app.add_exception_handler(Exception, _bug)
