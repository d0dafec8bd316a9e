"""Words for every typed code the GUI shows: error codes, storage causes, audit actions, objects, runners."""

import json
from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QObject

from timetracker_desktop.domain.absences import FORM_DIGITS, AbsenceType
from timetracker_desktop.domain.audit import LEGACY_ACTION_PREFIX, AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.errors import ErrorCode
from timetracker_desktop.gui.kit.formatting import local_date_time
from timetracker_desktop.repositories.ports.database_care import CheckKind, StepKind
from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind
from timetracker_desktop.repositories.ports.storage import StorageCause
from timetracker_desktop.services.database_care.health import Alert, AlertKind
from timetracker_desktop.system.firewall import AllowFailure, FirewallProblem


class Vocabulary(QObject):
    """Translated words by enum member (a QObject so that lupdate sees its ``tr`` calls).

    Each table is keyed by one enum and a test checks that it covers every member, so a new code
    cannot reach the user as a raw key.

    Signals:
        (none besides QObject's)
    """

    def errors(self) -> dict[ErrorCode, str]:
        """Sentences by DomainError code."""
        return {
            ErrorCode.DOMAIN_ERROR: self.tr("The request was refused."),
            ErrorCode.INVALID: self.tr("The value is not valid."),
            ErrorCode.CONFLICT: self.tr("The change conflicts with existing data."),
            ErrorCode.PERMISSION_DENIED: self.tr("Your role does not allow this action."),
            ErrorCode.INVALID_CREDENTIALS: self.tr("Wrong user name or password."),
            ErrorCode.LOCKED_OUT: self.tr("Too many failed attempts. This user is locked for 15 minutes."),
            ErrorCode.USER_DISABLED: self.tr("This user is disabled. Ask an administrator."),
            ErrorCode.BAD_USERNAME: self.tr("A user name is 2 to 64 letters, digits or . _ @ -"),
            ErrorCode.USERNAME_TAKEN: self.tr("This user name is already taken."),
            ErrorCode.FIRST_USER_ADMIN: self.tr("The first user must be an administrator."),
            ErrorCode.LAST_ADMIN: self.tr("The last administrator cannot be removed or disabled."),
            ErrorCode.PASSWORD_TOO_SHORT: self.tr("The password is too short (at least 8 characters)."),
            ErrorCode.PASSWORD_TOO_LONG: self.tr("The password is too long (at most 72 bytes)."),
            ErrorCode.NAME_REQUIRED: self.tr("Enter the full name."),
            ErrorCode.NAME_TOO_LONG: self.tr("The name is too long (at most 128 characters)."),
            ErrorCode.TOO_LONG: self.tr("The text is too long."),
            ErrorCode.BAD_UID: self.tr("A card UID is hexadecimal, such as 04A1B2C3."),
            ErrorCode.BAD_UID_LENGTH: self.tr("A card UID has 4, 7 or 10 bytes (8, 14 or 20 hex digits)."),
            ErrorCode.RANDOM_UID: self.tr(
                "This card shows a random ID on every tap: it cannot identify anybody."
            ),
            ErrorCode.BAD_PHONE_CODE: self.tr("A phone badge code looks like EMP-1A2B3C4D."),
            ErrorCode.BAD_PIN: self.tr("A terminal PIN is 1 to 24 letters or digits."),
            ErrorCode.DUPLICATE_BADGE: self.tr("This badge already belongs to another employee."),
            ErrorCode.DUPLICATE_IN_FILE: self.tr("This badge appears twice in the file."),
            ErrorCode.BADGE_TAKEN: self.tr("This badge already belongs to another employee."),
            ErrorCode.ALREADY_REVOKED: self.tr("This badge is already revoked."),
            ErrorCode.NOT_VERIFIED: self.tr("The phone's key could not be verified: tap the phone again."),
            ErrorCode.KEY_ALREADY_REGISTERED: self.tr(
                "Another key is already registered for this phone. Reset its key first."
            ),
            ErrorCode.INVALID_PUBLIC_KEY: self.tr("The phone sent a key that cannot be used."),
            ErrorCode.INVALID_CHALLENGE: self.tr("The phone's answer does not match the question asked."),
            ErrorCode.EVENT_ID_CONFLICT: self.tr(
                "This tap's event number was already used for another card."
            ),
            ErrorCode.REASON_REQUIRED: self.tr("Enter a reason."),
            ErrorCode.NOT_EMPTY: self.tr("The database already has employees."),
            ErrorCode.BAD_TERMINAL_NAME: self.tr("A terminal name is 1 to 64 characters."),
            ErrorCode.TERMINAL_NAME_TAKEN: self.tr("A terminal with this name already exists."),
            ErrorCode.BAD_SERVER_URL: self.tr("The server address must look like http://192.168.1.20:8000."),
            ErrorCode.UNREACHABLE_SERVER_URL: self.tr(
                "Terminals cannot reach this address: choose this PC's LAN address."
            ),
            ErrorCode.ALREADY_APPROVED: self.tr("This device is already approved."),
            ErrorCode.DEVICE_NOT_APPROVED: self.tr("This device is not approved: approve it first."),
            ErrorCode.BAD_DIRECTION_MODE: self.tr(
                "A ZKTeco device uses its status key or lets the server decide."
            ),
            ErrorCode.CONFIRMATION_REQUIRED: self.tr("This action needs an explicit confirmation."),
            ErrorCode.NO_PINS: self.tr(
                "No active employee has a terminal PIN: give PINs to employees first."
            ),
            ErrorCode.BAD_COMMAND: self.tr("A device command is one line of 1 to 1024 characters."),
            ErrorCode.DIRECTION_REQUIRED: self.tr("Choose In or Out."),
            ErrorCode.UNDO_OF_UNDO: self.tr("An undo cannot be undone; add a new correction instead."),
            ErrorCode.ALREADY_RESOLVED: self.tr(
                "This punch was already assigned or dismissed. Reload the queue."
            ),
            ErrorCode.ALIAS_NEEDS_CARD: self.tr(
                "This terminal's value cannot be mapped to a card: give the employee a card first, "
                "then assign again to learn it as an alias."
            ),
            ErrorCode.NONEXISTENT_LOCAL_TIME: self.tr(
                "This time does not exist: the clocks skip it when summer time starts. Enter another time."
            ),
            ErrorCode.AMBIGUOUS_LOCAL_TIME: self.tr(
                "This time occurs twice when summer time ends: choose which occurrence you mean."
            ),
            ErrorCode.BAD_CELL: self.tr(
                "Enter times such as 8-17 or 22:00-06:00, or a code from the legend."
            ),
            ErrorCode.BAD_BREAK: self.tr("A break is 0 to 240 minutes."),
            ErrorCode.BAD_MONTH: self.tr("Choose a month between 2000 and 2100."),
            ErrorCode.BAD_TEMPLATE: self.tr("A template covers 1 to 4 whole weeks."),
            ErrorCode.BAD_NAME: self.tr("Enter a name (at most 128 characters)."),
            ErrorCode.BAD_TIME_ZONE: self.tr("Unknown time zone."),
            ErrorCode.BAD_RANGE: self.tr("The period ends before it starts."),
            ErrorCode.BAD_PERIOD: self.tr("The period is not valid."),
            ErrorCode.BAD_ABSENCE_TYPE: self.tr("Choose an absence type from the list."),
            ErrorCode.BAD_ABSENCE_RANGE: self.tr(
                "The absence must end on or after its first day and cover at most 400 days."
            ),
            ErrorCode.ABSENCE_OVERLAP: self.tr(
                "The employee already has an absence ({type}) from {from} to {to} on some of these days. "
                "Change or delete that one first."
            ),
            ErrorCode.MONTH_FORMAT: self.tr("Enter the month as YYYY-MM, for example 2026-03."),
            ErrorCode.MONTH_CLOSED: self.tr(
                "The month {month} is closed: its punches, corrections and absences cannot be changed. "
                "An administrator can reopen it, giving a reason."
            ),
            ErrorCode.MONTH_NOT_CLOSED: self.tr("The month {month} is not closed."),
            ErrorCode.MONTH_ALREADY_CLOSED: self.tr("The month {month} is already closed."),
            ErrorCode.NOT_A_NUMBER: self.tr("Enter a whole number."),
            ErrorCode.OUT_OF_RANGE: self.tr("The value is outside the allowed range."),
            ErrorCode.BAD_CHOICE: self.tr("Choose one of the offered values."),
            ErrorCode.UNKNOWN_SETTING: self.tr("This setting is not known to this version of the program."),
            ErrorCode.EMPLOYEE_REQUIRED: self.tr("Choose an employee for the detail report."),
            ErrorCode.BAD_LANGUAGE: self.tr("Reports are written in Ukrainian or English."),
            ErrorCode.FONT_NOT_FOUND: self.tr(
                "The PDF needs the DejaVu Sans font; install it or reinstall the application."
            ),
            ErrorCode.REPORT_CANCELLED: self.tr("Cancelled; nothing was changed."),
            ErrorCode.BACKUP_FROM_NEWER_VERSION: self.tr(
                "This backup was made by a newer version of TimeTracker Desktop."
                " Update the program first, then restore the backup."
            ),
            ErrorCode.BACKUP_UNREADABLE: self.tr("This file is not a TimeTracker backup, or it is damaged."),
            ErrorCode.BACKUP_MISMATCH: self.tr(
                "The restored data did not match the backup's checks; the database was left as it was."
            ),
            ErrorCode.NOTHING_TO_REAPPROVE: self.tr("This device has no new address or key to approve."),
            ErrorCode.ADDRESS_CHANGED_AGAIN: self.tr(
                "The device has called from yet another address since: look at it again, then re-approve."
            ),
            ErrorCode.PURGE_PROTECTED_PERIOD: self.tr(
                "Data this recent is kept by law: choose an earlier date (see the retention setting)."
            ),
            ErrorCode.PURGE_NOT_CONFIRMED: self.tr(
                "Removing old data needs a confirmation: nothing was removed."
            ),
            ErrorCode.PURGE_ARCHIVE_FAILED: self.tr(
                "The archive could not be written or did not read back correctly: nothing was removed."
            ),
            ErrorCode.BACKUP_TAMPERED: self.tr(
                "This backup was changed after it was made (its signature does not match):"
                " it is not restored."
            ),
            ErrorCode.BACKUP_FOREIGN: self.tr(
                "This backup comes from another installation or an older version: confirm that you trust it."
            ),
            ErrorCode.BACKUP_IS_ARCHIVE: self.tr(
                "This file is an archive of old records removed from the database, not a backup: restoring it"
                " here would replace today's records with old ones. To read it, restore it into a separate,"
                " empty database from the command line (restore ARCHIVE --db ... --accept-archive)."
            ),
            ErrorCode.BACKUP_KEY_DAMAGED: self.tr(
                "This PC's backup key file is damaged: restore it from a copy,"
                " or move it away to make a new one."
            ),
            ErrorCode.RESTORE_FAILED: self.tr("The restore failed."),
            ErrorCode.BAD_FOLDER: self.tr("Choose a full folder path, starting from the drive or the root."),
            ErrorCode.BAD_DATABASE_URL: self.tr(
                "This database address cannot be read. Use sqlite:///PATH or mysql://USER@HOST/DATABASE."
            ),
            ErrorCode.DATABASE_NOT_SUPPORTED: self.tr(
                "This kind of database is not supported: use the embedded database or MySQL/MariaDB."
            ),
            ErrorCode.DATABASE_FOLDER_MISSING: self.tr(
                "The folder {folder} does not exist. Check the path, or create the folder first."
            ),
            ErrorCode.DATABASE_ON_NETWORK_SHARE: self.tr(
                "The database file {path} is on a network drive. The embedded database must be on this "
                "computer's own disk: on a network drive it gets damaged. To share the data between "
                "several computers, use a MySQL or MariaDB server."
            ),
            ErrorCode.LISTENER_PORT_IN_USE: self.tr(
                "The terminal listener cannot start: its port is used by another program."
            ),
            ErrorCode.LISTENER_PORT_RESERVED: self.tr(
                "The terminal listener cannot start: Windows does not allow its port (it may be reserved)."
            ),
            ErrorCode.LISTENER_ADDRESS_UNAVAILABLE: self.tr(
                "The terminal listener cannot start: its address is not an address of this PC."
            ),
            ErrorCode.LISTENER_NO_PERMISSION: self.tr(
                "The terminal listener cannot start: this PC does not allow listening on its port."
            ),
            ErrorCode.LISTENER_FAILED: self.tr("The terminal listener could not start."),
            ErrorCode.LISTENER_EXITED: self.tr("The terminal listener stopped unexpectedly."),
            ErrorCode.EMPLOYEE_NOT_FOUND: self.tr(
                "The employee was not found; they may have been removed meanwhile. Reload and try again."
            ),
            ErrorCode.BADGE_NOT_FOUND: self.tr(
                "The badge was not found; it may have been removed meanwhile. Reload and try again."
            ),
            ErrorCode.USER_NOT_FOUND: self.tr("The user was not found. Reload and try again."),
            ErrorCode.TERMINAL_NOT_FOUND: self.tr("The terminal was not found. Reload and try again."),
            ErrorCode.ADMS_DEVICE_NOT_FOUND: self.tr(
                "The ZKTeco device was not found. Reload and try again."
            ),
            ErrorCode.PUNCH_NOT_FOUND: self.tr("The punch was not found. Reload and try again."),
            ErrorCode.CORRECTION_NOT_FOUND: self.tr("The correction was not found. Reload and try again."),
            ErrorCode.UNASSIGNED_NOT_FOUND: self.tr("The unassigned punch was not found. Reload the queue."),
            ErrorCode.TEMPLATE_NOT_FOUND: self.tr(
                "The template was not found; it may have been removed meanwhile."
            ),
            ErrorCode.ABSENCE_NOT_FOUND: self.tr(
                "The absence was not found; it may have been deleted meanwhile. Reload and try again."
            ),
        }

    def field_errors(self) -> dict[tuple[ErrorCode, str], str]:
        """Sentences for a code at one field, where the field changes what the user must do."""
        return {
            (ErrorCode.DUPLICATE_BADGE, "pin"): self.tr(
                "This terminal PIN already belongs to another employee."
            ),
            (ErrorCode.CONFIRMATION_REQUIRED, "confirmed"): self.tr(
                "A phone sighting is unsigned: tick the confirmation to assign it."
            ),
        }

    def holder_errors(self) -> dict[tuple[ErrorCode, str | None], str]:
        """Sentences naming who holds what the user tried to take (a duplicate badge: the next question)."""
        return {
            (ErrorCode.DUPLICATE_BADGE, None): self.tr("This badge already belongs to {holder}."),
            (ErrorCode.DUPLICATE_BADGE, "pin"): self.tr("This terminal PIN already belongs to {holder}."),
        }

    def storage(self) -> dict[StorageCause, str]:
        """Sentences by StorageUnavailableError cause."""
        busy = self.tr("The database is busy. Try again.")
        return {
            StorageCause.SERVER_UNREACHABLE: self.tr(
                "The database server cannot be reached. Check the host name, the port and the network."
            ),
            StorageCause.ACCESS_DENIED_LOGIN: self.tr(
                "The database server refused the user name or password."
            ),
            StorageCause.NO_DATABASE: self.tr(
                "The database does not exist on the server. Create it first (CREATE DATABASE ... utf8mb4)."
            ),
            StorageCause.ACCESS_DENIED_DATABASE: self.tr(
                "This database user has no rights on this database."
            ),
            StorageCause.MISSING_TABLE_RIGHTS: self.tr(
                "This database user lacks rights (it needs to create tables, read and write)."
            ),
            StorageCause.CONNECTION_LOST: self.tr("The connection to the database server was lost."),
            StorageCause.TIMED_OUT: self.tr(
                "The database server did not answer in time. Check that it is running, then try again."
            ),
            StorageCause.POOL_EXHAUSTED: busy,
            StorageCause.WAITED_TOO_LONG: busy,
            StorageCause.ABANDONED: busy,
            StorageCause.LOCK_WAIT_TIMEOUT: busy,
            StorageCause.DEADLOCK: busy,
            StorageCause.FILE_LOCKED: self.tr("The database file is locked by another program."),
            StorageCause.CANNOT_OPEN_FILE: self.tr(
                "The database file cannot be opened. Check the folder and its rights."
            ),
            StorageCause.DISK_IO_ERROR: self.tr("The disk reported an error while reading the database."),
            StorageCause.READ_ONLY_FILE: self.tr("The database file is read-only."),
            StorageCause.NOT_A_DATABASE: self.tr("This file is not a TimeTracker database."),
            StorageCause.NOT_MIGRATED: self.tr("The database has no tables yet."),
            StorageCause.DISK_FULL: self.tr("The disk is full."),
            StorageCause.NOT_LEGACY_DATABASE: self.tr("This is not a legacy TimeTracker server database."),
            StorageCause.OTHER: self.tr("The database reported an error. The log has the details."),
        }

    def firewall(self) -> dict[FirewallProblem, str]:
        """Why Windows Firewall may block terminals (the status bar's offer to allow them)."""
        return {
            FirewallProblem.MISSING: self.tr(
                "This program has no Windows Firewall rule that lets terminals in."
            ),
            FirewallProblem.NOT_ALLOWING: self.tr(
                "This program's Windows Firewall rule does not let terminals in"
                " (it blocks, or is not for TCP)."
            ),
            FirewallProblem.OTHER_PROGRAM: self.tr(
                "The Windows Firewall rule names the program in another folder (it was moved or reinstalled)."
            ),
            FirewallProblem.DISABLED: self.tr("This program's Windows Firewall rule is turned off."),
            FirewallProblem.OTHER_PORT: self.tr(
                "This program's Windows Firewall rule allows other ports, not the listener's."
            ),
            FirewallProblem.NOT_ALL_PROFILES: self.tr(
                "This program's Windows Firewall rule leaves out some networks (for example Public, the"
                " kind Windows gives a new network)."
            ),
            FirewallProblem.BLOCKED: self.tr(
                "Windows Firewall has a rule that blocks this program (added when Cancel was clicked in"
                " Windows' own prompt); it wins over the rule that allows terminals."
            ),
            FirewallProblem.UNCHECKED: self.tr("The Windows Firewall rule could not be checked."),
        }

    def firewall_failures(self) -> dict[AllowFailure, str]:
        """Why the firewall rule could not be added (after "The firewall rule could not be added:")."""
        return {
            AllowFailure.NETSH_FAILED: self.tr(
                "Windows refused the change (netsh ended with an error; details are in gui.log)."
            ),
            AllowFailure.TIMED_OUT: self.tr("Windows did not finish adding it within 5 minutes."),
            AllowFailure.NOT_STARTED: self.tr(
                "Windows could not run the command as administrator (details are in gui.log)."
            ),
            AllowFailure.UNUSABLE_PATH: self.tr(
                "The program's folder has characters a command cannot name (\" or %); ask the"
                " administrator to add the rule."
            ),
        }

    def actions(self) -> dict[AuditAction, str]:
        """Audit actions in words."""
        return {
            AuditAction.SESSION_LOGIN: self.tr("Login"),
            AuditAction.SESSION_LOGIN_FAILED: self.tr("Failed login"),
            AuditAction.SESSION_LOGOUT: self.tr("Logout"),
            AuditAction.SESSION_LOCKOUT: self.tr("Lockout"),
            AuditAction.USER_CREATE: self.tr("User created"),
            AuditAction.USER_ROLE_CHANGE: self.tr("Role changed"),
            AuditAction.USER_ENABLE: self.tr("User enabled"),
            AuditAction.USER_DISABLE: self.tr("User disabled"),
            AuditAction.USER_UNLOCK: self.tr("User unlocked"),
            AuditAction.USER_PASSWORD_CHANGE: self.tr("Password changed"),
            AuditAction.EMPLOYEE_CREATE: self.tr("Employee added"),
            AuditAction.EMPLOYEE_UPDATE: self.tr("Employee changed"),
            AuditAction.EMPLOYEE_ACTIVATE: self.tr("Employee activated"),
            AuditAction.EMPLOYEE_DEACTIVATE: self.tr("Employee deactivated"),
            AuditAction.EMPLOYEE_IMPORT: self.tr("Employees imported"),
            AuditAction.BADGE_CREATE: self.tr("Badge issued"),
            AuditAction.BADGE_REVOKE: self.tr("Badge revoked"),
            AuditAction.BADGE_REASSIGN: self.tr("Badge reassigned"),
            AuditAction.BADGE_ALIAS_CREATE: self.tr("Badge alias learned"),
            AuditAction.BADGE_KEY_ENROLLED: self.tr("Phone key registered"),
            AuditAction.BADGE_KEY_ENROLL_REFUSED: self.tr("Phone key refused"),
            AuditAction.BADGE_KEY_VERIFIED: self.tr("Phone key verified"),
            AuditAction.BADGE_KEY_RESET: self.tr("Phone key reset"),
            AuditAction.PUNCH_MANUAL_ADD: self.tr("Manual punch"),
            AuditAction.PUNCH_VOID: self.tr("Punch voided"),
            AuditAction.PUNCH_SET_DIRECTION: self.tr("Direction set"),
            AuditAction.PUNCH_UNDO: self.tr("Correction undone"),
            AuditAction.UNASSIGNED_ASSIGN: self.tr("Unassigned punch assigned"),
            AuditAction.UNASSIGNED_DISMISS: self.tr("Unassigned punch dismissed"),
            AuditAction.SCHEDULE_CELL_SET: self.tr("Schedule cell"),
            AuditAction.TEMPLATE_SAVE: self.tr("Template saved"),
            AuditAction.TEMPLATE_APPLY: self.tr("Template applied"),
            AuditAction.HOLIDAY_SET: self.tr("Holiday set"),
            AuditAction.HOLIDAY_REMOVE: self.tr("Holiday removed"),
            AuditAction.ABSENCE_ADD: self.tr("Absence added"),
            AuditAction.ABSENCE_DELETE: self.tr("Absence deleted"),
            AuditAction.MONTH_CLOSE: self.tr("Month closed"),
            AuditAction.MONTH_REOPEN: self.tr("Month reopened"),
            AuditAction.SETTINGS_CHANGE: self.tr("Setting changed"),
            AuditAction.TERMINAL_CREATE: self.tr("Terminal added"),
            AuditAction.TERMINAL_ROTATE_KEY: self.tr("Terminal key replaced"),
            AuditAction.TERMINAL_ENABLE: self.tr("Terminal enabled"),
            AuditAction.TERMINAL_DISABLE: self.tr("Terminal disabled"),
            AuditAction.TERMINAL_ENROLLMENT_OPEN: self.tr("Phone enrollment opened"),
            AuditAction.TERMINAL_ENROLLMENT_CLOSE: self.tr("Phone enrollment closed"),
            AuditAction.TERMINAL_ADMS_SETTINGS: self.tr("ZKTeco settings changed"),
            AuditAction.ADMS_DEVICE_SEEN: self.tr("New ZKTeco device seen"),
            AuditAction.ADMS_IP_CHANGED: self.tr("ZKTeco device called from another address (refused)"),
            AuditAction.ADMS_COMM_KEY_CHANGED: self.tr("ZKTeco device presented another comm key (refused)"),
            AuditAction.ADMS_COMM_KEY_PINNED: self.tr("ZKTeco device's comm key remembered"),
            AuditAction.ADMS_REAPPROVE: self.tr("ZKTeco device re-approved at its new address"),
            AuditAction.ADMS_APPROVE: self.tr("ZKTeco device approved"),
            AuditAction.ADMS_REJECT: self.tr("ZKTeco device rejected"),
            AuditAction.ADMS_COMMAND_QUEUED: self.tr("Command sent to a ZKTeco device"),
            AuditAction.ADMS_RELOAD_LOGS: self.tr("ZKTeco taps reloaded"),
            AuditAction.SECURITY_BAD_SIGNATURE: self.tr("Tap with a bad signature"),
            AuditAction.SECURITY_REVOKED_BADGE_USED: self.tr("Revoked badge used"),
            AuditAction.SECURITY_RATE_LIMITED: self.tr("Terminal sent too many requests"),
            AuditAction.SECURITY_TERMINAL_MISMATCH: self.tr("Terminal used another terminal's key"),
            AuditAction.REPORT_EXPORT: self.tr("Report exported"),
            AuditAction.BACKUP_CREATE: self.tr("Backup made"),
            AuditAction.BACKUP_RESTORE: self.tr("Backup restored"),
            AuditAction.LEGACY_IMPORT: self.tr("Legacy database imported"),
            AuditAction.DEMO_GENERATE: self.tr("Demo data generated"),
            AuditAction.DATABASE_CHECK: self.tr("Database checked"),
            AuditAction.DATABASE_OPTIMIZE: self.tr("Database optimised"),
            AuditAction.DATABASE_PURGE: self.tr("Old data removed (after archiving)"),
        }

    def absence_types(self) -> dict[AbsenceType, str]:
        """The form П-5's absence types (the Ukrainian catalog holds the order's own wording)."""
        return {
            AbsenceType.BUSINESS_TRIP: self.tr("Business trip"),
            AbsenceType.ANNUAL_LEAVE: self.tr("Annual leave"),
            AbsenceType.ADDITIONAL_LEAVE: self.tr("Additional annual leave"),
            AbsenceType.CHORNOBYL_LEAVE: self.tr("Additional leave (Chornobyl law)"),
            AbsenceType.CREATIVE_LEAVE: self.tr("Creative leave"),
            AbsenceType.STUDY_LEAVE: self.tr("Study leave"),
            AbsenceType.UNPAID_STUDY_LEAVE: self.tr("Unpaid study leave"),
            AbsenceType.UNPAID_MANDATORY_LEAVE: self.tr("Unpaid leave granted by law"),
            AbsenceType.CHILDREN_LEAVE: self.tr("Paid leave for workers with children"),
            AbsenceType.MATERNITY_LEAVE: self.tr("Maternity leave, childcare up to 3 years"),
            AbsenceType.CHILDCARE_LEAVE: self.tr("Childcare leave up to 6 years"),
            AbsenceType.UNPAID_LEAVE: self.tr("Unpaid leave by agreement"),
            AbsenceType.UNPAID_SUSPENSION: self.tr("Other unpaid leave (work suspended)"),
            AbsenceType.SHORT_TIME: self.tr("Short time ordered by the employer"),
            AbsenceType.OTHER_EMPLOYER: self.tr("Temporarily transferred to another employer"),
            AbsenceType.OTHER_BY_LAW: self.tr("Other time not worked, by law"),
            AbsenceType.DOWNTIME: self.tr("Downtime"),
            AbsenceType.TRUANCY: self.tr("Truancy"),
            AbsenceType.STRIKE: self.tr("Strike"),
            AbsenceType.SICK_LEAVE: self.tr("Sick leave (paid)"),
            AbsenceType.UNPAID_SICK_LEAVE: self.tr("Sick leave (unpaid)"),
            AbsenceType.UNEXPLAINED: self.tr("Absence, reason not known yet"),
            AbsenceType.OTHER_BY_AGREEMENT: self.tr("Other absence under the collective agreement"),
            AbsenceType.OTHER: self.tr("Other reasons for absence"),
        }

    def entities(self) -> dict[EntityType, str]:
        """Object types in words."""
        return {
            EntityType.USER: self.tr("user"),
            EntityType.EMPLOYEE: self.tr("employee"),
            EntityType.BADGE: self.tr("badge"),
            EntityType.TERMINAL: self.tr("terminal"),
            EntityType.ADMS_DEVICE: self.tr("ZKTeco device"),
            EntityType.PUNCH: self.tr("punch"),
            EntityType.CORRECTION: self.tr("correction"),
            EntityType.UNASSIGNED: self.tr("unassigned punch"),
            EntityType.TEMPLATE: self.tr("template"),
            EntityType.HOLIDAY: self.tr("holiday"),
            EntityType.ABSENCE: self.tr("absence"),
            EntityType.MONTH: self.tr("month"),
            EntityType.SETTING: self.tr("setting"),
            EntityType.REPORT: self.tr("report"),
            EntityType.BACKUP: self.tr("backup"),
            EntityType.DATABASE: self.tr("database"),
            EntityType.LEGACY_SOURCE: self.tr("legacy database"),
            EntityType.LEGACY_AUDIT: self.tr("legacy server log entry"),
        }

    def outcomes(self) -> dict[AuditOutcome, str]:
        """How audited actions ended, in words."""
        return {
            AuditOutcome.OK: self.tr("done"),
            AuditOutcome.REFUSED: self.tr("refused"),
            AuditOutcome.FAILED: self.tr("failed"),
            AuditOutcome.WARNING: self.tr("warning"),
        }

    def check_kinds(self) -> dict[CheckKind, str]:
        """The checks of the Database page in words."""
        return {
            CheckKind.INTEGRITY: self.tr("Database file and tables intact (full check)"),
            CheckKind.QUICK_INTEGRITY: self.tr("Database file intact (quick check)"),
            CheckKind.FOREIGN_KEYS: self.tr("Every reference points at an existing record"),
            CheckKind.PUNCH_REFERENCES: self.tr("Every punch's employee and terminal exist"),
            CheckKind.AUDIT_CHAIN: self.tr("Audit log unaltered (hash chain)"),
            CheckKind.CLOSED_MONTHS: self.tr("Closed months unchanged since closing"),
        }

    def step_kinds(self) -> dict[StepKind, str]:
        """The optimisation steps in words."""
        return {
            StepKind.ANALYZE: self.tr("Refreshing statistics"),
            StepKind.OPTIMIZE_PRAGMA: self.tr("Tuning the query planner"),
            StepKind.CHECKPOINT: self.tr("Emptying the write-ahead log"),
            StepKind.VACUUM: self.tr("Rebuilding the database file"),
            StepKind.ANALYZE_TABLE: self.tr("Refreshing statistics of {0}"),
            StepKind.OPTIMIZE_TABLE: self.tr("Rebuilding {0}"),
        }

    def runners(self) -> dict[RunnerKind, str]:
        """The kinds of program that may run the scheduled jobs, with ``{host}`` for the computer's name."""
        return {
            RunnerKind.GUI: self.tr("the TimeTracker program on {host}"),
            RunnerKind.SERVICE: self.tr("the TimeTracker service on {host}"),
            RunnerKind.LISTENER: self.tr("the terminal listener (serve) on {host}"),
            RunnerKind.OTHER: self.tr("another program on {host}"),
        }

    def runner_user(self) -> str:
        """Who is signed in to the computer where the program runs: ``{0}`` the runner, ``{1}`` the user."""
        return self.tr("{0} (user {1})")

    def legacy_action(self, name: str) -> str:
        """An action of the legacy server's log, named as it was there."""
        return self.tr("Legacy server: {0}").format(name)

    def tables(self) -> dict[str, str]:
        """Database tables in words, as a backup lists them (a test covers every table of the schema)."""
        return {
            "absences": self.tr("Absences"),
            "closed_months": self.tr("Closed months"),
            "adms_commands": self.tr("Commands to ZKTeco devices"),
            "adms_device_users": self.tr("Users on ZKTeco devices"),
            "adms_devices": self.tr("ZKTeco devices"),
            "adms_quarantine": self.tr("Refused ZKTeco taps"),
            "audit_chain_lock": self.tr("Audit log lock"),
            "audit_entries": self.tr("Audit log"),
            "badge_aliases": self.tr("Badge aliases"),
            "badges": self.tr("Badges"),
            "corrections": self.tr("Corrections"),
            "employees": self.tr("Employees"),
            "holidays": self.tr("Holidays"),
            "legacy_ids": self.tr("Legacy database numbers"),
            "positions": self.tr("Positions"),
            "punches": self.tr("Punches"),
            "scan_receipts": self.tr("Terminal scan receipts"),
            "shared_keys": self.tr("Keys shared by every PC on this database"),
            "used_challenges": self.tr("Used terminal challenges"),
            "runner_leases": self.tr("Which program runs automatic backups"),
            "schedule_cells": self.tr("Schedule cells"),
            "schedule_codes": self.tr("Schedule codes"),
            "schedule_templates": self.tr("Schedule templates"),
            "settings": self.tr("Settings"),
            "terminals": self.tr("Terminals"),
            "unassigned_punches": self.tr("Unassigned punches"),
            "users": self.tr("Users"),
        }

    def alerts(self) -> dict[AlertKind, str]:
        """What is wrong and what to do, by alert (``{limit}``, ``{folder}``... from the alert's facts)."""
        return {
            AlertKind.NO_RECENT_BACKUP: self.tr(
                "No backup has been made for more than {limit} hours. Make one now on the Backups page "
                "and check that automatic backups are switched on."
            ),
            AlertKind.LAST_BACKUP_FAILED: self.tr(
                "The last backup ({at}) failed. Check that the backup folder exists and has free space, "
                "then make a backup again on the Backups page."
            ),
            AlertKind.DISK_SPACE_LOW: self.tr(
                "Little free space is left on the disk of {folder} ({free_mb} MB free). Free up space on "
                "that disk, or choose a backup folder on a larger one."
            ),
            AlertKind.DATABASE_LARGE: self.tr(
                "The database has grown to {size_mb} MB (over {limit_mb} MB). Run Optimise on the Database "
                "page; if it stays large, archive and remove the oldest years."
            ),
            AlertKind.CHECK_FAILED: self.tr(
                "The last database check ({at}) found damage. Restore the last good backup on the Backups "
                "page, then check the database again."
            ),
            AlertKind.CHECK_OVERDUE: self.tr(
                "The database has not been checked for more than {limit} days. Run Check the database on "
                "the Database page."
            ),
            AlertKind.TERMINAL_SILENT: self.tr(
                "Terminal {terminal} has not reported for more than {limit} minutes of working hours. Check "
                "its power and network, and that this computer's listener is running."
            ),
            AlertKind.LISTENER_NOT_RUNNING: self.tr(
                "The listener is not running, so terminals cannot report taps. Restart the program; if it "
                "still does not start, copy the diagnostics (Help menu) for support."
            ),
        }


