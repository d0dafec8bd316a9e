"""Domain error tree: expected, user-facing failures with a machine-readable code."""

from enum import StrEnum

from timetracker_desktop.domain.audit import EntityType


class ErrorCode(StrEnum):
    """Every ``DomainError.code``: stable words of the wire and the logs; the GUI gives each a sentence.

    Members equal their old strings, so replies and tests that compare with text are unchanged.
    """

    DOMAIN_ERROR = "domain_error"
    INVALID = "invalid"
    CONFLICT = "conflict"
    PERMISSION_DENIED = "permission_denied"
    # sign-in and users
    INVALID_CREDENTIALS = "invalid_credentials"
    LOCKED_OUT = "locked_out"
    USER_DISABLED = "user_disabled"
    BAD_USERNAME = "bad_username"
    USERNAME_TAKEN = "username_taken"
    FIRST_USER_ADMIN = "first_user_admin"
    LAST_ADMIN = "last_admin"
    PASSWORD_TOO_SHORT = "password_too_short"  # noqa: S105 - an error code, not a password
    PASSWORD_TOO_LONG = "password_too_long"  # noqa: S105 - an error code, not a password
    # people and badges
    NAME_REQUIRED = "name_required"
    NAME_TOO_LONG = "name_too_long"
    TOO_LONG = "too_long"
    BAD_UID = "bad_uid"
    BAD_UID_LENGTH = "bad_uid_length"
    RANDOM_UID = "random_uid"
    BAD_PHONE_CODE = "bad_phone_code"
    BAD_PIN = "bad_pin"
    DUPLICATE_BADGE = "duplicate_badge"
    DUPLICATE_IN_FILE = "duplicate_in_file"
    BADGE_TAKEN = "badge_taken"
    ALREADY_REVOKED = "already_revoked"
    NOT_VERIFIED = "not_verified"
    KEY_ALREADY_REGISTERED = "key_already_registered"
    INVALID_PUBLIC_KEY = "invalid_public_key"
    INVALID_CHALLENGE = "invalid_challenge"
    EVENT_ID_CONFLICT = "event_id_conflict"
    REASON_REQUIRED = "reason_required"
    NOT_EMPTY = "not_empty"
    # terminals and ZKTeco devices
    BAD_TERMINAL_NAME = "bad_terminal_name"
    TERMINAL_NAME_TAKEN = "terminal_name_taken"
    BAD_SERVER_URL = "bad_server_url"
    UNREACHABLE_SERVER_URL = "unreachable_server_url"
    ALREADY_APPROVED = "already_approved"
    DEVICE_NOT_APPROVED = "device_not_approved"
    BAD_DIRECTION_MODE = "bad_direction_mode"
    CONFIRMATION_REQUIRED = "confirmation_required"
    NO_PINS = "no_pins"
    BAD_COMMAND = "bad_command"
    # punches, corrections and the unassigned queue
    DIRECTION_REQUIRED = "direction_required"
    UNDO_OF_UNDO = "undo_of_undo"
    ALREADY_RESOLVED = "already_resolved"
    ALIAS_NEEDS_CARD = "alias_needs_card"
    NONEXISTENT_LOCAL_TIME = "nonexistent_local_time"
    AMBIGUOUS_LOCAL_TIME = "ambiguous_local_time"
    # schedules, settings and periods
    BAD_CELL = "bad_cell"
    BAD_BREAK = "bad_break"
    BAD_MONTH = "bad_month"
    BAD_TEMPLATE = "bad_template"
    BAD_NAME = "bad_name"
    BAD_TIME_ZONE = "bad_time_zone"
    BAD_RANGE = "bad_range"
    BAD_PERIOD = "bad_period"
    BAD_ABSENCE_TYPE = "bad_absence_type"
    BAD_ABSENCE_RANGE = "bad_absence_range"
    ABSENCE_OVERLAP = "absence_overlap"
    MONTH_FORMAT = "month_format"
    MONTH_CLOSED = "month_closed"
    MONTH_NOT_CLOSED = "month_not_closed"
    MONTH_ALREADY_CLOSED = "month_already_closed"
    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    BAD_CHOICE = "bad_choice"
    UNKNOWN_SETTING = "unknown_setting"
    # reports
    EMPLOYEE_REQUIRED = "employee_required"
    BAD_LANGUAGE = "bad_language"
    FONT_NOT_FOUND = "font_not_found"
    REPORT_CANCELLED = "report_cancelled"
    # backups and folders
    BACKUP_FROM_NEWER_VERSION = "backup_from_newer_version"
    BACKUP_UNREADABLE = "backup_unreadable"
    BACKUP_MISMATCH = "backup_mismatch"
    NOTHING_TO_REAPPROVE = "nothing_to_reapprove"
    ADDRESS_CHANGED_AGAIN = "address_changed_again"
    BACKUP_TAMPERED = "backup_tampered"
    BACKUP_FOREIGN = "backup_foreign"
    BACKUP_IS_ARCHIVE = "backup_is_archive"  # a purge's archive offered as a backup to restore over live data
    BACKUP_KEY_DAMAGED = "backup_key_damaged"
    RESTORE_FAILED = "restore_failed"
    BAD_FOLDER = "bad_folder"
    BAD_DATABASE_URL = "bad_database_url"
    DATABASE_NOT_SUPPORTED = "database_not_supported"
    DATABASE_FOLDER_MISSING = "database_folder_missing"
    DATABASE_ON_NETWORK_SHARE = "database_on_network_share"
    PURGE_PROTECTED_PERIOD = "purge_protected_period"  # the date is inside the protected months
    PURGE_NOT_CONFIRMED = "purge_not_confirmed"  # no --yes and no one to ask
    PURGE_ARCHIVE_FAILED = "purge_archive_failed"  # the archive could not be written or read back
    # the listener as the desktop starts it ("listener_" + ListenerStartError.reason)
    LISTENER_PORT_IN_USE = "listener_port_in_use"
    LISTENER_PORT_RESERVED = "listener_port_reserved"  # Windows error 10013: an excluded port range
    LISTENER_ADDRESS_UNAVAILABLE = "listener_address_unavailable"
    LISTENER_NO_PERMISSION = "listener_no_permission"
    LISTENER_FAILED = "listener_failed"
    LISTENER_EXITED = "listener_exited"
    # NotFoundError: "<entity>_not_found"
    EMPLOYEE_NOT_FOUND = "employee_not_found"
    BADGE_NOT_FOUND = "badge_not_found"
    USER_NOT_FOUND = "user_not_found"
    TERMINAL_NOT_FOUND = "terminal_not_found"
    ADMS_DEVICE_NOT_FOUND = "adms_device_not_found"
    PUNCH_NOT_FOUND = "punch_not_found"
    CORRECTION_NOT_FOUND = "correction_not_found"
    UNASSIGNED_NOT_FOUND = "unassigned_not_found"
    TEMPLATE_NOT_FOUND = "template_not_found"
    ABSENCE_NOT_FOUND = "absence_not_found"


