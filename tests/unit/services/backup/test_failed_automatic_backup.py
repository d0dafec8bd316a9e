"""A failed automatic backup is audited with its reason: the alert fires and ``db stats`` shows it."""

import logging
from pathlib import Path

import pytest
from fakes import ADMIN, FakeClock, FakeUnitOfWorkFactory
from fakes.backup import FakeDatabaseArchive
from fakes.database_care import FakeDatabaseMaintenance

from timetracker_desktop.cli.db_care import stats_text
from timetracker_desktop.domain.audit import AuditAction, AuditOutcome
from timetracker_desktop.services.container import build_services
from timetracker_desktop.services.database_care.care import database_care
from timetracker_desktop.services.database_care.health import AlertKind, HealthService


def test_a_backup_folder_that_cannot_be_written_is_audited_and_alerted(
    storage: FakeUnitOfWorkFactory, clock: FakeClock, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    services = build_services(
        storage, clock, bcrypt_rounds=4, archive=FakeDatabaseArchive(storage), backup_folder=lambda: tmp_path
    )
    schedule = services.backup_schedule
    assert schedule is not None
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")  # root writes anywhere else
    schedule.change(ADMIN, folder=str(blocked), interval_hours=24)
    maintenance = FakeDatabaseMaintenance(storage, tmp_path / "timetracker.db")
    health = HealthService(storage, clock, maintenance, lambda: blocked, disk=lambda _f: (10**12, 10**12))
    care = database_care(storage, clock, maintenance, lambda: blocked)

    with caplog.at_level(logging.WARNING):
        assert schedule.run_if_due() is None  # not raised: the runner goes on
    assert "the automatic backup to" in caplog.text
    failed = services.audit.entries(ADMIN, action=AuditAction.BACKUP_CREATE)
    assert [(e.outcome, e.actor, (e.after or {}).get("kind")) for e in failed] == [
        (AuditOutcome.FAILED, "system", "automatic")
    ]
    assert failed[0].reason
    assert "blocked" in failed[0].reason
    assert AlertKind.LAST_BACKUP_FAILED in [a.kind for a in health.alerts()]
    stats = care.stats.collect(ADMIN)
    assert stats.last_backup is not None
    assert stats.last_backup.outcome == "failed"
    line = next(x for x in stats_text(stats).splitlines() if x.startswith("last backup:"))
    assert line.endswith(f"failed: {failed[0].reason}")

    clock.advance(minutes=30)
    assert schedule.run_if_due() is None  # not again within the hour: one audit line, not one a minute
    assert len(services.audit.entries(ADMIN, action=AuditAction.BACKUP_CREATE)) == 1
    blocked.unlink()
    clock.advance(minutes=31)
    assert schedule.run_if_due() is not None
    assert AlertKind.LAST_BACKUP_FAILED not in [a.kind for a in health.alerts()]
    stats = care.stats.collect(ADMIN)
    assert stats.last_backup is not None
    assert stats.last_backup.outcome == "ok"
