"""Employees view: add with a validation error shown inline, edit, deactivate, badges; viewers cannot edit."""

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.users import Actor
from timetracker_desktop.gui.dialogs.badge_dialogs import AddBadgeDialog, RevokeBadgeDialog
from timetracker_desktop.gui.dialogs.employee_dialog import EmployeeDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.views.employees import EmployeesView
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui


def _view(qtbot: QtBot, context: GuiContext) -> EmployeesView:
    view = EmployeesView(context)
    show(qtbot, view)
    return view


def _names(view: EmployeesView) -> list[str]:
    return [str(view.proxy.index(row, 1).data()) for row in range(view.proxy.rowCount())]


def test_add_edit_and_deactivate(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = _view(qtbot, admin_context)
    view.add_button.click()
    dialog = view.dialog
    assert isinstance(dialog, EmployeeDialog)
    dialog.full_name.setText("   ")
    dialog.card_uid.setText("12345")
    dialog.buttons.accepted.emit()
    assert dialog.errors.text("full_name") == "Enter the full name."
    assert dialog.isVisible()
    dialog.full_name.setText("Олена Петренко")
    dialog.buttons.accepted.emit()
    assert dialog.errors.text("card_uid") == "A card UID is hexadecimal, such as 04A1B2C3."
    dialog.card_uid.setText("04:a1:b2:c3")
    dialog.position.setCurrentText("Бухгалтер")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert _names(view) == ["Олена Петренко"]
    assert view.selected_employee() is not None
    assert [b.value for b in view.badges.model.rows] == ["04A1B2C3"]

    view.edit_button.click()
    editor = view.dialog
    assert isinstance(editor, EmployeeDialog)
    editor.full_name.setText("Олена Петренко-Коваль")
    editor.buttons.accepted.emit()
    assert _names(view) == ["Олена Петренко-Коваль"]

    view.active_button.click()
    assert _names(view) == []
    view.show_inactive.setChecked(True)
    assert _names(view) == ["Олена Петренко-Коваль"]
    assert view.model.rows[0].is_active is False


def test_search_filters_rows(qtbot: QtBot, admin_context: GuiContext) -> None:
    employees = admin_context.services.employees
    for name in ("Іван Коваль", "Марія Шевченко", "Тарас Коваленко"):
        employees.add_employee(admin_context.actor, EmployeeDraft(name))
    view = _view(qtbot, admin_context)
    view.search.setText("ковал")
    assert sorted(_names(view)) == ["Іван Коваль", "Тарас Коваленко"]


def test_badge_revoke_needs_a_reason(qtbot: QtBot, admin_context: GuiContext) -> None:
    employees = admin_context.services.employees
    employee = employees.add_employee(admin_context.actor, EmployeeDraft("Ірина Мельник"))
    view = _view(qtbot, admin_context)
    view.select(employee.id)
    view.badges.add_button.click()
    adder = view.badges.dialog
    assert isinstance(adder, AddBadgeDialog)
    adder.value.setText("15CD5B07")
    adder.buttons.accepted.emit()
    view.badges.table.selectRow(0)
    view.badges.revoke_button.click()
    revoker = view.badges.dialog
    assert isinstance(revoker, RevokeBadgeDialog)
    revoker.buttons.accepted.emit()
    assert revoker.errors.text("reason") == "Enter a reason."
    revoker.reason.setText("card lost")
    revoker.buttons.accepted.emit()
    assert not revoker.isVisible()
    assert view.badges.model.rows[0].is_active is False
    assert "card lost" in view.badges.model.state_text(view.badges.model.rows[0])


def test_viewer_sees_no_edit_actions(qtbot: QtBot, viewer_context: GuiContext) -> None:
    view = _view(qtbot, viewer_context)
    for button in (view.add_button, view.edit_button, view.active_button, view.import_button):
        assert not button.isVisible()
    assert not view.badges.add_button.isVisible()


def test_changes_of_others_appear_on_refresh(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = _view(qtbot, admin_context)
    admin_context.services.employees.add_employee(Actor.system(), EmployeeDraft("Богдан Лисенко"))
    view.refresh()
    assert _names(view) == ["Богдан Лисенко"]
