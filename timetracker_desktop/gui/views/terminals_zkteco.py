"""ZKTeco parts of the Terminals view: devices waiting for (re-)approval, and one device's command queue."""

from collections.abc import Callable
from functools import partial
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.terminals import DirectionMode, Terminal, TerminalKind
from timetracker_desktop.domain.users import Permission
from timetracker_desktop.gui.dialogs.zkteco_dialogs import DeviceDialog
from timetracker_desktop.gui.kit.confirm import ask
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.field_errors import error_label
from timetracker_desktop.gui.kit.formatting import local_date_time
from timetracker_desktop.gui.kit.table_model import ROW_ROLE, SearchProxy
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.models.zkteco import CommandTableModel, PendingDeviceModel
from timetracker_desktop.repositories.ports.zkteco import AdmsCommand, AdmsDevice, DeviceState
from timetracker_desktop.services.zkteco.dto import DeviceCommand, DeviceDetail, DeviceView

T = TypeVar("T")
PENDING_ROWS_SHOWN = 4  # the waiting list grows to this many rows, then scrolls
POLL_MS = 5000  # while commands are open, re-read the queue this often (the device polls every 10 s)


def _writer(
    context: GuiContext,
    work: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Callable[[], None]:
    """A write to run later (after a confirmation), off the GUI thread."""
    return partial(context.runner.run, work, on_done, on_error, write=True)


class Reapproval(QObject):
    """The re-approval question and its outcome, asked from the waiting list and from the device panel."""

    def __init__(self, context: GuiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent

    def ask(
        self,
        device: AdmsDevice,
        on_done: Callable[[AdmsDevice], None],
        on_error: Callable[[BaseException], None],
    ) -> QMessageBox:
        """Ask before pinning ``device`` to the address (and comm key) it was refused with."""
        where = device.moved_ip or device.approved_ip or ""
        question = self.tr(
            "Accept the device {0} at {1}? From then on only requests from that address (and with the "
            "comm key it now presents) are accepted. Do this only if you moved the device yourself."
        ).format(device.serial, where)
        service, actor = self._context.services.adms_admin, self._context.actor
        work = partial(service.reapprove, actor, device.id, device.moved_ip)
        run = _writer(self._context, work, on_done, on_error)
        return ask(self._parent, "confirmReapprove", self.tr("Re-approve device"), question, run)

    def done_text(self, device: AdmsDevice) -> str:
        """What to say once it is done."""
        return self.tr("Device {0} re-approved at {1}.").format(device.serial, device.approved_ip)


class PendingDevicesPanel(QGroupBox):
    """Devices that called in with an unknown serial number: approve (as a terminal) or reject.

    Hidden while no device waits.

    Signals:
        approved(object): the ``Terminal`` a device became.
        reapproved(object): the ``AdmsDevice`` now pinned to its new address.
    """

    approved = Signal(object)
    reapproved = Signal(object)

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingDevices")
        self._context = context
        self._office_zone = "UTC"
        self.dialog: QWidget | None = None
        manager = context.can(Permission.MANAGE_TERMINALS)
        self.model = PendingDeviceModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("pendingDevicesTable")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        approve, reject = self.tr("Approve..."), self.tr("Reject...")
        self.approve_button = action_button("approveDevice", approve, ":/icons/check.svg", manager)
        self.reject_button = action_button("rejectDevice", reject, ":/icons/remove.svg", manager)
        hint = QLabel(
            self.tr(
                "These ZKTeco devices called in with an unknown serial number, or (approved at another "
                "address) now call from a new one. They keep their punches until you approve them; a "
                "rejected device is refused."
            )
        )
        hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("pendingStatus")
        self.status.setWordWrap(True)
        self.status.setVisible(False)  # no empty line under the table
        buttons = QVBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self._reapproval = Reapproval(context, self)
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self.table.doubleClicked.connect(self._on_approve_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._on_selection_changed()
        self.setVisible(False)

    def set_office_zone(self, zone: str) -> None:
        """The office zone: times are shown in it and a device may keep it."""
        self._office_zone = zone
        self.model.set_zone(ZoneInfo(zone))
        self.model.refresh_all()

    def refresh(self) -> None:
        """Reload the waiting devices in the background."""
        waiting = self._context.services.adms_admin.awaiting_decision
        self._context.runner.run(waiting, self._on_loaded, self._on_failed)

    def _on_loaded(self, views: list[DeviceView]) -> None:
        chosen = self.selected_device()
        self.model.set_rows(views)
        self.table.resizeColumnsToContents()
        self._fit_height(len(views))
        self.setTitle(self.tr("ZKTeco devices waiting for approval: %n", "", len(views)))
        self.setVisible(bool(views))
        ids = [self.proxy.data(self.proxy.index(row, 0), ROW_ROLE).device.id for row in range(len(views))]
        if ids:  # keep the manager's choice across the periodic reloads
            self.table.selectRow(ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0)
        self._on_selection_changed()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _fit_height(self, rows: int) -> None:
        """As tall as its rows (a few at most): the terminals below keep the room."""
        shown = min(max(rows, 1), PENDING_ROWS_SHOWN)
        frame = 2 * self.table.frameWidth()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + shown * row + frame)

    def _on_failed(self, error: BaseException) -> None:
        self._say(message_for(error))
        self.setVisible(True)

    def selected_device(self) -> AdmsDevice | None:
        """The device selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        view = self.proxy.data(rows[0], ROW_ROLE) if rows else None
        return view.device if isinstance(view, DeviceView) else None

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        chosen = self.selected_device() is not None
        self.approve_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    def _on_approve_clicked(self) -> None:
        device = self.selected_device()
        if device is None or not self.approve_button.isVisible():
            return
        if device.state is DeviceState.APPROVED:  # refused since it moved: approve the new address
            self.dialog = self._reapproval.ask(device, self._on_reapproved, self._on_failed)
            return
        dialog = DeviceDialog(self._context, device, self._office_zone, None, self)
        dialog.saved.connect(self._on_approved)
        self.dialog = dialog
        dialog.open()

    def _on_approved(self, terminal: Terminal) -> None:
        self._say(self.tr("Approved as terminal {0}.").format(terminal.name))
        self.refresh()
        self.approved.emit(terminal)

    def _on_reapproved(self, device: AdmsDevice) -> None:
        self._say(self._reapproval.done_text(device))
        self.refresh()
        self.reapproved.emit(device)

    def _on_reject_clicked(self) -> None:
        device = self.selected_device()
        if device is None:
            return
        text = self.tr(
            "Reject the device {0}? It will be refused, and the punches it holds will not be received."
        ).format(device.serial)
        work = partial(self._context.services.adms_admin.reject, self._context.actor, device.id)
        run = _writer(self._context, work, self._on_rejected, self._on_failed)
        title = self.tr("Reject device")
        self.dialog = ask(self, "confirmReject", title, text, run, QMessageBox.Icon.Warning)

    def _on_rejected(self, device: AdmsDevice) -> None:
        self._say(self.tr("Device {0} rejected.").format(device.serial))
        self.refresh()


class DevicePanel(QGroupBox):
    """The selected ZKTeco terminal: serial, settings and a small command queue with the device's answers.

    Hidden unless the selected terminal is a ZKTeco device. While commands are open the queue is re-read
    every few seconds so the device's answers appear without a click.

    Signals:
        (none besides QGroupBox's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admsDevice")
        self._context = context
        self._office_zone = "UTC"
        self._terminal_id: int | None = None
        self.detail: DeviceDetail | None = None
        self.dialog: QWidget | None = None
        self.serial, self.seen, self.address, self.firmware, self.zone, self.rule, self.counts = (
            self._value(name) for name in ("serial", "seen", "address", "firmware", "zone", "rule", "counts")
        )
        form = QFormLayout()
        form.addRow(self.tr("Serial number:"), self.serial)
        form.addRow(self.tr("Last seen:"), self.seen)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Firmware:"), self.firmware)
        form.addRow(self.tr("Time zone:"), self.zone)
        form.addRow(self.tr("IN/OUT:"), self.rule)
        form.addRow(self.tr("On the device:"), self.counts)
        self.model = CommandTableModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("deviceCommandsTable")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.status = QLabel()
        self.status.setObjectName("deviceStatus")
        self.status.setWordWrap(True)
        self._manager = context.can(Permission.MANAGE_TERMINALS)
        self.buttons = self._make_buttons(self._manager)
        self._reapproval = Reapproval(context, self)
        self.poll_timer = QTimer(self)
        self.poll_timer.setSingleShot(True)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self._on_poll)
        bar = QGridLayout()  # two columns: the panel stays low and the queue gets the room
        for position, button in enumerate(self.buttons.values()):
            bar.addWidget(button, position // 2, position % 2)
        bar.setRowStretch(len(self.buttons) // 2, 1)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addLayout(bar)
        layout = QVBoxLayout(self)
        layout.addLayout(self._make_notice())
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Commands and the device's answers:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setVisible(False)

    def _make_notice(self) -> QHBoxLayout:
        """Why the device is refused, with Re-approve beside it when a manager can end the refusal."""
        self.notice = error_label("deviceNotice")
        self.reapprove_button = action_button(
            "device_reapprove", self.tr("Re-approve..."), ":/icons/check.svg", visible=False
        )
        self.reapprove_button.clicked.connect(self._on_reapprove_clicked)
        row = QHBoxLayout()
        row.addWidget(self.notice, 1)
        row.addWidget(self.reapprove_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    @staticmethod
    def _value(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"device_{name}")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def _make_buttons(self, manager: bool) -> dict[str, QPushButton]:
        """The actions, by name; hidden for roles that may not use them."""
        queue, upload = self._queue, DeviceCommand.UPLOAD_USERS
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("settings", self.tr("Settings..."), ":/icons/settings.svg", self._on_settings_clicked),
            ("set_time", self.tr("Set time"), ":/icons/refresh.svg", partial(queue, DeviceCommand.SET_TIME)),
            ("users", self.tr("Upload users"), ":/icons/users.svg", partial(queue, upload)),
            ("reboot", self.tr("Reboot..."), ":/icons/power.svg", self._on_reboot_clicked),
            ("clear", self.tr("Clear logs..."), ":/icons/remove.svg", self._on_clear_clicked),
            ("reload", self.tr("Reload all logs..."), ":/icons/undo.svg", self._on_reload_clicked),
        ]  # fmt: skip
        buttons = {}
        for name, text, icon, slot in specs:
            button = action_button(f"device_{name}", text, icon, manager)
            button.clicked.connect(slot)
            buttons[name] = button
        return buttons

    def set_office_zone(self, zone: str) -> None:
        """The office zone: times are shown in it and a device may keep it."""
        self._office_zone = zone
        self.model.set_zone(ZoneInfo(zone))
        self.model.refresh_all()

    def show_terminal(self, terminal: Terminal | None) -> None:
        """Show the device behind a ZKTeco terminal (hidden for other terminals)."""
        if terminal is None or terminal.kind is not TerminalKind.ADMS:
            self._terminal_id, self.detail = None, None
            self.poll_timer.stop()
            self.setVisible(False)
            return
        if terminal.id != self._terminal_id:
            self._terminal_id = terminal.id
            self.status.clear()
        self.reload()

    def reload(self) -> None:
        """Re-read the shown device and its queue in the background."""
        if self._terminal_id is None:
            return
        work = partial(self._context.services.adms_admin.for_terminal, self._terminal_id)
        self._context.runner.run(work, partial(self._on_loaded, self._terminal_id), self._on_failed)

    def _on_poll(self) -> None:
        if self.isVisible():
            self.reload()

    def _on_loaded(self, terminal_id: int, detail: DeviceDetail | None) -> None:
        if terminal_id != self._terminal_id:
            return  # another terminal was selected meanwhile
        self.detail = detail
        self.setVisible(detail is not None)
        if detail is None:
            return
        self._show_detail(detail)
        self.model.set_rows(detail.commands)
        self.table.resizeColumnsToContents()
        self._enable(detail)
        if detail.view.open_commands:
            self.poll_timer.start()

    def _enable(self, detail: DeviceDetail) -> None:
        """Settings need an approved device; commands also an active terminal (else nothing collects them)."""
        terminal = detail.view.terminal
        approved = detail.view.device.state is DeviceState.APPROVED and terminal is not None
        reachable = approved and terminal is not None and terminal.is_active
        for name, button in self.buttons.items():
            button.setEnabled(approved if name == "settings" else reachable)
        self.notice.setText(self._refusal(detail) or "")
        self.notice.setVisible(bool(self.notice.text()))
        self.reapprove_button.setVisible(self._manager and approved and detail.view.device.needs_reapproval)

    def _refusal(self, detail: DeviceDetail) -> str | None:
        """Why the device's requests are refused now, if they are."""
        device = detail.view.device
        if device.state is DeviceState.REJECTED:
            return self.tr("This device was rejected: its requests are refused.")
        if device.moved_ip is not None:
            return self.tr(
                "Requests with this serial number came from {0}, but the device was approved at {1}: they "
                "are refused. If the device was moved, re-approve it at its new address."
            ).format(device.moved_ip, device.approved_ip or self.tr("unknown"))
        if device.needs_reapproval:
            return self.tr(
                "The device presented another comm key than the approved one: it is refused. If the key "
                "was changed on the device, re-approve it."
            )
        terminal = detail.view.terminal
        if terminal is not None and not terminal.is_active:
            return self.tr("The terminal is deactivated: the device is refused until you activate it.")
        return None

    def _show_detail(self, detail: DeviceDetail) -> None:
        device, terminal = detail.view.device, detail.view.terminal
        self.setTitle(self.tr("ZKTeco device {0}").format(device.serial))
        self.serial.setText(device.serial)
        seen = local_date_time(device.last_seen_at, ZoneInfo(self._office_zone))
        state = self.tr("online") if detail.view.online else self.tr("offline")
        self.seen.setText(f"{seen} ({state})")
        address = device.last_ip or self.tr("unknown")
        if device.ip_changed:
            address = self.tr("{0} (refused from {1})").format(address, device.moved_ip)
        self.address.setText(address)
        self.firmware.setText(device.firmware or self.tr("not reported yet"))
        zone = terminal.time_zone if terminal is not None else None
        self.zone.setText(zone or self.tr("Office time zone ({0})").format(self._office_zone))
        mode = terminal.direction_mode if terminal is not None else DirectionMode.DEVICE
        by_device = mode is DirectionMode.DEVICE
        self.rule.setText(self.tr("the device's status key") if by_device else self.tr("the server decides"))
        if device.attlog_count is None:
            self.counts.setText(self.tr("not reported yet"))
        else:
            self.counts.setText(
                self.tr("%n punch(es)", "", device.attlog_count)
                + ", "
                + self.tr("%n user(s)", "", device.user_count or 0)
            )

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def _device(self) -> AdmsDevice | None:
        return self.detail.view.device if self.detail is not None else None

    def _queue(self, command: DeviceCommand) -> None:
        device = self._device()
        if device is not None:
            self._queue_for(device, command)

    def _queue_for(self, device: AdmsDevice, command: DeviceCommand, confirm: bool = False) -> None:
        service, actor = self._context.services.adms_admin, self._context.actor
        work = partial(service.queue_command, actor, device.id, command, confirm=confirm)
        self._context.runner.run(work, self._on_queued, self._on_failed, write=True)

    def _on_queued(self, queued: list[AdmsCommand] | AdmsCommand) -> None:
        count = len(queued) if isinstance(queued, list) else 1
        self.status.setText(
            self.tr("%n command(s) queued; the device picks them up at its next poll.", "", count)
        )
        self.reload()

    def _ask_about_device(
        self,
        name: str,
        title: str,
        question: str,
        act: Callable[[AdmsDevice], None],
        icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    ) -> None:
        """Ask ``question`` about the shown device (``{0}``: its serial number); ``act(device)`` after Yes."""
        device = self._device()
        if device is not None:
            self.dialog = ask(self, name, title, question.format(device.serial), partial(act, device), icon)

    def _on_clear_clicked(self) -> None:
        question = self.tr(
            "Erase every punch stored on the device {0}? Punches already received here are kept; "
            "punches the device has not sent yet are lost."
        )
        clear = partial(self._queue_for, command=DeviceCommand.CLEAR_LOGS, confirm=True)
        warning = QMessageBox.Icon.Warning
        self._ask_about_device("confirmClearLogs", self.tr("Clear logs"), question, clear, warning)

    def _on_reboot_clicked(self) -> None:
        question = self.tr(
            "Restart the device {0}? Nobody can clock in or out on it for about a minute; punches stored "
            "on it are kept and sent afterwards."
        )
        reboot = partial(self._queue_for, command=DeviceCommand.REBOOT)
        warning = QMessageBox.Icon.Warning
        self._ask_about_device("confirmReboot", self.tr("Reboot"), question, reboot, warning)

    def _on_reload_clicked(self) -> None:
        question = self.tr(
            "Ask the device {0} to send its whole log again? Punches already stored are not stored twice; "
            "a long log takes a while."
        )
        self._ask_about_device("confirmReloadLogs", self.tr("Reload all logs"), question, self._reload_logs)

    def _reload_logs(self, device: AdmsDevice) -> None:
        work = partial(self._context.services.adms_admin.reload_logs, self._context.actor, device.id)
        self._context.runner.run(work, self._on_queued, self._on_failed, write=True)

    def _on_reapprove_clicked(self) -> None:
        device = self._device()
        if device is not None and device.needs_reapproval:
            self.dialog = self._reapproval.ask(device, self._on_reapproved, self._on_failed)

    def _on_reapproved(self, device: AdmsDevice) -> None:
        self.status.setText(self._reapproval.done_text(device))
        self.reload()

    def _on_settings_clicked(self) -> None:
        detail = self.detail
        if detail is None or detail.view.terminal is None:
            return
        terminal = detail.view.terminal
        dialog = DeviceDialog(self._context, detail.view.device, self._office_zone, terminal, self)
        dialog.saved.connect(self._on_configured)
        self.dialog = dialog
        dialog.open()

    def _on_configured(self, terminal: Terminal) -> None:
        self.status.setText(self.tr("Settings of {0} saved.").format(terminal.name))
        self.reload()
