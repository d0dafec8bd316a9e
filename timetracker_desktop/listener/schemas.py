"""Strict request models of the terminal API and the reply models /openapi.json documents (§3, §5)."""

from datetime import UTC, datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, ValidationError

from timetracker_desktop.listener.replies import ProtocolError

MAX_EPOCH_MS = 253_402_300_799_999  # 9999-12-31T23:59:59.999Z
MAX_TERMINAL_ID = 2_147_483_647
# Keeps any zone conversion of an ISO time inside datetime's range.
MIN_YEAR, MAX_YEAR = 1970, 9998

TerminalNumber = Annotated[StrictInt, Field(gt=0, le=MAX_TERMINAL_ID)]
TerminalText = Annotated[str, StringConstraints(pattern=r"^[Tt]?[1-9][0-9]{0,9}$")]
TerminalId = Annotated[
    TerminalNumber | TerminalText,
    Field(description='The terminal\'s id: an integer > 0, "<n>" or "T<n>"; must be the key\'s terminal.'),
]
EpochMs = Annotated[
    StrictInt, Field(ge=0, le=MAX_EPOCH_MS, description="Terminal clock, epoch milliseconds.")
]
PhoneCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, min_length=1, max_length=64),
    Field(description="The badge code after EMP:, e.g. EMP-1A2B3C4D."),
]


class TerminalRequest(BaseModel):
    """Fields every terminal request may carry; unknown fields are ignored."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)

    terminal_id: TerminalId | None = None

    def terminal_number(self) -> int | None:
        """The terminal id as an integer, whichever way it was written."""
        value = self.terminal_id
        if value is None or isinstance(value, int):
            return value
        return int(value.lstrip("Tt"))


class ChallengeRequest(TerminalRequest):
    """``/api/terminal/challenge``: the body may be empty (``{}``)."""


class SecureScanRequest(TerminalRequest):
    """``/api/terminal/secure-scan``."""

    terminal_id: TerminalId
    employee_uid: PhoneCode
    direction: str | None = Field(
        default=None, description='Ignored: the server decides (terminals send "IN").'
    )
    ts: EpochMs | None = None
    challenge_b64: Annotated[str, Field(max_length=128)]
    signature_b64: Annotated[str, Field(max_length=1024)]


class FirstScanRequest(TerminalRequest):
    """``/api/register/first-scan``."""

    terminal_id: TerminalId
    employee_uid: PhoneCode
    public_key_b64: Annotated[str, Field(max_length=1024, description="Base64 of the RSA-2048 SPKI DER.")]


IsoTime = Annotated[str, Field(max_length=64, description="ISO-8601; without an offset, the office zone.")]


class NfcRequest(TerminalRequest):
    """``/api/nfc`` from card-UID terminals."""

    nfc_uid: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    ts: EpochMs | IsoTime | None = None
    direction: Annotated[str, StringConstraints(pattern=r"^([Ii][Nn]|[Oo][Uu][Tt])$")] | None = None
    event_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:-]{1,64}$")] | None = None


class ChallengeReply(BaseModel):
    """A fresh challenge: 43 characters of URL-safe base64."""

    challenge_b64: str


class ScanReply(BaseModel):
    """Every secure-scan answer is HTTP 200; ``ok:false`` is voiced as "access denied"."""

    ok: bool
    message: str
    employee_id: int | None
    employee_name: str | None
    direction: Literal["IN", "OUT"] | None


class EnrollReply(BaseModel):
    """The key is stored (or already was)."""

    ok: Literal[True]
    status: Literal["public_key_saved", "public_key_unchanged"]
    employee_id: int


class NfcReply(BaseModel):
    """Every card-scan answer of 200 carries all keys."""

    ok: bool
    status: str
    message: str
    employee_id: int | None
    employee_name: str | None
    direction: Literal["IN", "OUT"] | None
    punch_id: int | None
    event_id: str | None
    duplicate: bool
    retry_after_s: int | None
    server_time: str


class ErrorReply(BaseModel):
    """Every non-2xx answer."""

    ok: Literal[False]
    error: str
    detail: str
    field: str | None = None


class HealthReply(BaseModel):
    """``/health``."""

    status: Literal["ok"]
    app: str
    version: str
    server_time: str


M = TypeVar("M", bound=BaseModel)


def _field_name(error: Any) -> str:
    location = [part for part in error.get("loc", ()) if isinstance(part, str)]
    return location[0] if location else "body"


def parse(model: type[M], data: dict[str, Any]) -> M:
    """Validate a parsed body; the first problem is answered 422 ``invalid_field`` naming the field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False, include_input=False)[0]
        raise ProtocolError(422, "invalid_field", str(first["msg"]), field=_field_name(first)) from None


def epoch_ms_to_utc(value: int) -> datetime:
    """A terminal's epoch milliseconds as an aware UTC instant."""
    return datetime.fromtimestamp(value / 1000, UTC)


def iso_time(value: str) -> datetime:
    """An ISO-8601 time, aware in UTC, or naive (the service reads naive times in the office zone)."""
    try:
        parsed = datetime.fromisoformat(value.strip())
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise ValueError("year out of range")
        return parsed if parsed.tzinfo is None else parsed.astimezone(UTC)
    except ValueError:
        raise ProtocolError(
            422, "invalid_field", "ts must be ISO-8601 or epoch milliseconds", field="ts"
        ) from None
