"""Inline validation messages: a red line under the field an error names, or under the whole form."""

import logging

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

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
