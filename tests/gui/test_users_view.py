"""Users view (admins only): add with a mismatched confirmation, change role, last admin kept, lockout and
unlock, disable/enable, new password; the model through the tester."""

import pytest
from PySide6.QtCore import QAbstractItemModel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.errors import AuthenticationError
from timetracker_desktop.domain.users import MAX_FAILED_LOGINS, Role, User
from timetracker_desktop.gui.dialogs.user_dialogs import AddUserDialog, PasswordDialog, RoleDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.models.users import UserTableModel
from timetracker_desktop.gui.shell.pages import pages_for
from timetracker_desktop.gui.views.users import UsersView

from .conftest import show

pytestmark = pytest.mark.gui


def _view(qtbot: QtBot, context: GuiContext) -> UsersView:
    view = UsersView(context)
    show(qtbot, view)
    return view


def _user(view: UsersView, name: str) -> User:
    (user,) = [u for u in view.model.rows if u.username == name]
    view.select(user.id)
    return user


def _state(view: UsersView, name: str) -> str:
    row = [u.username for u in view.model.rows].index(name)
    return str(view.model.index(row, 2).data())


def test_add_change_role_and_keep_the_last_admin(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = _view(qtbot, admin_context)
    view.add_button.click()
    dialog = view.dialog
    assert isinstance(dialog, AddUserDialog)
    dialog.username.setText("oksana")
    dialog.password.setText("long-enough-1")
    dialog.confirm.setText("long-enough-2")
    dialog.buttons.accepted.emit()
    assert dialog.errors.text("confirm") == "The passwords do not match."
    dialog.confirm.setText("long-enough-1")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert sorted(u.username for u in view.model.rows) == ["admin", "oksana"]
    assert view.selected_user() is not None

    _user(view, "oksana")
    view.role_button.click()
    roles = view.dialog
    assert isinstance(roles, RoleDialog)
    roles.role.setCurrentIndex(roles.role.findData(Role.VIEWER))
    roles.buttons.accepted.emit()
    assert _user(view, "oksana").role is Role.VIEWER

    _user(view, "admin")
    view.role_button.click()
    last = view.dialog
    assert isinstance(last, RoleDialog)
    last.role.setCurrentIndex(last.role.findData(Role.MANAGER))
    last.buttons.accepted.emit()
    assert last.errors.general.text() == "The last administrator cannot be removed or disabled."
    assert last.isVisible()
    view.active_button.click()
    assert view.status.text() == "The last administrator cannot be removed or disabled."


def test_lockout_unlock_disable_and_new_password(qtbot: QtBot, admin_context: GuiContext) -> None:
    users = admin_context.services.users
    users.create_user(admin_context.actor, "taras", "taras-pass-1", Role.MANAGER)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            users.authenticate("taras", "wrong-password")
    view = _view(qtbot, admin_context)
    assert _state(view, "taras").startswith("Locked until")
    _user(view, "taras")
    assert view.unlock_button.isEnabled()
    view.unlock_button.click()
    assert _state(view, "taras") == "Active"
    assert not view.unlock_button.isEnabled()

    view.active_button.click()
    assert _state(view, "taras") == "Disabled"
    assert view.active_button.text() == "Enable"
    view.active_button.click()
    assert _state(view, "taras") == "Active"

    view.password_button.click()
    dialog = view.dialog
    assert isinstance(dialog, PasswordDialog)
    dialog.password.setText("short")
    dialog.confirm.setText("short")
    dialog.buttons.accepted.emit()
    assert dialog.errors.text("password") == "The password is too short (at least 8 characters)."
    dialog.password.setText("new-taras-pass")
    dialog.confirm.setText("new-taras-pass")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert users.authenticate("taras", "new-taras-pass").username == "taras"


def test_only_admins_get_the_page(viewer_context: GuiContext) -> None:
    assert "users" not in [spec.name for spec in pages_for(viewer_context)]


def test_user_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = UserTableModel()
    check: QAbstractItemModel = model
    qtmodeltester.check(check, force_py=True)  # type: ignore[no-untyped-call]  # watches what follows
    model.set_rows([User(1, "admin", Role.ADMIN), User(2, "oksana", Role.VIEWER, is_active=False)])
    assert model.index(1, 2).data() == "Disabled"
