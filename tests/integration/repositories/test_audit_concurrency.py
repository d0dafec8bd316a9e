"""Concurrent audit appenders (listener, GUI, backups at once) queue up: no deadlock, one unbroken chain."""

import threading
from datetime import UTC, datetime

from timetracker_desktop.app import AppContext
from timetracker_desktop.domain.audit import AuditEntry

WRITERS = 6
LINES_EACH = 15
AT = datetime(2026, 3, 4, 6, 0, tzinfo=UTC)


def _append_lines(context: AppContext, writer: int, failures: list[BaseException]) -> None:
    try:
        for line in range(LINES_EACH):
            with context.storage() as uow:
                # A read before the append, as the services do, opens the transaction's snapshot early.
                uow.audit.list_all(limit=1)
                uow.audit.append(
                    AuditEntry(at=AT, actor=f"writer-{writer}", action="test.line", entity_id=str(line))
                )
                uow.commit()
    except Exception as error:  # noqa: BLE001 - reported by the test below
        failures.append(error)


def test_parallel_appends_neither_deadlock_nor_fork_the_chain(app_context: AppContext) -> None:
    failures: list[BaseException] = []
    threads = [
        threading.Thread(target=_append_lines, args=(app_context, writer, failures))
        for writer in range(WRITERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    entries = app_context.services.audit.verify_chain()
    assert entries.intact
    with app_context.storage(read_only=True) as uow:
        lines = uow.audit.list_all(action="test.line", limit=1000)
    assert len(lines) == WRITERS * LINES_EACH
    assert len({entry.prev_hash for entry in lines}) == len(lines)  # nobody chained to the same predecessor
