"""Legacy rows -> ours: badges from nfc_uid and keys, roles, punches, schedule cells, audit history."""

from datetime import UTC, date, datetime, time

import pytest
from emulators.badge_phone import public_key_b64, session_key

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.employees import BadgeKind, KeyState
from timetracker_desktop.domain.schedules import DEFAULT_CODES, ScheduleCell
from timetracker_desktop.domain.users import Role
from timetracker_desktop.repositories.ports.legacy import (
    LegacyAudit,
    LegacyEmployee,
    LegacyEvent,
    LegacySchedule,
)
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.legacy.rules import (
    LegacyIssue,
    audit_entry,
    event_punch,
    is_bcrypt,
    map_role,
    plan_badge,
    schedule_cell,
)

NOW = datetime(2026, 3, 4, 10, tzinfo=UTC)


def _employee(uid: str, key: str | None = None) -> LegacyEmployee:
    return LegacyEmployee(1, "Олена", uid, key, True, None, None)


@pytest.mark.parametrize(
    ("uid", "key", "kind", "value", "state", "reasons"),
    [
        ("04:a2:b3:c4", None, BadgeKind.CARD, "04A2B3C4", KeyState.NONE, []),
        ("12345678", None, BadgeKind.CARD, "12345678", KeyState.NONE, ["digits_only_uid"]),
        ("emp-1a2b3c4d", "valid", BadgeKind.PHONE, "EMP-1A2B3C4D", KeyState.UNVERIFIED, []),
        (
            "EMP-1A2B3C4D",
            "bm90IGEga2V5",
            BadgeKind.PHONE,
            "EMP-1A2B3C4D",
            KeyState.NONE,
            ["invalid_public_key"],
        ),
        ("04A2B3C4", "bm90IGEga2V5", BadgeKind.CARD, "04A2B3C4", KeyState.NONE, ["key_on_card"]),
    ],
)
def test_badges(
    uid: str, key: str | None, kind: BadgeKind, value: str, state: KeyState, reasons: list[str]
) -> None:
    real_key = public_key_b64(session_key(0)) if key == "valid" else key
    badge, issues = plan_badge(_employee(uid, real_key))
    assert badge is not None
    assert (badge.kind, badge.value, badge.key_state) == (kind, value, state)
    assert [i.reason for i in issues] == reasons


@pytest.mark.parametrize(("uid", "reason"), [("hello", "bad_card_uid"), ("EMP-XYZ", "bad_phone_code")])
def test_unusable_uids_give_no_badge(uid: str, reason: str) -> None:
    badge, issues = plan_badge(_employee(uid))
    assert badge is None
    assert [i.reason for i in issues] == [reason]


def test_roles_and_hashes() -> None:
    assert map_role("ADMIN") == (Role.ADMIN, None)
    assert map_role("HR")[0] is Role.VIEWER
    assert map_role("EMPLOYEE")[0] is Role.VIEWER
    assert map_role("OWNER")[1] is not None
    assert is_bcrypt("$2b$04$" + "a" * 53)
    assert not is_bcrypt("plain")
    assert not is_bcrypt(None)


def test_terminal_events_are_auto_and_manual_ones_keep_their_direction() -> None:
    at = datetime(2026, 3, 2, 6, tzinfo=UTC)
    tapped = event_punch(LegacyEvent(1, 1, 7, "out", at, False, None, None, None), 10, 7, None, NOW)
    assert isinstance(tapped, NewPunch)
    assert (tapped.direction, tapped.source, tapped.legacy_direction) == (
        Direction.AUTO,
        PunchSource.IMPORT,
        "OUT",
    )
    typed = event_punch(LegacyEvent(2, 1, None, "IN", at, True, 1, None, None), 10, None, 3, NOW)
    assert isinstance(typed, NewPunch)
    assert (typed.direction, typed.source, typed.author_user_id) == (Direction.IN, PunchSource.MANUAL, 3)
    assert typed.reason == "imported from the legacy server"
    assert isinstance(
        event_punch(LegacyEvent(3, 1, 7, "UP", at, False, None, None, None), 1, 7, None, NOW), LegacyIssue
    )


def _row(start: str, end: str, code: str | None) -> LegacySchedule:
    return LegacySchedule(1, 1, date(2026, 3, 2), start, end, code)


def test_schedule_cells() -> None:
    codes = list(DEFAULT_CODES)
    assert schedule_cell(_row("08:00", "17:00", "8-17"), 5, codes) == ScheduleCell(
        5, date(2026, 3, 2), time(8), time(17)
    )
    assert schedule_cell(_row("00:00", "00:00", "в"), 5, codes) == ScheduleCell(5, date(2026, 3, 2), code="В")
    assert schedule_cell(_row("09:00", "18:00", None), 5, codes) == ScheduleCell(
        5, date(2026, 3, 2), time(9), time(18)
    )
    assert schedule_cell(_row("00:00", "00:00", None), 5, codes) is None
    assert isinstance(schedule_cell(_row("00:00", "00:00", "XYZ"), 5, codes), LegacyIssue)


def test_audit_history_masks_keys_at_any_depth() -> None:
    row = LegacyAudit(4, "admin", "terminal_rotate_key", '{"terminal": {"name": "A", "api_key": "k"}}', None)
    entry = audit_entry(row, NOW)
    assert entry.action == "legacy.terminal_rotate_key"
    assert entry.after == {"details": {"terminal": {"name": "A", "api_key": "***"}}}
    assert entry.at == NOW
