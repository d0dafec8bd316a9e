"""The holidays of the shown year beside the schedule grid: add (or rename) and remove."""

from datetime import date
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from timetracker_desktop.domain.schedules import Holiday
from timetracker_desktop.domain.users import Permission
from timetracker_desktop.gui.dialogs.holiday_dialog import HolidayDialog
from timetracker_desktop.gui.dialogs.workflow_messages import explain
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.dates import to_qdate
from timetracker_desktop.gui.kit.table_model import ROW_ROLE, SearchProxy
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.models.holidays import HolidayTableModel


class HolidaysPanel(QWidget):
    """Lists a year's holidays; editors add and remove them.

    Signals:
        changed(): a holiday was added, renamed or removed.
    """

    changed = Signal()

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._month = date(2000, 1, 1)
        self.dialog: QWidget | None = None
        editor = context.can(Permission.EDIT_PEOPLE)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600")
        self.model = HolidayTableModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("holidaysTable")
        self.table.setModel(self.proxy)
        self.table.setWordWrap(False)
        self.add_button = action_button("addHoliday", self.tr("Add..."), ":/icons/add.svg", editor)
        self.remove_button = action_button("removeHoliday", self.tr("Remove"), ":/icons/remove.svg", editor)
        self.status = QLabel()
        self.status.setObjectName("holidaysStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)

    def show_month(self, month: date) -> None:
        """Load the holidays of a month's year in the background (new ones default to that month)."""
        self._month = month
        year = month.year
        self.title.setText(self.tr("Holidays of {0}").format(year))
        work = partial(self._context.services.schedules.holidays, date(year, 1, 1), date(year, 12, 31))
        self._context.runner.run(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, holidays: list[Holiday]) -> None:
        self.model.set_rows(holidays)
        self.table.sortByColumn(0, self.table.horizontalHeader().sortIndicatorOrder())
        self.table.resizeColumnToContents(0)

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(explain(error))

    def selected_holiday(self) -> Holiday | None:
        """The holiday selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        holiday = self.proxy.data(rows[0], ROW_ROLE) if rows else None
        return holiday if isinstance(holiday, Holiday) else None

    def _on_add_clicked(self) -> None:
        dialog = HolidayDialog(self._context, to_qdate(self._month), self)
        dialog.saved.connect(self._on_saved)
        self.dialog = dialog
        dialog.open()

    def _on_remove_clicked(self) -> None:
        holiday = self.selected_holiday()
        if holiday is None:
            return
        work = partial(self._context.services.schedules.remove_holiday, self._context.actor, holiday.day)
        self._context.runner.run(work, self._on_saved, self._on_failed, write=True)

    def _on_saved(self, _result: object) -> None:
        self.status.clear()
        self.show_month(self._month)
        self.changed.emit()
