"""GUI tests against a real pcscd with the vpcd virtual reader: the reader bridge and a logged-in context."""

from collections.abc import Iterator

import pytest
from emulators.vpcd_card import VpcdCard
from pcsc_support import Pcscd, pcscd
from PySide6.QtCore import SignalInstance
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import open_desk_reader
from timetracker_desktop.domain.users import Role
from timetracker_desktop.gui.dialogs.enroll_dialog import EnrollBadgeDialog, Step
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.reader_bridge import DeskReaderBridge
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner
from timetracker_desktop.gui.listener.bridges import ScanBridge
from timetracker_desktop.services.container import Services

from ..conftest import make_user

__all__ = ["pcscd"]


def started_bridge(qtbot: QtBot, reader_name: str) -> DeskReaderBridge:
    """A bridge with the real desk reader service (as the app wires it), once it reported its readers."""
    bridge = DeskReaderBridge()
    bridge.start(open_desk_reader, reader_name)
    qtbot.waitUntil(lambda: bool(bridge.readers), timeout=5000)
    return bridge


def step(dialog: EnrollBadgeDialog) -> Step:
    """Where the enroll dialog is (a call, so that mypy does not narrow the attribute between actions)."""
    return dialog.step


def present(
    qtbot: QtBot, pcscd: Pcscd, signal: SignalInstance, card: VpcdCard, removed: SignalInstance | None = None
) -> list[object]:
    """Hold ``card`` on the reader until ``signal`` fires, take it away; the signal's arguments.

    A card on another slot than pcscd's first waits for ``removed`` (the bridge's ``card_removed``).
    """
    with qtbot.waitSignal(signal, timeout=5000) as fired:
        card.insert()
    if removed is None:
        card.remove()
        pcscd.wait_until_empty()
    else:
        with qtbot.waitSignal(removed, timeout=5000):
            card.remove()
    return list(fired.args or [])


@pytest.fixture
def bridge(pcscd: Pcscd, qtbot: QtBot) -> Iterator[DeskReaderBridge]:
    """The desk reader watching ``TT Virtual NFC 00 00``, connected."""
    bridge = started_bridge(qtbot, pcscd.reader)
    qtbot.waitUntil(lambda: bridge.connected, timeout=5000)
    yield bridge
    bridge.stop()


@pytest.fixture
def reader_context(
    services: Services, runner: InlineTaskRunner, ui_settings: UiSettings, bridge: DeskReaderBridge
) -> GuiContext:
    """Logged in as the admin, with the desk reader."""
    user = make_user(services, "admin", Role.ADMIN)
    return GuiContext(services, user, runner, ui_settings, "test database", ScanBridge(), reader=bridge)
