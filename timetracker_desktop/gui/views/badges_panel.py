"""The selected employee's badges with issue, revoke and reassign actions."""

from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from timetracker_desktop.domain.employees import Badge, Employee
from timetracker_desktop.domain.users import Permission
from timetracker_desktop.gui.dialogs.badge_dialogs import (
    AddBadgeDialog,
    ReassignBadgeDialog,
    RevokeBadgeDialog,
)
from timetracker_desktop.gui.dialogs.enroll_dialog import EnrollBadgeDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.models.badges import BadgeTableModel
from timetracker_desktop.services.dto import EmployeeDetail


class BadgesPanel(QWidget):
    """Loads an employee's badges in the background; actions only for roles that may edit people.

    Signals:
        changed(): a badge was issued, revoked or reassigned.
    """

    changed = Signal()

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._employee: Employee | None = None
        self.employees: list[Employee] = []
        self.dialog: QWidget | None = None
        self.title = QLabel(self.tr("Badges"))
        self.title.setObjectName("badgesTitle")
        self.title.setStyleSheet("font-weight: 600")
        self.model = BadgeTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("badgesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(QIcon(":/icons/add.svg"), self.tr("Add badge"))
        self.add_button.setObjectName("addBadge")
        self.enroll_button = QPushButton(QIcon(":/icons/badge.svg"), self.tr("Enroll from reader..."))
        self.enroll_button.setObjectName("enrollBadge")
        self.enroll_button.clicked.connect(self._on_enroll_clicked)
        self.revoke_button = QPushButton(self.tr("Revoke"))
        self.revoke_button.setObjectName("revokeBadge")
        self.reassign_button = QPushButton(self.tr("Give to another..."))
        self.reassign_button.setObjectName("reassignBadge")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        self.reassign_button.clicked.connect(self._on_reassign_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        buttons = QHBoxLayout()
        for button in (self.enroll_button, self.add_button, self.revoke_button, self.reassign_button):
            buttons.addWidget(button)
            button.setVisible(context.can(Permission.EDIT_PEOPLE))
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_actions()

    def show_employee(self, employee: Employee | None, zone: ZoneInfo) -> None:
        """Show (and load) the badges of an employee, or nothing."""
        self._employee = employee
        self.model.set_zone(zone)
        self.model.set_rows([])
        self.title.setText(
            self.tr("Badges of {0}").format(employee.full_name) if employee else self.tr("Badges")
        )
        self._update_actions()
        if employee is not None:
            self.reload()

    def reload(self) -> None:
        """Load the shown employee's badges."""
        if self._employee is None:
            return
        work = partial(self._context.services.employees.detail, self._employee.id)
        self._context.runner.run(work, self._on_detail_loaded, self._on_load_failed)

    def _on_detail_loaded(self, detail: EmployeeDetail) -> None:
        if self._employee is None or detail.employee.id != self._employee.id:
            return  # another employee was selected meanwhile
        self.model.set_rows(sorted(detail.badges, key=lambda b: (not b.is_active, b.id)))
        self.table.resizeColumnsToContents()
        self._update_actions()

    def _on_load_failed(self, error: BaseException) -> None:
        self.title.setText(message_for(error))

    def selected_badge(self) -> Badge | None:
        """The badge selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        badge = self.selected_badge()
        active = badge is not None and badge.is_active
        self.add_button.setEnabled(self._employee is not None)
        self.enroll_button.setEnabled(self._employee is not None)
        self.revoke_button.setEnabled(active)
        self.reassign_button.setEnabled(active)

    def _open(self, dialog: AddBadgeDialog | RevokeBadgeDialog | ReassignBadgeDialog) -> None:
        dialog.saved.connect(self._on_badges_changed)
        self.dialog = dialog
        dialog.open()

    def _on_add_clicked(self) -> None:
        if self._employee is not None:
            self._open(AddBadgeDialog(self._context, self._employee, self))

    def _on_enroll_clicked(self) -> None:
        if self._employee is None:
            return
        dialog = EnrollBadgeDialog(self._context, self._employee, self)
        dialog.saved.connect(self._on_badges_changed)
        dialog.manual_requested.connect(self._on_add_clicked)
        self.dialog = dialog
        dialog.open()

    def _on_revoke_clicked(self) -> None:
        badge = self.selected_badge()
        if badge is not None:
            self._open(RevokeBadgeDialog(self._context, badge, self))

    def _on_reassign_clicked(self) -> None:
        badge = self.selected_badge()
        if badge is not None:
            self._open(ReassignBadgeDialog(self._context, badge, self.employees, self))

    def _on_badges_changed(self) -> None:
        self.reload()
        self.changed.emit()
