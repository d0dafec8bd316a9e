"""Add or edit an employee: name, position (pick or type), comment; new ones may get a card, phone and PIN."""

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.form_dialog import FormDialog
from timetracker_desktop.services.dto import EmployeeDraft


class EmployeeDialog(FormDialog):
    """Saves in the background; a validation error appears under its field and the dialog stays open.

    Signals:
        (``saved`` of FormDialog carries the saved ``Employee``)
    """

    def __init__(
        self,
        context: GuiContext,
        positions: list[str],
        employee: Employee | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New employee") if employee is None else self.tr("Edit employee")
        super().__init__(context, title, parent, QDialogButtonBox.StandardButton.Save)
        self.setObjectName("employeeDialog")
        self._employee = employee
        self.full_name = QLineEdit(employee.full_name if employee else "")
        self.full_name.setObjectName("fullName")
        self.position = QComboBox()
        self.position.setObjectName("position")
        self.position.setEditable(True)
        self.position.addItems(["", *positions])
        self.position.setCurrentText(employee.position_name or "" if employee else "")
        self.comment = QLineEdit(employee.comment or "" if employee else "")
        self.comment.setObjectName("comment")
        self.card_uid = QLineEdit()
        self.card_uid.setObjectName("cardUid")
        self.card_uid.setPlaceholderText(self.tr("e.g. 04A1B2C3 (optional)"))
        self.phone_code = QLineEdit()
        self.phone_code.setObjectName("phoneCode")
        self.phone_code.setPlaceholderText(self.tr("e.g. EMP-1A2B3C4D (optional)"))
        self.pin = QLineEdit()
        self.pin.setObjectName("terminalPin")
        self.pin.setMaxLength(24)
        self.pin.setPlaceholderText(self.tr("e.g. 1024 (optional)"))
        self.pin.setToolTip(self.tr("The number the employee types, or that is mapped, on ZKTeco terminals."))
        self.errors.add_row("full_name", self.tr("Full name:"), self.full_name)
        self.errors.add_row("position", self.tr("Position:"), self.position)
        self.errors.add_row("comment", self.tr("Comment:"), self.comment)
        if employee is None:
            self.errors.add_row("card_uid", self.tr("Card UID:"), self.card_uid)
            self.errors.alias("card", "card_uid")
            self.errors.add_row("phone_code", self.tr("Phone badge:"), self.phone_code)
            self.errors.alias("phone", "phone_code")
            self.errors.add_row("pin", self.tr("Terminal PIN:"), self.pin)

    def draft(self) -> EmployeeDraft:
        """What the form holds."""
        return EmployeeDraft(
            full_name=self.full_name.text(),
            position=self.position.currentText(),
            comment=self.comment.text(),
            card_uid=self.card_uid.text() or None,
            phone_code=self.phone_code.text() or None,
            pin=self.pin.text() or None,
        )

    def action(self) -> Callable[[], object]:
        """Add or update the employee."""
        service, actor = self._context.services.employees, self._context.actor
        if self._employee is None:
            return partial(service.add_employee, actor, self.draft())
        return partial(service.update_employee, actor, self._employee.id, self.draft())
