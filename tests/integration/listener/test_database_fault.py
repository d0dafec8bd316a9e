"""Fault test on a private MariaDB: stopped under load the listener answers 503, and recovers by itself;
every event acknowledged with ``ok:true`` is in the database afterwards (H11)."""

import threading
import time
from collections.abc import Callable

import httpx
import pytest
from dbsupport import migrate_fresh
from fakes import ADMIN
from listener_support import add_terminal, running_listener
from mariadb_instance import PrivateMariaDb

from timetracker_desktop.app import build_app
from timetracker_desktop.domain.clock import SystemClock
from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.repositories.ports.storage import PunchQuery
from timetracker_desktop.services.dto import EmployeeDraft

pytestmark = [pytest.mark.mysql, pytest.mark.slow]
TERMINALS = 4


class Load:
    """Card terminals tapping as fast as they can, each event with its own id; every reply is kept."""

    def __init__(self, base_url: str, keys: list[str]) -> None:
        self.replies: list[tuple[str, int, dict[str, object]]] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._tap, args=(base_url, key, index)) for index, key in enumerate(keys)
        ]

    def _tap(self, base_url: str, key: str, index: int) -> None:
        with httpx.Client(base_url=base_url, timeout=10, headers={"X-Terminal-Key": key}) as client:
            sequence = 0
            while not self._stop.is_set():
                sequence += 1
                event = f"t{index}-{sequence}"
                reply = client.post("/api/nfc", json={"nfc_uid": f"0A0B0C{index:02X}", "event_id": event})
                with self._lock:
                    self.replies.append((event, reply.status_code, reply.json()))

    def __enter__(self) -> "Load":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(30)

    def statuses(self) -> list[int]:
        with self._lock:
            return [status for _, status, _ in self.replies]

    def wait_for(self, predicate: Callable[[list[int]], bool], seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if predicate(self.statuses()):
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out; last statuses {self.statuses()[-10:]}")


def test_database_stopped_under_load_gives_503_then_recovers_losing_nothing(mariadb: PrivateMariaDb) -> None:
    url = mariadb.create_database("timetracker_test_fault")
    migrate_fresh(url)
    context = build_app(url, clock=SystemClock(), bcrypt_rounds=4, upgrade=False)
    services = context.services
    services.settings.change(ADMIN, "scan_cooldown_seconds", "0")
    keys = []
    for index in range(TERMINALS):
        keys.append(add_terminal(services, f"Door {index}", TerminalKind.CARD_READER)[1])
        services.employees.add_employee(
            ADMIN, EmployeeDraft(f"Worker {index}", card_uid=f"0A0B0C{index:02X}")
        )
    try:
        with running_listener(services) as listener, Load(listener.server.url, keys) as load:
            load.wait_for(lambda s: s.count(200) >= 20, 15)
            mariadb.stop()
            load.wait_for(lambda s: s[-8:].count(503) == 8, 15)
            mariadb.start()
            load.wait_for(lambda s: s[-8:].count(200) == 8, 30)
        replies = list(load.replies)
        with services.uow(read_only=True) as uow:
            start, end = services.clock.now().replace(year=2000), services.clock.now().replace(year=2100)
            stored = {line.id for line in uow.punches.page(PunchQuery(start, end), None, 1_000_000)}
    finally:
        context.close()
    assert {status for _, status, _ in replies} <= {200, 503}
    unavailable = [body for _, status, body in replies if status == 503]
    assert unavailable
    assert all(body["error"] == "database_unavailable" for body in unavailable)
    acknowledged = [body["punch_id"] for _, status, body in replies if status == 200 and body["ok"] is True]
    assert len(acknowledged) >= 28
    assert set(acknowledged) <= stored
