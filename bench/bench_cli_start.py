"""CLI start time, old against new in one run: ``--help`` and ``employee list`` on SQLite, alternately.

Run: ``python bench/bench_cli_start.py [--runs 15] [--base cb3dd8c]``. The base commit's package and
migrations are unpacked with ``git archive`` into a temporary folder (the repository is only read); both
trees then run ``python -m timetracker_desktop`` in turn, each in a fresh process, against the same SQLite
file and a scratch profile folder. Prints the median wall and CPU (user + system) seconds and the ratios.
CPU time is shown because wall time on a shared machine mostly measures the other processes.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {"--help": ["--help"], "employee list": ["employee", "list"]}
TARGET_S = 0.35


def unpack(commit: str, into: Path) -> Path:
    """The package and migrations of ``commit`` in ``into`` (git archive: no worktree, no checkout)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "timetracker_desktop", "migrations"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def run_once(tree: Path, arguments: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall s, CPU s) of one ``python -m timetracker_desktop ...`` in ``tree``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "timetracker_desktop", *arguments],
        cwd=tree,
        env={**env, "PYTHONPATH": str(tree)},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--base", default="cb3dd8c", help="the old commit (default: before issue 12)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tt-cli-start-") as scratch:
        folder = Path(scratch)
        old = unpack(options.base, folder / "old")
        inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # keep .pyc
        env = {
            **inherited,
            "XDG_DATA_HOME": str(folder / "data"),
            "XDG_STATE_HOME": str(folder / "state"),
            "TIMETRACKER_DB_URL": f"sqlite:///{(folder / 'bench.db').as_posix()}",
        }
        # The database at the newest schema with some rows; one warm-up run each fills the byte-code caches.
        subprocess.run(
            [sys.executable, "-m", "timetracker_desktop", "demo", "--employees", "25", "--days", "5"],
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(ROOT)},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        trees = {"old": old, "new": ROOT}
        for tree in trees.values():
            for arguments in COMMANDS.values():
                run_once(tree, arguments, env)
        samples: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for _ in range(options.runs):
            for command, arguments in COMMANDS.items():
                for name, tree in trees.items():  # alternate, so that load changes hit both alike
                    samples.setdefault((command, name), []).append(run_once(tree, arguments, env))
    print(f"{options.runs} runs each, medians; base {options.base}, load average {os.getloadavg()[0]:.2f}")
    print(f"{'command':<14} {'old wall':>9} {'new wall':>9} {'old CPU':>8} {'new CPU':>8} {'CPU ratio':>10}")
    for command in COMMANDS:
        old_wall, old_cpu = (statistics.median(x) for x in zip(*samples[(command, "old")], strict=True))
        new_wall, new_cpu = (statistics.median(x) for x in zip(*samples[(command, "new")], strict=True))
        verdict = "ok" if new_cpu < TARGET_S else f"over {TARGET_S} s"
        print(
            f"{command:<14} {old_wall:>8.3f}s {new_wall:>8.3f}s {old_cpu:>7.3f}s {new_cpu:>7.3f}s"
            f" {old_cpu / new_cpu:>9.1f}x  {verdict}"
        )


if __name__ == "__main__":
    main()
