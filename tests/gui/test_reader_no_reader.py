"""The status bar's desk reader on Windows: a stopped Smart Card service is "no reader", not an alarm."""

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.reader_bridge import DeskReaderBridge
from timetracker_desktop.hardware.outcomes import NO_READER, ReaderFault

pytestmark = pytest.mark.gui


def test_no_reader_on_windows_only_asks_to_connect_one(qtbot: QtBot) -> None:
    bridge = DeskReaderBridge()
    with qtbot.waitSignal(bridge.state_changed):
        bridge.on_error(ReaderFault(NO_READER, "SCardEstablishContext: service not available (0x8010001D)"))
    assert bridge.describe() == "no reader connected"
    assert bridge.explain() == "Connect the reader; it is found at once."
    assert "does not answer" not in bridge.explain()


def test_a_missing_pcscd_on_linux_is_still_explained(qtbot: QtBot) -> None:
    bridge = DeskReaderBridge()
    with qtbot.waitSignal(bridge.state_changed):
        bridge.on_error(ReaderFault("no_service", "SCardEstablishContext: service not available"))
    assert bridge.describe() == "no reader connected"
    assert "The smart card service does not answer" in bridge.explain()
