"""Clear, translated messages for expected errors: DomainError codes and database failures."""

from PySide6.QtCore import QObject

from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.repositories.ports.storage import IntegrityConflictError, StorageUnavailableError


class ErrorMessages(QObject):
    """Holds the translated sentences (a QObject so that lupdate sees its ``tr`` calls).

    Signals:
        (none besides QObject's)
    """

    def domain(self) -> dict[str, str]:
        """Sentences by DomainError code."""
        return {
            "invalid_credentials": self.tr("Wrong user name or password."),
            "locked_out": self.tr("Too many failed attempts. This user is locked for 15 minutes."),
            "user_disabled": self.tr("This user is disabled. Ask an administrator."),
            "permission_denied": self.tr("Your role does not allow this action."),
            "bad_username": self.tr("A user name is 2 to 64 letters, digits or . _ @ -"),
            "username_taken": self.tr("This user name is already taken."),
            "first_user_admin": self.tr("The first user must be an administrator."),
            "last_admin": self.tr("The last administrator cannot be removed or disabled."),
            "password_too_short": self.tr("The password is too short (at least 8 characters)."),
            "password_too_long": self.tr("The password is too long (at most 72 bytes)."),
            "name_required": self.tr("Enter the full name."),
            "name_too_long": self.tr("The name is too long (at most 128 characters)."),
            "too_long": self.tr("The text is too long."),
            "bad_uid": self.tr("A card UID is hexadecimal, such as 04A1B2C3."),
            "bad_uid_length": self.tr("A card UID has 4, 7 or 10 bytes (8, 14 or 20 hex digits)."),
            "bad_phone_code": self.tr("A phone badge code looks like EMP-1A2B3C4D."),
            "bad_pin": self.tr("A terminal PIN is 1 to 24 letters or digits."),
            "duplicate_badge": self.tr("This badge already belongs to another employee."),
            "duplicate_badge:pin": self.tr("This terminal PIN already belongs to another employee."),
            "duplicate_badge+holder": self.tr("This badge already belongs to {holder}."),
            "duplicate_badge:pin+holder": self.tr("This terminal PIN already belongs to {holder}."),
            "duplicate_in_file": self.tr("This badge appears twice in the file."),
            "already_revoked": self.tr("This badge is already revoked."),
            "reason_required": self.tr("Enter a reason."),
            "bad_terminal_name": self.tr("A terminal name is 1 to 64 characters."),
            "terminal_name_taken": self.tr("A terminal with this name already exists."),
            "bad_server_url": self.tr("The server address must look like http://192.168.1.20:8000."),
            "unreachable_server_url": self.tr(
                "Terminals cannot reach this address: choose this PC's LAN address."
            ),
            "bad_time_zone": self.tr("Unknown time zone."),
            "already_approved": self.tr("This device is already approved."),
            "device_not_approved": self.tr("This device is not approved: approve it first."),
            "bad_direction_mode": self.tr("A ZKTeco device uses its status key or lets the server decide."),
            "confirmation_required": self.tr("This action needs an explicit confirmation."),
            "no_pins": self.tr("No active employee has a terminal PIN: give PINs to employees first."),
            "bad_command": self.tr("A device command is one line of 1 to 1024 characters."),
            "bad_range": self.tr("The period ends before it starts."),
            "not_a_number": self.tr("Enter a whole number."),
            "out_of_range": self.tr("The value is outside the allowed range."),
            "bad_choice": self.tr("Choose one of the offered values."),
            "bad_period": self.tr("The period is not valid."),
            "not_empty": self.tr("The database already has employees."),
            "backup_from_newer_version": self.tr(
                "This backup was made by a newer version of TimeTracker Desktop."
                " Update the program first, then restore the backup."
            ),
            "backup_unreadable": self.tr("This file is not a TimeTracker backup, or it is damaged."),
            "backup_mismatch": self.tr(
                "The restored data did not match the backup's checks; the database was left as it was."
            ),
            "bad_folder": self.tr("Choose a full folder path, starting from the drive or the root."),
        }

    def storage(self) -> dict[str, str]:
        """Sentences by StorageUnavailableError cause."""
        return {
            "database server unreachable": self.tr(
                "The database server cannot be reached. Check the host name, the port and the network."
            ),
            "access denied (wrong user name or password)": self.tr(
                "The database server refused the user name or password."
            ),
            "the database does not exist": self.tr(
                "The database does not exist on the server. Create it first (CREATE DATABASE ... utf8mb4)."
            ),
            "access denied to the database": self.tr("This database user has no rights on this database."),
            "missing rights on a table": self.tr(
                "This database user lacks rights (it needs to create tables, read and write)."
            ),
            "connection to the database server lost": self.tr(
                "The connection to the database server was lost."
            ),
            "lock wait timeout": self.tr("The database is busy. Try again."),
            "deadlock": self.tr("The database is busy. Try again."),
            "database is locked by another program": self.tr(
                "The database file is locked by another program."
            ),
            "cannot open the database file": self.tr(
                "The database file cannot be opened. Check the folder and its rights."
            ),
            "disk I/O error": self.tr("The disk reported an error while reading the database."),
            "the database file is read-only": self.tr("The database file is read-only."),
            "the file is not a database": self.tr("This file is not a TimeTracker database."),
            "the database is not migrated": self.tr("The database has no tables yet."),
            "disk is full": self.tr("The disk is full."),
            "not a legacy TimeTracker database": self.tr("This is not a legacy TimeTracker server database."),
        }

    def other(self, error: BaseException) -> str:
        """Sentences for errors without a known code or cause."""
        if isinstance(error, StorageUnavailableError):
            return self.tr("The database is not available: {0}").format(error.cause)
        if isinstance(error, IntegrityConflictError):
            return self.tr("The change conflicts with data saved meanwhile. Reload and try again.")
        if isinstance(error, DomainError) and error.code.endswith("_not_found"):
            return self.tr("It was not found; it may have been removed meanwhile. Reload and try again.")
        if isinstance(error, DomainError):
            return self.tr("The request was refused: {0}").format(error.message)
        return self.tr("Something went wrong. The details below help the developers.")


def field_of(error: BaseException) -> str | None:
    """The input field an expected error is about, if any."""
    return error.field if isinstance(error, DomainError) else None


def is_expected(error: BaseException) -> bool:
    """True for errors that are not bugs: shown as messages, never as crash reports."""
    return isinstance(error, DomainError | StorageUnavailableError | IntegrityConflictError)


def message_for(error: BaseException) -> str:
    """A user-facing sentence for an error: known codes and causes precisely, others generically."""
    messages = ErrorMessages()
    known = None
    if isinstance(error, DomainError):  # a sentence for the code at this field first (a duplicate PIN)
        domain = messages.domain()
        known = domain.get(f"{error.code}:{error.field}") or domain.get(error.code)
        if "holder" in error.params:  # who holds a duplicate badge: the manager's next question
            named = domain.get(f"{error.code}:{error.field}+holder") or domain.get(f"{error.code}+holder")
            known = named.format(holder=error.params["holder"]) if named else known
    elif isinstance(error, StorageUnavailableError):
        known = messages.storage().get(error.cause)
    return known or messages.other(error)


def code_message(code: str, fallback: str) -> str:
    """The sentence for a DomainError code (import rows carry codes, not exceptions)."""
    return ErrorMessages().domain().get(code) or fallback
