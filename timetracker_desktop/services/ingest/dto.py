"""Commands, outcomes and notices of terminal scans and terminal enrollment (frozen dataclasses)."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from timetracker_desktop.domain.attendance import Direction


class ScanOutcome(StrEnum):
    """What a scan did; the values are the protocol's status codes (TERMINAL_PROTOCOL §3.2, §5)."""

    RECORDED = "recorded"
    COOLDOWN = "cooldown"
    INVALID_CHALLENGE = "invalid_challenge"
    BAD_SIGNATURE = "bad_signature"
    UNKNOWN_BADGE = "unknown_badge"
    NOT_ENROLLED = "not_enrolled"
    BADGE_REVOKED = "badge_revoked"
    EMPLOYEE_INACTIVE = "employee_inactive"
    RANDOM_UID = "random_uid"
    SIGNATURE_REQUIRED = "signature_required"

    @property
    def ok(self) -> bool:
        """Recorded and cooldown are granted; everything else is "access denied"."""
        return self in (ScanOutcome.RECORDED, ScanOutcome.COOLDOWN)


class EnrollOutcome(StrEnum):
    """What a terminal enrollment (first scan) did; the values are the protocol's codes (§3.3)."""

    PUBLIC_KEY_SAVED = "public_key_saved"
    PUBLIC_KEY_UNCHANGED = "public_key_unchanged"
    NOT_PERMITTED = "not_permitted"
    ENROLLMENT_CLOSED = "enrollment_closed"
    UNKNOWN_BADGE = "unknown_badge"
    BADGE_REVOKED = "badge_revoked"
    EMPLOYEE_INACTIVE = "employee_inactive"
    INVALID_KEY = "invalid_key"
    KEY_ALREADY_REGISTERED = "key_already_registered"

    @property
    def ok(self) -> bool:
        """Whether the key is now stored."""
        return self in (EnrollOutcome.PUBLIC_KEY_SAVED, EnrollOutcome.PUBLIC_KEY_UNCHANGED)


class NoticeKind(StrEnum):
    """Which kind of terminal event a notice reports."""

    PHONE_SCAN = "phone_scan"
    CARD_SCAN = "card_scan"
    ENROLLMENT = "enrollment"


@dataclass(frozen=True, slots=True)
class SecureScan:
    """A signed phone-badge scan as an Android terminal reports it."""

    code: str
    challenge_b64: str
    signature_b64: str
    terminal_ts: datetime | None = None


@dataclass(frozen=True, slots=True)
class CardScan:
    """A card-UID read as a card terminal reports it."""

    raw_uid: str
    terminal_ts: datetime | None = None
    direction: Direction | None = None
    event_id: str | None = None


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The outcome of one scan; ``direction`` is the punch's, or for a cooldown the one that started it."""

    outcome: ScanOutcome
    received_at: datetime
    employee_id: int | None = None
    employee_name: str | None = None
    direction: Direction | None = None
    punch_id: int | None = None
    retry_after_s: int | None = None


@dataclass(frozen=True, slots=True)
class CardScanResult:
    """A card scan's outcome; ``duplicate`` when it is the stored first outcome of a repeated event id."""

    result: ScanResult
    event_id: str | None
    duplicate: bool = False


@dataclass(frozen=True, slots=True)
class EnrollResult:
    """The outcome of a terminal enrollment."""

    outcome: EnrollOutcome
    employee_id: int | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ScanNotice:
    """For the GUI's live feed: a terminal event, decided and (if anything was stored) committed."""

    kind: NoticeKind
    terminal_id: int
    outcome: str
    at: datetime
    employee_id: int | None = None
    employee_name: str | None = None
    direction: Direction | None = None
    punch_id: int | None = None


@dataclass(frozen=True, slots=True)
class TerminalHealth:
    """A terminal's health as the GUI and the CLI show it."""

    terminal_id: int
    last_seen_at: datetime | None
    day: date
    requests_today: int
    taps_today: int
    online: bool


def scan_notice(kind: NoticeKind, terminal_id: int, result: ScanResult) -> ScanNotice:
    """The live-feed notice of a scan's result."""
    return ScanNotice(
        kind,
        terminal_id,
        result.outcome.value,
        result.received_at,
        result.employee_id,
        result.employee_name,
        result.direction,
        result.punch_id,
    )
