"""Translated messages for the error codes of schedules, corrections and the unassigned queue."""

from PySide6.QtCore import QObject

from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.form_dialog import FormDialog


class WorkflowMessages(QObject):
    """Sentences by DomainError code that ``error_messages`` does not know (yet).

    Signals:
        (none besides QObject's)
    """

    def domain(self) -> dict[str, str]:
        """Sentences by code."""
        return {
            "bad_cell": self.tr("Enter times such as 8-17 or 22:00-06:00, or a code from the legend."),
            "bad_break": self.tr("A break is 0 to 240 minutes."),
            "bad_month": self.tr("Choose a month between 2000 and 2100."),
            "bad_template": self.tr("A template covers 1 to 4 whole weeks."),
            "bad_name": self.tr("Enter a name (at most 128 characters)."),
            "template_not_found": self.tr("The template was not found; it may have been removed meanwhile."),
            "nonexistent_local_time": self.tr(
                "This time does not exist: the clocks skip it when summer time starts. Enter another time."
            ),
            "ambiguous_local_time": self.tr(
                "This time occurs twice when summer time ends: choose which occurrence you mean."
            ),
            "direction_required": self.tr("Choose In or Out."),
            "undo_of_undo": self.tr("An undo cannot be undone; add a new correction instead."),
            "confirmation_required": self.tr(
                "A phone sighting is unsigned: tick the confirmation to assign it."
            ),
            "already_resolved": self.tr("This punch was already assigned or dismissed. Reload the queue."),
            "alias_needs_card": self.tr(
                "This terminal's value cannot be mapped to a card: give the employee a card first, "
                "then assign again to learn it as an alias."
            ),
        }


def explain(error: BaseException) -> str:
    """The translated sentence for an error: codes of this module first, then the shared table."""
    if isinstance(error, DomainError):
        known = WorkflowMessages().domain().get(error.code)
        if known:
            return known
    return message_for(error)


class WorkflowFormDialog(FormDialog):
    """A FormDialog whose inline messages also know the codes above.

    Signals:
        (``saved`` of FormDialog)
    """

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(error).setText(explain(error))
