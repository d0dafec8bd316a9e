"""TerminalService over the fake storage: one-time keys stored hashed, rotation, capabilities, audit."""

import hashlib
from datetime import timedelta

import pytest
from fakes import ADMIN, MANAGER, VIEWER, FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.services.container import Services


def test_a_new_terminal_gets_a_key_shown_once_and_stored_only_as_its_hash(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(PermissionDeniedError):
        services.terminals.add_terminal(VIEWER, "Вхід")
    created = services.terminals.add_terminal(MANAGER, "  Вхід   1 ", location=" хол ")
    terminal = created.terminal
    assert (terminal.name, terminal.location, terminal.phone_scans, terminal.card_scans) == (
        "Вхід 1",
        "хол",
        True,
        False,
    )
    assert len(created.key) == 43
    with storage(read_only=True) as uow:
        assert uow.terminals.key_hash_of(terminal.id) == hashlib.sha256(created.key.encode()).hexdigest()
        (entry,) = uow.audit.list_all(action="terminal.create")
    assert entry.after is not None
    assert created.key not in str(entry.after)
    assert services.terminals.authenticate(created.key) == terminal
    assert services.terminals.authenticate("not the key") is None


def test_names_are_checked_and_unique(services: Services) -> None:
    services.terminals.add_terminal(ADMIN, "Вхід")
    with pytest.raises(ConflictError) as taken:
        services.terminals.add_terminal(ADMIN, " Вхід ")
    assert (taken.value.code, taken.value.field) == ("terminal_name_taken", "name")
    for bad in ("   ", "Т" * 65):
        with pytest.raises(ValidationError):
            services.terminals.add_terminal(ADMIN, bad)
    assert [t.name for t in services.terminals.list_terminals()] == ["Вхід"]


def test_a_card_reader_scans_cards_only(services: Services) -> None:
    reader = services.terminals.add_terminal(ADMIN, "Зчитувач", kind=TerminalKind.CARD_READER).terminal
    assert (reader.phone_scans, reader.card_scans, reader.enrollment) == (False, True, False)


def test_rotation_invalidates_the_old_key_at_once(services: Services, storage: FakeUnitOfWorkFactory) -> None:
    created = services.terminals.add_terminal(ADMIN, "Вхід")
    with pytest.raises(PermissionDeniedError):
        services.terminals.rotate_key(VIEWER, created.terminal.id)
    rotated = services.terminals.rotate_key(ADMIN, created.terminal.id)
    assert rotated.key != created.key
    assert services.terminals.authenticate(created.key) is None
    assert services.terminals.authenticate(rotated.key) == created.terminal
    with storage(read_only=True) as uow:
        (entry,) = uow.audit.list_all(action="terminal.rotate_key")
    assert entry.after == {"key": "***"}  # secrets never reach the log
    with pytest.raises(NotFoundError):
        services.terminals.rotate_key(ADMIN, 999)


def test_disabling_and_enrollment_windows_are_audited_with_what_changed(
    services: Services, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    terminal = services.terminals.add_terminal(ADMIN, "Вхід").terminal
    assert not services.terminals.set_active(MANAGER, terminal.id, False).is_active
    for minutes in (0, 24 * 60 + 1):
        with pytest.raises(ValidationError):
            services.terminals.open_enrollment(ADMIN, terminal.id, minutes)
    opened = services.terminals.open_enrollment(ADMIN, terminal.id, 30)
    assert opened.enrollment_until == clock.now() + timedelta(minutes=30)
    assert services.terminals.close_enrollment(ADMIN, terminal.id).enrollment_until is None
    assert services.terminals.get(terminal.id).enrollment_until is None
    with storage(read_only=True) as uow:
        entries = [(e.action, e.before, e.after) for e in uow.audit.all_in_order()[1:]]
    until = opened.enrollment_until.isoformat() if opened.enrollment_until else None
    assert entries == [
        ("terminal.disable", {"is_active": True}, {"is_active": False}),
        ("terminal.enrollment_open", {"enrollment_until": None}, {"enrollment_until": until}),
        ("terminal.enrollment_close", {"enrollment_until": until}, {"enrollment_until": None}),
    ]
    with pytest.raises(NotFoundError):
        services.terminals.get(999)
