"""Start-up flow: open (and migrate) the database, or run the first-run wizard; then log in."""

from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QProgressDialog

from timetracker_desktop.credentials import (
    is_server_url,
    parse_server_url,
    url_with_saved_password,
    without_password,
)
from timetracker_desktop.domain.users import User
from timetracker_desktop.gui.dialogs.first_run import FirstRunWizard
from timetracker_desktop.gui.dialogs.login import LoginDialog
from timetracker_desktop.gui.kit.errors import show_error
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.gui.shell.gateway import DatabaseGateway, OpenDatabase


class Startup(QObject):
    """Walks from nothing to a logged-in user; every step's I/O runs through the TaskRunner.

    Signals:
        finished(object, object): the ``OpenDatabase`` and the logged-in ``User``.
        aborted(): the user gave up (closed the wizard, the login or an error).
    """

    finished = Signal(object, object)
    aborted = Signal()

    def __init__(
        self,
        gateway: DatabaseGateway,
        runner: TaskRunner,
        ui_settings: UiSettings,
        explicit_url: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._gateway = gateway
        self._runner = runner
        self._settings = ui_settings
        self._explicit = explicit_url
        self.database: OpenDatabase | None = None
        self.wizard: FirstRunWizard | None = None
        self.login: LoginDialog | None = None
        self._progress: QProgressDialog | None = None
        self._prompt: QInputDialog | None = None

    def start(self) -> None:
        """Begin: a known database is opened, otherwise the wizard asks for one."""
        url = self._explicit or self._settings.database_url
        if not url:
            self._show_wizard()
            return
        url = url_with_saved_password(url)
        if is_server_url(url) and parse_server_url(url)[1] is None:
            self._ask_password(url)
            return
        self._open(url)

    def _ask_password(self, url: str) -> None:
        dialog = QInputDialog()
        dialog.setObjectName("passwordPrompt")
        dialog.setWindowTitle(self.tr("Database password"))
        dialog.setLabelText(
            self.tr("Password of the database user for {0}:").format(parse_server_url(url)[0].account)
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(partial(self._on_password_entered, url))
        dialog.rejected.connect(self.aborted)
        self._prompt = dialog
        dialog.open()

    def _on_password_entered(self, url: str, password: str) -> None:
        self._open(parse_server_url(url)[0].url(password))

    def _open(self, url: str) -> None:
        self._progress = QProgressDialog(self.tr("Opening the database..."), "", 0, 0)
        self._progress.setCancelButton(None)
        self._progress.setMinimumDuration(300)
        self._progress.setWindowTitle(self.tr("TimeTracker Desktop"))
        self._runner.run(
            partial(self._gateway.open, url), self._on_opened, partial(self._on_open_failed, url), write=True
        )

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def _on_opened(self, database: OpenDatabase) -> None:
        self._close_progress()
        self.database = database
        self._runner.run(database.services.users.has_users, self._on_users_known, self._on_users_failed)

    def _on_open_failed(self, url: str, error: BaseException) -> None:
        self._close_progress()
        dialog = show_error(error, retry=partial(self._open, url))
        dialog.rejected.connect(self._show_wizard)

    def _on_users_failed(self, error: BaseException) -> None:
        dialog = show_error(error)
        dialog.finished.connect(self.aborted)

    def _on_users_known(self, has_users: bool) -> None:
        if has_users:
            self._show_login()
        else:
            self._show_wizard(self.database)

    def _show_wizard(self, database: OpenDatabase | None = None) -> None:
        self.wizard = FirstRunWizard(self._gateway, self._runner, database)
        self.wizard.accepted.connect(self._on_wizard_accepted)
        self.wizard.rejected.connect(self.aborted)
        self.wizard.show()

    def _on_wizard_accepted(self) -> None:
        assert self.wizard is not None  # noqa: S101 - narrows the type for mypy
        database, admin = self.wizard.database, self.wizard.admin_page.admin
        if database is None or admin is None:
            self.aborted.emit()
            return
        if self._explicit is None:
            self._settings.database_url = without_password(database.url)
        self._settings.last_username = admin.username
        self._settings.sync()
        self.database = database
        self.finished.emit(database, admin)

    def log_in_again(self) -> None:
        """After a log out: ask who uses the PC now (no name filled in: it is usually somebody else)."""
        self._show_login("")

    def _show_login(self, username: str | None = None) -> None:
        assert self.database is not None  # noqa: S101 - narrows the type for mypy
        known = self._settings.last_username if username is None else username
        self.login = LoginDialog(self.database.services, self._runner, known)
        self.login.logged_in.connect(self._on_logged_in)
        self.login.rejected.connect(self.aborted)
        self.login.show()

    def _on_logged_in(self, user: User) -> None:
        assert self.database is not None  # noqa: S101 - narrows the type for mypy
        self._settings.last_username = user.username
        self.finished.emit(self.database, user)
