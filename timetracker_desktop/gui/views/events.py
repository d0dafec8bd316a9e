"""Events: the punch log of any period, paged by keyset; manual punches, corrections, the unassigned queue."""

from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.attendance import Correction, CorrectionKind, Direction
from timetracker_desktop.domain.users import Permission
from timetracker_desktop.gui.dialogs.punch_dialogs import CorrectionDialog, ManualPunchDialog, UndoDialog
from timetracker_desktop.gui.dialogs.workflow_messages import explain
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.dates import period_edits, set_period, to_date
from timetracker_desktop.gui.kit.widgets import action_button, fit_columns, make_table
from timetracker_desktop.gui.models.events import EventLogModel
from timetracker_desktop.gui.views.events_unassigned import UnassignedPanel
from timetracker_desktop.repositories.ports.storage import PunchLine
from timetracker_desktop.services.attendance.event_log import EventChoices, EventFilter, EventLogService

DEFAULT_DAYS = 30
DIRECTION_COLUMN, NOTES_COLUMN = 2, 5
CELL_PADDING = 16  # px around a cell's text
MAX_COLUMN_WIDTH = 320  # px; a long reason or name elides rather than widening the table past its window


@dataclass(frozen=True, slots=True)
class _Counted:
    wanted: EventFilter
    count: int


def _count(service: EventLogService, wanted: EventFilter) -> _Counted:
    return _Counted(wanted, service.count(wanted))


