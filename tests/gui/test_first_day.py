"""The office manager's first day through the window system: the real program under Xvfb, real key presses
and clicks (xdotool), the state checked in the database (and the command line) after each step, a screenshot
of each step. Only the viewer account is made through the command line; everything else by input."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import openpyxl
import pytest
from ports import free_port

from .programs import listener_healthy, stop
from .xsession import XSession, read_clipboard, require_tools, wait_for, xvfb

pytestmark = [pytest.mark.gui, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
SHOTS_COPY = Path("/tmp/firstday-shots")  # for people to look at after a run
ADMIN_PASSWORD = "Admin-pass-1"
VIEWER_PASSWORD = "Viewer-pass-1"
UNKNOWN_CARD = "04A2B3C4D5E680"
WIDTH, HEIGHT = 1500, 860
MAIN = "TimeTracker Desktop — "
NAV_X, NAV_TOP, NAV_STEP = 85, 43, 40  # the navigation list: first entry's centre, then one per 40 px
PAGES = ("today", "employees", "terminals", "schedules", "events", "reports", "users", "audit", "backups",
         "database", "settings")  # fmt: skip


@dataclass
class Program:
    """The real program in a subprocess, its private folders, and its embedded database."""

    process: subprocess.Popen[bytes]
    home: Path
    env: dict[str, str]

    @property
    def database(self) -> Path:
        return self.home / "data" / "TimeTracker Desktop" / "timetracker.db"

    def query(self, sql: str, *args: object) -> list[tuple[object, ...]]:
        """Read the embedded database (read-only, beside the running program)."""
        with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=10) as connection:
            return connection.execute(sql, args).fetchall()

    def migrated(self) -> bool:
        """The wizard created the tables (the file appears before them)."""
        try:
            return bool(self.query("select count(*) from alembic_version")[0][0])
        except sqlite3.OperationalError:
            return False

    def cli(self, *args: str, stdin: str | None = None) -> str:
        """Run the command line on the same database (another process, as an admin would)."""
        done = subprocess.run(
            [sys.executable, "-m", "timetracker_desktop", "--db", f"sqlite:///{self.database}", *args],
            env=self.env, input=stdin, capture_output=True, text=True, timeout=120, check=True, cwd=ROOT,
        )  # fmt: skip
        return done.stdout


@pytest.fixture
def shots(tmp_path: Path) -> Iterator[Path]:
    """Screenshots of this run, copied to /tmp/firstday-shots at the end (pass or fail)."""
    folder = tmp_path / "shots"
    folder.mkdir()
    yield folder
    shutil.rmtree(SHOTS_COPY, ignore_errors=True)
    shutil.copytree(folder, SHOTS_COPY)


@pytest.fixture
def x(shots: Path) -> Iterator[XSession]:
    """An X display of this test: the one given (DISPLAY), else a private Xvfb."""
    require_tools()
    if os.environ.get("DISPLAY") and os.environ.get("TT_FIRSTDAY_USE_DISPLAY") == "1":
        yield XSession(os.environ["DISPLAY"], shots)
        return
    with xvfb() as display:
        yield XSession(display, shots)


@pytest.fixture
def program(x: XSession, tmp_path: Path) -> Iterator[Program]:
    """``python -m timetracker_desktop`` on the display, with empty data, config, state and cache folders."""
    home = Path(tempfile.mkdtemp(prefix="fd-"))  # short: the status bar shows the database path
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(
        DISPLAY=x.display,
        QT_QPA_PLATFORM="xcb",
        PYTHONPATH=str(ROOT),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        PCSCLITE_CSOCK_NAME=str(home / "no-pcscd"),  # no desk reader: leave other runs' pcscd alone
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    log = (tmp_path / "program.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "timetracker_desktop"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
    )
    running = Program(process, home, env)
    yield running
    stop(process)
    log.close()
    shutil.rmtree(home, ignore_errors=True)


def _page(x: XSession, window: str, name: str) -> None:
    x.click(window, NAV_X, NAV_TOP + NAV_STEP * PAGES.index(name))
    x.focus(window)


def _main_window(x: XSession, user: str) -> str:
    window = x.wait_window(f"^{MAIN}{user}$", timeout=90)
    x.resize(window, WIDTH, HEIGHT)
    return window


def test_first_day(x: XSession, program: Program) -> None:
    # 1. First run: the embedded database (the default choice), then the admin with the password twice.
    wizard = x.wait_window("перший запуск", timeout=90)
    x.shot("wizard-database")
    x.key("Return")  # Далі: the embedded database is chosen already
    wait_for(program.database.exists, 60, "the embedded database file")
    wait_for(program.migrated, 60, "the migrated database")
    x.focus(wizard)
    x.shot("wizard-admin")
    x.key("Tab")  # the user name is filled in (admin): on to the password
    x.type(ADMIN_PASSWORD)
    x.key("Tab")
    x.type(ADMIN_PASSWORD)
    x.key("Return")
    window = _main_window(x, "admin")
    assert program.query("select username, role from users") == [("admin", "admin")]
    x.shot("main-window-admin")

    # 2. Settings: the listener on this PC only, on a free port (checked, tried, then saved).
    port = free_port()
    _page(x, window, "settings")
    x.click(window, 700, 536)  # Слухати на адресі
    x.key("ctrl+a")
    x.type("127.0.0.1")
    x.click(window, 700, 565)  # Порт
    x.key("ctrl+a")
    x.type(str(port))
    x.shot("settings-listener")
    x.key("ctrl+s")  # «Зберегти» (Ctrl+S on the Settings page)
    wait_for(lambda: listener_healthy(port), 60, f"the listener on 127.0.0.1:{port}")
    x.shot("settings-saved")

    # 3. An employee, added through the Employees page (Cyrillic typed key by key).
    _page(x, window, "employees")
    x.click(window, 300, 43)  # the search field, then Tab to «Додати»
    x.key("Tab", "Tab", "space")
    x.wait_window("працівник", timeout=30)
    x.shot("employee-dialog")
    x.type("Олена Коваль")
    x.shot("employee-typed")
    x.key("Return")
    x.wait_gone("працівник")
    wait_for(lambda: program.query("select full_name from employees"), 30, "the employee in the database")
    assert program.query("select full_name, is_active from employees") == [("Олена Коваль", 1)]
    listed = json.loads(program.cli("--json", "employee", "list"))  # and as the command line sees it
    assert [(e["full_name"], e["is_active"]) for e in listed] == [("Олена Коваль", True)]
    x.shot("employee-added")

    # 4. A card-reader terminal, added through the Terminals page; its key dialog shows the key once.
    _page(x, window, "terminals")
    x.click(window, 280, 43)  # «Додати термінал»
    x.wait_window("термінал", timeout=30)
    x.type("Entrance")
    x.key("Tab")
    x.type("Main door")
    x.key("Tab", "Down")  # the kind: the card reader terminal, second in the list
    x.shot("terminal-dialog")
    x.key("Return")
    x.wait_window("Ключ", timeout=30)
    x.shot("terminal-key")
    assert program.query("select name, kind from terminals") == [("Entrance", "card_reader")]
    x.key("ctrl+a", "ctrl+c")  # the key field has the focus: copy the key, as the manager would
    key = wait_for(lambda: read_clipboard(x), 30, "the terminal key on the clipboard")
    x.key("Escape")
    x.wait_gone("Ключ")

    # 5. A tap of a card nobody has, over HTTP as a card-reader terminal sends it (TERMINAL_PROTOCOL §5).
    reply = httpx.post(
        f"http://127.0.0.1:{port}/api/nfc",
        json={"nfc_uid": UNKNOWN_CARD, "event_id": "door1-000001"},
        headers={"X-Terminal-Key": key},
        timeout=30,
    )
    assert reply.status_code == 200
    assert (reply.json()["ok"], reply.json()["status"]) == (False, "unknown_badge")
    assert program.query("select raw_value, state from unassigned_punches") == [(UNKNOWN_CARD, "open")]
    x.shot("unknown-tap")
    logs = program.home / "state" / "TimeTracker Desktop" / "log"  # each kind of process has its own file
    assert sorted(p.name for p in logs.iterdir()) == ["gui.log", "listener-crash.log", "listener.log"]
    assert f"serving on 127.0.0.1:{port}" in (logs / "gui.log").read_text("utf-8")  # the GUI about its child
    assert f"listener serving on 127.0.0.1:{port}" in (logs / "listener.log").read_text("utf-8")

    # 6. The unknown card is assigned to Олена for a reason, without making it her badge.
    _page(x, window, "events")
    x.click(window, 395, 75)  # the «Непризначені» tab
    x.shot("events-unassigned")
    x.click(window, 550, 159, double=True)  # the tap's row opens «Призначити»
    x.wait_window("Призначити", timeout=30)
    x.shot("assign-dialog")
    x.key("Down")  # nobody is preselected: choose the first (and only) employee
    x.key("Tab")
    x.type("забула картку, взяла запасну")
    x.shot("assign-filled")
    x.key("Return")
    x.wait_gone("Призначити")
    wait_for(lambda: program.query("select count(*) from punches")[0][0], 30, "the assigned punch")
    assert program.query(
        "select e.full_name, p.badge_id from punches p join employees e on e.id = p.employee_id"
    ) == [("Олена Коваль", None)]
    assert program.query("select state from unassigned_punches") == [("assigned",)]
    assert program.query("select count(*) from badges")[0][0] == 0  # the box was left unticked
    assert program.query("select reason from audit_entries where action = 'unassigned.assign'") == [
        ("забула картку, взяла запасну",)
    ]
    x.shot("assigned")

    # 7. A report exported to a file (Excel), through the Export menu and the file dialog.
    _page(x, window, "reports")
    x.click(window, 1202 + WIDTH - 1265, 43)  # «Показати»
    x.shot("report-shown")
    x.click(window, 258, 101)  # «Експорт»: its menu (below the month-closing line)
    x.key("Down", "Down", "Down", "Return")  # «Книга Excel (XLSX)...»
    x.wait_window("Експорт звіту", timeout=30)
    report = program.home / "december.xlsx"
    x.key("ctrl+a")
    x.type(str(report))
    x.shot("export-dialog")
    x.key("Return")
    x.wait_gone("Експорт звіту")
    wait_for(lambda: report.exists() and report.stat().st_size > 0, 60, "the exported workbook")
    workbook = openpyxl.load_workbook(report, read_only=True)
    cells = [str(cell) for row in workbook.active.iter_rows(values_only=True) for cell in row if cell]
    assert "Олена Коваль" in cells
    (exports,) = program.query("select count(*) from audit_entries where action like 'report.%'")[0]
    assert isinstance(exports, int)
    assert exports >= 1
    x.focus(window)
    x.shot("exported")

    # 8. Print preview (it crashed the program: the printer was freed while the preview painted).
    x.click(window, 404, 101)  # «Попередній перегляд...»
    preview = x.wait_window("перегляд|Preview", timeout=60)
    x.resize(preview, 1200, 800)
    time.sleep(3)  # let it paint, page after page
    x.shot("print-preview")
    assert program.process.poll() is None  # still running
    x.key("Escape")
    x.wait_gone("перегляд|Preview")
    assert program.process.poll() is None

    # 9. Log out, and in as a viewer (created through the command line); the listener keeps serving.
    program.cli("user", "add", "--username", "viewer", "--role", "viewer", "--password-stdin",
                stdin=VIEWER_PASSWORD + "\n")  # fmt: skip
    x.focus(window)
    x.key("ctrl+shift+l")  # Файл > Вийти / змінити користувача
    login = x.wait_window("TimeTracker Desktop: вхід", timeout=30)
    assert listener_healthy(port)  # terminals are served while nobody is logged in
    x.shot("logged-out")
    x.type("viewer")
    x.key("Tab")
    x.type(VIEWER_PASSWORD)
    x.key("Return")  # Enter logs in (it used to press Cancel and quit the program)
    viewer_window = _main_window(x, "viewer")
    assert login not in x.windows("TimeTracker Desktop: вхід")
    sessions = program.query(
        "select action, actor from audit_entries where action like 'session.%' order by id desc limit 2"
    )
    assert sessions == [("session.login", "viewer"), ("session.logout", "admin")]
    assert listener_healthy(port)
    x.shot("viewer")

    # 10. Quit from the keyboard: the program ends normally and frees the listener's port.
    x.focus(viewer_window)
    x.key("ctrl+q")
    assert program.process.wait(60) == 0
    assert not listener_healthy(port)
    x.shot("quit")
