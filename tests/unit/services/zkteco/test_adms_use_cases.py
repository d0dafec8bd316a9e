"""ADMS device API and administration over the fake storage: approval, uploads, commands, refusals, audit."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fakes import ADMIN, VIEWER, FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.domain.attendance import PunchSource
from timetracker_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from timetracker_desktop.repositories.ports.zkteco import CommandState, DeviceState
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.zkteco.dto import DeviceCall, DeviceCommand, DeviceRefusedError, Refusal

CALL = DeviceCall("CQZ7232460", "192.168.1.9")
# Two taps of PIN 5 and one of an unknown PIN 77, in office time, then a line that is not ATTLOG at all.
MARCH = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))
BODY = "5\t2026-03-04 08:00:00\t0\n5\t2026-03-04 11:30:00\t1\n77\t2026-03-04 09:00:00\t0\nrubbish\n"


def _approved(services: Services) -> int:
    services.adms.handshake(CALL)
    (device,) = services.adms_admin.pending()
    services.adms_admin.approve(ADMIN, device.id)
    return device.id


def test_a_new_device_waits_for_approval_and_only_managers_decide(
    services: Services, audit_actions: Callable[[], list[str]]
) -> None:
    services.adms.handshake(CALL)
    with pytest.raises(DeviceRefusedError) as pending:
        services.adms.upload_attlog(CALL, BODY, "1")
    assert pending.value.refusal is Refusal.PENDING_APPROVAL
    (device,) = services.adms_admin.pending()
    assert (device.serial, device.state, device.last_ip) == (CALL.serial, DeviceState.PENDING, CALL.ip)
    with pytest.raises(PermissionDeniedError):
        services.adms_admin.approve(VIEWER, device.id)
    terminal = services.adms_admin.approve(ADMIN, device.id, name="  Склад  ")
    assert (terminal.name, terminal.serial) == ("Склад", CALL.serial)
    with pytest.raises(ConflictError) as twice:
        services.adms_admin.approve(ADMIN, device.id)
    assert twice.value.code == "already_approved"
    assert services.adms_admin.pending() == []
    assert audit_actions() == ["adms.device_seen", "adms.approve"]


def test_an_upload_stores_known_pins_queues_unknown_ones_and_quarantines_rubbish_once(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Олена", pin="5")).id
    device_id = _approved(services)
    outcome = services.adms.upload_attlog(CALL, BODY, "100")
    assert (outcome.lines, outcome.stored, outcome.queued, outcome.quarantined) == (4, 2, 1, 1)
    again = services.adms.upload_attlog(CALL, BODY, "100")
    assert (again.stored, again.duplicates, again.queued, again.quarantined) == (0, 3, 0, 0)
    with storage(read_only=True) as uow:
        punches = [p for ps in uow.punches.for_employees([employee], *MARCH).values() for p in ps]
        queue = uow.unassigned.list_all()
        device = uow.adms.get(device_id)
    assert [(p.source, p.at.hour) for p in punches] == [(PunchSource.TERMINAL, 6), (PunchSource.TERMINAL, 9)]
    assert [item.raw_value for item in queue] == ["77"]
    assert device is not None
    assert device.attlog_stamp == "100"
    assert [line.raw for line in services.adms_admin.detail(device_id).quarantined] == ["rubbish"]


def test_commands_are_queued_by_managers_sent_on_poll_and_closed_by_results(
    services: Services, clock: FakeClock
) -> None:
    device_id = _approved(services)
    with pytest.raises(PermissionDeniedError):
        services.adms_admin.queue_command(VIEWER, device_id, DeviceCommand.REBOOT)
    with pytest.raises(ValidationError) as unconfirmed:
        services.adms_admin.queue_command(ADMIN, device_id, DeviceCommand.CLEAR_LOGS)
    assert unconfirmed.value.code == "confirmation_required"
    with pytest.raises(ValidationError) as no_pins:
        services.adms_admin.queue_command(ADMIN, device_id, DeviceCommand.UPLOAD_USERS)
    assert no_pins.value.code == "no_pins"
    services.adms_admin.queue_command(ADMIN, device_id, DeviceCommand.REBOOT)
    services.adms_admin.queue_text(ADMIN, device_id, "INFO")
    with pytest.raises(ValidationError):
        services.adms_admin.queue_text(ADMIN, device_id, "INFO\nREBOOT")
    assert services.adms.poll(CALL) == "C:2:INFO\nC:1:REBOOT\n"  # a reboot goes last
    assert services.adms.poll(CALL) == "OK"
    assert services.adms.command_results(CALL, "ID=2&Return=0&CMD=INFO\nID=1&Return=-1&CMD=REBOOT\n") == 2
    assert services.adms.command_results(CALL, "ID=2&Return=0&CMD=INFO\n") == 0
    states = {c.command_id: c.state for c in services.adms_admin.detail(device_id).commands}
    assert states == {"1": CommandState.FAILED, "2": CommandState.DONE}


def test_rejected_devices_and_disabled_terminals_are_refused(services: Services) -> None:
    device_id = _approved(services)
    terminal_id = services.adms_admin.detail(device_id).view.device.terminal_id
    assert terminal_id is not None
    services.terminals.set_active(ADMIN, terminal_id, False)
    with pytest.raises(DeviceRefusedError) as disabled:
        services.adms.upload_operlog(CALL, "USER PIN=5\tName=Олена\n", None)
    assert disabled.value.refusal is Refusal.TERMINAL_DISABLED
    services.adms_admin.reject(ADMIN, device_id)
    with pytest.raises(DeviceRefusedError) as rejected:
        services.adms.ping(CALL)
    assert rejected.value.refusal is Refusal.REJECTED
    with pytest.raises(ConflictError) as not_approved:
        services.adms_admin.queue_text(ADMIN, device_id, "INFO")
    assert not_approved.value.code == "device_not_approved"
