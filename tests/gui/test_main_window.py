"""Main window: the page registry by role, the last page and geometry remembered, the status bar."""

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.shell.pages import PAGES

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
    assert window.tray is None or window.tray.isVisible()
