"""One word per thing the manager sees about a tap: direction, correction, void, flag, unknown badge.

The walk found three words for the same thing («Авто», «Відмітка», «перепризначено») on Today and Events;
every page takes its words from here, and the user guide's glossary explains them.
"""

from PySide6.QtCore import QObject

from timetracker_desktop.domain.attendance import Direction, PunchFlag


class PunchWords(QObject):
    """Translated words for taps (context ``PunchWords``), built once per model.

    Signals:
        (none besides QObject's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directions = {
            Direction.IN: self.tr("In"),
            Direction.OUT: self.tr("Out"),
            Direction.AUTO: self.tr("Auto"),  # decided by the rule when time is worked out
        }
        self._flags = {
            PunchFlag.CLOCK_SKEW: self.tr("terminal clock off"),
            PunchFlag.DOUBLE_TAP: self.tr("double tap"),
            PunchFlag.REASSIGNED: self.tr("assigned from the queue"),  # the Assign action of Unassigned
            PunchFlag.LEGACY: self.tr("legacy"),
        }

    def direction(self, direction: Direction) -> str:
        """In, Out or Auto."""
        return self._directions[direction]

    def corrected(self, text: str) -> str:
        """A direction a correction set."""
        return self.tr("{0} (corrected)").format(text)

    def flag(self, flag: PunchFlag) -> str:
        """A punch flag in words."""
        return self._flags[flag]

    def voided(self) -> str:
        """The mark of a voided tap."""
        return self.tr("voided")

    def void_reason(self, reason: str | None) -> str:
        """Why a tap was voided, for the Reason column and tooltips."""
        return self.tr("Voided: {0}").format(reason) if reason else self.voided()

    def unknown_card(self, value: str) -> str:
        """A tap nobody could be found for."""
        return self.tr("Unknown badge {0}").format(value)

    def unknown_hint(self) -> str:
        """Where an unknown tap waits."""
        return self.tr("Nobody has this badge: assign the tap in Events, Unassigned.")
