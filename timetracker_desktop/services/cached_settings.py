"""Business settings read at most once per few seconds: the listener would otherwise read them per scan."""

import threading
import time
from collections.abc import Callable

from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.repositories.ports.storage import UnitOfWork
from timetracker_desktop.services.settings import load_settings

SETTINGS_TTL_SECONDS = 2.0


class CachedSettings:
    """The settings as last read, refreshed through the caller's unit of work once they are ``ttl`` old.

    A change made in the GUI or the CLI reaches the scans within ``ttl`` seconds.
    """

    def __init__(
        self, ttl_seconds: float = SETTINGS_TTL_SECONDS, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl = ttl_seconds
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._value: BusinessSettings | None = None
        self._read_at = 0.0

    def get(self, uow: UnitOfWork) -> BusinessSettings:
        """Settings no older than ``ttl``."""
        now = self._monotonic()
        with self._lock:
            if self._value is not None and now - self._read_at < self._ttl:
                return self._value
        value = load_settings(uow)
        with self._lock:
            self._value, self._read_at = value, now
        return value
