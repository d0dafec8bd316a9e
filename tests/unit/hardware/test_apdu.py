"""APDU builders and reply parsing: exact bytes, status words, GET RESPONSE chaining, truncation."""

import pytest

from timetracker_desktop.hardware.apdu import (
    GET_EMP,
    GET_PUB,
    GET_UID,
    PUB_REPLY_BYTES,
    SELECT_BADGE,
    ApduError,
    Response,
    TruncatedResponseError,
    check_long_reply,
    parse_employee_code,
    parse_public_key,
    parse_uid,
    sign_command,
    transmit_chained,
)
from timetracker_desktop.hardware.outcomes import ReadFailure


def test_commands_are_byte_exact() -> None:
    assert SELECT_BADGE.hex(" ").upper() == "00 A4 04 00 07 F0 01 02 03 04 05 06 00"
    assert GET_EMP.hex(" ").upper() == "00 CA 00 00 00"
    assert GET_PUB.hex(" ").upper() == "00 CC 00 00 00"
    assert GET_UID.hex(" ").upper() == "FF CA 00 00 00"


def test_sign_is_header_and_32_raw_bytes_only() -> None:
    challenge = bytes(range(32))
    assert sign_command(challenge) == b"\x00\xcb" + challenge
    with pytest.raises(ValueError, match="32 bytes"):
        sign_command(challenge[:31])


def test_response_splits_status_word() -> None:
    response = Response.parse(b"EMP:EMP-1A2B3C4D\x90\x00")
    assert (response.data, response.sw, response.ok, response.disabled) == (
        b"EMP:EMP-1A2B3C4D",
        0x9000,
        True,
        False,
    )
    assert Response.parse(b"DISABLED\x90\x00").disabled
    assert not Response.parse(b"DISABLED\x6a\x82").disabled


@pytest.mark.parametrize("raw", [b"", b"\x90"])
def test_reply_without_status_word_is_malformed(raw: bytes) -> None:
    with pytest.raises(ApduError) as caught:
        Response.parse(raw)
    assert caught.value.reason is ReadFailure.MALFORMED_RESPONSE


def test_expect_ok_names_the_status() -> None:
    with pytest.raises(ApduError, match="GET_EMP answered status 6A82") as caught:
        Response.parse(b"\x6a\x82").expect_ok("GET_EMP")
    assert caught.value.reason is ReadFailure.UNEXPECTED_STATUS


def test_61xx_is_followed_with_get_response() -> None:
    replies = iter([b"A" * 10 + b"\x61\x05", b"B" * 5 + b"\x61\x02", b"CC\x90\x00"])
    sent: list[bytes] = []

    def send(apdu: bytes) -> bytes:
        sent.append(apdu)
        return next(replies)

    assert transmit_chained(send, GET_PUB) == b"A" * 10 + b"B" * 5 + b"CC\x90\x00"
    assert sent == [GET_PUB, bytes.fromhex("00C0000005"), bytes.fromhex("00C0000002")]


def test_endless_61xx_is_malformed() -> None:
    with pytest.raises(ApduError) as caught:
        transmit_chained(lambda _apdu: b"\x61\x00", GET_PUB)
    assert caught.value.reason is ReadFailure.MALFORMED_RESPONSE


@pytest.mark.parametrize("length", [254, 256, 258, 397])
def test_long_reply_cut_short_asks_for_android_enrollment(length: int) -> None:
    with pytest.raises(TruncatedResponseError) as caught:
        check_long_reply(bytes(length), PUB_REPLY_BYTES)
    assert caught.value.reason is ReadFailure.TRUNCATED_RESPONSE
    assert (caught.value.received, caught.value.expected) == (length, PUB_REPLY_BYTES)
    assert "Android terminal in register mode" in caught.value.detail


@pytest.mark.parametrize("raw", [b"\x6a\x82", b"DISABLED\x90\x00", bytes(PUB_REPLY_BYTES)])
def test_status_disabled_and_whole_replies_are_not_truncated(raw: bytes) -> None:
    check_long_reply(raw, PUB_REPLY_BYTES)


def test_employee_code_is_normalised() -> None:
    assert parse_employee_code(b"EMP:emp-1a2b3c4d") == "EMP-1A2B3C4D"


@pytest.mark.parametrize("data", [b"EMP-1A2B3C4D", b"EMP:EMP-XYZ", b"EMP:\xff\xfe", b""])
def test_bad_employee_code_is_malformed(data: bytes) -> None:
    with pytest.raises(ApduError) as caught:
        parse_employee_code(data)
    assert caught.value.reason is ReadFailure.MALFORMED_RESPONSE


def test_public_key_text_follows_pub_prefix() -> None:
    assert parse_public_key(b"PUB:MIIB") == "MIIB"
    with pytest.raises(ApduError):
        parse_public_key(b"MIIB")


@pytest.mark.parametrize(
    ("data", "uid"), [(b"\x15\xcd\x5b\x07", "15CD5B07"), (bytes.fromhex("04A2B3C4D5E680"), "04A2B3C4D5E680")]
)
def test_uid_is_canonical_hex(data: bytes, uid: str) -> None:
    assert parse_uid(data) == uid


@pytest.mark.parametrize("data", [b"", b"\x01\x02\x03\x04\x05"])
def test_uid_of_unusual_length_is_refused(data: bytes) -> None:
    with pytest.raises(ApduError) as caught:
        parse_uid(data)
    assert caught.value.reason is ReadFailure.BAD_UID
