"""The terminals table: name, kind, location, online state and last seen."""

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon

from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.gui.kit.formatting import local_date_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.services.terminals.overview import TerminalStatus


class TerminalTableModel(RowTableModel[TerminalStatus]):
    """Rows of ``TerminalStatus``.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._zone = ZoneInfo("UTC")
        self._online = QIcon(":/icons/online.svg")
        self._offline = QIcon(":/icons/offline.svg")
        super().__init__(
            [
                Column(self._name),
                Column(self.kind_text),
                Column(self._location),
                Column(self.state_text, self._state_key, icon=self._state_icon),
                Column(self._last_seen, self._last_seen_key),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Terminal"),
            self.tr("Kind"),
            self.tr("Location"),
            self.tr("State"),
            self.tr("Last seen"),
        ]

    def set_zone(self, zone: ZoneInfo) -> None:
        """The office time zone for the times shown."""
        self._zone = zone

    def kind_text(self, status: TerminalStatus) -> str:
        """The terminal kind in words."""
        texts = {
            TerminalKind.ANDROID: self.tr("Android terminal"),
            TerminalKind.CARD_READER: self.tr("Card reader"),
            TerminalKind.ADMS: self.tr("ZKTeco (ADMS)"),
        }
        return texts[status.terminal.kind]

    def state_text(self, status: TerminalStatus) -> str:
        """Online, offline or deactivated."""
        if not status.terminal.is_active:
            return self.tr("Deactivated")
        return self.tr("Online") if status.online else self.tr("Offline")

    @staticmethod
    def _state_key(status: TerminalStatus) -> int:
        return 0 if status.online else 1 if status.terminal.is_active else 2

    def _state_icon(self, status: TerminalStatus) -> QIcon:
        return self._online if status.online else self._offline

    @staticmethod
    def _name(status: TerminalStatus) -> str:
        return status.terminal.name

    @staticmethod
    def _location(status: TerminalStatus) -> str:
        return status.terminal.location or ""

    def _last_seen(self, status: TerminalStatus) -> str:
        return local_date_time(status.terminal.last_seen_at, self._zone) or self.tr("never")

    @staticmethod
    def _last_seen_key(status: TerminalStatus) -> float:
        return timestamp(status.terminal.last_seen_at)
