"""Today view: who is at work, late, absent against the schedule; the live feed pushed through the bridge."""

import threading
from datetime import UTC, date, datetime

import pytest
from fakes import FakeClock
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.models.live_feed import UNKNOWN_COLOR
from timetracker_desktop.gui.views.today import TodayView
from timetracker_desktop.repositories.ports.storage import PunchLine, UnassignedPunch
from timetracker_desktop.services.attendance.live_feed import UnknownTap
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui
TODAY = date(2026, 3, 4)  # the fake clock stands at 12:00 Kyiv time on this day


def _employee(context: GuiContext, name: str, cell: str | None) -> int:
    employee = context.services.employees.add_employee(context.actor, EmployeeDraft(name))
    if cell:
        context.services.schedules.set_cell(context.actor, employee.id, TODAY, cell)
    return employee.id


def _punch(context: GuiContext, employee_id: int, hour: int, minute: int) -> int:
    at = datetime(2026, 3, 4, hour, minute)  # noqa: DTZ001 - a local wall time, as typed in the GUI
    return context.services.punches.add_manual(
        context.actor, employee_id, at, "forgot the badge", direction=Direction.IN
    )


def _tap(context: GuiContext, employee_id: int, hour: int, minute: int) -> None:
    """A punch stored and announced, as our listener does for a terminal's tap."""
    _punch(context, employee_id, hour, minute)
    context.scan_bridge.notify(None)


def _one_employee_today(qtbot: QtBot, context: GuiContext) -> tuple[int, TodayView]:
    """One scheduled employee and the Today page after its first reload."""
    employee = _employee(context, "Тарас Шевченко", "8-17")
    view = TodayView(context)
    show(qtbot, view)
    qtbot.waitUntil(lambda: len(view.board.rows) == 1)  # the first reload has just happened
    return employee, view


def _states(view: TodayView) -> dict[str, str]:
    return {line.full_name: view.board.state_text(line) for line in view.board.rows}


def test_board_and_live_feed(qtbot: QtBot, admin_context: GuiContext, clock: FakeClock) -> None:
    on_time = _employee(admin_context, "Олена Коваль", "8-17")
    late = _employee(admin_context, "Андрій Мельник", "8-17")
    _employee(admin_context, "Марія Бондар", "8-17")
    _employee(admin_context, "Іван Ткач", None)
    _employee(admin_context, "Оксана Лисенко", "В")
    _punch(admin_context, on_time, 7, 55)
    _punch(admin_context, late, 9, 10)
    view = TodayView(admin_context)
    show(qtbot, view)
    assert _states(view) == {
        "Олена Коваль": "At work",
        "Андрій Мельник": "At work",
        "Марія Бондар": "Absent",
        "Іван Ткач": "Not scheduled",
        "Оксана Лисенко": "Day off",
    }
    late_line = next(line for line in view.board.rows if line.employee_id == late)
    assert late_line.late_seconds == 70 * 60
    assert "At work: 2   Late: 1   Absent: 1" in view.summary.text()
    assert [view.feed.index(row, 1).data() for row in range(2)] == ["Андрій Мельник", "Олена Коваль"]

    absent_id = next(line.employee_id for line in view.board.rows if line.full_name == "Марія Бондар")
    view.after_tap_ms, view.busy_reload_gap_ms = 10, 0
    _punch(admin_context, absent_id, 11, 58)
    notifier = threading.Thread(target=admin_context.scan_bridge.notify)  # as the listener thread would
    notifier.start()
    notifier.join()
    qtbot.waitUntil(lambda: len(view.feed.rows) == 3)
    assert view.feed.index(0, 1).data() == "Марія Бондар"
    assert view.feed.direction_text(view.feed.rows[0]) == "In"
    qtbot.waitUntil(lambda: _states(view)["Марія Бондар"] == "At work", timeout=5000)


