"""What a desk-reader read produces: one frozen outcome per card presentation, and reader-level failures."""

from dataclasses import dataclass
from enum import StrEnum

from timetracker_desktop.domain.employees import UidForms, is_random_uid


class ReadFailure(StrEnum):
    """Why a presented card could not be read; the GUI translates by value."""

    TRUNCATED_RESPONSE = "truncated_response"
    UNEXPECTED_STATUS = "unexpected_status"
    MALFORMED_RESPONSE = "malformed_response"
    INVALID_PUBLIC_KEY = "invalid_public_key"
    BAD_UID = "bad_uid"
    CARD_ERROR = "card_error"


@dataclass(frozen=True, slots=True)
class CardRead:
    """A plain contactless card: its canonical UID and the forms other readers print."""

    uid: str
    forms: UidForms

    @property
    def is_random_uid(self) -> bool:
        """A 4-byte random ID (a phone without the badge app): it never identifies anyone."""
        return is_random_uid(self.uid)


@dataclass(frozen=True, slots=True)
class PhoneBadgeRead:
    """A badge phone: its code and key; ``verified`` when it signed a fresh local challenge with that key."""

    code: str
    public_key_b64: str
    verified: bool
    fingerprint: str


@dataclass(frozen=True, slots=True)
class DisabledBadgeRead:
    """A badge phone whose badge is disabled in the app: it answers ``DISABLED`` to every command."""


@dataclass(frozen=True, slots=True)
class ReadInterrupted:
    """The card left the reader before the read finished; ask the user to hold it still and tap again."""


@dataclass(frozen=True, slots=True)
class ReadFailed:
    """The card answered, but not in a way we can use; ``detail`` is English, for logs and the CLI."""

    reason: ReadFailure
    detail: str


@dataclass(frozen=True, slots=True)
class ReadTimedOut:
    """``read_one`` saw no card before its timeout."""


@dataclass(frozen=True, slots=True)
class ReadCancelled:
    """``read_one`` was cancelled by its caller."""


CardOutcome = CardRead | PhoneBadgeRead | DisabledBadgeRead | ReadInterrupted | ReadFailed
ReadOutcome = CardOutcome | ReadTimedOut | ReadCancelled


NO_READER = "no_reader"  # ReaderFault.code on Windows when no reader is plugged in (its service then stops)


@dataclass(frozen=True, slots=True)
class ReaderFault:
    """The PC/SC service failed (stopped, restarted, unreachable); the reader service keeps retrying."""

    code: str
    detail: str
