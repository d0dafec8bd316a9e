"""Chart series (presence slots incl. a night shift, lateness ranking) and the Today view's presence chart."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from fakes import FakeClock
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.reports.charts.lateness import LatenessChart
from timetracker_desktop.gui.reports.charts.presence import people_ticks
from timetracker_desktop.gui.reports.charts.series import SLOTS, Lateness, presence_curve
from timetracker_desktop.gui.views.today import TodayView
from timetracker_desktop.services.dto import EmployeeDraft

from ..conftest import show

pytestmark = pytest.mark.gui
KYIV = ZoneInfo("Europe/Kyiv")


def _kyiv(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=KYIV)


def test_presence_counts_slots_and_wraps_night_shifts() -> None:
    stays = [
        (date(2026, 3, 2), _kyiv(2, 8), _kyiv(2, 17)),  # 8:00-17:00
        (date(2026, 3, 2), _kyiv(2, 22), _kyiv(3, 6)),  # a night: 22:00-6:00
        (date(2026, 3, 3), _kyiv(3, 8, 10), _kyiv(3, 8, 20)),  # 8:10-8:20 touches one slot
    ]
    curve = presence_curve(stays, KYIV)
    assert curve.days == 2
    by_hour = dict(zip(curve.slot_hours, curve.people, strict=True))
    assert len(curve.people) == SLOTS
    assert by_hour[8.0] == 1.0  # (day worker Mon + the short stay Tue) / 2 days
    assert by_hour[9.0] == 0.5
    assert by_hour[16.75] == 0.5  # 16:45-17:00 is the day worker's last slot
    assert by_hour[17.0] == 0.0
    assert by_hour[23.0] == 0.5
    assert by_hour[2.0] == 0.5  # the night wrapped past midnight
    assert by_hour[6.0] == 0.0
    assert presence_curve([], KYIV).people == (0.0,) * SLOTS


def test_lateness_chart_puts_the_latest_on_top(qtbot: QtBot) -> None:
    chart = LatenessChart()
    show(qtbot, chart)
    chart.set_rows([Lateness("Оксана", 40, 2), Lateness("Андрій", 25, 1)])
    assert list(chart.bars.opts["y"]) == [1, 0]
    assert list(chart.bars.opts["width"]) == [40, 25]
    ticks = chart.plot.getAxis("left")._tickLevels  # what the axis prints beside each bar
    assert ticks == [[(1, "Оксана (2)"), (0, "Андрій (1)")]]
    chart.set_rows([])
    assert list(chart.bars.opts["width"]) == []


def test_today_chart_shows_who_has_been_at_work(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 3, 4, 10, 0, tzinfo=UTC))  # 12:00 in Kyiv
    services, actor = admin_context.services, admin_context.actor
    for name, hour in (("Олена Коваль", 8), ("Андрій Мельник", 9)):
        employee = services.employees.add_employee(actor, EmployeeDraft(name))
        services.schedules.set_cell(actor, employee.id, date(2026, 3, 4), "8-17")
        at = datetime(2026, 3, 4, hour, 0)  # noqa: DTZ001 - a local wall time, as typed in the GUI
        services.punches.add_manual(actor, employee.id, at, "forgot the badge", direction=Direction.IN)
    view = TodayView(admin_context)
    show(qtbot, view)
    x, people = view.presence_chart.chart.curve.getData()
    by_hour = dict(zip(x, people, strict=False))
    assert by_hour[7.75] == 0
    assert by_hour[8.5] == 1  # Олена since 8:00
    assert by_hour[11.75] == 2  # both are in until now (12:00)
    assert len(x) == 48 + 1  # the curve stops at now: 48 quarter hours, their edges
    assert view.presence_chart.grab().width() > 0
    # The walk: the people axis had ticks at 0.5 and 1.5; people come in whole numbers.
    axis = view.presence_chart.chart.plot.getAxis("left")
    assert axis._tickLevels == [[(0, "0"), (1, "1"), (2, "2")]]  # the ticks given, in place of pyqtgraph's
    assert people_ticks(12) == [(0, "0"), (3, "3"), (6, "6"), (9, "9"), (12, "12")]
