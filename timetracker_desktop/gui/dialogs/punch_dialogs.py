"""Manual punches and corrections (void, set direction, undo); each needs a reason, the service audits it."""

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QTimeEdit, QWidget

from timetracker_desktop.domain.attendance import Correction, CorrectionKind, Direction
from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.errors import DomainError, ErrorCode
from timetracker_desktop.domain.schedule_rules import is_ambiguous
from timetracker_desktop.gui.dialogs.workflow_messages import WorkflowFormDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.dates import combine
from timetracker_desktop.gui.kit.formatting import local_date_time
from timetracker_desktop.repositories.ports.storage import PunchLine


def _reason_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


def direction_combo(name: str, words: tuple[str, str]) -> QComboBox:
    """In / Out (translated ``words``), with the Direction as item data."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(words[0], Direction.IN)
    combo.addItem(words[1], Direction.OUT)
    return combo


class ManualPunchDialog(WorkflowFormDialog):
    """Add a punch at a local date and time with IN/OUT and a reason.

    A spring-gap time is refused with the service's message; an autumn time that occurs twice shows a
    choice of occurrence with the first one preselected.

    Signals:
        (``saved`` of FormDialog carries the new punch id)
    """

    def __init__(
        self,
        context: GuiContext,
        employees: Sequence[Employee],
        zone: ZoneInfo,
        day: QDate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("Manual punch"), parent)
        self.setObjectName("manualPunchDialog")
        self._zone = zone
        self.employee = QComboBox()
        self.employee.setObjectName("punchEmployee")
        for employee in employees:
            if employee.is_active:
                self.employee.addItem(employee.full_name, employee.id)
        self.day = QDateEdit(day)
        self.day.setObjectName("punchDate")
        self.day.setCalendarPopup(True)
        self.time = QTimeEdit(QTime(9, 0))
        self.time.setObjectName("punchTime")
        self.time.setDisplayFormat("HH:mm")
        self.direction = direction_combo("punchDirection", (self.tr("In"), self.tr("Out")))
        self.occurrence = QComboBox()
        self.occurrence.setObjectName("punchOccurrence")
        self.reason = _reason_edit("punchReason")
        self.reason.setPlaceholderText(self.tr("e.g. forgot to tap out"))
        self.errors.add_row("employee", self.tr("Employee:"), self.employee)
        self.errors.add_row("date", self.tr("Date:"), self.day)
        self.errors.add_row("time", self.tr("Time:"), self.time)
        self.errors.add_row("occurrence", self.tr("Which one:"), self.occurrence)
        self.errors.add_row("direction", self.tr("Direction:"), self.direction)
        self.errors.add_row("reason", self.tr("Reason:"), self.reason)
        self.day.dateChanged.connect(self._on_moment_changed)
        self.time.timeChanged.connect(self._on_moment_changed)
        self._on_moment_changed()

    def local_time(self) -> datetime:
        """The naive local wall time entered."""
        return combine(self.day.date(), self.time.time())

    @property
    def asks_occurrence(self) -> bool:
        """True when the time occurs twice and the choice is shown."""
        return self.form.isRowVisible(self.occurrence)

    def _on_moment_changed(self) -> None:
        naive = self.local_time()
        twice = is_ambiguous(naive, self._zone)
        self.occurrence.clear()
        if twice:
            for fold, text in ((0, self.tr("first ({0})")), (1, self.tr("second ({0})"))):
                moment = naive.replace(tzinfo=self._zone, fold=fold)
                self.occurrence.addItem(text.format(f"{moment:%H:%M %Z}, UTC{moment:%z}"), fold)
        self.form.setRowVisible(self.occurrence, twice)

    def action(self) -> Callable[[], object]:
        """Add the punch."""
        fold = self.occurrence.currentData() if self.asks_occurrence else None
        return partial(
            self._context.services.punches.add_manual,
            self._context.actor,
            int(self.employee.currentData() or 0),
            self.local_time(),
            self.reason.text(),
            direction=Direction(self.direction.currentData()),
            fold=fold,
        )

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, DomainError) and error.code is ErrorCode.AMBIGUOUS_LOCAL_TIME:
            self._on_moment_changed()
        super()._on_failed(error)


def punch_summary(line: PunchLine, zone: ZoneInfo) -> str:
    """``04.03.2026 08:00  Олена Петренко`` for a dialog's first row."""
    return f"{local_date_time(line.at, zone)}  {line.employee_name}"


class CorrectionDialog(WorkflowFormDialog):
    """Void a punch, or set its direction; a reason is required.

    Signals:
        (``saved`` of FormDialog carries the correction id)
    """

    def __init__(
        self,
        context: GuiContext,
        line: PunchLine,
        zone: ZoneInfo,
        kind: CorrectionKind,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Void punch") if kind is CorrectionKind.VOID else self.tr("Set direction")
        super().__init__(context, title, parent)
        self.setObjectName("correctionDialog")
        self._line = line
        self._kind = kind
        self.direction = direction_combo("correctionDirection", (self.tr("In"), self.tr("Out")))
        self.direction.setCurrentIndex(1 if line.direction is Direction.IN else 0)
        self.reason = _reason_edit("correctionReason")
        self.form.addRow(self.tr("Punch:"), QLabel(punch_summary(line, zone)))
        if kind is CorrectionKind.SET_DIRECTION:
            self.errors.add_row("direction", self.tr("Direction:"), self.direction)
        self.errors.add_row("reason", self.tr("Reason:"), self.reason)

    def action(self) -> Callable[[], object]:
        """Void or set the direction."""
        service, actor = self._context.services.punches, self._context.actor
        if self._kind is CorrectionKind.VOID:
            return partial(service.void, actor, self._line.id, self.reason.text())
        direction = Direction(self.direction.currentData())
        return partial(service.set_direction, actor, self._line.id, direction, self.reason.text())


class UndoDialog(WorkflowFormDialog):
    """Undo one of the corrections in force on a punch; a reason is required.

    Signals:
        (``saved`` of FormDialog carries the undo's id)
    """

    def __init__(
        self,
        context: GuiContext,
        line: PunchLine,
        zone: ZoneInfo,
        corrections: Sequence[Correction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("Undo a correction"), parent)
        self.setObjectName("undoDialog")
        self.correction = QComboBox()
        self.correction.setObjectName("undoCorrection")
        for correction in corrections:
            self.correction.addItem(self._describe(correction, zone), correction.id)
        self.reason = _reason_edit("undoReason")
        self.form.addRow(self.tr("Punch:"), QLabel(punch_summary(line, zone)))
        self.errors.add_row("correction", self.tr("Correction:"), self.correction)
        self.errors.add_row("reason", self.tr("Reason:"), self.reason)

    def _describe(self, correction: Correction, zone: ZoneInfo) -> str:
        if correction.kind is CorrectionKind.VOID:
            what = self.tr("voided")
        else:
            what = self.tr("direction set to {0}").format(
                self.tr("In") if correction.direction is Direction.IN else self.tr("Out")
            )
        return f"{what}: {correction.reason} ({local_date_time(correction.created_at, zone)})"

    def action(self) -> Callable[[], object]:
        """Undo the chosen correction."""
        service, actor = self._context.services.punches, self._context.actor
        return partial(service.undo, actor, int(self.correction.currentData() or 0), self.reason.text())
