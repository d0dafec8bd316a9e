"""``/api/nfc`` (§5): outcomes, idempotent event ids, UID formats, direction modes, trusted clocks."""

from datetime import timedelta
from typing import Any

import pytest
from fakes import ADMIN, FakeClock
from listener_support import Office, RunningListener, add_terminal, change_terminal

from timetracker_desktop.domain.attendance import PunchFlag
from timetracker_desktop.domain.employees import BadgeKind, UidFormat
from timetracker_desktop.domain.terminals import DirectionMode, Terminal, TerminalKind
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

KEYS = ("ok", "status", "message", "employee_id", "employee_name", "direction", "punch_id", "event_id",
        "duplicate", "retry_after_s", "server_time")  # fmt: skip


class Door:
    """A card terminal and Olena's card 15CD5B07."""

    def __init__(self, services: Services, listener: RunningListener) -> None:
        self.services = services
        self.client = listener.client
        self.terminal, self.key = add_terminal(services, "Door", TerminalKind.CARD_READER)
        self.olena = services.employees.add_employee(
            ADMIN, EmployeeDraft("Олена Коваль", card_uid="15CD5B07")
        ).id

    def tap(self, payload: dict[str, Any], key: str | None = None) -> Any:
        response = self.client.post("/api/nfc", json=payload, headers={"X-Terminal-Key": key or self.key})
        return response

    def set(self, **changes: object) -> Terminal:
        self.terminal = change_terminal(self.services, self.terminal.id, **changes)
        return self.terminal


@pytest.fixture
def door(services: Services, listener: RunningListener) -> Door:
    return Door(services, listener)


def test_recorded_cooldown_and_replayed_event_ids(door: Door, clock: FakeClock) -> None:
    first = door.tap(
        {"nfc_uid": "15:cd:5b:07", "ts": "2026-03-04T12:00:05+02:00", "event_id": "door1-000123"}
    )
    body = first.json()
    assert list(body) == list(KEYS)
    assert body["ok"] is True
    assert (body["status"], body["message"], body["direction"]) == ("recorded", "Registered IN", "IN")
    assert (body["employee_id"], body["employee_name"], body["duplicate"]) == (
        door.olena,
        "Олена Коваль",
        False,
    )
    assert body["server_time"] == "2026-03-04T10:00:00Z"
    assert body["retry_after_s"] is None
    clock.advance(seconds=30)
    repeat = door.tap({"nfc_uid": "15CD5B07", "event_id": "door1-000123"}).json()
    assert repeat == {**body, "duplicate": True, "server_time": "2026-03-04T10:00:30Z"}
    conflict = door.tap({"nfc_uid": "04A2B3C4D5E680", "event_id": "door1-000123"})
    assert (conflict.status_code, conflict.json()["error"]) == (409, "event_id_conflict")
    wait = door.tap({"nfc_uid": "15CD5B07", "event_id": "door1-000124"}).json()
    assert (wait["ok"], wait["status"], wait["message"], wait["retry_after_s"]) == (
        True,
        "cooldown",
        "cooldown_wait_30s",
        30,
    )
    assert wait["punch_id"] is None
    clock.advance(seconds=30)
    out = door.tap({"nfc_uid": "15CD5B07"}).json()
    assert (out["message"], out["event_id"]) == ("Registered OUT", None)


def test_event_ids_that_differ_only_in_case_are_two_events(
    door: Door, services: Services, clock: FakeClock
) -> None:
    """MariaDB's default collation once made ``CaseEv1`` and ``caseev1`` one key (a 409 for the second)."""
    ivan = services.employees.add_employee(ADMIN, EmployeeDraft("Іван Шевченко", card_uid="04A2B3C4")).id
    first = door.tap({"nfc_uid": "15CD5B07", "event_id": "CaseEv1"})
    second = door.tap({"nfc_uid": "04A2B3C4", "event_id": "caseev1"})
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first.json()["employee_id"], second.json()["employee_id"]) == (door.olena, ivan)
    assert second.json()["duplicate"] is False
    assert first.json()["punch_id"] != second.json()["punch_id"]
    clock.advance(seconds=5)
    repeat = door.tap({"nfc_uid": "04A2B3C4", "event_id": "caseev1"}).json()
    assert (repeat["duplicate"], repeat["punch_id"]) == (True, second.json()["punch_id"])


