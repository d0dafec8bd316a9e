"""Assign an unassigned punch to an employee chosen on purpose, with a reason; a badge only if ticked."""

from collections.abc import Callable, Sequence
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.gui.dialogs.workflow_messages import WorkflowFormDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.formatting import local_date_time
from timetracker_desktop.services.attendance.unassigned import UnassignedLine, UnassignedService


class AssignDialog(WorkflowFormDialog):
    """A reassigned punch through UnassignedService; the card becomes a badge only when the box is ticked.

    No employee is preselected (OK stays disabled until one is chosen): a preselected first employee got a
    stranger's tap, and the card as a permanent badge, by one press of Enter (issue 17).

    Signals:
        (``saved`` of FormDialog carries the ``Assignment``)
    """

    def __init__(
        self,
        context: GuiContext,
        service: UnassignedService,
        line: UnassignedLine,
        employees: Sequence[Employee],
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("Assign punch"), parent)
        self.setObjectName("assignDialog")
        self._line = line
        self._service = service
        self.employee = QComboBox()
        self.employee.setObjectName("assignEmployee")
        self.employee.setPlaceholderText(self.tr("Choose an employee..."))
        for employee in employees:
            if employee.is_active:
                self.employee.addItem(employee.full_name, employee.id)
        self.employee.setCurrentIndex(-1)
        self.reason = QLineEdit()
        self.reason.setObjectName("assignReason")
        self.reason.setPlaceholderText(self.tr("e.g. forgot the card at home, tapped a spare one"))
        self.add_badge = QCheckBox(self.tr("Also add this card as a badge of the employee"))
        self.add_badge.setObjectName("assignAddBadge")
        self.add_badge.setToolTip(
            self.tr("Their later taps with this card then count at once, without this queue.")
        )
        self.confirm = QCheckBox(
            self.tr("I confirm that this phone belongs to this employee (the sighting is not signed)")
        )
        self.confirm.setObjectName("assignConfirm")
        item = line.item
        self.form.addRow(self.tr("Read:"), QLabel(f"{local_date_time(item.at, zone)}  {item.raw_value}"))
        self.errors.add_row("employee", self.tr("Employee:"), self.employee)
        self.errors.add_row("reason", self.tr("Reason:"), self.reason)
        self.errors.add_row("add_badge", "", self.add_badge)
        if line.needs_confirmation:
            self.errors.add_row("confirm", "", self.confirm)
        self.employee.currentIndexChanged.connect(self._on_employee_changed)
        self._on_employee_changed()

    @property
    def ok_button(self) -> QPushButton:
        """The OK button (enabled once an employee is chosen)."""
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None  # noqa: S101 - narrows the type for mypy
        return button

    def _on_employee_changed(self) -> None:
        self.ok_button.setEnabled(self.employee.currentIndex() >= 0)

    def submit(self) -> None:
        """Refuse an empty choice here as well: Enter reaches submit even when OK is disabled."""
        if self.employee.currentIndex() < 0:
            self.errors.show_text("employee", self.tr("Choose the employee who made this tap."))
            return
        super().submit()

    def action(self) -> Callable[[], object]:
        """Assign the item."""
        return partial(
            self._service.assign,
            self._context.actor,
            self._line.item.id,
            int(self.employee.currentData() or 0),
            self.reason.text(),
            confirmed=self.confirm.isChecked(),
            add_badge=self.add_badge.isChecked(),
        )
