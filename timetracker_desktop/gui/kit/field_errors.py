"""Inline validation messages: a red line under the field an error names, or under the whole form."""

import logging
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from timetracker_desktop.gui.kit.error_messages import field_of, is_expected, message_for

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020"


def error_label(object_name: str) -> QLabel:
    """A hidden, word-wrapped red label."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


def _hide(label: QLabel) -> None:
    label.clear()
    label.setVisible(False)


def _on_edit(widget: QWidget, hide: Callable[[], None]) -> None:
    """Call ``hide`` when the user edits the widget: an error about the old value no longer applies.

    (The walk: an error stayed under a field after the field was fixed.)
    """
    signals = {
        QLineEdit: "textChanged",
        QPlainTextEdit: "textChanged",
        QComboBox: "currentTextChanged",
        QSpinBox: "valueChanged",
        QDateTimeEdit: "dateTimeChanged",
        QAbstractSpinBox: "editingFinished",
        QAbstractButton: "toggled",
    }
    for kind, name in signals.items():
        if isinstance(widget, kind):
            getattr(widget, name).connect(hide)
            return
    for child in widget.findChildren(QLineEdit):  # a composite row (a field and its button)
        child.textChanged.connect(hide)


class FieldErrors:
    """Adds form rows with an error line under each, and shows an error at its field."""

    def __init__(self, form: QFormLayout, general_name: str = "formError") -> None:
        self._form = form
        self._labels: dict[str, QLabel] = {}
        self.general = error_label(general_name)

    def add_row(self, field: str, title: str, widget: QWidget) -> QLabel:
        """A labelled row for ``widget`` plus its (hidden) error line; returns the error label."""
        self._form.addRow(title, widget)
        label = error_label(f"error_{field}")
        self._form.addRow("", label)
        self._labels[field] = label
        _on_edit(widget, lambda: _hide(label))
        return label

    def alias(self, field: str, shown_at: str) -> None:
        """Show errors about ``field`` under the row of ``shown_at``."""
        self._labels[field] = self._labels[shown_at]

    def clear(self) -> None:
        """Hide every message."""
        for label in (*self._labels.values(), self.general):
            label.clear()
            label.setVisible(False)

    def show(self, error: BaseException) -> QLabel:
        """Show an error at its field (or under the form); returns the label used."""
        self.clear()
        if not is_expected(error):
            log.error("unexpected error in a form", exc_info=error)
        field = field_of(error)
        label = self._labels.get(field or "", self.general)
        label.setText(message_for(error))
        label.setVisible(True)
        return label

    def show_text(self, field: str, text: str) -> None:
        """Show a message of the dialog's own at a field."""
        label = self._labels.get(field, self.general)
        label.setText(text)
        label.setVisible(True)

    def text(self, field: str) -> str:
        """The message shown at a field (tests)."""
        label = self._labels.get(field)
        return label.text() if label is not None and label.isVisible() else ""
