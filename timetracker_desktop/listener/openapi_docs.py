"""OpenAPI fragments: bodies read by hand are still documented from the validating models (H13)."""

from typing import Annotated, Any

from fastapi import Header
from pydantic import BaseModel

from timetracker_desktop.listener.schemas import ErrorReply

TerminalKey = Annotated[
    str | None, Header(alias="X-Terminal-Key", description="The terminal's key from its QR code.")
]
_ERROR_TEXT = {
    400: "malformed_json",
    401: "missing_key / invalid_key",
    403: "terminal_disabled / terminal_mismatch / not_permitted",
    404: "unknown_badge",
    409: "conflict",
    413: "body_too_large",
    422: "invalid_field",
    429: "rate_limited (Retry-After)",
    503: "database_unavailable",
}
TERMINAL_ERRORS = (400, 401, 403, 413, 422, 429, 503)


def json_body(model: type[BaseModel], *, required: bool = True) -> dict[str, Any]:
    """``openapi_extra`` documenting a JSON request body by its model (accepted whatever the Content-Type)."""
    schema = model.model_json_schema()
    return {"requestBody": {"required": required, "content": {"application/json": {"schema": schema}}}}


def replies(ok: type[BaseModel], *errors: int) -> dict[int | str, dict[str, Any]]:
    """``responses`` for a 200 model and the error statuses an endpoint can give."""
    documented: dict[int | str, dict[str, Any]] = {200: {"model": ok}}
    for status in errors:
        documented[status] = {"model": ErrorReply, "description": _ERROR_TEXT[status]}
    return documented
