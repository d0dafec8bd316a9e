"""Users (administrators only): add, change role, enable/disable, unlock, set a new password."""

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from timetracker_desktop.domain.users import Actor, User
from timetracker_desktop.gui.dialogs.user_dialogs import AddUserDialog, PasswordDialog, RoleDialog
from timetracker_desktop.gui.dialogs.workflow_messages import explain
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.field_errors import ERROR_STYLE
from timetracker_desktop.gui.kit.table_model import ROW_ROLE, SearchProxy
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.models.users import UserTableModel
from timetracker_desktop.services.container import Services


@dataclass(frozen=True, slots=True)
class UserList:
    """Users with the office zone and the time they were read (for lockouts)."""

    users: list[User]
    time_zone: str
    now: datetime


def load_users(services: Services, actor: Actor) -> UserList:
    """Every user (worker thread)."""
    return UserList(
        services.users.list_users(actor), services.settings.current().time_zone, services.clock.now()
    )


class UsersView(QWidget):
    """The people who log into this application.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.dialog: QWidget | None = None
        self.add_button = action_button("addUser", self.tr("Add..."), ":/icons/add.svg")
        self.role_button = action_button("changeRole", self.tr("Role..."), ":/icons/edit.svg")
        self.active_button = action_button("toggleUser", self.tr("Disable"), ":/icons/power.svg")
        self.unlock_button = action_button("unlockUser", self.tr("Unlock"), ":/icons/unlock.svg")
        self.password_button = action_button("resetPassword", self.tr("New password..."), ":/icons/key.svg")
        self.refresh_button = action_button("refreshUsers", self.tr("Refresh"), ":/icons/refresh.svg")
        self.model = UserTableModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("usersTable")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.status = QLabel()
        self.status.setObjectName("usersStatus")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.active_button, self.unlock_button):
            bar.addWidget(button)
        bar.addWidget(self.password_button)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._connect_signals()
        self._on_selection_changed()
        self.refresh()

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add_clicked)
        self.role_button.clicked.connect(self._on_role_clicked)
        self.active_button.clicked.connect(self._on_toggle_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.password_button.clicked.connect(self._on_password_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def refresh(self) -> None:
        """Reload users in the background."""
        work = partial(load_users, self._context.services, self._context.actor)
        self._context.runner.run(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, loaded: UserList) -> None:
        selected = self.selected_user()
        self.model.zone = ZoneInfo(loaded.time_zone)
        self.model.now = loaded.now
        self.model.set_rows(loaded.users)
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select(selected.id)
        self._on_selection_changed()

    def _on_failed(self, error: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(explain(error))

    def select(self, user_id: int) -> None:
        """Select a user's row."""
        for row in range(self.proxy.rowCount()):
            user = self.proxy.data(self.proxy.index(row, 0), ROW_ROLE)
            if isinstance(user, User) and user.id == user_id:
                self.table.selectRow(row)
                return

    def selected_user(self) -> User | None:
        """The user selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        user = self.proxy.data(rows[0], ROW_ROLE) if rows else None
        return user if isinstance(user, User) else None

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        user = self.selected_user()
        for button in (self.role_button, self.active_button, self.password_button):
            button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and self.model.is_locked(user))
        enable = user is not None and not user.is_active
        self.active_button.setText(self.tr("Enable") if enable else self.tr("Disable"))

    def _open(self, dialog: AddUserDialog | RoleDialog | PasswordDialog) -> None:
        dialog.saved.connect(self._on_changed)
        self.dialog = dialog
        dialog.open()

    def _on_add_clicked(self) -> None:
        self._open(AddUserDialog(self._context, self.model.role_names(), self))

    def _on_role_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(RoleDialog(self._context, user, self.model.role_names(), self))

    def _on_password_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(PasswordDialog(self._context, user, self))

    def _on_toggle_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            users, actor = self._context.services.users, self._context.actor
            self._write(partial(users.set_active, actor, user.id, not user.is_active))

    def _on_unlock_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._write(partial(self._context.services.users.unlock, self._context.actor, user.id))

    def _write(self, work: "partial[User]") -> None:
        self._context.runner.run(work, self._on_changed, self._on_failed, write=True)

    def _on_changed(self, result: object) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved."))
        self.refresh()
        if isinstance(result, User):
            self.select(result.id)
