"""Audit log view: newest first, filters by action, object type and period, details, the chain check."""

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.audit import AuditEntry
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.models.audit import AuditTableModel
from timetracker_desktop.gui.views.audit import AuditView
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui


def _actions(view: AuditView) -> list[str]:
    return [entry.action for entry in view.model.rows]


def _choose(view: AuditView, combo_name: str, value: str | None) -> None:
    combo = view.action if combo_name == "action" else view.entity
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def test_filters_details_and_chain(qtbot: QtBot, admin_context: GuiContext) -> None:
    services, actor = admin_context.services, admin_context.actor
    services.employees.add_employee(actor, EmployeeDraft("Олена Петренко", card_uid="04A1B2C3"))
    services.schedules.set_holiday(actor, date(2026, 3, 9), "Свято")
    view = AuditView(admin_context)
    show(qtbot, view)
    assert _actions(view)[:2] == ["holiday.set", "badge.create"]  # newest first
    assert {"session.login", "user.create", "employee.create"} <= set(_actions(view))

    _choose(view, "action", "employee.create")
    assert _actions(view) == ["employee.create"]
    assert view.model.index(0, 2).data() == "Employee added"
    _choose(view, "action", None)
    _choose(view, "entity", "holiday")
    assert _actions(view) == ["holiday.set"]
    view.table.selectRow(0)
    details = view.details.toPlainText()
    assert "After:\nName: Свято" in details  # label: value, no JSON
    assert "Object: holiday: 2026-03-09" in details

    view.last.setDate(QDate(2026, 3, 1))  # before anything happened (the clock says 4 March)
    assert _actions(view) == []
    assert view.status.text() == "0 entry(ies)"

    view.verify_button.click()
    assert view.chain.text().startswith("Intact:")


def test_audit_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AuditTableModel()
    check: QAbstractItemModel = model
    qtmodeltester.check(check, force_py=True)  # type: ignore[no-untyped-call]  # watches what follows
    model.set_rows(
        [
            AuditEntry(
                datetime(2026, 3, 4, 8, tzinfo=UTC), "admin", "punch.void", "punch", "7", reason="помилка"
            ),
            AuditEntry(datetime(2026, 3, 4, 9, tzinfo=UTC), "system", "custom.thing", outcome="refused"),
        ]
    )
    assert model.index(0, 2).data() == "Punch voided"
    assert model.index(1, 2).data() == "custom.thing"
    assert model.index(1, 4).data() == "refused"
