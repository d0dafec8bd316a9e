"""The database choice: embedded SQLite (default) or a MySQL/MariaDB server, with "Test connection"."""

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.credentials import (
    DEFAULT_MYSQL_PORT,
    ServerDatabase,
    is_server_url,
    keyring_available,
    parse_server_url,
)
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.gui.shell.gateway import DatabaseGateway


def sqlite_url(path: str) -> str:
    """An SQLite URL for a file path."""
    return f"sqlite:///{Path(path).expanduser().as_posix()}"


def sqlite_path(url: str) -> str:
    """The file path of an SQLite URL."""
    return url.removeprefix("sqlite:///")


class DatabaseForm(QWidget):
    """Chooses and tests a database; ``url()`` includes the typed password.

    Signals:
        changed(): the choice or a field changed (a previous test no longer applies).
        tested(bool): a connection test finished, successfully or not.
    """

    changed = Signal()
    tested = Signal(bool)

    def __init__(self, gateway: DatabaseGateway, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gateway = gateway
        self._runner = runner
        self.embedded = QRadioButton(self.tr("Embedded database on this computer (recommended)"))
        self.embedded.setObjectName("embeddedChoice")
        self.server = QRadioButton(self.tr("MySQL or MariaDB server (several computers share the data)"))
        self.server.setObjectName("serverChoice")
        group = QButtonGroup(self)
        group.addButton(self.embedded)
        group.addButton(self.server)
        self.embedded.setChecked(True)
        self.path = QLineEdit(sqlite_path(gateway.default_url()))
        self.path.setObjectName("sqlitePath")
        self.host = QLineEdit("localhost")
        self.host.setObjectName("serverHost")
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_MYSQL_PORT)
        self.user = QLineEdit("timetracker")
        self.user.setObjectName("serverUser")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.database = QLineEdit("timetracker")
        self.database.setObjectName("serverDatabase")
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.result = QLabel()
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        self.keyring_note = QLabel(
            self.tr(
                "No password store (keyring) was found on this computer, so the password is not saved: "
                "TimeTracker will ask for it at every start."
            )
        )
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self._build_layout()
        self._connect_signals()
        self._on_choice_toggled()

    def _build_layout(self) -> None:
        browse = QPushButton(self.tr("Browse..."))
        browse.clicked.connect(self._on_browse_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.embedded_box = QGroupBox(self.tr("Database file"))
        QVBoxLayout(self.embedded_box).addLayout(path_row)
        self.server_box = QGroupBox(self.tr("Server"))
        form = QFormLayout(self.server_box)
        form.addRow(self.tr("Host:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.keyring_note)
        layout = QVBoxLayout(self)
        for widget in (self.embedded, self.embedded_box, self.server, self.server_box):
            layout.addWidget(widget)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        layout.addLayout(test_row)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.embedded.toggled.connect(self._on_choice_toggled)
        self.test_button.clicked.connect(self.test_connection)
        for edit in (self.path, self.host, self.user, self.password, self.database):
            edit.textChanged.connect(self._on_field_changed)
        self.port.valueChanged.connect(self._on_field_changed)

    def set_url(self, url: str) -> None:
        """Show an existing choice (a server URL may lack its password)."""
        if is_server_url(url):
            server, password = parse_server_url(url)
            self.server.setChecked(True)
            self.host.setText(server.host)
            self.port.setValue(server.port)
            self.user.setText(server.user)
            self.database.setText(server.database)
            self.password.setText(password or "")
        else:
            self.embedded.setChecked(True)
            self.path.setText(sqlite_path(url))

    def server_database(self) -> ServerDatabase | None:
        """The server location, or None when the embedded database is chosen."""
        if self.embedded.isChecked():
            return None
        return ServerDatabase(
            self.host.text().strip(),
            self.port.value(),
            self.user.text().strip(),
            self.database.text().strip(),
        )

    def url(self) -> str:
        """The chosen database's URL, with the typed password."""
        server = self.server_database()
        if server is None:
            return sqlite_url(self.path.text().strip())
        return server.url(self.password.text())

    def _on_choice_toggled(self) -> None:
        on_server = self.server.isChecked()
        self.server_box.setEnabled(on_server)
        self.embedded_box.setEnabled(not on_server)
        self._enable_test()
        self.keyring_note.setVisible(on_server and not keyring_available())
        self._on_field_changed()

    def _enable_test(self) -> None:
        # The embedded database is a file on this computer: there is no connection for the button to test
        # (Save and Next still open it in the background and report a problem).
        self.test_button.setEnabled(self.server.isChecked())

    def _on_field_changed(self) -> None:
        self.result.clear()
        self.changed.emit()

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), self.path.text(), self.tr("SQLite database (*.db)")
        )
        if path:
            self.path.setText(path)

    def test_connection(self) -> None:
        """Connect to the chosen database in the background and report the outcome."""
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting..."))
        self._runner.run(partial(self._gateway.probe, self.url()), self._on_probe_done, self._on_probe_failed)

    def _on_probe_done(self, revision: str | None) -> None:
        self._enable_test()
        if revision is None:
            self.result.setText(self.tr("Connected. The database is empty: its tables will be created."))
        else:
            self.result.setText(self.tr("Connected. The database is ready."))
        self.tested.emit(True)

    def _on_probe_failed(self, error: BaseException) -> None:
        self._enable_test()
        self.result.setText(message_for(error))
        self.tested.emit(False)
