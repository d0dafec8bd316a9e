"""Add (or rename) a holiday: a local date and a name."""

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from timetracker_desktop.gui.dialogs.workflow_messages import WorkflowFormDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.dates import to_date


class HolidayDialog(WorkflowFormDialog):
    """Saves through ScheduleService.set_holiday.

    Signals:
        (``saved`` of FormDialog carries None)
    """

    def __init__(self, context: GuiContext, day: QDate, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Holiday"), parent)
        self.setObjectName("holidayDialog")
        self.day = QDateEdit(day)
        self.day.setObjectName("holidayDate")
        self.day.setCalendarPopup(True)
        self.name = QLineEdit()
        self.name.setObjectName("holidayName")
        self.name.setPlaceholderText(self.tr("e.g. Independence Day"))
        self.errors.add_row("day", self.tr("Date:"), self.day)
        self.errors.add_row("name", self.tr("Name:"), self.name)

    def action(self) -> Callable[[], object]:
        """Save the holiday."""
        service, actor = self._context.services.schedules, self._context.actor
        return partial(service.set_holiday, actor, to_date(self.day.date()), self.name.text())
