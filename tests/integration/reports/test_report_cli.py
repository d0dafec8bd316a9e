"""``timetracker-desktop report`` as a user runs it: a real subprocess over the golden data set."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from .conftest import Golden
from .test_golden_exports import TIMESHEET_HEADER, TIMESHEET_ROWS

CLI = [sys.executable, "-m", "timetracker_desktop"]
PERIOD = ["--from", "2026-03-26", "--to", "2026-03-31"]


def _run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TIMETRACKER_DB_URL"}
    return subprocess.run(
        [*CLI, "report", *args, "--db", db], capture_output=True, text=True, timeout=120, env=env, check=False
    )


def test_timesheet_csv_and_json_summary(db_url: str, golden: Golden, tmp_path: Path) -> None:
    out = tmp_path / "табель.csv"
    result = _run(db_url, "--kind", "timesheet", *PERIOD, "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"path": str(out), "format": "csv", "rows": 2}
    with out.open(encoding="utf-8", newline="") as stream:
        assert list(csv.reader(stream)) == [TIMESHEET_HEADER, *TIMESHEET_ROWS]


def test_detail_xlsx_in_english_for_one_employee(db_url: str, golden: Golden, tmp_path: Path) -> None:
    out = tmp_path / "detail.bin"
    args = ["--kind", "detail", *PERIOD, "--format", "xlsx", "--out", str(out)]
    result = _run(db_url, *args, "--employee", str(golden.night_guard), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote 6 rows to {out}"
    sheet = load_workbook(io.BytesIO(out.read_bytes())).active  # openpyxl goes by the file name otherwise
    assert sheet["A1"].value == "Employee time detail: Оксана Ткаченко"
    assert [c.value for c in sheet[7]] == ["Date", "In", "Out", "Duration", "Remarks", "Code", "Reason"]


def test_usage_errors_exit_without_a_traceback(db_url: str, golden: Golden, tmp_path: Path) -> None:
    no_employee = _run(db_url, "--kind", "detail", *PERIOD, "--out", str(tmp_path / "d.pdf"))
    assert no_employee.returncode == 1
    assert "needs an employee" in no_employee.stderr
    unknown_suffix = _run(db_url, "--kind", "timesheet", *PERIOD, "--out", str(tmp_path / "t.txt"))
    assert unknown_suffix.returncode == 1
    assert "give --format" in unknown_suffix.stderr
    backwards = _run(
        db_url, "--kind", "timesheet", "--from", "2026-03-31", "--to", "2026-03-01", "--out", "x.csv"
    )
    assert backwards.returncode == 1
    assert "Traceback" not in backwards.stderr + no_employee.stderr + unknown_suffix.stderr
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith("test.db")]  # nothing written
