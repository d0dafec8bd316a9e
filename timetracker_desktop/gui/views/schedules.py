"""Schedules: the month grid (type ``8-17``, ``22:00-06:00`` or a code; Enter saves, Delete clears)."""

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.absences import Absence
from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.domain.schedules import ScheduleCell, ScheduleCode
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.gui.dialogs.absence_dialog import AbsenceDialog
from timetracker_desktop.gui.dialogs.template_dialogs import ApplyTemplateDialog
from timetracker_desktop.gui.dialogs.workflow_messages import explain
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.field_errors import ERROR_STYLE
from timetracker_desktop.gui.kit.widgets import action_button
from timetracker_desktop.gui.models.schedule_grid import NIGHT_MARK, SHADES, ScheduleGridModel
from timetracker_desktop.gui.views.schedules_holidays import HolidaysPanel
from timetracker_desktop.services.schedules.month import ScheduleMonth, ScheduleMonthService
from timetracker_desktop.services.schedules.schedules import ScheduleService

CELL_WIDTH = 58
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True, slots=True)
class CellOutcome:
    """What became of one typed cell: stored (``cell``, None when cleared) or refused (``error``)."""

    employee_id: int
    day: date
    text: str
    cell: ScheduleCell | None = None
    error: DomainError | None = None


def save_cell(
    service: ScheduleService, actor: Actor, employee_id: int, day: date, text: str, break_minutes: int
) -> CellOutcome:
    """Store one cell (worker thread); a refused text comes back as the outcome, not raised."""
    try:
        cell = service.set_cell(actor, employee_id, day, text, break_minutes)
    except DomainError as error:
        return CellOutcome(employee_id, day, text, error=error)
    return CellOutcome(employee_id, day, text, cell)


def clear_cells(
    service: ScheduleService, actor: Actor, keys: Sequence[tuple[int, date]]
) -> list[tuple[int, date]]:
    """Clear cells one by one (worker thread); returns the keys cleared."""
    for employee_id, day in keys:
        service.set_cell(actor, employee_id, day, "")
    return list(keys)


