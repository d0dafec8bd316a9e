"""A simulated ZKTeco device end to end: held until approved, buffering, batches, resends, commands."""

import socket
from datetime import datetime, timedelta

import httpx
import pytest
from emulators.zkteco_device import ZkDevice
from fakes import ADMIN, FakeClock

from timetracker_desktop.domain.attendance import Direction, PunchFlag
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.terminals import DirectionMode
from timetracker_desktop.repositories.ports.zkteco import CommandState, DeviceState
from timetracker_desktop.services.zkteco.dto import DeviceCommand

from .conftest import AdmsOffice

MONDAY = datetime(2026, 3, 2, 8, 0)  # noqa: DTZ001 - device-local wall time


def _day_of_punches(device: ZkDevice, pins: list[str], count: int) -> None:
    """``count`` punches spread over the pins, one minute apart."""
    for n in range(count):
        device.punch(pins[n % len(pins)], MONDAY + timedelta(minutes=n), n % 2)


def _dead_url() -> str:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}"


def test_unknown_device_is_held_until_approved(adms: AdmsOffice) -> None:
    adms.employee("Олена Коваль", "1")
    device = adms.device("NEWDEVICE01")
    _day_of_punches(device, ["1"], 5)
    assert device.handshake().status_code == 200
    assert device.options["ATTLOGStamp"] == "None"
    assert device.sync() == 0
    refused = device.upload_raw("ATTLOG", device.log[0])
    assert refused.status_code == 403
    assert refused.json()["error"] == "pending_approval"
    assert device.backlog == 5  # the device keeps its punches
    assert device.poll() == []  # polling is answered
    (pending,) = adms.services.adms_admin.pending()
    assert pending.serial == "NEWDEVICE01"
    actions = [e.action for e in adms.services.audit.entries(ADMIN)]
    assert actions.count("adms.device_seen") == 1
    terminal = adms.approve("NEWDEVICE01")
    assert terminal.serial == "NEWDEVICE01"
    assert device.sync() == 1
    assert device.backlog == 0
    assert len(adms.punches(terminal.id)) == 5
    assert adms.stored("NEWDEVICE01").approved_ip == "127.0.0.1"
    assert "adms.approve" in [e.action for e in adms.services.audit.entries(ADMIN)]


def test_punches_buffered_while_the_server_is_down_arrive_in_batches(adms: AdmsOffice) -> None:
    terminal = adms.enrol("BUFFER01")
    pins = ["1", "2", "3"]
    for pin in pins:
        adms.employee(f"Працівник {pin}", pin)
    with httpx.Client(base_url=_dead_url(), timeout=2) as dead:
        offline = ZkDevice(dead, "BUFFER01", batch_size=100)
        _day_of_punches(offline, pins, 250)
        assert offline.sync() == 0
    assert offline.backlog == 250
    device = adms.device("BUFFER01", batch_size=100)
    device.log = offline.log
    assert device.sync() == 3
    stored = adms.punches(terminal.id)
    assert len(stored) == 250
    assert stored[0].at == datetime(2026, 3, 2, 6, 0, tzinfo=stored[0].at.tzinfo)  # Kyiv UTC+2
    assert {p.direction for p in stored} == {Direction.IN, Direction.OUT}
    assert adms.stored("BUFFER01").attlog_stamp == "250"


def test_a_batch_whose_reply_was_lost_is_stored_once(adms: AdmsOffice) -> None:
    terminal = adms.enrol("RESEND01")
    adms.employee("Олена Коваль", "1")
    device = adms.device("RESEND01", batch_size=10)
    _day_of_punches(device, ["1"], 25)
    device.lose_replies = 1
    assert device.sync() == 0  # stored by the server, but the device never heard back
    assert len(adms.punches(terminal.id)) == 10
    assert device.sync() == 3  # the same first batch again, then the rest
    assert len(adms.punches(terminal.id)) == 25
    assert len({p.external_key for p in adms.punches(terminal.id)}) == 25


def test_commands_are_polled_run_and_closed(adms: AdmsOffice) -> None:
    adms.enrol("CMD01")
    adms.employee("Олена Коваль", "1")
    adms.employee("Іван Шевченко", "22")
    device = adms.device("CMD01")
    device_id = adms.stored("CMD01").id
    admin = adms.services.adms_admin
    admin.queue_command(ADMIN, device_id, DeviceCommand.REBOOT)
    admin.queue_command(ADMIN, device_id, DeviceCommand.UPLOAD_USERS)
    for _ in range(9):
        admin.queue_command(ADMIN, device_id, DeviceCommand.SET_TIME)
    with pytest.raises(ValidationError, match="confirmation"):
        admin.queue_command(ADMIN, device_id, DeviceCommand.CLEAR_LOGS)
    first = device.cycle()
    assert len(first) == 10
    assert "REBOOT" not in [c for _, c in first]
    second = device.cycle()
    assert [c for _, c in second] == ["CHECK", "REBOOT"]  # REBOOT only ever last
    assert device.reboots == 1
    assert device.users == {"1": "Олена Коваль", "22": "Іван Шевченко"}
    commands = admin.detail(device_id).commands
    assert {c.state for c in commands} == {CommandState.DONE}
    assert device.cycle() == []
    audited = [e.action for e in adms.services.audit.entries(ADMIN)]
    assert audited.count("adms.command_queued") == 12


