"""First run: choose (and test) the database, create its tables, then the first administrator."""

from functools import partial

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from timetracker_desktop.credentials import PasswordStoreError, store_password
from timetracker_desktop.gui.dialogs.admin_page import AdminPage
from timetracker_desktop.gui.dialogs.database_form import DatabaseForm
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.gui.shell.gateway import DatabaseGateway, OpenDatabase


class DatabasePage(QWizardPage):
    """Chooses the database; Next creates its tables (migrations) before moving on.

    Signals:
        (none besides QWizardPage's)
    """

    def __init__(self, gateway: DatabaseGateway, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("databasePage")
        self._gateway = gateway
        self._runner = runner
        self._validating = False
        self.database: OpenDatabase | None = None
        self.setTitle(self.tr("Where to keep the data"))
        self.setSubTitle(
            self.tr(
                "The embedded database suits one office PC. Choose a server if several PCs share the data."
            )
        )
        self.form = DatabaseForm(gateway, runner)
        self.status = QLabel()
        self.status.setObjectName("databaseStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.status)
        self.form.changed.connect(self._on_form_changed)

    def _on_form_changed(self) -> None:
        if self.database is not None:
            self.database.close()
            self.database = None
        self.status.clear()

    def validatePage(self) -> bool:
        """Open (and migrate) the chosen database; the wizard moves on once it is ready."""
        if self.database is not None:
            return True
        self.status.setText(self.tr("Preparing the database..."))
        self.setEnabled(False)
        self._validating = True
        self._runner.run(
            partial(self._gateway.open, self.form.url()), self._on_opened, self._on_failed, write=True
        )
        self._validating = False
        return self.database is not None

    def _on_opened(self, database: OpenDatabase) -> None:
        self.setEnabled(True)
        self.database = database
        self.status.setText(self._save_password())
        if not self._validating:
            self.wizard().next()

    def _save_password(self) -> str:
        server = self.form.server_database()
        if server is None:
            return ""
        try:
            store_password(server, self.form.password.text())
        except PasswordStoreError:
            return self.tr("The password was not saved: there is no password store on this computer.")
        return self.tr("The password is saved in the system's password store.")

    def _on_failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.status.setText(message_for(error))


class FirstRunWizard(QWizard):
    """The first start: database, then the first admin; or only the admin for a database without users.

    Signals:
        (none besides QWizard's; read ``database`` and ``admin`` after ``accepted``)
    """

    def __init__(
        self,
        gateway: DatabaseGateway,
        runner: TaskRunner,
        database: OpenDatabase | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("TimeTracker Desktop: first start"))
        self.setWindowIcon(QIcon(":/icons/app.svg"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self._preopened = database
        self.database_page: DatabasePage | None = None
        if database is None:
            self.database_page = DatabasePage(gateway, runner)
            self.addPage(self.database_page)
        self.admin_page = AdminPage(runner)
        self.addPage(self.admin_page)
        self.currentIdChanged.connect(self._on_page_changed)
        self._on_page_changed()
        self.resize(640, 520)

    @property
    def database(self) -> OpenDatabase | None:
        """The opened database (after the database page, or given)."""
        return self._preopened or (self.database_page.database if self.database_page else None)

    def _on_page_changed(self) -> None:
        database = self.database
        self.admin_page.services = database.services if database is not None else None
