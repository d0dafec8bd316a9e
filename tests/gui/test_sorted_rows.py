"""The presence board sorts itself (no proxy): collation, order kept on reload, changed rows announced."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.widgets import make_table
from timetracker_desktop.gui.models.presence import PresenceTableModel
from timetracker_desktop.services.attendance.presence import PresenceLine, PresenceState

from .conftest import show

pytestmark = pytest.mark.gui
AT = datetime(2026, 3, 4, 6, 5, tzinfo=UTC)


def _line(number: int, name: str, state: PresenceState, worked: int = 0) -> PresenceLine:
    return PresenceLine(number, name, None, state, "08:00-17:00", AT, None, 0, worked)


LINES = [
    _line(1, "Іван Ткач", PresenceState.ABSENT),
    _line(2, "Андрій Мельник", PresenceState.IN, 600),
    _line(3, "Єва Бондар", PresenceState.LEFT),
    _line(4, "богдан коваль", PresenceState.IN, 60),
]


def _names(model: PresenceTableModel) -> list[str]:
    return [line.full_name for line in model.rows]


def test_sorts_by_collation_and_native_values(qtmodeltester: ModelTester) -> None:
    model = PresenceTableModel()
    model.set_rows(LINES)
    model.sort(0)
    assert _names(model) == ["Андрій Мельник", "богдан коваль", "Єва Бондар", "Іван Ткач"]
    model.sort(7, Qt.SortOrder.DescendingOrder)  # worked, as a number
    assert _names(model)[:2] == ["Андрій Мельник", "богдан коваль"]
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]


def test_a_reload_keeps_the_order_and_announces_only_what_changed(qtbot: QtBot) -> None:
    model = PresenceTableModel()
    model.sort(2)  # by state, as the Today view opens
    model.set_rows(LINES)
    assert _names(model) == ["Андрій Мельник", "богдан коваль", "Єва Бондар", "Іван Ткач"]
    announced: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: announced.append((-1, -1)))
    model.dataChanged.connect(lambda top, bottom: announced.append((top.row(), bottom.row())))
    model.update_rows([*LINES[:3], replace(LINES[3], worked_seconds=120)])  # ties keep the service's order
    assert announced == [(1, 1)]  # only богдан's worked time changed
    assert model.rows[1].worked_seconds == 120

    announced.clear()
    came = [replace(LINES[0], state=PresenceState.IN), *LINES[1:3], replace(LINES[3], worked_seconds=120)]
    model.update_rows(came)  # Іван came in: he moves up among those at work, the rest shift
    assert _names(model) == ["Іван Ткач", "Андрій Мельник", "богдан коваль", "Єва Бондар"]
    assert announced == [(0, 3)]
    model.update_rows(LINES[:2])  # people left the company: a reset
    assert announced[-1] == (-1, -1)


def test_the_selection_follows_its_row_when_a_header_is_clicked(qtbot: QtBot) -> None:
    model = PresenceTableModel()
    model.set_rows(LINES)
    view = make_table("board")
    view.setModel(model)
    show(qtbot, view)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.selectRow(_names(model).index("Єва Бондар"))
    current = QPersistentModelIndex(model.index(_names(model).index("Єва Бондар"), 0))
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Іван Ткач", "Єва Бондар", "богдан коваль", "Андрій Мельник"]
    assert current.row() == 1
    selected = view.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [1]
    assert view.model().index(1, 0, QModelIndex()).data() == "Єва Бондар"
