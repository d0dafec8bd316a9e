"""Backups page: back up and restore through the GUI into a fresh database, refusals, automatic backups."""

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from backup_files import rewrite_manifest, rewrite_member
from dbsupport import SqliteTemplate
from fakes import ADMIN, FakeClock
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import AppContext, build_app
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.gui.dialogs.restore_confirm import RestoreConfirmDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.formatting import local_date_time
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner, PoolTaskRunner
from timetracker_desktop.gui.views.backups import BackupsView
from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind
from timetracker_desktop.repositories.sql.backup_format import key_id
from timetracker_desktop.services.backup.key import installation_key
from timetracker_desktop.services.backup.schedule import automatic_backups
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.demo import DemoDataService
from timetracker_desktop.services.maintenance.lease import this_process

from .conftest import ADMIN_PASSWORD, make_context, make_user, show

pytestmark = pytest.mark.gui
SOURCE_EMPLOYEES = 7


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder (default backup folder) inside the test's folder, never the real one."""
    folder = tmp_path / "user-data"
    folder.mkdir()
    monkeypatch.setattr("timetracker_desktop.app.data_dir", lambda: folder)
    return folder


@pytest.fixture
def source(sqlite_template: SqliteTemplate, tmp_path: Path, clock: FakeClock) -> Iterator[AppContext]:
    """A second database (SQLite) with demo data and an admin: what gets backed up."""
    folder = tmp_path / "source"
    folder.mkdir()
    context = build_app(sqlite_template.fresh_url(folder), clock=clock, bcrypt_rounds=4, upgrade=False)
    DemoDataService(context.services.uow, clock).generate(Actor.system(), SOURCE_EMPLOYEES, 10)
    yield context
    context.close()


def _page(qtbot: QtBot, context: GuiContext) -> BackupsView:
    page = BackupsView(context)
    show(qtbot, page)
    return page


def _employees(services: Services) -> int:
    with services.uow(read_only=True) as uow:
        return uow.employees.count()


def test_back_up_then_restore_into_a_fresh_database(
    qtbot: QtBot,
    source: AppContext,
    services: Services,
    runner: InlineTaskRunner,
    ui_settings: UiSettings,
    tmp_path: Path,
) -> None:
    admin = make_user(source.services, "admin", Role.ADMIN)
    backing_up = _page(qtbot, make_context(source.services, admin, runner, ui_settings))
    backing_up.back_up_to(tmp_path / "office")  # the .zip is added
    made = tmp_path / "office.zip"
    assert made.is_file()
    assert str(made) in backing_up.backup_busy.message.text()
    assert not backing_up.backup_busy.running
    assert backing_up.backup_button.isEnabled()

    assert _employees(services) == 0  # the fresh database (SQLite or MariaDB)
    restoring = _page(qtbot, make_context(services, admin, runner, ui_settings))
    restoring.restore_from(made)
    confirm = restoring.dialog
    assert isinstance(confirm, RestoreConfirmDialog)
    assert "test database" in confirm.summary.text()
    assert "office.zip" in confirm.summary.text()
    assert confirm.model.rowCount() > 3  # tables with their row counts and checksums
    assert not confirm.replace_button.isEnabled()
    confirm.understood.setChecked(True)
    confirm.replace_button.click()

    assert _employees(services) == SOURCE_EMPLOYEES
    assert services.users.authenticate("admin", ADMIN_PASSWORD).username == "admin"
    outcome = restoring.restore_busy.message.text()
    assert "row counts and checksums" in outcome
    assert "timetracker-pre-restore-" in outcome  # the replaced (empty) data was saved first
    restart = restoring.dialog
    assert isinstance(restart, QMessageBox)
    assert restart.isVisible()
    assert restart.findChild(QPushButton, "quitAfterRestore") is not None
    restart.reject()


@pytest.fixture
def from_source(
    qtbot: QtBot, source: AppContext, services: Services, runner: InlineTaskRunner, ui_settings: UiSettings,
    tmp_path: Path,
) -> tuple[BackupsView, Path]:  # fmt: skip
    """A backup of the source database, and the Backups page of the (fresh) test database to restore it in."""
    admin = make_user(source.services, "admin", Role.ADMIN)
    assert source.services.backups is not None
    made = source.services.backups.backup(Actor.of_user(admin), tmp_path / "b.zip")
    return _page(qtbot, make_context(services, admin, runner, ui_settings)), made.path


