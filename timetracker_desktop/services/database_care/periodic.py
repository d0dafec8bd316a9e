"""A daemon thread that runs one job after a first delay and then every period, until stopped."""

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Periodic:
    """Runs ``job`` after ``first_after`` seconds, then every ``every`` seconds; a failure is logged as
    ``failure`` and the next period tries again (a lost database must not end the thread)."""

    def __init__(
        self, name: str, job: Callable[[], object], *, first_after: float, every: float, failure: str
    ) -> None:
        self._job = job
        self._first = first_after
        self._every = every
        self._failure = failure
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        """Begin."""
        self._thread.start()

    def stop(self) -> None:
        """End promptly (after the run in hand)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        wait = self._first
        while not self._stop.wait(wait):
            try:
                self._job()
            except Exception:  # logged; the next period tries again
                log.exception(self._failure)
            wait = self._every
