"""The base of small edit dialogs: a form whose action runs in the background, errors shown inline."""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.field_errors import FieldErrors


class FormDialog(QDialog):
    """Subclasses fill ``form`` (rows through ``errors.add_row``) and implement ``action``.

    On success the dialog emits ``saved`` and closes; on failure the message appears under the
    field it names (or under the form) and the dialog stays open.

    Signals:
        saved(object): the action's result.
    """

    saved = Signal(object)

    def __init__(
        self,
        context: GuiContext,
        title: str,
        parent: QWidget | None = None,
        buttons: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors = FieldErrors(self.form, "formError")
        self.buttons = QDialogButtonBox(buttons | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def showEvent(self, event: QShowEvent) -> None:
        """Start in the first field: the buttons, created before the rows, took the focus, and typing a name
        went nowhere while its first space pressed Save (issue 17)."""
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is None or focused in self.buttons.buttons():
            first = self.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)

    def first_field(self) -> QWidget | None:
        """The first enabled input of the form (labels take no focus)."""
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return widget
        return None

    def action(self) -> Callable[[], object]:
        """The service call to run (a partial over plain values, never over widgets)."""
        raise NotImplementedError

    def submit(self) -> None:
        """Run the action in the background."""
        self.errors.clear()
        self.buttons.setEnabled(False)
        self._context.runner.run(self.action(), self._on_done, self._on_failed, write=True)

    def _on_done(self, result: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(error)
        self.adjustSize()  # make room for the message
