"""A table model over a list of frozen row DTOs, described by columns; the base of every table model."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
SortKey = str | int | float


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    """How one column shows a row: text, a native sort value, alignment and an optional icon."""

    display: Callable[[T], str]
    sort_key: Callable[[T], SortKey] | None = None
    align_right: bool = False
    icon: Callable[[T], QIcon | None] | None = None
    tooltip: Callable[[T], str] | None = None


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Owns a ``list`` of rows; ``set_rows`` resets, ``replace_row`` emits ``dataChanged``.

    Subclasses give ``columns`` and translated ``headers()``; ``SORT_ROLE`` returns native values and
    ``ROW_ROLE`` the row itself.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[T] = []

    def headers(self) -> list[str]:
        """Translated column titles, one per column."""
        raise NotImplementedError

    @property
    def rows(self) -> list[T]:
        """The rows (do not modify; use set_rows or replace_row)."""
        return self._rows

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, position: int, row: T) -> None:
        """Replace one row and announce the change."""
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._columns) - 1))

    def refresh_all(self) -> None:
        """Announce that every cell may look different (e.g. another time zone)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    def prepend_rows(self, rows: Sequence[T]) -> None:
        """Insert rows at the top (the newest first in feeds)."""
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        self._rows[:0] = rows
        self.endInsertRows()

    def trim_to(self, limit: int) -> None:
        """Drop rows beyond ``limit`` at the bottom (bounded feeds)."""
        if len(self._rows) <= limit:
            return
        self.beginRemoveRows(QModelIndex(), limit, len(self._rows) - 1)
        del self._rows[limit:]
        self.endRemoveRows()

    def row_at(self, position: int) -> T:
        """The row shown at a position."""
        return self._rows[position]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rows (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Columns (none under a valid parent)."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, sort value, alignment, icon, tooltip or the row itself."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        return self._role_value(row, column, role)

    @staticmethod
    def _role_value(row: T, column: Column[T], role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.display(row).casefold()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Translated titles across the top."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = self.headers()
            return titles[section] if 0 <= section < len(titles) else None
        return super().headerData(section, orientation, role)


class SearchProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` and filters on any column, case-insensitively.

    Signals:
        (none besides QSortFilterProxyModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)
