"""Scan challenges (TERMINAL_PROTOCOL §3.1, H2): bound to a terminal, single use, 30 s, in every process.

A challenge is 16 random bytes followed by a 16-byte seal: the terminal id, the expiry and a digest of the
random bytes, enciphered with one AES block under a key kept in the database. Any listener process on that
database can therefore check a challenge another one issued, without shared memory; the 32 bytes still
look random to the terminal and the phone. Single use is a mark in the database, written in the scan's own
transaction (``ChallengeRepository.use``), so a replay fails at whichever process it reaches.
"""

import hashlib
import secrets
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.ingest.badge_crypto import challenge_text, decode_challenge

CHALLENGE_TTL_SECONDS = 30
KEY_NAME = "scan_challenges"
_NONCE = 16
_SEAL = struct.Struct(">I6s6s")  # terminal id, expiry (epoch milliseconds), a digest of the nonce


def _digest(nonce: bytes) -> bytes:
    """Six bytes that change with any bit of the nonce, so that no byte of a challenge can be altered."""
    return hashlib.blake2b(nonce, digest_size=6).digest()


@dataclass(frozen=True, slots=True)
class SealedChallenge:
    """An authentic challenge as issued: its bytes, the terminal it was issued to and when it expires."""

    raw: bytes
    terminal_id: int
    expires_at: datetime

    @property
    def nonce(self) -> bytes:
        """What the used-mark is keyed by."""
        return self.raw[:_NONCE]

    def valid_for(self, terminal_id: int, now: datetime) -> bool:
        """Issued to this terminal and not expired."""
        return self.terminal_id == terminal_id and now <= self.expires_at


class DatabaseKey:
    """The database's sealing key, read (or created) once per process on first use."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow
        self._key: bytes | None = None
        self._lock = threading.Lock()

    def __call__(self) -> bytes:
        with self._lock:
            if self._key is None:
                with self._uow() as uow:
                    self._key = uow.challenges.key(KEY_NAME, secrets.token_bytes(32))
                    uow.commit()
            return self._key


class ChallengeStore:
    """Issues and opens sealed challenges; thread-safe (no state but the key)."""

    def __init__(
        self, clock: Clock, key: Callable[[], bytes], *, ttl_seconds: int = CHALLENGE_TTL_SECONDS
    ) -> None:
        self._clock = clock
        self._key = key
        self._ttl = timedelta(seconds=ttl_seconds)

    def _cipher(self) -> Cipher[modes.ECB]:
        # One block of a random-prefixed plaintext: ECB is the plain block cipher here, not a mode over data.
        return Cipher(algorithms.AES(self._key()), modes.ECB())  # noqa: S305 - one block, not a mode over data

    def issue(self, terminal_id: int) -> str:
        """A new challenge for the terminal (URL-safe, unpadded, 43 characters)."""
        nonce = secrets.token_bytes(_NONCE)
        expires_ms = round((self._clock.now() + self._ttl).timestamp() * 1000)
        sealer = self._cipher().encryptor()
        plain = _SEAL.pack(terminal_id, expires_ms.to_bytes(6, "big"), _digest(nonce))
        seal = sealer.update(plain) + sealer.finalize()
        return challenge_text(nonce + seal)

    def open(self, challenge_b64: str) -> SealedChallenge | None:
        """The challenge if this database's key sealed it (whatever its terminal or age); None otherwise."""
        try:
            raw = decode_challenge(challenge_b64)
        except ValidationError:
            return None
        opener = self._cipher().decryptor()
        terminal_id, expires_ms, part = _SEAL.unpack(opener.update(raw[_NONCE:]) + opener.finalize())
        if not secrets.compare_digest(part, _digest(raw[:_NONCE])):
            return None
        expires = datetime.fromtimestamp(int.from_bytes(expires_ms, "big") / 1000, UTC)
        return SealedChallenge(raw, terminal_id, expires)
