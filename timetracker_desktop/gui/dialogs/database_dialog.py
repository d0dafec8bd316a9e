"""Change the database used from the next start: choose, test, save (password to the keyring)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from timetracker_desktop.credentials import PasswordStoreError, store_password, without_password
from timetracker_desktop.gui.dialogs.database_form import DatabaseForm
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.gui.shell.gateway import DatabaseGateway


class DatabaseDialog(QDialog):
    """Saves the choice only after a successful connection test.

    Signals:
        changed(str): the new database URL without its password.
    """

    changed = Signal(str)

    def __init__(
        self,
        gateway: DatabaseGateway,
        runner: TaskRunner,
        ui_settings: UiSettings,
        current_url: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("databaseDialog")
        self.setWindowTitle(self.tr("Database connection"))
        self._settings = ui_settings
        self._saving = False
        self.form = DatabaseForm(gateway, runner)
        self.form.set_url(current_url)
        note = QLabel(self.tr("The new database is used from the next start of TimeTracker Desktop."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.form.tested.connect(self._on_tested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(600, 480)

    def _on_save_clicked(self) -> None:
        self._saving = True
        self.form.test_connection()

    def _on_tested(self, ok: bool) -> None:
        saving, self._saving = self._saving, False
        if not ok or not saving:
            return
        server = self.form.server_database()
        if server is not None:
            try:
                store_password(server, self.form.password.text())
            except PasswordStoreError:
                self.form.result.setText(
                    self.tr(
                        "Saved without the password: there is no password store, it will be asked at start."
                    )
                )
        url = without_password(self.form.url())
        self._settings.database_url = url
        self._settings.sync()
        self.changed.emit(url)
        self.accept()
