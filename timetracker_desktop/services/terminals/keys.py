"""Terminal keys: generated once, stored only as SHA-256, compared in constant time; the QR payload."""

import hashlib
import hmac
import ipaddress
import json
import re
import secrets

from timetracker_desktop.domain.errors import ErrorCode, ValidationError

KEY_BYTES = 32
_SERVER_RE = re.compile(r"^http://(?P<host>[0-9.]+):(?P<port>\d{1,5})$")


def new_key() -> str:
    """32 CSPRNG bytes, URL-safe base64 without padding: 43 characters (the legacy format)."""
    return secrets.token_urlsafe(KEY_BYTES)


def hash_key(key: str) -> str:
    """SHA-256 hex of a key as sent in X-Terminal-Key."""
    return hashlib.sha256(key.strip().encode("utf-8")).hexdigest()


def keys_match(stored_hash: str | None, key: str) -> bool:
    """Constant-time comparison of a presented key with a stored hash."""
    return stored_hash is not None and hmac.compare_digest(stored_hash, hash_key(key))


def check_server_url(server: str) -> str:
    """The QR's server: ``http://IPv4:port`` on a LAN address, never loopback or 0.0.0.0."""
    match = _SERVER_RE.match(server.strip())
    if not match:
        raise ValidationError(
            "server must look like http://192.168.1.20:8000", code=ErrorCode.BAD_SERVER_URL, field="server"
        )
    try:
        address = ipaddress.IPv4Address(match["host"])
    except ValueError:
        raise ValidationError(
            "server must be an IPv4 address", code=ErrorCode.BAD_SERVER_URL, field="server"
        ) from None
    if address.is_loopback or address.is_unspecified or address.is_multicast:
        raise ValidationError(
            "terminals cannot reach loopback or 0.0.0.0: pick this PC's LAN address",
            code=ErrorCode.UNREACHABLE_SERVER_URL,
            field="server",
        )
    if not 0 < int(match["port"]) < 65536:
        raise ValidationError("port must be 1-65535", code=ErrorCode.BAD_SERVER_URL, field="server")
    return server.strip()


def qr_payload(server: str, key: str, terminal_id: int, terminal_name: str) -> str:
    """Exactly the JSON the Android terminal app scans (non-ASCII escaped as \\uXXXX)."""
    payload = {
        "server": check_server_url(server),
        "api_key": key,
        "terminal_id": terminal_id,
        "terminal_name": terminal_name,
    }
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=True)