class _Params(dict[str, str]):
    """Format parameters where one a sentence names but the error lacks stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def error_sentence(code: ErrorCode, field: str | None = None, params: Mapping[str, str] | None = None) -> str:
    """The sentence for a code, more precise at a field when one is known (a duplicate PIN), with the
    error's parameters filled in (``{folder}``, ``{holder}``)."""
    words = Vocabulary()
    named = words.holder_errors()
    if params and "holder" in params and ((code, field) in named or (code, None) in named):
        sentence = named.get((code, field)) or named[(code, None)]
    elif field is not None and (code, field) in (precise := words.field_errors()):
        sentence = precise[(code, field)]
    else:
        sentence = words.errors()[code]
    return sentence.format_map(_Params(params)) if params else sentence


def alert_sentence(alert: Alert) -> str:
    """An alert in words: what is wrong and what to do, with its facts filled in (``at`` as a short local
    date and time: the service gives it with the office zone's offset)."""
    params = _Params(alert.params)
    if "at" in params:
        try:
            at = datetime.fromisoformat(params["at"])
        except ValueError:
            pass  # as written
        else:
            if at.tzinfo is not None:
                params["at"] = local_date_time(at, at.tzinfo)  # type: ignore[arg-type]
    return Vocabulary().alerts()[alert.kind].format_map(params)


