"""The holidays table: date and name."""

from PySide6.QtCore import QDate, QLocale, QObject

from timetracker_desktop.domain.schedules import Holiday
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel


class HolidayTableModel(RowTableModel[Holiday]):
    """Rows of ``Holiday``.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([Column(self._day, self._day_key), Column(self._name)], parent)

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Date"), self.tr("Holiday")]

    @staticmethod
    def _day(holiday: Holiday) -> str:
        day = holiday.day
        return QLocale().toString(QDate(day.year, day.month, day.day), "dd.MM.yyyy, ddd")

    @staticmethod
    def _day_key(holiday: Holiday) -> int:
        return holiday.day.toordinal()

    @staticmethod
    def _name(holiday: Holiday) -> str:
        return holiday.name
