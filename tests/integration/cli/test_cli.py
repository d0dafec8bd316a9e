"""The command line as a user runs it: a real subprocess on SQLite and MariaDB, text and JSON output."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "timetracker_desktop"]


def run(
    *args: str, db: str | None = None, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the CLI; ``db`` goes after the subcommand to prove both positions work."""
    argv = [*CLI, *args, *(["--db", db] if db else [])]
    full_env = {**os.environ, **(env or {})}
    full_env.pop("TIMETRACKER_DB_URL", None) if env is None else None
    return subprocess.run(
        argv, input=stdin, capture_output=True, text=True, timeout=120, env=full_env, check=False
    )


def ok(*args: str, db: str, stdin: str = "") -> str:
    result = run(*args, db=db, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_demo_then_employee_list_json(db_url: str) -> None:
    assert "created 6 employees" in ok("demo", "--employees", "6", "--days", "20", db=db_url)
    employees = json.loads(ok("employee", "list", "--json", db=db_url))
    assert len(employees) == 6
    assert {"id", "full_name", "position_name", "is_active"} <= set(employees[0])
    terminals = json.loads(ok("--json", "terminal", "list", db=db_url))
    assert len(terminals) == 3
    again = run("demo", db=db_url)
    assert again.returncode == 1
    assert "already has employees" in again.stderr


def test_first_admin_from_stdin_and_no_default_password(db_url: str) -> None:
    assert "created with id" in ok(
        "user",
        "add",
        "--username",
        "olena",
        "--role",
        "admin",
        "--password-stdin",
        db=db_url,
        stdin="s3cret-pass\n",
    )
    users = json.loads(ok("user", "list", "--json", db=db_url))
    assert [u["username"] for u in users] == ["olena"]
    short = run(
        "user", "add", "--username", "ivan", "--role", "viewer", "--password-stdin", db=db_url, stdin="x\n"
    )
    assert short.returncode == 1
    assert "at least 8" in short.stderr


def test_employee_terminal_punch_and_worktime_flow(db_url: str) -> None:
    employee_id = int(ok("employee", "add", "--name", "Олена Коваль", "--card-uid", "15:cd:5b:07", db=db_url))
    duplicate = run("employee", "add", "--name", "Іван", "--card-uid", "15CD5B07", db=db_url)
    assert duplicate.returncode == 1
    assert "Олена Коваль" in duplicate.stderr
    assert "Traceback" not in duplicate.stderr
    created = json.loads(ok("terminal", "add", "--name", "Вхід", "--json", db=db_url))
    assert len(created["key"]) == 43
    assert "key" not in ok("terminal", "list", "--json", db=db_url)
    ok(
        "punch",
        "add",
        "--employee",
        str(employee_id),
        "--at",
        "2026-03-03 08:00",
        "--reason",
        "paper",
        db=db_url,
    )
    ok(
        "punch",
        "add",
        "--employee",
        str(employee_id),
        "--at",
        "2026-03-03 17:30",
        "--reason",
        "paper",
        db=db_url,
    )
    report = json.loads(
        ok(
            "worktime",
            "--employee",
            str(employee_id),
            "--from",
            "2026-03-03",
            "--to",
            "2026-03-04",
            "--json",
            db=db_url,
        )
    )
    assert report["total_worked_minutes"] == 570
    assert report["days"][0]["first_in"] == "2026-03-03 08:00"
    assert report["days"][0]["last_out"] == "2026-03-03 17:30"
    text = ok(
        "worktime", "--employee", str(employee_id), "--from", "2026-03-03", "--to", "2026-03-03", db=db_url
    )
    assert "9:30" in text


def test_settings_and_errors_go_to_stderr_with_nonzero_exit(db_url: str) -> None:
    assert "scan_cooldown_seconds = 45" in ok("settings", "set", "scan_cooldown_seconds", "45", db=db_url)
    assert json.loads(ok("settings", "list", "--json", db=db_url))["scan_cooldown_seconds"] == "45"
    for args in (
        ("settings", "set", "time_zone", "Nowhere/City"),
        ("employee", "deactivate", "999"),
        ("worktime", "--employee", "1", "--from", "2026-13-01", "--to", "2026-01-02"),
    ):
        result = run(*args, db=db_url)
        assert result.returncode != 0
        assert "error:" in result.stderr
        assert "Traceback" not in result.stderr


def test_import_csv_is_all_or_none(db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "full_name,position,card_uid,phone_code\nОлена,Бухгалтер,15CD5B07,\n,x,,\n", encoding="utf-8"
    )
    result = run("employee", "import", str(bad), db=db_url)
    assert result.returncode == 1
    assert "line 3: full_name" in result.stdout
    assert json.loads(ok("employee", "list", "--json", db=db_url)) == []
    good = tmp_path / "good.csv"
    good.write_text(
        "full_name,position,card_uid,phone_code\nОлена,Бухгалтер,15CD5B07,\nІван,,,EMP-1A2B3C4D\n",
        encoding="utf-8",
    )
    assert "imported 2" in ok("employee", "import", str(good), db=db_url)


def test_database_url_from_environment_and_unreachable_server(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    result = run("db", "upgrade", env={"TIMETRACKER_DB_URL": url})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env.db").exists()
    current = run("db", "current", env={"TIMETRACKER_DB_URL": url})
    assert "up to date" in current.stdout


@pytest.mark.mysql
def test_unreachable_database_is_a_clear_error() -> None:
    result = run("employee", "list", db="mysql+pymysql://u:p@127.0.0.1:1/x?connect_timeout=2")
    assert result.returncode == 3
    assert "database server unreachable" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("nonsense", "cannot read the database URL 'nonsense'"),
        ("postgresql://tt@localhost/timetracker", "PostgreSQL is not supported"),
        ("oracle://tt@localhost/timetracker", "unknown database kind 'oracle'"),
    ],
)
def test_a_bad_database_url_is_one_line_and_exit_code_2(url: str, problem: str) -> None:
    result = run("employee", "list", db=url)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: --db: {problem}")
    assert len(result.stderr.strip().splitlines()) == 1  # no traceback


def test_a_sqlite_file_in_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    typo = tmp_path / "Dokuments" / "timetracker.db"
    result = run("employee", "list", db=f"sqlite:///{typo}")
    assert result.returncode == 2
    assert f"the folder {typo.parent} of the database file does not exist" in result.stderr
    assert not typo.parent.exists()


def test_the_default_data_folder_is_still_created(tmp_path: Path) -> None:
    home = tmp_path / "fresh-profile"
    result = run("employee", "list", env={"XDG_DATA_HOME": str(home), "TIMETRACKER_DB_URL": ""})
    assert result.returncode == 0, result.stderr
    assert list(home.rglob("timetracker.db"))
