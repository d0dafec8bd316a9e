"""Events view: paged log, manual punch (gap refused, repeated hour chosen), void, direction, undo, the
unassigned queue (assign, phone confirmation, dismiss); viewers only read; models through the tester."""

from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, Qt, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.attendance import Direction, PunchFlag, PunchSource
from timetracker_desktop.domain.employees import BadgeKind, Employee
from timetracker_desktop.gui.dialogs.assign_dialog import AssignDialog
from timetracker_desktop.gui.dialogs.punch_dialogs import CorrectionDialog, ManualPunchDialog, UndoDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner
from timetracker_desktop.gui.models.events import EventLogModel
from timetracker_desktop.gui.models.unassigned import UnassignedTableModel
from timetracker_desktop.gui.views.events import EventsView
from timetracker_desktop.repositories.ports.storage import NewPunch, UnassignedPunch
from timetracker_desktop.services.attendance.event_log import EventFilter, EventLogService
from timetracker_desktop.services.attendance.unassigned import UnassignedLine
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui
MORNING = datetime(2026, 3, 3, 6, 0, tzinfo=UTC)  # 08:00 in Kyiv


def _employee(context: GuiContext, name: str = "Олена Петренко") -> Employee:
    return context.services.employees.add_employee(context.actor, EmployeeDraft(name))


def _view(qtbot: QtBot, context: GuiContext) -> EventsView:
    view = EventsView(context)
    show(qtbot, view)
    return view


def _column(view: EventsView, column: int) -> list[str]:
    return [str(view.model.index(row, column).data()) for row in range(view.model.rowCount())]


def _bulk(context: GuiContext, employee_id: int, count: int) -> None:
    with context.services.uow() as uow:
        uow.punches.add_many(
            [
                NewPunch(
                    employee_id, MORNING - timedelta(minutes=i), Direction.AUTO, PunchSource.IMPORT, MORNING
                )
                for i in range(count)
            ]
        )
        uow.commit()


def test_log_pages_as_it_scrolls(qtbot: QtBot, admin_context: GuiContext) -> None:
    _bulk(admin_context, _employee(admin_context).id, 450)
    view = _view(qtbot, admin_context)
    assert view.model.rowCount() == 200
    assert view.status.text() == "200 of 450 punch(es) shown"
    assert view.model.canFetchMore(QModelIndex())
    while view.model.canFetchMore(QModelIndex()):
        view.model.fetchMore(QModelIndex())
    assert view.model.rowCount() == 450
    times = [line.at for line in view.model.rows]
    assert times == sorted(times, reverse=True)
    assert view.status.text() == "450 of 450 punch(es) shown"
    view.first.setDate(QDate(2026, 3, 4))  # a day without punches
    assert view.model.rowCount() == 0
    assert view.status.text() == "0 of 0 punch(es) shown"


def test_manual_punch_needs_a_reason_and_shows_in_the_log(qtbot: QtBot, admin_context: GuiContext) -> None:
    olena = _employee(admin_context)
    view = _view(qtbot, admin_context)
    view.manual_button.click()
    dialog = view.dialog
    assert isinstance(dialog, ManualPunchDialog)
    dialog.day.setDate(QDate(2026, 3, 3))
    dialog.time.setTime(QTime(17, 5))
    dialog.direction.setCurrentIndex(1)  # Out
    dialog.buttons.accepted.emit()
    assert dialog.errors.text("reason") == "Enter a reason."
    dialog.reason.setText("забула відмітитися")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert _column(view, 1) == ["Олена Петренко"]
    assert _column(view, 2) == ["Out"]
    assert _column(view, 3) == ["manual"]
    assert _column(view, 6) == ["забула відмітитися"]
    assert view.model.rows[0].at == datetime(2026, 3, 3, 15, 5, tzinfo=UTC)
    assert view.model.rows[0].employee_id == olena.id


