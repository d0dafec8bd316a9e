"""Append-only audit entries with a hash chain for tamper evidence (DOMAIN_RULES §10)."""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

SECRET_FIELDS = frozenset(
    {"password", "password_hash", "key", "key_hash", "api_key", "qr", "signature", "secret"}
)
REDACTED = "***"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audited action: who, when, what, before/after, why."""

    at: datetime
    actor: str
    action: str
    entity_type: str | None = None
    entity_id: str | None = None
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    reason: str | None = None
    outcome: str = "ok"
    actor_user_id: int | None = None
    workstation: str | None = None
    id: int | None = None
    prev_hash: str | None = None
    hash: str | None = None


def redact(values: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Copy of values with secrets replaced, so they never reach the log."""
    if values is None:
        return None
    return {k: (REDACTED if k in SECRET_FIELDS and v is not None else v) for k, v in values.items()}


def changed_fields(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields whose value changed, as (before, after)."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def entry_hash(entry: AuditEntry, prev_hash: str | None) -> str:
    """SHA-256 over the previous hash and the entry's canonical content."""
    content = json.dumps(
        [
            prev_hash,
            entry.at.isoformat(),
            entry.actor,
            entry.action,
            entry.entity_type,
            entry.entity_id,
            entry.before,
            entry.after,
            entry.reason,
            entry.outcome,
        ],
        sort_keys=True,
        default=str,
        ensure_ascii=False,
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()
