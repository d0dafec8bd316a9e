"""ZKTeco PUSH/ADMS wire rules that need no I/O: ATTLOG lines, status keys, device-local times, handshake."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.attendance import Direction

SERIAL_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
COMMAND_ID_RE = re.compile(r"^[A-Za-z0-9]{1,16}$")
MAX_COMMANDS_PER_REPLY = 10
_IN_STATUSES = frozenset({"0", "3", "4"})
_OUT_STATUSES = frozenset({"1", "2", "5"})
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
# Device clocks start at 2000; years outside this range are impossible readings (and near year 1 or 9999 a
# zone offset would overflow the conversion to UTC), so such lines are quarantined, not stored.
FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_INFO_CHARS = 1024
_MAX_COUNT_DIGITS = 9  # INFO counters go into INTEGER columns: a longer number is no real count


@dataclass(frozen=True, slots=True)
class AttLogLine:
    """One parsed ATTLOG line; ``local_time`` is the device's wall clock (naive)."""

    line_no: int
    pin: str
    local_time: datetime
    status: str
    verify: str
    raw: str


@dataclass(frozen=True, slots=True)
class BadLine:
    """A line that could not be parsed: quarantined, never refused (the device would resend forever)."""

    line_no: int
    raw: str
    reason: str


def is_valid_serial(serial: str) -> bool:
    """Whether an SN query value is acceptable."""
    return bool(SERIAL_RE.match(serial))


def non_blank_lines(body: str) -> list[str]:
    """Lines split on LF with CR stripped and blanks skipped: what ``OK: <n>`` counts."""
    return [line.rstrip("\r") for line in body.split("\n") if line.strip()]


def line_batches(body: str, size: int) -> Iterator[str]:
    """The body's non-blank lines, ``size`` at a time, each batch as text of its own."""
    lines = non_blank_lines(body)
    for start in range(0, len(lines), size):
        yield "\n".join(lines[start : start + size])


def parse_attlog(body: str) -> Iterator[AttLogLine | BadLine]:
    """Parse an ATTLOG upload; missing, extra and empty fields are tolerated, PIN and time are required."""
    for number, raw in enumerate(non_blank_lines(body), start=1):
        yield _parse_line(number, raw)


def _parse_line(number: int, raw: str) -> AttLogLine | BadLine:
    fields = [f.strip() for f in raw.split("\t")]
    pin = fields[0] if fields else ""
    stamp = fields[1] if len(fields) > 1 else ""
    if not pin or len(pin) > 24:
        return BadLine(number, raw, "missing or over-long PIN")
    try:
        local_time = datetime.strptime(stamp, _TIME_FORMAT)  # noqa: DTZ007 - device wall clock, zone applied later
    except ValueError:
        return BadLine(number, raw, "missing or malformed time")
    if not FIRST_YEAR <= local_time.year <= LAST_YEAR:
        return BadLine(number, raw, "impossible date")
    status = fields[2] if len(fields) > 2 and fields[2] else "255"
    verify = fields[3] if len(fields) > 3 else ""
    return AttLogLine(number, pin, local_time, status, verify, raw)


def status_direction(status: str) -> Direction:
    """Status key 0/3/4 means IN, 1/2/5 OUT, anything else (255) leaves the decision to the server."""
    if status in _IN_STATUSES:
        return Direction.IN
    if status in _OUT_STATUSES:
        return Direction.OUT
    return Direction.AUTO


def device_time_to_utc(local_time: datetime, zone: ZoneInfo, received_at: datetime) -> datetime:
    """Convert a device wall time; in the repeated autumn hour take the latest reading not after receipt."""
    candidates = sorted({local_time.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1)})
    not_after = [c for c in candidates if c <= received_at]
    return not_after[-1] if not_after else candidates[0]


def timezone_option(zone: ZoneInfo, at: datetime) -> str:
    """``TimeZone=`` value: the zone's current offset in hours, or in minutes when not whole (e.g. 330)."""
    offset = at.astimezone(zone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    return str(minutes // 60) if minutes % 60 == 0 else str(minutes)


def handshake_reply(
    serial: str, attlog_stamp: str | None, operlog_stamp: str | None, zone: ZoneInfo, at: datetime
) -> str:
    """The options reply to the handshake ``GET /iclock/cdata?SN=...&options=all`` (LF lines, TAB flags)."""
    lines = [
        f"GET OPTION FROM: {serial}",
        f"ATTLOGStamp={attlog_stamp or 'None'}",
        f"OPERLOGStamp={operlog_stamp or 'None'}",
        "ATTPHOTOStamp=None",
        "ErrorDelay=30",
        "Delay=10",
        "TransTimes=00:00;14:05",
        "TransInterval=1",
        "TransFlag=TransData AttLog\tOpLog\tEnrollUser\tChgUser",
        f"TimeZone={timezone_option(zone, at)}",
        "Realtime=1",
        "Encrypt=None",
        "ServerVer=2.4.1",
        "PushProtVer=2.4.1",
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """What ``getrequest?INFO=...`` tells about a device."""

    firmware: str
    users: int | None
    fingerprints: int | None
    attlogs: int | None
    ip: str | None


def _int_or_none(text: str) -> int | None:
    """A counter: up to nine digits (what an INTEGER column holds), else unknown."""
    digits = text.strip()
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= _MAX_COUNT_DIGITS else None


def _signed_or_none(text: str) -> int | None:
    """A return code: a counter with an optional minus sign."""
    negative = text.startswith("-")
    value = _int_or_none(text[1:] if negative else text)
    return -value if negative and value is not None else value


def parse_info(info: str) -> DeviceInfo:
    """``INFO=fw,users,fingerprints,attlogs,ip,...`` (fields may be missing; the text and numbers bounded)."""
    parts = [p.strip() for p in info[:MAX_INFO_CHARS].split(",")]
    parts += [""] * (5 - len(parts))
    return DeviceInfo(
        parts[0], _int_or_none(parts[1]), _int_or_none(parts[2]), _int_or_none(parts[3]), parts[4] or None
    )


@dataclass(frozen=True, slots=True)
class CommandResult:
    """One ``ID=..&Return=..&CMD=..`` result reported to ``/iclock/devicecmd``."""

    command_id: str
    return_code: int | None
    command: str


def parse_command_results(body: str) -> list[CommandResult]:
    """Parse command results, one per line; unknown shapes are skipped."""
    results = []
    for line in non_blank_lines(body):
        fields = dict(part.split("=", 1) for part in line.split("&") if "=" in part)
        command_id = fields.get("ID", "").strip()
        if not COMMAND_ID_RE.match(command_id):
            continue
        code = fields.get("Return", "").strip()
        results.append(CommandResult(command_id, _signed_or_none(code), fields.get("CMD", "").strip()))
    return results
