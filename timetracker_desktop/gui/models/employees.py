"""The employees table: name, position, badges and whether the employee is active."""

from PySide6.QtCore import QObject

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel


class EmployeeTableModel(RowTableModel[Employee]):
    """Rows of ``Employee``.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self._id, self._id_key, align_right=True),
                Column(self._name),
                Column(self._position),
                Column(self.active_text),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("No."), self.tr("Full name"), self.tr("Position"), self.tr("Status")]

    def active_text(self, employee: Employee) -> str:
        """Active or not, in words."""
        return self.tr("Active") if employee.is_active else self.tr("Deactivated")

    def position_of(self, employee_id: int) -> int | None:
        """The row of an employee, if shown."""
        return next((i for i, e in enumerate(self.rows) if e.id == employee_id), None)

    @staticmethod
    def _name(employee: Employee) -> str:
        return employee.full_name

    @staticmethod
    def _position(employee: Employee) -> str:
        return employee.position_name or ""

    @staticmethod
    def _id(employee: Employee) -> str:
        return str(employee.id)

    @staticmethod
    def _id_key(employee: Employee) -> int:
        return employee.id
