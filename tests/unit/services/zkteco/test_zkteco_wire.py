"""ADMS text the services read and write: command results (both forms), command picking, keys, users."""

from datetime import UTC, datetime

from timetracker_desktop.domain.zkteco import AttLogLine
from timetracker_desktop.repositories.ports.zkteco import AdmsCommand, CommandState
from timetracker_desktop.services.zkteco.wire import (
    clean_stamp,
    command_lines,
    parse_results,
    parse_users,
    pick_commands,
    punch_key,
    query_command,
    user_command,
)

NOW = datetime(2026, 3, 4, 10, tzinfo=UTC)


def _command(number: int, text: str) -> AdmsCommand:
    return AdmsCommand(number, 1, str(number), text, CommandState.QUEUED, NOW, "test")


def test_results_in_the_one_line_and_the_content_forms() -> None:
    body = (
        "ID=1&Return=0&CMD=INFO\n"
        "ID=2&Return=-1002&CMD=DATA\n"
        "ID=3&Return=0&CMD=Shell\nContent=line one\nline two\n"
        "ID=4&Return=0&CMD=Shell&Content=inline\n"
        "ID=bad id&Return=0&CMD=INFO\n"
    )
    closings = [(c.command_id, c.state, c.return_code, c.result) for c in parse_results(body)]
    assert closings == [
        ("1", CommandState.DONE, 0, None),
        ("2", CommandState.FAILED, -1002, None),
        ("3", CommandState.DONE, 0, "line one\nline two"),
        ("4", CommandState.DONE, 0, "inline\nID=bad id&Return=0&CMD=INFO"),  # not an ID: content
    ]


def test_at_most_ten_commands_a_reply_and_reboot_last() -> None:
    queued = [_command(1, "REBOOT"), *(_command(n, "CHECK") for n in range(2, 14))]
    chosen = pick_commands(queued)
    assert [c.command_id for c in chosen] == [str(n) for n in range(2, 12)]
    assert [c.command for c in pick_commands(queued[:4])] == ["CHECK", "CHECK", "CHECK", "REBOOT"]
    assert command_lines(pick_commands(queued[:2])) == "C:2:CHECK\nC:1:REBOOT\n"
    assert command_lines([]) == "OK"


def test_keys_are_per_pin_local_time_and_status() -> None:
    line = AttLogLine(1, "0042", datetime(2026, 3, 2, 8, 0, 5), "1", "1", "raw")  # noqa: DTZ001
    assert punch_key(line) == "0042|20260302080005|1"
    odd = AttLogLine(1, "пін 1", datetime(2026, 3, 2, 8, 0, 5), "1", "1", "raw")  # noqa: DTZ001
    assert punch_key(odd).startswith("h|")
    assert len(punch_key(odd)) <= 96
    assert punch_key(AttLogLine(1, "AB1", line.local_time, "1", "", "")) == punch_key(
        AttLogLine(1, "ab1", line.local_time, "1", "", "")
    )


def test_users_stamps_and_command_texts() -> None:
    users = parse_users(
        "USER PIN=7\tName=Олена\tPri=14\tPasswd=secret\tCard=123\nFP PIN=7\tTMP=xyz\nUSER Name=x\n"
    )
    assert [(u.pin, u.name, u.privilege, u.card) for u in users] == [("7", "Олена", "14", "123")]
    assert clean_stamp("9999") == "9999"
    assert clean_stamp("a b") is None
    assert clean_stamp(None) is None
    assert user_command("7", "Олена\tКоваль  Дуже-Довге-Прізвище") == (
        "DATA UPDATE USERINFO PIN=7\tName=Олена Коваль Дуже-Довге-"
    )
    start, end = datetime(2000, 1, 1), datetime(2026, 3, 5)  # noqa: DTZ001
    assert query_command(start, end) == (
        "DATA QUERY ATTLOG StartTime=2000-01-01 00:00:00\tEndTime=2026-03-05 00:00:00"
    )
