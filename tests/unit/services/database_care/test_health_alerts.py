"""Alerts over the fake storage: each one fires when it should and stays quiet otherwise."""

import logging
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakes import FakeClock, FakeUnitOfWorkFactory
from fakes.database_care import FakeDatabaseMaintenance

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.audit import AuditAction, AuditOutcome
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.repositories.ports.storage import NewPunch, TerminalActivity
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.database_care.health import (
    ADVICE,
    MB,
    Alert,
    AlertKind,
    HealthService,
    HealthWatcher,
)

GB = 1024**3
TB = 1024**4


class Disk:
    """A disk of 1 TB with as much free as a test says, wherever the folder is."""

    def __init__(self) -> None:
        self.free = 500 * GB
        self.asked: list[Path] = []

    def __call__(self, folder: Path) -> tuple[int, int]:
        self.asked.append(folder)
        return self.free, TB


@pytest.fixture
def disk() -> Disk:
    """Plenty of room until a test says otherwise."""
    return Disk()


@pytest.fixture
def maintenance(storage: FakeUnitOfWorkFactory, tmp_path: Path) -> FakeDatabaseMaintenance:
    """An SQLite file of 1 MB in the test's folder."""
    return FakeDatabaseMaintenance(storage, tmp_path / "db" / "timetracker.db")


@pytest.fixture
def health(storage: FakeUnitOfWorkFactory, clock: FakeClock, maintenance: FakeDatabaseMaintenance,
           tmp_path: Path, disk: Disk) -> HealthService:  # fmt: skip
    """The checks over the fake storage, a fake disk and backups in the test's folder."""
    return HealthService(storage, clock, maintenance, lambda: tmp_path / "backups", disk=disk)


def _audit(storage: FakeUnitOfWorkFactory, at: datetime, action: AuditAction, ok: bool = True) -> None:
    with storage() as uow:
        outcome = AuditOutcome.OK if ok else AuditOutcome.FAILED
        record(uow, Actor.system(), at, action, outcome=outcome)
        uow.commit()


def _setting(storage: FakeUnitOfWorkFactory, key: str, value: str) -> None:
    with storage() as uow:
        uow.settings.set(key, value, datetime(2026, 1, 1, tzinfo=UTC))
        uow.commit()


def _kinds(alerts: list[Alert]) -> list[AlertKind]:
    return [a.kind for a in alerts]


def _backed_up_and_checked(storage: FakeUnitOfWorkFactory, clock: FakeClock) -> None:
    _audit(storage, clock.now() - timedelta(hours=1), AuditAction.BACKUP_CREATE)
    _audit(storage, clock.now() - timedelta(days=1), AuditAction.DATABASE_CHECK)


def test_a_fresh_database_only_misses_its_backup(health: HealthService) -> None:
    assert health.alerts() == [Alert(AlertKind.NO_RECENT_BACKUP, {"hours": "never", "limit": "48"})]