class DomainError(Exception):
    """An expected failure of a use case; ``code`` is stable, ``message`` is English detail.

    The GUI translates by ``code``; the CLI prints ``message``; the listener maps to protocol codes.
    """

    def __init__(
        self,
        message: str,
        code: ErrorCode = ErrorCode.DOMAIN_ERROR,
        field: str | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        self.params = params or {}


class ValidationError(DomainError):
    """Input that breaks a rule (bad time zone, end before start, malformed UID...)."""

    def __init__(
        self, message: str, *, code: ErrorCode = ErrorCode.INVALID, field: str | None = None
    ) -> None:
        super().__init__(message, code, field)


class NotFoundError(DomainError):
    """The referenced entity does not exist; its code is ``<entity>_not_found``."""

    def __init__(self, entity: EntityType, key: object) -> None:
        # ErrorCode() refuses an entity without a code, so a new one cannot slip past the GUI's words
        code = ErrorCode(f"{entity}_not_found")
        super().__init__(f"{entity} {key} not found", code, None, {"key": str(key)})


class ConflictError(DomainError):
    """The change collides with existing data (duplicate badge, username taken...)."""

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode = ErrorCode.CONFLICT,
        field: str | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message, code, field, params)


class PermissionDeniedError(DomainError):
    """The acting user's role does not allow this use case."""

    def __init__(self, action: str) -> None:
        super().__init__(f"not permitted: {action}", ErrorCode.PERMISSION_DENIED, None, {"action": action})


class AuthenticationError(DomainError):
    """Login refused: wrong credentials, disabled user or locked out."""

    def __init__(self, message: str, *, code: ErrorCode = ErrorCode.INVALID_CREDENTIALS) -> None:
        super().__init__(message, code)
