"""``StorageWorkers``: blocking storage calls on a few threads, awaited no longer than a deadline."""

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from timetracker_desktop.repositories.ports.abandon import abandonable
from timetracker_desktop.repositories.ports.storage import StorageCause, StorageUnavailableError

T = TypeVar("T")
TOO_SLOW = StorageCause.WAITED_TOO_LONG  # the listener's own bound, not the driver's timeout


def _run(abandoned: threading.Event, work: Callable[..., T], args: tuple[Any, ...]) -> T:
    with abandonable(abandoned):
        return work(*args)


class StorageWorkers:
    """A fixed pool of threads; a call not done by its deadline is answered StorageUnavailableError.

    Threads are few and fixed on purpose: during a database stall, waiting requests queue here rather than
    each taking a thread of its own. A call still queued at its deadline never runs; one already running
    finishes in the driver (its timeouts free the thread) but may not commit (repositories.ports.abandon),
    so that a terminal told 503 finds nothing stored and resends.
    """

    def __init__(self, threads: int, name: str) -> None:
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix=name)

    async def run(self, deadline: float, work: Callable[..., T], *args: Any) -> T:
        """``work(*args)`` on a worker, given up at ``deadline`` (time.monotonic)."""
        abandoned = threading.Event()
        future = self._pool.submit(_run, abandoned, work, args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            raise StorageUnavailableError(TOO_SLOW) from None
        finally:
            if not future.done():  # timed out or cancelled: nobody will read the result
                future.cancel()
                abandoned.set()
