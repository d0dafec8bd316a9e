"""Terminals: online state, last seen; add (key and QR shown once), rotate key, deactivate; ZKTeco devices."""

from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.domain.users import Permission
from timetracker_desktop.gui.dialogs.add_terminal_dialog import AddTerminalDialog
from timetracker_desktop.gui.dialogs.terminal_key_dialog import TerminalKeyDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.table_model import ROW_ROLE, SearchProxy
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.models.terminals import TerminalTableModel
from timetracker_desktop.gui.views.terminals_zkteco import DevicePanel, PendingDevicesPanel
from timetracker_desktop.services.dto import NewTerminalKey
from timetracker_desktop.services.terminals.overview import (
    TerminalOverview,
    TerminalStatus,
)

TABLE_MIN_HEIGHT = 130  # a few terminals stay visible under the ZKTeco panels
WATCH_MS = 10_000  # how often the list of ZKTeco devices waiting for approval is re-read while shown


class TerminalsView(QWidget):
    """The terminals that report to this PC.

    Signals:
        terminals_loaded(TerminalOverview): the list was (re)loaded; the status bar shows the same count.
    """

    terminals_loaded = Signal(object)

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._overview = context.terminal_overview
        self.dialog: QWidget | None = None
        self._wanted: int | None = None  # a terminal to select after the next load (a device just approved)
        manager = context.can(Permission.MANAGE_TERMINALS)
        self.add_button = action_button("addTerminal", self.tr("Add terminal"), ":/icons/add.svg", manager)
        self.rotate_button = action_button("rotateKey", self.tr("New key..."), ":/icons/key.svg", manager)
        self.active_button = action_button(
            "toggleTerminal", self.tr("Deactivate"), ":/icons/power.svg", manager
        )
        self.refresh_button = action_button(
            "refreshTerminals", self.tr("Refresh"), ":/icons/refresh.svg", True
        )
        self.listener = QLabel()
        self.listener.setObjectName("listenerInfo")
        self.listener.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("terminalsStatus")
        self.model = TerminalTableModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("terminalsTable")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setMinimumHeight(TABLE_MIN_HEIGHT)
        self.pending = PendingDevicesPanel(context)
        self.device = DevicePanel(context)
        bar = QHBoxLayout()
        for button in (self.add_button, self.rotate_button, self.active_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.listener)
        layout.addWidget(self.pending)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.device, 2)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.rotate_button.clicked.connect(self._on_rotate_clicked)
        self.active_button.clicked.connect(self._on_toggle_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.pending.approved.connect(self._on_approved)
        self.pending.reapproved.connect(self._on_reapproved)
        self.watch = QTimer(self)  # a device set up while the manager watches appears by itself
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self._on_watch)
        self.watch.start()
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._show_listener()
        self._on_selection_changed()
        self.refresh()

    def _show_listener(self) -> None:
        settings = self._context.ui_settings
        self.listener.setText(
            self.tr(
                "Terminals connect to this PC at port {0} (listener address {1}). "
                "Change the port in Settings; the QR code of a new key carries this PC's address."
            ).format(settings.listener_port, settings.listener_host)
        )

    def refresh(self) -> None:
        """Reload terminals in the background."""
        self.status.setText(self.tr("Loading..."))
        self._context.runner.run(self._overview.overview, self._on_loaded, self._on_failed)
        self.pending.refresh()

    def _on_watch(self) -> None:
        if self.isVisible():
            self.pending.refresh()

    def _on_loaded(self, overview: TerminalOverview) -> None:
        selected = self.selected_terminal()
        self.model.set_zone(ZoneInfo(overview.time_zone))
        self.pending.set_office_zone(overview.time_zone)
        self.device.set_office_zone(overview.time_zone)
        self.model.set_rows(overview.statuses)
        self.table.resizeColumnsToContents()
        self.status.setText(
            self.tr("{0} of {1} active terminal(s) online").format(overview.online, overview.active)
        )
        self.terminals_loaded.emit(overview)
        wanted = self._wanted or (selected.id if selected is not None else None)
        self._wanted = None
        if wanted is not None:
            self.select_terminal(wanted)
        self._on_selection_changed()

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def select_terminal(self, terminal_id: int) -> None:
        """Select a terminal's row (when it is listed)."""
        for row in range(self.proxy.rowCount()):
            status = self.proxy.data(self.proxy.index(row, 0), ROW_ROLE)
            if isinstance(status, TerminalStatus) and status.terminal.id == terminal_id:
                self.table.selectRow(row)
                return

    def selected_terminal(self) -> Terminal | None:
        """The terminal selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        status = self.proxy.data(rows[0], ROW_ROLE) if rows else None
        return status.terminal if isinstance(status, TerminalStatus) else None

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        terminal = self.selected_terminal()
        keyed = terminal is not None and terminal.kind is not TerminalKind.ADMS  # ZKTeco devices have no key
        self.rotate_button.setEnabled(keyed and terminal is not None and terminal.is_active)
        self.device.show_terminal(terminal)
        self.active_button.setEnabled(terminal is not None)
        deactivate = terminal is None or terminal.is_active
        self.active_button.setText(self.tr("Deactivate") if deactivate else self.tr("Activate"))

    def _on_approved(self, terminal: Terminal) -> None:
        self._wanted = terminal.id
        self.refresh()

    def _on_reapproved(self, device: object) -> None:
        self.device.reload()  # the selected device may be the one re-approved

    def _on_add_clicked(self) -> None:
        dialog = AddTerminalDialog(self._context, self)
        dialog.saved.connect(self.show_key)
        self.dialog = dialog
        dialog.open()

    def show_key(self, issued: NewTerminalKey) -> None:
        """Show a new key with its QR code, then reload."""
        self.refresh()
        dialog = TerminalKeyDialog(issued, self._context.ui_settings, self)
        self.dialog = dialog
        dialog.open()

    def _on_rotate_clicked(self) -> None:
        terminal = self.selected_terminal()
        if terminal is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("New key"),
            self.tr("Issue a new key for {0}? The old key stops working at once.").format(terminal.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmRotate")
        box.buttonClicked.connect(partial(self._on_rotate_answered, box, terminal.id))
        self.dialog = box
        box.open()

    def _on_rotate_answered(self, box: QMessageBox, terminal_id: int, button: QAbstractButton) -> None:
        if box.standardButton(button) != QMessageBox.StandardButton.Yes:
            return
        work = partial(self._context.services.terminals.rotate_key, self._context.actor, terminal_id)
        self._context.runner.run(work, self.show_key, self._on_failed, write=True)

    def _on_toggle_clicked(self) -> None:
        terminal = self.selected_terminal()
        if terminal is None:
            return
        work = partial(
            self._context.services.terminals.set_active,
            self._context.actor,
            terminal.id,
            not terminal.is_active,
        )
        self._context.runner.run(work, self._on_changed, self._on_failed, write=True)

    def _on_changed(self, _terminal: Terminal) -> None:
        self.refresh()
