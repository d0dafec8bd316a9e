"""Rows added per month to the tables that grow: punches, audit entries, scan receipts, unassigned punches."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale, QObject

from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.repositories.ports.database_care import GrowthTable
from timetracker_desktop.services.database_care.stats import DatabaseStats


@dataclass(frozen=True, slots=True)
class MonthLine:
    """One month with its new rows per table."""

    month: date
    punches: int
    audit_entries: int
    scan_receipts: int
    unassigned: int


def month_lines(stats: DatabaseStats) -> list[MonthLine]:
    """Every month any table grew in, newest first."""
    per_table = {t.table: {m.month: m.rows for m in t.months} for t in stats.tables}
    months = sorted({month for rows in per_table.values() for month in rows}, reverse=True)
    return [
        MonthLine(
            month,
            per_table[GrowthTable.PUNCHES].get(month, 0),
            per_table[GrowthTable.AUDIT_ENTRIES].get(month, 0),
            per_table[GrowthTable.SCAN_RECEIPTS].get(month, 0),
            per_table[GrowthTable.UNASSIGNED_PUNCHES].get(month, 0),
        )
        for month in months
    ]


def _count(read: Callable[[MonthLine], int]) -> Column[MonthLine]:
    return Column(lambda line: QLocale().toString(read(line)), read, align_right=True)


class DatabaseGrowthModel(RowTableModel[MonthLine]):
    """Rows of ``MonthLine``: the month, then one count per growing table.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self._month, lambda line: line.month.toordinal()),
                _count(lambda line: line.punches),
                _count(lambda line: line.audit_entries),
                _count(lambda line: line.scan_receipts),
                _count(lambda line: line.unassigned),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Month"),
            self.tr("Punches"),
            self.tr("Audit entries"),
            self.tr("Scan receipts"),
            self.tr("Unassigned punches"),
        ]

    @staticmethod
    def _month(line: MonthLine) -> str:
        return f"{QLocale().standaloneMonthName(line.month.month)} {line.month.year}"
