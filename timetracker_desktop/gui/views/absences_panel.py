"""The selected employee's absences (the Absences tab of the Employees page): list, add, delete."""

from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from timetracker_desktop.domain.absences import Absence
from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.schedule_rules import local_date
from timetracker_desktop.domain.users import Permission
from timetracker_desktop.gui.dialogs.absence_dialog import AbsenceDialog
from timetracker_desktop.gui.kit.confirm import ask
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.formatting import short_date
from timetracker_desktop.gui.kit.table_model import ROW_ROLE, SearchProxy
from timetracker_desktop.gui.kit.vocabulary import absence_type_words
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.models.absences import AbsenceTableModel


class AbsencesPanel(QWidget):
    """Loads an employee's absences in the background; add and delete only for roles that may edit people.

    Signals:
        changed(): an absence was added or deleted.
    """

    changed = Signal()

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._employee: Employee | None = None
        self._zone = ZoneInfo("UTC")
        self.dialog: QWidget | None = None
        self.title = QLabel(self.tr("Absences"))
        self.title.setObjectName("absencesTitle")
        self.title.setStyleSheet("font-weight: 600")
        self.model = AbsenceTableModel(self)
        self.proxy = SearchProxy(self)  # sorts by the native values (dates, days)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("absencesTable")
        self.table.setModel(self.proxy)
        editor = context.can(Permission.EDIT_PEOPLE)
        self.add_button = action_button("addAbsence", self.tr("Add absence..."), ":/icons/add.svg", editor)
        self.delete_button = action_button("deleteAbsence", self.tr("Delete"), ":/icons/remove.svg", editor)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_actions()

    def show_employee(self, employee: Employee | None, zone: ZoneInfo) -> None:
        """Show (and load) the absences of an employee, or nothing; ``zone`` tells what today is."""
        self._employee, self._zone = employee, zone
        named = self.tr("Absences of {0}").format(employee.full_name) if employee else None
        self.title.setText(named or self.tr("Absences"))
        self.model.set_rows([])
        self.reload()

    def reload(self) -> None:
        """Load the shown employee's absences (nobody shown: nothing to load)."""
        self._update_actions()
        shown = self._employee
        if shown is not None:
            work = partial(self._context.services.absences.list_absences, shown.id)
            self._context.runner.run(work, partial(self._on_loaded, shown.id), self._on_failed)

    def _on_loaded(self, employee_id: int, absences: list[Absence]) -> None:
        if self._employee is None or self._employee.id != employee_id:
            return  # another employee was selected meanwhile
        self.model.set_rows(absences)
        self.table.resizeColumnsToContents()
        self._update_actions()

    def _on_failed(self, error: BaseException) -> None:
        self.title.setText(message_for(error))

    def selected_absence(self) -> Absence | None:
        """The absence selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        absence = self.proxy.data(rows[0], ROW_ROLE) if rows else None
        return absence if isinstance(absence, Absence) else None

    def _update_actions(self) -> None:
        self.add_button.setEnabled(self._employee is not None)
        self.delete_button.setEnabled(self.selected_absence() is not None)

    def _on_add_clicked(self) -> None:
        if self._employee is None:
            return
        today = local_date(self._context.services.clock.now(), self._zone)
        dialog = AbsenceDialog(self._context, self._employee, (today, today), self)
        dialog.saved.connect(self._on_changed)
        self.dialog = dialog
        dialog.open()

    def _on_delete_clicked(self) -> None:
        absence = self.selected_absence()
        if absence is None:
            return
        text = self.tr("Delete the absence {0} from {1} to {2}?").format(
            absence_type_words(absence.kind), short_date(absence.first), short_date(absence.last)
        )
        self.dialog = ask(
            self, "deleteAbsenceQuestion", self.tr("Delete absence"), text, partial(self._delete, absence.id),
            QMessageBox.Icon.Warning,
        )  # fmt: skip

    def _delete(self, absence_id: int) -> None:
        work = partial(self._context.services.absences.delete, self._context.actor, absence_id)
        self._context.runner.run(work, self._on_changed, self._on_delete_failed, write=True)

    def _on_delete_failed(self, error: BaseException) -> None:
        self.title.setText(message_for(error))
        self.reload()

    def _on_changed(self, _result: object = None) -> None:
        self.reload()
        self.changed.emit()
