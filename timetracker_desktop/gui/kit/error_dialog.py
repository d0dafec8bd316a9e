"""A message with its technical details, a "Copy details" button and an optional "Retry"."""

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class ErrorDialog(QDialog):
    """Shows what went wrong in plain words; the details are for support, one click to copy.

    Signals:
        (none besides QDialog's)
    """

    def __init__(
        self,
        message: str,
        details: str,
        parent: QWidget | None = None,
        *,
        retry: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("TimeTracker Desktop: error"))
        self._details = details
        self._retry = retry
        self.message_label = QLabel(message)
        self.message_label.setObjectName("errorMessage")
        self.message_label.setWordWrap(True)
        self.details_box = QPlainTextEdit(details)
        self.details_box.setReadOnly(True)
        self.details_box.setVisible(bool(details))
        self.details_box.setMinimumHeight(120)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.retry_button = buttons.addButton(self.tr("Retry"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.retry_button.setVisible(retry is not None)
        self.retry_button.clicked.connect(self._on_retry_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.details_box)
        layout.addWidget(buttons)
        self.resize(560, 320 if details else 140)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.message_label.text()}\n\n{self._details}")

    def _on_retry_clicked(self) -> None:
        self.accept()
        if self._retry is not None:
            self._retry()
