"""The login dialog: user name and password checked with bcrypt in the background; lockout explained."""

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from timetracker_desktop.domain.users import User
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.services.container import Services


class LoginDialog(QDialog):
    """Asks for credentials; accepted once a user is authenticated.

    Signals:
        logged_in(object): the authenticated ``User``.
    """

    logged_in = Signal(object)

    def __init__(
        self, services: Services, runner: TaskRunner, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("TimeTracker Desktop: log in"))
        self.setWindowIcon(QIcon(":/icons/app.svg"))
        self._services = services
        self._runner = runner
        self.user: User | None = None
        self.username = QLineEdit(username)
        self.username.setObjectName("loginUsername")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setObjectName("loginButton")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:  # Enter must never mean Cancel: everybody presses it after the password
            cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.message)
        form.addRow(self.buttons)
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(380)

    def showEvent(self, event: QShowEvent) -> None:
        """Make Log in the default button once the dialog is a window (QDialog picks one on show)."""
        super().showEvent(event)
        self.login_button.setDefault(True)

    def try_login(self) -> None:
        """Check the credentials in the background (Enter or Log in; ignored while a check runs)."""
        if not self.login_button.isEnabled():
            return
        self.login_button.setEnabled(False)
        self.message.setText(self.tr("Checking..."))
        work = partial(self._services.users.authenticate, self.username.text(), self.password.text())
        self._runner.run(work, self._on_authenticated, self._on_refused, write=True)

    def _on_authenticated(self, user: User) -> None:
        self.user = user
        self.message.clear()
        self.logged_in.emit(user)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.message.setText(message_for(error))
        self.password.clear()
        self.password.setFocus()
