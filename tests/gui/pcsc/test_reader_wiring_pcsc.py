"""The shell starts the desk reader chosen in settings after login and stops it when the app quits."""

import pytest
from pcsc_support import Pcscd
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import AppContext, GuiDatabaseGateway, open_desk_reader
from timetracker_desktop.domain.users import Role
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.shell.application import Shell

from ..conftest import make_user

pytestmark = [pytest.mark.gui, pytest.mark.pcsc]


def test_reader_runs_from_login_to_quit(
    qtbot: QtBot, qapp: QApplication, pcscd: Pcscd, app_context: AppContext, ui_settings: UiSettings
) -> None:
    ui_settings.reader_name = pcscd.reader
    shell = Shell(qapp, GuiDatabaseGateway(bcrypt_rounds=4), ui_settings, None, open_desk_reader)
    quit_on_last_window = qapp.quitOnLastWindowClosed()
    try:
        assert not shell.reader.running  # nothing runs before the login
        shell.startup.finished.emit(app_context, make_user(app_context.services, "admin", Role.ADMIN))
        window = shell.window
        assert window is not None
        qtbot.addWidget(window)
        assert shell.context is not None
        assert shell.context.reader is shell.reader
        qtbot.waitUntil(lambda: window.status.reader.text() == f"Desk reader: {pcscd.reader}", timeout=5000)

        assert shell.reader.running
        qapp.aboutToQuit.emit()
        assert not shell.reader.running
    finally:
        qapp.aboutToQuit.disconnect(shell._on_about_to_quit)
        qapp.setQuitOnLastWindowClosed(quit_on_last_window)
        shell.setParent(None)
        shell.deleteLater()
