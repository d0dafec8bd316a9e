"""Form dialogs of schedules, corrections and the unassigned queue, with their errors in words."""

from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.form_dialog import FormDialog


def explain(error: BaseException) -> str:
    """The translated sentence for an error (every code has its words in gui.kit.vocabulary)."""
    return message_for(error)


class WorkflowFormDialog(FormDialog):
    """A FormDialog whose inline messages go through ``explain``.

    Signals:
        (``saved`` of FormDialog)
    """

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(error).setText(explain(error))
