"""Enroll a badge from the desk reader: wait for a tap, show it, refuse someone else's badge, save."""

import logging
from collections.abc import Callable
from enum import Enum, auto
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.errors import DomainError, ErrorCode
from timetracker_desktop.gui.dialogs.badge_read import BadgeReadView, ReadMessages, badge_of
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import is_expected, message_for
from timetracker_desktop.hardware.outcomes import CardOutcome, CardRead, PhoneBadgeRead
from timetracker_desktop.services.people.desk_enrollment import Enrollment, EnrollmentResult, Identification

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 30
TICK_MS = 1000


class Step(Enum):
    """Where the dialog is."""

    NO_READER = auto()
    WAITING = auto()
    PROBLEM = auto()  # an unusable read; still waiting for a tap
    TIMED_OUT = auto()
    CHECKING = auto()
    READY = auto()  # nobody holds the badge
    OWNED = auto()  # this employee already holds it
    TAKEN = auto()  # someone else holds it
    SAVING = auto()
    SAVED = auto()
    FAILED = auto()
    CLOSED = auto()


LISTENING = frozenset({Step.WAITING, Step.PROBLEM})
_BUTTONS: dict[Step, frozenset[str]] = {
    Step.NO_READER: frozenset({"manual"}),
    Step.PROBLEM: frozenset({"manual"}),
    Step.TIMED_OUT: frozenset({"retry", "manual"}),
    Step.READY: frozenset({"enroll", "retry"}),
    Step.OWNED: frozenset({"retry"}),
    Step.TAKEN: frozenset({"reassign", "retry"}),
    Step.SAVED: frozenset({"retry"}),
    Step.FAILED: frozenset({"retry"}),
}


