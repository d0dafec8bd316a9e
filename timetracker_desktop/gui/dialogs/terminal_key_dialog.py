"""Shows a terminal's new key once, with the QR code the Android terminal app scans."""

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.field_errors import ERROR_STYLE
from timetracker_desktop.gui.kit.lan import lan_ipv4_addresses, server_url
from timetracker_desktop.gui.kit.qr import qr_image
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.services.dto import NewTerminalKey
from timetracker_desktop.services.terminals.keys import qr_payload

QR_PIXELS = 300


class TerminalKeyDialog(QDialog):
    """The key and its QR payload; the server address (this PC's LAN address) can be changed.

    Signals:
        (none besides QDialog's)
    """

    def __init__(
        self, issued: NewTerminalKey, ui_settings: UiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("terminalKeyDialog")
        self.setWindowTitle(self.tr("Key of terminal {0}").format(issued.terminal.name))
        self._issued = issued
        self._settings = ui_settings
        self.image: QImage | None = None
        warning = QLabel(
            self.tr(
                "This key is shown only now. Scan the QR code with the TimeTracker terminal app, "
                "or type the key into the terminal. If it is lost, rotate the key."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("font-weight: 600")
        self.key = QLineEdit(issued.key)
        self.key.setObjectName("terminalKey")
        self.key.setReadOnly(True)
        copy = QPushButton(self.tr("Copy key"))
        copy.setObjectName("copyKey")
        copy.clicked.connect(self._on_copy_clicked)
        self.address = QComboBox()
        self.address.setObjectName("serverAddress")
        self.address.setEditable(True)
        addresses = lan_ipv4_addresses()
        self.address.addItems(addresses)
        self.address.setCurrentText(ui_settings.server_address or (addresses[0] if addresses else ""))
        self.port = QLabel(str(ui_settings.listener_port))
        self.qr_label = QLabel()
        self.qr_label.setObjectName("qrImage")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(QR_PIXELS, QR_PIXELS)
        self.qr_text = ""  # exactly what the QR holds
        self.payload = QPlainTextEdit()
        self.payload.setObjectName("qrPayload")
        self.payload.setReadOnly(True)
        self.payload.setMaximumHeight(70)
        self.problem = QLabel()
        self.problem.setObjectName("qrProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self._build_layout(warning, copy)
        self.address.currentTextChanged.connect(self._on_address_changed)
        self._on_address_changed(self.address.currentText())

    def _build_layout(self, warning: QLabel, copy: QPushButton) -> None:
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(copy)
        server_row = QHBoxLayout()
        server_row.addWidget(self.address, 1)
        server_row.addWidget(QLabel(self.tr("port")))
        server_row.addWidget(self.port)
        form = QFormLayout()
        form.addRow(self.tr("Key:"), key_row)
        form.addRow(self.tr("This PC's address:"), server_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.qr_label, 1)
        layout.addWidget(QLabel(self.tr("QR content:")))
        layout.addWidget(self.payload)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _on_address_changed(self, address: str) -> None:
        terminal = self._issued.terminal
        try:
            text = qr_payload(
                server_url(address.strip(), self._settings.listener_port),
                self._issued.key,
                terminal.id,
                terminal.name,
            )
        except ValidationError as error:
            self.problem.setText(message_for(error))
            self.payload.clear()
            self.qr_label.clear()
            self.image = None
            self.qr_text = ""
            return
        self.problem.clear()
        self._settings.server_address = address.strip()
        self.qr_text = text
        # The QR keeps the app's exact \uXXXX form; the manager reads the same JSON with its letters («Вхід»).
        self.payload.setPlainText(json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")))
        self.image = qr_image(text, QR_PIXELS)
        self.qr_label.setPixmap(QPixmap.fromImage(self.image))

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._issued.key)
