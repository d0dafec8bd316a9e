"""Phone badge crypto (TERMINAL_PROTOCOL §4): tolerant base64, RSA-2048 key checks, signatures, challenges."""

import base64
import functools
import hashlib
import secrets

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from timetracker_desktop.domain.errors import ErrorCode, ValidationError

CHALLENGE_BYTES = 32
CHALLENGE_CHARS = 43
KEY_BITS = 2048
PUBLIC_EXPONENT = 65537
SIGNATURE_BYTES = 256
MAX_KEY_CHARS = 1024
MAX_SIGNATURE_CHARS = 1024
MAX_CHALLENGE_CHARS = 128
_FINGERPRINT_GROUP = 4


def b64decode_tolerant(text: str) -> bytes:
    """Decode standard or URL-safe base64, with or without padding or whitespace; ``ValueError`` otherwise."""
    cleaned = "".join(text.split()).replace("-", "+").replace("_", "/").rstrip("=")
    return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)


def _invalid_key(reason: str) -> ValidationError:
    return ValidationError(
        f"invalid public key: {reason}", code=ErrorCode.INVALID_PUBLIC_KEY, field="public_key_b64"
    )


# Parsed keys are immutable: each scan would otherwise decode and check its badge's key again (the listener's
# CPU per scan). Only valid keys are kept (an invalid one raises).
@functools.lru_cache(maxsize=4096)
def _load_rsa_key(public_key_b64: str) -> tuple[bytes, rsa.RSAPublicKey]:
    if len(public_key_b64) > MAX_KEY_CHARS:
        raise _invalid_key("too long")
    try:
        der = b64decode_tolerant(public_key_b64)
        key = serialization.load_der_public_key(der)
    except (ValueError, UnsupportedAlgorithm):
        raise _invalid_key("not a DER SubjectPublicKeyInfo") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise _invalid_key("not an RSA key")
    if key.key_size != KEY_BITS or key.public_numbers().e != PUBLIC_EXPONENT:
        raise _invalid_key(f"must be RSA-{KEY_BITS} with e = {PUBLIC_EXPONENT}")
    canonical = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    if canonical != der:
        raise _invalid_key("DER is not in canonical form")
    return der, key


def validate_public_key(public_key_b64: str) -> bytes:
    """The DER of a valid badge key (SPKI, RSA-2048, e = 65537, canonical); ``ValidationError`` otherwise."""
    return _load_rsa_key(public_key_b64)[0]


def verify_signature(public_key_b64: str, challenge: bytes, signature_b64: str) -> bool:
    """Whether ``signature_b64`` is a SHA256withRSA (PKCS#1 v1.5) signature of ``challenge``; never raises."""
    try:
        _der, key = _load_rsa_key(public_key_b64)
        if len(signature_b64) > MAX_SIGNATURE_CHARS:
            return False
        signature = b64decode_tolerant(signature_b64)
        if len(signature) != SIGNATURE_BYTES:
            return False
        key.verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())
    except (ValidationError, ValueError, InvalidSignature):
        return False
    return True


def new_challenge() -> tuple[bytes, str]:
    """32 CSPRNG bytes and their text form (the desk reader's local challenge)."""
    raw = secrets.token_bytes(CHALLENGE_BYTES)
    return raw, challenge_text(raw)


def challenge_text(raw: bytes) -> str:
    """A challenge's URL-safe, unpadded base64 form (43 characters for 32 bytes)."""
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_challenge(challenge_b64: str) -> bytes:
    """The 32 bytes of a challenge in any base64 form; ``ValidationError`` otherwise."""
    try:
        if len(challenge_b64) > MAX_CHALLENGE_CHARS:
            raise ValueError("too long")
        raw = b64decode_tolerant(challenge_b64)
    except ValueError:
        raw = b""
    if len(raw) != CHALLENGE_BYTES:
        raise ValidationError("invalid challenge", code=ErrorCode.INVALID_CHALLENGE, field="challenge_b64")
    return raw


def key_fingerprint(public_key_b64: str) -> str:
    """SHA-256 of the key's DER in upper-case hex, in groups of four for reading aloud."""
    digest = hashlib.sha256(validate_public_key(public_key_b64)).hexdigest().upper()
    return " ".join(digest[i : i + _FINGERPRINT_GROUP] for i in range(0, len(digest), _FINGERPRINT_GROUP))