class EnrollBadgeDialog(QDialog):
    """Waits (with a countdown) for a card or a badge phone on the desk reader and enrolls it.

    A badge held by someone else is refused, naming them, unless the manager reassigns it
    explicitly (after a confirmation). Without a reader it explains that and offers manual entry.

    Signals:
        badge_read(object): a tap was shown (the ``CardOutcome``).
        saved(object): the ``Enrollment`` after a save.
        manual_requested(): the manager chose to type the UID or phone code by hand.
    """

    badge_read = Signal(object)
    saved = Signal(object)
    manual_requested = Signal()

    def __init__(
        self,
        context: GuiContext,
        employee: Employee,
        parent: QWidget | None = None,
        timeout_s: int = DEFAULT_TIMEOUT_S,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enrollBadgeDialog")
        self.setWindowTitle(self.tr("Enroll a badge for {0}").format(employee.full_name))
        self.setMinimumWidth(520)
        self._context = context
        self._employee = employee
        self._timeout_s = timeout_s
        self._remaining = timeout_s
        self._messages = ReadMessages(self)
        self._read: CardRead | PhoneBadgeRead | None = None
        self._holder: Employee | None = None
        self.step = Step.NO_READER
        self.confirmation: QMessageBox | None = None
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        self._connect_reader()
        self._start()

    def _build(self) -> None:
        self.prompt = QLabel()
        self.prompt.setObjectName("enrollPrompt")
        self.prompt.setWordWrap(True)
        self.countdown = QProgressBar()
        self.countdown.setObjectName("enrollCountdown")
        self.countdown.setRange(0, self._timeout_s)
        self.countdown.setFormat(self.tr("%v s left"))
        self.details = BadgeReadView()
        self.buttons = QDialogButtonBox()
        self.enroll_button = self._button("enrollSave", self.tr("Enroll"), self._on_enroll_clicked)
        self.reassign_button = self._button(
            "enrollReassign", self.tr("Reassign to this employee..."), self._on_reassign_clicked
        )
        self.retry_button = self._button("enrollRetry", self.tr("Read another badge"), self._on_retry_clicked)
        self.manual_button = self._button(
            "enrollManual", self.tr("Enter by hand..."), self._on_manual_clicked
        )
        self.close_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("enrollClose")
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.countdown)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _connect_reader(self) -> None:
        reader = self._context.reader
        if reader is not None:
            reader.card_presented.connect(self._on_card_presented)
            reader.reader_gone.connect(self._on_reader_gone)
            reader.reader_back.connect(self._on_reader_back)

    def _start(self) -> None:
        reader = self._context.reader
        if reader is None or not reader.connected:
            self._timer.stop()
            self._enter(Step.NO_READER, self._no_reader_text())
            return
        self._read = None
        self.details.clear()
        self._remaining = self._timeout_s
        self.countdown.setValue(self._remaining)
        self._timer.start()
        self._enter(
            Step.WAITING,
            self.tr("Tap the card or the phone with the badge app on the reader {0}...").format(
                reader.active_reader
            ),
        )

    def _no_reader_text(self) -> str:
        return self.tr(
            "No desk reader is connected. Connect a USB NFC reader (it is found at once), "
            "or enter the card UID or the phone badge code by hand."
        )

    def _enter(self, step: Step, prompt: str) -> None:
        self.step = step
        self.prompt.setText(prompt)
        shown = _BUTTONS.get(step, frozenset())
        for name, button in (
            ("enroll", self.enroll_button),
            ("reassign", self.reassign_button),
            ("retry", self.retry_button),
            ("manual", self.manual_button),
        ):
            button.setVisible(name in shown)
        self.retry_button.setText(
            self.tr("Wait again") if step is Step.TIMED_OUT else self.tr("Read another badge")
        )
        self.close_button.setText(self.tr("Close") if step is Step.SAVED else self.tr("Cancel"))
        self.close_button.setEnabled(step is not Step.SAVING)
        self.countdown.setVisible(step in LISTENING)

    # The reader.

    def _on_card_presented(self, _reader: str, outcome: CardOutcome) -> None:
        if self.step not in LISTENING:
            return
        self.details.show_outcome(outcome)
        self.badge_read.emit(outcome)
        problem = self._messages.problem(outcome)
        if problem is not None or not isinstance(outcome, CardRead | PhoneBadgeRead):
            self._enter(Step.PROBLEM, problem or "")
            return
        self._timer.stop()
        self._read = outcome
        self._check_holder()

    def _on_reader_gone(self, _reader: str) -> None:
        if self.step in LISTENING:
            self._timer.stop()
            self._enter(Step.NO_READER, self._no_reader_text())

    def _on_reader_back(self, _reader: str) -> None:
        if self.step is Step.NO_READER:
            self._start()

    def _on_tick(self) -> None:
        self._remaining -= 1
        self.countdown.setValue(max(0, self._remaining))
        if self._remaining <= 0:
            self._timer.stop()
            self._enter(Step.TIMED_OUT, self.tr("No badge was tapped in time."))

    # Who holds it.

    def _check_holder(self) -> None:
        badge = badge_of(self._read) if self._read is not None else None
        if badge is None:
            return
        self._enter(Step.CHECKING, self.tr("Checking who holds this badge..."))
        work = partial(self._context.services.desk_enrollment.identify, *badge)
        self._context.runner.run(work, self._on_identified, self._on_failed)

    def _on_identified(self, found: Identification) -> None:
        holder = found.employee
        self._holder = holder
        name = self._employee.full_name
        if holder is None:
            self.details.set_holder(self.tr("nobody yet"))
            self._enter(Step.READY, self.tr("Nobody holds this badge yet. Enroll it for {0}?").format(name))
        elif holder.id == self._employee.id:
            self.details.set_holder(holder.full_name)
            self._enter_owned(name)
        else:
            self.details.set_holder(holder.full_name)
            text = self.tr(
                "This badge belongs to {0}. It can be enrolled for {1} only by reassigning it to them."
            )
            self._enter(Step.TAKEN, text.format(holder.full_name, name))

    def _enter_owned(self, name: str) -> None:
        if isinstance(self._read, PhoneBadgeRead):  # saving again stores the verified key if it is missing
            self._enter(
                Step.READY, self.tr("This phone is already enrolled for {0}. Save its key?").format(name)
            )
        else:
            self._enter(Step.OWNED, self.tr("This card is already enrolled for {0}.").format(name))

    # Saving.

    def _on_enroll_clicked(self) -> None:
        self._save(reassign=False)

    def _on_reassign_clicked(self) -> None:
        holder = self._holder.full_name if self._holder is not None else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Reassign the badge"),
            self.tr(
                "Take this badge from {0} and give it to {1}? {0} will no longer be able to use it."
            ).format(holder, self._employee.full_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmReassign")
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Reassign"))
        yes.clicked.connect(self._on_reassign_confirmed)
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        self.confirmation = box
        box.open()

    def _on_reassign_confirmed(self) -> None:
        self._save(reassign=True)

    def _save(self, *, reassign: bool) -> None:
        if self._read is None:
            return
        self._enter(Step.SAVING, self.tr("Saving..."))
        self._context.runner.run(
            self._enroll_work(self._read, reassign), self._on_saved, self._on_failed, write=True
        )

    def _enroll_work(self, read: CardRead | PhoneBadgeRead, reassign: bool) -> Callable[[], Enrollment]:
        service, actor, employee_id = (
            self._context.services.desk_enrollment,
            self._context.actor,
            self._employee.id,
        )
        if isinstance(read, CardRead):
            return partial(service.enroll_card, actor, employee_id, read.uid, reassign=reassign)
        return partial(
            service.enroll_phone,
            actor,
            employee_id,
            read.code,
            read.public_key_b64,
            verified=read.verified,
            reassign=reassign,
        )

    def _on_saved(self, enrollment: Enrollment) -> None:
        self._enter(Step.SAVED, self._result_text(enrollment.result))
        self.saved.emit(enrollment)

    def _result_text(self, result: EnrollmentResult) -> str:
        name = self._employee.full_name
        texts = {
            EnrollmentResult.CREATED: self.tr("Enrolled for {0}."),
            EnrollmentResult.REASSIGNED: self.tr(
                "Reassigned to {0}; the previous holder can no longer use it."
            ),
            EnrollmentResult.ALREADY_ENROLLED: self.tr("Already enrolled for {0}; nothing changed."),
            EnrollmentResult.KEY_SAVED: self.tr("The phone's verified key was saved for {0}."),
        }
        return texts[result].format(name)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, DomainError) and error.code is ErrorCode.BADGE_TAKEN:
            self._check_holder()  # taken meanwhile: show who holds it now
            return
        if not is_expected(error):
            log.error("unexpected error while enrolling a badge", exc_info=error)
        self._enter(Step.FAILED, message_for(error))

    # Buttons.

    def _on_retry_clicked(self) -> None:
        self._start()

    def _on_manual_clicked(self) -> None:
        self.manual_requested.emit()
        self.reject()

    def done(self, result: int) -> None:
        """Stop waiting when the dialog closes."""
        self._timer.stop()
        self.step = Step.CLOSED
        super().done(result)
