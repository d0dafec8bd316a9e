"""The queue of unassigned punches: when, where, what was read and why nobody matched."""

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.gui.kit.formatting import local_date_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.services.attendance.unassigned import UnassignedLine


class UnassignedTableModel(RowTableModel[UnassignedLine]):
    """Rows of ``UnassignedLine``, newest first.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self.zone = ZoneInfo("UTC")
        super().__init__(
            [
                Column(self._time, self._time_key),
                Column(self._terminal),
                Column(self.kind_text),
                Column(self._value),
                Column(self.reason_text),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Time"), self.tr("Terminal"), self.tr("Kind"), self.tr("Value read"), self.tr("Why")]

    def kind_text(self, line: UnassignedLine) -> str:
        """Card, phone or PIN."""
        words = {
            BadgeKind.CARD: self.tr("card"),
            BadgeKind.PHONE: self.tr("phone"),
            BadgeKind.PIN: self.tr("PIN"),
        }
        return words[line.item.kind]

    def reason_text(self, line: UnassignedLine) -> str:
        """Why the read matched nobody, in words."""
        words = {
            "unknown": self.tr("unknown badge"),
            "revoked_badge": self.tr("revoked badge"),
            "inactive_employee": self.tr("deactivated employee"),
            "unverified_phone": self.tr("unverified phone (unsigned)"),
            "enrollment_request": self.tr("enrollment request"),
        }
        return words.get(line.item.reason, line.item.reason)

    def _time(self, line: UnassignedLine) -> str:
        return local_date_time(line.item.at, self.zone)

    @staticmethod
    def _time_key(line: UnassignedLine) -> float:
        return timestamp(line.item.at)

    @staticmethod
    def _terminal(line: UnassignedLine) -> str:
        return line.terminal_name or ""

    @staticmethod
    def _value(line: UnassignedLine) -> str:
        item = line.item
        if item.canonical_value and item.canonical_value != item.raw_value:
            return f"{item.raw_value} → {item.canonical_value}"
        return item.raw_value