def test_spring_gap_is_refused_and_autumn_repeat_is_chosen(qtbot: QtBot, admin_context: GuiContext) -> None:
    olena = _employee(admin_context)
    view = _view(qtbot, admin_context)
    view.manual_button.click()
    dialog = view.dialog
    assert isinstance(dialog, ManualPunchDialog)
    dialog.reason.setText("ручний запис")
    dialog.day.setDate(QDate(2026, 3, 29))
    dialog.time.setTime(QTime(3, 30))
    assert not dialog.asks_occurrence
    dialog.buttons.accepted.emit()
    assert dialog.errors.text("time").startswith("This time does not exist")
    assert dialog.isVisible()
    dialog.day.setDate(QDate(2026, 10, 25))
    assert dialog.asks_occurrence
    assert dialog.occurrence.currentIndex() == 0  # the first occurrence is preselected and shown
    assert "EEST" in dialog.occurrence.currentText()
    assert "EET" in dialog.occurrence.itemText(1)
    dialog.occurrence.setCurrentIndex(1)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    day = date(2026, 10, 25)
    page = EventLogService(admin_context.services.uow, admin_context.services.clock).page(
        EventFilter(day, day, olena.id)
    )
    assert [line.at for line in page.lines] == [datetime(2026, 10, 25, 1, 30, tzinfo=UTC)]


def _select_first(view: EventsView) -> None:
    view.select_row(0)
    assert view.selected_line() is not None


def test_void_set_direction_and_undo(qtbot: QtBot, admin_context: GuiContext) -> None:
    olena = _employee(admin_context)
    admin_context.services.punches.add_manual(
        admin_context.actor,
        olena.id,
        datetime(2026, 3, 3, 8, 0),  # noqa: DTZ001 - a local wall time
        "запис",
        direction=Direction.IN,
    )
    view = _view(qtbot, admin_context)
    _select_first(view)
    view.direction_button.click()
    setter = view.dialog
    assert isinstance(setter, CorrectionDialog)
    assert setter.direction.currentData() == Direction.OUT
    setter.reason.setText("насправді вихід")
    setter.buttons.accepted.emit()
    assert _column(view, 2) == ["Out (corrected)"]
    metrics = view.table.fontMetrics()  # the walk: «Вихід (виправ…» wrapped and cut
    assert view.table.columnWidth(2) > metrics.horizontalAdvance("Auto (corrected)")
    assert not view.table.wordWrap()

    _select_first(view)
    view.void_button.click()
    voider = view.dialog
    assert isinstance(voider, CorrectionDialog)
    voider.buttons.accepted.emit()
    assert voider.errors.text("reason") == "Enter a reason."
    voider.reason.setText("помилковий запис")
    voider.buttons.accepted.emit()
    assert not voider.isVisible()
    assert view.model.rows[0].voided
    font = view.model.index(0, 1).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.strikeOut()
    assert "voided" in _column(view, 5)[0]
    assert _column(view, 6) == ["Voided: помилковий запис; запис"]  # the walk: the reason was shown nowhere
    _select_first(view)
    assert not view.void_button.isEnabled()

    view.undo_button.click()
    undo = view.dialog
    assert isinstance(undo, UndoDialog)
    assert undo.correction.count() == 2
    assert undo.correction.itemText(1).startswith("voided: помилковий запис")
    undo.correction.setCurrentIndex(1)
    undo.reason.setText("void був помилкою")
    undo.buttons.accepted.emit()
    assert not undo.isVisible()
    assert not view.model.rows[0].voided
    assert view.model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None


def _queue(context: GuiContext, kind: BadgeKind, raw: str, canonical: str | None) -> int:
    terminal = context.services.terminals.add_terminal(context.actor, f"Вхід {raw[:4]}").terminal
    with context.services.uow() as uow:
        item = uow.unassigned.add(
            UnassignedPunch(0, terminal.id, kind, raw, canonical, MORNING, MORNING, "unknown")
        )
        uow.commit()
    return item.id


