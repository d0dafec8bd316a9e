"""GUI benchmark: the longest event-loop stall while 16 terminals tap nonstop through the app's own listener.

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_gui_live.py [--seconds 30] [--listener process thread]``.
The real shell is logged in with the Today view open and the listener on loopback, run as the app runs it (a
child process) and, for comparison in the same run, on a thread of the GUI process. A subprocess plays 16
Android terminals, each tapping its badge phones over one keep-alive connection without pause (challenge, RSA
signature, secure scan; cooldown 0, so every tap stores a punch). A 5 ms QTimer heartbeat on the GUI thread
measures the stalls: a gap between two beats beyond the interval is time the event loop could not run.
MariaDB too when TT_TEST_MYSQL_URL is set.
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_listener as bl  # also puts tests/ on the path
from bench_gui import wait
from dbsupport import drop_mysql_database, migrate_fresh, recreate_mysql_database, scratch_mysql_url
from ports import free_port
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from timetracker_desktop.app import (
    GUI_HEALTH_FLUSH_SECONDS,
    GuiDatabaseGateway,
    build_app,
    start_listener,
    start_listener_in_thread,
)
from timetracker_desktop.domain.users import Role
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.listener.control import ListenerStarter
from timetracker_desktop.gui.shell.application import Shell, load_resources
from timetracker_desktop.gui.views.today import TodayView
from timetracker_desktop.listener.options import ListenerOptions

HEARTBEAT_MS = 5
TARGET_MS = 50
PASSWORD = "bench-admin-1"
# The contract's per-terminal limit (240/min) is for human taps; these terminals tap without pause.
FLOOD_RATE, FLOOD_BURST = 1e9, 1_000_000
# The two ways to run the app's listener, compared in one run: the child process the app uses, and a thread
# of the GUI process (what the app did before; its Python work shares the GUI's GIL).
STARTERS: dict[str, ListenerStarter] = {
    "process": partial(
        start_listener,
        options=ListenerOptions(
            FLOOD_RATE, FLOOD_BURST, FLOOD_RATE, health_flush_seconds=GUI_HEALTH_FLUSH_SECONDS
        ),
    ),
    "thread": partial(start_listener_in_thread, options=ListenerOptions(FLOOD_RATE, FLOOD_BURST, FLOOD_RATE)),
}


@dataclass(frozen=True, slots=True)
class Figures:
    """One measured run."""

    database: str
    listener: str
    seconds: float
    scans: int
    fetches: int
    board_loads: int
    max_stall_ms: float
    worst_gap_gui_cpu_ms: float
    max_gap_gui_cpu_ms: float
    p99_gap_ms: float
    stalls_over_target: int
    cpu_ms_per_scan: float
    load_average: float
    machine_max_ms: float
    machine_over_target: int


class Heartbeat:
    """A QTimer on the GUI thread; records the gaps between beats and the GUI thread's CPU time in each.

    A long gap with little GUI CPU in it is waiting (for the GIL, or for a core when the machine is busy);
    a long gap full of GUI CPU is work of ours on the GUI thread.
    """

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.cpu: list[float] = []
        self._last = self._last_cpu = 0.0
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self.gaps.clear()
        self.cpu.clear()
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append(now - self._last)
        self.cpu.append(cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu

    def stalls_ms(self) -> list[float]:
        """How long the loop was blocked beyond the interval, per gap."""
        return [max(0.0, gap * 1000 - HEARTBEAT_MS) for gap in self.gaps]


def run_until(done: Callable[[], bool], limit: float) -> None:
    """Run a real event loop, as the app's ``exec()`` does, until ``done()`` (checked every 50 ms).

    A ``processEvents`` loop would spin when no event is pending, keeping the GUI thread busy and asking for
    the GIL without pause, which is not what the running app does and distorts the stalls measured.
    """
    loop = QEventLoop()
    deadline = time.monotonic() + limit
    check = QTimer()
    check.setInterval(50)

    def check_now() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    check.timeout.connect(check_now)
    check.start()
    loop.exec()
    check.stop()
    if not done():
        raise TimeoutError("the run did not finish in time")


def clients(url: str, seconds: float) -> None:
    """Subprocess mode: seed terminals and phones (their keys live in this process), then tap a while."""
    tablets = bl.seed(url)
    os.nice(10)  # real terminals are other devices: their signing should not take the GUI's cores
    print("seeded", flush=True)
    port = int(sys.stdin.readline())
    counts = [0] * len(tablets)
    errors: list[str] = []
    stop = time.monotonic() + seconds

    def tap(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        tablet = tablets[index]
        try:
            while time.monotonic() < stop:
                bl.scan(conn, tablet, tablet.phones[counts[index] % len(tablet.phones)])
                counts[index] += 1
        except Exception as error:  # noqa: BLE001 - any failure goes to the report line
            errors.append(repr(error))
        finally:
            conn.close()

    threads = [threading.Thread(target=tap, args=(i,)) for i in range(len(tablets))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"scans": sum(counts), "errors": errors[:3]}), flush=True)


def probe(seconds: float) -> None:
    """Subprocess mode: the machine's own delays, for comparison (a 5 ms sleep loop, no GIL to share)."""
    late: list[float] = []
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        began = time.perf_counter()
        time.sleep(HEARTBEAT_MS / 1000)
        late.append((time.perf_counter() - began) * 1000 - HEARTBEAT_MS)
    print(json.dumps({"max_ms": max(late), "over_target": sum(1 for x in late if x > TARGET_MS)}), flush=True)


