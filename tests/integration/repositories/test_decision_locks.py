"""The database locks that make several processes decide one at a time: a second holder waits, then sees.

Two units of work stand for two processes: the second asks for the same lock while the first holds it, must
still be waiting half a second later, and once the first commits it reads what the first wrote (MariaDB row
locks under READ COMMITTED; SQLite's IMMEDIATE write lock).
"""

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from fakes import ADMIN

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.repositories.ports.storage import NewPunch, UnitOfWork
from timetracker_desktop.services.dto import EmployeeDraft

AT = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
HELD_S = 0.5


@pytest.fixture
def context(db_url: str) -> Iterator[AppContext]:
    opened = build_app(db_url, upgrade=False)
    yield opened
    opened.close()


def _second_waits_then_sees(
    context: AppContext,
    lock: Callable[[UnitOfWork], None],
    write: Callable[[UnitOfWork], object],
    read: Callable[[UnitOfWork], object],
) -> object:
    """The first holder locks, then writes; the second asks for the lock meanwhile; what the second read."""
    seen: list[object] = []

    def second() -> None:
        with context.storage() as uow:
            lock(uow)
            seen.append(read(uow))

    with context.storage() as first:
        lock(first)
        waiter = threading.Thread(target=second)
        waiter.start()
        waiter.join(HELD_S)
        assert waiter.is_alive(), "the second holder did not wait for the lock"
        write(first)
        first.commit()
    waiter.join(30)
    assert not waiter.is_alive()
    return seen[0]


def test_an_employees_taps_are_decided_one_at_a_time(context: AppContext) -> None:
    employee = context.services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль")).id
    punch = NewPunch(employee, AT, Direction.IN, PunchSource.MANUAL, AT, reason="test")

    def punches(uow: UnitOfWork) -> int:
        return len(uow.punches.cores_for_employees([employee], AT, AT + timedelta(hours=1)).get(employee, []))

    one = _second_waits_then_sees(
        context,
        lambda uow: uow.employees.lock_for_decision(employee),
        lambda uow: uow.punches.add(punch),
        punches,
    )
    later = replace(punch, at=AT + timedelta(minutes=5))
    two = _second_waits_then_sees(
        context,
        lambda uow: uow.employees.lock_all_for_decision([employee]),
        lambda uow: uow.punches.add(later),
        punches,
    )
    assert (one, two) == (1, 2)


def test_a_devices_commands_are_handed_out_by_one_process_at_a_time(context: AppContext) -> None:
    with context.storage() as uow:
        device = uow.adms.add("CQZ7232760123", AT, "127.0.0.1")
        command = uow.adms.add_command(device.id, "INFO", AT, "test", None)
        uow.commit()
    left = _second_waits_then_sees(
        context,
        lambda uow: uow.adms.lock(device.id),
        lambda uow: uow.adms.mark_sent([command.id], AT),
        lambda uow: [c.id for c in uow.adms.queued(device.id)],
    )
    assert left == []  # the second process finds nothing left to hand out