def test_assign_an_unassigned_card_then_a_phone(qtbot: QtBot, admin_context: GuiContext) -> None:
    olena = _employee(admin_context)
    _queue(admin_context, BadgeKind.CARD, "15cd5b07", "15CD5B07")
    view = _view(qtbot, admin_context)
    assert view.tabs.tabText(1) == "Unassigned (1)"
    panel = view.unassigned
    panel.table.selectRow(0)
    panel.assign_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, AssignDialog)
    dialog.employee.setCurrentIndex(dialog.employee.findData(olena.id))
    dialog.reason.setText("нова картка")
    dialog.add_badge.setChecked(True)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert panel.model.rowCount() == 0
    assert panel.status.text() == "Assigned; a new badge was issued."
    assert view.tabs.tabText(1) == "Unassigned"
    (line,) = view.model.rows
    assert (line.employee_id, line.direction, PunchFlag.REASSIGNED in line.flags) == (
        olena.id,
        Direction.AUTO,
        True,
    )
    assert "assigned from the queue" in _column(view, 5)[0]
    badges = admin_context.services.employees.detail(olena.id).badges
    assert [(b.kind, b.value) for b in badges] == [(BadgeKind.CARD, "15CD5B07")]

    _queue(admin_context, BadgeKind.PHONE, "EMP-1A2B3C4D", "EMP-1A2B3C4D")
    panel.refresh()
    panel.table.selectRow(0)
    panel.assign_button.click()
    phone = panel.dialog
    assert isinstance(phone, AssignDialog)
    phone.employee.setCurrentIndex(phone.employee.findData(olena.id))
    phone.reason.setText("телефон Олени")
    phone.buttons.accepted.emit()
    assert phone.errors.general.text().startswith("A phone sighting is unsigned")
    phone.confirm.setChecked(True)
    phone.buttons.accepted.emit()
    assert not phone.isVisible()
    assert len(view.model.rows) == 2


def test_dismiss_keeps_the_item_marked(qtbot: QtBot, admin_context: GuiContext) -> None:
    item_id = _queue(admin_context, BadgeKind.CARD, "DEADBEEF", "DEADBEEF")
    view = _view(qtbot, admin_context)
    view.unassigned.table.selectRow(0)
    view.unassigned.dismiss_button.click()
    box = view.unassigned.dialog
    assert isinstance(box, QMessageBox)
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    yes.click()
    assert view.unassigned.model.rowCount() == 0
    with admin_context.services.uow(read_only=True) as uow:
        item = uow.unassigned.get(item_id)
    assert item is not None
    assert item.state == "dismissed"


def test_viewer_sees_no_correction_actions(qtbot: QtBot, viewer_context: GuiContext) -> None:
    view = _view(qtbot, viewer_context)
    for button in (view.manual_button, view.void_button, view.direction_button, view.undo_button):
        assert not button.isVisible()
    assert not view.unassigned.assign_button.isVisible()


def _check(tester: ModelTester, model: QAbstractItemModel) -> None:
    tester.check(model, force_py=True)  # type: ignore[no-untyped-call]


def test_event_models_pass_the_model_tester(qtmodeltester: ModelTester, admin_context: GuiContext) -> None:
    _bulk(admin_context, _employee(admin_context).id, 250)
    _check(qtmodeltester, EventLogModel(InlineTaskRunner()))
    model = EventLogModel(InlineTaskRunner())
    _check(qtmodeltester, model)  # once per model: the tester then watches every reset and insertion
    log = EventLogService(admin_context.services.uow, admin_context.services.clock)
    model.set_source(partial(log.page, EventFilter(MORNING.date() - timedelta(days=2), MORNING.date())))
    model.fetchMore(QModelIndex())  # the tester fetches too
    assert model.rowCount() == 250
    assert not model.canFetchMore(QModelIndex())
    queue = UnassignedTableModel()
    item = UnassignedPunch(1, 1, BadgeKind.CARD, "123456789", "15CD5B07", MORNING, MORNING, "revoked_badge")
    queue.set_rows([UnassignedLine(item, "Вхід")])
    assert queue.index(0, 3).data() == "123456789 → 15CD5B07"
    _check(qtmodeltester, queue)
