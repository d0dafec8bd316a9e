"""Work its caller gave up on: a unit of work refuses to commit it, since the caller has already answered."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from timetracker_desktop.repositories.ports.storage import StorageCause, StorageUnavailableError

ABANDONED = StorageCause.ABANDONED
_current = threading.local()


@contextmanager
def abandonable(abandoned: threading.Event) -> Iterator[None]:
    """Within the block, on this thread, a commit is refused once ``abandoned`` is set.

    The listener answers 503 when storage is too slow; the thread may still be inside the driver. Committing
    afterwards would store an event the terminal was told failed (and will resend), so the commit is refused.
    """
    previous = getattr(_current, "event", None)
    _current.event = abandoned
    try:
        yield
    finally:
        _current.event = previous


def refuse_if_abandoned() -> None:
    """StorageUnavailableError when the work running on this thread was abandoned by its caller."""
    event: threading.Event | None = getattr(_current, "event", None)
    if event is not None and event.is_set():
        raise StorageUnavailableError(ABANDONED)
