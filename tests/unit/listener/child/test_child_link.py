"""The line protocol between the app and its listener process; the child's scan relay and call replies."""

import io
import ipaddress
import threading
from datetime import UTC, datetime

import pytest

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.listener.child.link import (
    PRESENCE_TODAY,
    Call,
    ChildConfig,
    ChildLinkError,
    Failed,
    Ready,
    Reply,
    Scans,
    call_line,
    failed_line,
    parse_call,
    parse_message,
    ready_line,
    reply_line,
    scans_line,
)
from timetracker_desktop.listener.child.outbox import Outbox, ScanRelay
from timetracker_desktop.listener.options import ListenerOptions
from timetracker_desktop.services.ingest.dto import NoticeKind, ScanNotice

AT = datetime(2026, 3, 4, 8, 1, 2, tzinfo=UTC)


def _notice(punch_id: int) -> ScanNotice:
    return ScanNotice(NoticeKind.PHONE_SCAN, 3, "recorded", AT, 7, "Олена Коваль", Direction.IN, punch_id)


def test_config_survives_the_line_with_a_password_and_options() -> None:
    config = ChildConfig(
        "mysql+pymysql://tt:pä ss@db/tt",
        "0.0.0.0",
        8000,
        ListenerOptions(burst=5, allowed_networks=(ipaddress.ip_network("10.0.0.0/8"),)),
    )
    line = config.to_line()
    assert line.endswith("\n")
    assert line.count("\n") == 1
    assert ChildConfig.from_line(line) == config


@pytest.mark.parametrize("line", ["", "[]", "{", '{"url": "x"}', '{"url": "x", "host": "h", "port": "p"}'])
def test_a_bad_config_is_refused_with_a_reason(line: str) -> None:
    with pytest.raises(ChildLinkError):
        ChildConfig.from_line(line)


def test_child_messages_round_trip() -> None:
    assert parse_message(ready_line("127.0.0.1", 8123)) == Ready("127.0.0.1", 8123)
    assert parse_message(failed_line("port_in_use", "port 8123 is busy")) == Failed(
        "port_in_use", "port 8123 is busy"
    )
    assert parse_message(scans_line(_notice(5531), 4)) == Scans(_notice(5531), 4)
    bare = ScanNotice(NoticeKind.CARD_SCAN, 1, "unknown_badge", AT)
    assert parse_message(scans_line(bare, 1)) == Scans(bare, 1)


@pytest.mark.parametrize("line", ["hello", "{}", '{"ready": {}}', '{"scans": {"notice": {}, "count": 1}}'])
def test_a_line_outside_the_protocol_is_an_error(line: str) -> None:
    with pytest.raises(ChildLinkError):
        parse_message(line)


class _SlowPipe(io.StringIO):
    """A pipe whose reader is slow: each write waits until the test lets it go."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

        self.entered = threading.Event()

    def write(self, text: str) -> int:
        self.entered.set()
        self.gate.wait(5)
        return super().write(text)


def test_the_relay_coalesces_scans_while_the_reader_is_slow() -> None:
    pipe = _SlowPipe()
    relay = ScanRelay(Outbox(pipe))
    relay.start()
    for punch_id in range(1, 501):
        relay.notify(_notice(punch_id))
    pipe.gate.set()
    relay.stop()
    messages = [parse_message(line) for line in pipe.getvalue().splitlines()]
    assert all(isinstance(m, Scans) for m in messages)
    scans = [m for m in messages if isinstance(m, Scans)]
    assert sum(m.count for m in scans) == 500  # every scan is counted ...
    assert len(scans) <= 2  # ... in one line per batch, not one per scan
    assert scans[-1].notice.punch_id == 500  # the newest notice is the one passed on


def test_the_relay_stops_quietly_when_the_gui_is_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    escaped: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", escaped.append)
    pipe = io.StringIO()
    outbox = Outbox(pipe)
    relay = ScanRelay(outbox)
    relay.start()
    pipe.close()  # writing now raises ValueError, as a closed pipe raises OSError
    assert outbox.write("a line\n") is False
    relay.notify(_notice(1))
    relay.stop()
    assert not relay.running
    assert escaped == []  # the thread ended by itself, without an exception


def test_calls_and_replies_round_trip() -> None:
    assert parse_call(call_line(7, PRESENCE_TODAY)) == Call(7, PRESENCE_TODAY)
    assert parse_message(reply_line(7, b"\x80\x05 any bytes")) == Reply(7, b"\x80\x05 any bytes")
    assert parse_message(reply_line(8, error="StorageUnavailableError: down")) == Reply(
        8, None, "StorageUnavailableError: down"
    )


@pytest.mark.parametrize(
    "line",
    [
        '{"call": {"id": 1, "name": "drop_tables"}}',  # only the calls the child knows
        '{"call": {"id": "x", "name": "presence_today"}}',
        '{"config": {}}',
    ],
)
def test_a_call_outside_the_protocol_is_refused(line: str) -> None:
    with pytest.raises(ChildLinkError):
        parse_call(line)


@pytest.mark.parametrize(
    "line",
    [
        '{"reply": {"id": 1, "value": null, "error": null}}',
        '{"reply": {"id": 1, "value": "%%%", "error": null}}',
    ],
)
def test_a_reply_holds_a_value_or_an_error(line: str) -> None:
    with pytest.raises(ChildLinkError):
        parse_message(line)


def test_scans_noted_while_the_last_line_is_written_are_sent_at_stop() -> None:
    """``stop`` while a line is being written: what arrived meanwhile goes out too, not dropped."""
    pipe = _SlowPipe()
    relay = ScanRelay(Outbox(pipe))
    relay.start()
    relay.notify(_notice(1))
    assert pipe.entered.wait(5)  # the relay is writing the first line and waits for the reader
    for punch_id in range(2, 11):
        relay.notify(_notice(punch_id))
    stopper = threading.Thread(target=relay.stop)
    stopper.start()
    stopper.join(0.2)  # stop() has asked the relay to close and now waits for it
    pipe.gate.set()
    stopper.join(5)
    scans = [parse_message(line) for line in pipe.getvalue().splitlines()]
    assert [(m.count, m.notice.punch_id) for m in scans if isinstance(m, Scans)] == [(1, 1), (9, 10)]
