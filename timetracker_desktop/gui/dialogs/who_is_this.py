""" "Who is this?": tap any badge on the desk reader and see who holds it, with the forms of its UID."""

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from timetracker_desktop.gui.dialogs.badge_read import BadgeReadView, ReadMessages, badge_of
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.hardware.outcomes import CardOutcome
from timetracker_desktop.services.people.desk_enrollment import Identification


class WhoIsThisDialog(QDialog):
    """Identifies every badge tapped while it is open; changes nothing.

    Signals:
        identified(object): the ``Identification`` of a tapped badge.
    """

    identified = Signal(object)

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whoIsThisDialog")
        self.setWindowTitle(self.tr("Who is this?"))
        self.setMinimumWidth(480)
        self._context = context
        self._messages = ReadMessages(self)
        self._warning = ""
        self.prompt = QLabel()
        self.prompt.setObjectName("whoPrompt")
        self.prompt.setWordWrap(True)
        self.details = BadgeReadView()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)
        reader = context.reader
        if reader is not None:
            reader.card_presented.connect(self._on_card_presented)
            reader.state_changed.connect(self._on_reader_state_changed)
        self._on_reader_state_changed()

    def _on_reader_state_changed(self) -> None:
        reader = self._context.reader
        if reader is None or not reader.connected:
            self.prompt.setText(self.tr("No desk reader is connected."))
        elif not self.details.isVisibleTo(self):
            self.prompt.setText(self.tr("Tap any badge on the reader {0}...").format(reader.active_reader))

    def _on_card_presented(self, _reader: str, outcome: CardOutcome) -> None:
        self.details.show_outcome(outcome)
        badge = badge_of(outcome)
        if badge is None:
            self.prompt.setText(self._messages.problem(outcome) or "")
            return
        self._warning = self._messages.problem(outcome) or ""  # a phone that did not prove its key
        self.prompt.setText(self._warning or self.tr("Looking up the holder..."))
        work = partial(self._context.services.desk_enrollment.identify, *badge)
        self._context.runner.run(work, self._on_identified, self._on_failed)

    def _on_identified(self, found: Identification) -> None:
        holder = found.employee
        if holder is None:
            self.details.set_holder(self.tr("nobody"))
            self.prompt.setText(self.tr("Nobody holds this badge."))
        else:
            self.details.set_holder(holder.full_name)
            self.prompt.setText(self.tr("This badge belongs to {0}.").format(holder.full_name))
        if self._warning:
            self.prompt.setText(f"{self.prompt.text()}\n{self._warning}")
        self.identified.emit(found)

    def _on_failed(self, error: BaseException) -> None:
        self.prompt.setText(message_for(error))
