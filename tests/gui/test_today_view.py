"""Today view: who is at work, late, absent against the schedule; the live feed pushed through the bridge."""

import threading
from datetime import date, datetime

import pytest
from fakes import FakeClock
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.views.today import TodayView
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui
TODAY = date(2026, 3, 4)  # the fake clock stands at 12:00 Kyiv time on this day


def _employee(context: GuiContext, name: str, cell: str | None) -> int:
    employee = context.services.employees.add_employee(context.actor, EmployeeDraft(name))
    if cell:
        context.services.schedules.set_cell(context.actor, employee.id, TODAY, cell)
    return employee.id


def _punch(context: GuiContext, employee_id: int, hour: int, minute: int) -> None:
    at = datetime(2026, 3, 4, hour, minute)  # noqa: DTZ001 - a local wall time, as typed in the GUI
    context.services.punches.add_manual(
        context.actor, employee_id, at, "forgot the badge", direction=Direction.IN
    )


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
    assert [line.employee_name for line in view.feed.rows] == ["Андрій Мельник", "Олена Коваль"]

    absent_id = next(line.employee_id for line in view.board.rows if line.full_name == "Марія Бондар")
    view.after_tap_ms, view.busy_reload_gap_ms = 10, 0
    _punch(admin_context, absent_id, 11, 58)
    notifier = threading.Thread(target=admin_context.scan_bridge.notify)  # as the listener thread would
    notifier.start()
    notifier.join()
    qtbot.waitUntil(lambda: len(view.feed.rows) == 3)
    assert view.feed.rows[0].employee_name == "Марія Бондар"
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
    employee = _employee(admin_context, "Тарас Шевченко", "8-17")
    view = TodayView(admin_context)
    show(qtbot, view)
    qtbot.waitUntil(lambda: len(view.board.rows) == 1)  # the first reload has just happened
    view.after_tap_ms, view.busy_reload_gap_ms = 10, 600_000
    _punch(admin_context, employee, 8, 0)
    admin_context.scan_bridge.notify(None)
    qtbot.waitUntil(lambda: len(view.feed.rows) == 1)  # the tap is in the feed at once ...
    assert view.after_tap_timer.isActive()
    assert view.after_tap_timer.remainingTime() > 500_000  # ... the board waits for the gap to pass
    view.after_tap_timer.stop()
    view.busy_reload_gap_ms = 0  # a quiet office: the board follows 10 ms after a tap
    _punch(admin_context, employee, 12, 0)
    admin_context.scan_bridge.notify(None)
    qtbot.waitUntil(lambda: len(view.feed.rows) == 2)
    qtbot.waitUntil(lambda: view.board.rows[0].first_in is not None, timeout=2000)  # not after 10 minutes
