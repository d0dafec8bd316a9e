"""Audit log: newest first, filtered by action, object type and period; details and the chain check."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.audit import AuditEntry
from timetracker_desktop.domain.schedule_rules import local_date
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.gui.dialogs.workflow_messages import explain
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.dates import period_edits, set_period, to_date
from timetracker_desktop.gui.kit.field_errors import ERROR_STYLE
from timetracker_desktop.gui.kit.table_model import ROW_ROLE, SearchProxy
from timetracker_desktop.gui.kit.vocabulary import Vocabulary
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.models.audit import AuditTableModel
from timetracker_desktop.services.audit import ChainCheck
from timetracker_desktop.services.container import Services

SCAN_LIMIT = 5000
DEFAULT_DAYS = 30
OK_STYLE = "color: #1b7f3b; font-weight: 600"


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Action and object type (None: any), local dates (both included)."""

    action: str | None
    entity_type: str | None
    first: date
    last: date


@dataclass(frozen=True, slots=True)
class AuditPage:
    """Entries of the period (newest first), the office zone and today's local date."""

    entries: list[AuditEntry]
    time_zone: str
    today: date


def load_audit(services: Services, actor: Actor, query: AuditQuery | None) -> AuditPage:
    """Entries matching the query among the newest ``SCAN_LIMIT`` of the action and type (worker thread)."""
    zone = services.settings.current().zone
    today = local_date(services.clock.now(), zone)
    wanted = query or AuditQuery(None, None, today - timedelta(days=DEFAULT_DAYS), today)
    entries = services.audit.entries(
        actor, action=wanted.action, entity_type=wanted.entity_type, limit=SCAN_LIMIT
    )
    chosen = [e for e in entries if wanted.first <= local_date(e.at, zone) <= wanted.last]
    return AuditPage(chosen, zone.key, today)


class AuditView(QWidget):
    """Who did what and when; the hash chain can be verified.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._query: AuditQuery | None = None
        self.model = AuditTableModel(self)
        words = Vocabulary()
        actions = sorted(words.actions().items(), key=lambda item: item[1])
        self.action = self._combo("auditAction", self.tr("All actions"), actions)
        kinds = sorted(words.entities().items(), key=lambda item: item[1])
        self.entity = self._combo("auditEntity", self.tr("All objects"), kinds)
        self.first, self.last = period_edits("auditFrom", "auditTo")
        self.refresh_button = action_button("refreshAudit", self.tr("Refresh"), ":/icons/refresh.svg")
        self.verify_button = action_button("verifyChain", self.tr("Verify chain"), ":/icons/shield.svg")
        self.chain = QLabel()
        self.chain.setObjectName("chainResult")
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("auditTable")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.details = QPlainTextEdit()
        self.details.setObjectName("auditDetails")
        self.details.setReadOnly(True)
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self._build_layout()
        self._connect_signals()
        self.refresh()

    def _combo(self, name: str, everything: str, items: Sequence[tuple[StrEnum, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value.value)  # the stored string, as the filter compares it
        return combo

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for text, widget in (
            (self.tr("Action:"), self.action),
            (self.tr("Object:"), self.entity),
            (self.tr("From:"), self.first),
            (self.tr("To:"), self.last),
        ):
            bar.addWidget(QLabel(text))
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        chain = QHBoxLayout()
        chain.addWidget(self.verify_button)
        chain.addWidget(self.chain, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(chain)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        for combo in (self.action, self.entity):
            combo.activated.connect(self._on_filter_changed)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._on_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def current_query(self) -> AuditQuery:
        """The filter the bar shows."""
        return AuditQuery(
            self.action.currentData(),
            self.entity.currentData(),
            to_date(self.first.date()),
            to_date(self.last.date()),
        )

    def _on_filter_changed(self) -> None:
        if self._query is not None:
            self._query = self.current_query()
            self.refresh()

    def refresh(self) -> None:
        """Reload entries in the background (the last 30 days the first time)."""
        self.status.setText(self.tr("Loading..."))
        work = partial(load_audit, self._context.services, self._context.actor, self._query)
        self._context.runner.run(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, page: AuditPage) -> None:
        self.model.zone = ZoneInfo(page.time_zone)
        if self._query is None:
            set_period(self.first, self.last, (page.today - timedelta(days=DEFAULT_DAYS), page.today))
            self._query = self.current_query()
        self.model.set_rows(page.entries)
        self.table.resizeColumnsToContents()
        self.details.clear()
        self.status.setText(self.tr("%n entry(ies)", "", len(page.entries)))

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(explain(error))

    def selected_entry(self) -> AuditEntry | None:
        """The entry selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        entry = self.proxy.data(rows[0], ROW_ROLE) if rows else None
        return entry if isinstance(entry, AuditEntry) else None

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        entry = self.selected_entry()
        self.details.setPlainText(self.model.details(entry) if entry else "")

    def _on_verify_clicked(self) -> None:
        self.verify_button.setEnabled(False)
        self.chain.setText(self.tr("Checking..."))
        self._context.runner.run(
            self._context.services.audit.verify_chain, self._on_verified, self._on_failed
        )

    def _on_verified(self, check: ChainCheck) -> None:
        self.verify_button.setEnabled(True)
        if check.intact:
            self.chain.setStyleSheet(OK_STYLE)
            self.chain.setText(self.tr("Intact: %n entry(ies) chain correctly.", "", check.entries))
        else:
            self.chain.setStyleSheet(ERROR_STYLE)
            self.chain.setText(
                self.tr("Broken at entry #{0}: the log was altered after it was written.").format(
                    check.first_broken_id
                )
            )
