"""Terminals view: add a terminal, read its key and QR payload, check the QR image; rotate; deactivate."""

import json

import pytest
import segno
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.dialogs.add_terminal_dialog import AddTerminalDialog
from timetracker_desktop.gui.dialogs.terminal_key_dialog import TerminalKeyDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.qr import QUIET_MODULES
from timetracker_desktop.gui.views.terminals import TerminalsView

from .conftest import show

pytestmark = pytest.mark.gui


def _view(qtbot: QtBot, context: GuiContext) -> TerminalsView:
    view = TerminalsView(context)
    show(qtbot, view)
    return view


def _image_matches(image: QImage, text: str) -> bool:
    """Sample the centre of every module and compare with the QR matrix of ``text``."""
    rows = [
        list(r) for r in segno.make(text, error="m", micro=False).matrix_iter(scale=1, border=QUIET_MODULES)
    ]
    scale = image.width() // len(rows)
    black = QColor("black").rgb()
    return all(
        (image.pixel(x * scale + scale // 2, y * scale + scale // 2) == black) == bool(dark)
        for y, row in enumerate(rows)
        for x, dark in enumerate(row)
    )


def _add(view: TerminalsView, name: str) -> TerminalKeyDialog:
    view.add_button.click()
    adder = view.dialog
    assert isinstance(adder, AddTerminalDialog)
    adder.name.setText(name)
    adder.location.setText("Хол")
    adder.buttons.accepted.emit()
    shown = view.dialog
    assert isinstance(shown, TerminalKeyDialog)
    return shown


def test_add_terminal_shows_key_and_qr(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = _view(qtbot, admin_context)
    dialog = _add(view, "Вхід")
    dialog.address.setCurrentText("127.0.0.1")
    assert "cannot reach" in dialog.problem.text()
    assert dialog.payload.toPlainText() == ""
    dialog.address.setCurrentText("192.168.1.20")
    payload = json.loads(dialog.payload.toPlainText())
    terminal = view.model.rows[0].terminal
    assert payload == {
        "server": "http://192.168.1.20:8000",
        "api_key": dialog.key.text(),
        "terminal_id": terminal.id,
        "terminal_name": "Вхід",
    }
    assert admin_context.services.terminals.authenticate(dialog.key.text()) == terminal
    assert '"terminal_name":"Вхід"' in dialog.payload.toPlainText()  # readable, not \u0412\u0445...
    assert "\\u0412" in dialog.qr_text  # the QR holds the app's exact escaped form
    assert json.loads(dialog.qr_text) == payload
    assert dialog.image is not None
    assert _image_matches(dialog.image, dialog.qr_text)
    assert admin_context.ui_settings.server_address == "192.168.1.20"
    assert view.model.state_text(view.model.rows[0]) == "Offline"


def test_duplicate_name_is_shown_inline(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = _view(qtbot, admin_context)
    _add(view, "Склад").close()
    view.add_button.click()
    adder = view.dialog
    assert isinstance(adder, AddTerminalDialog)
    adder.name.setText("Склад")
    adder.buttons.accepted.emit()
    assert adder.errors.text("name") == "A terminal with this name already exists."


def test_rotate_key_and_deactivate(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = _view(qtbot, admin_context)
    old_key = _add(view, "Каса").key.text()
    view.table.selectRow(0)
    view.rotate_button.click()
    box = view.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    rotated = view.dialog
    assert isinstance(rotated, TerminalKeyDialog)
    assert rotated.key.text() != old_key
    terminals = admin_context.services.terminals
    assert terminals.authenticate(old_key) is None
    assert terminals.authenticate(rotated.key.text()) is not None
    view.table.selectRow(0)
    view.active_button.click()
    assert view.model.state_text(view.model.rows[0]) == "Deactivated"
    assert view.active_button.text() == "Activate"


def test_viewer_cannot_manage_terminals(qtbot: QtBot, viewer_context: GuiContext) -> None:
    view = _view(qtbot, viewer_context)
    assert not view.add_button.isVisible()
    assert not view.rotate_button.isVisible()
    assert view.refresh_button.isVisible()
