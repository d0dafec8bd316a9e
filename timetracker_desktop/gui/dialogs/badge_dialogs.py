"""Badge actions: issue a badge, revoke one (reason required), reassign one to another employee."""

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from timetracker_desktop.domain.employees import Badge, BadgeKind, Employee
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.form_dialog import FormDialog


class AddBadgeDialog(FormDialog):
    """Issue a card, phone code or PIN typed by hand."""

    def __init__(self, context: GuiContext, employee: Employee, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("New badge for {0}").format(employee.full_name), parent)
        self.setObjectName("addBadgeDialog")
        self._employee = employee
        self.kind = QComboBox()
        self.kind.setObjectName("badgeKind")
        self.kind.addItem(self.tr("Card (UID)"), BadgeKind.CARD)
        self.kind.addItem(self.tr("Phone badge code"), BadgeKind.PHONE)
        self.kind.addItem(self.tr("Terminal PIN"), BadgeKind.PIN)
        self.value = QLineEdit()
        self.value.setObjectName("badgeValue")
        self.form.addRow(self.tr("Kind:"), self.kind)
        self.errors.add_row("value", self.tr("Value:"), self.value)
        for field in ("card_uid", "phone_code", "pin", "card", "phone"):
            self.errors.alias(field, "value")

    def action(self) -> Callable[[], object]:
        """Issue the badge."""
        service, actor = self._context.services.employees, self._context.actor
        kind = BadgeKind(self.kind.currentData())
        employee_id, value = self._employee.id, self.value.text()
        return partial(service.add_badge, actor, employee_id, kind, value)


class RevokeBadgeDialog(FormDialog):
    """Revoke a badge for good (a reason is required)."""

    def __init__(self, context: GuiContext, badge: Badge, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Revoke badge {0}").format(badge.value), parent)
        self.setObjectName("revokeBadgeDialog")
        self._badge = badge
        self.reason = QLineEdit()
        self.reason.setObjectName("revokeReason")
        self.reason.setPlaceholderText(self.tr("e.g. card lost"))
        self.errors.add_row("reason", self.tr("Reason:"), self.reason)

    def action(self) -> Callable[[], object]:
        """Revoke the badge."""
        service, actor = self._context.services.employees, self._context.actor
        badge_id, reason = self._badge.id, self.reason.text()
        return partial(service.revoke_badge, actor, badge_id, reason)


class ReassignBadgeDialog(FormDialog):
    """Move a badge to another employee (a reason is required)."""

    def __init__(
        self, context: GuiContext, badge: Badge, employees: list[Employee], parent: QWidget | None = None
    ) -> None:
        super().__init__(context, self.tr("Give badge {0} to another employee").format(badge.value), parent)
        self.setObjectName("reassignBadgeDialog")
        self._badge = badge
        self.employee = QComboBox()
        self.employee.setObjectName("reassignEmployee")
        for employee in employees:
            if employee.id != badge.employee_id and employee.is_active:
                self.employee.addItem(employee.full_name, employee.id)
        self.reason = QLineEdit()
        self.reason.setObjectName("reassignReason")
        self.form.addRow(self.tr("New holder:"), self.employee)
        self.errors.add_row("reason", self.tr("Reason:"), self.reason)

    def action(self) -> Callable[[], object]:
        """Reassign the badge."""
        service, actor = self._context.services.employees, self._context.actor
        badge_id, employee_id, reason = (
            self._badge.id,
            int(self.employee.currentData() or 0),
            self.reason.text(),
        )
        return partial(service.reassign_badge, actor, badge_id, employee_id, reason)
