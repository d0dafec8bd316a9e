"""Reading a presented card through emulated cards, without PC/SC."""

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from emulators.badge_phone import BadgePhone, session_key
from emulators.vpcd_card import Responder, chaining_reader, phone_card, plain_card, truncating_reader

from timetracker_desktop.hardware.apdu import SIGN_HEADER, CardGoneError
from timetracker_desktop.hardware.card_reading import read_card
from timetracker_desktop.hardware.outcomes import (
    CardRead,
    DisabledBadgeRead,
    PhoneBadgeRead,
    ReadFailed,
    ReadFailure,
    ReadInterrupted,
)
from timetracker_desktop.services.ingest.badge_crypto import key_fingerprint

CODE = "EMP-1A2B3C4D"
CHALLENGE = bytes(range(32))


class Recorder:
    """Passes C-APDUs to a card and keeps them; optionally the card leaves after ``vanish_after`` of them."""

    def __init__(self, card: Responder, vanish_after: int | None = None) -> None:
        self.sent: list[bytes] = []
        self._card = card
        self._vanish_after = vanish_after

    def __call__(self, apdu: bytes) -> bytes:
        self.sent.append(apdu)
        if self._vanish_after is not None and len(self.sent) >= self._vanish_after:
            raise CardGoneError("gone")
        return self._card(apdu)


def read(card: Responder) -> object:
    return read_card(Recorder(card), lambda: CHALLENGE)


def test_plain_card_gives_uid_and_forms() -> None:
    outcome = read(plain_card(bytes.fromhex("15CD5B07")))
    assert isinstance(outcome, CardRead)
    assert (outcome.uid, outcome.forms.decimal_le) == ("15CD5B07", "123456789")


def test_phone_without_badge_app_is_a_random_uid() -> None:
    outcome = read(plain_card(bytes.fromhex("08123456")))
    assert isinstance(outcome, CardRead)
    assert outcome.is_random_uid


def test_badge_phone_signs_the_local_challenge() -> None:
    phone = BadgePhone(CODE, session_key(0))
    send = Recorder(phone_card(phone))
    outcome = read_card(send, lambda: CHALLENGE)
    assert outcome == PhoneBadgeRead(CODE, phone.public_key_b64, True, key_fingerprint(phone.public_key_b64))
    assert send.sent[-1] == SIGN_HEADER + CHALLENGE


def test_wrong_signer_is_not_verified() -> None:
    outcome = read(phone_card(BadgePhone(CODE, session_key(0), signing_key=session_key(1))))
    assert isinstance(outcome, PhoneBadgeRead)
    assert not outcome.verified


def test_sign_refused_is_not_verified() -> None:
    phone = phone_card(BadgePhone(CODE, session_key(0)))
    outcome = read(lambda apdu: b"\x6a\x82" if apdu.startswith(SIGN_HEADER) else phone(apdu))
    assert isinstance(outcome, PhoneBadgeRead)
    assert not outcome.verified


def test_disabled_badge() -> None:
    assert read(phone_card(BadgePhone(CODE, session_key(0), disabled=True))) == DisabledBadgeRead()


@pytest.mark.parametrize("vanish_after", [1, 2, 3, 4])
def test_card_leaving_mid_read_is_interrupted(vanish_after: int) -> None:
    card = phone_card(BadgePhone(CODE, session_key(0)))
    assert read_card(Recorder(card, vanish_after), lambda: CHALLENGE) == ReadInterrupted()


def test_truncating_reader_fails_with_advice() -> None:
    outcome = read(truncating_reader(phone_card(BadgePhone(CODE, session_key(0)))))
    assert isinstance(outcome, ReadFailed)
    assert outcome.reason is ReadFailure.TRUNCATED_RESPONSE


def test_chaining_reader_is_followed() -> None:
    outcome = read(chaining_reader(phone_card(BadgePhone(CODE, session_key(0)))))
    assert isinstance(outcome, PhoneBadgeRead)
    assert outcome.verified


def test_phone_with_a_weak_key_is_refused() -> None:
    outcome = read(phone_card(BadgePhone(CODE, _weak_key())))
    assert isinstance(outcome, ReadFailed)
    assert outcome.reason is ReadFailure.INVALID_PUBLIC_KEY


def test_card_without_uid_support_fails() -> None:
    outcome = read(lambda _apdu: b"\x6a\x81")
    assert isinstance(outcome, ReadFailed)
    assert outcome.reason is ReadFailure.UNEXPECTED_STATUS


def _weak_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - the key to refuse
