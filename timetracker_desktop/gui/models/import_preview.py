"""The import preview: each file row with its problems in words."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon

from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.gui.kit.vocabulary import error_sentence
from timetracker_desktop.services.people.employee_import import ImportRow


class ImportPreviewModel(RowTableModel[ImportRow]):
    """Rows of ``ImportRow``; rows with problems carry a warning icon.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._problem_icon = QIcon(":/icons/offline.svg")
        super().__init__(
            [
                Column(self._line, self._line_key, align_right=True, icon=self._icon),
                Column(self._name),
                Column(self._position),
                Column(self._card),
                Column(self._phone),
                Column(self.problems_text),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Line"),
            self.tr("Full name"),
            self.tr("Position"),
            self.tr("Card UID"),
            self.tr("Phone badge"),
            self.tr("Problems"),
        ]

    def problems_text(self, row: ImportRow) -> str:
        """Every problem of the row, translated."""
        return "; ".join(error_sentence(e.code, e.field) for e in row.errors)

    def _icon(self, row: ImportRow) -> QIcon | None:
        return self._problem_icon if row.errors else None

    @staticmethod
    def _line(row: ImportRow) -> str:
        return str(row.line)

    @staticmethod
    def _line_key(row: ImportRow) -> int:
        return row.line

    @staticmethod
    def _name(row: ImportRow) -> str:
        return row.draft.full_name

    @staticmethod
    def _position(row: ImportRow) -> str:
        return row.draft.position or ""

    @staticmethod
    def _card(row: ImportRow) -> str:
        return row.draft.card_uid or ""

    @staticmethod
    def _phone(row: ImportRow) -> str:
        return row.draft.phone_code or ""
