"""BackupService over the fake storage and archive: admins only, safety copies, refusals, audit retries."""

from pathlib import Path

import pytest
from fakes import ADMIN, MANAGER, FakeClock, FakeUnitOfWorkFactory
from fakes.backup import FakeDatabaseArchive

from timetracker_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from timetracker_desktop.repositories.ports.storage import StorageCause, StorageUnavailableError
from timetracker_desktop.services.container import Services, build_services
from timetracker_desktop.services.dto import EmployeeDraft


@pytest.fixture
def archive(storage: FakeUnitOfWorkFactory) -> FakeDatabaseArchive:
    """The archive of the fake database."""
    return FakeDatabaseArchive(storage)


@pytest.fixture
def with_backups(storage: FakeUnitOfWorkFactory, clock: FakeClock, archive: FakeDatabaseArchive) -> Services:
    """The services wired with an archive, as the app wires them."""
    return build_services(storage, clock, bcrypt_rounds=4, archive=archive)


def _audit(storage: FakeUnitOfWorkFactory) -> list[tuple[str, str]]:
    with storage(read_only=True) as uow:
        return [(e.action, e.outcome) for e in uow.audit.all_in_order()]


def test_a_restore_brings_back_the_backup_after_a_safety_copy(
    with_backups: Services, storage: FakeUnitOfWorkFactory, tmp_path: Path
) -> None:
    backups = with_backups.backups
    assert backups is not None
    with_backups.employees.add_employee(ADMIN, EmployeeDraft("Олена"))
    with pytest.raises(PermissionDeniedError):
        backups.backup(MANAGER, tmp_path / "b.zip")
    made = backups.backup(ADMIN, tmp_path / "b.zip")
    assert made.size_bytes > 0
    assert made.manifest.total_rows() > 0
    with_backups.employees.add_employee(ADMIN, EmployeeDraft("Іван"))
    restored = backups.restore(ADMIN, tmp_path / "b.zip", safety_dir=tmp_path / "safety")
    assert restored.safety_backup is not None
    assert restored.safety_backup.name.startswith("timetracker-pre-restore-")
    assert [e.full_name for e in with_backups.employees.list_employees()] == ["Олена"]
    # The restored log has what was in the backup (the backup's own line came after it), then the restore.
    assert _audit(storage) == [("employee.create", "ok"), ("backup.restore", "ok")]
    assert with_backups.audit.verify_chain().intact


def test_unreadable_newer_and_mismatching_backups_are_refused(
    with_backups: Services, archive: FakeDatabaseArchive, storage: FakeUnitOfWorkFactory, tmp_path: Path
) -> None:
    backups = with_backups.backups
    assert backups is not None
    with pytest.raises(ValidationError) as unreadable:
        backups.inspect(tmp_path / "holiday-photos.zip")
    assert unreadable.value.code == "backup_unreadable"
    archive.revision = "0010"
    backups.backup(ADMIN, tmp_path / "newer.zip")
    archive.revision = "0009"
    with pytest.raises(ConflictError) as newer:
        backups.restore(ADMIN, tmp_path / "newer.zip")
    assert newer.value.code == "backup_from_newer_version"
    backups.backup(ADMIN, tmp_path / "b.zip")
    archive.mismatch = ["punches"]
    with pytest.raises(ConflictError) as mismatch:
        backups.restore(ADMIN, tmp_path / "b.zip")
    assert mismatch.value.code == "backup_mismatch"
    assert _audit(storage)[-1] == ("backup.restore", "failed")


def test_a_deadlock_on_the_audit_line_is_retried_and_an_outage_is_not(
    with_backups: Services, storage: FakeUnitOfWorkFactory, tmp_path: Path
) -> None:
    backups = with_backups.backups
    assert backups is not None

    def deadlock() -> None:
        raise StorageUnavailableError(StorageCause.DEADLOCK)

    storage.before_commit = deadlock
    backups.backup(ADMIN, tmp_path / "b.zip")
    assert _audit(storage) == [("backup.create", "ok")]

    def outage() -> None:
        raise StorageUnavailableError(StorageCause.SERVER_UNREACHABLE)

    storage.before_commit = outage
    with pytest.raises(StorageUnavailableError):
        backups.backup(ADMIN, tmp_path / "c.zip")
    assert len(_audit(storage)) == 1
