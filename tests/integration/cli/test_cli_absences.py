"""``absence add|list|delete`` as a user runs them (a subprocess on SQLite and MariaDB), text and JSON."""

import json

from test_cli import ok, run


def test_absence_round_trip_with_json(db_url: str) -> None:
    employee = ok("employee", "add", "--name", "Олена Коваль", db=db_url).strip()
    added = json.loads(
        ok(
            "absence", "add", "--employee", employee, "--type", "тн", "--from", "2026-03-03", "--to",
            "2026-03-05", "--document", "АБВ 123456", "--note", "лікарняний", "--json", db=db_url,
        )
    )  # fmt: skip
    assert added == {
        "id": added["id"], "employee_id": int(employee), "type": "ТН", "form_code": "26",
        "from": "2026-03-03", "to": "2026-03-05", "days": 3, "document": "АБВ 123456", "note": "лікарняний",
    }  # fmt: skip
    plain = ok(
        "absence",
        "add",
        "--employee",
        employee,
        "--type",
        "08",
        "--from",
        "2026-03-06",
        "--to",
        "2026-03-06",
        db=db_url,
    )
    leave_id = int(plain)

    overlap = run(
        "absence",
        "add",
        "--employee",
        employee,
        "--type",
        "В",
        "--from",
        "2026-03-05",
        "--to",
        "2026-03-09",
        db=db_url,
    )
    assert overlap.returncode == 1
    assert "already has an absence ТН from 2026-03-03 to 2026-03-05" in overlap.stderr
    assert "Traceback" not in overlap.stderr
    unknown = run(
        "absence",
        "add",
        "--employee",
        employee,
        "--type",
        "Б",
        "--from",
        "2026-03-09",
        "--to",
        "2026-03-09",
        db=db_url,
    )
    assert unknown.returncode == 1
    assert "unknown absence type" in unknown.stderr

    listed = json.loads(ok("--json", "absence", "list", "--employee", employee, db=db_url))
    assert [(a["type"], a["from"], a["to"]) for a in listed] == [
        ("ТН", "2026-03-03", "2026-03-05"),
        ("В", "2026-03-06", "2026-03-06"),
    ]
    window = json.loads(
        ok("absence", "list", "--from", "2026-03-06", "--to", "2026-03-31", "--json", db=db_url)
    )
    assert [a["id"] for a in window] == [leave_id]
    text = ok("absence", "list", db=db_url)
    assert "ТН  26" in text
    assert "АБВ 123456  лікарняний" in text

    worktime = json.loads(
        ok(
            "worktime",
            "--employee",
            employee,
            "--from",
            "2026-03-03",
            "--to",
            "2026-03-03",
            "--json",
            db=db_url,
        )
    )
    assert worktime["days"][0]["absence"] == "ТН"

    deleted = json.loads(ok("absence", "delete", str(leave_id), "--json", db=db_url))
    assert deleted["id"] == leave_id
    again = run("absence", "delete", str(leave_id), db=db_url)
    assert again.returncode == 1
    assert "not found" in again.stderr
    assert [a["type"] for a in json.loads(ok("absence", "list", "--json", db=db_url))] == ["ТН"]
