"""An Android badge phone (TERMINAL_PROTOCOL §4): RSA key, codes, and the HCE APDU answers."""

import base64
import functools

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

AID = bytes.fromhex("F0010203040506")
SELECT_PREFIX = bytes.fromhex("00A4040007") + AID
GET_EMP = bytes.fromhex("00CA000000")
GET_PUB = bytes.fromhex("00CC000000")
SIGN_HEADER = bytes.fromhex("00CB")
SW_OK = bytes.fromhex("9000")
SW_NOT_FOUND = bytes.fromhex("6A82")
SW_EMPTY = bytes.fromhex("6F00")
DISABLED = b"DISABLED"


@functools.cache
def session_key(index: int = 0) -> rsa.RSAPrivateKey:
    """An RSA-2048 key, e = 65537, generated once per process for each index."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_key_b64(private_key: rsa.RSAPrivateKey) -> str:
    """Standard base64 of the key's 294-byte SPKI DER (392 characters), as GET_PUB sends it."""
    der = private_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(der).decode("ascii")


class BadgePhone:
    """The badge app: answers SELECT, GET_EMP, GET_PUB and SIGN exactly as the protocol table says.

    ``signing_key`` lets a test build a phone that signs with another key than the one it publishes;
    ``disabled`` makes every badge command answer ``DISABLED``.
    """

    def __init__(
        self,
        code: str,
        private_key: rsa.RSAPrivateKey,
        *,
        signing_key: rsa.RSAPrivateKey | None = None,
        disabled: bool = False,
    ) -> None:
        self.code = code
        self.public_key_b64 = public_key_b64(private_key)
        self._signing_key = signing_key or private_key
        self._disabled = disabled

    def sign(self, challenge: bytes) -> str:
        """SHA256withRSA (PKCS#1 v1.5) over ``challenge``, standard base64 (344 characters)."""
        signature = self._signing_key.sign(challenge, padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(signature).decode("ascii")

    def respond(self, apdu: bytes) -> bytes:
        """The R-APDU (data + SW1 SW2) the phone returns for one C-APDU."""
        if not apdu:
            return SW_EMPTY
        answer = self._answer(apdu)
        if answer is None:
            return SW_NOT_FOUND
        return (DISABLED if self._disabled else answer) + SW_OK

    def _answer(self, apdu: bytes) -> bytes | None:
        if apdu[: len(SELECT_PREFIX)] == SELECT_PREFIX and len(apdu) <= len(SELECT_PREFIX) + 1:
            return b""
        if apdu == GET_EMP:
            return f"EMP:{self.code}".encode("ascii")
        if apdu == GET_PUB:
            return f"PUB:{self.public_key_b64}".encode("ascii")
        if apdu[:2] == SIGN_HEADER:
            return self.sign(apdu[2:]).encode("ascii")
        return None
