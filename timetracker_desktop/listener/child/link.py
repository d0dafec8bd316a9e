"""The line protocol between the app and its listener process: one JSON object per line, both ways.

The app writes one ``ChildConfig`` line to the child's stdin and keeps stdin open; closing it tells the
child to stop. The child answers on stdout with ``ready`` (serving) or ``failed`` (and exits), then one
``scan`` line per batch of stored scans: the GUI only needs to know that something arrived, since it
fetches the feed by last id, so the child sends the newest notice of a batch and how many it stood for.
Later stdin lines are ``call`` lines: work the GUI has the child do away from the GUI's GIL (``CALLS``);
each is answered by a ``reply`` line with the same id, holding the pickled result or an error text (the
pipe joins two processes of one program, so pickle carries any result type as it is).
Plain standard library only: the app imports this without the web stack.
"""

import base64
import ipaddress
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.listener.options import ListenerOptions
from timetracker_desktop.services.ingest.dto import NoticeKind, ScanNotice

CHILD_FLAG = "--listener-child"  # the hidden first argument that makes the program the listener process
PRESENCE_TODAY = "presence_today"  # the Today board (services.presence.PresenceService.today)
CALLS = (PRESENCE_TODAY,)


class ChildLinkError(ValueError):
    """A line that does not follow this protocol."""


@dataclass(frozen=True, slots=True)
class ChildConfig:
    """What the listener process serves: the database (the URL may hold a password: stdin, never argv)."""

    url: str
    host: str
    port: int
    options: ListenerOptions = field(default_factory=ListenerOptions)

    def to_line(self) -> str:
        """One line for the child's stdin."""
        options = asdict(self.options)
        networks = self.options.allowed_networks
        options["allowed_networks"] = None if networks is None else [str(n) for n in networks]
        return json.dumps({"url": self.url, "host": self.host, "port": self.port, "options": options}) + "\n"

    @classmethod
    def from_line(cls, line: str) -> "ChildConfig":
        """Parse the first line of stdin."""
        try:
            data = _object(line)
            options = dict(data.get("options") or {})
            if options.get("allowed_networks") is not None:
                options["allowed_networks"] = tuple(
                    ipaddress.ip_network(n) for n in options["allowed_networks"]
                )
            options["trusted_proxies"] = tuple(options.get("trusted_proxies") or ())
            return cls(str(data["url"]), str(data["host"]), int(data["port"]), ListenerOptions(**options))
        except (KeyError, TypeError, ValueError) as error:  # ChildLinkError is a ValueError
            raise ChildLinkError(f"bad listener configuration: {error}") from error


@dataclass(frozen=True, slots=True)
class Ready:
    """The child accepts connections on ``host:port``."""

    host: str
    port: int


@dataclass(frozen=True, slots=True)
class Failed:
    """The child could not serve; ``reason`` as ``ListenerStartError.reason`` (``port_in_use``...)."""

    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class Scans:
    """``count`` scans were stored; ``notice`` is the newest of them."""

    notice: ScanNotice
    count: int


@dataclass(frozen=True, slots=True)
class Reply:
    """The answer to call ``call_id``: the pickled result, or why there is none."""

    call_id: int
    value: bytes | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Call:
    """Work the GUI asks of the child (one of ``CALLS``)."""

    call_id: int
    name: str


ChildMessage = Ready | Failed | Scans | Reply


def call_line(call_id: int, name: str) -> str:
    """A call for the child's stdin."""
    return json.dumps({"call": {"id": call_id, "name": name}}) + "\n"


def parse_call(line: str) -> Call:
    """A line of the child's stdin after the configuration."""
    data = _object(line)
    try:
        call = Call(int(data["call"]["id"]), str(data["call"]["name"]))
    except (KeyError, TypeError, ValueError) as error:
        raise ChildLinkError(f"bad call: {error}") from error
    if call.name not in CALLS:
        raise ChildLinkError(f"unknown call {call.name!r}")
    return call


def reply_line(call_id: int, value: bytes | None = None, error: str | None = None) -> str:
    """The child's answer to a call."""
    encoded = None if value is None else base64.b64encode(value).decode("ascii")
    return json.dumps({"reply": {"id": call_id, "value": encoded, "error": error}}) + "\n"


def ready_line(host: str, port: int) -> str:
    """The child's first line when it serves."""
    return json.dumps({"ready": {"host": host, "port": port}}) + "\n"


def failed_line(reason: str, message: str) -> str:
    """The child's only line when it cannot serve."""
    return json.dumps({"failed": {"reason": reason, "message": message}}) + "\n"


def scans_line(notice: ScanNotice, count: int) -> str:
    """A batch of stored scans."""
    body = {
        "kind": notice.kind.value,
        "terminal_id": notice.terminal_id,
        "outcome": notice.outcome,
        "at": notice.at.isoformat(),
        "employee_id": notice.employee_id,
        "employee_name": notice.employee_name,
        "direction": notice.direction.value if notice.direction is not None else None,
        "punch_id": notice.punch_id,
    }
    return json.dumps({"scans": {"notice": body, "count": count}}) + "\n"


def parse_message(line: str) -> ChildMessage:
    """One line of the child's stdout."""
    data = _object(line)
    try:
        if "ready" in data:
            return Ready(str(data["ready"]["host"]), int(data["ready"]["port"]))
        if "failed" in data:
            return Failed(str(data["failed"]["reason"]), str(data["failed"]["message"]))
        if "scans" in data:
            return Scans(_notice(data["scans"]["notice"]), int(data["scans"]["count"]))
        if "reply" in data:
            return _reply(data["reply"])
    except (KeyError, TypeError, ValueError) as error:
        raise ChildLinkError(f"bad line from the listener: {error}") from error
    raise ChildLinkError("unknown line from the listener")


def _reply(body: dict[str, Any]) -> Reply:
    value, error = body.get("value"), body.get("error")
    if (value is None) == (error is None):
        raise ValueError("a reply holds a value or an error")
    decoded = None if value is None else base64.b64decode(value, validate=True)
    return Reply(int(body["id"]), decoded, None if error is None else str(error))


def _notice(body: dict[str, Any]) -> ScanNotice:
    direction = body.get("direction")
    return ScanNotice(
        kind=NoticeKind(body["kind"]),
        terminal_id=int(body["terminal_id"]),
        outcome=str(body["outcome"]),
        at=datetime.fromisoformat(body["at"]),
        employee_id=body.get("employee_id"),
        employee_name=body.get("employee_name"),
        direction=Direction(direction) if direction is not None else None,
        punch_id=body.get("punch_id"),
    )


def _object(line: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ChildLinkError(f"not JSON: {error}") from error
    if not isinstance(data, dict):
        raise ChildLinkError("not a JSON object")
    return data
