"""Today's board: one row per active employee with state, plan, first in, last out, lateness."""

from collections.abc import Sequence
from dataclasses import replace
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.gui.kit.formatting import duration, local_time, minutes_text, timestamp
from timetracker_desktop.gui.kit.sorted_rows import SortedRowTableModel
from timetracker_desktop.gui.kit.table_model import Column
from timetracker_desktop.repositories.ports.storage import PunchLine
from timetracker_desktop.services.attendance.presence import PresenceLine, PresenceState

STATE_COLORS = {
    PresenceState.IN: "#2e9e44",
    PresenceState.LEFT: "#5f6b7a",
    PresenceState.ABSENT: "#c62828",
    PresenceState.EXPECTED: "#f0a000",
    PresenceState.EXCUSED: "#1e88e5",
    PresenceState.OFF: "#bdbdbd",
    PresenceState.UNSCHEDULED: "#bdbdbd",
}
STATE_ORDER = {state: position for position, state in enumerate(STATE_COLORS)}


def state_icon(state: PresenceState) -> QIcon:
    """A coloured dot for a state."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(STATE_COLORS[state]))
    return QIcon(pixmap)


class PresenceTableModel(SortedRowTableModel[PresenceLine]):
    """Rows of ``PresenceLine`` shown in the office time zone.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._zone = ZoneInfo("UTC")
        self._icons = {state: state_icon(state) for state in PresenceState}
        self._state_texts = self._translated_states()
        super().__init__(
            [
                Column(self._name),
                Column(self._position),
                Column(self.state_text, self._state_order, icon=self._state_icon),
                Column(self._plan),
                Column(self._first_in, self._first_in_key),
                Column(self._last_out, self._last_out_key),
                Column(self._late, self._late_key, align_right=True),
                Column(self._worked, self._worked_key, align_right=True),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Employee"),
            self.tr("Position"),
            self.tr("State"),
            self.tr("Schedule"),
            self.tr("Came"),
            self.tr("Left"),
            self.tr("Late"),
            self.tr("Worked"),
        ]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Titles, with the full meaning as a tooltip (short titles keep the board within the window)."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tips = {6: self.tr("Minutes late today"), 7: self.tr("Time worked today so far")}
            return tips.get(section, super().headerData(section, orientation))
        return super().headerData(section, orientation, role)

    def apply_taps(self, lines: Sequence[PunchLine]) -> int:
        """Show taps at once on their employees' rows; returns the rows changed.

        An IN means at work (and came, if it is the first); an OUT means left. The next full reload (a few
        seconds later) settles lateness and worked time: the walk saw the board trail the feed by 2-8 s.
        """
        positions = {row.employee_id: position for position, row in enumerate(self.rows)}
        changed = 0
        for line in lines:
            position = positions.get(line.employee_id)
            if position is None or line.voided or line.direction is Direction.AUTO:
                continue  # an AUTO tap's direction is decided when the day is worked out
            row = self.rows[position]
            if line.direction is Direction.IN:
                first = line.at if row.first_in is None else min(row.first_in, line.at)
                updated = replace(row, state=PresenceState.IN, first_in=first)
            else:
                updated = replace(row, state=PresenceState.LEFT, last_out=line.at)
            if updated != row:
                self.replace_row(position, updated)
                changed += 1
        return changed

    def set_zone(self, zone: ZoneInfo) -> None:
        """The office time zone for the times shown (call before set_rows)."""
        self._zone = zone

    def state_text(self, line: PresenceLine) -> str:
        """The state in words."""
        return self._state_texts[line.state]

    def _translated_states(self) -> dict[PresenceState, str]:
        # Built once: the state column is asked for every row on each sort, fit and reload.
        return {
            PresenceState.IN: self.tr("At work"),
            PresenceState.LEFT: self.tr("Left"),
            PresenceState.ABSENT: self.tr("Absent"),
            PresenceState.EXPECTED: self.tr("Expected"),
            PresenceState.EXCUSED: self.tr("Excused"),
            PresenceState.OFF: self.tr("Day off"),
            PresenceState.UNSCHEDULED: self.tr("Not scheduled"),
        }

    @staticmethod
    def _name(line: PresenceLine) -> str:
        return line.full_name

    @staticmethod
    def _position(line: PresenceLine) -> str:
        return line.position or ""

    @staticmethod
    def _state_order(line: PresenceLine) -> int:
        return STATE_ORDER[line.state]

    def _state_icon(self, line: PresenceLine) -> QIcon:
        return self._icons[line.state]

    @staticmethod
    def _plan(line: PresenceLine) -> str:
        return line.plan

    def _first_in(self, line: PresenceLine) -> str:
        return local_time(line.first_in, self._zone)

    @staticmethod
    def _first_in_key(line: PresenceLine) -> float:
        return timestamp(line.first_in)

    def _last_out(self, line: PresenceLine) -> str:
        return local_time(line.last_out, self._zone) if line.state is not PresenceState.IN else ""

    @staticmethod
    def _last_out_key(line: PresenceLine) -> float:
        return timestamp(line.last_out)

    @staticmethod
    def _late(line: PresenceLine) -> str:
        return minutes_text(line.late_seconds)

    @staticmethod
    def _late_key(line: PresenceLine) -> int:
        return line.late_seconds

    @staticmethod
    def _worked(line: PresenceLine) -> str:
        return duration(line.worked_seconds)

    @staticmethod
    def _worked_key(line: PresenceLine) -> int:
        return line.worked_seconds
