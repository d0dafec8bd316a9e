"""The desk reader service end to end against a real pcscd with the vpcd virtual reader."""

from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from emulators.badge_phone import BadgePhone, session_key
from emulators.vpcd_card import VpcdCard, phone_card, plain_card, truncating_reader
from pcsc_support import SECOND_READER, SECOND_VPCD_PORT, Pcscd, ReaderEvents

from timetracker_desktop.hardware.apdu import SELECT_BADGE
from timetracker_desktop.hardware.desk_reader import DeskReader
from timetracker_desktop.hardware.outcomes import (
    CardRead,
    DisabledBadgeRead,
    PhoneBadgeRead,
    ReaderFault,
    ReadFailed,
    ReadFailure,
    ReadInterrupted,
)
from timetracker_desktop.services.ingest.badge_crypto import key_fingerprint

pytestmark = pytest.mark.pcsc

CODE = "EMP-1A2B3C4D"


@pytest.fixture
def events() -> ReaderEvents:
    return ReaderEvents()


@pytest.fixture
def reader(pcscd: Pcscd, events: ReaderEvents) -> Iterator[DeskReader]:
    service = DeskReader(events.callbacks(), pcscd.reader)
    service.start()
    assert events.expect("reader_back") == pcscd.reader
    yield service
    service.stop()


@pytest.fixture
def key() -> rsa.RSAPrivateKey:
    return session_key(0)


def present(events: ReaderEvents, card: VpcdCard) -> object:
    """Tap ``card``; return what the reader made of it once the card is taken away again."""
    with card:
        outcome = events.expect("card_presented")
    events.expect("card_removed")
    return outcome


@pytest.mark.parametrize(
    ("uid", "reversed_hex", "decimal_le", "decimal_be"),
    [
        ("15CD5B07", "075BCD15", "123456789", "365779719"),
        ("04A2B3C4D5E680", "80E6D5C4B3A204", "36282602821493252", "1304792892040832"),
    ],
)
def test_card_uid_is_read_in_every_form(
    reader: DeskReader, events: ReaderEvents, uid: str, reversed_hex: str, decimal_le: str, decimal_be: str
) -> None:
    outcome = present(events, VpcdCard(plain_card(bytes.fromhex(uid))))
    assert isinstance(outcome, CardRead)
    assert outcome.uid == uid
    assert (outcome.forms.reversed_hex, outcome.forms.decimal_le, outcome.forms.decimal_be) == (
        reversed_hex,
        decimal_le,
        decimal_be,
    )
    assert not outcome.is_random_uid


def test_badge_phone_proves_possession_of_its_key(
    reader: DeskReader, events: ReaderEvents, key: rsa.RSAPrivateKey
) -> None:
    phone = BadgePhone(CODE, key)
    card = VpcdCard(phone_card(phone))
    outcome = present(events, card)
    assert outcome == PhoneBadgeRead(CODE, phone.public_key_b64, True, key_fingerprint(phone.public_key_b64))
    select, _emp, _pub, sign = card.apdus
    assert select == SELECT_BADGE
    assert len(sign) == 34


def test_phone_signing_with_another_key_is_not_verified(reader: DeskReader, events: ReaderEvents) -> None:
    phone = BadgePhone(CODE, session_key(0), signing_key=session_key(1))
    outcome = present(events, VpcdCard(phone_card(phone)))
    assert isinstance(outcome, PhoneBadgeRead)
    assert not outcome.verified


def test_disabled_badge_is_reported(reader: DeskReader, events: ReaderEvents, key: rsa.RSAPrivateKey) -> None:
    outcome = present(events, VpcdCard(phone_card(BadgePhone(CODE, key, disabled=True))))
    assert outcome == DisabledBadgeRead()


def test_card_pulled_away_mid_read_is_an_interrupted_read(
    reader: DeskReader, events: ReaderEvents, key: rsa.RSAPrivateKey
) -> None:
    card = VpcdCard(phone_card(BadgePhone(CODE, key)), vanish_after=2)
    card.insert()
    assert events.expect("card_presented") == ReadInterrupted()
    events.expect("card_removed")
    card.remove()
    assert reader.active_reader is not None


def test_reader_cutting_long_replies_asks_for_android_enrollment(
    reader: DeskReader, events: ReaderEvents, key: rsa.RSAPrivateKey
) -> None:
    outcome = present(events, VpcdCard(truncating_reader(phone_card(BadgePhone(CODE, key)))))
    assert isinstance(outcome, ReadFailed)
    assert outcome.reason is ReadFailure.TRUNCATED_RESPONSE
    assert "Android terminal in register mode" in outcome.detail


def test_selected_reader_can_change_while_running(reader: DeskReader, events: ReaderEvents) -> None:
    reader.select_reader(SECOND_READER)
    assert events.expect("reader_back") == SECOND_READER
    outcome = present(events, VpcdCard(plain_card(bytes.fromhex("15CD5B07")), port=SECOND_VPCD_PORT))
    assert isinstance(outcome, CardRead)
    assert reader.active_reader == SECOND_READER


def test_pcscd_restart_is_followed(pcscd: Pcscd, reader: DeskReader, events: ReaderEvents) -> None:
    """pcscd going away and coming back, as after a service restart (vpcd readers cannot be unplugged)."""
    pcscd.restart()
    assert events.expect("reader_gone") == pcscd.reader
    fault = events.expect("error")
    assert isinstance(fault, ReaderFault)
    assert events.expect("reader_back", timeout=10) == pcscd.reader
    assert pcscd.reader in reader.readers
    outcome = present(events, VpcdCard(plain_card(bytes.fromhex("15CD5B07"))))
    assert isinstance(outcome, CardRead)
