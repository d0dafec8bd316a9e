"""How one legacy row becomes ours: badges, roles, punches, schedule cells and audit history (pure rules)."""

import json
import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from timetracker_desktop.domain.attendance import Direction, PunchFlag, PunchSource
from timetracker_desktop.domain.audit import (
    LEGACY_ACTION_PREFIX,
    REDACTED,
    SECRET_FIELDS,
    AuditEntry,
    EntityType,
)
from timetracker_desktop.domain.employees import BadgeKind, KeyState, normalize_card_uid, normalize_phone_code
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.schedule_rules import parse_cell_text
from timetracker_desktop.domain.schedules import ScheduleCell, ScheduleCode
from timetracker_desktop.domain.users import Role
from timetracker_desktop.repositories.ports.legacy import (
    LegacyAudit,
    LegacyEmployee,
    LegacyEvent,
    LegacySchedule,
)
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.ingest.badge_crypto import validate_public_key

DEMO_TERMINAL = "Terminal #1"
DEMO_UID = "TEST-EMP-0001"
DEMO_POSITION = "Demo"
PLACEHOLDER = "00:00"
IMPORT_REASON = "imported from the legacy server"
ROLES = {"ADMIN": Role.ADMIN, "MANAGER": Role.MANAGER, "HR": Role.VIEWER, "EMPLOYEE": Role.VIEWER}
_BCRYPT_RE = re.compile(r"^\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}$")
_SECRET_WORDS = (*SECRET_FIELDS, "token")


@dataclass(frozen=True, slots=True)
class LegacyIssue:
    """Something that was not imported, or not as it was, and why (``count`` rows alike)."""

    entity: str
    legacy_id: int | None
    reason: str
    detail: str
    count: int = 1


@dataclass(frozen=True, slots=True)
class BadgePlan:
    """The badge a legacy ``nfc_uid`` (and key) becomes."""

    kind: BadgeKind
    value: str
    public_key_b64: str | None = None
    key_state: KeyState = KeyState.NONE


def is_demo_employee(employee: LegacyEmployee) -> bool:
    """The "Test Employee" the legacy server created on every start."""
    return employee.nfc_uid.strip().upper() == DEMO_UID


def _phone_badge(employee: LegacyEmployee) -> tuple[BadgePlan | None, list[LegacyIssue]]:
    try:
        code = normalize_phone_code(employee.nfc_uid)
    except ValidationError:
        return None, [
            LegacyIssue("employee", employee.id, "bad_phone_code", f"{employee.nfc_uid!r}: no badge")
        ]
    key = (employee.public_key_b64 or "").strip()
    if not key:
        return BadgePlan(BadgeKind.PHONE, code), []
    try:
        validate_public_key(key)
    except ValidationError:
        why = "the phone key is not a valid RSA-2048 key: the phone must enroll again at a terminal"
        return BadgePlan(BadgeKind.PHONE, code), [
            LegacyIssue("employee", employee.id, "invalid_public_key", why)
        ]
    return BadgePlan(BadgeKind.PHONE, code, key, KeyState.UNVERIFIED), []


def plan_badge(employee: LegacyEmployee) -> tuple[BadgePlan | None, list[LegacyIssue]]:
    """A phone badge for ``EMP-`` codes, else a card with the canonical UID; issues say what was dropped."""
    raw = employee.nfc_uid.strip()
    if raw.upper().startswith(("EMP-", "EMP:")):
        return _phone_badge(employee)
    issues = []
    if employee.public_key_b64:
        issues.append(LegacyIssue("employee", employee.id, "key_on_card", "a card has no key: key dropped"))
    try:
        uid = normalize_card_uid(raw)
    except ValidationError as error:
        return None, [
            *issues,
            LegacyIssue("employee", employee.id, "bad_card_uid", f"{raw!r}: {error.message}"),
        ]
    if uid.isdigit():
        detail = f"{raw!r} has only digits: read as hexadecimal {uid}; check it with the desk reader"
        issues.append(LegacyIssue("employee", employee.id, "digits_only_uid", detail))
    return BadgePlan(BadgeKind.CARD, uid), issues