def absence_type_words(kind: AbsenceType) -> str:
    """``ТН 26 — Sick leave (paid)``: the form's letter and digit codes and the type in words."""
    return f"{kind.value} {FORM_DIGITS[kind]} — {Vocabulary().absence_types()[kind]}"


def storage_sentence(cause: StorageCause) -> str:
    """The sentence for a storage cause."""
    return Vocabulary().storage()[cause]


def runner_words(holder: LeaseHolder) -> str:
    """A lease holder in words: "the TimeTracker program on PC-1 (user olena)", "the TimeTracker service on
    SERVER"."""
    words = Vocabulary()
    text = words.runners()[holder.kind].format(host=holder.host)
    if holder.kind is RunnerKind.GUI and holder.user:
        text = words.runner_user().format(text, holder.user)
    return text


def action_words(action: str) -> str:
    """A stored audit action in words; an action this version does not know is shown as stored."""
    words = Vocabulary()
    try:
        return words.actions()[AuditAction(action)]
    except ValueError:  # imported from the legacy server, or written by a newer version of the program
        legacy = action.removeprefix(LEGACY_ACTION_PREFIX)
        return words.legacy_action(legacy) if legacy != action else action


def entity_words(entity_type: str) -> str:
    """A stored object type in words; a type this version does not know is shown as stored."""
    try:
        return Vocabulary().entities()[EntityType(entity_type)]
    except ValueError:
        return entity_type


