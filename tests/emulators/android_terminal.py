"""The Android terminal app as the listener sees it: Gson JSON, X-Terminal-Key, challenge -> phone -> scan."""

import base64
import json
from dataclasses import dataclass
from typing import Any

import httpx

from emulators.badge_phone import GET_EMP, GET_PUB, SELECT_PREFIX, SIGN_HEADER, SW_OK, BadgePhone

# Gson's default HTML-safe escaping; signatures therefore end in \u003d\u003d on the wire.
_GSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "=": "\\u003d", "'": "\\u0027"}
GSON_CONTENT_TYPE = "application/json; charset=UTF-8"
PLEASE_WAIT_WORDS = ("cooldown", "too fast", "wait", "зачекайте")


def gson_dumps(payload: dict[str, Any]) -> bytes:
    """JSON as Gson writes it: compact, UTF-8, HTML-sensitive characters as \\u escapes."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _GSON_ESCAPES.items():
        text = text.replace(char, escape)
    return text.encode("utf-8")


def voice(response: httpx.Response) -> str:
    """What the terminal says: "no connection" for non-2xx or unparsable replies, then the message rules."""
    if not response.is_success:
        return "no connection"
    try:
        body = response.json()
    except ValueError:
        return "no connection"
    message = str(body.get("message", "")).lower()
    if any(word in message for word in PLEASE_WAIT_WORDS):
        return "please wait"
    return "granted" if body.get("ok") is True else "access denied"


def _apdu_text(phone: BadgePhone, apdu: bytes) -> str:
    answer = phone.respond(apdu)
    assert answer.endswith(SW_OK), answer.hex()
    return answer[:-2].decode("ascii")


def read_code(phone: BadgePhone) -> str:
    """SELECT, then GET_EMP: the code after ``EMP:``."""
    _apdu_text(phone, SELECT_PREFIX + b"\x00")
    return _apdu_text(phone, GET_EMP).removeprefix("EMP:")


def sign_challenge(phone: BadgePhone, challenge_b64: str) -> str:
    """SIGN with the 32 bytes URL-safe-decoded from the challenge, as the terminal sends it."""
    raw = base64.urlsafe_b64decode(challenge_b64 + "=" * (-len(challenge_b64) % 4))
    return _apdu_text(phone, SIGN_HEADER + raw)


@dataclass
class AndroidTerminal:
    """One tablet: its key and id, speaking through an httpx client to the listener."""

    client: httpx.Client
    key: str
    terminal_id: int

    def post(self, path: str, payload: dict[str, Any], *, key: str | None = None) -> httpx.Response:
        """A Gson-encoded POST with the terminal key."""
        headers = {"Content-Type": GSON_CONTENT_TYPE, "X-Terminal-Key": self.key if key is None else key}
        return self.client.post(path, content=gson_dumps(payload), headers=headers)

    def challenge(self) -> httpx.Response:
        """Ask for a challenge."""
        return self.post("/api/terminal/challenge", {"terminal_id": self.terminal_id})

    def scan(self, phone: BadgePhone, *, ts: int | None = 1772517605123, **override: Any) -> httpx.Response:
        """A full secure scan: GET_EMP, challenge, SIGN, secure-scan (``override`` replaces body fields)."""
        code = read_code(phone)
        challenge = self.challenge().json()["challenge_b64"]
        payload: dict[str, Any] = {
            "employee_uid": code,
            "terminal_id": self.terminal_id,
            "direction": "IN",
            "ts": ts,
            "challenge_b64": challenge,
            "signature_b64": sign_challenge(phone, challenge),
        }
        payload.update(override)
        return self.post("/api/terminal/secure-scan", {k: v for k, v in payload.items() if v is not None})

    def first_scan(self, phone: BadgePhone, **override: Any) -> httpx.Response:
        """Register mode: GET_EMP and GET_PUB, then first-scan with the ``"T<n>"`` id form."""
        code = read_code(phone)
        public_key = _apdu_text(phone, GET_PUB).removeprefix("PUB:")
        payload: dict[str, Any] = {
            "employee_uid": code,
            "terminal_id": f"T{self.terminal_id}",
            "public_key_b64": public_key,
        }
        payload.update(override)
        return self.post("/api/register/first-scan", payload)
