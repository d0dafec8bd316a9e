"""A flood of scan notices does not flood the GUI: one fetch at a time, the rest coalesced into one more."""

from collections.abc import Callable
from typing import Any, cast

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.listener.live_feed import MIN_FETCH_GAP_MS, LiveFeedController
from timetracker_desktop.repositories.ports.storage import PunchLine
from timetracker_desktop.services.attendance.live_feed import FEED_LIMIT, FeedBatch

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

    def finish_one(self, result: object = None) -> None:
        """Deliver the oldest held task's result (or the given one instead of running it)."""
        work, on_done = self.held.pop(0)
        on_done(work() if result is None else result)


def _held(logged_in: GuiContext, runner: HeldRunner) -> tuple[GuiContext, LiveFeedController]:
    """A feed controller whose fetches wait for the test; no polling: only notices trigger fetches."""
    context = GuiContext(
        logged_in.services, logged_in.user, runner, logged_in.ui_settings, "test", logged_in.scan_bridge
    )
    controller = LiveFeedController(context)
    controller.timer.stop()
    return context, controller


def test_notices_during_a_fetch_become_one_more_fetch(qtbot: QtBot, admin_context: GuiContext) -> None:
    runner = HeldRunner()
    context, controller = _held(admin_context, runner)
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


def test_a_full_batch_is_followed_by_another_fetch(qtbot: QtBot, admin_context: GuiContext) -> None:
    runner = HeldRunner()
    context, controller = _held(admin_context, runner)
    controller.fetch()
    runner.finish_one(FeedBatch((), 10, "Europe/Kyiv"))
    qtbot.wait(MIN_FETCH_GAP_MS * 2)
    assert runner.held == []  # nothing announced, nothing fetched
    context.scan_bridge.notify(None)
    qtbot.waitUntil(lambda: len(runner.held) == 1, timeout=MIN_FETCH_GAP_MS * 10)
    backlog = cast(tuple[PunchLine, ...], (None,) * FEED_LIMIT)  # the lines' content does not matter here
    runner.finish_one(FeedBatch(backlog, 10 + FEED_LIMIT, "Europe/Kyiv"))
    # The burst is over (no more notices), yet the rest of its backlog is fetched.
    qtbot.waitUntil(lambda: len(runner.held) == 1, timeout=MIN_FETCH_GAP_MS * 10)
