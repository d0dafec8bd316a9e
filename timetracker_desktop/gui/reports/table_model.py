"""A read-only table model over a report table: rows, a bold totals row, shaded days and marked anomalies."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from timetracker_desktop.domain.report_detail import Remark
from timetracker_desktop.domain.reports import DayMark
from timetracker_desktop.gui.reports.cells import ReportCells
from timetracker_desktop.gui.reports.words import word
from timetracker_desktop.services.reports.labels import ReportLabel, short_label
from timetracker_desktop.services.reports.tables import CellValue, Column, ColumnKind, ReportTable

Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole + 3
_NUMERIC = (ColumnKind.DURATION, ColumnKind.COUNT)
_CENTERED = (ColumnKind.DAY, ColumnKind.SHIFT, ColumnKind.CODE, ColumnKind.DATE, ColumnKind.TIME)
# remarks that are facts about corrections rather than problems
_CORRECTIONS = frozenset({Remark.MANUAL, Remark.DIRECTION_SET, Remark.VOIDED})
SHADES = {
    "weekend": QColor("#eef1f5"),
    "absent": QColor("#f8d7da"),
    "incomplete": QColor("#fff3cd"),
    "anomaly": QColor("#fff3cd"),
    "correction": QColor("#dbeafe"),
    "voided": QColor("#9ca3af"),
}


def _remarks(value: CellValue) -> tuple[Remark, ...]:
    return tuple(v for v in value if isinstance(v, Remark)) if isinstance(value, tuple) else ()


class ReportTableModel(QAbstractTableModel):
    """Shows a ReportTable; the totals row (if any) comes last and is bold.

    ``RAW_ROLE`` returns the native cell value (seconds, dates, enums) for tests and callers.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: ReportTable | None = None
        self._cells: ReportCells | None = None
        self._remarks_column: int | None = None

    @property
    def table(self) -> ReportTable | None:
        """The report shown, if any."""
        return self._table

    def set_table(self, table: ReportTable | None) -> None:
        """Show another report (None: empty)."""
        self.beginResetModel()
        self._table = table
        self._cells = ReportCells(table) if table is not None else None
        keys = [c.key for c in table.columns] if table is not None else []
        self._remarks_column = keys.index(ReportLabel.REMARKS) if ReportLabel.REMARKS in keys else None
        self.endResetModel()

    def _row_values(self, row: int) -> tuple[CellValue, ...]:
        assert self._table is not None  # noqa: S101 - narrows the type for mypy
        rows = self._table.rows
        if row < len(rows):
            return rows[row]
        assert self._table.totals is not None  # noqa: S101 - narrows the type for mypy
        return self._table.totals

    def is_totals_row(self, row: int) -> bool:
        """True for the totals row at the bottom."""
        return self._table is not None and self._table.totals is not None and row == len(self._table.rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Data rows plus the totals row."""
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.rows) + (1 if self._table.totals is not None else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The report's columns."""
        return 0 if parent.isValid() or self._table is None else len(self._table.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, raw value, alignment, shading, font and tooltips."""
        if self._table is None or self._cells is None or not index.isValid():
            return None
        if not 0 <= index.row() < self.rowCount() or not 0 <= index.column() < self.columnCount():
            return None
        values = self._row_values(index.row())
        column = self._table.columns[index.column()]
        value = values[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(value, column, role)
        if role == RAW_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(values, value, column)
        if role == Qt.ItemDataRole.ForegroundRole and self._voided(values):
            return QBrush(SHADES["voided"])
        if role == Qt.ItemDataRole.FontRole:
            return self._font(index.row(), values)
        return None

    def _text(self, value: CellValue, column: Column, role: int) -> str | None:
        assert self._cells is not None  # noqa: S101 - narrows the type for mypy
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells.cell(value, column)
        if column.kind is ColumnKind.DAY and isinstance(value, DayMark) and short_label(value):
            return word(value)  # the short mark spelt out
        return None

    @staticmethod
    def _alignment(column: Column) -> int:
        if column.kind in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column.kind in _CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def _background(self, values: tuple[CellValue, ...], value: CellValue, column: Column) -> QBrush | None:
        if value is DayMark.ABSENT:
            return QBrush(SHADES["absent"])
        if value is DayMark.INCOMPLETE:
            return QBrush(SHADES["incomplete"])
        remarks = self._row_remarks(values)
        if any(r not in _CORRECTIONS for r in remarks):
            return QBrush(SHADES["anomaly"])
        if remarks:
            return QBrush(SHADES["correction"])
        return QBrush(SHADES["weekend"]) if column.shaded else None

    def _row_remarks(self, values: tuple[CellValue, ...]) -> tuple[Remark, ...]:
        return _remarks(values[self._remarks_column]) if self._remarks_column is not None else ()

    def _voided(self, values: tuple[CellValue, ...]) -> bool:
        return Remark.VOIDED in self._row_remarks(values)

    def _font(self, row: int, values: tuple[CellValue, ...]) -> QFont | None:
        if self.is_totals_row(row):
            font = QFont()
            font.setBold(True)
            return font
        if self._voided(values):
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column headings across the top."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and self._table is not None
            and self._cells is not None
            and 0 <= section < len(self._table.columns)
        ):
            return self._cells.header(self._table.columns[section])
        return super().headerData(section, orientation, role)
