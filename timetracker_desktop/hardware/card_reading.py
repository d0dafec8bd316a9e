"""One read of a presented card: a badge phone proves possession of its key, a plain card gives its UID."""

import base64
import logging
from collections.abc import Callable

from timetracker_desktop.domain.employees import uid_forms
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.hardware.apdu import (
    GET_EMP,
    GET_PUB,
    GET_UID,
    PUB_REPLY_BYTES,
    SELECT_BADGE,
    SIGN_REPLY_BYTES,
    ApduError,
    CardGoneError,
    Response,
    Send,
    check_long_reply,
    parse_employee_code,
    parse_public_key,
    parse_signature,
    parse_uid,
    sign_command,
    transmit_chained,
)
from timetracker_desktop.hardware.outcomes import (
    CardOutcome,
    CardRead,
    DisabledBadgeRead,
    PhoneBadgeRead,
    ReadFailed,
    ReadFailure,
    ReadInterrupted,
)
from timetracker_desktop.services.ingest.badge_crypto import (
    key_fingerprint,
    new_challenge,
    validate_public_key,
    verify_signature,
)

logger = logging.getLogger(__name__)

ChallengeSource = Callable[[], bytes]


class _BadgeDisabledError(Exception):
    """The phone answered ``DISABLED``."""


def fresh_challenge() -> bytes:
    """32 new CSPRNG bytes for the possession proof."""
    return new_challenge()[0]


def read_card(send: Send, challenge: ChallengeSource = fresh_challenge) -> CardOutcome:
    """Read the card behind ``send``; ``send`` raises ``CardGoneError`` when the card leaves the field."""
    try:
        return _read(send, challenge)
    except CardGoneError:
        logger.info("card left the reader during the read")
        return ReadInterrupted()
    except ApduError as exc:
        logger.warning("card read failed (%s): %s", exc.reason, exc.detail)
        return ReadFailed(exc.reason, exc.detail)


def _read(send: Send, challenge: ChallengeSource) -> CardOutcome:
    try:
        if _command(send, SELECT_BADGE).ok:
            return _read_phone(send, challenge)
    except _BadgeDisabledError:
        logger.info("badge phone with a disabled badge")
        return DisabledBadgeRead()
    uid = parse_uid(_command(send, GET_UID).expect_ok("GET DATA UID"))
    logger.debug("card read, %d-byte UID", len(uid) // 2)
    return CardRead(uid, uid_forms(uid))


def _command(send: Send, command: bytes, long_reply: int = 0) -> Response:
    raw = transmit_chained(send, command)
    if long_reply:
        check_long_reply(raw, long_reply)
    response = Response.parse(raw)
    if response.disabled:
        raise _BadgeDisabledError
    return response


def _read_phone(send: Send, challenge: ChallengeSource) -> PhoneBadgeRead:
    code = parse_employee_code(_command(send, GET_EMP).expect_ok("GET_EMP"))
    public_key_b64 = _public_key(_command(send, GET_PUB, PUB_REPLY_BYTES).expect_ok("GET_PUB"))
    nonce = challenge()
    signed = _command(send, sign_command(nonce), SIGN_REPLY_BYTES)
    verified = signed.ok and verify_signature(public_key_b64, nonce, parse_signature(signed.data))
    logger.info("badge phone read, possession %s", "proven" if verified else "NOT proven")
    return PhoneBadgeRead(code, public_key_b64, verified, key_fingerprint(public_key_b64))


def _public_key(data: bytes) -> str:
    try:
        der = validate_public_key(parse_public_key(data))
    except ValidationError as exc:
        raise ApduError(ReadFailure.INVALID_PUBLIC_KEY, exc.message) from None
    return base64.b64encode(der).decode("ascii")
