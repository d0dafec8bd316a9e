"""The data-folder problem in a message box, in the user's language."""

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.i18n import install_translators
from timetracker_desktop.gui.shell import startup_problem

pytestmark = pytest.mark.gui
PROBLEM = "cannot use the data folder D:\\TimeTracker: Access is denied"


def test_the_box_names_the_problem_and_the_way_out(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []

    def critical(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(startup_problem, "install_translators", lambda app, language: True)
    assert startup_problem.show_data_root_problem(PROBLEM) == 2
    assert shown == [("TimeTracker Desktop", startup_problem.data_root_message(PROBLEM))]
    assert PROBLEM in shown[0][1]
    assert "--data-dir" in shown[0][1]


def test_the_message_is_translated(qapp: QApplication) -> None:
    try:
        assert install_translators(qapp, "uk")
        text = startup_problem.data_root_message(PROBLEM)
        assert "не може" in text or "Не вдається" in text or "неможливо" in text.lower(), text
        assert PROBLEM in text
    finally:
        install_translators(qapp, "en")
