"""The Database dialog refuses an embedded database on a network share and says to use MariaDB instead."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import GuiDatabaseGateway
from timetracker_desktop.gui.dialogs.database_dialog import DatabaseDialog
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner

pytestmark = pytest.mark.gui
SHARE = r"\\server\share\TimeTracker\timetracker.db"


def _save(qtbot: QtBot, runner: InlineTaskRunner, ui_settings: UiSettings, path: str) -> DatabaseDialog:
    dialog = DatabaseDialog(GuiDatabaseGateway(bcrypt_rounds=4), runner, ui_settings, "sqlite:///old.db")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.path.setText(path)
    dialog.buttons.accepted.emit()  # Save: tests the choice first
    return dialog


def test_a_unc_path_is_refused_with_a_pointer_to_mariadb(
    qtbot: QtBot, runner: InlineTaskRunner, ui_settings: UiSettings
) -> None:
    dialog = _save(qtbot, runner, ui_settings, SHARE)
    assert dialog.form.result.text() == (
        f"The database file {SHARE} is on a network drive. The embedded database must be on this "
        "computer's own disk: on a network drive it gets damaged. To share the data between several "
        "computers, use a MySQL or MariaDB server."
    )
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert ui_settings.database_url == ""  # nothing saved


@pytest.mark.usefixtures("ukrainian")
def test_the_refusal_is_translated(qtbot: QtBot, runner: InlineTaskRunner, ui_settings: UiSettings) -> None:
    dialog = _save(qtbot, runner, ui_settings, "//server/share/timetracker.db")
    text = dialog.form.result.text()
    assert text.startswith("Файл бази даних //server/share/timetracker.db")
    assert "MariaDB" in text
    assert ui_settings.database_url == ""


def test_a_local_file_is_saved(
    qtbot: QtBot, runner: InlineTaskRunner, ui_settings: UiSettings, tmp_path: Path
) -> None:
    dialog = _save(qtbot, runner, ui_settings, str(tmp_path / "tt.db"))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ui_settings.database_url == f"sqlite:///{(tmp_path / 'tt.db').as_posix()}"