def map_role(role: str) -> tuple[Role, LegacyIssue | None]:
    """ADMIN -> admin, MANAGER -> manager, HR and EMPLOYEE -> viewer (they could do nothing before)."""
    mapped = ROLES.get(role.strip().upper())
    if mapped is None:
        return Role.VIEWER, LegacyIssue("user", None, "unknown_role", f"role {role!r} became viewer")
    return mapped, None


def is_bcrypt(password_hash: str | None) -> bool:
    """Whether a stored hash is bcrypt (which our login verifies as it is)."""
    return bool(password_hash) and bool(_BCRYPT_RE.match(password_hash or ""))


def event_punch(
    event: LegacyEvent, employee_id: int, terminal_id: int | None, author_id: int | None, now: datetime
) -> NewPunch | LegacyIssue:
    """Terminal events count as AUTO (they were toggled blindly); manual ones keep their direction."""
    direction = event.direction.strip().upper()
    if direction not in ("IN", "OUT"):
        return LegacyIssue("event", event.id, "bad_direction", f"direction {event.direction!r}")
    manual = event.is_manual or event.terminal_id is None
    return NewPunch(
        employee_id=employee_id,
        at=event.ts,
        direction=Direction(direction) if manual else Direction.AUTO,
        source=PunchSource.MANUAL if manual else PunchSource.IMPORT,
        created_at=event.created_at or now,
        terminal_id=terminal_id,
        received_at=None if manual else event.ts,
        flags=frozenset({PunchFlag.LEGACY}),
        external_key=f"legacy:{event.id}",
        author_user_id=author_id if manual else None,
        reason=(event.comment or IMPORT_REASON)[:500] if manual else event.comment,
        legacy_direction=direction,
    )


def _clock(text: str) -> time | None:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        return None


def schedule_cell(
    row: LegacySchedule, employee_id: int, codes: list[ScheduleCode]
) -> ScheduleCell | LegacyIssue | None:
    """A code cell, times from an ``H-H`` code or start/end; None for an empty 00:00-00:00 placeholder."""
    code = (row.code or "").strip()
    if not code and row.start_hhmm.strip() == PLACEHOLDER and row.end_hhmm.strip() == PLACEHOLDER:
        return None
    text = code or f"{row.start_hhmm}-{row.end_hhmm}"
    try:
        start, end, found = parse_cell_text(text, codes)
    except ValidationError:
        start, end, found = _clock(row.start_hhmm), _clock(row.end_hhmm), None
        if start is None or end is None or start == end:
            return LegacyIssue(
                "schedule", row.id, "bad_cell", f"{row.day}: {text!r} is not a code or a time range"
            )
    return ScheduleCell(employee_id, row.day, start, end, 0, found)


def redact_deep(value: Any) -> Any:
    """A copy with every secret-looking key replaced, at any depth (legacy details held plaintext keys)."""
    if isinstance(value, dict):
        return {
            k: REDACTED if any(w in str(k).lower() for w in _SECRET_WORDS) else redact_deep(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact_deep(v) for v in value]
    return value


def audit_entry(row: LegacyAudit, now: datetime) -> AuditEntry:
    """A legacy audit row as imported history: actor ``legacy:<user>``, action ``legacy.<action>``."""
    try:
        details: Any = json.loads(row.details) if row.details else None
    except ValueError:
        details = row.details
    return AuditEntry(
        at=row.created_at or now,
        actor=f"legacy:{row.admin_username or '?'}"[:96],
        action=f"{LEGACY_ACTION_PREFIX}{row.action}"[:64],
        entity_type=EntityType.LEGACY_AUDIT,
        entity_id=str(row.id),
        after={"details": redact_deep(details)},
        reason=IMPORT_REASON,
        workstation="legacy server",
    )
