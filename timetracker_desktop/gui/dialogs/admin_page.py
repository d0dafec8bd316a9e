"""The first-run page that creates the first administrator (password typed twice)."""

from functools import partial

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWizardPage

from timetracker_desktop.domain.users import MIN_PASSWORD_LENGTH, Actor, Role, User
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.services.container import Services


class AdminPage(QWizardPage):
    """Creates the first admin when the wizard finishes; errors stay on the page.

    Signals:
        (none besides QWizardPage's)
    """

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("adminPage")
        self._runner = runner
        self.services: Services | None = None
        self.admin: User | None = None
        self._validating = False
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr(
                "This account manages users and settings. Keep the password safe: it cannot be recovered."
            )
        )
        self.username = QLineEdit("admin")
        self.username.setObjectName("adminUsername")
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least {0} characters").format(MIN_PASSWORD_LENGTH))
        self.confirm = QLineEdit()
        self.confirm.setObjectName("adminConfirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("adminMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat the password:"), self.confirm)
        form.addRow(self.message)

    def validatePage(self) -> bool:
        """Create the admin (in the background); the wizard finishes when it exists."""
        if self.admin is not None:
            return True
        if self.password.text() != self.confirm.text():
            self.message.setText(self.tr("The two passwords differ."))
            return False
        if self.services is None:
            return False
        self.message.setText(self.tr("Creating the administrator..."))
        self._validating = True
        work = partial(
            self.services.users.create_user,
            Actor.system(),
            self.username.text(),
            self.password.text(),
            Role.ADMIN,
        )
        self._runner.run(work, self._on_admin_created, self._on_admin_failed, write=True)
        self._validating = False
        return self.admin is not None

    def _on_admin_created(self, user: User) -> None:
        self.admin = user
        self.message.clear()
        if not self._validating:
            self.wizard().accept()

    def _on_admin_failed(self, error: BaseException) -> None:
        self.message.setText(message_for(error))
