"""Listener benchmark: full secure scans (challenge + phone signature + secure-scan) over loopback.

Run: ``python bench/bench_listener.py [--scans 2000] [--write-docs]``. The server runs in a subprocess (its
CPU time is read from /proc); 1 and 16 simulated terminals each keep one keep-alive connection. MariaDB is
measured when TT_TEST_MYSQL_URL is set (a scratch database ``<name>_lbench`` is created and dropped).
"""

import argparse
import base64
import gc
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dbsupport import drop_mysql_database, migrate_fresh, recreate_mysql_database, scratch_mysql_url
from emulators.android_terminal import GSON_CONTENT_TYPE, gson_dumps
from emulators.badge_phone import BadgePhone, session_key

from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.services.dto import EmployeeDraft

ACTOR = Actor("bench", "bench", None, Role.ADMIN)
TERMINALS = 16
EMPLOYEES_PER_TERMINAL = 50
WARMUP_SCANS = 20
DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
SECTION_INTRO = """\
`python bench/bench_listener.py --scans {scans}` on the 2-core test machine. A full secure scan is a
challenge request, an RSA-2048 signature by the emulated badge phone and the secure-scan request, over one
keep-alive loopback connection per terminal; latency is that whole round as the client sees it. The server
(uvicorn, one process) runs in a subprocess and its CPU time is read from /proc. Each terminal rotates over
{employees} employees and the cooldown is 0, so every scan stores a punch. The client (signing included)
and MariaDB share the two cores with the server, and so did other engineers' test runs: "load avg" is the
machine's 1-minute load average at the end of each row (the benchmark alone keeps it near 2; well above,
others were competing). Server CPU per scan is the steadiest figure; contention still inflates it (cache,
context switches), the 1-terminal rows most.
"""
SECTION_TARGETS = """\
Before and after the listener work of 2026-11-29, measured in turns on the same shared machine (the "before"
code from a git worktree of 23d7cd2, the "after" code; five rounds, load average 2.1-6.6; the first two
"after" runs lacked the last step, punch cores):

| | CPU ms/scan before | after | scans/s at 16 before | after | p99 ms at 16 before | after |
|---|---:|---:|---:|---:|---:|---:|
| SQLite, 1 terminal | 2.22-3.66 | 1.12-1.40 | | | | |
| SQLite, 16 terminals | 2.25-3.01 | 1.16-1.49 | 269-370 | 469-688 | 80-135 | 31-78 |
| MariaDB, 1 terminal | 2.92-4.90 | 1.62-2.44 | | | | |
| MariaDB, 16 terminals | 3.36-5.12 | 1.72-2.38 | 103-222 | 186-357 | 109-539 | 61-150 |

What changed (each step measured; in-process CPU of the secure-scan use case alone, quiet moments):
- Scan-path reads and the punch insert as prebuilt plain-table statements (no ORM statement building, result
  objects or flush), the badge and its employee in one read, and the direction rule reading punch cores (7
  columns, not 14): service CPU per secure scan 1.55 → 0.49 ms on SQLite, 3.1 → 1.0 ms on MariaDB.
- MariaDB pool (`repositories/sql/mysql_pool.py`): a connection is pinged only after 2 s idle and rolled back
  at check-in only when the server reports an open transaction; with the badge and employee read together, a
  scan went from 9 round trips to 6.
- Parsed badge public keys cached (by their text; only valid keys).
- HTTP side: terminal calls use storage on one worker thread (a CapacityLimiter of 1: scan transactions were
  serialized already, and 16 pool threads taking turns at the GIL made a scan at 16 terminals cost 0.5-0.7 ms
  more than at 1); `/challenge` is answered on the event loop when the key is cached and within its rate (a
  binding mismatch is still audited, on the worker); the `X-Terminal-Key` header is read by hand and
  documented in `openapi_extra` (FastAPI solving the declared header per request was a sixth to a quarter of
  `/challenge`'s ASGI cost); source-address verdicts cached per address. Key look-ups that miss the cache run
  on the shared pool, so they stay parallel when the database is slow.
- `timetracker-desktop serve` (and this benchmark's server) call `gc.freeze()` once the listener is up, as
  the GUI does: four alternating runs at load average 1.5-1.9 gave MariaDB at 16 terminals 429-441 scans/s,
  p99 47-50 ms, 1.76 ms with it and 397-399 scans/s, 55-62 ms, 1.92 ms without (SQLite: no difference beyond
  noise). Only the table at the top was measured with it.
- Every hardening rule stands: challenges single use, 30 s, bound to the terminal; the key cache (1 s) and
  rate limit are the same objects; 64 KiB body limit; commit before the reply; 503 when the database is down
  (the private-MariaDB fault test passes, also with the new pool checks).

Targets: >= 430 scans/s and p99 < 50 ms at 16 terminals; < 2 ms of server CPU per scan.
- SQLite: met at the usual load (load average 2-3 with the benchmark itself: 570-688 scans/s, p99 31-47 ms,
  1.1-1.5 ms CPU); under load average 5-6 the new code gave 310-593 scans/s and p99 38-247 ms.
- MariaDB: CPU met (1.6-2.1 ms; up to 2.4 ms at load average 4-6). Throughput and p99 are met only when
  the machine is otherwise quiet: 467 scans/s, p99 42 ms, 1.63 ms at load average 0.7 (a copy of this code
  whose only difference was the scan lock made a no-op, which one storage worker never contends), and
  429-441 scans/s, p99 47-50 ms in the two `gc.freeze()` runs above. At load average 2-3 (other engineers'
  MariaDB tests running too): 290-369 scans/s (60-140 short of 430) and p99 61-98 ms.
- Why MariaDB is tight on this machine: per scan at 16 terminals the server used 2.1 ms (0.8 on the event
  loop, 1.4 on the storage worker, bound to one core by the GIL), mariadbd 0.9 ms and the client 0.75 ms:
  3.7 ms of CPU on two cores, so about 540 scans/s with nothing else running. On SQLite: 1.1 ms server (0.56
  loop, 0.55 worker) and 0.6 ms client.
- Where the server CPU goes now: on the event loop, uvicorn, Starlette and FastAPI for the two requests (about
  270 µs each, ~70 µs of it the ASGI application); on the worker, the use case (0.49 ms on SQLite: SQLAlchemy
  statement execution about half, then the direction rule, RSA verification) and the thread hand-off; on
  MariaDB, PyMySQL's pure-Python protocol (column descriptions and values decoded per query) and a GIL
  hand-off at every socket wait (9 voluntary context switches per scan on the worker).
- Next levers, each a dependency decision left to the lead: uvloop on Linux (not on Windows), a C MariaDB
  driver (mysqlclient) in place of PyMySQL. Running scan transactions in parallel does not help here: four
  storage workers without the scan lock gave 373 scans/s against 467 with one (run right after).
"""


