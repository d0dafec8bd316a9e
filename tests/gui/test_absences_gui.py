"""Absences in the GUI: the Absences tab of the Employees page, and days selected on the Schedules grid."""

from datetime import date

import pytest
from fakes import ADMIN
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.absences import Absence, AbsenceType
from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.gui.dialogs.absence_dialog import AbsenceDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.dates import to_qdate
from timetracker_desktop.gui.models.absences import AbsenceTableModel
from timetracker_desktop.gui.models.schedule_grid import SHADES
from timetracker_desktop.gui.views.employees import EmployeesView
from timetracker_desktop.gui.views.schedules import SchedulesView
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui


def _employee(context: GuiContext, name: str) -> Employee:
    return context.services.employees.add_employee(context.actor, EmployeeDraft(name))


def _fill(dialog: AbsenceDialog, kind: AbsenceType, first: date, last: date, document: str = "") -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.first.setDate(to_qdate(first))
    dialog.last.setDate(to_qdate(last))
    dialog.document.setText(document)
    dialog.buttons.accepted.emit()


def test_the_absences_tab_adds_refuses_an_overlap_and_deletes(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    olena = _employee(admin_context, "Олена Петренко")
    view = EmployeesView(admin_context)
    show(qtbot, view)
    view.select(olena.id)
    panel = view.absences
    view.tabs.setCurrentWidget(panel)
    assert panel.title.text() == "Absences of Олена Петренко"
    assert not panel.delete_button.isEnabled()

    panel.add_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, AbsenceDialog)
    assert dialog.first.date() == to_qdate(date(2026, 3, 4))  # today in the office (the test clock)
    _fill(dialog, AbsenceType.SICK_LEAVE, date(2026, 3, 2), date(2026, 3, 4), "АБВ 123")
    assert not dialog.isVisible()
    assert [(a.kind, a.first, a.last, a.document) for a in panel.model.rows] == [
        (AbsenceType.SICK_LEAVE, date(2026, 3, 2), date(2026, 3, 4), "АБВ 123")
    ]
    assert panel.model.index(0, 0).data() == "ТН 26 — Sick leave (paid)"
    assert panel.model.index(0, 3).data() == "3"

    panel.add_button.click()
    again = panel.dialog
    assert isinstance(again, AbsenceDialog)
    _fill(again, AbsenceType.ANNUAL_LEAVE, date(2026, 3, 4), date(2026, 3, 10))
    assert again.isVisible()  # refused: the dialog stays open with the reason under the first day
    assert again.errors.text("from") == (
        "The employee already has an absence (ТН) from 2026-03-02 to 2026-03-04 on some of these days. "
        "Change or delete that one first."
    )
    _fill(again, AbsenceType.ANNUAL_LEAVE, date(2026, 3, 5), date(2026, 3, 10))  # the next day is fine
    assert not again.isVisible()
    assert len(panel.model.rows) == 2

    panel.table.selectRow(0)
    assert panel.delete_button.isEnabled()
    panel.delete_button.click()
    question = panel.dialog
    assert isinstance(question, QMessageBox)
    question.button(QMessageBox.StandardButton.Yes).click()
    assert [a.kind for a in panel.model.rows] == [AbsenceType.ANNUAL_LEAVE]
    assert [a.kind for a in admin_context.services.absences.list_absences(olena.id)] == [
        AbsenceType.ANNUAL_LEAVE
    ]


def test_a_viewer_sees_absences_but_cannot_change_them(qtbot: QtBot, viewer_context: GuiContext) -> None:
    services = viewer_context.services
    ivan = services.employees.add_employee(ADMIN, EmployeeDraft("Іван"))
    services.absences.add(ADMIN, ivan.id, "ВД", date(2026, 3, 2), date(2026, 3, 3))
    view = EmployeesView(viewer_context)
    show(qtbot, view)
    view.select(ivan.id)
    assert [a.kind for a in view.absences.model.rows] == [AbsenceType.BUSINESS_TRIP]
    assert not view.absences.add_button.isVisible()
    assert not view.absences.delete_button.isVisible()


