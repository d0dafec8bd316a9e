"""Every table model passes qtmodeltester, empty and filled, and sorts by native values."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.modeltest import ModelTester

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.employees import Badge, BadgeKind, Employee
from timetracker_desktop.domain.errors import ErrorCode
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.gui.kit.table_model import SORT_ROLE, RowTableModel, SearchProxy
from timetracker_desktop.gui.models.badges import BadgeTableModel
from timetracker_desktop.gui.models.employees import EmployeeTableModel
from timetracker_desktop.gui.models.import_preview import ImportPreviewModel
from timetracker_desktop.gui.models.live_feed import FEED_ROWS, LiveFeedModel
from timetracker_desktop.gui.models.presence import PresenceTableModel
from timetracker_desktop.gui.models.terminals import TerminalTableModel
from timetracker_desktop.repositories.ports.storage import PunchLine
from timetracker_desktop.services.attendance.presence import PresenceLine, PresenceState
from timetracker_desktop.services.dto import EmployeeDraft, RowError
from timetracker_desktop.services.people.employee_import import ImportRow
from timetracker_desktop.services.terminals.overview import TerminalStatus

pytestmark = pytest.mark.gui
AT = datetime(2026, 3, 4, 6, 5, tzinfo=UTC)


def _punch(punch_id: int) -> PunchLine:
    return PunchLine(
        punch_id, AT + timedelta(minutes=punch_id), 1, "Олена", Direction.IN, PunchSource.TERMINAL, 1, "Вхід",
        frozenset(), None,
    )  # fmt: skip


def _filled() -> list[tuple[RowTableModel[object], list[object]]]:
    presence = [
        PresenceLine(1, "Олена", "Бухгалтер", PresenceState.IN, "08:00-17:00", AT, None, 300, 7200),
        PresenceLine(2, "Іван", None, PresenceState.ABSENT, "08:00-17:00", None, None, 0, 0),
    ]
    employees = [Employee(1, "Олена", 1, "Бухгалтер"), Employee(2, "Іван", is_active=False)]
    badges = [
        Badge(1, 1, BadgeKind.CARD, "04A1B2C3", created_at=AT),
        Badge(2, 1, BadgeKind.PHONE, "EMP-1A2B3C4D", created_at=AT, revoked_at=AT, revoke_reason="lost"),
    ]
    terminals = [
        TerminalStatus(Terminal(1, "Вхід", TerminalKind.ANDROID, last_seen_at=AT), True),
        TerminalStatus(Terminal(2, "Склад", TerminalKind.CARD_READER, is_active=False), False),
    ]
    rows = [
        ImportRow(2, EmployeeDraft("Олена", "Бухгалтер", "04A1B2C3")),
        ImportRow(
            3,
            EmployeeDraft(""),
            (RowError(3, "full_name", "full name is required", ErrorCode.NAME_REQUIRED),),
        ),
    ]
    return [
        (PresenceTableModel(), presence),  # type: ignore[list-item]
        (EmployeeTableModel(), employees),  # type: ignore[list-item]
        (BadgeTableModel(), badges),  # type: ignore[list-item]
        (TerminalTableModel(), terminals),  # type: ignore[list-item]
        (ImportPreviewModel(), rows),  # type: ignore[list-item]
        (LiveFeedModel(), [_punch(1), _punch(2)]),  # type: ignore[list-item]
    ]


def _check(tester: ModelTester, model: QAbstractItemModel) -> None:
    tester.check(model, force_py=True)  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("index", range(6))
def test_models_pass_the_model_tester(qtmodeltester: ModelTester, index: int) -> None:
    model, rows = _filled()[index]
    _check(qtmodeltester, model)
    model.set_rows(rows)
    _check(qtmodeltester, model)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    _check(qtmodeltester, proxy)
    assert all(model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount()))


def test_sort_role_is_native() -> None:
    model = PresenceTableModel()
    model.set_zone(ZoneInfo("Europe/Kyiv"))
    model.set_rows(
        [
            PresenceLine(1, "Олена", None, PresenceState.IN, "", AT, None, 600, 9000)
        ]  # late 10 min, worked 2:30
    )
    assert model.index(0, 6).data(SORT_ROLE) == 600
    assert model.index(0, 4).data() == "08:05"
    assert model.index(0, 7).data() == "2:30"


def test_feed_is_bounded_newest_first(qtmodeltester: ModelTester) -> None:
    model = LiveFeedModel()
    assert model.add([_punch(i) for i in range(1, FEED_ROWS + 11)]) == FEED_ROWS + 10
    assert model.add([_punch(5)]) == 0
    assert model.rowCount() == FEED_ROWS
    assert model.rows[0].id == FEED_ROWS + 10
    _check(qtmodeltester, model)
