"""An employee's badges: kind, value, issued, and revocation."""

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from timetracker_desktop.domain.employees import Badge, BadgeKind
from timetracker_desktop.gui.kit.formatting import local_date_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel


class BadgeTableModel(RowTableModel[Badge]):
    """Rows of ``Badge``, active ones first.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._zone = ZoneInfo("UTC")
        super().__init__(
            [
                Column(self.kind_text),
                Column(self._value),
                Column(self._issued, self._issued_key),
                Column(self.state_text),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Kind"), self.tr("Badge"), self.tr("Issued"), self.tr("Status")]

    def set_zone(self, zone: ZoneInfo) -> None:
        """The office time zone for the times shown."""
        self._zone = zone

    def kind_text(self, badge: Badge) -> str:
        """The badge kind in words."""
        texts = {
            BadgeKind.CARD: self.tr("Card"),
            BadgeKind.PHONE: self.tr("Phone"),
            BadgeKind.PIN: self.tr("PIN"),
        }
        return texts[badge.kind]

    def state_text(self, badge: Badge) -> str:
        """Active, or revoked with the time and reason."""
        if badge.is_active:
            return self.tr("Active")
        return self.tr("Revoked {0}: {1}").format(
            local_date_time(badge.revoked_at, self._zone), badge.revoke_reason or ""
        )

    @staticmethod
    def _value(badge: Badge) -> str:
        return badge.value

    def _issued(self, badge: Badge) -> str:
        return local_date_time(badge.created_at, self._zone)

    @staticmethod
    def _issued_key(badge: Badge) -> float:
        return timestamp(badge.created_at)
