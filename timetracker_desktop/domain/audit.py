"""Append-only audit entries with a hash chain for tamper evidence (DOMAIN_RULES §10)."""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

SECRET_FIELDS = frozenset(
    {"password", "password_hash", "key", "key_hash", "api_key", "qr", "signature", "secret"}
)
REDACTED = "***"
LEGACY_ACTION_PREFIX = "legacy."  # actions of the legacy server's log, imported as they were named there


class AuditAction(StrEnum):
    """What an audit entry records; the value is what the log stores (never change a value)."""

    SESSION_LOGIN = "session.login"
    SESSION_LOGIN_FAILED = "session.login_failed"
    SESSION_LOGOUT = "session.logout"
    SESSION_LOCKOUT = "session.lockout"
    USER_CREATE = "user.create"
    USER_ROLE_CHANGE = "user.role_change"
    USER_ENABLE = "user.enable"
    USER_DISABLE = "user.disable"
    USER_UNLOCK = "user.unlock"
    USER_PASSWORD_CHANGE = "user.password_change"  # noqa: S105 - an action name, not a password
    EMPLOYEE_CREATE = "employee.create"
    EMPLOYEE_UPDATE = "employee.update"
    EMPLOYEE_ACTIVATE = "employee.activate"
    EMPLOYEE_DEACTIVATE = "employee.deactivate"
    EMPLOYEE_IMPORT = "employee.import"
    BADGE_CREATE = "badge.create"
    BADGE_REVOKE = "badge.revoke"
    BADGE_REASSIGN = "badge.reassign"
    BADGE_ALIAS_CREATE = "badge.alias_create"
    BADGE_KEY_ENROLLED = "badge.key_enrolled"
    BADGE_KEY_ENROLL_REFUSED = "badge.key_enroll_refused"
    BADGE_KEY_VERIFIED = "badge.key_verified"
    BADGE_KEY_RESET = "badge.key_reset"
    PUNCH_MANUAL_ADD = "punch.manual_add"
    PUNCH_VOID = "punch.void"
    PUNCH_SET_DIRECTION = "punch.set_direction"
    PUNCH_UNDO = "punch.undo"
    UNASSIGNED_ASSIGN = "unassigned.assign"
    UNASSIGNED_DISMISS = "unassigned.dismiss"
    SCHEDULE_CELL_SET = "schedule.cell_set"
    TEMPLATE_SAVE = "template.save"
    TEMPLATE_APPLY = "template.apply"
    HOLIDAY_SET = "holiday.set"
    HOLIDAY_REMOVE = "holiday.remove"
    ABSENCE_ADD = "absence.add"
    ABSENCE_DELETE = "absence.delete"
    MONTH_CLOSE = "month.close"
    MONTH_REOPEN = "month.reopen"
    SETTINGS_CHANGE = "settings.change"
    TERMINAL_CREATE = "terminal.create"
    TERMINAL_ROTATE_KEY = "terminal.rotate_key"
    TERMINAL_ENABLE = "terminal.enable"
    TERMINAL_DISABLE = "terminal.disable"
    TERMINAL_ENROLLMENT_OPEN = "terminal.enrollment_open"
    TERMINAL_ENROLLMENT_CLOSE = "terminal.enrollment_close"
    TERMINAL_ADMS_SETTINGS = "terminal.adms_settings"
    ADMS_DEVICE_SEEN = "adms.device_seen"
    ADMS_IP_CHANGED = "adms.ip_changed"
    ADMS_COMM_KEY_CHANGED = "adms.comm_key_changed"
    ADMS_COMM_KEY_PINNED = "adms.comm_key_pinned"
    ADMS_REAPPROVE = "adms.reapprove"
    ADMS_APPROVE = "adms.approve"
    ADMS_REJECT = "adms.reject"
    ADMS_COMMAND_QUEUED = "adms.command_queued"
    ADMS_RELOAD_LOGS = "adms.reload_logs"
    SECURITY_BAD_SIGNATURE = "security.bad_signature"
    SECURITY_REVOKED_BADGE_USED = "security.revoked_badge_used"
    SECURITY_RATE_LIMITED = "security.rate_limited"
    SECURITY_TERMINAL_MISMATCH = "security.terminal_mismatch"
    REPORT_EXPORT = "report.export"
    BACKUP_CREATE = "backup.create"
    BACKUP_RESTORE = "backup.restore"
    LEGACY_IMPORT = "legacy.import"
    DEMO_GENERATE = "demo.generate"
    DATABASE_CHECK = "database.check"
    DATABASE_OPTIMIZE = "database.optimize"
    DATABASE_PURGE = "database.purge"


class AuditOutcome(StrEnum):
    """How the audited action ended; the value is what the log stores."""

    OK = "ok"
    REFUSED = "refused"
    FAILED = "failed"
    WARNING = "warning"


class EntityType(StrEnum):
    """The kind of object an audit entry is about (and that a ``NotFoundError`` names)."""

    USER = "user"
    EMPLOYEE = "employee"
    BADGE = "badge"
    TERMINAL = "terminal"
    ADMS_DEVICE = "adms_device"
    PUNCH = "punch"
    CORRECTION = "correction"
    UNASSIGNED = "unassigned"
    TEMPLATE = "template"
    HOLIDAY = "holiday"
    ABSENCE = "absence"
    MONTH = "month"
    SETTING = "setting"
    REPORT = "report"
    BACKUP = "backup"
    LEGACY_SOURCE = "legacy_source"
    DATABASE = "database"
    LEGACY_AUDIT = "legacy_audit"  # an entry of the legacy server's log, imported as history


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
    outcome: str = AuditOutcome.OK
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
