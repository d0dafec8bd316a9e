"""A simulated ZKTeco PUSH (ADMS) terminal: keeps punches until acknowledged, uploads in batches."""

from dataclasses import dataclass, field
from datetime import datetime

import httpx

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def attlog_line(pin: str, local_time: datetime, status: int = 0, verify: int = 1) -> str:
    """One ATTLOG line as push firmware writes it (TAB fields, CRLF)."""
    return f"{pin}\t{local_time.strftime(TIME_FORMAT)}\t{status}\t{verify}\t\t0\t0\t\r\n"


def parse_options(reply: str) -> dict[str, str]:
    """The handshake reply's ``KEY=value`` lines (the first line names the serial)."""
    pairs = (line.split("=", 1) for line in reply.split("\n")[1:] if "=" in line)
    return {key: value for key, value in pairs}


@dataclass
class ZkDevice:
    """The device side of the protocol over one HTTP client.

    ``log`` is the device's attendance log; ``sent`` how much of it the server acknowledged (the device's
    own position). Nothing leaves the log until an ``OK: n`` reply acknowledges it.
    """

    client: httpx.Client
    serial: str
    batch_size: int = 100
    log: list[str] = field(default_factory=list)
    sent: int = 0
    users: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    lose_replies: int = 0
    reboots: int = 0
    results: list[str] = field(default_factory=list)

    def _url(self, path: str, **params: str) -> httpx.URL:
        return httpx.URL(path, params={"SN": self.serial, **params})

    def punch(self, pin: str, local_time: datetime, status: int = 0) -> None:
        """Someone taps: the punch is stored on the device first."""
        self.log.append(attlog_line(pin, local_time, status))

    def handshake(self) -> httpx.Response:
        """``GET /iclock/cdata?options=all``; a ``None`` stamp means "send everything again"."""
        reply = self.client.get(self._url("/iclock/cdata", options="all", pushver="2.4.1", language="83"))
        if reply.status_code == 200:
            self.options = parse_options(reply.text)
            if self.options.get("ATTLOGStamp") == "None":
                self.sent = 0
        return reply

    def _post_batch(self, lines: list[str]) -> bool:
        stamp = str(self.sent + len(lines))
        try:
            reply = self.client.post(
                self._url("/iclock/cdata", table="ATTLOG", Stamp=stamp), content="".join(lines).encode()
            )
        except httpx.TransportError:
            return False  # server down: keep everything, retry later
        if self.lose_replies:
            self.lose_replies -= 1
            return False  # the server stored the batch, but its reply never arrived
        if reply.status_code != 200 or reply.text != f"OK: {len(lines)}":
            return False
        self.sent += len(lines)
        return True

    def sync(self) -> int:
        """Upload unacknowledged punches in batches until done or a batch fails; returns the batches sent."""
        batches = 0
        while self.sent < len(self.log):
            if not self._post_batch(self.log[self.sent : self.sent + self.batch_size]):
                break
            batches += 1
        return batches

    @property
    def backlog(self) -> int:
        """Punches not yet acknowledged."""
        return len(self.log) - self.sent

    def upload_raw(self, table: str, body: str, stamp: str = "1") -> httpx.Response:
        """Any table's upload as it is."""
        return self.client.post(self._url("/iclock/cdata", table=table, Stamp=stamp), content=body.encode())

    def poll(self, info: str | None = None) -> list[tuple[str, str]]:
        """``getrequest``: the commands handed out, as (id, command)."""
        params = {"INFO": info} if info else {}
        reply = self.client.get(self._url("/iclock/getrequest", **params))
        reply.raise_for_status()
        if reply.text == "OK":
            return []
        commands = []
        for line in reply.text.strip("\n").split("\n"):
            _, command_id, command = line.split(":", 2)
            commands.append((command_id, command))
        return commands

    def run(self, commands: list[tuple[str, str]]) -> httpx.Response | None:
        """Execute commands and report their results to ``devicecmd``."""
        if not commands:
            return None
        results = [self._execute(command_id, command) for command_id, command in commands]
        self.results.extend(results)
        return self.client.post(self._url("/iclock/devicecmd"), content="\n".join(results).encode())

    def _execute(self, command_id: str, command: str) -> str:
        verb = command.split(" ", 1)[0]
        if command.startswith("DATA UPDATE USERINFO"):
            fields = dict(p.split("=", 1) for p in command[len("DATA UPDATE USERINFO ") :].split("\t"))
            self.users[fields["PIN"]] = fields.get("Name", "")
            return f"ID={command_id}&Return=0&CMD=DATA"
        if command.startswith("DATA QUERY ATTLOG"):
            self.sent = 0  # the requested range is uploaded again
            return f"ID={command_id}&Return=0&CMD=DATA"
        if command == "CLEAR LOG":
            self.log, self.sent = [], 0
        elif command == "REBOOT":
            self.reboots += 1
        elif command == "CHECK":
            self.handshake()
        elif command == "INFO":
            return f"ID={command_id}&Return=0&CMD=INFO\nContent=~DeviceName=K40\nUserCount={len(self.users)}"
        return f"ID={command_id}&Return=0&CMD={verb}"

    def cycle(self, info: str | None = None) -> list[tuple[str, str]]:
        """One round as firmware does it: upload the backlog, poll, run what came."""
        self.sync()
        commands = self.poll(info)
        self.run(commands)
        return commands
