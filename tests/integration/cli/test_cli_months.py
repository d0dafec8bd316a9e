"""``month close|reopen|list|diff`` as a user runs them (a subprocess on SQLite and MariaDB)."""

import json

from test_cli import ok, run


def _punch(db: str, employee: str, at: str, direction: str) -> None:
    ok(
        "punch",
        "add",
        "--employee",
        employee,
        "--at",
        at,
        "--direction",
        direction,
        "--reason",
        "paper",
        db=db,
    )


def test_month_round_trip(db_url: str) -> None:
    employee = ok("employee", "add", "--name", "Олена Коваль", db=db_url).strip()
    _punch(db_url, employee, "2026-03-03 09:00", "IN")
    _punch(db_url, employee, "2026-03-03 17:30", "OUT")
    closed = json.loads(ok("month", "close", "2026-03", "--json", db=db_url))
    assert (closed["month"], closed["closed"], closed["employees"]) == ("2026-03", True, 1)

    refused = run("absence", "add", "--employee", employee, "--type", "ТН", "--from", "2026-03-10",
                  "--to", "2026-03-11", db=db_url)  # fmt: skip
    assert refused.returncode == 1
    assert "the month 2026-03 is closed" in refused.stderr
    assert "Traceback" not in refused.stderr
    late = run("punch", "add", "--employee", employee, "--at", "2026-03-31 21:00", "--direction", "IN",
               "--reason", "x", db=db_url)  # fmt: skip
    assert late.returncode == 1
    assert "2026-03 is closed" in late.stderr
    _punch(db_url, employee, "2026-04-01 09:00", "IN")  # the next month stays open

    no_reason = run("month", "reopen", "2026-03", db=db_url)
    assert no_reason.returncode == 2  # --reason is required
    assert "reopened 2026-03" in ok(
        "month", "reopen", "2026-03", "--reason", "лікарняний прийшов пізно", db=db_url
    )
    _punch(db_url, employee, "2026-03-04 09:00", "IN")
    _punch(db_url, employee, "2026-03-04 13:00", "OUT")

    diff = json.loads(ok("month", "diff", "2026-03", "--json", db=db_url))
    assert [(c["day"], c["before"]["text"], c["after"]["text"]) for c in diff["changed_cells"]] == [
        ("2026-03-04", "", "4:00")
    ]
    assert "2026-03-04" in ok("month", "diff", "2026-03", db=db_url)
    listing = json.loads(ok("month", "list", "--json", db=db_url))
    assert [(m["month"], m["closed"], m["reopen_reason"]) for m in listing] == [
        ("2026-03", False, "лікарняний прийшов пізно")
    ]
    assert "reopened" in ok("month", "list", db=db_url)
    bad = run("month", "close", "2026-13", db=db_url)
    assert bad.returncode == 2
    assert "use YYYY-MM" in bad.stderr
