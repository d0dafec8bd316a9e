"""Employees: a searchable, sortable table with add, edit, activate/deactivate, import, and badges."""

from dataclasses import dataclass
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.users import Permission
from timetracker_desktop.gui.dialogs.employee_dialog import EmployeeDialog
from timetracker_desktop.gui.dialogs.import_dialog import ImportDialog
from timetracker_desktop.gui.dialogs.who_is_this import WhoIsThisDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.table_model import ROW_ROLE, SearchProxy
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.models.employees import EmployeeTableModel
from timetracker_desktop.gui.views.absences_panel import AbsencesPanel
from timetracker_desktop.gui.views.badges_panel import BadgesPanel
from timetracker_desktop.services.container import Services


@dataclass(frozen=True, slots=True)
class EmployeeList:
    """What the view loads in one go."""

    employees: list[Employee]
    positions: list[str]
    time_zone: str


def load_employee_list(services: Services) -> EmployeeList:
    """Employees (all), position names and the office zone."""
    return EmployeeList(
        services.employees.list_employees(),
        services.employees.positions(),
        services.settings.current().time_zone,
    )


class _ActiveFilterProxy(SearchProxy):
    """Hides deactivated employees unless asked to show them."""

    show_inactive = False

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Text filter plus the active filter."""
        model = self.sourceModel()
        employee = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if isinstance(employee, Employee) and not employee.is_active and not self.show_inactive:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class EmployeesView(QWidget):
    """The people the office tracks.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._positions: list[str] = []
        self._zone = ZoneInfo("UTC")
        self.dialog: QWidget | None = None
        editor = context.can(Permission.EDIT_PEOPLE)
        self.search = QLineEdit()
        self.search.setObjectName("employeeSearch")
        self.search.setPlaceholderText(self.tr("Search by name, position..."))
        self.search.setClearButtonEnabled(True)
        self.show_inactive = QCheckBox(self.tr("Show deactivated"))
        self.show_inactive.setObjectName("showInactive")
        self.add_button = action_button("addEmployee", self.tr("Add"), ":/icons/add.svg", editor)
        self.edit_button = action_button("editEmployee", self.tr("Edit"), ":/icons/edit.svg", editor)
        self.active_button = action_button("toggleActive", self.tr("Deactivate"), ":/icons/power.svg", editor)
        self.import_button = action_button(
            "importEmployees", self.tr("Import..."), ":/icons/import.svg", editor
        )
        self.who_button = action_button("whoIsThis", self.tr("Who is this?"), ":/icons/employees.svg")
        self.status = QLabel()
        self.status.setObjectName("employeesStatus")
        self.model = EmployeeTableModel(self)
        self.proxy = _ActiveFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("employeesTable")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.badges = BadgesPanel(context)
        self.absences = AbsencesPanel(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("employeeTabs")
        self.tabs.addTab(self.badges, QIcon(":/icons/badge.svg"), self.tr("Badges"))
        self.tabs.addTab(self.absences, QIcon(":/icons/schedules.svg"), self.tr("Absences"))
        self._build_layout()
        self._connect_signals()
        self._update_actions()
        self.refresh()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_inactive)
        for button in (self.add_button, self.edit_button, self.active_button, self.import_button):
            bar.addWidget(button)
        bar.addWidget(self.who_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.show_inactive.toggled.connect(self._on_show_inactive_toggled)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.active_button.clicked.connect(self._on_toggle_active_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.who_button.clicked.connect(self._on_who_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def refresh(self) -> None:
        """Reload employees in the background."""
        self.status.setText(self.tr("Loading..."))
        work = partial(load_employee_list, self._context.services)
        self._context.runner.run(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, loaded: EmployeeList) -> None:
        selected = self.selected_employee()
        self._positions = loaded.positions
        self._zone = ZoneInfo(loaded.time_zone)
        self.model.set_rows(loaded.employees)
        self.badges.employees = loaded.employees
        self.table.resizeColumnsToContents()
        active = sum(1 for e in loaded.employees if e.is_active)
        self.status.setText(self.tr("%n active employee(s)", "", active))
        if selected is not None:
            self.select(selected.id)
        self._on_selection_changed()

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def select(self, employee_id: int) -> None:
        """Select an employee's row if it is shown."""
        position = self.model.position_of(employee_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if index.isValid():
            self.table.selectRow(index.row())

    def selected_employee(self) -> Employee | None:
        """The employee selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        employee = self.proxy.data(rows[0], ROW_ROLE)
        return employee if isinstance(employee, Employee) else None

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        self._update_actions()
        self.badges.show_employee(self.selected_employee(), self._zone)
        self.absences.show_employee(self.selected_employee(), self._zone)

    def _update_actions(self) -> None:
        employee = self.selected_employee()
        self.edit_button.setEnabled(employee is not None)
        self.active_button.setEnabled(employee is not None)
        deactivate = employee is None or employee.is_active
        self.active_button.setText(self.tr("Deactivate") if deactivate else self.tr("Activate"))

    def _on_show_inactive_toggled(self, checked: bool) -> None:
        self.proxy.show_inactive = checked
        self.proxy.invalidate()

    def _open_dialog(self, employee: Employee | None) -> None:
        dialog = EmployeeDialog(self._context, self._positions, employee, self)
        dialog.saved.connect(self._on_employee_saved)
        self.dialog = dialog
        dialog.open()

    def _on_add_clicked(self) -> None:
        self._open_dialog(None)

    def _on_edit_clicked(self) -> None:
        employee = self.selected_employee()
        if employee is not None and self._context.can(Permission.EDIT_PEOPLE):
            self._open_dialog(employee)

    def _on_employee_saved(self, employee: Employee) -> None:
        self.refresh()
        self.select(employee.id)

    def _on_toggle_active_clicked(self) -> None:
        employee = self.selected_employee()
        if employee is None:
            return
        work = partial(
            self._context.services.employees.set_active,
            self._context.actor,
            employee.id,
            not employee.is_active,
        )
        self._context.runner.run(work, self._on_employee_saved, self._on_failed, write=True)

    def _on_import_clicked(self) -> None:
        dialog = ImportDialog(self._context, self)
        dialog.imported.connect(self._on_imported)
        self.dialog = dialog
        dialog.open()

    def _on_who_clicked(self) -> None:
        dialog = WhoIsThisDialog(self._context, self)
        self.dialog = dialog
        dialog.open()

    def _on_imported(self, _count: int) -> None:
        self.refresh()
