"""Terminals view, ZKTeco part: a simulated device calls the real listener, waits, is approved or rejected
in the view, and answers the commands queued there."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from emulators.zkteco_device import ZkDevice
from fakes import ADMIN
from listener_support import RunningListener, running_listener
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.terminals import DirectionMode, Terminal
from timetracker_desktop.gui.dialogs.zkteco_dialogs import DeviceDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.table_model import RowTableModel, SearchProxy
from timetracker_desktop.gui.models.zkteco import CommandTableModel, PendingDeviceModel
from timetracker_desktop.gui.views.terminals import TerminalsView
from timetracker_desktop.repositories.ports.zkteco import AdmsCommand, AdmsDevice, CommandState, DeviceState
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.zkteco.dto import DeviceView

from .conftest import show

pytestmark = pytest.mark.gui
MONDAY = datetime(2026, 3, 2, 8, 0)  # noqa: DTZ001 - device-local wall time
EARLY, LATE = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


@pytest.fixture
def listener(services: Services) -> Iterator[RunningListener]:
    """The real listener on loopback over the test database."""
    with running_listener(services) as running:
        yield running


def _called_in(listener: RunningListener, serial: str, punches: int = 0) -> ZkDevice:
    """A device that shook hands, had its upload refused (it keeps the punches) and reported its counts."""
    device = ZkDevice(listener.client, serial)
    for n in range(punches):
        device.punch("1", MONDAY + timedelta(minutes=n), n % 2)
    assert device.handshake().status_code == 200
    assert device.sync() == 0
    assert device.backlog == punches
    assert device.poll(f"Ver 2.0.12-20150625,0,0,{punches},127.0.0.1") == []
    return device


def _with_pin(context: GuiContext) -> Services:
    """The services, with Olena holding terminal PIN 1."""
    context.services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль", pin="1"))
    return context.services


def _approved(services: Services, device: ZkDevice) -> Terminal:
    with services.uow(read_only=True) as uow:
        stored = uow.adms.by_serial(device.serial)
    assert stored is not None
    return services.adms_admin.approve(ADMIN, stored.id, name=f"ZK {device.serial}")


def _view(qtbot: QtBot, context: GuiContext) -> TerminalsView:
    view = TerminalsView(context)
    show(qtbot, view)
    view.device.poll_timer.setInterval(20)  # answers appear within the test's patience
    return view


def _select(view: TerminalsView, terminal_id: int) -> None:
    view.select_terminal(terminal_id)
    selected = view.selected_terminal()
    assert selected is not None
    assert selected.id == terminal_id
    assert view.device.isVisible()


def _punch_count(services: Services, terminal_id: int) -> int:
    with services.uow(read_only=True) as uow:
        grouped = uow.punches.for_employees(None, EARLY, LATE)
    return sum(1 for punches in grouped.values() for p in punches if p.terminal_id == terminal_id)


def _confirm(view_dialog: object, answer: QMessageBox.StandardButton) -> None:
    assert isinstance(view_dialog, QMessageBox)
    assert view_dialog.defaultButton() is view_dialog.button(QMessageBox.StandardButton.No)
    view_dialog.button(answer).click()


def test_pending_device_is_approved_through_the_dialog(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    services = _with_pin(admin_context)
    device = _called_in(listener, "CQZ7231460001", punches=5)
    view = _view(qtbot, admin_context)
    pending = view.pending
    assert pending.isVisible()
    assert pending.title() == "ZKTeco devices waiting for approval: 1"
    (row,) = pending.model.rows
    assert row.device.serial == "CQZ7231460001"
    assert pending.model.held_text(row) == "5"
    assert pending.proxy.index(0, 1).data() == "127.0.0.1"
    assert not view.device.isVisible()

    pending.approve_button.click()
    dialog = pending.dialog
    assert isinstance(dialog, DeviceDialog)
    assert dialog.name.text() == "ZKTeco CQZ7231460001"
    assert dialog.zone_value() is None  # the office zone by default
    dialog.name.setText("Вхід ZK")
    dialog.time_zone.setCurrentText("Mars/Olympus")
    dialog.buttons.accepted.emit()
    assert dialog.errors.text("time_zone") == "Unknown time zone."
    assert services.adms_admin.pending() != []  # nothing half-saved
    dialog.time_zone.setCurrentText("Europe/Kyiv")
    dialog.direction.setCurrentIndex(dialog.direction.findData(DirectionMode.AUTO))
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()

    assert not pending.isVisible()
    terminal = view.selected_terminal()
    assert terminal is not None
    assert (terminal.name, terminal.serial, terminal.time_zone) == ("Вхід ZK", "CQZ7231460001", "Europe/Kyiv")
    assert terminal.direction_mode is DirectionMode.AUTO
    assert view.device.isVisible()
    assert view.device.serial.text() == "CQZ7231460001"
    assert view.device.rule.text() == "the server decides"
    assert not view.rotate_button.isEnabled()  # a ZKTeco terminal has no key

    assert device.sync() == 1  # the held punches arrive once approved
    assert device.backlog == 0
    assert _punch_count(services, terminal.id) == 5


def test_reject_needs_a_confirmation(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    device = _called_in(listener, "REJECTME01", punches=2)
    view = _view(qtbot, admin_context)
    view.pending.reject_button.click()
    _confirm(view.pending.dialog, QMessageBox.StandardButton.No)
    assert view.pending.isVisible()
    assert len(admin_context.services.adms_admin.pending()) == 1

    view.pending.reject_button.click()
    _confirm(view.pending.dialog, QMessageBox.StandardButton.Yes)
    assert not view.pending.isVisible()
    assert admin_context.services.adms_admin.pending() == []
    assert view.model.rows == []  # no terminal was made
    refused = device.upload_raw("ATTLOG", device.log[0])
    assert refused.status_code == 403
    assert refused.json()["error"] == "device_rejected"
    assert device.backlog == 2


def test_commands_show_the_devices_answers(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    services = admin_context.services
    device = _called_in(listener, "COMMANDS01")
    terminal = _approved(services, device)
    view = _view(qtbot, admin_context)
    _select(view, terminal.id)
    panel = view.device

    panel.buttons["set_time"].click()
    (queued,) = panel.model.rows
    assert panel.model.command_text(queued) == "Set time and settings"
    assert panel.model.state_text(queued) == "Queued"
    assert panel.poll_timer.isActive()
    assert device.cycle() == [(queued.command_id, "CHECK")]
    qtbot.waitUntil(lambda: panel.model.rows[0].state is CommandState.DONE, timeout=3000)
    assert panel.model.result_text(panel.model.rows[0]) == "OK"
    assert panel.model.index(0, 4).data() != ""  # answered at

    panel.buttons["users"].click()
    assert panel.status.text() == "No active employee has a terminal PIN: give PINs to employees first."
    services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль", pin="1"))
    services.employees.add_employee(ADMIN, EmployeeDraft("Іван Бойко", pin="2"))
    panel.buttons["users"].click()
    assert panel.status.text() == "2 command(s) queued; the device picks them up at its next poll."
    device.cycle()
    qtbot.waitUntil(lambda: all(c.state is CommandState.DONE for c in panel.model.rows), timeout=3000)
    assert device.users == {"1": "Олена Коваль", "2": "Іван Бойко"}
    texts = {panel.model.command_text(c) for c in panel.model.rows}
    assert {"Upload user 1", "Upload user 2"} <= texts

    device.punch("1", MONDAY, 0)
    panel.buttons["clear"].click()
    _confirm(panel.dialog, QMessageBox.StandardButton.No)
    assert len(panel.model.rows) == 3
    panel.buttons["clear"].click()
    _confirm(panel.dialog, QMessageBox.StandardButton.Yes)
    assert panel.model.command_text(_newest(panel.model.rows)) == "Clear logs"
    assert panel.proxy.index(0, 0).data() == "Clear logs"  # the newest on top, in queue order
    device.cycle()  # uploads the punch first, then clears
    qtbot.waitUntil(lambda: _newest(panel.model.rows).state is CommandState.DONE, timeout=3000)
    assert device.log == []
    assert _punch_count(services, terminal.id) == 1


def test_reboot_only_after_a_confirmation(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    terminal = _approved(admin_context.services, _called_in(listener, "REBOOT01"))
    view = _view(qtbot, admin_context)
    _select(view, terminal.id)
    panel = view.device
    assert panel.buttons["reboot"].text() == "Reboot..."
    panel.buttons["reboot"].click()
    assert isinstance(panel.dialog, QMessageBox)
    assert "Nobody can clock in or out on it for about a minute" in panel.dialog.text()
    _confirm(panel.dialog, QMessageBox.StandardButton.No)
    assert panel.model.rows == []  # nothing queued
    panel.buttons["reboot"].click()
    _confirm(panel.dialog, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 1)
    assert panel.model.command_text(panel.model.rows[0]) == "Reboot"


def _newest(commands: list[AdmsCommand]) -> AdmsCommand:
    return max(commands, key=lambda c: c.id)


def test_reload_all_logs_after_a_confirmation(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    services = _with_pin(admin_context)
    device = _called_in(listener, "RELOAD01", punches=3)
    terminal = _approved(services, device)
    device.sync()
    view = _view(qtbot, admin_context)
    _select(view, terminal.id)
    panel = view.device
    panel.buttons["reload"].click()
    _confirm(panel.dialog, QMessageBox.StandardButton.Yes)
    (reload,) = panel.model.rows
    assert panel.model.command_text(reload) == "Reload all logs"
    device.cycle()  # the device sends everything again on the next cycle
    assert device.sync() == 1
    qtbot.waitUntil(lambda: panel.model.rows[0].state is CommandState.DONE, timeout=3000)
    assert _punch_count(services, terminal.id) == 3  # nothing stored twice


def test_settings_of_an_approved_device_are_editable(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    services = admin_context.services
    terminal = _approved(services, _called_in(listener, "SETTINGS01"))
    view = _view(qtbot, admin_context)
    _select(view, terminal.id)
    panel = view.device
    assert panel.zone.text() == "Office time zone (Europe/Kyiv)"
    assert panel.rule.text() == "the device's status key"
    panel.buttons["settings"].click()
    dialog = panel.dialog
    assert isinstance(dialog, DeviceDialog)
    assert dialog.windowTitle() == "ZKTeco device SETTINGS01"
    assert dialog.zone_value() is None
    assert dialog.mode_value() is DirectionMode.DEVICE
    dialog.time_zone.setCurrentText("Europe/Warsaw")
    dialog.direction.setCurrentIndex(dialog.direction.findData(DirectionMode.AUTO))
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert panel.zone.text() == "Europe/Warsaw"
    assert panel.rule.text() == "the server decides"
    stored = services.adms_admin.for_terminal(terminal.id)
    assert stored is not None
    assert stored.view.terminal is not None
    assert stored.view.terminal.time_zone == "Europe/Warsaw"
    assert stored.view.terminal.direction_mode is DirectionMode.AUTO
    assert [panel.model.command_text(c) for c in panel.model.rows] == ["Set time and settings"]


def test_a_device_appears_while_the_manager_watches(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    view = _view(qtbot, admin_context)
    view.watch.setInterval(20)
    assert not view.pending.isVisible()
    _called_in(listener, "LATECOMER01")
    qtbot.waitUntil(view.pending.isVisible, timeout=3000)
    assert [v.device.serial for v in view.pending.model.rows] == ["LATECOMER01"]
    _called_in(listener, "LATECOMER02")
    qtbot.waitUntil(lambda: len(view.pending.model.rows) == 2, timeout=3000)
    view.pending.table.selectRow(1)
    chosen = view.pending.selected_device()
    view.pending.refresh()
    assert view.pending.selected_device() == chosen  # the choice survives the periodic reloads


def test_a_deactivated_terminal_takes_no_commands(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    services = admin_context.services
    terminal = _approved(services, _called_in(listener, "DISABLED01"))
    services.terminals.set_active(ADMIN, terminal.id, False)
    view = _view(qtbot, admin_context)
    _select(view, terminal.id)
    panel = view.device
    assert panel.notice.text() == "The terminal is deactivated: the device is refused until you activate it."
    assert panel.buttons["settings"].isEnabled()
    assert not any(b.isEnabled() for name, b in panel.buttons.items() if name != "settings")
    view.active_button.click()
    assert not panel.notice.isVisible()
    assert all(b.isEnabled() for b in panel.buttons.values())


def test_a_device_rejected_after_approval_shows_why(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    services = admin_context.services
    terminal = _approved(services, _called_in(listener, "TURNCOAT01"))
    detail = services.adms_admin.for_terminal(terminal.id)
    assert detail is not None
    services.adms_admin.reject(ADMIN, detail.view.device.id)
    view = _view(qtbot, admin_context)
    _select(view, terminal.id)
    assert view.device.notice.text() == "This device was rejected: its requests are refused."
    assert not any(b.isEnabled() for b in view.device.buttons.values())


def test_viewer_sees_devices_but_no_actions(
    qtbot: QtBot, viewer_context: GuiContext, listener: RunningListener
) -> None:
    services = viewer_context.services
    _called_in(listener, "WAITING01")
    terminal = _approved(services, _called_in(listener, "APPROVED01"))
    view = _view(qtbot, viewer_context)
    assert view.pending.isVisible()
    assert not view.pending.approve_button.isVisible()
    assert not view.pending.reject_button.isVisible()
    view.pending.table.doubleClicked.emit(view.pending.proxy.index(0, 0))
    assert view.pending.dialog is None
    _select(view, terminal.id)
    assert view.device.serial.text() == "APPROVED01"
    assert not any(button.isVisible() for button in view.device.buttons.values())


AT = datetime(2026, 3, 4, 6, 5, tzinfo=UTC)


def _devices() -> list[DeviceView]:
    reported = AdmsDevice(1, "CQZ1", DeviceState.PENDING, AT, AT, last_ip="10.0.0.5", attlog_count=12)
    silent = AdmsDevice(2, "CQZ2", DeviceState.PENDING, AT, AT + timedelta(hours=1))
    return [DeviceView(reported, None, True, 0), DeviceView(silent, None, False, 0)]


def _commands() -> list[AdmsCommand]:
    return [
        AdmsCommand(1, 1, "C1", "CHECK", CommandState.DONE, AT, "admin", AT, AT, 0, None),
        AdmsCommand(2, 1, "C2", "DATA UPDATE USERINFO PIN=7\tName=Олена", CommandState.SENT, AT, "admin", AT),
        AdmsCommand(3, 1, "C3", "INFO", CommandState.FAILED, AT, "admin", AT, AT, -1, "~DeviceName=K40\nX=1"),
        AdmsCommand(4, 1, "C4", "REBOOT", CommandState.TIMED_OUT, AT, "admin", AT),
    ]


def _filled(index: int) -> RowTableModel[Any]:
    if index == 0:
        pending = PendingDeviceModel()
        pending.set_rows(_devices())
        return pending
    queue = CommandTableModel()
    queue.set_rows(_commands())
    return queue


@pytest.mark.parametrize("index", range(2))
def test_models_pass_the_model_tester(qtmodeltester: ModelTester, index: int) -> None:
    empty = PendingDeviceModel() if index == 0 else CommandTableModel()
    qtmodeltester.check(empty, force_py=True)  # type: ignore[no-untyped-call]
    model = _filled(index)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    proxy.sort(2)
    qtmodeltester.check(proxy, force_py=True)  # type: ignore[no-untyped-call]
    assert all(model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount()))


def test_model_texts() -> None:
    pending, queue = PendingDeviceModel(), CommandTableModel()
    assert [pending.held_text(d) for d in _devices()] == ["12", "not reported yet"]
    shown = [(queue.command_text(c), queue.state_text(c), queue.result_text(c)) for c in _commands()]
    assert shown == [
        ("Set time and settings", "Done", "OK"),
        ("Upload user 7", "Sent, waiting for the answer", ""),
        ("Device information", "Failed", "error -1: ~DeviceName=K40"),
        ("Reboot", "No answer", ""),
    ]


def test_a_device_refused_at_a_new_address_is_re_approved_in_the_panel(
    qtbot: QtBot, admin_context: GuiContext, listener: RunningListener
) -> None:
    services = admin_context.services
    terminal = _approved(services, _called_in(listener, "MOVED01"))
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    with httpx.Client(base_url=listener.server.url, transport=transport, timeout=10) as elsewhere:
        moved = ZkDevice(elsewhere, "MOVED01")
        assert moved.handshake().status_code == 403
        view = _view(qtbot, admin_context)
        _select(view, terminal.id)
        panel = view.device
        qtbot.waitUntil(panel.reapprove_button.isVisible, timeout=3000)
        assert "came from 127.0.0.2, but the device was approved at 127.0.0.1" in panel.notice.text()
        assert panel.address.text() == "127.0.0.1 (refused from 127.0.0.2)"
        pending = view.pending  # the waiting list shows it too, so it is seen without selecting it
        qtbot.waitUntil(pending.isVisible, timeout=3000)
        assert pending.proxy.index(0, 1).data() == "127.0.0.2 (approved at 127.0.0.1)"
        pending.table.selectRow(0)
        pending.approve_button.click()
        assert isinstance(pending.dialog, QMessageBox)
        assert "Accept the device MOVED01 at 127.0.0.2?" in pending.dialog.text()
        _confirm(pending.dialog, QMessageBox.StandardButton.No)
        panel.reapprove_button.click()
        _confirm(panel.dialog, QMessageBox.StandardButton.No)
        assert services.adms_admin.awaiting_reapproval() != []
        panel.reapprove_button.click()
        _confirm(panel.dialog, QMessageBox.StandardButton.Yes)
        qtbot.waitUntil(lambda: not panel.reapprove_button.isVisible(), timeout=3000)
        assert panel.status.text() == "Device MOVED01 re-approved at 127.0.0.2."
        assert not panel.notice.isVisible()
        assert moved.handshake().status_code == 200
        view.pending.refresh()
        qtbot.waitUntil(lambda: not view.pending.isVisible(), timeout=3000)
