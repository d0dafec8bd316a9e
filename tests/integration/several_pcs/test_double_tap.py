"""Two ``serve`` processes on one database, one card terminal each, 40 employees tapping both at once.

The pair of turnstiles from issue 18: each tap must be decided once, whichever process receives it, so
each employee gets exactly one punch and the other tap a cooldown answer.
"""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from fakes import ADMIN
from serve_processes import serve_processes

from timetracker_desktop.app import AppContext
from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

EMPLOYEES = 40
pytestmark = pytest.mark.slow


def _staff(services: Services) -> tuple[list[str], list[str]]:
    """40 employees with cards, and two card terminals' keys."""
    cards = [f"{0x10000000 + n:08X}" for n in range(EMPLOYEES)]
    for n, card in enumerate(cards):
        services.employees.add_employee(ADMIN, EmployeeDraft(f"Працівник {n:02d}", card_uid=card))
    keys = [services.terminals.add_terminal(ADMIN, f"Турнікет {n}", kind=TerminalKind.CARD_READER).key
            for n in (1, 2)]  # fmt: skip
    return cards, keys


def test_a_simultaneous_double_tap_on_two_processes_is_one_punch(
    real_time_context: AppContext, db_url: str, tmp_path: Path
) -> None:
    context = real_time_context
    cards, keys = _staff(context.services)
    with serve_processes(db_url, tmp_path, 2) as servers:
        clients = [httpx.Client(base_url=s.url, timeout=30) for s in servers]
        barriers = {card: threading.Barrier(2) for card in cards}

        def tap(side: int, card: str) -> dict[str, object]:
            barriers[card].wait(timeout=30)  # both turnstiles at the same moment
            reply = clients[side].post(
                "/api/nfc", json={"nfc_uid": card}, headers={"X-Terminal-Key": keys[side]}
            )
            assert reply.status_code == 200, reply.text
            body: dict[str, object] = reply.json()
            return body

        with ThreadPoolExecutor(max_workers=16) as pool:
            futures = [pool.submit(tap, side, card) for card in cards for side in (0, 1)]
            replies = [f.result() for f in futures]
        for client in clients:
            client.close()
    statuses = Counter(str(r["status"]) for r in replies)
    assert statuses == {"recorded": EMPLOYEES, "cooldown": EMPLOYEES}, statuses
    with context.services.uow(read_only=True) as uow:
        employees = uow.employees.list_all()
        punches = uow.punches.cores_for_employees(None, *_whole_time())
    per_employee = {e.id: len(punches.get(e.id, [])) for e in employees}
    assert set(per_employee.values()) == {1}, per_employee


def _whole_time() -> tuple[datetime, datetime]:
    return datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
