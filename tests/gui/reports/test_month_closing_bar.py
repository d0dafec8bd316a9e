"""The Reports page's month closing bar: an admin closes a month after a question, reopens it with reason."""

from datetime import date, datetime

import pytest
from fakes import FakeClock
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.audit import AuditAction
from timetracker_desktop.domain.errors import ConflictError, ErrorCode
from timetracker_desktop.domain.month_closing import Month
from timetracker_desktop.domain.reports import ReportKind
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.reports.view import ReportsView
from timetracker_desktop.services.dto import EmployeeDraft

from ..conftest import show

pytestmark = pytest.mark.gui
MARCH = Month(2026, 3)


def _view(qtbot: QtBot, context: GuiContext) -> ReportsView:
    view = ReportsView(context)
    show(qtbot, view)
    view.filters.set_kind(ReportKind.TIMESHEET)
    view.filters.set_month(2026, 3)
    view.show_report()
    return view


def test_admin_closes_and_reopens_the_month(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock
) -> None:
    clock.set(datetime.fromisoformat("2026-04-01T08:00:00+00:00"))
    services, actor = admin_context.services, admin_context.actor
    employee = services.employees.add_employee(actor, EmployeeDraft("Олена Коваль")).id
    view = _view(qtbot, admin_context)
    bar = view.month_closing
    assert bar.state.text() == "2026-03: open"
    assert bar.close_button.isVisible()
    assert bar.close_button.isEnabled()
    assert not bar.reopen_button.isEnabled()

    bar.close_button.click()
    question = view.findChild(QMessageBox, "closeMonthQuestion")
    assert question is not None
    assert "2026-03" in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    assert services.months.status(MARCH) is not None
    assert bar.state.text() == "2026-03: closed on 01.04.2026 11:00 by admin"  # the office zone, Kyiv
    assert not bar.close_button.isEnabled()
    assert "Month closed on 01.04.2026 11:00 by admin" in view.captions.text()  # the report shown again
    with pytest.raises(ConflictError) as refused:
        services.absences.add(actor, employee, "ТН", date(2026, 3, 10), date(2026, 3, 10))
    assert refused.value.code is ErrorCode.MONTH_CLOSED

    bar.reopen_button.click()
    dialog = bar.dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no reopening
    dialog.reason_edit.setText("a sick note came late")
    ok.click()
    status = services.months.status(MARCH)
    assert status is not None
    assert (status.closed, status.reopen_reason) == (False, "a sick note came late")
    assert bar.state.text() == "2026-03: reopened (a sick note came late)"
    assert "Month closed" not in view.captions.text()
    assert [e.action for e in services.audit.entries(actor, entity_type="month")] == [
        AuditAction.MONTH_REOPEN,
        AuditAction.MONTH_CLOSE,
    ]
    services.absences.add(actor, employee, "ТН", date(2026, 3, 10), date(2026, 3, 10))  # allowed again


def test_a_viewer_sees_the_state_but_no_actions(qtbot: QtBot, viewer_context: GuiContext) -> None:
    view = _view(qtbot, viewer_context)
    assert view.month_closing.state.text() == "2026-03: open"
    assert not view.month_closing.close_button.isVisible()
    assert not view.month_closing.reopen_button.isVisible()
