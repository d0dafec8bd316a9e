"""The Reports page's month closing bar: the chosen month's state, Close month... and Reopen month..."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.month_closing import ClosedMonth, Month
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.gui.kit.confirm import ask
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.services.container import Services


@dataclass(frozen=True, slots=True)
class MonthState:
    """A month's closing (None: never closed) and the office zone to show its instants in."""

    month: Month
    closing: ClosedMonth | None
    zone: ZoneInfo


def read_state(services: Services, month: Month) -> MonthState:
    """The month's state (worker thread)."""
    return MonthState(month, services.months.status(month), services.settings.current().zone)


def close_month(services: Services, actor: Actor, month: Month) -> MonthState:
    """Close the month (worker thread)."""
    services.months.close(actor, month)
    return read_state(services, month)


def reopen_month(services: Services, actor: Actor, month: Month, reason: str) -> MonthState:
    """Reopen the month (worker thread)."""
    services.months.reopen(actor, month, reason)
    return read_state(services, month)


class ReopenMonthDialog(QDialog):
    """Asks the reason for reopening a month; ``reason()`` after Accept."""

    def __init__(self, month: Month, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reopenMonthDialog")
        self.setWindowTitle(self.tr("Reopen month {0}").format(month))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reopenReason")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("Why must the handed-over month change?"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        text = self.tr(
            "Punches, corrections and absences of {0} can be changed again until the month is closed anew. "
            "The timesheet handed over at closing is kept, so the changes can be compared with it."
        ).format(month)
        note = QLabel(text)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Reason:")))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason_edit.text().strip()))

    def reason(self) -> str:
        """The reason typed."""
        return self.reason_edit.text().strip()


class MonthClosingBar(QWidget):
    """Whether the chosen month is closed (by whom, when), with Close month... / Reopen month... for admins.

    Signals:
        changed(): a month was closed or reopened (the report shown may say so now)
    """

    changed = Signal()

    def __init__(self, context: GuiContext, month_period: Callable[[], tuple[date, date]]) -> None:
        super().__init__()
        self._context = context
        self._month_period = month_period
        self.closing: ClosedMonth | None = None
        self.state = QLabel()
        self.state.setObjectName("monthClosingState")
        self.close_button = QPushButton(self.tr("Close month..."))
        self.close_button.setObjectName("closeMonthButton")
        self.reopen_button = QPushButton(self.tr("Reopen month..."))
        self.reopen_button.setObjectName("reopenMonthButton")
        admin = context.can(Permission.MANAGE_SETTINGS)
        self.close_button.setVisible(admin)
        self.reopen_button.setVisible(admin)
        self.close_button.clicked.connect(self.ask_close)
        self.reopen_button.clicked.connect(self.ask_reopen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.close_button)
        layout.addWidget(self.reopen_button)
        self.dialog: ReopenMonthDialog | None = None
        self._set_state(None)

    def month(self) -> Month:
        """The month chosen in the filter bar."""
        return Month.of(self._month_period()[0])

    def refresh(self) -> None:
        """Read the chosen month's state (off the GUI thread)."""
        work = partial(read_state, self._context.services, self.month())
        self._context.runner.run(work, self._on_state, self._on_failed)

    def _on_state(self, state: MonthState) -> None:
        if state.month == self.month():  # the user may have chosen another month meanwhile
            self._set_state(state)

    def _set_state(self, state: MonthState | None) -> None:
        closing = None if state is None else state.closing
        self.closing = closing
        closed = closing is not None and closing.closed
        self.close_button.setEnabled(state is not None and not closed)
        self.reopen_button.setEnabled(closed)
        month = self.month()
        if state is None or closing is None:
            self.state.setText(self.tr("{0}: open").format(month))
        elif closing.closed:
            when = closing.closed_at.astimezone(state.zone).strftime("%d.%m.%Y %H:%M")
            self.state.setText(self.tr("{0}: closed on {1} by {2}").format(month, when, closing.closed_by))
        else:
            self.state.setText(self.tr("{0}: reopened ({1})").format(month, closing.reopen_reason or ""))

    def ask_close(self) -> None:
        """Ask, then close the chosen month."""
        month = self.month()
        text = self.tr(
            "Close {0}? Punches, corrections and absences of the month can no longer be changed, and the "
            "timesheet as it is now is kept as the one handed over."
        ).format(month)
        ask(self, "closeMonthQuestion", self.tr("Close month"), text, partial(self._close, month))

    def _close(self, month: Month) -> None:
        work = partial(close_month, self._context.services, self._context.actor, month)
        self._context.runner.run(work, self._on_changed, self._on_failed)

    def ask_reopen(self) -> None:
        """Ask for the reason, then reopen the chosen month."""
        month = self.month()
        self.dialog = ReopenMonthDialog(month, self)
        self.dialog.accepted.connect(partial(self._reopen, month))
        self.dialog.open()

    def _reopen(self, month: Month) -> None:
        reason = self.dialog.reason() if self.dialog is not None else ""
        work = partial(reopen_month, self._context.services, self._context.actor, month, reason)
        self._context.runner.run(work, self._on_changed, self._on_failed)

    def _on_changed(self, state: MonthState) -> None:
        self._set_state(state)
        self.changed.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.state.setText(message_for(error))
