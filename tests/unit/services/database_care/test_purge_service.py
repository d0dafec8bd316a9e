"""The purge's decisions over fakes: the protected months, nothing deleted after a bad archive, audited."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fakes import ADMIN, VIEWER, FakeClock, FakeUnitOfWorkFactory
from fakes.purge import FakeDatabasePurge

from timetracker_desktop.domain.audit import AuditAction
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, PermissionDeniedError, ValidationError
from timetracker_desktop.services.database_care.purge import DatabasePurgeService


@pytest.fixture
def port(storage: FakeUnitOfWorkFactory) -> FakeDatabasePurge:
    """Three rows in every table."""
    return FakeDatabasePurge(storage)


@pytest.fixture
def service(
    storage: FakeUnitOfWorkFactory, clock: FakeClock, port: FakeDatabasePurge
) -> DatabasePurgeService:
    """The service over the fake port (the clock stands on 2026-03-04)."""
    return DatabasePurgeService(storage, clock, port)


def test_the_latest_date_allowed_is_the_first_of_the_month_36_months_back(
    service: DatabasePurgeService, port: FakeDatabasePurge
) -> None:
    preview = service.preview(ADMIN, date(2023, 3, 1))
    assert preview.latest_allowed == date(2023, 3, 1)
    assert preview.total == 12
    assert port.asked == [datetime(2023, 2, 28, 22, 0, tzinfo=UTC)]  # midnight in Kyiv (UTC+2 in winter)
    with pytest.raises(ValidationError) as refused:
        service.preview(ADMIN, date(2023, 3, 2))
    assert refused.value.code is ErrorCode.PURGE_PROTECTED_PERIOD
    assert refused.value.params == {"latest": "2023-03-01", "months": "36"}


def test_only_an_administrator_purges(service: DatabasePurgeService, tmp_path: Path) -> None:
    with pytest.raises(PermissionDeniedError):
        service.purge(VIEWER, date(2020, 1, 1), tmp_path / "a.zip")


def test_an_archive_that_does_not_read_back_deletes_nothing(
    service: DatabasePurgeService, port: FakeDatabasePurge, storage: FakeUnitOfWorkFactory, tmp_path: Path
) -> None:
    port.fail_archive = True
    with pytest.raises(ConflictError) as failed:
        service.purge(ADMIN, date(2020, 1, 1), tmp_path / "a.zip")
    assert failed.value.code is ErrorCode.PURGE_ARCHIVE_FAILED
    assert port.deleted == []
    with storage(read_only=True) as uow:
        assert uow.audit.list_all(action=AuditAction.DATABASE_PURGE) == []


def test_a_purge_is_audited_with_its_counts_and_archive(
    service: DatabasePurgeService, port: FakeDatabasePurge, storage: FakeUnitOfWorkFactory, tmp_path: Path
) -> None:
    steps: list[str] = []
    result = service.purge(ADMIN, date(2020, 1, 1), tmp_path / "a.zip", steps.append)
    assert steps == ["archive", "verify", "delete"]
    assert len(port.deleted) == 1
    assert sum(result.rows.values()) == 12
    with storage(read_only=True) as uow:
        (entry,) = uow.audit.list_all(action=AuditAction.DATABASE_PURGE)
    assert entry.after is not None
    assert entry.after["archive"] == str(tmp_path / "a.zip")
    assert entry.after["anchor"] == "anchor"
