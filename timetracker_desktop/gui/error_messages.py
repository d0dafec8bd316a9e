"""Clear, translated messages for expected errors: DomainError codes and database failures."""

from PySide6.QtCore import QCoreApplication

from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.repositories.ports import IntegrityConflictError, StorageUnavailableError

_CONTEXT = "ErrorMessages"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _domain_messages() -> dict[str, str]:
    return {
        "invalid_credentials": _t("Wrong user name or password."),
        "locked_out": _t("Too many failed attempts. This user is locked for 15 minutes."),
        "user_disabled": _t("This user is disabled. Ask an administrator."),
        "permission_denied": _t("Your role does not allow this action."),
        "bad_username": _t("A user name is 2 to 64 letters, digits or . _ @ -"),
        "username_taken": _t("This user name is already taken."),
        "first_user_admin": _t("The first user must be an administrator."),
        "last_admin": _t("The last administrator cannot be removed or disabled."),
        "password_too_short": _t("The password is too short (at least 8 characters)."),
        "password_too_long": _t("The password is too long (at most 72 bytes)."),
        "name_required": _t("Enter the full name."),
        "name_too_long": _t("The name is too long (at most 128 characters)."),
        "too_long": _t("The text is too long."),
        "bad_uid": _t("A card UID is hexadecimal, such as 04A1B2C3."),
        "bad_uid_length": _t("A card UID has 4, 7 or 10 bytes (8, 14 or 20 hex digits)."),
        "bad_phone_code": _t("A phone badge code looks like EMP-1A2B3C4D."),
        "bad_pin": _t("A terminal PIN is 1 to 24 letters or digits."),
        "duplicate_badge": _t("This badge already belongs to another employee."),
        "duplicate_in_file": _t("This badge appears twice in the file."),
        "already_revoked": _t("This badge is already revoked."),
        "reason_required": _t("Enter a reason."),
        "bad_terminal_name": _t("A terminal name is 1 to 64 characters."),
        "terminal_name_taken": _t("A terminal with this name already exists."),
        "bad_server_url": _t("The server address must look like http://192.168.1.20:8000."),
        "unreachable_server_url": _t("Terminals cannot reach this address: choose this PC's LAN address."),
        "bad_time_zone": _t("Unknown time zone."),
        "not_a_number": _t("Enter a whole number."),
        "out_of_range": _t("The value is outside the allowed range."),
        "bad_choice": _t("Choose one of the offered values."),
        "bad_period": _t("The period is not valid."),
        "not_empty": _t("The database already has employees."),
    }


def _storage_messages() -> dict[str, str]:
    return {
        "database server unreachable": _t(
            "The database server cannot be reached. Check the host name, the port and the network."
        ),
        "access denied (wrong user name or password)": _t(
            "The database server refused the user name or password."
        ),
        "the database does not exist": _t(
            "The database does not exist on the server. Create it first (CREATE DATABASE ... utf8mb4)."
        ),
        "access denied to the database": _t("This database user has no rights on this database."),
        "missing rights on a table": _t(
            "This database user lacks rights (it needs to create tables, read and write)."
        ),
        "connection to the database server lost": _t("The connection to the database server was lost."),
        "lock wait timeout": _t("The database is busy. Try again."),
        "deadlock": _t("The database is busy. Try again."),
        "database is locked by another program": _t("The database file is locked by another program."),
        "cannot open the database file": _t(
            "The database file cannot be opened. Check the folder and its rights."
        ),
        "disk I/O error": _t("The disk reported an error while reading the database."),
        "the database file is read-only": _t("The database file is read-only."),
        "the file is not a database": _t("This file is not a TimeTracker database."),
        "the database is not migrated": _t("The database has no tables yet."),
        "disk is full": _t("The disk is full."),
    }


def field_of(error: BaseException) -> str | None:
    """The input field an expected error is about, if any."""
    return error.field if isinstance(error, DomainError) else None


def is_expected(error: BaseException) -> bool:
    """True for errors that are not bugs: shown as messages, never as crash reports."""
    return isinstance(error, DomainError | StorageUnavailableError | IntegrityConflictError)


def message_for(error: BaseException) -> str:
    """A user-facing sentence for an expected error (falls back to a generic sentence)."""
    if isinstance(error, DomainError):
        return _domain_messages().get(error.code) or _domain_fallback(error)
    if isinstance(error, StorageUnavailableError):
        known = _storage_messages().get(error.cause)
        return known or _t("The database is not available: {0}").format(error.cause)
    if isinstance(error, IntegrityConflictError):
        return _t("The change conflicts with data saved meanwhile. Reload and try again.")
    return _t("Something went wrong. The details below help the developers.")


def code_message(code: str, fallback: str) -> str:
    """The sentence for a DomainError code (import rows carry codes, not exceptions)."""
    return _domain_messages().get(code) or fallback


def _domain_fallback(error: DomainError) -> str:
    if error.code.endswith("_not_found"):
        return _t("It was not found; it may have been removed meanwhile. Reload and try again.")
    return _t("The request was refused: {0}").format(error.message)
