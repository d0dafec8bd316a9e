"""Protocol replies: compact UTF-8 JSON with every key present, and the common error body (§1)."""

from collections.abc import Mapping
from typing import Any

from starlette.responses import JSONResponse

JSON_MEDIA_TYPE = "application/json; charset=utf-8"


class JsonReply(JSONResponse):
    """``application/json; charset=utf-8``, compact, non-ASCII kept as UTF-8 (the terminal shows names)."""

    media_type = JSON_MEDIA_TYPE


class ProtocolError(Exception):
    """A refusal answered with ``{"ok":false,"error":...,"detail":...}`` and a non-2xx status."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.field = field
        self.headers = dict(headers or {})


def error_body(code: str, detail: str, field: str | None = None) -> dict[str, Any]:
    """The error body in the contract's key order; ``field`` only for 422."""
    body: dict[str, Any] = {"ok": False, "error": code, "detail": detail}
    if field is not None:
        body["field"] = field
    return body


def error_reply(error: ProtocolError) -> JsonReply:
    """The reply for a protocol error."""
    return JsonReply(error_body(error.code, error.detail, error.field), error.status, error.headers)
