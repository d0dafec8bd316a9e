"""The audit log table: time, actor, action in words, object, outcome and reason."""

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from timetracker_desktop.domain.audit import AuditEntry
from timetracker_desktop.gui.formatting import local_date_time, timestamp
from timetracker_desktop.gui.models.table import Column, RowTableModel


class AuditTableModel(RowTableModel[AuditEntry]):
    """Rows of ``AuditEntry``, newest first as loaded.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self.zone = ZoneInfo("UTC")
        super().__init__(
            [
                Column(self._time, self._time_key),
                Column(self._actor),
                Column(self.action_text),
                Column(self.entity_text),
                Column(self.outcome_text),
                Column(self._reason),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Object"), self.tr("Outcome"),
            self.tr("Reason"),
        ]  # fmt: skip

    def action_names(self) -> dict[str, str]:
        """Known actions in words; others are shown as stored."""
        return {
            "session.login": self.tr("Login"),
            "session.login_failed": self.tr("Failed login"),
            "session.lockout": self.tr("Lockout"),
            "user.create": self.tr("User created"),
            "user.role_change": self.tr("Role changed"),
            "user.enable": self.tr("User enabled"),
            "user.disable": self.tr("User disabled"),
            "user.unlock": self.tr("User unlocked"),
            "user.password_change": self.tr("Password changed"),
            "employee.create": self.tr("Employee added"),
            "employee.update": self.tr("Employee changed"),
            "badge.create": self.tr("Badge issued"),
            "badge.revoke": self.tr("Badge revoked"),
            "badge.reassign": self.tr("Badge reassigned"),
            "badge.alias_create": self.tr("Badge alias learned"),
            "punch.manual_add": self.tr("Manual punch"),
            "punch.void": self.tr("Punch voided"),
            "punch.set_direction": self.tr("Direction set"),
            "punch.undo": self.tr("Correction undone"),
            "unassigned.assign": self.tr("Unassigned punch assigned"),
            "unassigned.dismiss": self.tr("Unassigned punch dismissed"),
            "schedule.cell_set": self.tr("Schedule cell"),
            "template.save": self.tr("Template saved"),
            "template.apply": self.tr("Template applied"),
            "holiday.set": self.tr("Holiday set"),
            "holiday.remove": self.tr("Holiday removed"),
            "settings.change": self.tr("Setting changed"),
        }

    def action_text(self, entry: AuditEntry) -> str:
        """The action in words."""
        return self.action_names().get(entry.action, entry.action)

    def entity_text(self, entry: AuditEntry) -> str:
        """``type #id``, or empty."""
        if entry.entity_type is None:
            return ""
        return f"{entry.entity_type} #{entry.entity_id}" if entry.entity_id else entry.entity_type

    def outcome_text(self, entry: AuditEntry) -> str:
        """Done or refused."""
        return self.tr("done") if entry.outcome == "ok" else self.tr("refused")

    def _time(self, entry: AuditEntry) -> str:
        return local_date_time(entry.at, self.zone)

    @staticmethod
    def _time_key(entry: AuditEntry) -> float:
        return timestamp(entry.at)

    @staticmethod
    def _actor(entry: AuditEntry) -> str:
        return entry.actor

    @staticmethod
    def _reason(entry: AuditEntry) -> str:
        return entry.reason or ""
