"""First run: choose the database, create the tables, create the first admin; messages for failures."""

from pathlib import Path

import pytest
from fakes import FakeClock
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import GuiDatabaseGateway
from timetracker_desktop.credentials import is_server_url, parse_server_url
from timetracker_desktop.gui.dialogs.first_run import FirstRunWizard
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner
from timetracker_desktop.gui.shell.startup import Startup

from .conftest import MemoryKeyring

pytestmark = pytest.mark.gui
PASSWORD = "first-admin-pw"


def _wizard(qtbot: QtBot, runner: InlineTaskRunner, clock: FakeClock) -> FirstRunWizard:
    wizard = FirstRunWizard(GuiDatabaseGateway(clock, bcrypt_rounds=4), runner)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _choose(wizard: FirstRunWizard, url: str) -> None:
    assert wizard.database_page is not None
    form = wizard.database_page.form
    if is_server_url(url):
        server, password = parse_server_url(url)
        form.server.setChecked(True)
        form.host.setText(server.host)
        form.port.setValue(server.port)
        form.user.setText(server.user)
        form.password.setText(password or "")
        form.database.setText(server.database)
    else:
        form.path.setText(url.removeprefix("sqlite:///"))


def test_first_run_creates_the_database_and_the_admin(
    qtbot: QtBot, db_url: str, clock: FakeClock, runner: InlineTaskRunner, memory_keyring: MemoryKeyring
) -> None:
    wizard = _wizard(qtbot, runner, clock)
    _choose(wizard, db_url)
    assert wizard.database_page is not None
    wizard.database_page.form.test_connection()
    assert "Connected" in wizard.database_page.form.result.text()
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    page = wizard.admin_page
    page.username.setText("boss")
    page.password.setText(PASSWORD)
    page.confirm.setText(PASSWORD + "x")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    finish.click()
    assert page.message.text() == "The two passwords differ."
    assert wizard.isVisible()
    page.confirm.setText(PASSWORD)
    with qtbot.waitSignal(wizard.accepted):
        finish.click()
    assert page.admin is not None
    assert page.admin.username == "boss"
    database = wizard.database
    assert database is not None
    try:
        assert database.services.users.authenticate("boss", PASSWORD).role.value == "admin"
    finally:
        database.close()
    if is_server_url(db_url):
        assert list(memory_keyring.store.values()) == [parse_server_url(db_url)[1]]


def test_new_embedded_database_file(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, runner: InlineTaskRunner
) -> None:
    wizard = _wizard(qtbot, runner, clock)
    _choose(wizard, f"sqlite:///{tmp_path / 'sub' / 'new.db'}")
    assert wizard.database_page is not None
    wizard.database_page.form.test_connection()  # a mistyped folder is not created behind the user's back
    assert wizard.database_page.form.result.text() == (
        f"The folder {tmp_path / 'sub'} does not exist. Check the path, or create the folder first."
    )
    assert not (tmp_path / "sub").exists()
    (tmp_path / "sub").mkdir()
    wizard.database_page.form.test_connection()
    assert "empty" in wizard.database_page.form.result.text()
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.database is not None
    wizard.database.close()


def test_test_connection_is_for_a_server_only(
    qtbot: QtBot, clock: FakeClock, runner: InlineTaskRunner
) -> None:
    """The walk: «Перевірити підключення» stayed enabled for the embedded database (nothing to test)."""
    wizard = _wizard(qtbot, runner, clock)
    assert wizard.database_page is not None
    form = wizard.database_page.form
    assert form.embedded.isChecked()
    assert not form.test_button.isEnabled()
    form.server.setChecked(True)
    assert form.test_button.isEnabled()
    form.embedded.setChecked(True)
    assert not form.test_button.isEnabled()


def test_unreachable_server_is_explained(qtbot: QtBot, clock: FakeClock, runner: InlineTaskRunner) -> None:
    wizard = _wizard(qtbot, runner, clock)
    _choose(wizard, "mysql+pymysql://someone:pw@127.0.0.1:1/nothing")
    assert wizard.database_page is not None
    wizard.database_page.form.test_connection()
    assert "cannot be reached" in wizard.database_page.form.result.text()
    wizard.next()
    assert wizard.currentPage() is wizard.database_page
    assert "cannot be reached" in wizard.database_page.status.text()


@pytest.mark.mysql
@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("password", "refused the user name or password"),
        ("missing", "does not exist"),
        ("forbidden", "has no rights on this database"),
    ],
)
def test_server_failures_are_explained(
    qtbot: QtBot, mysql_database: str, clock: FakeClock, runner: InlineTaskRunner, change: str, expected: str
) -> None:
    wizard = _wizard(qtbot, runner, clock)
    _choose(wizard, mysql_database)
    assert wizard.database_page is not None
    form = wizard.database_page.form
    if change == "password":
        form.password.setText("wrong-password")
    elif change == "missing":  # a name the test user could create, but nobody did
        form.database.setText(f"{form.database.text()}_missing")
    else:  # a database outside the test user's grants
        form.database.setText("mysql")
    form.test_connection()
    assert expected in form.result.text()


def test_startup_with_a_database_without_users_asks_for_the_admin(
    qtbot: QtBot, db_url: str, clock: FakeClock, runner: InlineTaskRunner, ui_settings: UiSettings
) -> None:
    startup = Startup(GuiDatabaseGateway(clock, bcrypt_rounds=4), runner, ui_settings, db_url)
    startup.start()
    wizard = startup.wizard
    assert wizard is not None
    assert wizard.database_page is None
    qtbot.addWidget(wizard)
    wizard.admin_page.password.setText(PASSWORD)
    wizard.admin_page.confirm.setText(PASSWORD)
    with qtbot.waitSignal(startup.finished) as blocker:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    database, user = blocker.args
    assert user.username == "admin"
    assert ui_settings.database_url == ""  # given on the command line: not remembered
    database.close()