def test_cancelling_the_confirmation_changes_nothing(
    from_source: tuple[BackupsView, Path], services: Services
) -> None:
    page, made = from_source
    page.restore_from(made)
    assert isinstance(page.dialog, RestoreConfirmDialog)
    page.dialog.reject()
    assert _employees(services) == 0


def test_a_backup_from_a_newer_schema_is_refused_in_words(
    qtbot: QtBot, admin_context: GuiContext, tmp_path: Path, data_folder: Path
) -> None:
    backups = admin_context.services.backups
    assert backups is not None
    made = backups.backup(admin_context.actor, tmp_path / "b.zip")
    rewrite_manifest(
        made.path,
        tmp_path / "newer.zip",
        installation_key(data_folder),
        schema_revision="9999",
        app_version="9.0",
    )
    page = _page(qtbot, admin_context)
    page.restore_from(tmp_path / "newer.zip")
    assert page.dialog is None  # no confirmation: nothing can be restored
    message = page.restore_busy.message
    assert message.text() == (
        "This backup was made by a newer version of TimeTracker Desktop. Update the program first,"
        " then restore the backup."
    )
    assert "b00020" in message.styleSheet()
    assert page.restore_button.isEnabled()


def test_a_backup_from_another_installation_needs_the_trust_box(
    from_source: tuple[BackupsView, Path], services: Services, tmp_path: Path, data_folder: Path
) -> None:
    page, made = from_source
    other_pc = bytes(range(32))
    rewrite_manifest(made, tmp_path / "other-pc.zip", other_pc, key_id=key_id(other_pc))
    page.restore_from(tmp_path / "other-pc.zip")
    confirm = page.dialog
    assert isinstance(confirm, RestoreConfirmDialog)
    assert confirm.trusted.isVisible()
    assert key_id(other_pc) in confirm.trusted.text()
    assert key_id(installation_key(data_folder)) in confirm.trusted.text()  # to compare with the other PC
    confirm.understood.setChecked(True)
    assert not confirm.replace_button.isEnabled()  # understanding is not trusting
    confirm.trusted.setChecked(True)
    confirm.replace_button.click()
    assert _employees(services) == SOURCE_EMPLOYEES
    assert isinstance(page.dialog, QMessageBox)
    page.dialog.reject()


def test_a_damaged_backup_is_refused_and_the_safety_backup_named(
    from_source: tuple[BackupsView, Path], services: Services, tmp_path: Path, data_folder: Path
) -> None:
    page, made = from_source
    rewrite_member(made, tmp_path / "bad.zip", "tables/punches.jsonl", lambda d: b"#" + d[1:])
    page.restore_from(tmp_path / "bad.zip")
    assert isinstance(page.dialog, RestoreConfirmDialog)
    assert not page.dialog.trusted.isVisible()
    page.dialog.understood.setChecked(True)
    page.dialog.replace_button.click()
    text = page.restore_busy.message.text()
    [safety] = (data_folder / "backups").glob("timetracker-pre-restore-*.zip")
    assert text.startswith(
        "This file is not a TimeTracker backup, or it is damaged. The database was not changed."
    )
    assert str(safety) in text
    assert "table punches, line 1" in text
    assert _employees(services) == 0


