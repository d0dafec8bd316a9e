"""Badge crypto: tolerant base64, key validation, signature checks, challenges and fingerprints."""

import base64
import hashlib
import re
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from emulators.badge_phone import BadgePhone, public_key_b64, session_key

from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.services.ingest.badge_crypto import (
    b64decode_tolerant,
    decode_challenge,
    key_fingerprint,
    new_challenge,
    validate_public_key,
    verify_signature,
)

CHALLENGE = bytes(range(32))


@pytest.fixture(scope="module")
def phone() -> BadgePhone:
    return BadgePhone("EMP-1A2B3C4D", session_key(0))


def url_safe(text: str) -> str:
    return text.replace("+", "-").replace("/", "_").rstrip("=")


def spki_b64(key: rsa.RSAPublicKey | ec.EllipticCurvePublicKey) -> str:
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode("ascii")


@pytest.mark.parametrize("text", ["+/8=", "-_8", "-_8=", " +/\n8= ", "\t-_8\r\n"])
def test_tolerant_decode_accepts_every_form(text: str) -> None:
    assert b64decode_tolerant(text) == b"\xfb\xff"


@pytest.mark.parametrize("text", ["+/8*", "A", "ab=c", "Ф0==", "AB=CD"])
def test_tolerant_decode_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError, match=r".+"):
        b64decode_tolerant(text)


def test_valid_key_gives_its_294_byte_der(phone: BadgePhone) -> None:
    der = validate_public_key(phone.public_key_b64)
    assert len(phone.public_key_b64) == 392
    assert len(der) == 294
    assert validate_public_key(url_safe(phone.public_key_b64)) == der


INVALID_KEYS: dict[str, Callable[[str], str]] = {
    "empty": lambda valid: "",
    "legacy_x": lambda valid: "x",
    "not_base64": lambda valid: "not base64 at all!",
    "cut": lambda valid: valid[:-8],
    "trailing_byte": lambda valid: base64.b64encode(base64.b64decode(valid) + b"\x00").decode("ascii"),
    "rsa_1024": lambda valid: spki_b64(
        rsa.generate_private_key(public_exponent=65537, key_size=1024).public_key()  # noqa: S505 - to refuse
    ),
    "exponent_3": lambda valid: spki_b64(
        rsa.generate_private_key(public_exponent=3, key_size=2048).public_key()
    ),
    "ec_p256": lambda valid: spki_b64(ec.generate_private_key(ec.SECP256R1()).public_key()),
    "too_long": lambda valid: valid * 3,
}


@pytest.mark.parametrize("kind", INVALID_KEYS)
def test_invalid_key_is_a_validation_error(kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_public_key(INVALID_KEYS[kind](public_key_b64(session_key(0))))
    assert (caught.value.code, caught.value.field) == ("invalid_public_key", "public_key_b64")


def test_signature_of_the_challenge_verifies(phone: BadgePhone) -> None:
    signature = phone.sign(CHALLENGE)
    assert len(signature) == 344
    assert signature.endswith("==")
    assert verify_signature(phone.public_key_b64, CHALLENGE, signature)
    assert verify_signature(url_safe(phone.public_key_b64), CHALLENGE, url_safe(signature))


def test_signature_by_another_key_fails(phone: BadgePhone) -> None:
    impostor = BadgePhone(phone.code, session_key(0), signing_key=session_key(1))
    assert not verify_signature(phone.public_key_b64, CHALLENGE, impostor.sign(CHALLENGE))


def test_signature_of_another_challenge_fails(phone: BadgePhone) -> None:
    assert not verify_signature(phone.public_key_b64, CHALLENGE[::-1], phone.sign(CHALLENGE))


@pytest.mark.parametrize(
    "signature", ["", "x", "Ф", "AAAA", "A" * 2000, base64.b64encode(bytes(256)).decode()]
)
def test_garbage_signature_is_false_not_an_error(phone: BadgePhone, signature: str) -> None:
    assert not verify_signature(phone.public_key_b64, CHALLENGE, signature)


@pytest.mark.parametrize("key", ["", "x", "Ф"])
def test_garbage_key_is_false_not_an_error(phone: BadgePhone, key: str) -> None:
    assert not verify_signature(key, CHALLENGE, phone.sign(CHALLENGE))


def test_new_challenge_is_32_random_bytes_in_43_url_safe_chars() -> None:
    raw, text = new_challenge()
    assert len(raw) == 32
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", text)
    assert decode_challenge(text) == raw
    assert new_challenge()[0] != raw


@pytest.mark.parametrize("text", ["", "short", "A" * 44, "A" * 200, "Ф" * 43])
def test_challenge_of_the_wrong_size_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        decode_challenge(text)
    assert caught.value.code == "invalid_challenge"


def test_fingerprint_is_the_grouped_sha256_of_the_der(phone: BadgePhone) -> None:
    fingerprint = key_fingerprint(phone.public_key_b64)
    digest = hashlib.sha256(validate_public_key(phone.public_key_b64)).hexdigest().upper()
    assert fingerprint.replace(" ", "") == digest
    assert [len(group) for group in fingerprint.split(" ")] == [4] * 16
