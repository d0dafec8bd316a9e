"""Request bodies: size-limited, parsed as JSON whatever the Content-Type (FastAPI reads only JSON ones)."""

import json
from typing import Any

from starlette.requests import Request

from timetracker_desktop.listener.replies import ProtocolError

MAX_JSON_BYTES = 64 * 1024


def _too_large(limit: int) -> ProtocolError:
    return ProtocolError(413, "body_too_large", f"the body exceeds {limit} bytes")


async def read_body(request: Request, limit: int = MAX_JSON_BYTES) -> bytes:
    """The raw body, refused with 413 as soon as it passes ``limit`` (announced or actual length)."""
    announced = request.headers.get("content-length", "")
    if announced.isdigit() and int(announced) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def json_object(raw: bytes, *, allow_empty: bool = False) -> dict[str, Any]:
    """A JSON object from UTF-8 bytes; anything else (NaN, arrays, bad UTF-8, absurd nesting) is 400."""
    if allow_empty and not raw.strip():
        return {}
    try:
        value = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constants)
    except (ValueError, RecursionError):
        raise ProtocolError(400, "malformed_json", "the body is not a JSON object") from None
    if not isinstance(value, dict):
        raise ProtocolError(400, "malformed_json", "the body is not a JSON object")
    return value
