"""Writing and verifying audit entries inside the caller's unit of work (same transaction as the change)."""

import socket
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from timetracker_desktop.domain.audit import (
    AuditAction,
    AuditEntry,
    AuditOutcome,
    EntityType,
    entry_hash,
    redact,
)
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.purge import CHAIN_ANCHOR_KEY
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.guard import require

WORKSTATION = socket.gethostname()[:64]


def record(
    uow: UnitOfWork,
    actor: Actor,
    at: datetime,
    action: AuditAction,
    entity: tuple[EntityType, object] | None = None,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str | None = None,
    outcome: AuditOutcome = AuditOutcome.OK,
) -> AuditEntry:
    """Append an audit entry (secrets redacted) to the current transaction."""
    entity_type, entity_id = (entity[0], str(entity[1])) if entity else (None, None)
    entry = AuditEntry(
        at=at,
        actor=actor.name,
        actor_user_id=actor.user_id,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        before=redact(before),
        after=redact(after),
        reason=reason,
        outcome=outcome,
        workstation=WORKSTATION,
    )
    return uow.audit.append(entry)


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """Result of verifying the audit hash chain."""

    entries: int
    first_broken_id: int | None

    @property
    def intact(self) -> bool:
        """True when every entry chains to its predecessor."""
        return self.first_broken_id is None


class AuditService:
    """Reading the audit log and checking its chain."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def entries(
        self, actor: Actor, *, action: str | None = None, entity_type: str | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        """Newest entries first."""
        require(actor, Permission.READ)
        with self._uow(read_only=True) as uow:
            return uow.audit.list_all(action=action, entity_type=entity_type, limit=limit)

    def verify_chain(self) -> ChainCheck:
        """Recompute every hash; the first mismatch means the log was altered."""
        with self._uow(read_only=True) as uow:
            entries = uow.audit.all_in_order()
            # after ``db purge`` the chain starts from the hash of the last removed (archived) entry
            previous: str | None = uow.settings.all().get(CHAIN_ANCHOR_KEY)
        for entry in entries:
            if entry.prev_hash != previous or entry.hash != entry_hash(entry, previous):
                return ChainCheck(len(entries), entry.id)
            previous = entry.hash
        return ChainCheck(len(entries), None)