def outcome_words(outcome: str) -> str:
    """A stored outcome in words; one this version does not know is shown as stored."""
    try:
        return Vocabulary().outcomes()[AuditOutcome(outcome)]
    except ValueError:
        return outcome


def table_words(name: str) -> str:
    """A table of a backup in words; a table of a newer version's backup is shown by its name."""
    return Vocabulary().tables().get(name, name)


class DetailWords(QObject):
    """Labels of the fields audit entries carry in their before/after values.

    Signals:
        (none besides QObject's)
    """

    def labels(self) -> dict[str, str]:
        """Label by field name; other names (settings keys, counts by table) are shown as stored."""
        return {
            "employee_id": self.tr("Employee no."),
            "employees": self.tr("Employees"),
            "badge_id": self.tr("Badge no."),
            "terminal_id": self.tr("Terminal no."),
            "punch_id": self.tr("Punch no."),
            "correction_id": self.tr("Correction no."),
            "undo_id": self.tr("Undo no."),
            "command_id": self.tr("Command no."),
            "at": self.tr("Time"),
            "day": self.tr("Day"),
            "days": self.tr("Days"),
            "direction": self.tr("Direction"),
            "direction_mode": self.tr("Direction rule"),
            "kind": self.tr("Kind"),
            "value": self.tr("Value"),
            "raw_value": self.tr("Value read"),
            "name": self.tr("Name"),
            "full_name": self.tr("Full name"),
            "position": self.tr("Position"),
            "comment": self.tr("Comment"),
            "is_active": self.tr("Active"),
            "username": self.tr("User name"),
            "role": self.tr("Role"),
            "password": self.tr("Password"),
            "key": self.tr("Key"),
            "reason": self.tr("Reason"),
            "state": self.tr("State"),
            "via": self.tr("Via"),
            "source": self.tr("Source"),
            "cell": self.tr("Schedule"),
            "serial": self.tr("Serial number"),
            "ip": self.tr("IP address"),
            "time_zone": self.tr("Time zone"),
            "command": self.tr("Command"),
            "from": self.tr("From"),
            "to": self.tr("To"),
            "file": self.tr("File"),
            "error": self.tr("Error"),
            "rows": self.tr("Rows"),
            "punches": self.tr("Punches"),
            "type": self.tr("Type"),
            "period": self.tr("Period"),
            "filter": self.tr("Filter"),
            "format": self.tr("Format"),
            "location": self.tr("Location"),
            "enrollment_until": self.tr("Enrollment open until"),
            "failed_logins": self.tr("Failed logins"),
            "locked_until": self.tr("Locked until"),
            "retry_after_s": self.tr("Retry after (s)"),
            "body_terminal_id": self.tr("Terminal no. in the request"),
            "safety_backup": self.tr("Safety backup"),
            "schema_revision": self.tr("Database version"),
            "app_version": self.tr("Program version"),
            "revision": self.tr("Database version"),
            "verdict": self.tr("Verdict"),
            "full": self.tr("Full check"),
            "failed": self.tr("Failed checks"),
            "seconds": self.tr("Seconds"),
            "size_before": self.tr("Size before (bytes)"),
            "size_after": self.tr("Size after (bytes)"),
            "steps": self.tr("Steps"),
            "vacuum": self.tr("File rebuilt"),
            "cancelled": self.tr("Cancelled"),
            "document": self.tr("Document"),
            "note": self.tr("Note"),
        }


def detail_lines(values: Mapping[str, object]) -> str:
    """``label: value`` lines, one per field, in the order the values were recorded."""
    labels = DetailWords().labels()
    return "\n".join(f"{labels.get(key, key)}: {_shown(value)}" for key, value in values.items())


def _shown(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
