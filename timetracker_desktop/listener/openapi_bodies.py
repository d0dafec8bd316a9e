"""OpenAPI fragments: bodies read by hand are still documented from the validating models (H13)."""

from typing import Any

from pydantic import BaseModel

from timetracker_desktop.listener.schemas import ErrorReply

TERMINAL_KEY_HEADER = "X-Terminal-Key"
_KEY_TEXT = "The terminal's key from its QR code."
# Documented here and read by hand: FastAPI's per-request solving of a declared header parameter was a
# quarter of the ASGI cost of /challenge (docs/benchmarks.md).
_KEY_PARAMETER = {
    "name": TERMINAL_KEY_HEADER,
    "in": "header",
    "required": False,
    "schema": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": TERMINAL_KEY_HEADER},
    "description": _KEY_TEXT,
}
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


def terminal_request(model: type[BaseModel], *, required: bool = True) -> dict[str, Any]:
    """``openapi_extra`` of a terminal call: its JSON body and the key header."""
    return {**json_body(model, required=required), "parameters": [_KEY_PARAMETER]}


def replies(ok: type[BaseModel], *errors: int) -> dict[int | str, dict[str, Any]]:
    """``responses`` for a 200 model and the error statuses an endpoint can give."""
    documented: dict[int | str, dict[str, Any]] = {200: {"model": ok}}
    for status in errors:
        documented[status] = {"model": ErrorReply, "description": _ERROR_TEXT[status]}
    return documented
