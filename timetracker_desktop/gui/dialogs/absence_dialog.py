"""Record an absence of an employee: type of the form П-5, first and last day, document and note."""

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QWidget

from timetracker_desktop.domain.absences import MAX_DOCUMENT_LENGTH, MAX_NOTE_LENGTH, AbsenceType
from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.dates import period_edits, set_period, to_date
from timetracker_desktop.gui.kit.form_dialog import FormDialog
from timetracker_desktop.gui.kit.vocabulary import absence_type_words


class AbsenceDialog(FormDialog):
    """Saves in the background; an overlap or a bad range appears under its field and the dialog stays open.

    Signals:
        (``saved`` of FormDialog carries the saved ``Absence``)
    """

    def __init__(
        self,
        context: GuiContext,
        employee: Employee,
        period: tuple[date, date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("Mark as absence"), parent, QDialogButtonBox.StandardButton.Save)
        self.setObjectName("absenceDialog")
        self._employee = employee
        self.employee = QLabel(employee.full_name)
        self.employee.setObjectName("absenceEmployee")
        self.kind = QComboBox()
        self.kind.setObjectName("absenceType")
        for kind in AbsenceType:
            self.kind.addItem(absence_type_words(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData(AbsenceType.ANNUAL_LEAVE))
        self.first, self.last = period_edits("absenceFrom", "absenceTo")
        set_period(self.first, self.last, period)
        self.document = QLineEdit()
        self.document.setObjectName("absenceDocument")
        self.document.setMaxLength(MAX_DOCUMENT_LENGTH)
        self.document.setPlaceholderText(self.tr("order or sick-note number (optional)"))
        self.note = QLineEdit()
        self.note.setObjectName("absenceNote")
        self.note.setMaxLength(MAX_NOTE_LENGTH)
        self.errors.add_row("employee", self.tr("Employee:"), self.employee)
        self.errors.add_row("type", self.tr("Type:"), self.kind)
        self.errors.add_row("from", self.tr("From:"), self.first)
        self.errors.add_row("to", self.tr("To (included):"), self.last)
        self.errors.add_row("document", self.tr("Document:"), self.document)
        self.errors.add_row("note", self.tr("Note:"), self.note)

    def chosen_type(self) -> AbsenceType:
        """The type picked in the list."""
        return AbsenceType(self.kind.currentData())

    def action(self) -> Callable[[], object]:
        """Add the absence."""
        return partial(
            self._context.services.absences.add,
            self._context.actor,
            self._employee.id,
            self.chosen_type(),
            to_date(self.first.date()),
            to_date(self.last.date()),
            document=self.document.text() or None,
            note=self.note.text() or None,
        )