class ScheduleTable(QTableView):
    """The grid: typing starts editing, Enter edits or saves, Delete clears the selected cells.

    Signals:
        clear_requested(): Delete or Backspace was pressed outside an editor.
    """

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleGrid")
        self.setEditTriggers(
            QTableView.EditTrigger.AnyKeyPressed
            | QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultSectionSize(CELL_WIDTH)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete clears; Enter opens the editor (inside it, Enter saves)."""
        if self.state() != QTableView.State.EditingState:
            if event.key() in _CLEAR_KEYS:
                self.clear_requested.emit()
                return
            if event.key() in _EDIT_KEYS and self.currentIndex().isValid():
                self.edit(self.currentIndex())
                return
        super().keyPressEvent(event)


class SchedulesView(QWidget):
    """A month of schedule cells for every active employee, with holidays and templates.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._reader = ScheduleMonthService(context.services.uow, context.services.clock)
        self._loaded: ScheduleMonth | None = None
        self._month: tuple[int, int] | None = None
        self.dialog: QWidget | None = None
        editor = context.can(Permission.EDIT_PEOPLE)
        self.previous_button = self._button("previousMonth", "◀", self.tr("Previous month"))
        self.next_button = self._button("nextMonth", "▶", self.tr("Next month"))
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        self.month_label.setStyleSheet("font-size: 14pt; font-weight: 600")
        self.break_minutes = QSpinBox()
        self.break_minutes.setObjectName("breakMinutes")
        self.break_minutes.setRange(0, 240)
        self.break_minutes.setSingleStep(15)
        self.break_minutes.setSuffix(self.tr(" min"))
        self.break_minutes.setToolTip(self.tr("Unpaid break saved with the shifts you type"))
        self.fill_button = action_button(
            "fillTemplate", self.tr("Fill from template..."), ":/icons/template.svg", editor
        )
        self.refresh_button = action_button("refreshSchedules", self.tr("Refresh"), ":/icons/refresh.svg")
        self.absence_button = action_button(
            "markAbsence", self.tr("Mark as absence..."), ":/icons/schedules.svg", editor
        )
        self.absence_button.setToolTip(self.tr("Select days of one employee, then record them as an absence"))
        self.model = ScheduleGridModel(self)
        self.model.editable = editor
        self.grid = ScheduleTable()
        self.grid.setModel(self.model)
        self.holidays = HolidaysPanel(context)
        self.legend = QLabel()
        self.legend.setObjectName("scheduleLegend")
        self.legend.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("schedulesStatus")
        self.status.setWordWrap(True)
        self.break_minutes.setVisible(editor)
        self._build_layout()
        self._connect_signals()
        self.refresh()

    def _button(self, name: str, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        if tooltip:
            button.setToolTip(tooltip)
        return button

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.month_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self._break_label = QLabel(self.tr("Break:"))
        self._break_label.setVisible(self.model.editable)
        bar.addWidget(self._break_label)
        bar.addWidget(self.break_minutes)
        bar.addWidget(self.absence_button)
        bar.addWidget(self.fill_button)
        bar.addWidget(self.refresh_button)
        splitter = QSplitter()
        splitter.addWidget(self.grid)
        splitter.addWidget(self.holidays)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.fill_button.clicked.connect(self._on_fill_clicked)
        self.model.cell_edited.connect(self._on_cell_edited)
        self.grid.clear_requested.connect(self._on_clear_requested)
        self.holidays.changed.connect(self.refresh)
        self.absence_button.clicked.connect(self._on_absence_clicked)
        self.grid.selectionModel().selectionChanged.connect(self._on_selection_changed)
        if self.model.editable:  # right-click on the selected days offers the same
            self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            mark = QAction(self.absence_button.text(), self.grid)
            mark.setObjectName("markAbsenceAction")
            mark.triggered.connect(self._on_absence_clicked)
            self.grid.addAction(mark)
            self.absence_action = mark
        self._on_selection_changed()

    def refresh(self) -> None:
        """Reload the shown month (the office's current month the first time)."""
        if self._month is None:
            self._context.runner.run(self._reader.current_month, self._on_month_known, self._on_failed)
        else:
            self.show_month(*self._month)

    def _on_month_known(self, month: tuple[int, int]) -> None:
        self.show_month(*month)

    def show_month(self, year: int, month: int) -> None:
        """Load a month in the background."""
        self._month = (year, month)
        name = QLocale().standaloneMonthName(month)
        self.month_label.setText(f"{name[:1].upper()}{name[1:]} {year}")
        self.holidays.show_month(date(year, month, 1))
        work = partial(self._reader.load, year, month)
        self._context.runner.run(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, month: ScheduleMonth) -> None:
        if (month.year, month.month) != self._month:
            return  # the user moved on meanwhile
        self._loaded = month
        self.model.set_month(month)
        self.grid.resizeRowsToContents()
        self.legend.setText(self._legend_html(month.codes))
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%n employee(s)", "", len(month.employees)))

    def _on_failed(self, error: BaseException) -> None:
        self._show_error(explain(error))

    def _show_error(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def _step(self, months: int) -> None:
        if self._month is None:
            return
        index = self._month[0] * 12 + self._month[1] - 1 + months
        self.show_month(index // 12, index % 12 + 1)

    def _on_previous_clicked(self) -> None:
        self._step(-1)

    def _on_next_clicked(self) -> None:
        self._step(1)

    def code_names(self) -> dict[str, str]:
        """The default code names in the user's language."""
        return {
            "day off": self.tr("day off"),
            "sick leave": self.tr("sick leave"),
            "vacation": self.tr("vacation"),
            "office day": self.tr("office day (no fixed times)"),
        }

    def _legend_html(self, codes: Sequence[ScheduleCode]) -> str:
        names = self.code_names()
        parts = [
            self._swatch(SHADES[c.meaning.value].name(), c.code, names.get(c.name, c.name)) for c in codes
        ]
        parts += [
            self._swatch(
                SHADES["night"].name(), f"22-6 {NIGHT_MARK}", self.tr("night shift, ends the next day")
            ),
            self._swatch(SHADES["excused"].name(), "ТН", self.tr("absence: a type of the form П-5")),
            self._swatch(SHADES["weekend"].name(), "", self.tr("weekend")),
            self._swatch(SHADES["holiday"].name(), "", self.tr("holiday")),
            self._swatch(SHADES["rejected"].name(), "", self.tr("not saved (see the cell's tooltip)")),
        ]
        hint = self.tr("Type 8-17, 8:30-17 or 22:00-06:00, or a code; Enter saves, Delete clears.")
        return "&nbsp;&nbsp; ".join(parts) + f"<br><i>{hint}</i>"

    @staticmethod
    def _swatch(color: str, code: str, text: str) -> str:
        swatch = f'<span style="background-color:{color}">&nbsp;{code or "&nbsp;&nbsp;"}&nbsp;</span>'
        return f'<span style="white-space:nowrap">{swatch}&nbsp;{text}</span>'

    def _on_cell_edited(self, employee_id: int, day: date, text: str) -> None:
        services = self._context.services
        work = partial(
            save_cell,
            services.schedules,
            self._context.actor,
            employee_id,
            day,
            text,
            self.break_minutes.value(),
        )
        self._context.runner.run(work, self._on_cell_saved, self._on_failed, write=True)

    def _on_cell_saved(self, outcome: CellOutcome) -> None:
        if outcome.error is None:
            self.model.put_cell(outcome.employee_id, outcome.day, outcome.cell)
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Saved."))
            return
        message = explain(outcome.error)
        self.model.reject(outcome.employee_id, outcome.day, outcome.text, message)
        self._show_error(self.tr("«{0}» was not saved: {1}").format(outcome.text, message))

    def selected_keys(self) -> list[tuple[int, date]]:
        """(employee id, day) of the selected cells."""
        return [self.model.key_at(index) for index in self.grid.selectionModel().selectedIndexes()]

    def _on_clear_requested(self) -> None:
        if not self.model.editable:
            return
        keys = self.selected_keys()
        for key in keys:
            self.model.forget_draft(*key)
        stored = [key for key in keys if self.model.stored(*key) is not None]
        if stored:
            work = partial(clear_cells, self._context.services.schedules, self._context.actor, stored)
            self._context.runner.run(work, self._on_cells_cleared, self._on_failed, write=True)

    def _on_cells_cleared(self, keys: list[tuple[int, date]]) -> None:
        for employee_id, day in keys:
            self.model.put_cell(employee_id, day, None)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%n cell(s) cleared", "", len(keys)))

    def selected_employee_ids(self) -> set[int]:
        """Employees with a selected cell (the template dialog preselects them)."""
        return {key[0] for key in self.selected_keys()}

    def absence_range(self) -> tuple[int, date, date] | None:
        """(employee id, first day, last day) when the selected cells are consecutive days of one employee."""
        keys = self.selected_keys()
        if self._absence_refusal(keys) is not None:
            return None
        days = [day for _, day in keys]
        return keys[0][0], min(days), max(days)

    def _absence_refusal(self, keys: list[tuple[int, date]]) -> str | None:
        """Why the selected cells cannot become one absence, in words; None when they can."""
        if not keys:
            return self.tr("Select one or more days of one employee first.")
        if len({employee_id for employee_id, _ in keys}) != 1:
            return self.tr("The selected days belong to several employees: select days of one employee.")
        days = {day for _, day in keys}
        if (max(days) - min(days)).days + 1 != len(days):
            return self.tr(
                "The selected days are not consecutive: an absence covers consecutive days,"
                " so select them without gaps (record each part separately)."
            )
        return None

    def _on_selection_changed(self, *_args: object) -> None:
        refusal = self._absence_refusal(self.selected_keys())
        self.absence_button.setEnabled(refusal is None)
        self.absence_button.setToolTip(
            refusal or self.tr("Select days of one employee, then record them as an absence")
        )

    def _on_absence_clicked(self) -> None:
        keys = self.selected_keys()
        refusal = self._absence_refusal(keys)
        chosen = self.absence_range()
        if refusal is not None or chosen is None or not self.model.editable:
            self._show_error(refusal or self.tr("Select one or more days of one employee first."))
            return
        employee_id, first, last = chosen
        employee = next(e for e in self.model.employees if e.id == employee_id)
        dialog = AbsenceDialog(self._context, employee, (first, last), self)
        dialog.saved.connect(self._on_absence_saved)
        self.dialog = dialog
        dialog.open()

    def _on_absence_saved(self, absence: Absence) -> None:
        self.refresh()
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("Absence {0} recorded for %n day(s).", "", absence.days).format(absence.kind.value)
        )

    def _on_fill_clicked(self) -> None:
        if self._loaded is None:
            return
        loaded = self._loaded
        last = calendar.monthrange(loaded.year, loaded.month)[1]
        period = (date(loaded.year, loaded.month, 1), date(loaded.year, loaded.month, last))
        dialog = ApplyTemplateDialog(
            self._context, loaded.templates, loaded.employees, self.selected_employee_ids(), period, self
        )
        dialog.saved.connect(self._on_template_applied)
        self.dialog = dialog
        dialog.open()

    def _on_template_applied(self, count: int) -> None:
        self.refresh()
        self.status.setText(self.tr("%n cell(s) filled from the template", "", count))