def test_a_file_that_is_not_a_backup_is_refused_in_words(
    qtbot: QtBot, admin_context: GuiContext, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    page = _page(qtbot, admin_context)
    page.restore_from(junk)
    assert page.restore_busy.message.text() == "This file is not a TimeTracker backup, or it is damaged."


def test_automatic_backup_settings_and_the_last_one_made(
    qtbot: QtBot, admin_context: GuiContext, tmp_path: Path
) -> None:
    page = _page(qtbot, admin_context)
    box = page.schedule
    assert box is not None
    assert box.last.text() == "none yet"
    folder = tmp_path / "auto"
    box.folder.setText(str(folder))
    box.interval.setValue(6)
    box.keep.setValue(3)
    box.save_button.click()
    schedule = admin_context.services.backup_schedule
    assert schedule is not None
    stored = schedule.current()
    assert (stored.folder, stored.interval_hours, stored.keep) == (str(folder), 6, 3)
    assert schedule.run_if_due() is not None
    assert len(automatic_backups(folder)) == 1
    page.refresh()
    assert box.last.text() not in ("", "none yet")
    box.folder.setText("relative/folder")
    box.save_button.click()
    assert box.status.text() == "Choose a full folder path, starting from the drive or the root."
    box.interval.setValue(0)
    assert box.interval.text() == "off"


def test_the_page_says_which_program_makes_the_automatic_backups(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock
) -> None:
    page = _page(qtbot, admin_context)
    box = page.schedule
    assert box is not None
    lease = admin_context.services.runner_lease
    zone = admin_context.services.settings.current().zone
    assert box.runner.text() == "nobody: no TimeTracker program or service is running them now"
    service = LeaseHolder("SERVER:812:5e", RunnerKind.SERVICE, "SERVER", "SYSTEM")
    assert lease.hold(service)
    page.refresh()
    beat = local_date_time(clock.now(), zone)
    assert box.runner.text() == f"the TimeTracker service on SERVER, last heartbeat {beat}"
    clock.advance(minutes=5)  # the service stopped answering: its lease ran out
    page.refresh()
    assert box.runner.text() == "nobody: no TimeTracker program or service is running them now"
    assert lease.hold(this_process(RunnerKind.GUI))
    page.refresh()
    assert box.runner.text() == "this program"
    assert lease.release(this_process(RunnerKind.GUI))
    assert lease.hold(LeaseHolder("PC-2:40:77", RunnerKind.GUI, "PC-2", "olena"))
    page.refresh()
    beat = local_date_time(clock.now(), zone)
    assert box.runner.text() == f"the TimeTracker program on PC-2 (user olena), last heartbeat {beat}"


def test_backups_another_program_makes_into_its_own_folder_are_not_called_missing(
    qtbot: QtBot, admin_context: GuiContext, tmp_path: Path
) -> None:
    schedule = admin_context.services.backup_schedule
    assert schedule is not None
    schedule.change(ADMIN, folder="", interval_hours=24, keep=5)  # the default per-machine folder
    lease = admin_context.services.runner_lease
    assert lease.hold(LeaseHolder("SERVER:812:5e", RunnerKind.SERVICE, "SERVER", "SYSTEM"))
    page = _page(qtbot, admin_context)
    box = page.schedule
    assert box is not None
    assert box.last.text().startswith("made by the program named below into its own folder")
    assert "set a shared folder" in box.last.text()
    assert box.next_due.text() == "when that program's own folder says so"  # not "due now"
    assert box.runner.text().startswith("the TimeTracker service on SERVER")
    schedule.change(ADMIN, folder=str(tmp_path / "shared"), interval_hours=24, keep=5)
    page.refresh()  # a shared folder: every program writes there, this page can look
    assert box.last.text() == "none yet"
    assert box.next_due.text() not in ("", "when that program's own folder says so")


@pytest.mark.usefixtures("ukrainian")
def test_the_program_making_the_backups_is_named_in_ukrainian(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    assert admin_context.services.runner_lease.hold(LeaseHolder("srv:1:a", RunnerKind.LISTENER, "СЕРВЕР"))
    page = _page(qtbot, admin_context)
    assert page.schedule is not None
    assert page.schedule.runner.text().startswith("приймач терміналів (serve) на комп’ютері СЕРВЕР, ")


def test_the_page_is_for_administrators_only(viewer_context: GuiContext) -> None:
    from timetracker_desktop.gui.shell.pages import pages_for

    assert "backups" not in [spec.name for spec in pages_for(viewer_context)]


def test_backing_up_runs_off_the_gui_thread(qtbot: QtBot, admin_context: GuiContext, tmp_path: Path) -> None:
    errors: list[BaseException] = []
    runner = PoolTaskRunner(errors.append)
    page = _page(qtbot, replace(admin_context, runner=runner))
    qtbot.waitUntil(lambda: runner.relay.pending == 0, timeout=10_000)  # the schedule loaded
    page.back_up_to(tmp_path / "b.zip")
    assert page.backup_busy.running  # the result has not been delivered: the GUI thread was not blocked
    assert not page.restore_button.isEnabled()
    qtbot.waitUntil(lambda: not page.backup_busy.running, timeout=20_000)
    assert (tmp_path / "b.zip").is_file()
    assert page.restore_button.isEnabled()
    assert runner.wait_for_done(10_000)
    assert errors == []


def test_parts_this_build_lacks_stay_off(qtbot: QtBot, admin_context: GuiContext) -> None:
    services = replace(admin_context.services, backups=None, backup_schedule=None, legacy_import=None)
    page = _page(qtbot, replace(admin_context, services=services))
    assert page.schedule is None
    assert not page.backup_button.isEnabled()
    assert not page.restore_button.isEnabled()
    assert not page.legacy_button.isEnabled()
