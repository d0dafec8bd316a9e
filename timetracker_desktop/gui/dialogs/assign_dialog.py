"""Assign an unassigned punch to an employee; a phone sighting needs an explicit confirmation."""

from collections.abc import Callable, Sequence
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.gui.dialogs.workflow_messages import WorkflowFormDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.formatting import local_date_time
from timetracker_desktop.services.attendance.unassigned import UnassignedLine, UnassignedService


class AssignDialog(WorkflowFormDialog):
    """Creates the badge if needed and a reassigned punch, through UnassignedService.

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
        for employee in employees:
            if employee.is_active:
                self.employee.addItem(employee.full_name, employee.id)
        self.confirm = QCheckBox(
            self.tr("I confirm that this phone belongs to this employee (the sighting is not signed)")
        )
        self.confirm.setObjectName("assignConfirm")
        item = line.item
        self.form.addRow(self.tr("Read:"), QLabel(f"{local_date_time(item.at, zone)}  {item.raw_value}"))
        self.errors.add_row("employee", self.tr("Employee:"), self.employee)
        if line.needs_confirmation:
            self.errors.add_row("confirm", "", self.confirm)

    def action(self) -> Callable[[], object]:
        """Assign the item."""
        return partial(
            self._service.assign,
            self._context.actor,
            self._line.item.id,
            int(self.employee.currentData() or 0),
            confirmed=self.confirm.isChecked(),
        )
