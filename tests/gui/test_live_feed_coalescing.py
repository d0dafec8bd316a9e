"""A flood of scan notices does not flood the GUI: one fetch at a time, the rest coalesced into one more."""

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.context import GuiContext
from timetracker_desktop.gui.live_feed import MIN_FETCH_GAP_MS, LiveFeedController

pytestmark = pytest.mark.gui


class HeldRunner:
    """Runs work only when the test says so, as if the worker thread were slow."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        write: bool = False,
    ) -> None:
        """Hold the task."""
        self.held.append((work, on_done))

    def finish_one(self) -> None:
        """Deliver the oldest held task's result."""
        work, on_done = self.held.pop(0)
        on_done(work())


def test_notices_during_a_fetch_become_one_more_fetch(qtbot: QtBot, admin_context: GuiContext) -> None:
    runner = HeldRunner()
    context = GuiContext(
        admin_context.services,
        admin_context.user,
        runner,
        admin_context.ui_settings,
        "test",
        admin_context.scan_bridge,
    )
    controller = LiveFeedController(context)
    controller.timer.stop()  # no polling in this test: only notices
    controller.fetch()
    assert len(runner.held) == 1

    for _ in range(500):  # a burst from 16 terminals while the first fetch is still running
        context.scan_bridge.notify(None)
    assert len(runner.held) == 1  # never two fetches at once
    runner.finish_one()
    assert runner.held == []  # the next one waits for the gap
    qtbot.waitUntil(lambda: len(runner.held) == 1, timeout=MIN_FETCH_GAP_MS * 10)
    runner.finish_one()
    qtbot.wait(MIN_FETCH_GAP_MS * 2)
    assert runner.held == []  # 500 notices cost two fetches in all
    assert controller.fetches == 2
