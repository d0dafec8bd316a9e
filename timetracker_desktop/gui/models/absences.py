"""An employee's absences: type, first and last day, days, document and note."""

from PySide6.QtCore import QObject

from timetracker_desktop.domain.absences import Absence
from timetracker_desktop.gui.kit.formatting import short_date
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.gui.kit.vocabulary import absence_type_words


class AbsenceTableModel(RowTableModel[Absence]):
    """Rows of ``Absence`` in date order.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self._type),
                Column(self._first, self._first_key),
                Column(self._last, self._last_key),
                Column(self._days, self._days_key, align_right=True),
                Column(self._document),
                Column(self._note),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Type"),
            self.tr("From"),
            self.tr("To"),
            self.tr("Days"),
            self.tr("Document"),
            self.tr("Note"),
        ]

    @staticmethod
    def _type(absence: Absence) -> str:
        return absence_type_words(absence.kind)

    @staticmethod
    def _first(absence: Absence) -> str:
        return short_date(absence.first)

    @staticmethod
    def _first_key(absence: Absence) -> int:
        return absence.first.toordinal()

    @staticmethod
    def _last(absence: Absence) -> str:
        return short_date(absence.last)

    @staticmethod
    def _last_key(absence: Absence) -> int:
        return absence.last.toordinal()

    @staticmethod
    def _days(absence: Absence) -> str:
        return str(absence.days)

    @staticmethod
    def _days_key(absence: Absence) -> int:
        return absence.days

    @staticmethod
    def _document(absence: Absence) -> str:
        return absence.document or ""

    @staticmethod
    def _note(absence: Absence) -> str:
        return absence.note or ""
