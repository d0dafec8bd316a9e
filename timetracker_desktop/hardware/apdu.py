"""Desk-reader APDUs (TERMINAL_PROTOCOL §4): badge-phone commands, GET DATA UID, and reply parsing."""

from collections.abc import Callable
from dataclasses import dataclass

from timetracker_desktop.domain.employees import normalize_card_uid, normalize_phone_code
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.hardware.outcomes import ReadFailure

BADGE_AID = bytes.fromhex("F0010203040506")
SELECT_BADGE = bytes.fromhex("00A4040007") + BADGE_AID + b"\x00"
GET_EMP = bytes.fromhex("00CA000000")
GET_PUB = bytes.fromhex("00CC000000")
GET_UID = bytes.fromhex("FFCA000000")
SIGN_HEADER = bytes.fromhex("00CB")
CHALLENGE_BYTES = 32

SW_OK = 0x9000
SW_FILE_NOT_FOUND = 0x6A82
SW_BYTES_REMAINING = 0x61
DISABLED = b"DISABLED"
EMP_PREFIX = b"EMP:"
PUB_PREFIX = b"PUB:"

SHORT_APDU_LIMIT = 256
PUB_REPLY_BYTES = 398
SIGN_REPLY_BYTES = 346
MAX_GET_RESPONSE_ROUNDS = 16

Send = Callable[[bytes], bytes]


class CardGoneError(Exception):
    """The card left the field while a command was in flight."""


class ApduError(Exception):
    """A reply we cannot use; ``reason`` says which kind, ``detail`` says what (English)."""

    def __init__(self, reason: ReadFailure, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class TruncatedResponseError(ApduError):
    """The reader cut a long reply (GET_PUB 398 bytes, SIGN 346) to its short-APDU limit."""

    def __init__(self, received: int, expected: int) -> None:
        super().__init__(
            ReadFailure.TRUNCATED_RESPONSE,
            f"the reader returned only {received} of the badge phone's {expected} bytes; this reader model "
            "cannot enroll phones: enroll the phone through an Android terminal in register mode instead",
        )
        self.received = received
        self.expected = expected


@dataclass(frozen=True, slots=True)
class Response:
    """An R-APDU split into data and status word."""

    data: bytes
    sw: int

    @classmethod
    def parse(cls, raw: bytes) -> "Response":
        """Split ``raw`` (data + SW1 SW2); fewer than two bytes is malformed."""
        if len(raw) < 2:
            raise ApduError(ReadFailure.MALFORMED_RESPONSE, f"reply of {len(raw)} bytes has no status word")
        return cls(raw[:-2], int.from_bytes(raw[-2:], "big"))

    @property
    def ok(self) -> bool:
        """Status 90 00."""
        return self.sw == SW_OK

    @property
    def disabled(self) -> bool:
        """The badge app answered ``DISABLED``: the employee's badge is switched off on the phone."""
        return self.ok and self.data == DISABLED

    def expect_ok(self, command: str) -> bytes:
        """The data of a 90 00 reply; ``ApduError`` for any other status."""
        if not self.ok:
            raise ApduError(ReadFailure.UNEXPECTED_STATUS, f"{command} answered status {self.sw:04X}")
        return self.data


def sign_command(challenge: bytes) -> bytes:
    """SIGN: ``00 CB`` and the 32 raw challenge bytes, 34 bytes exactly (no P1/P2/Lc/Le)."""
    if len(challenge) != CHALLENGE_BYTES:
        raise ValueError(f"a challenge has {CHALLENGE_BYTES} bytes, got {len(challenge)}")
    return SIGN_HEADER + challenge


def get_response_command(length: int) -> bytes:
    """GET RESPONSE for ``length`` bytes (from SW2 of a 61 xx status; 0 means 256)."""
    return bytes((0x00, 0xC0, 0x00, 0x00, length))


def transmit_chained(send: Send, command: bytes) -> bytes:
    """Send ``command`` and follow 61 xx with GET RESPONSE until the card says anything else."""
    raw = send(command)
    data = b""
    for _ in range(MAX_GET_RESPONSE_ROUNDS):
        if len(raw) < 2 or raw[-2] != SW_BYTES_REMAINING:
            return data + raw
        data += raw[:-2]
        raw = send(get_response_command(raw[-1]))
    raise ApduError(ReadFailure.MALFORMED_RESPONSE, "the card kept answering 61 xx")


def check_long_reply(raw: bytes, expected: int) -> None:
    """Raise ``TruncatedResponseError`` for a long reply cut at the short-APDU limit (256 bytes, ± SW)."""
    if SHORT_APDU_LIMIT - 2 <= len(raw) < expected:
        raise TruncatedResponseError(len(raw), expected)


def parse_employee_code(data: bytes) -> str:
    """The badge code from a GET_EMP reply ``EMP:EMP-1A2B3C4D``."""
    try:
        return normalize_phone_code(_after_prefix(data, EMP_PREFIX, "GET_EMP"))
    except ValidationError as exc:
        raise ApduError(ReadFailure.MALFORMED_RESPONSE, f"GET_EMP: {exc.message}") from None


def parse_public_key(data: bytes) -> str:
    """The base64 text after ``PUB:`` in a GET_PUB reply (validated by the caller)."""
    return _after_prefix(data, PUB_PREFIX, "GET_PUB")


def parse_signature(data: bytes) -> str:
    """The signature text of a SIGN reply; garbage stays garbage and fails verification."""
    return data.decode("latin-1")


def parse_uid(data: bytes) -> str:
    """The canonical UID from a GET DATA UID reply."""
    try:
        return normalize_card_uid(data.hex())
    except ValidationError as exc:
        raise ApduError(ReadFailure.BAD_UID, f"GET DATA UID: {exc.message}") from None


def _after_prefix(data: bytes, prefix: bytes, command: str) -> str:
    if not data.startswith(prefix):
        raise ApduError(ReadFailure.MALFORMED_RESPONSE, f"{command} reply does not start with {prefix!r}")
    try:
        return data[len(prefix) :].decode("ascii")
    except UnicodeDecodeError:
        raise ApduError(ReadFailure.MALFORMED_RESPONSE, f"{command} reply is not ASCII") from None
