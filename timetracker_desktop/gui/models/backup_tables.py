"""The tables of a backup: row count and checksum of each, as the restore checks them."""

from PySide6.QtCore import QObject

from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.gui.kit.vocabulary import table_words
from timetracker_desktop.repositories.ports.backup import TableDigest

CHECKSUM_SHOWN = 16


class BackupTablesModel(RowTableModel[TableDigest]):
    """Rows of ``TableDigest``: table in words, rows, the start of its SHA-256 checksum.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self._words, tooltip=self._name),
                Column(self._row_text, self._row_count, align_right=True),
                Column(self._checksum, tooltip=self._full_checksum),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Table"), self.tr("Rows"), self.tr("Checksum (SHA-256)")]

    @staticmethod
    def _words(table: TableDigest) -> str:
        return table_words(table.name)

    @staticmethod
    def _name(table: TableDigest) -> str:
        return table.name  # the stored name, for support questions

    @staticmethod
    def _row_text(table: TableDigest) -> str:
        return str(table.rows)

    @staticmethod
    def _row_count(table: TableDigest) -> int:
        return table.rows

    @staticmethod
    def _checksum(table: TableDigest) -> str:
        return f"{table.checksum[:CHECKSUM_SHOWN]}…"

    @staticmethod
    def _full_checksum(table: TableDigest) -> str:
        return table.checksum