def add_admin(url: str) -> None:
    """The user the shell logs in as."""
    context = build_app(url, upgrade=False, bcrypt_rounds=4)
    try:
        context.services.users.create_user(bl.ACTOR, "admin", PASSWORD, Role.ADMIN)
    finally:
        context.close()


def measure(
    app: QApplication, database: str, url: str, listener: str, seconds: float, folder: Path
) -> Figures:
    """Seed in the client process, log the shell in, flood it, and watch the heartbeat."""
    migrate_fresh(url)
    child = subprocess.Popen(
        [sys.executable, __file__, "--clients", url, "--seconds", str(seconds)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    if child.stdout.readline().strip() != "seeded":
        raise RuntimeError("the client process failed to seed")
    add_admin(url)
    settings = UiSettings(folder / f"{database}.ini")
    settings.listener_host, settings.listener_port = "127.0.0.1", free_port()
    gateway = GuiDatabaseGateway(bcrypt_rounds=4)
    shell = Shell(app, gateway, settings, url, None, STARTERS[listener])
    opened = gateway.open(url)
    shell.startup.finished.emit(opened, opened.services.users.authenticate("admin", PASSWORD))
    assert shell.window is not None
    today = shell.window.show_page("today")
    assert isinstance(today, TodayView)
    wait(app, lambda: shell.listener.running and shell.runner.relay.pending == 0)
    board_loads = count_calls(today, "_on_board_loaded")
    heartbeat = Heartbeat()
    fetches_before, cpu_before = today.controller.fetches, time.process_time()
    heartbeat.start()
    child.stdin.write(f"{shell.listener.port}\n")
    child.stdin.flush()
    control = subprocess.Popen(
        [sys.executable, __file__, "--probe", str(seconds)], stdout=subprocess.PIPE, text=True
    )
    began = time.perf_counter()
    run_until(lambda: child.poll() is not None, seconds + 60)
    elapsed = time.perf_counter() - began
    settled = time.monotonic() + 1.0
    run_until(lambda: time.monotonic() > settled, 5.0)  # the last taps reach the feed
    heartbeat.stop()
    cpu = time.process_time() - cpu_before
    result = json.loads(child.stdout.read().strip().splitlines()[-1])
    machine = json.loads(control.communicate(timeout=60)[0])
    if result["errors"]:
        raise RuntimeError(f"terminal errors: {result['errors']}")
    fetches = today.controller.fetches - fetches_before
    app.aboutToQuit.emit()  # the shell's orderly shutdown: listener, reader, workers, database
    app.aboutToQuit.disconnect(shell._on_about_to_quit)
    shell.window.close()
    stalls = heartbeat.stalls_ms()
    worst = max(range(len(stalls)), key=stalls.__getitem__)
    gaps = sorted(g * 1000 for g in heartbeat.gaps)
    scans = int(result["scans"])
    return Figures(
        database, listener, elapsed, scans, fetches, board_loads[0], stalls[worst],
        heartbeat.cpu[worst] * 1000,
        max(heartbeat.cpu) * 1000, gaps[int(len(gaps) * 0.99)], sum(1 for s in stalls if s > TARGET_MS),
        cpu / max(1, scans) * 1000, os.getloadavg()[0], machine["max_ms"], machine["over_target"],
    )  # fmt: skip


def count_calls(view: TodayView, method: str) -> list[int]:
    """Count calls of a view's callback from now on (a one-item list the wrapper increments)."""
    counter = [0]
    original = getattr(view, method)

    def counted(*args: object) -> None:
        counter[0] += 1
        original(*args)

    setattr(view, method, counted)
    return counter


def table(results: list[Figures]) -> str:
    """Markdown table of the figures."""
    lines = [
        "| database | listener | seconds | scans stored | scans/s | feed fetches | board reloads "
        "| longest stall ms | GUI CPU in it ms | most GUI CPU in a gap ms | p99 beat gap ms | stalls > 50 ms "
        "| GUI process CPU ms/scan | load average | machine's longest delay ms | machine's delays > 50 ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {f.database} | {f.listener} | {f.seconds:.0f} | {f.scans} | {f.scans / f.seconds:.0f} "
        f"| {f.fetches} "
        f"| {f.board_loads} | {f.max_stall_ms:.1f} | {f.worst_gap_gui_cpu_ms:.1f} "
        f"| {f.max_gap_gui_cpu_ms:.1f} | {f.p99_gap_ms:.1f} | {f.stalls_over_target} "
        f"| {f.cpu_ms_per_scan:.2f} | {f.load_average:.1f} | {f.machine_max_ms:.1f} "
        f"| {f.machine_over_target} |"
        for f in results
    ]
    return "\n".join(lines)


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the terminals tap")
    parser.add_argument("--clients", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--probe", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--sqlite-only", action="store_true", help="skip MariaDB even when configured")
    parser.add_argument(
        "--listener", nargs="+", choices=sorted(STARTERS), default=["process", "thread"],
        help="how the app runs its listener (default: both, in this order)",
    )  # fmt: skip
    args = parser.parse_args()
    if args.clients:
        clients(args.clients, args.seconds)
        return 0
    if args.probe:
        probe(args.probe)
        return 0
    app = QApplication(sys.argv)
    load_resources()
    results: list[Figures] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for listener in args.listener:
            sqlite = f"sqlite:///{folder}/live-{listener}.db"
            results.append(measure(app, "SQLite", sqlite, listener, args.seconds, folder))
            print(table(results[-1:]), flush=True)
            base = os.environ.get("TT_TEST_MYSQL_URL")
            if base and not args.sqlite_only:
                url = scratch_mysql_url(base, "gbench")
                recreate_mysql_database(url)
                try:
                    results.append(measure(app, "MariaDB", url, listener, args.seconds, folder))
                finally:
                    drop_mysql_database(url)
                print(table(results[-1:]), flush=True)
    print(table(results))
    for listener in args.listener:
        worst = max(f.max_stall_ms for f in results if f.listener == listener)
        print(f"{listener}: longest GUI event-loop stall {worst:.1f} ms (target < {TARGET_MS} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
