"""Windows code pages faked on Linux: redirected output is UTF-8, and Excel's CSV files import."""

import base64
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from import_files import NAMES, VARIANTS, write_staff_csv

from timetracker_desktop.cli.streams import use_utf8_when_redirected

CLI = [sys.executable, "-m", "timetracker_desktop"]
NAME = "Олена Ґудзь-Їжак"
# English Windows with stdout redirected to a file: a cp1252 TextIOWrapper that is not a console.
PROBE = """
import base64, io, json, sys
from timetracker_desktop.cli import main
url = sys.argv[1]
sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
codes = [main(["employee", "add", "--name", sys.argv[2], "--db", url])]
codes.append(main(["employee", "list", "--db", url]))
sys.stdout.flush()
written = base64.b64encode(sys.stdout.buffer.getvalue()).decode()
print(json.dumps({"codes": codes, "written": written}), file=sys.__stdout__)
"""


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The CLI with output as raw bytes, to see the encoding it chose."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("TIMETRACKER_DB_URL", None)
    return subprocess.run([*CLI, *args], capture_output=True, timeout=120, env=full_env, check=False)


def test_a_cp1252_redirected_stdout_gets_utf8(db_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, db_url, NAME], capture_output=True, text=True, timeout=120, check=True
    )
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["codes"] == [0, 0], done.stderr
    table = base64.b64decode(report["written"]).decode("utf-8")  # strict: every byte is UTF-8
    assert NAME in table
    assert "NAME" in table


def test_json_and_errors_through_a_cp1252_pipe_are_utf8(db_url: str, tmp_path: Path) -> None:
    cp1252 = {"PYTHONIOENCODING": "cp1252"}  # what Python picks for a pipe on English Windows
    added = cli("employee", "add", "--name", NAME, "--db", db_url, env=cp1252)
    assert added.returncode == 0, added.stderr
    listed = cli("employee", "list", "--json", "--db", db_url, env=cp1252)
    assert listed.returncode == 0, listed.stderr
    assert [e["full_name"] for e in json.loads(listed.stdout.decode("utf-8"))] == [NAME]
    missing = tmp_path / "працівники.csv"
    failed = cli("employee", "import", str(missing), "--db", db_url, env=cp1252)
    assert failed.returncode == 1
    assert "працівники.csv" in failed.stderr.decode("utf-8")
    assert b"Traceback" not in failed.stderr


@pytest.mark.parametrize(("name", "encoding", "separator", "reported"), VARIANTS)
def test_import_says_how_it_read_the_file(
    db_url: str, tmp_path: Path, name: str, encoding: str, separator: str, reported: str
) -> None:
    path = write_staff_csv(tmp_path, name, encoding, separator)
    imported = cli("employee", "import", str(path), "--db", db_url)
    assert imported.returncode == 0, imported.stderr
    lines = imported.stdout.decode("utf-8").splitlines()
    assert lines == [f"read as {reported}, separator {separator}", f"imported {len(NAMES)} employees"]
    listed = cli("employee", "list", "--json", "--db", db_url)
    assert sorted(e["full_name"] for e in json.loads(listed.stdout)) == NAMES


class Console(io.TextIOWrapper):
    """A Windows console: Python writes it through the wide API, whatever its ``encoding`` says."""

    def isatty(self) -> bool:
        return True


def test_a_console_is_left_alone_and_a_file_is_switched(monkeypatch: pytest.MonkeyPatch) -> None:
    console = Console(io.BytesIO(), encoding="cp1252")
    redirected = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", console)
    monkeypatch.setattr(sys, "stderr", redirected)
    use_utf8_when_redirected()
    assert (console.encoding, console.errors) == ("cp1252", "strict")
    assert (redirected.encoding, redirected.errors) == ("utf-8", "backslashreplace")
    redirected.write(NAME + "\udcff")  # an undecodable byte of a file name: escaped, not an exception
    redirected.flush()
    assert redirected.buffer.getvalue().decode("utf-8") == NAME + "\\udcff"