@pytest.mark.parametrize(
    ("uid", "status", "queued"),
    [
        ("04A2B3C4D5E680", "unknown_badge", "unknown"),
        ("08A1B2C3", "random_uid", None),
        ("EMP-1A2B3C4D", "signature_required", "unverified_phone"),
    ],
)
def test_refusals(door: Door, uid: str, status: str, queued: str | None) -> None:
    body = door.tap({"nfc_uid": uid, "event_id": "e1"}).json()
    assert (body["ok"], body["status"], body["message"]) == (False, status, status)
    assert (body["employee_id"], body["employee_name"], body["direction"], body["punch_id"]) == (None,) * 4
    with door.services.uow(read_only=True) as uow:
        reasons = [q.reason for q in uow.unassigned.list_all()]
    assert reasons == ([queued] if queued else [])


def test_revoked_and_inactive(door: Door) -> None:
    badge = door.services.employees.detail(door.olena).badges[0]
    door.services.employees.revoke_badge(ADMIN, badge.id, "lost")
    assert door.tap({"nfc_uid": "15CD5B07"}).json()["status"] == "badge_revoked"
    door.services.employees.add_badge(ADMIN, door.olena, BadgeKind.CARD, "15CD5B07")
    door.services.employees.set_active(ADMIN, door.olena, False)
    assert door.tap({"nfc_uid": "15CD5B07"}).json()["status"] == "employee_inactive"


def test_uid_formats_map_other_readers_forms(door: Door, clock: FakeClock) -> None:
    door.set(uid_format=UidFormat.DECIMAL_LE)
    assert door.tap({"nfc_uid": "0123456789"}).json()["status"] == "recorded"
    bad = door.tap({"nfc_uid": "15CD5B07"})
    assert (bad.status_code, bad.json()["error"], bad.json()["field"]) == (422, "invalid_field", "nfc_uid")
    door.set(uid_format=UidFormat.HEX_REVERSED)
    clock.advance(seconds=61)
    assert door.tap({"nfc_uid": "075BCD15"}).json()["status"] == "recorded"


def test_direction_is_honoured_only_where_the_mode_trusts_the_device(door: Door, clock: FakeClock) -> None:
    assert door.tap({"nfc_uid": "15CD5B07", "direction": "out"}).json()["direction"] == "IN"
    door.set(direction_mode=DirectionMode.DEVICE)
    clock.advance(seconds=61)
    assert door.tap({"nfc_uid": "15CD5B07", "direction": "In"}).json()["direction"] == "IN"
    door.set(direction_mode=DirectionMode.OUT_ONLY)
    clock.advance(seconds=61)
    assert door.tap({"nfc_uid": "15CD5B07", "direction": "IN"}).json()["direction"] == "OUT"
    assert door.tap({"nfc_uid": "15CD5B07", "direction": "sideways"}).status_code == 422


def test_trusted_clock_uses_buffered_times_and_keeps_double_taps(door: Door, clock: FakeClock) -> None:
    door.set(trusted_clock=True)
    earlier = clock.now() - timedelta(hours=5)
    first = door.tap({"nfc_uid": "15CD5B07", "ts": int(earlier.timestamp() * 1000), "event_id": "b1"}).json()
    second = door.tap({"nfc_uid": "15CD5B07", "ts": "2026-03-04T07:00:10", "event_id": "b2"}).json()  # Kyiv
    ancient = door.tap({"nfc_uid": "15CD5B07", "ts": "2026-02-01T08:00:00Z", "event_id": "b3"}).json()
    with door.services.uow(read_only=True) as uow:
        punches = [uow.punches.get(b["punch_id"]) for b in (first, second, ancient)]
    assert [p.at if p else None for p in punches] == [earlier, earlier + timedelta(seconds=10), clock.now()]
    assert [p.flags if p else None for p in punches] == [
        frozenset(),
        frozenset({PunchFlag.DOUBLE_TAP}),
        frozenset({PunchFlag.CLOCK_SKEW}),
    ]


def test_android_keys_get_no_unsigned_scans(office: Office) -> None:
    response = office.listener.client.post(
        "/api/nfc", json={"nfc_uid": "15CD5B07"}, headers={"X-Terminal-Key": office.key}
    )
    assert (response.status_code, response.json()["error"]) == (403, "not_permitted")
