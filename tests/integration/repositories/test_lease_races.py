"""Two programs taking the scheduled-jobs lease at once: exactly one gets it, on SQLite and on MariaDB.

The first taker's statement runs and is not committed yet; the second taker must wait for it and, once the
first commits, find the lease taken (MariaDB: the duplicate key of a rival's insert, the row lock of a
rival's update, READ COMMITTED; SQLite: the IMMEDIATE write lock). Then many threads race without help.
"""

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind

AT = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
LENGTH = timedelta(minutes=5)
HELD_S = 0.5
NAME = "maintenance"


@pytest.fixture
def context(db_url: str) -> Iterator[AppContext]:
    opened = build_app(db_url, upgrade=False)
    yield opened
    opened.close()


def _holder(n: int) -> LeaseHolder:
    return LeaseHolder(f"PC-{n}:{1000 + n}:0{n}", RunnerKind.LISTENER, f"PC-{n}")


def _second_taker_loses(context: AppContext, now: datetime) -> None:
    first, second = _holder(1), _holder(2)
    results: list[bool] = []

    def take_second() -> None:
        with context.storage() as uow:
            results.append(uow.leases.take(NAME, second, now, now + LENGTH))
            uow.commit()

    with context.storage() as uow:
        assert uow.leases.take(NAME, first, now, now + LENGTH)
        rival = threading.Thread(target=take_second)
        rival.start()
        rival.join(HELD_S)
        assert rival.is_alive(), "the second taker did not wait for the first"
        uow.commit()
    rival.join(30)
    assert not rival.is_alive()
    assert results == [False]
    with context.storage(read_only=True) as uow:
        lease = uow.leases.get(NAME)
    assert lease is not None
    assert (lease.holder, lease.acquired_at) == (first, now)


def test_the_second_of_two_first_takers_loses(context: AppContext) -> None:
    _second_taker_loses(context, AT)  # nobody ever held it: both insert the row


def test_the_second_of_two_takers_of_a_run_out_lease_loses(context: AppContext) -> None:
    with context.storage() as uow:
        assert uow.leases.take(NAME, _holder(9), AT, AT + LENGTH)  # a program that crashed since
        uow.commit()
    _second_taker_loses(context, AT + LENGTH)  # both update the run-out row


def _race(context: AppContext, takers: int, now: datetime) -> list[int]:
    """Every taker takes at once (behind a barrier); who won. Every taker must have returned without error."""
    start = threading.Barrier(takers)
    results: dict[int, bool | BaseException] = {}

    def take(n: int) -> None:
        try:
            start.wait(10)
            with context.storage() as uow:
                results[n] = uow.leases.take(NAME, _holder(n), now, now + LENGTH)
                uow.commit()
        except BaseException as error:  # noqa: BLE001 - the test reports it below
            results[n] = error

    threads = [threading.Thread(target=take, args=(n,)) for n in range(takers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(results) == list(range(takers)), "a taker did not finish"
    failed = {n: result for n, result in results.items() if isinstance(result, BaseException)}
    assert not failed, f"takers failed: {failed!r}"
    return [n for n, result in results.items() if result is True]


def test_many_takers_at_once_one_wins_each_time(context: AppContext) -> None:
    now = AT
    for _ in range(4):
        won = _race(context, 6, now)
        assert len(won) == 1
        with context.storage(read_only=True) as uow:
            lease = uow.leases.get(NAME)
        assert lease is not None
        assert lease.holder == _holder(won[0])
        now = lease.expires_at  # run out: all race again
