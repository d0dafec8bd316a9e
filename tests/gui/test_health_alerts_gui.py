"""Alerts in the GUI: the status bar's health field and the Today page's «Needs attention» list."""

from dataclasses import replace
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.vocabulary import alert_sentence
from timetracker_desktop.gui.listener.control import ListenerControl
from timetracker_desktop.gui.shell.status_bar import MainStatusBar
from timetracker_desktop.gui.views.today import TodayView
from timetracker_desktop.services.database_care.health import Alert, AlertKind, HealthService

from .conftest import show

pytestmark = pytest.mark.gui
OLD_BACKUP = Alert(AlertKind.NO_RECENT_BACKUP, {"hours": "80", "limit": "48"})
SILENT = Alert(AlertKind.TERMINAL_SILENT, {"terminal": "Вхід", "minutes": "45", "limit": "30"})


class FakeHealth(HealthService):
    """Answers what a test says, and remembers what it was asked about the listener."""

    def __init__(self, context: GuiContext, alerts: list[Alert]) -> None:
        super().__init__(context.services.uow, context.services.clock)
        self.found = alerts
        self.listener: list[tuple[bool | None, str]] = []

    def alerts(self, *, listener_running: bool | None = None, listener_error: str = "") -> list[Alert]:
        self.listener.append((listener_running, listener_error))
        return list(self.found)


def _faked(
    context: GuiContext, alerts: list[Alert], listener: object = None
) -> tuple[GuiContext, FakeHealth]:
    health = FakeHealth(context, alerts)
    services = replace(context.services, health=health)
    faked = replace(context, services=services, listener=cast(ListenerControl | None, listener))
    return faked, health


def _status_bar(qtbot: QtBot, context: GuiContext, alerts: list[Alert]) -> tuple[MainStatusBar, FakeHealth]:
    faked, health = _faked(context, alerts)
    bar = MainStatusBar(faked)
    show(qtbot, bar)
    return bar, health


def test_the_status_bar_says_all_good_or_how_many_need_attention(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    bar, health = _status_bar(qtbot, admin_context, [])
    assert bar.health.text() == "All good"
    health.found = [OLD_BACKUP, SILENT]
    bar.refresh_health()
    assert bar.health.text() == "2 need(s) attention"
    tip = bar.health.toolTip()
    assert alert_sentence(OLD_BACKUP) in tip
    assert alert_sentence(SILENT) in tip
    assert "more than 48 hours" in tip  # the facts are filled in
    assert bar.health_timer.isActive()  # refreshed periodically, off the GUI thread (the task runner)


def test_the_today_page_lists_what_needs_attention_and_hides_when_all_is_well(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    context, health = _faked(admin_context, [SILENT])
    view = TodayView(context)
    show(qtbot, view)
    assert view.attention.isVisible()
    assert "Needs attention" in view.attention.text()
    assert "Terminal Вхід has not reported for more than 30 minutes" in view.attention.text()
    health.found = []
    view.refresh_alerts()
    assert not view.attention.isVisible()


class FailedListener:
    """What the status bar reads of a listener that could not start."""

    available = True
    running = False
    starting = False
    error = OSError("port 8080 is taken")


def test_a_failed_listener_is_an_alert_and_one_never_started_is_not(admin_context: GuiContext) -> None:
    context, health = _faked(admin_context, [], FailedListener())
    context.health_check()()
    assert health.listener == [(False, "port 8080 is taken")]
    context, health = _faked(admin_context, [])
    context.health_check()()
    assert health.listener == [(None, "")]


def test_a_real_database_without_backups_shows_it(qtbot: QtBot, admin_context: GuiContext) -> None:
    bar = MainStatusBar(admin_context)
    view = TodayView(admin_context)
    show(qtbot, bar)
    show(qtbot, view)
    missing = "No backup has been made for more than 48 hours."
    assert bar.health.text() == "1 need(s) attention"
    assert missing in bar.health.toolTip()
    assert missing in view.attention.text()


@pytest.mark.usefixtures("ukrainian")
def test_in_ukrainian_the_count_and_the_advice_are_translated(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    bar, health = _status_bar(qtbot, admin_context, [SILENT])
    assert bar.health.text() == "1 потребує уваги"
    assert "Термінал Вхід мовчить понад 30 хв у робочий час" in bar.health.toolTip()
    health.found = [SILENT, OLD_BACKUP]
    bar.refresh_health()
    assert bar.health.text() == "2 потребують уваги"


def test_the_time_of_a_failed_backup_is_the_office_wall_time_not_the_stored_instant() -> None:
    sentence = alert_sentence(Alert(AlertKind.LAST_BACKUP_FAILED, {"at": "2026-12-02T08:40+02:00"}))
    assert "08:40" in sentence
    assert "+02:00" not in sentence
    assert "T08" not in sentence
    assert alert_sentence(Alert(AlertKind.CHECK_FAILED, {"at": "yesterday"})).startswith(
        "The last database check (yesterday) found damage."
    )