def test_all_good_says_nothing(
    health: HealthService, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    _backed_up_and_checked(storage, clock)
    assert health.alerts(listener_running=True) == []


def test_an_old_backup_fires_after_the_threshold(
    health: HealthService, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    _backed_up_and_checked(storage, clock)
    clock.advance(hours=47)
    assert health.alerts() == []
    clock.advance(hours=2)
    assert health.alerts() == [Alert(AlertKind.NO_RECENT_BACKUP, {"hours": "50", "limit": "48"})]
    _setting(storage, "alert_backup_max_age_hours", "72")
    assert health.alerts() == []


def test_a_failed_last_backup_fires_while_an_earlier_good_one_is_fresh(
    health: HealthService, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    _backed_up_and_checked(storage, clock)
    _audit(storage, clock.now(), AuditAction.BACKUP_CREATE, ok=False)
    assert _kinds(health.alerts()) == [AlertKind.LAST_BACKUP_FAILED]
    _audit(storage, clock.now(), AuditAction.BACKUP_CREATE)
    assert health.alerts() == []


def test_low_space_fires_for_both_places_by_megabytes_or_share(
    health: HealthService, storage: FakeUnitOfWorkFactory, clock: FakeClock, disk: Disk, tmp_path: Path
) -> None:
    _backed_up_and_checked(storage, clock)
    disk.free = 60 * GB  # above 1 GB and above 5 % of 1 TB (51.2 GB)
    assert health.alerts() == []
    disk.free = 50 * GB  # under 5 %
    alerts = health.alerts()
    assert [(a.kind, a.params["place"], a.params["folder"]) for a in alerts] == [
        (AlertKind.DISK_SPACE_LOW, "database", str(tmp_path / "db")),
        (AlertKind.DISK_SPACE_LOW, "backups", str(tmp_path / "backups")),
    ]
    assert alerts[0].params["free_mb"] == str(50 * 1024)
    _setting(storage, "alert_free_space_min_percent", "0")
    assert health.alerts() == []
    disk.free = 1 * GB - 1  # under 1 GB
    assert _kinds(health.alerts()) == [AlertKind.DISK_SPACE_LOW] * 2


def test_a_server_database_checks_only_the_backup_disk(
    storage: FakeUnitOfWorkFactory, clock: FakeClock, disk: Disk, tmp_path: Path
) -> None:
    _backed_up_and_checked(storage, clock)
    health = HealthService(
        storage, clock, FakeDatabaseMaintenance(storage, None), lambda: tmp_path, disk=disk
    )
    disk.free = 0
    assert [a.params["place"] for a in health.alerts()] == ["backups"]
    assert disk.asked == [tmp_path]


def test_a_large_database_fires_over_its_threshold(
    health: HealthService,
    storage: FakeUnitOfWorkFactory,
    clock: FakeClock,
    maintenance: FakeDatabaseMaintenance,
) -> None:
    _backed_up_and_checked(storage, clock)
    maintenance.size = 5 * GB
    assert health.alerts() == []
    maintenance.size = 5 * GB + MB
    assert health.alerts() == [Alert(AlertKind.DATABASE_LARGE, {"size_mb": "5121", "limit_mb": "5120"})]


def test_a_failed_check_fires_until_a_good_one(
    health: HealthService, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    _backed_up_and_checked(storage, clock)
    _audit(storage, clock.now(), AuditAction.DATABASE_CHECK, ok=False)
    assert _kinds(health.alerts()) == [AlertKind.CHECK_FAILED]
    _audit(storage, clock.now(), AuditAction.DATABASE_CHECK)
    assert health.alerts() == []


def test_a_check_is_overdue_after_thirty_days(
    health: HealthService, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    _backed_up_and_checked(storage, clock)
    clock.advance(days=29)
    _audit(storage, clock.now(), AuditAction.BACKUP_CREATE)
    assert health.alerts() == []
    clock.advance(days=2)
    _audit(storage, clock.now(), AuditAction.BACKUP_CREATE)
    assert health.alerts() == [Alert(AlertKind.CHECK_OVERDUE, {"days": "32", "limit": "30"})]


def test_never_checked_is_overdue_only_once_punches_are_older_than_the_period(
    health: HealthService, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    _audit(storage, clock.now(), AuditAction.BACKUP_CREATE)
    with storage() as uow:
        employee = uow.employees.add("Оксана", None, None, clock.now())
        uow.punches.add(NewPunch(employee.id, clock.now(), Direction.IN, PunchSource.MANUAL, clock.now()))
        uow.commit()
    assert health.alerts() == []
    clock.advance(days=31)
    _audit(storage, clock.now(), AuditAction.BACKUP_CREATE)
    assert health.alerts() == [Alert(AlertKind.CHECK_OVERDUE, {"days": "never", "limit": "30"})]


def _terminal(storage: FakeUnitOfWorkFactory, name: str, seen: datetime | None, active: bool = True) -> None:
    with storage() as uow:
        added = uow.terminals.add(
            Terminal(0, name, TerminalKind.CARD_READER), None, datetime(2026, 1, 1, tzinfo=UTC)
        )
        uow.terminals.update(replace(added, is_active=active))
        if seen is not None:
            uow.terminals.add_activity(TerminalActivity(added.id, seen, seen.date(), 1, 0))
        uow.commit()


def test_a_silent_terminal_fires_in_working_hours_only(
    health: HealthService, storage: FakeUnitOfWorkFactory, clock: FakeClock
) -> None:
    _backed_up_and_checked(storage, clock)  # Wednesday 12:00 in Kyiv
    _terminal(storage, "Вхід", clock.now() - timedelta(minutes=20))
    _terminal(storage, "Склад", None, active=False)  # switched off: never an alert
    assert health.alerts() == []
    clock.advance(minutes=11)
    assert health.alerts() == [
        Alert(AlertKind.TERMINAL_SILENT, {"terminal": "Вхід", "minutes": "31", "limit": "30"})
    ]
    clock.set(datetime(2026, 3, 4, 17, 0, tzinfo=UTC))  # 19:00 in Kyiv: after hours
    assert health.alerts() == []
    clock.set(datetime(2026, 3, 7, 10, 0, tzinfo=UTC))  # Saturday noon
    assert AlertKind.TERMINAL_SILENT not in _kinds(health.alerts())


def test_a_terminal_heard_by_this_process_is_not_silent(
    storage: FakeUnitOfWorkFactory, clock: FakeClock, disk: Disk
) -> None:
    _backed_up_and_checked(storage, clock)
    _terminal(storage, "Вхід", None)
    quiet = HealthService(storage, clock, disk=disk)
    assert quiet.alerts() == [
        Alert(AlertKind.TERMINAL_SILENT, {"terminal": "Вхід", "minutes": "never", "limit": "30"})
    ]
    heard = HealthService(storage, clock, recent=lambda: {1: clock.now()}, disk=disk)
    assert heard.alerts() == []


def test_the_listener_alert_comes_only_from_a_program_that_has_one(health: HealthService) -> None:
    assert AlertKind.LISTENER_NOT_RUNNING not in _kinds(health.alerts())
    assert AlertKind.LISTENER_NOT_RUNNING not in _kinds(health.alerts(listener_running=True))
    alerts = health.alerts(listener_running=False, listener_error="port 8080 is taken")
    assert alerts[-1] == Alert(AlertKind.LISTENER_NOT_RUNNING, {"error": "port 8080 is taken"})
    assert alerts[-1].as_text() == "listener_not_running error=port 8080 is taken"


def test_the_watcher_logs_each_alert_as_a_warning_with_what_to_do(
    health: HealthService, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="timetracker_desktop.services.database_care.health"):
        assert _kinds(HealthWatcher(health).check_once()) == [AlertKind.NO_RECENT_BACKUP]
    [line] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert (
        line
        == f"needs attention: no_recent_backup hours=never limit=48; {ADVICE[AlertKind.NO_RECENT_BACKUP]}"
    )
    assert set(ADVICE) == set(AlertKind)


def test_the_watcher_checks_at_start_and_survives_a_lost_database(
    storage: FakeUnitOfWorkFactory, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken(HealthService):
        calls = 0

        def alerts(self, *, listener_running: bool | None = None, listener_error: str = "") -> list[Alert]:
            Broken.calls += 1
            if Broken.calls == 1:
                raise ConnectionError("database gone")
            return super().alerts()

    watcher = HealthWatcher(Broken(storage, clock), every=0.01)
    assert watcher.check_once() == []
    assert "the health checks failed" in caplog.text
    watcher.start()
    deadline = time.monotonic() + 5
    while Broken.calls < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    watcher.stop()
    assert Broken.calls >= 3  # at start, then on its period
