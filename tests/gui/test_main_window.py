"""Main window: the page registry by role, the last page and geometry remembered, the status bar."""

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.reader_bridge import DeskReaderBridge, ReaderService
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.shell.pages import PAGES
from timetracker_desktop.gui.shell.status_bar import FIELD_PX, MainStatusBar
from timetracker_desktop.gui.views.terminals import TerminalsView

from .conftest import show

pytestmark = pytest.mark.gui


def test_pages_open_and_the_last_one_is_remembered(qtbot: QtBot, admin_context: GuiContext) -> None:
    window = MainWindow(admin_context)
    show(qtbot, window)
    assert window.page_names == [spec.name for spec in PAGES]
    assert window.page("today") is window.stack.currentWidget()
    for name in window.page_names:
        assert window.show_page(name) is window.stack.currentWidget()
    assert admin_context.ui_settings.last_view == "settings"
    assert "Terminals online: 0 of 0" in window.status.terminals.text()
    window.close()
    again = MainWindow(admin_context)
    show(qtbot, again)
    assert again.page("settings") is again.stack.currentWidget()
    assert not admin_context.ui_settings.window_geometry.isEmpty()


def test_viewer_gets_every_read_page(qtbot: QtBot, viewer_context: GuiContext) -> None:
    window = MainWindow(viewer_context)
    show(qtbot, window)
    assert "today" in window.page_names
    assert window.tray is None or window.tray.icon.isVisible()


def test_status_bar_and_terminals_page_count_the_same(qtbot: QtBot, admin_context: GuiContext) -> None:
    """The walk: the status bar said «0 з 0» for minutes while Terminals said «0 з 1»."""
    window = MainWindow(admin_context)
    show(qtbot, window)
    assert window.status.terminals.text() == "Terminals online: 0 of 0"
    admin_context.services.terminals.add_terminal(admin_context.actor, "Вхід")
    page = window.show_page("terminals")
    assert isinstance(page, TerminalsView)
    assert page.status.text() == "0 of 1 active terminal(s) online"
    assert window.status.terminals.text() == "Terminals online: 0 of 1"  # at once, not in 30 s
    admin_context.services.terminals.add_terminal(admin_context.actor, "Склад")
    page.refresh()  # as after Add terminal on the page
    assert window.status.terminals.text() == "Terminals online: 0 of 2"


def test_status_bar_without_a_reader_says_no_reader_connected(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    """The walk: with no reader service the status bar said «служба недоступна»."""

    def no_pcsc(_listener: object, _name: str | None) -> ReaderService:
        raise OSError("libpcsclite.so.1: cannot open shared object file")

    bridge = DeskReaderBridge()
    bridge.start(no_pcsc, "")
    bar = MainStatusBar(replace(admin_context, reader=bridge))
    show(qtbot, bar)
    assert bar.reader.text() == "Desk reader: no reader connected"
    assert "libpcsclite" in bar.reader.toolTip()
    assert "libpcsclite" in bridge.support_text()
    assert MainStatusBar(admin_context).reader.text() == "Desk reader: no reader connected"


def test_a_long_status_text_does_not_widen_the_window(qtbot: QtBot, admin_context: GuiContext) -> None:
    """The walk: the window grew with the status bar text and never shrank back."""
    window = MainWindow(admin_context)
    show(qtbot, window)
    window.resize(1280, 800)
    long_state = "port in use by another program, perhaps the TimeTracker service; choose another port " * 3
    window.status.set_listener_state(long_state)
    assert window.status.listener.text().endswith(long_state)  # the whole text is kept (tests, diagnostics)
    assert window.status.listener.minimumSizeHint().width() <= FIELD_PX
    assert window.minimumSizeHint().width() < 1280
    assert window.status.listener.grab().width() > 0  # drawn elided
