"""Schedules view: keyboard editing (day, night, invalid, clear), holidays, templates; viewers only read."""

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QTableView, QTableWidgetItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.schedules import Holiday
from timetracker_desktop.gui.dialogs.holiday_dialog import HolidayDialog
from timetracker_desktop.gui.dialogs.template_dialogs import ApplyTemplateDialog, TemplateDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.dates import to_qdate
from timetracker_desktop.gui.models.holidays import HolidayTableModel
from timetracker_desktop.gui.models.schedule_grid import NIGHT_MARK, SHADES, ScheduleGridModel
from timetracker_desktop.gui.views.schedules import SchedulesView
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui
MARCH = 3


def _employees(context: GuiContext, *names: str) -> list[Employee]:
    return [context.services.employees.add_employee(context.actor, EmployeeDraft(n)) for n in names]


def _view(qtbot: QtBot, context: GuiContext) -> SchedulesView:
    view = SchedulesView(context)
    show(qtbot, view)
    return view


def _type(qtbot: QtBot, view: SchedulesView, row: int, day: int, text: str) -> None:
    """Type into a cell as a user does: the first key (or F2) opens the editor, Enter saves."""
    index = view.model.index(row, day - 1)
    view.grid.setCurrentIndex(index)
    view.grid.setFocus()
    latin = text.isascii()  # QTest types only Latin-1; Cyrillic goes in as an input method would
    if latin:
        QTest.keyClicks(view.grid, text[0])
    else:
        QTest.keyClick(view.grid, Qt.Key.Key_F2)
    (editor,) = [e for e in view.grid.viewport().findChildren(QLineEdit) if e.isVisible()]
    if latin:
        QTest.keyClicks(editor, text[1:])
    else:
        editor.setText(text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(_editor_closed(view))  # the delegate commits through a queued call


def _editor_closed(view: SchedulesView) -> Callable[[], bool]:
    def closed() -> bool:
        return view.grid.state() != QTableView.State.EditingState

    return closed


def _shown(view: SchedulesView, row: int, day: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return view.model.index(row, day - 1).data(role)


def test_keyboard_editing_day_night_invalid_and_clear(qtbot: QtBot, admin_context: GuiContext) -> None:
    (olena,) = _employees(admin_context, "Олена Петренко")
    view = _view(qtbot, admin_context)
    assert view.model.columnCount() == 31
    assert "2026" in view.month_label.text()

    _type(qtbot, view, 0, 3, "8-17")
    assert _shown(view, 0, 3) == "8-17"
    _type(qtbot, view, 0, 4, "22:00-06:00")
    assert _shown(view, 0, 4) == f"22-6 {NIGHT_MARK}"
    assert _shown(view, 0, 4, Qt.ItemDataRole.BackgroundRole) == SHADES["night"]
    assert "Night shift" in str(_shown(view, 0, 4, Qt.ItemDataRole.ToolTipRole))
    cells = admin_context.services.schedules.cells([olena.id], date(2026, 3, 1), date(2026, 3, 31))
    assert [(c.day.day, c.is_overnight) for c in cells] == [(3, False), (4, True)]

    _type(qtbot, view, 0, 3, "25-17")
    assert _shown(view, 0, 3) == "8-17"  # the stored cell is kept
    assert _shown(view, 0, 3, Qt.ItemDataRole.EditRole) == "25-17"  # and so is the typed text
    assert _shown(view, 0, 3, Qt.ItemDataRole.BackgroundRole) == SHADES["rejected"]
    assert "Enter times such as 8-17 or 22:00-06:00" in view.status.text()

    _type(qtbot, view, 0, 5, "в")  # a code, typed in lower case
    assert _shown(view, 0, 5) == "В"
    view.grid.setCurrentIndex(view.model.index(0, 3))
    QTest.keyClick(view.grid, Qt.Key.Key_Delete)
    assert _shown(view, 0, 4) == ""
    assert [
        c.day.day
        for c in admin_context.services.schedules.cells([olena.id], date(2026, 3, 1), date(2026, 3, 31))
    ] == [3, 5]


def test_weekends_and_holidays_are_shaded(qtbot: QtBot, admin_context: GuiContext) -> None:
    _employees(admin_context, "Іван Коваль")
    view = _view(qtbot, admin_context)
    assert _shown(view, 0, 7, Qt.ItemDataRole.BackgroundRole) == SHADES["weekend"]  # Saturday 7 March
    assert _shown(view, 0, 9, Qt.ItemDataRole.BackgroundRole) is None
    view.holidays.add_button.click()
    dialog = view.holidays.dialog
    assert isinstance(dialog, HolidayDialog)
    dialog.day.setDate(to_qdate(date(2026, 3, 9)))
    dialog.buttons.accepted.emit()
    assert dialog.errors.text("name") == "Enter a name (at most 128 characters)."
    dialog.name.setText("Перенесений вихідний")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert [h.name for h in view.holidays.model.rows] == ["Перенесений вихідний"]
    assert _shown(view, 0, 9, Qt.ItemDataRole.BackgroundRole) == SHADES["holiday"]
    assert "Перенесений вихідний" in str(_shown(view, 0, 9, Qt.ItemDataRole.ToolTipRole))
    view.holidays.table.selectRow(0)
    view.holidays.remove_button.click()
    assert view.holidays.model.rows == []
    assert _shown(view, 0, 9, Qt.ItemDataRole.BackgroundRole) is None


def test_template_fills_the_month_keeping_cells(qtbot: QtBot, admin_context: GuiContext) -> None:
    olena, ivan = _employees(admin_context, "Олена Петренко", "Іван Коваль")
    schedules = admin_context.services.schedules
    schedules.set_holiday(admin_context.actor, date(2026, 3, 9), "Свято")
    schedules.set_cell(admin_context.actor, olena.id, date(2026, 3, 2), "ОФ")
    view = _view(qtbot, admin_context)
    row = [e.id for e in view.model.employees].index(olena.id)
    view.grid.setCurrentIndex(view.model.index(row, 0))  # Olena's row only
    view.fill_button.click()
    dialog = view.dialog
    assert isinstance(dialog, ApplyTemplateDialog)
    assert dialog.chosen_employees() == [olena.id]
    assert not dialog.buttons.isEnabled()  # no template yet
    dialog.new_button.click()
    editor = dialog.editor
    assert isinstance(editor, TemplateDialog)
    editor.anchor.setDate(to_qdate(date(2026, 3, 2)))  # a Monday
    editor.buttons.accepted.emit()
    assert editor.errors.text("name") == "Enter a name."
    editor.name.setText("П'ятиденка")
    editor.cells.setItem(0, 0, QTableWidgetItem("99-1"))
    editor.buttons.accepted.emit()
    assert "Enter times such as 8-17" in editor.errors.text("cells")
    editor.cells.setItem(0, 0, QTableWidgetItem("8-17"))
    editor.buttons.accepted.emit()
    assert not editor.isVisible()
    assert dialog.template.currentText() == "П'ятиденка"
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    # 31 days, minus the kept 2 March and the 9 March holiday
    assert view.status.text() == "29 cell(s) filled from the template"
    assert [_shown(view, row, day) for day in (2, 3, 7, 9)] == ["ОФ", "8-17", "В", ""]
    assert schedules.cells([ivan.id], date(2026, 3, 1), date(2026, 3, 31)) == []


def test_month_picker_and_viewer(qtbot: QtBot, viewer_context: GuiContext) -> None:
    view = _view(qtbot, viewer_context)
    view.next_button.click()
    assert view.model.columnCount() == 30  # April
    view.previous_button.click()
    view.previous_button.click()
    assert view.model.columnCount() == 28  # February 2026
    assert not view.fill_button.isVisible()
    assert not view.holidays.add_button.isVisible()
    assert not view.model.editable


def _check(tester: ModelTester, model: QAbstractItemModel) -> None:
    tester.check(model, force_py=True)  # type: ignore[no-untyped-call]


def test_grid_model_passes_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, admin_context: GuiContext
) -> None:
    _check(qtmodeltester, ScheduleGridModel())
    olena, _ivan = _employees(admin_context, "Олена Петренко", "Іван Коваль")
    admin_context.services.schedules.set_cell(admin_context.actor, olena.id, date(2026, 3, 4), "22-6", 30)
    view = _view(qtbot, admin_context)
    view.model.reject(olena.id, date(2026, 3, 5), "x", "bad")
    _check(qtmodeltester, view.model)
    _check(qtmodeltester, view.holidays.model)
    assert str(view.model.headerData(0, Qt.Orientation.Horizontal)).startswith("1\n")
    saturday = view.model.headerData(6, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole)
    assert saturday == QColor("#b00020")
    row = [e.id for e in view.model.employees].index(olena.id)
    assert "Break: 30 min" in str(_shown(view, row, 4, Qt.ItemDataRole.ToolTipRole))
    holidays = HolidayTableModel()  # the tester keeps the last model it checked until teardown
    holidays.set_rows([Holiday(date(2026, 3, 9), "Свято")])
    _check(qtmodeltester, holidays)
