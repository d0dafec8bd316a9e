"""The audit log table: time, actor, action in words, object, outcome and reason."""

import json
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from timetracker_desktop.domain.audit import AuditEntry
from timetracker_desktop.gui.kit.formatting import local_date_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel


def _json(values: object) -> str:
    return json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True, default=str)


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
            "session.logout": self.tr("Logout"),
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
            "demo.generate": self.tr("Demo data generated"),
        }

    def entity_names(self) -> dict[str, str]:
        """Object types in words."""
        return {
            "user": self.tr("user"),
            "employee": self.tr("employee"),
            "badge": self.tr("badge"),
            "terminal": self.tr("terminal"),
            "punch": self.tr("punch"),
            "correction": self.tr("correction"),
            "unassigned": self.tr("unassigned punch"),
            "template": self.tr("template"),
            "holiday": self.tr("holiday"),
            "setting": self.tr("setting"),
        }

    def details(self, entry: AuditEntry) -> str:
        """Who, where, why, and the values before and after, as readable text."""
        parts = [f"{self.action_text(entry)}  #{entry.id}", self.tr("Who: {0}").format(entry.actor)]
        if entry.workstation:
            parts.append(self.tr("Workstation: {0}").format(entry.workstation))
        if entry.reason:
            parts.append(self.tr("Reason: {0}").format(entry.reason))
        if entry.before is not None:
            parts.append(self.tr("Before:") + "\n" + _json(entry.before))
        if entry.after is not None:
            parts.append(self.tr("After:") + "\n" + _json(entry.after))
        return "\n\n".join(parts)

    def action_text(self, entry: AuditEntry) -> str:
        """The action in words."""
        return self.action_names().get(entry.action, entry.action)

    def entity_text(self, entry: AuditEntry) -> str:
        """``type #id``, or empty."""
        if entry.entity_type is None:
            return ""
        kind = self.entity_names().get(entry.entity_type, entry.entity_type)
        return f"{kind} #{entry.entity_id}" if entry.entity_id else kind

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