def test_info_content_is_kept_and_silence_times_out(adms: AdmsOffice, clock: FakeClock) -> None:
    adms.enrol("CMD02")
    device = adms.device("CMD02")
    device_id = adms.stored("CMD02").id
    admin = adms.services.adms_admin
    admin.queue_command(ADMIN, device_id, DeviceCommand.INFO)
    device.cycle()
    (info,) = admin.detail(device_id).commands
    assert info.state is CommandState.DONE
    assert info.result == "~DeviceName=K40\nUserCount=0"
    admin.queue_command(ADMIN, device_id, DeviceCommand.VERIFY_LOGS)
    assert device.poll() == [("2", "VERIFY SUM ATTLOG")]  # sent, never answered
    clock.advance(minutes=11)
    assert admin.detail(device_id).commands[0].state is CommandState.TIMED_OUT
    device.poll()
    with adms.services.uow(read_only=True) as uow:
        assert uow.adms.commands(device_id)[0].state is CommandState.TIMED_OUT


def test_reload_logs_resends_everything_and_stores_nothing_twice(adms: AdmsOffice) -> None:
    terminal = adms.enrol("RELOAD01")
    adms.employee("Олена Коваль", "1")
    device = adms.device("RELOAD01", batch_size=50)
    _day_of_punches(device, ["1"], 120)
    device.sync()
    assert adms.stored("RELOAD01").attlog_stamp == "120"
    command = adms.services.adms_admin.reload_logs(ADMIN, adms.stored("RELOAD01").id)
    assert command.command == "DATA QUERY ATTLOG StartTime=2000-01-01 00:00:00\tEndTime=2026-03-05 00:00:00"
    assert adms.stored("RELOAD01").attlog_stamp is None
    assert device.handshake().status_code == 200
    assert device.options["ATTLOGStamp"] == "None"
    device.cycle()  # runs DATA QUERY: the whole log again
    device.sync()
    assert device.backlog == 0
    assert len(adms.punches(terminal.id)) == 120
    assert "adms.reload_logs" in [e.action for e in adms.services.audit.entries(ADMIN)]


def test_a_rejected_device_is_refused_everywhere(adms: AdmsOffice) -> None:
    device = adms.device("REJECT01")
    assert device.handshake().status_code == 200
    adms.services.adms_admin.reject(ADMIN, adms.stored("REJECT01").id)
    client = adms.listener.client
    for reply in (
        device.handshake(),
        client.get("/iclock/getrequest?SN=REJECT01"),
        client.get("/iclock/ping?SN=REJECT01"),
        client.post("/iclock/devicecmd?SN=REJECT01", content=b"ID=1&Return=0&CMD=INFO"),
        device.upload_raw("ATTLOG", "1\t2026-03-02 08:00:00\t0\t1\n"),
        device.upload_raw("OPERLOG", "USER PIN=1\tName=X\n"),
    ):
        assert (reply.status_code, reply.json()["error"]) == (403, "device_rejected")
    assert adms.stored("REJECT01").state is DeviceState.REJECTED


def test_unresolved_pins_are_queued_once_and_bad_lines_quarantined_once(adms: AdmsOffice) -> None:
    terminal = adms.enrol("QUEUE01", DirectionMode.AUTO)
    active = adms.employee("Олена Коваль", "1")
    gone = adms.employee("Іван Шевченко", "2")
    adms.services.employees.set_active(ADMIN, gone, False)
    body = (
        "1\t2026-03-02 08:00:00\t0\t1\n"
        "1\t2026-03-02 08:00:30\t1\t1\n"  # within the cooldown: stored, flagged
        "2\t2026-03-02 08:01:00\t0\t1\n"
        "999\t2026-03-02 08:02:00\t0\t1\n"
        "not a line\n"
        "3\tyesterday\t0\n"
    )
    device = adms.device("QUEUE01")
    for _ in range(2):
        reply = device.upload_raw("ATTLOG", body)
        assert (reply.status_code, reply.text) == (200, "OK: 6")
    punches = adms.punches(terminal.id)
    assert [(p.employee_id, p.direction) for p in punches] == [(active, Direction.AUTO)] * 2
    assert PunchFlag.DOUBLE_TAP in punches[1].flags
    assert PunchFlag.DOUBLE_TAP not in punches[0].flags
    queue = adms.queue()
    assert [(i.raw_value, i.reason, i.employee_id) for i in queue] == [
        ("2", "inactive_employee", gone),
        ("999", "unknown", None),
    ]
    detail = adms.services.adms_admin.detail(adms.stored("QUEUE01").id)
    assert sorted(q.raw for q in detail.quarantined) == ["3\tyesterday\t0", "not a line"]
