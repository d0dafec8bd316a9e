"""Layout check: every page at 1280x800 and 1920x1080, in Ukrainian, over demo data.

Fails on a horizontal scrollbar in a table whose columns would fit, and on a label whose text is cut (the
first-day walk found «Напрям» cut in the live feed, «Результат» in Audit, «Діагностику скопійова…» in the
status bar).
"""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.i18n import install_translators
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.shell.pages import PAGES
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.demo import DemoDataService

from .conftest import show

pytestmark = pytest.mark.gui
SIZES = [(1280, 800), (1920, 1080)]


@pytest.fixture
def ukrainian(qapp: QApplication) -> Iterator[None]:
    assert install_translators(qapp, "uk")
    yield
    install_translators(qapp, "en")


def _visible(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0


def _column_needs(table: QTableView, column: int) -> int:
    header = table.horizontalHeader()
    if header.sectionResizeMode(column) is QHeaderView.ResizeMode.Fixed:
        return header.sectionSize(column)  # a fixed width on purpose (the schedule grid's day cells)
    return max(table.sizeHintForColumn(column), header.sectionSizeHint(column))


def _columns_needed(table: QTableView) -> int:
    header = table.horizontalHeader()
    return sum(_column_needs(table, c) for c in range(header.count()) if not header.isSectionHidden(c))


def table_problems(window: QWidget) -> list[str]:
    """Tables with a horizontal scrollbar although their columns would fit their width."""
    problems = []
    for table in window.findChildren(QTableView):
        if not _visible(table, window) or table.horizontalScrollBar().maximum() == 0:
            continue
        needed, room = _columns_needed(table), table.viewport().width()
        if needed <= room:
            problems.append(f"{table.objectName()}: scrollbar, yet columns need {needed} of {room} px")
    return problems


def header_problems(window: QWidget) -> list[str]:
    """Column titles cut short («Напрям», «Результат»)."""
    problems = []
    for table in window.findChildren(QTableView):
        header = table.horizontalHeader()
        if not _visible(table, window) or not header.isVisible():
            continue
        for c in range(header.count()):
            title = table.model().headerData(c, Qt.Orientation.Horizontal)
            if header.isSectionHidden(c) or not isinstance(title, str) or not title:
                continue
            needed = header.sectionSizeHint(c)  # the title, its margins and the sort arrow
            if header.sectionSize(c) < needed:
                problems.append(
                    f"{table.objectName()}: {title!r} needs {needed} of {header.sectionSize(c)} px"
                )
    return problems


def _plain(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.wordWrap() or Qt.mightBeRichText(text) or label.pixmap() is not None:
        return None
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&") if label.buddy() else text


def label_problems(window: QWidget) -> list[str]:
    """Labels whose text is wider than the room they got (Qt cuts it)."""
    problems = []
    for label in window.findChildren(QLabel):
        text = _plain(label)
        if text is None or not _visible(label, window):
            continue
        needed = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        room = label.contentsRect().width() - 2 * label.margin() - label.indent() * (label.indent() > 0)
        if needed > room + 1:
            problems.append(f"{label.objectName() or text!r}: {text!r} needs {needed} of {room} px")
    return problems


def status_message_problem(window: MainWindow, message: str) -> str | None:
    """A status bar message cut short (it gets the room the permanent fields leave)."""
    bar = window.statusBar()
    bar.showMessage(message)
    QApplication.processEvents()
    layout = bar.layout()
    spacing = layout.spacing() if layout is not None else 0
    permanent = sum(w.width() + spacing for w in _permanent(window))
    room = bar.width() - permanent
    needed = bar.fontMetrics().horizontalAdvance(message) + 8
    return None if needed <= room else f"{message!r} needs {needed} of {room} px"


def _permanent(window: MainWindow) -> list[QWidget]:
    status = window.status
    fields = (status.database, status.listener, status.terminals, status.reader, status.busy)
    return [w for w in fields if w.isVisible()]


@pytest.fixture
def demo_context(admin_context: GuiContext) -> GuiContext:
    services = admin_context.services
    DemoDataService(services.uow, services.clock).generate(admin_context.actor, employees=40, days=20)
    now = services.clock.now()
    with services.uow() as uow:  # this morning's taps, for the Today page's board and feed
        terminal = uow.terminals.list_all()[0].id
        people = uow.employees.list_all(include_inactive=False)[:25]
        uow.punches.add_many(
            [
                NewPunch(
                    p.id, now - timedelta(minutes=3 * i), Direction.IN, PunchSource.TERMINAL, now, terminal
                )
                for i, p in enumerate(people)
            ]
        )
        uow.commit()
    return admin_context


@pytest.mark.usefixtures("ukrainian")
@pytest.mark.parametrize(("width", "height"), SIZES, ids=["1280x800", "1920x1080"])
def test_every_page_fits_its_window(qtbot: QtBot, demo_context: GuiContext, width: int, height: int) -> None:
    window = MainWindow(demo_context)
    show(qtbot, window)
    window.resize(width, height)
    problems: dict[str, list[str]] = {}
    for spec in PAGES:
        window.show_page(spec.name)
        QApplication.processEvents()
        found = table_problems(window) + header_problems(window) + label_problems(window)
        if found:
            problems[spec.name] = found
    assert problems == {}
    message = QApplication.translate(
        "HelpMenu", "Diagnostics copied to the clipboard: paste them into your message to support."
    )
    assert status_message_problem(window, message) is None
    assert window.height() <= height  # the walk: the window grew 64 px with the status text and stayed so
