"""The employee dialog's terminal PIN (ZKTeco): validated, saved as a PIN badge, a duplicate refused."""

import pytest
from fakes import ADMIN
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.gui.dialogs.employee_dialog import EmployeeDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.views.employees import EmployeesView
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui


def _new_employee(qtbot: QtBot, context: GuiContext) -> tuple[EmployeesView, EmployeeDialog]:
    view = EmployeesView(context)
    show(qtbot, view)
    view.add_button.click()
    dialog = view.dialog
    assert isinstance(dialog, EmployeeDialog)
    return view, dialog


def test_pin_is_validated_and_saved(qtbot: QtBot, admin_context: GuiContext) -> None:
    view, dialog = _new_employee(qtbot, admin_context)
    dialog.full_name.setText("Олена Коваль")
    dialog.pin.setText("12-34")
    dialog.buttons.accepted.emit()
    assert dialog.errors.text("pin") == "A terminal PIN is 1 to 24 letters or digits."
    dialog.pin.insert("5")  # as typed
    assert dialog.errors.text("pin") == ""  # the walk: an old error stayed after the field was fixed
    assert admin_context.services.employees.list_employees() == []  # nothing half-saved
    dialog.pin.setText(" 1234 ")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    (employee,) = admin_context.services.employees.list_employees()
    badges = admin_context.services.employees.detail(employee.id).badges
    assert [(b.kind, b.value) for b in badges] == [(BadgeKind.PIN, "1234")]
    assert [b.value for b in view.badges.model.rows] == ["1234"]


def test_duplicate_pin_is_refused_with_a_clear_message(qtbot: QtBot, admin_context: GuiContext) -> None:
    admin_context.services.employees.add_employee(ADMIN, EmployeeDraft("Іван Бойко", pin="7"))
    _view, dialog = _new_employee(qtbot, admin_context)
    dialog.full_name.setText("Олена Коваль")
    dialog.pin.setText("7")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    # The walk: a duplicate badge did not say who holds it.
    assert dialog.errors.text("pin") == "This terminal PIN already belongs to Іван Бойко."
    dialog.pin.setText("8")  # fixing the field takes the old error away at once
    assert dialog.errors.text("pin") == ""
    assert [e.full_name for e in admin_context.services.employees.list_employees()] == ["Іван Бойко"]


def test_editing_shows_no_badge_fields(qtbot: QtBot, admin_context: GuiContext) -> None:
    employee = admin_context.services.employees.add_employee(ADMIN, EmployeeDraft("Іван Бойко", pin="7"))
    dialog = EmployeeDialog(admin_context, [], employee)
    show(qtbot, dialog)
    assert not dialog.pin.isVisible()  # badges of an existing employee are managed in the badges panel