@dataclass(frozen=True, slots=True)
class Tablet:
    """One simulated terminal and the badge phones tapped on it."""

    terminal_id: int
    key: str
    phones: tuple[BadgePhone, ...]


@dataclass(frozen=True, slots=True)
class Figures:
    """One measured configuration."""

    database: str
    terminals: int
    scans: int
    per_second: float
    p50_ms: float
    p99_ms: float
    cpu_ms_per_scan: float
    load: float  # the machine's 1-minute load average at the end (2 cores: above 2, others compete)


def seed(url: str) -> list[Tablet]:
    """Terminals and employees with verified phone keys (one key per terminal, shared by its phones)."""
    from timetracker_desktop.app import build_app

    context = build_app(url, upgrade=False)
    services = context.services
    try:
        services.settings.change(ACTOR, "scan_cooldown_seconds", "0")  # every tap records a punch
        tablets = []
        for index in range(TERMINALS):
            created = services.terminals.add_terminal(ACTOR, f"Bench {index}")
            key = session_key(index)
            phones = []
            for number in range(EMPLOYEES_PER_TERMINAL):
                phone = BadgePhone(f"EMP-{index:04X}{number:04X}", key)
                employee = services.employees.add_employee(ACTOR, EmployeeDraft(f"Bench {index}-{number}"))
                services.desk_enrollment.enroll_phone(
                    ACTOR, employee.id, phone.code, phone.public_key_b64, verified=True
                )
                phones.append(phone)
            tablets.append(Tablet(created.terminal.id, created.key, tuple(phones)))
        return tablets
    finally:
        context.close()


def serve(url: str) -> None:
    """Subprocess mode: serve the database on a free loopback port and print it."""
    from timetracker_desktop.app import build_app as build_context
    from timetracker_desktop.listener.app import build_app
    from timetracker_desktop.listener.options import ListenerOptions
    from timetracker_desktop.listener.server import ListenerServer

    context = build_context(url, upgrade=False)
    # The contract's per-terminal limit (240/min) is for human taps; the benchmark taps far faster, and a
    # loaded machine must not turn a slow scan into a 503 (the storage wait has its own tests).
    options = ListenerOptions(
        requests_per_minute=1e9, burst=1_000_000, failed_auth_per_minute=1e9, storage_wait_seconds=60
    )
    server = ListenerServer(build_app(context.services, None, options), "127.0.0.1", 0)
    gc.freeze()  # as `timetracker-desktop serve` does
    print(server.port, flush=True)
    server.run()
    context.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _post(
    conn: http.client.HTTPConnection, path: str, key: str, payload: dict[str, object]
) -> dict[str, object]:
    conn.request(
        "POST", path, gson_dumps(payload), {"X-Terminal-Key": key, "Content-Type": GSON_CONTENT_TYPE}
    )
    response = conn.getresponse()
    body: dict[str, object] = json.loads(response.read())
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {body}")
    return body


