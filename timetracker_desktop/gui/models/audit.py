"""The audit log table: time, actor, action and object in words, outcome and reason."""

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from timetracker_desktop.domain.audit import AuditEntry, EntityType
from timetracker_desktop.domain.reports import ReportKind
from timetracker_desktop.gui.kit.formatting import local_date_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.gui.kit.vocabulary import action_words, detail_lines, entity_words, outcome_words
from timetracker_desktop.gui.reports.words import title

_REPORT_KINDS = {kind.value: kind for kind in ReportKind}


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

    def details(self, entry: AuditEntry) -> str:
        """Who, where, why, and the values before and after as ``label: value`` lines."""
        parts = [f"{self.action_text(entry)}  #{entry.id}", self.tr("Who: {0}").format(entry.actor)]
        if entry.entity_type is not None:
            parts.append(self.tr("Object: {0}").format(self.entity_text(entry)))
        if entry.workstation:
            parts.append(self.tr("Workstation: {0}").format(entry.workstation))
        if entry.reason:
            parts.append(self.tr("Reason: {0}").format(entry.reason))
        if entry.before:
            parts.append(self.tr("Before:") + "\n" + detail_lines(entry.before))
        if entry.after:
            parts.append(self.tr("After:") + "\n" + detail_lines(entry.after))
        return "\n\n".join(parts)

    @staticmethod
    def action_text(entry: AuditEntry) -> str:
        """The action in words."""
        return action_words(entry.action)

    @staticmethod
    def entity_text(entry: AuditEntry) -> str:
        """The object in words: ``type #id``, a report by its title, or empty."""
        if entry.entity_type is None:
            return ""
        kind = entity_words(entry.entity_type)
        if not entry.entity_id:
            return kind
        report = _REPORT_KINDS.get(entry.entity_id) if entry.entity_type == EntityType.REPORT else None
        if report is not None:  # a report's id is its kind, which has a title
            return f"{kind}: {title(report)}"
        return f"{kind} #{entry.entity_id}" if entry.entity_id.isdigit() else f"{kind}: {entry.entity_id}"

    def outcome_text(self, entry: AuditEntry) -> str:
        """Done or refused."""
        return outcome_words(entry.outcome)

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
