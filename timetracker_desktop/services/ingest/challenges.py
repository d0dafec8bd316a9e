"""Scan challenges (TERMINAL_PROTOCOL §3.1, H2): bound to a terminal, single use, short-lived, few each."""

import threading
from collections import OrderedDict
from datetime import datetime, timedelta

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.services.ingest.badge_crypto import decode_challenge, new_challenge

CHALLENGE_TTL_SECONDS = 30
MAX_OPEN_PER_TERMINAL = 16


class ChallengeStore:
    """Open challenges in memory, keyed by their 32 raw bytes (so any base64 spelling of one matches).

    Thread-safe: the listener's worker threads issue and consume concurrently.
    """

    def __init__(
        self,
        clock: Clock,
        *,
        ttl_seconds: int = CHALLENGE_TTL_SECONDS,
        per_terminal: int = MAX_OPEN_PER_TERMINAL,
    ) -> None:
        self._clock = clock
        self._ttl = timedelta(seconds=ttl_seconds)
        self._per_terminal = per_terminal
        self._lock = threading.Lock()
        self._open: dict[int, OrderedDict[bytes, datetime]] = {}
        self._owner: dict[bytes, int] = {}

    def issue(self, terminal_id: int) -> str:
        """A new challenge (URL-safe, unpadded, 43 characters); the terminal's oldest beyond the cap go."""
        raw, text = new_challenge()
        expires = self._clock.now() + self._ttl
        with self._lock:
            pending = self._open.setdefault(terminal_id, OrderedDict())
            pending[raw] = expires
            self._owner[raw] = terminal_id
            while len(pending) > self._per_terminal:
                oldest, _ = pending.popitem(last=False)
                del self._owner[oldest]
        return text

    def consume(self, terminal_id: int, challenge_b64: str) -> bytes | None:
        """The challenge's bytes if this terminal holds it unexpired; it is used up whatever the answer.

        A challenge presented by another terminal than its owner is used up too: it has leaked.
        """
        try:
            raw = decode_challenge(challenge_b64)
        except ValidationError:
            return None
        now = self._clock.now()
        with self._lock:
            owner = self._owner.pop(raw, None)
            if owner is None:
                return None
            pending = self._open[owner]
            expires = pending.pop(raw)
            if not pending:
                del self._open[owner]
        return raw if owner == terminal_id and now <= expires else None

    def open_count(self, terminal_id: int) -> int:
        """How many challenges a terminal holds (expired ones included until used or pushed out)."""
        with self._lock:
            return len(self._open.get(terminal_id, ()))
