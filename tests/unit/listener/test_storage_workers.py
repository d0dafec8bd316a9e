"""``StorageWorkers``: a call not done by its deadline is 503; queued calls never run, running ones may
not commit."""

import asyncio
import threading
import time

import pytest

from timetracker_desktop.listener.storage_workers import TOO_SLOW, StorageWorkers
from timetracker_desktop.repositories.ports.abandon import refuse_if_abandoned
from timetracker_desktop.repositories.ports.storage import StorageUnavailableError


def test_late_calls_are_storage_unavailable_queued_ones_never_run_running_ones_cannot_commit() -> None:
    workers = StorageWorkers(1, "test-storage")
    release, ran = threading.Event(), list[str]()
    outcome: list[str] = []

    def stuck() -> None:  # the driver waiting on a frozen server
        release.wait(10)
        try:
            refuse_if_abandoned()
            outcome.append("committed")
        except StorageUnavailableError:
            outcome.append("refused")

    async def scenario() -> list[BaseException | None]:
        deadline = time.monotonic() + 0.3
        results = await asyncio.gather(
            workers.run(deadline, stuck), workers.run(deadline, ran.append, "queued"), return_exceptions=True
        )
        return list(results)

    started = time.monotonic()
    results = asyncio.run(scenario())
    assert time.monotonic() - started < 2
    assert [str(r) for r in results] == [TOO_SLOW, TOO_SLOW]
    release.set()
    deadline = time.monotonic() + 5
    while not outcome and time.monotonic() < deadline:
        time.sleep(0.01)
    assert (outcome, ran) == (["refused"], [])


def test_a_call_in_time_returns_its_result() -> None:
    workers = StorageWorkers(1, "test-storage")
    assert asyncio.run(workers.run(time.monotonic() + 5, sum, (1, 2))) == 3
    with pytest.raises(ZeroDivisionError):
        asyncio.run(workers.run(time.monotonic() + 5, divmod, 1, 0))