class EventsView(QWidget):
    """The punch log (newest first; pages load as the table scrolls) and the unassigned queue.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.log = EventLogService(context.services.uow, context.services.clock)
        self._choices: EventChoices | None = None
        self._filter: EventFilter | None = None
        self._count: int | None = None
        self._undo_line: PunchLine | None = None
        self._fit_columns = True
        self.dialog: QWidget | None = None
        self._build_filters()
        self._build_actions(context.can(Permission.EDIT_PUNCHES))
        self.model = EventLogModel(context.runner, self)
        self.table = make_table("eventsTable")
        self.table.setSortingEnabled(False)  # newest first by keyset; a proxy would sort loaded rows only
        self.table.setModel(self.model)
        self.table.setWordWrap(False)  # one line per punch; a long text elides
        self.status = QLabel()
        self.status.setObjectName("eventsStatus")
        self.status.setWordWrap(True)
        self.unassigned = UnassignedPanel(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("eventsTabs")
        self._build_layout()
        self._connect_signals()
        self._update_actions()
        self.refresh()

    def _build_filters(self) -> None:
        self.first, self.last = period_edits("eventsFrom", "eventsTo")
        self.employee = QComboBox()
        self.employee.setObjectName("eventsEmployee")
        self.terminal = QComboBox()
        self.terminal.setObjectName("eventsTerminal")
        for combo in (self.employee, self.terminal):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refresh_button = action_button("refreshEvents", self.tr("Refresh"), ":/icons/refresh.svg")

    def _build_actions(self, editor: bool) -> None:
        self.manual_button = action_button(
            "manualPunch", self.tr("Manual punch..."), ":/icons/add.svg", editor
        )
        self.void_button = action_button("voidPunch", self.tr("Void..."), ":/icons/void.svg", editor)
        self.direction_button = action_button(
            "setDirection", self.tr("Set direction..."), ":/icons/direction.svg", editor
        )
        self.undo_button = action_button("undoCorrection", self.tr("Undo..."), ":/icons/undo.svg", editor)

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("From:"), self.first),
            (self.tr("To:"), self.last),
            (self.tr("Employee:"), self.employee),
            (self.tr("Terminal:"), self.terminal),
        ):
            filters.addWidget(QLabel(text))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        for button in (self.manual_button, self.void_button, self.direction_button, self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        log = QWidget()
        log_layout = QVBoxLayout(log)
        log_layout.addLayout(actions)
        log_layout.addWidget(self.table, 1)
        log_layout.addWidget(self.status)
        self.tabs.addTab(log, self.tr("Punch log"))
        self.tabs.addTab(self.unassigned, self.tr("Unassigned"))
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._on_filter_changed)
        for combo in (self.employee, self.terminal):
            combo.activated.connect(self._on_filter_changed)
        self.model.loaded.connect(self._on_rows_loaded)
        self.model.failed.connect(self._on_failed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.manual_button.clicked.connect(self._on_manual_clicked)
        self.void_button.clicked.connect(self._on_void_clicked)
        self.direction_button.clicked.connect(self._on_direction_clicked)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.unassigned.counted.connect(self._on_unassigned_counted)
        self.unassigned.assigned.connect(self.reload)

    @property
    def zone(self) -> ZoneInfo:
        """The office time zone (UTC until the choices are loaded)."""
        return self.model.zone

    def refresh(self) -> None:
        """Reload the filter choices, then the log and the queue."""
        self._context.runner.run(self.log.choices, self._on_choices_loaded, self._on_failed)

    def _on_choices_loaded(self, choices: EventChoices) -> None:
        first_time = self._choices is None
        self._choices = choices
        self.model.zone = ZoneInfo(choices.time_zone)
        self.unassigned.set_choices(choices.employees, self.model.zone)
        self._fill_combo(
            self.employee, self.tr("All employees"), [(e.full_name, e.id) for e in choices.employees]
        )
        self._fill_combo(self.terminal, self.tr("All terminals"), [(t.name, t.id) for t in choices.terminals])
        if first_time:
            set_period(self.first, self.last, (choices.today - timedelta(days=DEFAULT_DAYS), choices.today))
        self.reload()
        self.unassigned.refresh()

    @staticmethod
    def _fill_combo(combo: QComboBox, everyone: str, items: list[tuple[str, int]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everyone, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def current_filter(self) -> EventFilter:
        """The filter the bar shows."""
        return EventFilter(
            to_date(self.first.date()),
            to_date(self.last.date()),
            self.employee.currentData(),
            self.terminal.currentData(),
        )

    def _on_filter_changed(self) -> None:
        if self._choices is not None:
            self.reload()

    def reload(self) -> None:
        """Show the log for the current filter from its newest punch."""
        wanted = self.current_filter()
        self._filter, self._count = wanted, None  # columns keep their widths: refits made the table jump
        self.status.setText(self.tr("Loading..."))
        self.model.set_source(partial(self.log.page, wanted))
        self._context.runner.run(partial(_count, self.log, wanted), self._on_counted, self._on_failed)
        self._update_actions()

    def _on_counted(self, counted: _Counted) -> None:
        if counted.wanted == self._filter:
            self._count = counted.count
            self._show_progress()

    def _on_rows_loaded(self, rows: int) -> None:
        if self._fit_columns and rows:
            self._fit_columns = False
            fit_columns(self.table, MAX_COLUMN_WIDTH)  # once: later pages and filters must not make them jump
            self._room_for_marks()
        self._show_progress()

    def _room_for_marks(self) -> None:
        """Direction and Notes wide enough for a correction or a void made later («Вихід (виправлено)»)."""
        words, metrics = self.model.words, self.table.fontMetrics()
        header = self.table.horizontalHeader()
        marks = {
            DIRECTION_COLUMN: [words.corrected(words.direction(d)) for d in Direction],
            NOTES_COLUMN: [words.voided()],
        }
        for column, texts in marks.items():
            wanted = max(metrics.horizontalAdvance(text) for text in texts) + CELL_PADDING
            header.resizeSection(column, max(header.sectionSize(column), wanted))

    def _show_progress(self) -> None:
        loaded = len(self.model.rows)
        if self._count is None:
            self.status.setText(self.tr("%n punch(es) shown", "", loaded))
        else:
            self.status.setText(self.tr("{0} of %n punch(es) shown", "", self._count).format(loaded))

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(explain(error))

    def selected_line(self) -> PunchLine | None:
        """The punch selected in the log."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        """Select a row of the log (tests, keyboard)."""
        self.table.selectRow(row)

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        line = self.selected_line()
        live = line is not None and not line.voided
        self.void_button.setEnabled(live)
        self.direction_button.setEnabled(live)
        self.undo_button.setEnabled(line is not None)
        self.manual_button.setEnabled(self._choices is not None)

    def _open(self, dialog: ManualPunchDialog | CorrectionDialog | UndoDialog) -> None:
        dialog.saved.connect(self._on_corrected)
        self.dialog = dialog
        dialog.open()

    def _on_manual_clicked(self) -> None:
        if self._choices is not None:
            employees = self._choices.employees
            self._open(ManualPunchDialog(self._context, employees, self.zone, self.last.date(), self))

    def _on_void_clicked(self) -> None:
        line = self.selected_line()
        if line is not None:
            self._open(CorrectionDialog(self._context, line, self.zone, CorrectionKind.VOID, self))

    def _on_direction_clicked(self) -> None:
        line = self.selected_line()
        if line is not None:
            self._open(CorrectionDialog(self._context, line, self.zone, CorrectionKind.SET_DIRECTION, self))

    def _on_undo_clicked(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        self._undo_line = line
        work = partial(self.log.corrections, line.employee_id, line.id)
        self._context.runner.run(work, self._on_corrections_loaded, self._on_failed)

    def _on_corrections_loaded(self, corrections: list[Correction]) -> None:
        line = self._undo_line
        if line is None:
            return
        if not corrections:
            self.status.setText(self.tr("This punch has no correction to undo."))
            return
        self._open(UndoDialog(self._context, line, self.zone, corrections, self))

    def _on_corrected(self, _result: object) -> None:
        self.reload()

    def _on_unassigned_counted(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("Unassigned ({0})").format(count) if count else self.tr("Unassigned"))
