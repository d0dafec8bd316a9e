"""The login dialog: success, a wrong password, Enter logs in, and the lockout after repeated failures."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.users import MAX_FAILED_LOGINS, Role
from timetracker_desktop.gui.dialogs.login import LoginDialog
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner
from timetracker_desktop.services.container import Services

from .conftest import ADMIN_PASSWORD, make_user, show

pytestmark = pytest.mark.gui


def _dialog(qtbot: QtBot, services: Services, runner: InlineTaskRunner) -> LoginDialog:
    make_user(services, "admin", Role.ADMIN)
    dialog = LoginDialog(services, runner, "admin")
    show(qtbot, dialog)
    return dialog


def test_login_succeeds(qtbot: QtBot, services: Services, runner: InlineTaskRunner) -> None:
    dialog = _dialog(qtbot, services, runner)
    dialog.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.logged_in) as blocker:
        dialog.login_button.click()
    assert blocker.args[0].role is Role.ADMIN
    assert not dialog.isVisible()


def test_wrong_password_then_lockout(qtbot: QtBot, services: Services, runner: InlineTaskRunner) -> None:
    dialog = _dialog(qtbot, services, runner)
    dialog.password.setText("not-the-password")
    dialog.login_button.click()
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.password.text() == ""
    assert dialog.isVisible()
    for _ in range(MAX_FAILED_LOGINS - 1):
        dialog.password.setText("still-wrong")
        dialog.login_button.click()
    dialog.password.setText(ADMIN_PASSWORD)  # even the right password is refused now
    dialog.login_button.click()
    assert "locked for 15 minutes" in dialog.message.text()
    assert dialog.user is None


def test_enter_logs_in_and_a_wrong_password_keeps_the_dialog(
    qtbot: QtBot, services: Services, runner: InlineTaskRunner
) -> None:
    dialog = _dialog(qtbot, services, runner)
    assert dialog.login_button.isDefault()
    QTest.keyClicks(dialog.password, "not-the-password")
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter used to press Cancel and quit the program
    assert dialog.isVisible()
    assert dialog.message.text() == "Wrong user name or password."
    QTest.keyClicks(dialog.password, ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.logged_in) as blocker:
        QTest.keyClick(dialog.password, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert blocker.args[0].username == "admin"
    assert dialog.result() == LoginDialog.DialogCode.Accepted
