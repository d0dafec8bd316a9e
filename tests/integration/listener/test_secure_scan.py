"""Secure scans through the emulated Android terminal: each outcome of §3.2, byte for byte, both databases."""

import base64

import pytest
from emulators.android_terminal import gson_dumps, sign_challenge, voice
from emulators.badge_phone import BadgePhone, session_key
from fakes import ADMIN, FakeClock
from listener_support import Office, add_terminal, phone_badge_id

from timetracker_desktop.domain.attendance import PunchFlag
from timetracker_desktop.domain.employees import KeyState
from timetracker_desktop.repositories.ports.storage import PunchQuery


def _punches(office: Office) -> list[int]:
    with office.services.uow(read_only=True) as uow:
        start, end = (
            office.services.clock.now().replace(year=2000),
            office.services.clock.now().replace(year=2100),
        )
        return [line.id for line in uow.punches.page(PunchQuery(start, end), None, 100)]


def test_recorded_in_then_cooldown_then_out_byte_for_byte(office: Office, clock: FakeClock) -> None:
    tablet = office.tablet()
    first = tablet.scan(office.olena_phone)
    assert first.status_code == 200
    assert first.headers["content-type"] == "application/json; charset=utf-8"
    expected = (
        f'{{"ok":true,"message":"Registered IN","employee_id":{office.olena},'
        '"employee_name":"Олена Коваль","direction":"IN"}'
    )
    assert first.content == expected.encode()
    assert voice(first) == "granted"
    clock.advance(seconds=17.5)
    wait = tablet.scan(office.olena_phone)
    assert wait.json() == {"ok": True, "message": "cooldown_wait_43s", "employee_id": office.olena,
                           "employee_name": "Олена Коваль", "direction": "IN"}  # fmt: skip
    assert voice(wait) == "please wait"
    clock.advance(seconds=43)
    out = tablet.scan(office.olena_phone)
    assert out.json()["message"] == "Registered OUT"
    assert out.json()["direction"] == "OUT"
    assert len(_punches(office)) == 2
    assert [n.outcome for n in office.listener.notices] == ["recorded", "cooldown", "recorded"]


def test_punch_keeps_evidence_terminal_time_and_skew_and_the_key_becomes_verified(
    office: Office, clock: FakeClock
) -> None:
    badge_id = phone_badge_id(office.services, office.olena)
    assert office.services.employees.detail(office.olena).badges[0].key_state is KeyState.UNVERIFIED
    late_ts = int(clock.now().timestamp() * 1000) - 600_000  # the tablet's clock is 10 min behind
    assert office.tablet().scan(office.olena_phone, ts=late_ts).json()["ok"] is True
    punch_id = office.listener.notices[-1].punch_id
    assert punch_id is not None
    with office.services.uow(read_only=True) as uow:
        punch = uow.punches.get(punch_id)
        badge = uow.badges.get(badge_id)
    assert punch is not None
    assert badge is not None
    assert punch.at == clock.now() == punch.received_at
    assert punch.terminal_ts is not None
    assert int(punch.terminal_ts.timestamp() * 1000) == late_ts
    assert punch.flags == {PunchFlag.CLOCK_SKEW}
    assert punch.badge_id == badge_id
    assert badge.key_state is KeyState.VERIFIED
    actions = [e.action for e in office.services.audit.entries(ADMIN, entity_type="badge")]
    assert actions[:2] == ["badge.key_verified", "badge.key_enrolled"]


def test_the_gson_body_carries_escaped_signatures(office: Office) -> None:
    tablet = office.tablet()
    challenge = tablet.challenge().json()["challenge_b64"]
    signature = sign_challenge(office.olena_phone, challenge)
    body = {"employee_uid": " emp-1a2b3c4d ", "terminal_id": str(office.terminal.id), "direction": "IN",
            "challenge_b64": challenge, "signature_b64": signature, "unknown_field": [1, 2]}  # fmt: skip
    wire = gson_dumps(body)
    assert signature.endswith("==")
    assert wire.count(b"\\u003d") >= 2
    response = office.listener.client.post(
        "/api/terminal/secure-scan",
        content=wire,
        headers={"X-Terminal-Key": office.key, "Content-Type": "text/plain"},
    )
    assert response.json()["message"] == "Registered IN"


