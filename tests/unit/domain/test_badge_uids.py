"""Canonical card UIDs and the forms other readers print (DOMAIN_RULES §2 table for card 15CD5B07)."""

import pytest

from timetracker_desktop.domain.employees import (
    UidFormat,
    is_random_uid,
    normalize_card_uid,
    normalize_phone_code,
    uid_forms,
    uid_from_terminal,
)
from timetracker_desktop.domain.errors import ValidationError


@pytest.mark.parametrize("typed", ["15cd5b07", "15:CD:5B:07", " 15-cd-5b-07 ", "0x15CD5B07", "15 CD 5B 07"])
def test_typed_uids_normalise(typed: str) -> None:
    assert normalize_card_uid(typed) == "15CD5B07"


@pytest.mark.parametrize(
    ("raw", "uid_format"),
    [
        ("15cd5b07", UidFormat.HEX),
        ("075BCD15", UidFormat.HEX_REVERSED),
        ("123456789", UidFormat.DECIMAL_LE),
        ("0123456789", UidFormat.DECIMAL_LE),
        ("365779719", UidFormat.DECIMAL_BE),
        ("[15CD5B07]", UidFormat.ZKTECO_BRACKET),
    ],
)
def test_terminal_formats_map_to_the_canonical_uid(raw: str, uid_format: UidFormat) -> None:
    assert uid_from_terminal(raw, uid_format) == "15CD5B07"


def test_forms_shown_next_to_a_uid() -> None:
    forms = uid_forms("15CD5B07")
    assert (forms.reversed_hex, forms.decimal_le, forms.decimal_be) == ("075BCD15", "123456789", "365779719")


def test_seven_byte_uid_and_large_decimals() -> None:
    assert normalize_card_uid("04a2b3c4d5e680") == "04A2B3C4D5E680"
    as_int = int.from_bytes(bytes.fromhex("04A2B3C4D5E680"), "little")
    assert uid_from_terminal(str(as_int), UidFormat.DECIMAL_LE) == "04A2B3C4D5E680"


@pytest.mark.parametrize("bad", ["", "15CD5B", "15CD5B0", "GG11AA22", "15CD5B07AA", "１２３４５６７８"])
def test_malformed_uids_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        normalize_card_uid(bad)


def test_digits_are_never_guessed_and_random_ids_never_identify() -> None:
    with pytest.raises(ValidationError):
        uid_from_terminal("15CD5B07", UidFormat.DECIMAL_LE)
    assert is_random_uid("08A1B2C3")
    assert not is_random_uid("04A1B2C3")


def test_phone_codes() -> None:
    assert normalize_phone_code(" emp-1a2b3c4d ") == "EMP-1A2B3C4D"
    assert normalize_phone_code("EMP:EMP-1A2B3C4D") == "EMP-1A2B3C4D"
    with pytest.raises(ValidationError):
        normalize_phone_code("EMP-1A2B3C4G")
