"""The month grid of schedule cells: employees down, days across; weekends, holidays, night shifts marked."""

import calendar
from datetime import date, time

from PySide6.QtCore import QAbstractTableModel, QCollator, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from timetracker_desktop.domain.absences import AbsenceType, absence_days
from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.schedule_rules import find_code, format_cell
from timetracker_desktop.domain.schedules import CodeMeaning, ScheduleCell, ScheduleCode
from timetracker_desktop.gui.kit.formatting import long_date
from timetracker_desktop.gui.kit.table_model import ROW_ROLE, Index
from timetracker_desktop.gui.kit.vocabulary import absence_type_words
from timetracker_desktop.services.schedules.month import ScheduleMonth

NIGHT_MARK = "\u263e"  # ☾ after an overnight shift
SHADES = {
    "weekend": QColor("#eceff1"),
    "holiday": QColor("#ffe0e6"),
    "night": QColor("#e3dcf5"),
    "rejected": QColor("#ffb3b3"),
    CodeMeaning.DAY_OFF.value: QColor("#b0bec5"),  # the walk: #d7dbdd beside white and weekend grey vanished
    CodeMeaning.EXCUSED.value: QColor("#fff1c1"),
    CodeMeaning.WORK.value: QColor("#d4f0d9"),
}
Key = tuple[int, date]


def _clock(t: time) -> str:
    return str(t.hour) if t.minute == 0 else f"{t.hour}:{t.minute:02d}"


def compact_text(cell: ScheduleCell | None) -> str:
    """``8-17``, ``8:30-17``, ``22-6 ☾`` or the code; empty for no cell."""
    if cell is None:
        return ""
    if cell.start is None or cell.end is None:
        return cell.code or ""
    text = f"{_clock(cell.start)}-{_clock(cell.end)}"
    return f"{text} {NIGHT_MARK}" if cell.is_overnight else text


