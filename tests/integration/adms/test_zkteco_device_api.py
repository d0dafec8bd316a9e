"""ADMS services without HTTP: approval rules, terminal settings, DST CHECK, autumn hour, refusals, roles."""

from datetime import UTC, datetime

import pytest
from fakes import ADMIN, VIEWER, FakeClock

from timetracker_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from timetracker_desktop.domain.terminals import DirectionMode, Terminal, TerminalKind
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.zkteco.dto import DeviceCall, DeviceCommand, DeviceRefusedError, Refusal

LAN = "192.168.1.9"  # the device's address, to which it is pinned at approval


def _approved(services: Services, serial: str, zone: str | None = None) -> int:
    services.adms.handshake(DeviceCall(serial, LAN))
    device = next(d for d in services.adms_admin.pending() if d.serial == serial)
    services.adms_admin.approve(ADMIN, device.id, time_zone=zone)
    return device.id


def test_approval_validates_and_links_a_terminal_that_carries_the_serial(services: Services) -> None:
    services.adms.handshake(DeviceCall("LINK1", LAN))
    (device,) = services.adms_admin.pending()
    with pytest.raises(PermissionDeniedError):
        services.adms_admin.approve(VIEWER, device.id)
    with pytest.raises(ValidationError):
        services.adms_admin.approve(ADMIN, device.id, time_zone="Mars/Olympus")
    with pytest.raises(ValidationError):
        services.adms_admin.approve(ADMIN, device.id, direction_mode=DirectionMode.IN_ONLY)
    with services.uow() as uow:
        existing = uow.terminals.add(
            Terminal(0, "Склад", TerminalKind.ADMS, serial="LINK1"), None, services.clock.now()
        )
        uow.commit()
    terminal = services.adms_admin.approve(ADMIN, device.id, time_zone="Europe/Warsaw")
    assert (terminal.id, terminal.time_zone, terminal.direction_mode) == (
        existing.id,
        "Europe/Warsaw",
        DirectionMode.DEVICE,
    )
    with pytest.raises(ConflictError):
        services.adms_admin.approve(ADMIN, device.id)
    assert services.adms_admin.for_terminal(existing.id) is not None


def test_a_zone_change_is_audited_and_queues_check(services: Services) -> None:
    device_id = _approved(services, "ZONE1")
    terminal = services.adms_admin.configure(
        ADMIN, device_id, time_zone="Asia/Kolkata", direction_mode=DirectionMode.AUTO
    )
    assert terminal.direction_mode is DirectionMode.AUTO
    reply = services.adms.handshake(DeviceCall("ZONE1", LAN))
    assert "TimeZone=330" in reply.split("\n")
    assert services.adms.poll(DeviceCall("ZONE1", LAN)) == "C:1:CHECK\n"
    actions = [e.action for e in services.audit.entries(ADMIN)]
    assert "terminal.adms_settings" in actions


def test_a_dst_change_between_polls_queues_check(services: Services, clock: FakeClock) -> None:
    _approved(services, "DST1")
    clock.set(datetime(2026, 3, 29, 0, 30, tzinfo=UTC))  # Kyiv still on UTC+2
    assert services.adms.poll(DeviceCall("DST1", LAN)) == "OK"
    clock.set(datetime(2026, 3, 29, 1, 30, tzinfo=UTC))  # now UTC+3
    assert services.adms.poll(DeviceCall("DST1", LAN)) == "C:1:CHECK\n"
    assert "TimeZone=3" in services.adms.handshake(DeviceCall("DST1", LAN)).split("\n")


def test_the_repeated_autumn_hour_is_read_as_the_latest_past_instant(
    services: Services, clock: FakeClock
) -> None:
    _approved(services, "FALL1")
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Олена", pin="5")).id
    clock.set(datetime(2026, 10, 25, 1, 45, tzinfo=UTC))  # 03:45 local, in the second pass of the hour
    outcome = services.adms.upload_attlog(DeviceCall("FALL1", LAN), "5\t2026-10-25 03:30:00\t0\n", "1")
    assert (outcome.lines, outcome.stored) == (1, 1)
    with services.uow(read_only=True) as uow:
        (punch,) = uow.punches.for_employees([employee], datetime(2026, 10, 1, tzinfo=UTC), clock.now())[
            employee
        ]
    assert punch.at == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_uploads_of_a_disabled_terminal_or_unknown_device_are_refused(services: Services) -> None:
    with pytest.raises(DeviceRefusedError) as unknown:
        services.adms.upload_attlog(DeviceCall("NOPE1", LAN), "1\t2026-03-02 08:00:00\n", None)
    assert unknown.value.refusal is Refusal.PENDING_APPROVAL
    assert [d.serial for d in services.adms_admin.pending()] == ["NOPE1"]  # recorded, not lost
    device_id = _approved(services, "OFF1")
    terminal_id = services.adms_admin.detail(device_id).view.device.terminal_id
    assert terminal_id is not None
    services.terminals.set_active(ADMIN, terminal_id, False)
    with pytest.raises(DeviceRefusedError) as disabled:
        services.adms.upload_operlog(DeviceCall("OFF1", LAN), "USER PIN=1\n", None)
    assert disabled.value.refusal is Refusal.TERMINAL_DISABLED
    with pytest.raises(ConflictError):
        services.adms_admin.reload_logs(ADMIN, services.adms_admin.pending()[0].id)
    with pytest.raises(ValidationError, match="PIN"):
        services.adms_admin.queue_command(ADMIN, device_id, DeviceCommand.UPLOAD_USERS)
