"""Terminals with hashed one-time keys, the QR payload, settings validation, and the audit hash chain."""

import json

import pytest
from fakes import ADMIN
from sqlalchemy import text

from timetracker_desktop.app import AppContext
from timetracker_desktop.domain.errors import ConflictError, ValidationError
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.terminals.keys import hash_key, qr_payload


def test_terminal_key_is_shown_once_stored_hashed_and_rotation_invalidates_it(services: Services) -> None:
    created = services.terminals.add_terminal(ADMIN, "Вхід", location="Hall")
    assert len(created.key) == 43
    with services.uow(read_only=True) as uow:
        assert uow.terminals.key_hash_of(created.terminal.id) == hash_key(created.key)
    assert services.terminals.authenticate(created.key) == created.terminal
    rotated = services.terminals.rotate_key(ADMIN, created.terminal.id)
    assert services.terminals.authenticate(created.key) is None
    assert services.terminals.authenticate(rotated.key) is not None
    with pytest.raises(ConflictError):
        services.terminals.add_terminal(ADMIN, "Вхід")
    audit = services.audit.entries(ADMIN, entity_type="terminal")
    assert all(created.key not in json.dumps(e.after) for e in audit)


def test_qr_payload_is_exactly_the_legacy_format() -> None:
    payload = qr_payload("http://192.168.1.20:8000", "k" * 43, 3, "Вхід")
    assert payload == (
        '{"server":"http://192.168.1.20:8000","api_key":"' + "k" * 43 + '","terminal_id":3,'
        '"terminal_name":"\\u0412\\u0445\\u0456\\u0434"}'
    )
    for bad in ("http://127.0.0.1:8000", "http://0.0.0.0:8000", "https://192.168.1.20:8000", "192.168.1.20"):
        with pytest.raises(ValidationError):
            qr_payload(bad, "k", 1, "x")


def test_settings_are_validated_and_changes_audited(services: Services) -> None:
    assert services.settings.current().time_zone == "Europe/Kyiv"
    services.settings.change(ADMIN, "scan_cooldown_seconds", "30")
    assert services.settings.current().scan_cooldown_seconds == 30
    with pytest.raises(ValidationError, match="time zone"):
        services.settings.change(ADMIN, "time_zone", "Mars/Olympus")
    with pytest.raises(ValidationError, match="unknown setting"):
        services.settings.change(ADMIN, "colour", "red")
    entry = services.audit.entries(ADMIN, action="settings.change")[0]
    assert (entry.before, entry.after) == ({"scan_cooldown_seconds": "60"}, {"scan_cooldown_seconds": "30"})


def test_audit_chain_detects_tampering(app_context: AppContext) -> None:
    services = app_context.services
    services.terminals.add_terminal(ADMIN, "A")
    services.terminals.add_terminal(ADMIN, "B")
    assert services.audit.verify_chain().intact
    with app_context.storage.write_engine.begin() as conn:
        first = conn.execute(text("SELECT MIN(id) FROM audit_entries")).scalar_one()
        conn.execute(text("UPDATE audit_entries SET actor = 'mallory' WHERE id = :id"), {"id": first})
    check = services.audit.verify_chain()
    assert not check.intact
    assert check.entries == 2
