"""The last backup, integrity check and optimisation, as the audit log recorded them."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from timetracker_desktop.domain.audit import AuditAction
from timetracker_desktop.repositories.ports.storage import UnitOfWork


@dataclass(frozen=True, slots=True)
class LastRun:
    """One audited run: when, how it ended (``ok``, ``failed``...) and what it recorded."""

    at: datetime
    outcome: str
    details: Mapping[str, Any] = field(default_factory=dict)


def last_run(uow: UnitOfWork, action: AuditAction) -> LastRun | None:
    """The newest audit entry of an action (the audit log's index on the action finds it)."""
    found = uow.audit.list_all(action=action, limit=1)
    if not found:
        return None
    entry = found[0]
    return LastRun(entry.at, str(entry.outcome), dict(entry.after or {}))
