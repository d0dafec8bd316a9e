"""Assigning an unknown tap: nobody preselected (OK disabled), a reason required, a badge only when ticked."""

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.employees import BadgeKind, Employee
from timetracker_desktop.gui.dialogs.assign_dialog import AssignDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.views.events_unassigned import UnassignedPanel
from timetracker_desktop.repositories.ports.storage import UnassignedPunch
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui
MORNING = datetime(2026, 3, 3, 6, 0, tzinfo=UTC)


def _people(context: GuiContext) -> tuple[Employee, Employee]:
    add = context.services.employees.add_employee
    return add(context.actor, EmployeeDraft("Андрій Мельник")), add(
        context.actor, EmployeeDraft("Олена Петренко")
    )


def _unknown_card(context: GuiContext, value: str) -> None:
    terminal = context.services.terminals.add_terminal(context.actor, f"Вхід {value}").terminal
    with context.services.uow() as uow:
        uow.unassigned.add(
            UnassignedPunch(0, terminal.id, BadgeKind.CARD, value, value, MORNING, MORNING, "unknown")
        )
        uow.commit()


def _open_dialog(
    qtbot: QtBot, context: GuiContext, employees: tuple[Employee, ...]
) -> tuple[UnassignedPanel, AssignDialog]:
    panel = UnassignedPanel(context)
    show(qtbot, panel)
    panel.set_choices(employees, context.services.settings.current().zone)
    panel.refresh()
    panel.table.selectRow(0)
    panel.assign_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, AssignDialog)
    qtbot.waitExposed(dialog)
    return panel, dialog


def _assign_entries(context: GuiContext) -> list[tuple[Mapping[str, Any] | None, str | None]]:
    entries = context.services.audit.entries(context.actor)
    return [(e.after, e.reason) for e in entries if e.action == "unassigned.assign"]


def test_nobody_preselected_reason_required_and_no_badge_by_default(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    andrii, olena = _people(admin_context)
    _unknown_card(admin_context, "15CD5B07")
    panel, dialog = _open_dialog(qtbot, admin_context, (andrii, olena))
    assert dialog.employee.currentIndex() == -1  # the first employee used to be preselected
    assert not dialog.ok_button.isEnabled()
    assert not dialog.add_badge.isChecked()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter with nobody chosen does nothing
    assert dialog.isVisible()
    dialog.employee.setCurrentIndex(dialog.employee.findData(olena.id))
    assert dialog.ok_button.isEnabled()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors.text("reason") == "Enter a reason."
    dialog.reason.setText("забула картку, взяла запасну")  # QTest types ASCII only
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert panel.status.text() == "Assigned."
    assert admin_context.services.employees.detail(olena.id).badges == ()  # no permanent badge
    ((after, reason),) = _assign_entries(admin_context)
    assert after is not None
    assert (after["employee_id"], after["badge_id"], after["badge_added"]) == (olena.id, None, False)
    assert reason == "забула картку, взяла запасну"
    with admin_context.services.uow(read_only=True) as uow:
        punch = uow.punches.get(int(after["punch_id"]))
    assert punch is not None
    assert (punch.employee_id, punch.badge_id, punch.at) == (olena.id, None, MORNING)


def test_ticked_box_adds_the_card_as_a_badge(qtbot: QtBot, admin_context: GuiContext) -> None:
    andrii, olena = _people(admin_context)
    _unknown_card(admin_context, "DEADBEEF")
    panel, dialog = _open_dialog(qtbot, admin_context, (andrii, olena))
    dialog.employee.setCurrentIndex(dialog.employee.findData(andrii.id))
    dialog.reason.setText("нова картка Андрія")
    dialog.add_badge.setChecked(True)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert panel.status.text() == "Assigned; a new badge was issued."
    badges = admin_context.services.employees.detail(andrii.id).badges
    assert [(b.kind, b.value) for b in badges] == [(BadgeKind.CARD, "DEADBEEF")]
    ((after, _reason),) = _assign_entries(admin_context)
    assert after is not None
    assert after["badge_added"] is True
