"""Employees, positions and badges, with canonical card-UID normalisation (DOMAIN_RULES §2)."""

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from timetracker_desktop.domain.errors import ErrorCode, ValidationError

MAX_NAME_LENGTH = 128
PHONE_CODE_RE = re.compile(r"^EMP-[0-9A-F]{8}$")
_HEX_RE = re.compile(r"^[0-9A-F]+$")
_SEPARATORS_RE = re.compile(r"[\s:\-]")
VALID_UID_BYTES = (4, 7, 10)


class BadgeKind(StrEnum):
    """What identifies the holder: a card UID, a phone badge code, or an ADMS PIN."""

    CARD = "card"
    PHONE = "phone"
    PIN = "pin"


class KeyState(StrEnum):
    """Trust in a phone badge's public key."""

    NONE = "none"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"


class UidFormat(StrEnum):
    """How a terminal prints a card UID; maps it to the canonical form."""

    HEX = "hex"
    HEX_REVERSED = "hex_reversed"
    DECIMAL_LE = "decimal_le"
    DECIMAL_BE = "decimal_be"
    ZKTECO_BRACKET = "zkteco_bracket"


@dataclass(frozen=True, slots=True)
class Position:
    """A job title."""

    id: int
    name: str
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class Badge:
    """A credential held by one employee."""

    id: int
    employee_id: int
    kind: BadgeKind
    value: str
    key_state: KeyState = KeyState.NONE
    public_key_b64: str | None = None
    created_at: datetime | None = None
    revoked_at: datetime | None = None
    revoke_reason: str | None = None

    @property
    def is_active(self) -> bool:
        """A badge is active until revoked; revocation is final."""
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class Employee:
    """A person whose attendance is tracked."""

    id: int
    full_name: str
    position_id: int | None = None
    position_name: str | None = None
    is_active: bool = True
    comment: str | None = None


def validate_full_name(name: str | None) -> str:
    """Trim and check an employee's name."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValidationError("full name is required", code=ErrorCode.NAME_REQUIRED, field="full_name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError(
            f"full name is longer than {MAX_NAME_LENGTH} characters",
            code=ErrorCode.NAME_TOO_LONG,
            field="full_name",
        )
    return cleaned


def normalize_phone_code(raw: str) -> str:
    """Canonical phone badge code: trimmed, upper-case ``EMP-`` + 8 hex digits."""
    code = raw.strip().upper()
    if code.startswith("EMP:"):
        code = code[4:]
    if not PHONE_CODE_RE.match(code):
        raise ValidationError(
            f"phone badge code must look like EMP-1A2B3C4D, got {raw!r}",
            code=ErrorCode.BAD_PHONE_CODE,
            field="phone_code",
        )
    return code


def normalize_card_uid(raw: str) -> str:
    """Canonical card UID from typed or hex input: upper-case hex of 4, 7 or 10 bytes, no separators."""
    text = _SEPARATORS_RE.sub("", raw.strip()).upper()
    if text.startswith("0X"):
        text = text[2:]
    if not text or not _HEX_RE.match(text) or len(text) % 2:
        raise ValidationError(
            f"card UID must be hexadecimal bytes, got {raw!r}", code=ErrorCode.BAD_UID, field="card_uid"
        )
    if len(text) // 2 not in VALID_UID_BYTES:
        raise ValidationError(
            f"card UID must have 4, 7 or 10 bytes, got {len(text) // 2}",
            code=ErrorCode.BAD_UID_LENGTH,
            field="card_uid",
        )
    return text


def _decimal_to_bytes(raw: str, *, little_endian: bool) -> bytes:
    number = int(raw)
    for size in VALID_UID_BYTES:
        if number < 1 << (8 * size):
            return number.to_bytes(size, "little" if little_endian else "big")
    raise ValidationError(f"decimal UID {raw!r} is too large", code=ErrorCode.BAD_UID, field="card_uid")


def uid_from_terminal(raw: str, uid_format: UidFormat) -> str:
    """Map a UID as a terminal sends it to the canonical form; the declared format decides, never a guess."""
    text = raw.strip()
    if uid_format in (UidFormat.DECIMAL_LE, UidFormat.DECIMAL_BE):
        if not text.isdigit() or not text.isascii():
            raise ValidationError(
                f"expected a decimal UID, got {raw!r}", code=ErrorCode.BAD_UID, field="nfc_uid"
            )
        data = _decimal_to_bytes(text, little_endian=uid_format is UidFormat.DECIMAL_LE)
        return data.hex().upper()
    if uid_format is UidFormat.ZKTECO_BRACKET:
        text = text.removeprefix("[").removesuffix("]")
    canonical = normalize_card_uid(text)
    if uid_format is UidFormat.HEX_REVERSED:
        return bytes.fromhex(canonical)[::-1].hex().upper()
    return canonical


def is_random_uid(canonical: str) -> bool:
    """4-byte UIDs starting 08 are ISO 14443-3 random IDs (phones) and never identify anyone."""
    return len(canonical) == 8 and canonical.startswith("08")


@dataclass(frozen=True, slots=True)
class UidForms:
    """The forms other readers print for one card, shown next to the canonical UID."""

    canonical: str
    reversed_hex: str
    decimal_le: str
    decimal_be: str


def uid_forms(canonical: str) -> UidForms:
    """Decimal and reversed forms of a canonical UID."""
    data = bytes.fromhex(canonical)
    return UidForms(
        canonical=canonical,
        reversed_hex=data[::-1].hex().upper(),
        decimal_le=str(int.from_bytes(data, "little")),
        decimal_be=str(int.from_bytes(data, "big")),
    )
