"""Users: add (name, role, password twice), change role, set a new password (twice)."""

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from timetracker_desktop.domain.users import Role, User
from timetracker_desktop.gui.dialogs.workflow_messages import WorkflowFormDialog
from timetracker_desktop.gui.kit.context import GuiContext


def role_combo(names: dict[Role, str], current: Role = Role.MANAGER) -> QComboBox:
    """Roles in words, with the Role as item data."""
    combo = QComboBox()
    combo.setObjectName("userRole")
    for role, text in names.items():
        combo.addItem(text, role)
    combo.setCurrentIndex(list(names).index(current))
    return combo


def password_edit(name: str) -> QLineEdit:
    """A masked password field."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _PasswordTwiceDialog(WorkflowFormDialog):
    """Adds the password and confirmation rows; refuses to submit when they differ."""

    def _add_password_rows(self) -> None:
        self.password = password_edit("userPassword")
        self.confirm = password_edit("userConfirm")
        self.errors.add_row("password", self.tr("Password:"), self.password)
        self.errors.add_row("confirm", self.tr("Repeat password:"), self.confirm)

    def submit(self) -> None:
        """Check the confirmation here, then let the service check the rest."""
        if self.password.text() != self.confirm.text():
            self.errors.clear()
            self.errors.show_text("confirm", self.tr("The passwords do not match."))
            return
        super().submit()


class AddUserDialog(_PasswordTwiceDialog):
    """Creates a user through UserService.create_user.

    Signals:
        (``saved`` of FormDialog carries the new ``User``)
    """

    def __init__(self, context: GuiContext, roles: dict[Role, str], parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("New user"), parent)
        self.setObjectName("addUserDialog")
        self.username = QLineEdit()
        self.username.setObjectName("userName")
        self.role = role_combo(roles)
        self.errors.add_row("username", self.tr("User name:"), self.username)
        self.errors.add_row("role", self.tr("Role:"), self.role)
        self._add_password_rows()

    def action(self) -> Callable[[], object]:
        """Create the user."""
        return partial(
            self._context.services.users.create_user,
            self._context.actor,
            self.username.text(),
            self.password.text(),
            Role(self.role.currentData()),
        )


class RoleDialog(WorkflowFormDialog):
    """Changes a user's role (the service refuses to remove the last administrator).

    Signals:
        (``saved`` of FormDialog carries the changed ``User``)
    """

    def __init__(
        self, context: GuiContext, user: User, roles: dict[Role, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(context, self.tr("Role of {0}").format(user.username), parent)
        self.setObjectName("roleDialog")
        self._user = user
        self.role = role_combo(roles, user.role)
        self.errors.add_row("role", self.tr("Role:"), self.role)

    def action(self) -> Callable[[], object]:
        """Change the role."""
        role = Role(self.role.currentData())
        return partial(self._context.services.users.set_role, self._context.actor, self._user.id, role)


class PasswordDialog(_PasswordTwiceDialog):
    """Sets a new password for a user.

    Signals:
        (``saved`` of FormDialog carries None)
    """

    def __init__(self, context: GuiContext, user: User, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("New password for {0}").format(user.username), parent)
        self.setObjectName("passwordDialog")
        self._user = user
        self._add_password_rows()

    def action(self) -> Callable[[], object]:
        """Set the password."""
        service, actor = self._context.services.users, self._context.actor
        return partial(service.set_password, actor, self._user.id, self.password.text())
