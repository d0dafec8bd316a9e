"""Small edit dialogs start in their first field, so that typing goes where the user looks."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.dialogs.employee_dialog import EmployeeDialog
from timetracker_desktop.gui.kit.context import GuiContext

from .conftest import show

pytestmark = pytest.mark.gui


def test_the_employee_dialog_takes_typing_in_its_name_field(qtbot: QtBot, admin_context: GuiContext) -> None:
    dialog = EmployeeDialog(admin_context, [])
    show(qtbot, dialog)
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.first_field()
    QTest.keyClicks(dialog.focusWidget(), "Olena Koval")  # a space used to press the focused Save button
    assert dialog.isVisible()
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    names = [e.full_name for e in admin_context.services.employees.list_employees()]
    assert names == ["Olena Koval"]
