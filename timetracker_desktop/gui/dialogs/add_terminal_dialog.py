"""Add a terminal: name, location and kind; the key is then shown once."""

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.form_dialog import FormDialog


class AddTerminalDialog(FormDialog):
    """Creates the terminal in the background; errors stay inline.

    Signals:
        (``saved`` of FormDialog carries the ``NewTerminalKey``: the terminal and its one-time key)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("New terminal"), parent)
        self.setObjectName("addTerminalDialog")
        self.name = QLineEdit()
        self.name.setObjectName("terminalName")
        self.name.setPlaceholderText(self.tr("e.g. Entrance"))
        self.location = QLineEdit()
        self.location.setObjectName("terminalLocation")
        self.kind = QComboBox()
        self.kind.setObjectName("terminalKind")
        self.kind.addItem(self.tr("Android terminal (phone badges, QR set-up)"), TerminalKind.ANDROID)
        self.kind.addItem(self.tr("Card reader terminal"), TerminalKind.CARD_READER)
        self.errors.add_row("name", self.tr("Name:"), self.name)
        self.errors.add_row("location", self.tr("Location:"), self.location)
        self.form.addRow(self.tr("Kind:"), self.kind)

    def action(self) -> Callable[[], object]:
        """Create the terminal."""
        return partial(
            self._context.services.terminals.add_terminal,
            self._context.actor,
            self.name.text(),
            location=self.location.text(),
            kind=TerminalKind(self.kind.currentData()),
        )
