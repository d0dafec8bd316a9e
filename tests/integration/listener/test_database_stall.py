"""A stalled database (a private mariadbd frozen with SIGSTOP, a locked SQLite file): the listener answers
within its wait, 503 with Retry-After, stores nothing it refused, keeps queued scans' arrival times and
order, and stores again once the database runs (issue 13 B)."""

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from dbsupport import migrate_fresh
from fakes import ADMIN
from listener_support import RunningListener, add_terminal, running_listener
from mariadb_instance import PrivateMariaDb

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.domain.clock import SystemClock
from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.listener.options import ListenerOptions
from timetracker_desktop.repositories.ports.storage import PunchLine, PunchQuery
from timetracker_desktop.services.dto import EmployeeDraft

WAIT_S = 1.5
ANSWER_WITHIN_S = 2.5  # the wait plus a loaded test machine's slack; the stall lasts far longer
CARDS = ("0A0B0C01", "0A0B0C02")


@dataclass
class Door:
    """A card terminal over a database of two employees, served by a listener."""

    context: AppContext
    listener: RunningListener
    key: str

    def tap(self, uid: str, event_id: str, key: str | None = None) -> tuple[httpx.Response, float]:
        """The reply and how long it took."""
        started = time.monotonic()
        reply = self.listener.client.post(
            "/api/nfc",
            json={"nfc_uid": uid, "event_id": event_id},
            headers={"X-Terminal-Key": key or self.key},
        )
        return reply, time.monotonic() - started

    def punches(self) -> list[PunchLine]:
        """Every punch, oldest first."""
        services = self.context.services
        with services.uow(read_only=True) as uow:
            start, end = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
            return sorted(uow.punches.page(PunchQuery(start, end), None, 1000), key=lambda line: line.id)


@contextmanager
def _door(url: str, wait_s: float) -> Iterator[Door]:
    migrate_fresh(url)
    context = build_app(url, clock=SystemClock(), bcrypt_rounds=4, upgrade=False)
    try:
        services = context.services
        services.settings.change(ADMIN, "scan_cooldown_seconds", "0")
        key = add_terminal(services, "Door", TerminalKind.CARD_READER)[1]
        for index, uid in enumerate(CARDS):
            services.employees.add_employee(ADMIN, EmployeeDraft(f"Worker {index}", card_uid=uid))
        # The key stays cached through the stall: admission needs no database, as for a working terminal.
        options = ListenerOptions(key_cache_seconds=600, storage_wait_seconds=wait_s)
        with running_listener(services, options) as listener:
            door = Door(context, listener, key)
            assert door.tap(CARDS[0], "warm-up")[0].status_code == 200
            yield door
    finally:
        context.close()


def _assert_unavailable(reply: httpx.Response, took: float) -> None:
    assert took < ANSWER_WITHIN_S
    assert reply.status_code == 503
    assert reply.json()["error"] == "database_unavailable"
    assert int(reply.headers["Retry-After"]) >= 1


@pytest.mark.mysql
@pytest.mark.slow
def test_frozen_mariadb_gets_503_within_the_wait_everywhere_and_stores_again(mariadb: PrivateMariaDb) -> None:
    with _door(mariadb.create_database("timetracker_test_stall"), WAIT_S) as door:
        mariadb.pause()
        try:
            time.sleep(2.2)  # past /health's cached probe
            started = time.monotonic()
            health = door.listener.client.get("/health")
            _assert_unavailable(health, time.monotonic() - started)
            refused = [door.tap(CARDS[0], f"stalled-{n}") for n in range(3)]
            for reply, took in refused:
                _assert_unavailable(reply, took)
            wrong, took = door.tap(CARDS[0], "intruder", key="not-a-key-of-any-terminal")
            assert took < ANSWER_WITHIN_S
            assert wrong.status_code in (401, 503)
            started = time.monotonic()
            anonymous = door.listener.client.post("/api/nfc", json={"nfc_uid": CARDS[0]})
            assert (anonymous.status_code, anonymous.json()["error"]) == (401, "missing_key")
            assert time.monotonic() - started < 1.0  # refused in memory, whatever the database does
        finally:
            mariadb.resume()
        deadline = time.monotonic() + 30
        while (after := door.tap(CARDS[1], "after")[0]).status_code != 200:
            assert time.monotonic() < deadline, after.text
            time.sleep(0.2)
        assert after.json()["status"] == "recorded"
        assert door.listener.client.get("/health").status_code == 200
        # The scan that was in the driver when the server froze was answered 503: it must not be stored
        # (its terminal resends it), so resending its event id records it now rather than replaying.
        resent = door.tap(CARDS[0], "stalled-0")[0].json()
        assert (resent["status"], resent["duplicate"]) == ("recorded", False)
        assert len(door.punches()) == 3  # warm-up, after, stalled-0 resent


@pytest.mark.mysql
@pytest.mark.slow
def test_scans_queued_behind_a_stall_keep_their_arrival_time_and_order(mariadb: PrivateMariaDb) -> None:
    with _door(mariadb.create_database("timetracker_test_stall_order"), 4.0) as door:
        replies: dict[str, httpx.Response] = {}
        sent: dict[str, datetime] = {}

        def tap(uid: str, event_id: str) -> None:
            sent[event_id] = datetime.now(UTC)
            replies[event_id] = door.tap(uid, event_id)[0]

        mariadb.pause()
        try:
            first = threading.Thread(target=tap, args=(CARDS[0], "first"))
            second = threading.Thread(target=tap, args=(CARDS[1], "second"))
            first.start()
            time.sleep(1.2)
            second.start()
            time.sleep(0.8)
        finally:
            mariadb.resume()
        resumed = datetime.now(UTC)
        first.join(30)
        second.join(30)
        assert [replies[e].json()["status"] for e in ("first", "second")] == ["recorded", "recorded"]
        stored = door.punches()[1:]  # after the warm-up
        assert [line.employee_name for line in stored] == ["Worker 0", "Worker 1"]  # order of arrival
        first_at, second_at = (line.at for line in stored)
        assert abs(first_at - sent["first"]) < timedelta(seconds=0.5)  # arrival, not the end of the stall
        assert abs(second_at - sent["second"]) < timedelta(seconds=0.5)
        assert second_at - first_at > timedelta(seconds=1)
        assert resumed - first_at > timedelta(seconds=1.5)


def test_locked_sqlite_gets_503_within_the_wait_and_stores_once_unlocked(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite"
    with _door(f"sqlite:///{path}", WAIT_S) as door:
        locker = sqlite3.connect(path, isolation_level=None)
        try:
            locker.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
            for n in range(2):
                _assert_unavailable(*door.tap(CARDS[0], f"locked-{n}"))
            started = time.monotonic()
            assert door.listener.client.get("/health").status_code in (200, 503)  # WAL readers may read
            assert time.monotonic() - started < ANSWER_WITHIN_S
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        deadline = time.monotonic() + 30
        while (unlocked := door.tap(CARDS[1], "unlocked")[0]).status_code != 200:
            assert time.monotonic() < deadline, unlocked.text
            time.sleep(0.2)
        resent = door.tap(CARDS[0], "locked-0")[0].json()
        assert (resent["status"], resent["duplicate"]) == ("recorded", False)
        assert len(door.punches()) == 3
