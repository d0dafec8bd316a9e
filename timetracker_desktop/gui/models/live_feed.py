"""The live feed of taps, newest first, bounded in length; a punch id is shown once."""

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.gui.kit.formatting import local_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.repositories.ports.storage import PunchLine

FEED_ROWS = 300


class LiveFeedModel(RowTableModel[PunchLine]):
    """Rows of ``PunchLine``; ``add`` ignores punches already shown.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._zone = ZoneInfo("UTC")
        self._seen: set[int] = set()
        super().__init__(
            [
                Column(self._time, self._time_key),
                Column(self._employee),
                Column(self.direction_text),
                Column(self._terminal),
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

    def add(self, lines: Sequence[PunchLine]) -> int:
        """Show new punches (given oldest first) at the top; returns how many were new."""
        fresh = [line for line in lines if line.id not in self._seen]
        self._seen.update(line.id for line in fresh)
        self.prepend_rows(list(reversed(fresh)))
        self.trim_to(FEED_ROWS)
        return len(fresh)

    def direction_text(self, line: PunchLine) -> str:
        """IN/OUT in words."""
        if line.direction is Direction.IN:
            return self.tr("In")
        if line.direction is Direction.OUT:
            return self.tr("Out")
        return self.tr("Tap")

    def _time(self, line: PunchLine) -> str:
        return local_time(line.at, self._zone)

    @staticmethod
    def _time_key(line: PunchLine) -> float:
        return timestamp(line.at)

    @staticmethod
    def _employee(line: PunchLine) -> str:
        return line.employee_name

    def _terminal(self, line: PunchLine) -> str:
        return line.terminal_name or self.tr("manual")
