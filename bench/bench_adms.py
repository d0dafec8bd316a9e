"""ADMS benchmark: a ZKTeco device's backlog of ATTLOG lines uploaded in batches over loopback HTTP.

Run: ``python bench/bench_adms.py [--lines 200000] [--batch 1000] [--write-docs]``. The server (one uvicorn
process, as ``serve`` runs it) is a subprocess whose CPU time is read from /proc; the device posts its batches
one after another on one keep-alive connection, as firmware does, then sends the whole backlog again (a
"reload logs": every line a duplicate). MariaDB is measured when TT_TEST_MYSQL_URL is set (a scratch database
``<name>_abench`` is created and dropped).
"""

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dbsupport import drop_mysql_database, migrate_fresh, recreate_mysql_database, scratch_mysql_url
from emulators.zkteco_device import attlog_line

from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.zkteco.dto import DeviceCall

ACTOR = Actor("bench", "bench", None, Role.ADMIN)
SERIAL = "BENCH0001"
EMPLOYEES = 300
UNKNOWN_PINS = 5  # PINs nobody holds: their lines go to the unassigned queue
FIRST_DAY = datetime(2025, 1, 6)  # noqa: DTZ001 - device-local wall time
DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
SECTION_INTRO = """\
`python bench/bench_adms.py --lines {lines} --batch {batch}` on the 2-core test machine. One simulated
device uploads a backlog of {lines:,} ATTLOG lines ({employees} employees with PINs plus {unknown} PINs
nobody holds, two punches a day each, in time order) as `POST /iclock/cdata?table=ATTLOG` batches of {batch}
lines, one after another on one keep-alive loopback connection, each answered `OK: n` after its commit.
The server (uvicorn, one process, as `serve` runs it) is a subprocess whose CPU time is read from /proc.
"Replay" sends the same backlog again, as after "reload all logs": every line is a duplicate and nothing is
stored. Each POST is stored in transactions of 1,000 lines (so that card scans never wait for a long upload):
idempotency keys, PIN badges and the previous punches for the double-tap check are read set-wise, then
punches, queue items and quarantined lines are inserted in bulk.
"""
SECTION_TARGETS = """\
Target: a 200,000-line backlog well under a few minutes on both databases.

- The server is CPU-bound in Python (server CPU is most of the wall time): parsing, the zone conversion and
  building rows per line; the database work per batch is a handful of set-wise queries and bulk inserts.
- A replay costs a third of the first upload: the keys are looked up and nothing is written."""


@dataclass(frozen=True, slots=True)
class Figures:
    """One measured pass."""

    database: str
    phase: str
    lines: int
    seconds: float
    p50_ms: float
    p99_ms: float
    cpu_s: float

    @property
    def per_second(self) -> float:
        """Lines per second."""
        return self.lines / self.seconds


def backlog(lines: int) -> list[str]:
    """A device log in time order: each PIN in around 08:00 and out around 17:00 every day."""
    pins = [str(1000 + n) for n in range(EMPLOYEES + UNKNOWN_PINS)]
    log: list[str] = []
    day = FIRST_DAY
    while len(log) < lines:
        for hour, status in ((8, 0), (17, 1)):
            for index, pin in enumerate(pins):
                at = day + timedelta(hours=hour, seconds=(index * 7) % 1800)
                log.append(attlog_line(pin, at, status))
        day += timedelta(days=1)
    return log[:lines]


def seed(url: str) -> None:
    """Employees with PINs and the approved device."""
    from timetracker_desktop.app import build_app

    context = build_app(url, upgrade=False)
    services = context.services
    try:
        for n in range(EMPLOYEES):
            services.employees.add_employee(ACTOR, EmployeeDraft(f"Bench {n}", pin=str(1000 + n)))
        services.adms.handshake(DeviceCall(SERIAL, "127.0.0.1"))
        (device,) = services.adms_admin.pending()
        services.adms_admin.approve(ACTOR, device.id)
    finally:
        context.close()


