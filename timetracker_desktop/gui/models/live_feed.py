"""The live feed of taps, newest first, bounded in length: punches and unknown badges, each shown once."""

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from timetracker_desktop.gui.kit.formatting import local_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, Index, RowTableModel
from timetracker_desktop.gui.models.events import voided_style
from timetracker_desktop.gui.models.punch_words import PunchWords
from timetracker_desktop.repositories.ports.storage import PunchLine
from timetracker_desktop.services.attendance.live_feed import UnknownTap

FEED_ROWS = 300
UNKNOWN_COLOR = QColor("#b45309")  # amber: somebody tapped a badge nobody has
FeedRow = PunchLine | UnknownTap


def _key(row: FeedRow) -> tuple[str, int]:
    return ("unknown" if isinstance(row, UnknownTap) else "punch", row.id)


class LiveFeedModel(RowTableModel[FeedRow]):
    """Rows of ``PunchLine`` and ``UnknownTap``; ``add`` ignores taps already shown.

    A voided punch is struck out and says why; an unknown badge is amber and says where it waits.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._zone = ZoneInfo("UTC")
        self._seen: set[tuple[str, int]] = set()
        self.words = PunchWords()
        super().__init__(
            [
                Column(self._time, self._time_key, tooltip=self.tooltip),
                Column(self._employee, tooltip=self.tooltip),
                Column(self.direction_text, tooltip=self.tooltip),
                Column(self._terminal, tooltip=self.tooltip),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Time"), self.tr("Employee"), self.tr("Direction"), self.tr("Terminal")]

    def set_zone(self, zone: ZoneInfo) -> None:
        """The office time zone for the times shown."""
        self._zone = zone
        self.refresh_all()

    def add(self, lines: Sequence[PunchLine], unknown: Sequence[UnknownTap] = ()) -> int:
        """Show new taps (each given oldest first) at the top; returns how many were new."""
        rows: list[FeedRow] = [*lines, *unknown]
        fresh = [row for row in rows if _key(row) not in self._seen]
        self._seen.update(_key(row) for row in fresh)
        fresh.sort(key=lambda row: (row.at, row.id))
        self.prepend_rows(list(reversed(fresh)))
        self.trim_to(FEED_ROWS)
        return len(fresh)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """As the base, plus voided rows struck out and grey, unknown badges amber."""
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid() or not 0 <= index.row() < len(self.rows):
                return None
            return self._style(self.rows[index.row()], role)
        return super().data(index, role)

    @staticmethod
    def _style(row: FeedRow, role: int) -> object:
        if isinstance(row, UnknownTap):
            return UNKNOWN_COLOR if role == Qt.ItemDataRole.ForegroundRole else None
        return voided_style(row, role)

    def direction_text(self, row: FeedRow) -> str:
        """In, Out or Auto (the Events page's words); voided taps say so; an unknown badge has none."""
        if isinstance(row, UnknownTap):
            return "—"
        text = self.words.direction(row.direction)
        return f"{text}, {self.words.voided()}" if row.voided else text

    def tooltip(self, row: FeedRow) -> str:
        """Why a tap is marked: the void's reason, or where an unknown badge waits."""
        if isinstance(row, UnknownTap):
            return self.words.unknown_hint()
        return self.words.void_reason(row.void_reason) if row.voided else ""

    def _time(self, row: FeedRow) -> str:
        return local_time(row.at, self._zone)

    @staticmethod
    def _time_key(row: FeedRow) -> float:
        return timestamp(row.at)

    def _employee(self, row: FeedRow) -> str:
        return self.words.unknown_card(row.value) if isinstance(row, UnknownTap) else row.employee_name

    def _terminal(self, row: FeedRow) -> str:
        return row.terminal_name or self.tr("manual")