def test_feed_shows_each_punch_once(qtbot: QtBot, admin_context: GuiContext) -> None:
    employee = _employee(admin_context, "Тарас Шевченко", "8-17")
    _punch(admin_context, employee, 8, 0)
    view = TodayView(admin_context)
    show(qtbot, view)
    admin_context.scan_bridge.notify(None)
    view.controller.fetch()
    assert len(view.feed.rows) == 1


def test_under_continuous_taps_the_board_reloads_at_most_once_per_gap(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    employee, view = _one_employee_today(qtbot, admin_context)
    view.after_tap_ms, view.busy_reload_gap_ms = 10, 600_000
    _tap(admin_context, employee, 8, 0)
    qtbot.waitUntil(lambda: len(view.feed.rows) == 1)  # the tap is in the feed at once ...
    assert view.after_tap_timer.isActive()
    assert view.after_tap_timer.remainingTime() > 500_000  # ... the board waits for the gap to pass
    view.after_tap_timer.stop()
    view.busy_reload_gap_ms = 0  # a quiet office: the board follows 10 ms after a tap
    with qtbot.waitSignal(view.after_tap_timer.timeout, timeout=2000):  # the reload, not after 10 minutes
        _tap(admin_context, employee, 12, 0)
    assert len(view.feed.rows) == 2


def test_the_tapped_row_changes_with_the_feed_not_seconds_later(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    """The walk: the presence table trailed a tap by 2-8 s while the feed was instant."""
    employee, view = _one_employee_today(qtbot, admin_context)
    assert _states(view) == {"Тарас Шевченко": "Absent"}
    view.after_tap_ms, view.busy_reload_gap_ms = 600_000, 600_000  # no full reload during this test
    _tap(admin_context, employee, 11, 30)
    qtbot.waitUntil(lambda: len(view.feed.rows) == 1)
    assert view.after_tap_timer.isActive()  # the reload is still to come ...
    assert _states(view) == {"Тарас Шевченко": "At work"}  # ... yet the row already shows the tap
    assert view.board.rows[0].first_in == datetime(2026, 3, 4, 9, 30, tzinfo=UTC)


def test_after_a_restart_the_feed_marks_voided_taps_and_unknown_badges(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    """The walk: a voided punch came back as an ordinary tap; an unknown card never showed on Today."""
    employee = _employee(admin_context, "Тарас Шевченко", "8-17")
    punch_id = _punch(admin_context, employee, 8, 0)
    admin_context.services.punches.void(admin_context.actor, punch_id, "тестове торкання")
    terminal = admin_context.services.terminals.add_terminal(admin_context.actor, "Вхід").terminal
    at = datetime(2026, 3, 4, 7, 5, tzinfo=UTC)
    with admin_context.services.uow() as uow:
        uow.unassigned.add(
            UnassignedPunch(0, terminal.id, BadgeKind.CARD, "04A1B2C3", "04A1B2C3", at, at, "unknown")
        )
        uow.commit()
    view = TodayView(admin_context)  # as after a restart
    show(qtbot, view)
    unknown, voided = view.feed.rows
    assert isinstance(unknown, UnknownTap)
    assert view.feed.index(0, 1).data() == "Unknown badge 04A1B2C3"
    assert view.feed.index(0, 3).data() == "Вхід"
    assert "Unassigned" in view.feed.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert view.feed.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) == UNKNOWN_COLOR
    assert isinstance(voided, PunchLine)
    assert view.feed.index(1, 2).data() == "In, voided"
    assert view.feed.index(1, 1).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert view.feed.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "Voided: тестове торкання"
    at_noon = datetime(2026, 3, 4, 9, 59, tzinfo=UTC)
    with admin_context.services.uow() as uow:  # another unknown tap arrives while the page is open
        uow.unassigned.add(
            UnassignedPunch(0, terminal.id, BadgeKind.CARD, "0499", "0499", at_noon, at_noon, "unknown")
        )
        uow.commit()
    admin_context.scan_bridge.notify(None)
    qtbot.waitUntil(lambda: len(view.feed.rows) == 3)
    assert view.feed.index(0, 1).data() == "Unknown badge 0499"
