"""The running GUI makes automatic backups on a thread of its own and stops it before the database closes."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import AppContext, GuiDatabaseGateway
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.shell.application import Shell
from timetracker_desktop.services.backup.schedule import automatic_backups

from .conftest import close_shell, make_user

pytestmark = pytest.mark.gui


def test_the_running_gui_makes_automatic_backups(
    qtbot: QtBot,
    qapp: QApplication,
    app_context: AppContext,
    ui_settings: UiSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("timetracker_desktop.gui.shell.application.BACKUP_FIRST_CHECK_SECONDS", 0.0)
    admin = make_user(app_context.services, "admin", Role.ADMIN)
    schedule = app_context.services.backup_schedule
    assert schedule is not None
    folder = tmp_path / "auto"
    schedule.change(Actor.of_user(admin), folder=str(folder), interval_hours=24, keep=2)
    shell = Shell(qapp, GuiDatabaseGateway(bcrypt_rounds=4), ui_settings, None, automatic_backups=True)
    try:
        shell.startup.finished.emit(app_context, admin)
        scheduler = shell.backup_scheduler
        assert scheduler is not None
        qtbot.waitUntil(lambda: len(automatic_backups(folder)) == 1, timeout=20_000)
        scheduler.stop()  # what quitting does before the database closes
        assert not scheduler.alive()
        assert not app_context.services.runner_lease.status().running  # let go for another program
    finally:
        if shell.backup_scheduler is not None:
            shell.backup_scheduler.stop()
        close_shell(qapp, shell)


def test_shells_of_tests_do_not_back_up(
    qapp: QApplication, app_context: AppContext, ui_settings: UiSettings
) -> None:
    shell = Shell(qapp, GuiDatabaseGateway(bcrypt_rounds=4), ui_settings, None)
    try:
        shell.startup.finished.emit(app_context, make_user(app_context.services, "admin", Role.ADMIN))
        assert shell.backup_scheduler is None
    finally:
        close_shell(qapp, shell)
