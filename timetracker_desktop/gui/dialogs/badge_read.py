"""What a tap on the desk reader produced, shown as a form; translated sentences for unusable reads."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.hardware.outcomes import (
    CardOutcome,
    CardRead,
    DisabledBadgeRead,
    PhoneBadgeRead,
    ReadFailure,
    ReadInterrupted,
)

VERIFIED_STYLE = "color: #1b7f3b; font-weight: 600"
NOT_VERIFIED_STYLE = "color: #b00020; font-weight: 600"


def badge_of(outcome: CardOutcome) -> tuple[BadgeKind, str] | None:
    """The badge a read names (kind, value), if it names one."""
    if isinstance(outcome, CardRead) and not outcome.is_random_uid:
        return BadgeKind.CARD, outcome.uid
    if isinstance(outcome, PhoneBadgeRead):
        return BadgeKind.PHONE, outcome.code
    return None


def can_enroll(outcome: CardOutcome) -> bool:
    """A card with a real UID, or a phone that proved it holds its key."""
    if isinstance(outcome, PhoneBadgeRead):
        return outcome.verified
    return badge_of(outcome) is not None


class ReadMessages(QObject):
    """Translated sentences for reads that cannot be used (a QObject so that lupdate sees them).

    Signals:
        (none besides QObject's)
    """

    def problem(self, outcome: CardOutcome) -> str | None:
        """Why this read cannot be enrolled, or None when it can."""
        if isinstance(outcome, CardRead):
            return self._random_uid() if outcome.is_random_uid else None
        if isinstance(outcome, PhoneBadgeRead):
            return None if outcome.verified else self._not_verified()
        if isinstance(outcome, DisabledBadgeRead):
            return self.tr("The badge is disabled in the phone's app. Turn it on in the app and tap again.")
        if isinstance(outcome, ReadInterrupted):
            return self.tr("The badge was taken away too early. Hold it still on the reader and tap again.")
        return self._failure(outcome.reason)

    def _random_uid(self) -> str:
        return self.tr(
            "This is a random ID (a phone without the badge app, or with the app closed): it never "
            "identifies anyone. Open the badge app and tap again."
        )

    def _not_verified(self) -> str:
        return self.tr(
            "The phone did not prove that it holds its key (wrong signature). It cannot be enrolled; "
            "nothing was saved."
        )

    def _failure(self, reason: ReadFailure) -> str:
        if reason is ReadFailure.TRUNCATED_RESPONSE:
            return self.tr(
                "This reader cuts the phone's long replies, so the phone cannot be checked here. "
                "Enroll this phone through an Android terminal in register mode."
            )
        if reason is ReadFailure.INVALID_PUBLIC_KEY:
            return self.tr("The phone sent a key that is not valid. Reinstall the badge app and tap again.")
        if reason is ReadFailure.BAD_UID:
            return self.tr("The card sent a UID that is not valid. Tap again or use another card.")
        return self.tr("The badge could not be read. Tap again; if it keeps failing, try another badge.")


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class BadgeReadView(QGroupBox):
    """The forms of a card UID, or a phone's code and key check, and who holds the badge.

    Signals:
        (none besides QGroupBox's)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Read from the badge"), parent)
        self.setObjectName("badgeRead")
        self.form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        self._add("uid", self.tr("Card UID:"))
        self._add("reversed", self.tr("Reversed:"))
        self._add("decimal", self.tr("Decimal:"))
        self._add("code", self.tr("Phone badge code:"))
        self._add("key", self.tr("Key:"))
        self._add("fingerprint", self.tr("Key fingerprint:"))
        self._add("holder", self.tr("Holder:"))
        self.values["decimal"].setToolTip(
            self.tr("Little-endian / big-endian: other readers and systems print one of these.")
        )
        self.clear()

    def _add(self, key: str, label: str) -> None:
        value = _value_label(f"read_{key}")
        self.values[key] = value
        self.form.addRow(label, value)

    def _show(self, **values: str) -> None:
        for key, label in self.values.items():
            text = values.get(key)
            label.setText(text or "")
            self.form.setRowVisible(label, text is not None)
        self.setVisible(bool(values))

    def clear(self) -> None:
        """Show nothing (hidden)."""
        self._show()

    def show_outcome(self, outcome: CardOutcome) -> None:
        """Fill the rows for a card or a phone; other reads show nothing."""
        if isinstance(outcome, CardRead):
            forms = outcome.forms
            decimal = self.tr("{0} / {1}").format(forms.decimal_le, forms.decimal_be)
            self._show(uid=outcome.uid, reversed=forms.reversed_hex, decimal=decimal)
        elif isinstance(outcome, PhoneBadgeRead):
            key = (
                self.tr("verified by a fresh challenge")
                if outcome.verified
                else self.tr("NOT verified: wrong signature")
            )
            self._show(code=outcome.code, key=key, fingerprint=outcome.fingerprint)
            self.values["key"].setStyleSheet(VERIFIED_STYLE if outcome.verified else NOT_VERIFIED_STYLE)
        else:
            self.clear()

    def set_holder(self, text: str) -> None:
        """Show the holder row."""
        holder = self.values["holder"]
        holder.setText(text)
        self.form.setRowVisible(holder, True)