def test_challenges_are_43_url_safe_characters_single_use_and_expire(
    office: Office, clock: FakeClock
) -> None:
    tablet = office.tablet()
    challenge = tablet.challenge().json()["challenge_b64"]
    assert len(challenge) == 43
    assert set(challenge) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
    assert len(base64.urlsafe_b64decode(challenge + "=")) == 32
    signature = sign_challenge(office.olena_phone, challenge)
    body = {"employee_uid": "EMP-1A2B3C4D", "terminal_id": office.terminal.id, "challenge_b64": challenge,
            "signature_b64": signature}  # fmt: skip
    assert tablet.post("/api/terminal/secure-scan", body).json()["ok"] is True
    reused = tablet.post("/api/terminal/secure-scan", body).json()
    assert reused == {"ok": False, "message": "invalid_challenge", "employee_id": None, "employee_name": None,
                      "direction": None}  # fmt: skip
    assert voice(tablet.post("/api/terminal/secure-scan", body)) == "access denied"
    clock.advance(seconds=120)
    stale = tablet.challenge().json()["challenge_b64"]
    clock.advance(seconds=31)
    assert tablet.scan(office.olena_phone, challenge_b64=stale).json()["message"] == "invalid_challenge"
    assert tablet.scan(office.olena_phone, challenge_b64="A" * 43).json()["message"] == "invalid_challenge"
    assert (
        tablet.scan(office.olena_phone, challenge_b64="not base64!").json()["message"] == "invalid_challenge"
    )


def test_another_terminals_challenge_is_refused(office: Office) -> None:
    other, other_key = add_terminal(office.services, "Back door")
    foreign = office.tablet(other_key, other.id).challenge().json()["challenge_b64"]
    scanned = office.tablet().scan(office.olena_phone, challenge_b64=foreign)
    assert scanned.json()["message"] == "invalid_challenge"


@pytest.mark.parametrize(
    ("case", "message"),
    [("unknown", "unknown_badge"), ("not_enrolled", "not_enrolled"), ("bad_signature", "bad_signature")],
)
def test_refusals_before_the_signature(office: Office, case: str, message: str) -> None:
    phones = {
        "unknown": BadgePhone("EMP-DEADBEEF", session_key(2)),
        "not_enrolled": office.ivan_phone,
        "bad_signature": BadgePhone("EMP-1A2B3C4D", session_key(0), signing_key=session_key(1)),
    }
    response = office.tablet().scan(phones[case])
    assert response.status_code == 200
    assert response.json() == {"ok": False, "message": message, "employee_id": None, "employee_name": None,
                               "direction": None}  # fmt: skip
    assert voice(response) == "access denied"
    assert _punches(office) == []
    with office.services.uow(read_only=True) as uow:
        queued = [(q.raw_value, q.reason) for q in uow.unassigned.list_all()]
    expected = {
        "unknown": [("EMP-DEADBEEF", "unknown")],
        "not_enrolled": [("EMP-0000BEEF", "unverified_phone")],
        "bad_signature": [],
    }
    assert queued == expected[case]


def test_revoked_badge_and_inactive_employee_are_refused_after_the_signature(office: Office) -> None:
    services = office.services
    services.employees.revoke_badge(ADMIN, phone_badge_id(services, office.olena), "phone lost")
    assert office.tablet().scan(office.olena_phone).json()["message"] == "badge_revoked"
    impostor = BadgePhone("EMP-1A2B3C4D", session_key(0), signing_key=session_key(3))
    assert office.tablet().scan(impostor).json()["message"] == "bad_signature"
    security = [e.action for e in services.audit.entries(ADMIN) if e.action.startswith("security.")]
    assert security == ["security.bad_signature", "security.revoked_badge_used"]

    services.terminals.open_enrollment(ADMIN, office.terminal.id, 30)
    assert office.tablet().first_scan(office.ivan_phone).status_code == 200
    services.employees.set_active(ADMIN, office.ivan, False)
    assert office.tablet().scan(office.ivan_phone).json()["message"] == "employee_inactive"
    assert _punches(office) == []
    with services.uow(read_only=True) as uow:
        reasons = sorted(q.reason for q in uow.unassigned.list_all())
    assert reasons == ["inactive_employee", "revoked_badge"]
