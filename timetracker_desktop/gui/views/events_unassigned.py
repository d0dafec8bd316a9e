"""The queue of unassigned punches under the event log: assign to an employee, or dismiss."""

from collections.abc import Sequence
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.users import Permission
from timetracker_desktop.gui.dialogs.assign_dialog import AssignDialog
from timetracker_desktop.gui.dialogs.workflow_messages import explain
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.table_model import ROW_ROLE, SearchProxy
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.models.unassigned import UnassignedTableModel
from timetracker_desktop.services.attendance.unassigned import Assignment, UnassignedLine, UnassignedService


class UnassignedPanel(QWidget):
    """Reads that matched nobody, newest first.

    Signals:
        counted(int): the number of open items after each load.
        assigned(): an item became a punch (the log should reload).
    """

    counted = Signal(int)
    assigned = Signal()

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.service = UnassignedService(context.services.uow, context.services.clock)
        self._employees: tuple[Employee, ...] = ()
        self.dialog: QWidget | None = None
        editor = context.can(Permission.EDIT_PUNCHES)
        self.model = UnassignedTableModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("unassignedTable")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.assign_button = action_button("assignPunch", self.tr("Assign..."), ":/icons/check.svg", editor)
        self.dismiss_button = action_button("dismissPunch", self.tr("Dismiss"), ":/icons/void.svg", editor)
        self.status = QLabel()
        self.status.setObjectName("unassignedStatus")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.assign_button)
        bar.addWidget(self.dismiss_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.assign_button.clicked.connect(self._on_assign_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        self.table.doubleClicked.connect(self._on_assign_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._on_selection_changed()

    def set_choices(self, employees: Sequence[Employee], zone: ZoneInfo) -> None:
        """The employees to assign to and the office zone."""
        self._employees = tuple(employees)
        self.model.zone = zone
        self.model.refresh_all()

    def refresh(self) -> None:
        """Reload the open items in the background."""
        work = partial(self.service.list_open, self._context.actor)
        self._context.runner.run(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, lines: list[UnassignedLine]) -> None:
        self.model.set_rows(lines)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("%n unassigned punch(es)", "", len(lines)))
        self.counted.emit(len(lines))
        self._on_selection_changed()

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(explain(error))

    def selected_line(self) -> UnassignedLine | None:
        """The item selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        line = self.proxy.data(rows[0], ROW_ROLE) if rows else None
        return line if isinstance(line, UnassignedLine) else None

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        chosen = self.selected_line() is not None
        self.assign_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def _on_assign_clicked(self) -> None:
        line = self.selected_line()
        if line is None or not self._context.can(Permission.EDIT_PUNCHES):
            return
        dialog = AssignDialog(self._context, self.service, line, self._employees, self.model.zone, self)
        dialog.saved.connect(self._on_assigned)
        self.dialog = dialog
        dialog.open()

    def _on_assigned(self, assignment: Assignment) -> None:
        self.refresh()
        self.status.setText(
            self.tr("Assigned; a new badge was issued.") if assignment.badge_created else self.tr("Assigned.")
        )
        self.assigned.emit()

    def _on_dismiss_clicked(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Dismiss"),
            self.tr("Dismiss the read {0}? It stays in the records, marked dismissed.").format(
                line.item.raw_value
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmDismiss")
        box.buttonClicked.connect(partial(self._on_dismiss_answered, box, line.item.id))
        self.dialog = box
        box.open()

    def _on_dismiss_answered(self, box: QMessageBox, item_id: int, button: QAbstractButton) -> None:
        if box.standardButton(button) != QMessageBox.StandardButton.Yes:
            return
        work = partial(self.service.dismiss, self._context.actor, item_id)
        self._context.runner.run(work, self._on_dismissed, self._on_failed, write=True)

    def _on_dismissed(self, _result: None) -> None:
        self.refresh()
