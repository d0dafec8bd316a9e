"""``db stats``, ``db check`` and ``db optimize`` as a user runs them, and a damaged SQLite file caught."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from dbsupport import SqliteTemplate

CLI = [sys.executable, "-m", "timetracker_desktop"]


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess, as a user runs it."""
    env = {k: v for k, v in os.environ.items() if k != "TIMETRACKER_DB_URL"}
    return subprocess.run(
        [*CLI, *args, "--db", db], capture_output=True, text=True, timeout=300, env=env, check=False
    )


def test_stats_check_and_optimize_from_the_command_line(db_url: str) -> None:
    assert run("demo", "--employees", "4", "--days", "10", db=db_url).returncode == 0
    stats = run("db", "stats", "--json", db=db_url)
    assert stats.returncode == 0, stats.stderr
    figures = json.loads(stats.stdout)
    punches = next(t for t in figures["tables"] if t["table"] == "punches")
    assert punches["rows"] == sum(m["rows"] for m in punches["months"]) > 0
    check = run("db", "check", db=db_url)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "verdict: passed" in check.stdout
    optimize = run("db", "optimize", db=db_url)
    assert optimize.returncode == 0, optimize.stderr
    assert optimize.stdout.startswith("done: ")
    assert "[1/" in optimize.stderr  # progress
    text = run("db", "stats", db=db_url).stdout
    assert "last check:" in text
    assert "last optimisation: never" not in text


def _damage(database: Path) -> None:
    """Overwrite the punches table's first page with garbage, as a failing disk would."""
    with sqlite3.connect(database) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'punches'").fetchone()[0]
    connection.close()
    with database.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xa5" * page_size)


def test_a_damaged_sqlite_file_fails_the_check(sqlite_template: SqliteTemplate, tmp_path: Path) -> None:
    url = sqlite_template.fresh_url(tmp_path)
    assert run("demo", "--employees", "4", "--days", "30", db=url).returncode == 0
    copy = tmp_path / "damaged.db"
    shutil.copyfile(url.removeprefix("sqlite:///"), copy)
    _damage(copy)
    result = run("db", "check", db=f"sqlite:///{copy}")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "integrity          FAILED" in result.stdout
    assert "restore the last good backup" in result.stdout
    assert "Traceback" not in result.stderr
    as_json = json.loads(run("db", "check", "--json", db=f"sqlite:///{copy}").stdout)
    assert as_json["verdict"] == "failed"
    assert run("db", "check", db=url).returncode == 0  # the original is fine


@pytest.mark.parametrize("depth", ["--full", "--quick"])
def test_the_depth_of_the_sqlite_check_can_be_chosen(
    depth: str, sqlite_template: SqliteTemplate, tmp_path: Path
) -> None:
    url = sqlite_template.fresh_url(tmp_path)
    report = json.loads(run("db", "check", depth, "--json", db=url).stdout)["report"]
    kinds = [f["kind"] for f in report["findings"]]
    assert kinds[0] == ("integrity" if depth == "--full" else "quick_integrity")
