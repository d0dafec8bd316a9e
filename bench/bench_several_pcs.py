"""Several listener processes on one MariaDB database: card scans from 16 terminals spread over 1, 2 and 4.

Run: ``python bench/bench_several_pcs.py [--scans 2000]`` with TT_TEST_MYSQL_URL set (a scratch database
``<name>_pcbench`` is created and dropped). Each configuration runs the same load: 16 card terminals, each on
one keep-alive connection, posting ``/api/nfc`` nonstop; the terminals are dealt round-robin to the processes.
Two patterns: *spread* (each terminal taps its own 25 employees) and *shared* (all 16 terminals tap the same
25 employees, so processes queue on the same employee locks). The cooldown is 0, so every scan stores a punch.
Lock waits are MariaDB's global ``Innodb_row_lock_waits`` and ``Innodb_row_lock_time`` over the run (other
clients of the same server would count too).
"""

import argparse
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_listener import cpu_seconds
from dbsupport import drop_mysql_database, migrate_fresh, recreate_mysql_database, scratch_mysql_url
from sqlalchemy import create_engine, text

from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.services.dto import EmployeeDraft

ACTOR = Actor("bench", "bench", None, Role.ADMIN)
TERMINALS = 16
GROUP = 25
LISTENER_BENCH = Path(__file__).resolve().parent / "bench_listener.py"


@dataclass(frozen=True, slots=True)
class Figures:
    """One measured configuration."""

    processes: int
    pattern: str
    scans: int
    per_second: float
    p50_ms: float
    p99_ms: float
    cpu_ms_per_scan: float
    lock_waits: int
    lock_wait_ms: int
    load: float


def seed(url: str) -> tuple[list[tuple[int, str]], list[str]]:
    """Card terminals (id, key) and the employees' card UIDs."""
    from timetracker_desktop.app import build_app

    context = build_app(url, upgrade=False)
    services = context.services
    try:
        services.settings.change(ACTOR, "scan_cooldown_seconds", "0")  # every tap records a punch
        cards = [f"{0x30000000 + n:08X}" for n in range(TERMINALS * GROUP)]
        for n, card in enumerate(cards):
            services.employees.add_employee(ACTOR, EmployeeDraft(f"Bench {n}", card_uid=card))
        terminals = []
        for index in range(TERMINALS):
            created = services.terminals.add_terminal(ACTOR, f"Door {index}", kind=TerminalKind.CARD_READER)
            terminals.append((created.terminal.id, created.key))
        return terminals, cards
    finally:
        context.close()


def start_servers(url: str, count: int) -> list[tuple[subprocess.Popen[str], int]]:
    """``count`` listener processes over the database (bench_listener's serve mode: no rate limits)."""
    servers = []
    for _ in range(count):
        process = subprocess.Popen(
            [sys.executable, str(LISTENER_BENCH), "--serve", url],
            stdout=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert process.stdout is not None
        servers.append((process, int(process.stdout.readline())))
    return servers


def stop_servers(servers: list[tuple[subprocess.Popen[str], int]]) -> None:
    """SIGTERM each and wait."""
    for process, _port in servers:
        process.send_signal(signal.SIGTERM)
    for process, _port in servers:
        process.wait(30)
        if process.stdout is not None:
            process.stdout.close()


def lock_counters(url: str) -> tuple[int, int]:
    """MariaDB's global row-lock waits and their total time (ms)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            status = connection.execute(text("SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_%'")).all()
    finally:
        engine.dispose()
    rows: dict[str, str] = {str(name): str(value) for name, value in status}
    return int(rows["Innodb_row_lock_waits"]), int(rows["Innodb_row_lock_time"])


def _tap(conn: http.client.HTTPConnection, key: str, card: str) -> None:
    body = json.dumps({"nfc_uid": card})
    conn.request("POST", "/api/nfc", body, {"X-Terminal-Key": key, "Content-Type": "application/json"})
    response = conn.getresponse()
    reply = json.loads(response.read())
    if response.status != 200 or reply.get("status") != "recorded":
        raise RuntimeError(f"scan not recorded: {response.status} {reply}")


def _terminal_loop(
    port: int, key: str, cards: list[str], count: int, start: threading.Barrier, latencies: list[float]
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        _tap(conn, key, cards[0])  # the connection and the key cache warm
        start.wait()
        for index in range(count):
            began = time.perf_counter()
            _tap(conn, key, cards[index % len(cards)])
            latencies.append(time.perf_counter() - began)
    finally:
        conn.close()


def load(url: str, processes: int, pattern: str, terminals: list[tuple[int, str]], cards: list[str],
         scans: int) -> Figures:  # fmt: skip
    """Start the processes, run the load, stop them."""
    servers = start_servers(url, processes)
    try:
        per_terminal = scans // TERMINALS
        start = threading.Barrier(TERMINALS + 1)
        latencies: list[list[float]] = [[] for _ in terminals]
        threads = []
        for index, (_terminal_id, key) in enumerate(terminals):
            port = servers[index % processes][1]
            group = cards[:GROUP] if pattern == "shared" else cards[index * GROUP : (index + 1) * GROUP]
            threads.append(threading.Thread(
                target=_terminal_loop, args=(port, key, group, per_terminal, start, latencies[index])
            ))  # fmt: skip
        for thread in threads:
            thread.start()
        start.wait()
        waits_before, wait_ms_before = lock_counters(url)
        cpu_before, began = sum(cpu_seconds(p.pid) for p, _ in servers), time.perf_counter()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        cpu = sum(cpu_seconds(p.pid) for p, _ in servers) - cpu_before
        waits_after, wait_ms_after = lock_counters(url)
    finally:
        stop_servers(servers)
    flat = sorted(x for chunk in latencies for x in chunk)
    if len(flat) != per_terminal * TERMINALS:
        raise RuntimeError("a terminal thread failed")
    p99 = flat[min(len(flat) - 1, int(len(flat) * 0.99))]
    return Figures(processes, pattern, len(flat), len(flat) / elapsed, statistics.median(flat) * 1000,
                   p99 * 1000, cpu / len(flat) * 1000, waits_after - waits_before,
                   wait_ms_after - wait_ms_before, os.getloadavg()[0])  # fmt: skip


def table(results: list[Figures]) -> str:
    """Markdown table of the figures."""
    lines = [
        "| processes | pattern | scans | scans/s | p50 ms | p99 ms | server CPU ms/scan | lock waits | "
        "lock wait ms | load avg |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {f.processes} | {f.pattern} | {f.scans} | {f.per_second:.0f} | {f.p50_ms:.1f} | {f.p99_ms:.1f} | "
        f"{f.cpu_ms_per_scan:.2f} | {f.lock_waits} | {f.lock_wait_ms} | {f.load:.1f} |"
        for f in results
    ]
    return "\n".join(lines)


def main() -> int:
    """Measure 1, 2 and 4 processes on MariaDB in one run and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", type=int, default=2000, help="scans per configuration (all terminals)")
    args = parser.parse_args()
    base = os.environ.get("TT_TEST_MYSQL_URL")
    if not base:
        print("TT_TEST_MYSQL_URL is not set: this benchmark measures MariaDB", file=sys.stderr)
        return 2
    url = scratch_mysql_url(base, "pcbench")
    recreate_mysql_database(url)
    try:
        migrate_fresh(url)
        terminals, cards = seed(url)
        results = [
            load(url, processes, pattern, terminals, cards, args.scans)
            for pattern in ("spread", "shared")
            for processes in (1, 2, 4)
        ]
    finally:
        drop_mysql_database(url)
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
