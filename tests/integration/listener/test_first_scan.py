"""Terminal enrollment (§3.3): windowed, validated, never overwritten; refusals are never 2xx."""

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from emulators.android_terminal import voice
from emulators.badge_phone import BadgePhone, public_key_b64, session_key
from fakes import ADMIN, FakeClock
from listener_support import Office, add_terminal, phone_badge_id

from timetracker_desktop.domain.employees import KeyState
from timetracker_desktop.domain.terminals import TerminalKind


def _spki_b64(key: rsa.RSAPublicKey | ec.EllipticCurvePublicKey) -> str:
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode()


def _error(response_json: dict[str, object]) -> object:
    return response_json["error"]


def test_window_closed_or_not_permitted_is_403(office: Office, clock: FakeClock) -> None:
    closed = office.tablet().first_scan(office.ivan_phone)
    assert (closed.status_code, closed.json()) == (
        403, {"ok": False, "error": "enrollment_closed", "detail": "enrollment is closed on this terminal"}
    )  # fmt: skip
    assert voice(closed) == "no connection"
    office.services.terminals.open_enrollment(ADMIN, office.terminal.id, 5)
    clock.advance(minutes=6)
    assert _error(office.tablet().first_scan(office.ivan_phone).json()) == "enrollment_closed"
    reader, reader_key = add_terminal(office.services, "Door reader", TerminalKind.CARD_READER)
    office.services.terminals.open_enrollment(ADMIN, reader.id, 5)
    refused = office.tablet(reader_key, reader.id).first_scan(office.ivan_phone)
    assert (refused.status_code, _error(refused.json())) == (403, "not_permitted")


def test_saved_unchanged_and_never_overwritten(office: Office) -> None:
    services = office.services
    services.terminals.open_enrollment(ADMIN, office.terminal.id, 30)
    saved = office.tablet().first_scan(office.ivan_phone)
    assert saved.content == b'{"ok":true,"status":"public_key_saved","employee_id":%d}' % office.ivan
    urlsafe = office.ivan_phone.public_key_b64.replace("+", "-").replace("/", "_").rstrip("=")
    again = office.tablet().first_scan(office.ivan_phone, public_key_b64=urlsafe)
    assert again.json() == {"ok": True, "status": "public_key_unchanged", "employee_id": office.ivan}
    other = office.tablet().first_scan(office.ivan_phone, public_key_b64=public_key_b64(session_key(2)))
    assert (other.status_code, _error(other.json())) == (409, "key_already_registered")
    badge = services.employees.detail(office.ivan).badges[0]
    assert badge.public_key_b64 == office.ivan_phone.public_key_b64
    assert badge.key_state is KeyState.UNVERIFIED
    assert office.tablet().scan(office.ivan_phone).json()["ok"] is True
    entries = services.audit.entries(ADMIN, entity_type="badge")
    assert [e.action for e in entries][:3] == [
        "badge.key_verified",
        "badge.key_enroll_refused",
        "badge.key_enrolled",
    ]
    assert entries[2].actor == f"terminal:{office.terminal.id}"
    assert entries[2].after is not None
    assert "fingerprint" in entries[2].after


def test_invalid_keys_are_422(office: Office) -> None:
    office.services.terminals.open_enrollment(ADMIN, office.terminal.id, 30)
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024).public_key()  # noqa: S505 - must be refused
    curve = ec.generate_private_key(ec.SECP256R1()).public_key()
    for bad in ("x", "", _spki_b64(small), _spki_b64(curve), "A" * 1025):
        response = office.tablet().first_scan(office.ivan_phone, public_key_b64=bad)
        assert response.status_code == 422, bad
        assert response.json()["field"] == "public_key_b64"
    assert office.services.employees.detail(office.ivan).badges[0].public_key_b64 is None


def test_unknown_revoked_and_inactive(office: Office) -> None:
    services = office.services
    services.terminals.open_enrollment(ADMIN, office.terminal.id, 30)
    unknown = office.tablet().first_scan(BadgePhone("EMP-FEEDF00D", session_key(2)))
    assert (unknown.status_code, _error(unknown.json())) == (404, "unknown_badge")
    with services.uow(read_only=True) as uow:
        assert [(q.raw_value, q.reason) for q in uow.unassigned.list_all()] == [
            ("EMP-FEEDF00D", "enrollment_request")
        ]
    services.employees.set_active(ADMIN, office.ivan, False)
    inactive = office.tablet().first_scan(office.ivan_phone)
    assert (inactive.status_code, _error(inactive.json())) == (409, "employee_inactive")
    services.employees.revoke_badge(ADMIN, phone_badge_id(services, office.olena), "left")
    revoked = office.tablet().first_scan(office.olena_phone)
    assert (revoked.status_code, _error(revoked.json())) == (409, "badge_revoked")
