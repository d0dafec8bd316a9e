"""A legacy import's preview or report: counts per kind, and what was not imported (or changed) and why."""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject

from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.services.legacy.importer import EntityCount
from timetracker_desktop.services.legacy.rules import LegacyIssue

T = TypeVar("T")


class LegacyWords(QObject):
    """Translated names of the kinds of rows and of the reasons (a QObject so that lupdate sees them).

    Signals:
        (none besides QObject's)
    """

    def entity(self, entity: str) -> str:
        """The kind of row, in the user's language."""
        names = {
            "user": self.tr("Users"),
            "position": self.tr("Positions"),
            "employee": self.tr("Employees and badges"),
            "terminal": self.tr("Terminals"),
            "event": self.tr("Events (punches)"),
            "schedule": self.tr("Schedule days"),
            "audit": self.tr("Audit history"),
        }
        return names.get(entity, entity)

    def reason(self, reason: str) -> str:
        """Why a row was skipped or changed; the reason code itself when there is no sentence for it."""
        sentences = {
            "bad_card_uid": self.tr("The card UID is not valid"),
            "bad_cell": self.tr("The schedule entry is not understood"),
            "bad_direction": self.tr("Unknown direction"),
            "bad_name": self.tr("The name was corrected"),
            "bad_phone_code": self.tr("The phone badge code is not valid"),
            "badge_taken": self.tr("The badge already belongs to someone here"),
            "cell_exists": self.tr("This day is already planned here"),
            "demo": self.tr("Demo data of the legacy server"),
            "digits_only_uid": self.tr("A UID of digits only: check the card"),
            "employee_not_imported": self.tr("Its employee was not imported"),
            "empty_placeholder": self.tr("An empty placeholder (00:00-00:00)"),
            "id_taken": self.tr("The terminal number is taken: the tablet needs a new QR"),
            "inactive": self.tr("Imported as active"),
            "invalid_public_key": self.tr("The phone key is not valid: the phone must enroll again"),
            "key_on_card": self.tr("A card cannot have a key: the key was dropped"),
            "key_taken": self.tr("The terminal key is already in use here"),
            "name_taken": self.tr("The name is taken: renamed"),
            "no_bcrypt_hash": self.tr("No usable password: imported disabled"),
            "unknown_role": self.tr("Unknown role: became a viewer"),
            "user_exists": self.tr("The user exists here and was kept as it is"),
        }
        return sentences.get(reason, reason)


def _number(value: Callable[[T], int]) -> Column[T]:
    """A right-aligned column of whole numbers, sorted as numbers."""
    return Column(lambda row: str(value(row)), value, align_right=True)


class LegacyCountsModel(RowTableModel[EntityCount]):
    """Rows of ``EntityCount``: found in the legacy database, new, imported before, skipped.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._words = LegacyWords()
        super().__init__(
            [
                Column(self._kind),
                _number(lambda c: c.found),
                _number(lambda c: c.new),
                _number(lambda c: c.already),
                _number(lambda c: c.skipped),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Kind"),
            self.tr("Found"),
            self.tr("New"),
            self.tr("Imported before"),
            self.tr("Skipped"),
        ]

    def _kind(self, count: EntityCount) -> str:
        return self._words.entity(count.entity)


class LegacyIssuesModel(RowTableModel[LegacyIssue]):
    """Rows of ``LegacyIssue``: kind, legacy id, reason in words, how many alike, the detail.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._words = LegacyWords()
        super().__init__(
            [
                Column(self._kind),
                Column(self._legacy_id, lambda i: i.legacy_id or 0, align_right=True),
                Column(self._reason, tooltip=lambda i: i.reason),
                _number(lambda i: i.count),
                Column(lambda i: i.detail, tooltip=lambda i: i.detail),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Kind"), self.tr("Legacy id"), self.tr("Why"), self.tr("Rows"), self.tr("Details")]

    def _kind(self, issue: LegacyIssue) -> str:
        return self._words.entity(issue.entity)

    @staticmethod
    def _legacy_id(issue: LegacyIssue) -> str:
        return "" if issue.legacy_id is None else str(issue.legacy_id)

    def _reason(self, issue: LegacyIssue) -> str:
        return self._words.reason(issue.reason)