def stored_counts(url: str) -> tuple[int, int]:
    """Punches and unassigned-queue items in the database."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            punches = conn.execute(text("SELECT COUNT(*) FROM punches")).scalar_one()
            queued = conn.execute(text("SELECT COUNT(*) FROM unassigned_punches")).scalar_one()
    finally:
        engine.dispose()
    return int(punches), int(queued)


def serve(url: str) -> None:
    """Subprocess mode: serve the database on a free loopback port and print it."""
    from timetracker_desktop.app import build_app as build_context
    from timetracker_desktop.listener.app import build_app
    from timetracker_desktop.listener.options import ListenerOptions
    from timetracker_desktop.listener.server import ListenerServer

    context = build_context(url, upgrade=False)
    # The cost of ingest is measured, not the /iclock rate limits (a backlog this size would meet them).
    roomy = ListenerOptions(device_requests_per_minute=60_000, device_burst=10_000,
                            address_requests_per_minute=60_000, address_burst=10_000)  # fmt: skip
    server = ListenerServer(build_app(context.services, options=roomy), "127.0.0.1", 0)
    print(server.port, flush=True)
    server.run()
    context.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def upload(port: int, pid: int, log: list[str], batch: int, database: str, phase: str) -> Figures:
    """Post the log in batches, each acknowledged before the next, as firmware does."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    latencies = []
    cpu_before, began = cpu_seconds(pid), time.perf_counter()
    try:
        for start in range(0, len(log), batch):
            lines = log[start : start + batch]
            path = f"/iclock/cdata?SN={SERIAL}&table=ATTLOG&Stamp={start + len(lines)}"
            sent = time.perf_counter()
            conn.request("POST", path, "".join(lines).encode(), {"Content-Type": "text/plain"})
            response = conn.getresponse()
            reply = response.read().decode()
            latencies.append(time.perf_counter() - sent)
            if response.status != 200 or reply != f"OK: {len(lines)}":
                raise RuntimeError(f"batch at {start}: {response.status} {reply!r}")
    finally:
        conn.close()
    elapsed, cpu = time.perf_counter() - began, cpu_seconds(pid) - cpu_before
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return Figures(database, phase, len(log), elapsed, statistics.median(ordered) * 1000, p99 * 1000, cpu)


def measure(database: str, url: str, lines: int, batch: int) -> list[Figures]:
    """Seed, start the server, upload the backlog, then replay it; check what was stored."""
    migrate_fresh(url)
    seed(url)
    log = backlog(lines)
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", url],
        stdout=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        first = upload(port, server.pid, log, batch, database, "backlog")
        counts = stored_counts(url)
        replay = upload(port, server.pid, log, batch, database, "replay")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(10)
        if server.stdout is not None:
            server.stdout.close()
    if sum(counts) != lines or stored_counts(url) != counts:
        raise RuntimeError(f"stored {counts} for {lines} lines")
    print(f"{database}: {counts[0]:,} punches and {counts[1]:,} queue items stored", flush=True)
    return [first, replay]


def table(results: list[Figures]) -> str:
    """Markdown table of the figures."""
    lines = [
        "| database | pass | lines | total s | lines/s | batch p50 ms | batch p99 ms | server CPU s |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {f.database} | {f.phase} | {f.lines:,} | {f.seconds:.1f} | {f.per_second:,.0f} | {f.p50_ms:.0f} "
        f"| {f.p99_ms:.0f} | {f.cpu_s:.1f} |"
        for f in results
    ]
    return "\n".join(lines)


def write_docs(results: list[Figures], lines: int, batch: int) -> None:
    """Replace (or add) the ``## ADMS`` section of docs/benchmarks.md."""
    intro = SECTION_INTRO.format(lines=lines, batch=batch, employees=EMPLOYEES, unknown=UNKNOWN_PINS)
    section = f"## ADMS\n\n{intro}\n{table(results)}\n\n{SECTION_TARGETS}\n"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n\n"
    start = text.find("## ADMS")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + ("" if end == -1 else text[end + 1 :])
    DOCS.write_text(text, encoding="utf-8")


def main() -> int:
    """Measure on SQLite (and MariaDB when configured), print, optionally record."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=200_000, help="ATTLOG lines in the backlog")
    parser.add_argument("--batch", type=int, default=1000, help="lines per POST")
    parser.add_argument("--write-docs", action="store_true", help="record the figures in docs/benchmarks.md")
    parser.add_argument("--serve", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return 0
    results: list[Figures] = []
    with tempfile.TemporaryDirectory() as folder:
        results += measure("SQLite", f"sqlite:///{folder}/bench.db", args.lines, args.batch)
    base = os.environ.get("TT_TEST_MYSQL_URL")
    if base:
        url = scratch_mysql_url(base, "abench")
        recreate_mysql_database(url)
        try:
            results += measure("MariaDB", url, args.lines, args.batch)
        finally:
            drop_mysql_database(url)
    print(table(results))
    if args.write_docs:
        write_docs(results, args.lines, args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