class ScheduleGridModel(QAbstractTableModel):
    """One row per active employee, one column per day of the month.

    Editing does not change the model: ``setData`` asks for a save through ``cell_edited``; the view calls
    ``put_cell`` when the service stored it, or ``reject`` with a message, which keeps both the stored cell
    and the typed text (offered again when the cell is edited).

    Signals:
        cell_edited(int, object, str): employee id, day (``date``) and the text typed.
    """

    cell_edited = Signal(int, object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._employees: list[Employee] = []
        self._days: list[date] = []
        self._cells: dict[Key, ScheduleCell] = {}
        self._holidays: dict[date, str] = {}
        self._codes: tuple[ScheduleCode, ...] = ()
        self._drafts: dict[Key, tuple[str, str]] = {}
        self._absences: dict[Key, AbsenceType] = {}
        self.editable = True

    def set_month(self, month: ScheduleMonth) -> None:
        """Show a month (resets the model)."""
        self.beginResetModel()
        collator = QCollator(QLocale())
        self._employees = sorted(month.employees, key=lambda e: collator.sortKey(e.full_name))
        days = calendar.monthrange(month.year, month.month)[1]
        self._days = [date(month.year, month.month, d) for d in range(1, days + 1)]
        self._cells = {(c.employee_id, c.day): c for c in month.cells}
        self._holidays = {h.day: h.name for h in month.holidays}
        self._codes = month.codes
        self._drafts = {}
        self._absences = {
            (employee_id, day): kind
            for employee_id, days in absence_days(month.absences, self._days[0], self._days[-1]).items()
            for day, kind in days.items()
        }
        self.endResetModel()

    @property
    def days(self) -> list[date]:
        """The month's dates, one per column."""
        return self._days

    @property
    def employees(self) -> list[Employee]:
        """The employees, one per row."""
        return self._employees

    def absence(self, employee_id: int, day: date) -> AbsenceType | None:
        """The absence covering an employee's day, if any."""
        return self._absences.get((employee_id, day))

    def stored(self, employee_id: int, day: date) -> ScheduleCell | None:
        """The stored cell of an employee's day."""
        return self._cells.get((employee_id, day))

    def key_at(self, index: Index) -> Key:
        """(employee id, day) of a grid position."""
        return self._employees[index.row()].id, self._days[index.column()]

    def draft(self, employee_id: int, day: date) -> str | None:
        """The rejected text kept at a cell, if any."""
        kept = self._drafts.get((employee_id, day))
        return kept[0] if kept else None

    def put_cell(self, employee_id: int, day: date, cell: ScheduleCell | None) -> None:
        """Show what the service stored (None: cleared)."""
        key = (employee_id, day)
        self._drafts.pop(key, None)
        if cell is None:
            self._cells.pop(key, None)
        else:
            self._cells[key] = cell
        self._changed(key)

    def forget_draft(self, employee_id: int, day: date) -> None:
        """Drop a refused text (Delete on the cell); the stored cell stays."""
        if self._drafts.pop((employee_id, day), None) is not None:
            self._changed((employee_id, day))

    def reject(self, employee_id: int, day: date, text: str, message: str) -> None:
        """Keep a refused text and its message at the cell; the stored cell stays."""
        key = (employee_id, day)
        self._drafts[key] = (text, message)
        self._changed(key)

    def _changed(self, key: Key) -> None:
        position = self._position(key)
        if position is not None:
            index = self.index(*position)
            self.dataChanged.emit(index, index)

    def _position(self, key: Key) -> tuple[int, int] | None:
        rows = [r for r, e in enumerate(self._employees) if e.id == key[0]]
        if not rows or key[1] not in self._days:
            return None
        return rows[0], self._days.index(key[1])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Employees."""
        return 0 if parent.isValid() else len(self._employees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Days."""
        return 0 if parent.isValid() else len(self._days)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable, and editable unless the user may only read."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self.editable else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Compact text, full text for editing, shading, tooltip."""
        if not index.isValid() or not self._in_range(index):
            return None
        key = self.key_at(index)
        cell = self._cells.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            away = self._absences.get(key)  # the absence explains the day; its plan stays for editing
            return away.value if away is not None and key not in self._drafts else compact_text(cell)
        if role == Qt.ItemDataRole.EditRole:
            return self.draft(*key) or (format_cell(cell) if cell else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._shade(key, cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(key, cell)
        if role == ROW_ROLE:
            return cell
        return None

    def _in_range(self, index: Index) -> bool:
        return 0 <= index.row() < len(self._employees) and 0 <= index.column() < len(self._days)

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ask for a save of the typed text (the model changes when the service answers)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        text = str(value or "").strip()
        key = self.key_at(index)
        cell = self._cells.get(key)
        if text == (format_cell(cell) if cell else "") and key not in self._drafts:
            return False
        self.cell_edited.emit(key[0], key[1], text)
        return True

    def _shade(self, key: Key, cell: ScheduleCell | None) -> QColor | None:
        if key in self._drafts:
            return SHADES["rejected"]
        if key in self._absences:
            return SHADES[CodeMeaning.EXCUSED.value]
        if cell is not None and cell.is_overnight:
            return SHADES["night"]
        entry = find_code(cell.code, self._codes) if cell is not None and cell.code else None
        if entry is not None:
            return SHADES[entry.meaning.value]
        if key[1] in self._holidays:
            return SHADES["holiday"]
        return SHADES["weekend"] if key[1].weekday() >= 5 else None

    def _tooltip(self, key: Key, cell: ScheduleCell | None) -> str:
        lines = [long_date(key[1])]
        if key[1] in self._holidays:
            lines.append(self.tr("Holiday: {0}").format(self._holidays[key[1]]))
        if cell is not None:
            lines.append(format_cell(cell))
        if cell is not None and cell.break_minutes:
            lines.append(self.tr("Break: {0} min").format(cell.break_minutes))
        if cell is not None and cell.is_overnight:
            lines.append(self.tr("Night shift: ends the next day"))
        if key in self._absences:
            lines.append(self.tr("Absence: {0}").format(absence_type_words(self._absences[key])))
        if key in self._drafts:
            text, message = self._drafts[key]
            lines.append(self.tr("Not saved: «{0}». {1}").format(text, message))
        return "\n".join(lines)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Day number and weekday across; employee names down."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._days):
            return self._day_header(self._days[section], role)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._employees):
            return self._employees[section].full_name if role == Qt.ItemDataRole.DisplayRole else None
        return None

    def _day_header(self, day: date, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{day.day}\n{QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._holidays.get(day)
        if role == Qt.ItemDataRole.ForegroundRole and (day.weekday() >= 5 or day in self._holidays):
            return QColor("#b00020")
        return None
