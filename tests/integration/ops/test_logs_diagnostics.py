"""Log files without secrets, and the diagnostics support asks for (GUI "copy diagnostics" and the CLI)."""

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from timetracker_desktop.app import AppContext, database_revision
from timetracker_desktop.cli import main
from timetracker_desktop.logging_setup import close_logging, configure_logging, mask_secrets
from timetracker_desktop.services.database_care.health import AlertKind
from timetracker_desktop.services.diagnostics import DiagnosticsService, ListenerState, url_without_password


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """Logging configured into a temporary folder, detached afterwards."""
    path = configure_logging(folder=tmp_path / "logs")
    yield path
    close_logging()


def test_secrets_never_reach_the_log(log_file: Path) -> None:
    log = logging.getLogger("timetracker_desktop.test")
    log.warning("connect to %s failed", "mysql+pymysql://tt:hunter2@db.local/tt")
    log.error('bad request {"api_key": "%s", "signature": "AAAA=="}', "Zm9vYmFyYmF6cXV4")
    log.info("X-Terminal-Key: abcdef123 from 10.0.0.5")
    try:
        raise ConnectionError("cannot reach mysql+pymysql://tt:sw0rdfish@db.local/tt")
    except ConnectionError:
        log.exception("the listener process cannot open the database")  # the traceback quotes the URL
    text = log_file.read_text(encoding="utf-8")
    assert "ConnectionError: cannot reach mysql+pymysql://tt:***@db.local/tt" in text
    for secret in ("hunter2", "Zm9vYmFyYmF6cXV4", "AAAA==", "abcdef123", "sw0rdfish"):
        assert secret not in text
    assert "mysql+pymysql://tt:***@db.local/tt" in text
    assert "10.0.0.5" in text


def test_mask_and_url_helpers() -> None:
    assert mask_secrets("password=s3cret rest") == "password=*** rest"
    assert url_without_password("mysql://tt:pw@host:3306/db?charset=utf8mb4") == (
        "mysql://tt:***@host:3306/db?charset=utf8mb4"
    )
    assert url_without_password("sqlite:///C:/data/tt.db") == "sqlite:///C:/data/tt.db"


def test_diagnostics_name_versions_database_listener_and_recent_errors(
    app_context: AppContext, log_file: Path
) -> None:
    logging.getLogger("timetracker_desktop.listener").error("port 8000 is in use")
    listener_log = log_file.with_name("listener.log")  # the GUI's listener process writes its own file
    listener_log.write_text(
        "2000-01-01 00:00:00,000 ERROR timetracker_desktop.listener: an old failure of the child\n"
        "2999-01-01 00:00:00,000 INFO timetracker_desktop.listener: not a warning\n",
        encoding="utf-8",
    )
    service = DiagnosticsService(
        app_context.services.uow, app_context.services.clock, lambda: database_revision(app_context.storage)
    )
    text = service.collect(
        app_context.url,
        log_files=(log_file, listener_log),
        listener=ListenerState(True, "0.0.0.0", 8000),
        reader="ACR122U",
    ).as_text()
    assert "TimeTracker Desktop: " in text
    assert "SQLAlchemy: " in text
    assert "(newest " in text
    assert "running" in text
    assert "ACR122U" in text
    assert "port 8000 is in use" in text
    assert text.index("an old failure of the child") < text.index("port 8000 is in use")  # merged by time
    assert "not a warning" not in text


def test_diagnostics_come_out_when_the_database_does_not(
    app_context: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> tuple[str | None, str]:
        raise RuntimeError("server unreachable")

    service = DiagnosticsService(app_context.services.uow, app_context.services.clock, broken)
    assert "error: RuntimeError: server unreachable" in service.collect("mysql://u:p@h/db").as_text()
    assert main(["diagnostics", "--db", f"sqlite:///{tmp_path / 'absent' / 'x.db'}"]) == 0
    out = capsys.readouterr().out
    assert "[database]" in out
    assert "of the database file does not exist" in out  # the typo is reported, and nothing is created
    assert not (tmp_path / "absent").exists()


def test_diagnostics_list_the_alerts(app_context: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    service = DiagnosticsService(
        app_context.services.uow,
        app_context.services.clock,
        lambda: database_revision(app_context.storage),
        app_context.services.health,
    )
    report = service.collect(app_context.url, listener=ListenerState(False, error="port 8000 is in use"))
    assert [a.kind for a in report.alerts] == [AlertKind.NO_RECENT_BACKUP, AlertKind.LISTENER_NOT_RUNNING]
    assert "[alerts]\nno_recent_backup hours=never limit=48\n" in report.as_text()
    assert main(["--json", "diagnostics", "--db", app_context.url]) == 0  # a fresh database: never backed up
    alerts = json.loads(capsys.readouterr().out)["alerts"]
    assert alerts == [{"kind": "no_recent_backup", "params": {"hours": "never", "limit": "48"}}]