def _select(
    view: SchedulesView, row: int, first_day: int, last_day: int, last_row: int | None = None
) -> None:
    model = view.model
    selection = QItemSelection(model.index(row, first_day - 1), model.index(last_row or row, last_day - 1))
    view.grid.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_days_selected_on_the_grid_become_an_absence(qtbot: QtBot, admin_context: GuiContext) -> None:
    olena, ivan = _employee(admin_context, "Олена Петренко"), _employee(admin_context, "Іван Коваль")
    admin_context.services.schedules.set_cell(admin_context.actor, olena.id, date(2026, 3, 10), "9-18")
    view = SchedulesView(admin_context)
    show(qtbot, view)
    row = [e.id for e in view.model.employees].index(olena.id)
    other = [e.id for e in view.model.employees].index(ivan.id)
    assert not view.absence_button.isEnabled()  # nothing selected
    _select(view, min(row, other), 9, 10, max(row, other))
    assert not view.absence_button.isEnabled()  # two employees: not one range
    _select(view, row, 9, 13)
    assert view.absence_button.isEnabled()
    assert view.absence_range() == (olena.id, date(2026, 3, 9), date(2026, 3, 13))
    assert view.absence_action.text() == view.absence_button.text()  # also on the right-click menu

    view.absence_action.trigger()
    dialog = view.dialog
    assert isinstance(dialog, AbsenceDialog)
    assert dialog.employee.text() == "Олена Петренко"
    assert (dialog.first.date(), dialog.last.date()) == (
        to_qdate(date(2026, 3, 9)),
        to_qdate(date(2026, 3, 13)),
    )
    dialog.kind.setCurrentIndex(dialog.kind.findData(AbsenceType.ANNUAL_LEAVE))
    dialog.document.setText("наказ 15-В")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert view.status.text() == "Absence В recorded for 5 day(s)."
    (saved,) = admin_context.services.absences.list_absences(olena.id)
    assert (saved.first, saved.last, saved.document) == (date(2026, 3, 9), date(2026, 3, 13), "наказ 15-В")

    cell = view.model.index(row, 9)  # 10 March: a planned day under the absence
    assert cell.data() == "В"
    assert cell.data(Qt.ItemDataRole.EditRole) == "09:00-18:00"  # the plan stays for editing
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == SHADES["excused"]
    assert "Absence: В 08 — Annual leave" in str(cell.data(Qt.ItemDataRole.ToolTipRole))
    assert view.model.index(row, 13).data() == ""  # 14 March: not covered


def test_gaps_and_several_employees_are_refused_with_a_reason(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    olena, ivan = _employee(admin_context, "Олена Петренко"), _employee(admin_context, "Іван Коваль")
    view = SchedulesView(admin_context)
    show(qtbot, view)
    row = [e.id for e in view.model.employees].index(olena.id)
    other = [e.id for e in view.model.employees].index(ivan.id)
    _select(view, row, 9, 10)
    gap = QItemSelection(view.model.index(row, 12), view.model.index(row, 12))  # 13 March, 11-12 left out
    view.grid.selectionModel().select(gap, QItemSelectionModel.SelectionFlag.Select)
    assert view.absence_range() is None  # not 9-13 March with the gap filled silently
    assert not view.absence_button.isEnabled()
    assert "not consecutive" in view.absence_button.toolTip()
    view.absence_action.trigger()  # the right-click menu stays: it says why
    assert view.dialog is None or not view.dialog.isVisible()
    assert "not consecutive" in view.status.text()
    _select(view, min(row, other), 9, 10, max(row, other))
    view.absence_action.trigger()
    assert "several employees" in view.status.text()
    assert not admin_context.services.absences.list_absences(olena.id)


@pytest.mark.usefixtures("ukrainian")
def test_the_overlap_and_the_types_read_in_ukrainian(qtbot: QtBot, admin_context: GuiContext) -> None:
    olena = _employee(admin_context, "Олена Петренко")
    admin_context.services.absences.add(ADMIN, olena.id, "ТН", date(2026, 3, 2), date(2026, 3, 4))
    view = EmployeesView(admin_context)
    show(qtbot, view)
    view.select(olena.id)
    assert view.tabs.tabText(1) == "Відсутності"
    assert view.absences.model.index(0, 0).data() == "ТН 26 — Оплачувана тимчасова непрацездатність"
    view.absences.add_button.click()
    dialog = view.absences.dialog
    assert isinstance(dialog, AbsenceDialog)
    _fill(dialog, AbsenceType.ANNUAL_LEAVE, date(2026, 3, 3), date(2026, 3, 3))
    assert dialog.errors.text("from") == (
        "Працівник уже має відсутність (ТН) з 2026-03-02 по 2026-03-04, що припадає на деякі з цих днів. "
        "Спершу змініть або видаліть її."
    )
    assert (
        dialog.kind.itemText(dialog.kind.findData(AbsenceType.ANNUAL_LEAVE))
        == "В 08 — Основна щорічна відпустка"
    )


def test_the_absence_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AbsenceTableModel()
    model.set_rows(
        [
            Absence(1, 3, AbsenceType.SICK_LEAVE, date(2026, 3, 2), date(2026, 3, 4), "АБВ 1", None),
            Absence(2, 3, AbsenceType.ANNUAL_LEAVE, date(2026, 3, 5), date(2026, 3, 5), None, "нота"),
        ]
    )
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Days"
    assert model.index(1, 5).data() == "нота"


def test_a_viewer_cannot_mark_days_on_the_grid(qtbot: QtBot, viewer_context: GuiContext) -> None:
    viewer_context.services.employees.add_employee(ADMIN, EmployeeDraft("Олена Петренко"))
    view = SchedulesView(viewer_context)
    show(qtbot, view)
    _select(view, 0, 2, 4)
    assert not view.absence_button.isVisible()
    assert view.grid.actions() == []  # no right-click entry either