def scan(conn: http.client.HTTPConnection, tablet: Tablet, phone: BadgePhone) -> None:
    """One full secure scan as the Android terminal does it."""
    challenge = str(
        _post(conn, "/api/terminal/challenge", tablet.key, {"terminal_id": tablet.terminal_id})[
            "challenge_b64"
        ]
    )
    raw = base64.urlsafe_b64decode(challenge + "=")
    body = {
        "employee_uid": phone.code,
        "terminal_id": tablet.terminal_id,
        "direction": "IN",
        "ts": int(time.time() * 1000),
        "challenge_b64": challenge,
        "signature_b64": phone.sign(raw),
    }
    reply = _post(conn, "/api/terminal/secure-scan", tablet.key, body)
    if reply["ok"] is not True:
        raise RuntimeError(f"scan refused: {reply}")


def _terminal_loop(
    port: int, tablet: Tablet, count: int, start: threading.Barrier, latencies: list[float]
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        for index in range(WARMUP_SCANS):
            scan(conn, tablet, tablet.phones[index % len(tablet.phones)])
        start.wait()
        for index in range(count):
            began = time.perf_counter()
            scan(conn, tablet, tablet.phones[index % len(tablet.phones)])
            latencies.append(time.perf_counter() - began)
    finally:
        conn.close()


def load(port: int, pid: int, tablets: list[Tablet], scans: int, database: str) -> Figures:
    """``scans`` secure scans spread over the tablets, all at once."""
    per_tablet = scans // len(tablets)
    start = threading.Barrier(len(tablets) + 1)
    latencies: list[list[float]] = [[] for _ in tablets]
    threads = [
        threading.Thread(target=_terminal_loop, args=(port, tablet, per_tablet, start, latencies[i]))
        for i, tablet in enumerate(tablets)
    ]
    for thread in threads:
        thread.start()
    start.wait()
    cpu_before, began = cpu_seconds(pid), time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed, cpu = time.perf_counter() - began, cpu_seconds(pid) - cpu_before
    flat = sorted(x for chunk in latencies for x in chunk)
    if len(flat) != per_tablet * len(tablets):
        raise RuntimeError("a terminal thread failed")
    p99 = flat[min(len(flat) - 1, int(len(flat) * 0.99))]
    return Figures(database, len(tablets), len(flat), len(flat) / elapsed, statistics.median(flat) * 1000,
                   p99 * 1000, cpu / len(flat) * 1000, os.getloadavg()[0])  # fmt: skip


def measure(database: str, url: str, scans: int) -> list[Figures]:
    """Seed, start the server, load it with 1 and 16 terminals."""
    migrate_fresh(url)
    tablets = seed(url)
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", url],
        stdout=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        return [
            load(port, server.pid, tablets[:1], scans // 4, database),
            load(port, server.pid, tablets, scans, database),
        ]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(10)
        if server.stdout is not None:
            server.stdout.close()


def table(results: list[Figures]) -> str:
    """Markdown table of the figures."""
    lines = [
        "| database | terminals | scans | scans/s | p50 ms | p99 ms | server CPU ms/scan | load avg |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {f.database} | {f.terminals} | {f.scans} | {f.per_second:.0f} | {f.p50_ms:.1f} | {f.p99_ms:.1f} "
        f"| {f.cpu_ms_per_scan:.2f} | {f.load:.1f} |"
        for f in results
    ]
    return "\n".join(lines)


def write_docs(results: list[Figures], scans: int) -> None:
    """Replace (or add) the ``## Listener`` section of docs/benchmarks.md."""
    intro = SECTION_INTRO.format(scans=scans, employees=EMPLOYEES_PER_TERMINAL)
    section = f"## Listener\n\n{intro}\n{table(results)}\n\n{SECTION_TARGETS}"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n\n"
    start = text.find("## Listener")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + ("" if end == -1 else text[end + 1 :])
    DOCS.write_text(text, encoding="utf-8")


def main() -> int:
    """Measure on SQLite (and MariaDB when configured), print, optionally record."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", type=int, default=2000, help="scans at 16 terminals (a quarter at 1)")
    parser.add_argument("--write-docs", action="store_true", help="record the figures in docs/benchmarks.md")
    parser.add_argument("--serve", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return 0
    results: list[Figures] = []
    with tempfile.TemporaryDirectory() as folder:
        results += measure("SQLite", f"sqlite:///{folder}/bench.db", args.scans)
    base = os.environ.get("TT_TEST_MYSQL_URL")
    if base:
        url = scratch_mysql_url(base, "lbench")
        recreate_mysql_database(url)
        try:
            results += measure("MariaDB", url, args.scans)
        finally:
            drop_mysql_database(url)
    print(table(results))
    if args.write_docs:
        write_docs(results, args.scans)
    return 0


if __name__ == "__main__":
    sys.exit(main())
