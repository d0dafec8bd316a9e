"""ADMS text the services read or write: OPERLOG users, command results, command lines, stamps, keys."""

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime

from timetracker_desktop.domain.zkteco import (
    COMMAND_ID_RE,
    MAX_COMMANDS_PER_REPLY,
    AttLogLine,
    non_blank_lines,
    parse_command_results,
)
from timetracker_desktop.repositories.ports.zkteco import (
    AdmsCommand,
    CommandClosing,
    CommandState,
    DeviceUser,
)

STAMP_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,32}$")
MAX_RESULT_CHARS = 65_536
MAX_KEY = 96
REBOOT = "REBOOT"
_PLAIN = re.compile(r"^[A-Za-z0-9]{1,24}$")


def clean_stamp(stamp: str | None) -> str | None:
    """A ``Stamp`` worth storing; anything odd is ignored (the device then resends, which is harmless)."""
    if stamp is None or not STAMP_RE.match(stamp.strip()):
        return None
    return stamp.strip()


def punch_key(line: AttLogLine) -> str:
    """The idempotency key of an ATTLOG line: (PIN, device-local time, status), per terminal.

    Plain PINs and statuses give a readable key; lower case, so that a case-insensitive collation sees the
    same duplicates as Python does. Anything else is hashed.
    """
    stamp = line.local_time.strftime("%Y%m%d%H%M%S")
    if _PLAIN.match(line.pin) and _PLAIN.match(line.status):
        return f"{line.pin.lower()}|{stamp}|{line.status.lower()}"
    digest = hashlib.sha256(f"{line.pin}\t{stamp}\t{line.status}".encode()).hexdigest()
    return f"h|{digest}"[:MAX_KEY]


def key_hash(comm_key: str | None) -> str:
    """Identity of a ``pushcommkey`` (absent and empty are the same: no key)."""
    return hashlib.sha256((comm_key or "").strip().encode()).hexdigest()


NO_KEY = key_hash(None)


def line_hash(table: str, raw: str) -> str:
    """Identity of a quarantined line."""
    return hashlib.sha256(f"{table}\n{raw}".encode()).hexdigest()


def _fields(text: str) -> dict[str, str]:
    """``KEY=value`` pairs separated by TABs."""
    pairs = (part.split("=", 1) for part in text.split("\t") if "=" in part)
    return {key.strip(): value.strip() for key, value in pairs}


def parse_users(body: str) -> list[DeviceUser]:
    """``USER PIN=..\\tName=..\\tPri=..\\tCard=..`` lines; passwords and biometrics are dropped."""
    users = []
    for line in non_blank_lines(body):
        if not line.startswith("USER "):
            continue
        fields = _fields(line[5:])
        pin = fields.get("PIN", "")
        if not _PLAIN.match(pin):
            continue
        users.append(
            DeviceUser(
                pin,
                fields.get("Name", "")[:64] or None,
                fields.get("Card", "")[:64] or None,
                fields.get("Pri", "")[:8] or None,
            )
        )
    return users


def _inline_content(line: str) -> str | None:
    for part in line.split("&"):
        if part.startswith("Content="):
            return part[len("Content=") :]
    return None


def parse_results(body: str) -> list[CommandClosing]:
    """Command results, one ``ID=..&Return=..&CMD=..`` line each, or followed by ``Content=`` lines."""
    closings: list[tuple[str, int | None, list[str]]] = []
    for line in non_blank_lines(body):
        results = parse_command_results(line)
        if results:
            inline = _inline_content(line)
            closings.append((results[0].command_id, results[0].return_code, [inline] if inline else []))
        elif closings:
            content = line[len("Content=") :] if line.startswith("Content=") else line
            closings[-1][2].append(content)
    return [
        CommandClosing(
            command_id,
            CommandState.DONE if code is not None and code >= 0 else CommandState.FAILED,
            code,
            "\n".join(content)[:MAX_RESULT_CHARS] or None,
        )
        for command_id, code, content in closings
    ]


def pick_commands(queued: Sequence[AdmsCommand]) -> list[AdmsCommand]:
    """At most ten commands for one reply, oldest first, a ``REBOOT`` only last."""
    others = [c for c in queued if c.command.strip().upper() != REBOOT]
    reboots = [c for c in queued if c.command.strip().upper() == REBOOT]
    chosen = others[:MAX_COMMANDS_PER_REPLY]
    if reboots and len(chosen) < MAX_COMMANDS_PER_REPLY:
        chosen.append(reboots[0])
    return chosen


def command_lines(commands: Sequence[AdmsCommand]) -> str:
    """The ``getrequest`` reply: ``C:<ID>:<command>`` lines, or ``OK`` when nothing is queued."""
    if not commands:
        return "OK"
    return "".join(f"C:{c.command_id}:{c.command}\n" for c in commands if COMMAND_ID_RE.match(c.command_id))


def user_command(pin: str, name: str) -> str:
    """``DATA UPDATE USERINFO`` for one employee (the device shows at most 24 characters)."""
    shown = " ".join(name.split())[:24]
    return f"DATA UPDATE USERINFO PIN={pin}\tName={shown}"


def query_command(start: datetime, end: datetime) -> str:
    """``DATA QUERY ATTLOG`` over a device-local range."""
    fmt = "%Y-%m-%d %H:%M:%S"
    return f"DATA QUERY ATTLOG StartTime={start.strftime(fmt)}\tEndTime={end.strftime(fmt)}"
