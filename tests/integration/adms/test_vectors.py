"""The five test vectors of TERMINAL_PROTOCOL §7 through HTTP into the database, on SQLite and MariaDB."""

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from fakes import ADMIN

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.repositories.ports.zkteco import CommandState
from timetracker_desktop.services.zkteco.dto import DeviceCommand

from .conftest import AdmsOffice

VECTOR_2 = (
    "1\t2024-07-28 01:25:24\t0\t1\t\t0\t0\t\r\n"
    "1\t2024-07-28 10:41:21\t0\t1\t\t0\t0\t\r\n"
    "4\t2024-07-28 10:41:31\t0\t1\t\t0\t0\t\r\n"
)
HANDSHAKE = (
    "/iclock/cdata?SN=0316144680030&options=all&pushver=2.2.14&language=83"
    "&pushcommkey=4a9594af164f2b9779b59e8554b5df26"
)
INFO = "Ver%202.0.12-20150625,0,0,0,192.168.16.27,10,7,15,0,111"


def test_vector_1_handshake_of_an_approved_device_without_stamp(adms: AdmsOffice) -> None:
    adms.enrol("0316144680030")
    reply = adms.listener.client.get(HANDSHAKE)
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/plain")
    sent = parsedate_to_datetime(reply.headers["date"])
    assert reply.headers["date"].endswith(" GMT")
    assert abs((sent - datetime.now(UTC)).total_seconds()) < 5
    lines = reply.text.split("\n")
    assert lines[0] == "GET OPTION FROM: 0316144680030"
    assert "ATTLOGStamp=None" in lines
    assert "TimeZone=2" in lines  # Kyiv in March 2026, before the switch to summer time
    assert "TransFlag=TransData AttLog\tOpLog\tEnrollUser\tChgUser" in lines
    assert adms.stored("0316144680030").push_version == "2.2.14"


def test_vector_2_attlog_upload_is_stored_once_in_utc(adms: AdmsOffice) -> None:
    terminal = adms.enrol("BOCK200961014")
    first, second = adms.employee("Олена Коваль", "1"), adms.employee("Іван Шевченко", "4")
    url = "/iclock/cdata?SN=BOCK200961014&table=ATTLOG&Stamp=9999"
    reply = adms.listener.client.post(url, content=VECTOR_2.encode())
    assert (reply.status_code, reply.text) == (200, "OK: 3")
    punches = adms.punches(terminal.id)
    assert [p.employee_id for p in punches] == [first, first, second]
    assert punches[0].at == datetime(2024, 7, 27, 22, 25, 24, tzinfo=UTC)
    assert punches[0].received_at == adms.services.clock.now()
    assert [p.direction for p in punches] == [Direction.IN] * 3  # device mode trusts status 0
    again = adms.listener.client.post(url, content=VECTOR_2.encode())
    assert (again.status_code, again.text) == (200, "OK: 3")
    assert len(adms.punches(terminal.id)) == 3
    assert adms.stored("BOCK200961014").attlog_stamp == "9999"
    handshake = adms.listener.client.get("/iclock/cdata?SN=BOCK200961014&options=all")
    assert "ATTLOGStamp=9999" in handshake.text.split("\n")


def test_vector_3_status_255_is_stored_as_auto(adms: AdmsOffice) -> None:
    terminal = adms.enrol("DEV3")
    adms.employee("Петро", "20156107")
    body = "20156107\t2020-02-22 23:10:05\t255\t1\t\t0\t0\t2\n"
    reply = adms.listener.client.post("/iclock/cdata?SN=DEV3&table=ATTLOG&Stamp=1", content=body.encode())
    assert (reply.status_code, reply.text) == (200, "OK: 1")
    (punch,) = adms.punches(terminal.id)
    assert punch.direction is Direction.AUTO
    assert punch.at == datetime(2020, 2, 22, 21, 10, 5, tzinfo=UTC)


def test_vector_4_getrequest_info_feeds_health(adms: AdmsOffice) -> None:
    adms.enrol("0316144680030")
    reply = adms.listener.client.get(f"/iclock/getrequest?SN=0316144680030&INFO={INFO}")
    assert (reply.status_code, reply.text) == (200, "OK")
    device = adms.stored("0316144680030")
    health = adms.services.adms_admin.detail(device.id).view
    assert health.online
    assert (device.firmware, device.user_count, device.attlog_count, device.reported_ip) == (
        "Ver 2.0.12-20150625",
        0,
        0,
        "192.168.16.27",
    )
    assert device.last_ip == "127.0.0.1"  # the address the listener saw
    assert device.fingerprint_count == 0
    assert device.info_at == adms.services.clock.now()


def test_vector_5_command_results_close_both_commands(adms: AdmsOffice) -> None:
    adms.enrol("0316144680030")
    adms.employee("Олена Коваль", "1")
    device_id = adms.stored("0316144680030").id
    adms.services.adms_admin.queue_command(ADMIN, device_id, DeviceCommand.INFO)
    adms.services.adms_admin.queue_command(ADMIN, device_id, DeviceCommand.UPLOAD_USERS)
    polled = adms.listener.client.get("/iclock/getrequest?SN=0316144680030")
    assert polled.text == "C:1:INFO\nC:2:DATA UPDATE USERINFO PIN=1\tName=Олена Коваль\n"
    body = "ID=1&Return=0&CMD=INFO\nID=2&Return=0&CMD=DATA\n"
    reply = adms.listener.client.post("/iclock/devicecmd?SN=0316144680030", content=body.encode())
    assert (reply.status_code, reply.text) == (200, "OK")
    commands = adms.services.adms_admin.detail(device_id).commands
    assert {(c.command_id, c.state, c.return_code) for c in commands} == {
        ("1", CommandState.DONE, 0),
        ("2", CommandState.DONE, 0),
    }
