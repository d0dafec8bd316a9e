"""ADMS wire rules: the contract's test vectors that need no server (TERMINAL_PROTOCOL §7)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.domain.zkteco import (
    AttLogLine,
    BadLine,
    device_time_to_utc,
    handshake_reply,
    is_valid_serial,
    non_blank_lines,
    parse_attlog,
    parse_command_results,
    parse_info,
    status_direction,
    timezone_option,
)

KYIV = ZoneInfo("Europe/Kyiv")
VECTOR_2 = (
    "1\t2024-07-28 01:25:24\t0\t1\t\t0\t0\t\r\n"
    "1\t2024-07-28 10:41:21\t0\t1\t\t0\t0\t\r\n"
    "4\t2024-07-28 10:41:31\t0\t1\t\t0\t0\t\r\n"
)


def test_vector_1_handshake_in_kyiv_winter() -> None:
    reply = handshake_reply("0316144680030", None, None, KYIV, datetime(2026, 1, 15, 12, tzinfo=UTC))
    lines = reply.split("\n")
    assert lines[0] == "GET OPTION FROM: 0316144680030"
    assert "ATTLOGStamp=None" in lines
    assert "TimeZone=2" in lines
    assert "TransFlag=TransData AttLog\tOpLog\tEnrollUser\tChgUser" in lines


def test_vector_2_attlog_three_lines_first_punch_in_utc() -> None:
    parsed = list(parse_attlog(VECTOR_2))
    assert len(non_blank_lines(VECTOR_2)) == 3
    assert all(isinstance(p, AttLogLine) for p in parsed)
    first = parsed[0]
    assert isinstance(first, AttLogLine)
    received = datetime(2024, 7, 28, 8, tzinfo=UTC)
    assert device_time_to_utc(first.local_time, KYIV, received) == datetime(
        2024, 7, 27, 22, 25, 24, tzinfo=UTC
    )
    assert status_direction(first.status) is Direction.IN


def test_vector_3_status_255_is_auto_and_extra_fields_are_tolerated() -> None:
    (line,) = parse_attlog("20156107\t2020-02-22 23:10:05\t255\t1\t\t0\t0\t2\n")
    assert isinstance(line, AttLogLine)
    assert status_direction(line.status) is Direction.AUTO
    expected = ["IN", "OUT", "OUT", "IN", "IN", "OUT"]
    assert [status_direction(s).value for s in "012345"] == expected


def test_vector_4_device_info() -> None:
    info = parse_info("Ver 2.0.12-20150625,0,0,0,192.168.16.27,10,7,15,0,111")
    assert (info.firmware, info.users, info.attlogs, info.ip) == (
        "Ver 2.0.12-20150625",
        0,
        0,
        "192.168.16.27",
    )


def test_vector_5_command_results() -> None:
    results = parse_command_results("ID=1&Return=0&CMD=INFO\nID=2&Return=0&CMD=DATA\n")
    assert [(r.command_id, r.return_code, r.command) for r in results] == [("1", 0, "INFO"), ("2", 0, "DATA")]


def test_bad_lines_are_quarantined_not_refused() -> None:
    parsed = list(parse_attlog("\tno pin\n1\tyesterday\t0\n2\t2024-07-28 10:00:00\n"))
    assert [type(p) for p in parsed] == [BadLine, BadLine, AttLogLine]
    assert isinstance(parsed[2], AttLogLine)
    assert parsed[2].status == "255"


def test_repeated_autumn_hour_takes_the_latest_reading_not_after_receipt() -> None:
    local = datetime(2026, 10, 25, 3, 30)  # noqa: DTZ001 - device wall time
    first, second = datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert device_time_to_utc(local, KYIV, datetime(2026, 10, 25, 1, 0, tzinfo=UTC)) == first
    assert device_time_to_utc(local, KYIV, datetime(2026, 10, 25, 2, 0, tzinfo=UTC)) == second
    assert device_time_to_utc(local, KYIV, datetime(2026, 10, 24, 0, 0, tzinfo=UTC)) == first


def test_timezone_offsets_in_hours_or_minutes_and_serials() -> None:
    summer = datetime(2026, 7, 1, tzinfo=UTC)
    assert timezone_option(KYIV, summer) == "3"
    assert timezone_option(ZoneInfo("Asia/Kolkata"), summer) == "330"
    assert is_valid_serial("BOCK200961014")
    assert not is_valid_serial("../etc")
