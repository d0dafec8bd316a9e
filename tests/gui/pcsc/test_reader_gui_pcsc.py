"""The reader in the GUI on real pcscd: status bar across a restart, "who is this?", no reader, chooser."""

from zoneinfo import ZoneInfo

import pytest
from emulators.vpcd_card import VpcdCard, plain_card
from pcsc_support import SECOND_READER, SECOND_VPCD_PORT, Pcscd
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.users import Role
from timetracker_desktop.gui.dialogs.badge_dialogs import AddBadgeDialog
from timetracker_desktop.gui.dialogs.enroll_dialog import EnrollBadgeDialog, Step
from timetracker_desktop.gui.dialogs.who_is_this import WhoIsThisDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.reader_bridge import DeskReaderBridge, ReaderListener, ReaderService
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner
from timetracker_desktop.gui.listener.bridges import ScanBridge
from timetracker_desktop.gui.shell.status_bar import MainStatusBar
from timetracker_desktop.gui.views.badges_panel import BadgesPanel
from timetracker_desktop.gui.views.settings_view import SettingsView
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.people.desk_enrollment import Identification

from ..conftest import make_user, show
from .conftest import present, started_bridge, step

pytestmark = [pytest.mark.gui, pytest.mark.pcsc]
WAIT_MS = 5000
UID = "15CD5B07"


class StateLog:
    """Every state the reader bridge went through, in words."""

    def __init__(self, bridge: DeskReaderBridge) -> None:
        self.states: list[str] = []
        self._bridge = bridge
        bridge.state_changed.connect(self.record)

    def record(self) -> None:
        self.states.append("fault" if self._bridge.fault is not None else self._bridge.describe())


def context_with(
    services: Services, runner: InlineTaskRunner, settings: UiSettings, bridge: DeskReaderBridge
) -> GuiContext:
    user = make_user(services, "admin", Role.ADMIN)
    return GuiContext(services, user, runner, settings, "test database", ScanBridge(), reader=bridge)


def test_status_bar_and_dialog_follow_the_reader_through_a_pcscd_restart(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext
) -> None:
    bar = MainStatusBar(reader_context)
    qtbot.addWidget(bar)
    assert bar.reader.text() == f"Desk reader: {pcscd.reader}"
    ivan = reader_context.services.employees.add_employee(
        reader_context.actor, EmployeeDraft("Іван Шевченко")
    )
    dialog = EnrollBadgeDialog(reader_context, ivan)
    show(qtbot, dialog)
    assert reader_context.reader is not None
    seen = StateLog(reader_context.reader)

    pcscd.restart()
    qtbot.waitUntil(lambda: "fault" in seen.states, timeout=WAIT_MS)
    assert step(dialog) is Step.NO_READER
    qtbot.waitUntil(lambda: bar.reader.text() == f"Desk reader: {pcscd.reader}", timeout=WAIT_MS)
    assert step(dialog) is Step.WAITING  # back from "no reader" on its own
    present(qtbot, pcscd, dialog.badge_read, VpcdCard(plain_card(bytes.fromhex(UID))))


def test_who_is_this_names_the_holder_or_nobody(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext
) -> None:
    olena = reader_context.services.employees.add_employee(
        reader_context.actor, EmployeeDraft("Олена Коваль", card_uid=UID)
    )
    dialog = WhoIsThisDialog(reader_context)
    show(qtbot, dialog)
    assert dialog.prompt.text() == f"Tap any badge on the reader {pcscd.reader}..."
    found = present(qtbot, pcscd, dialog.identified, VpcdCard(plain_card(bytes.fromhex(UID))))[0]
    assert isinstance(found, Identification)
    assert found.employee is not None
    assert found.employee.id == olena.id
    assert dialog.prompt.text() == "This badge belongs to Олена Коваль."
    values = dialog.details.values
    assert (values["uid"].text(), values["reversed"].text()) == (UID, "075BCD15")
    assert values["decimal"].text() == "123456789 / 365779719"

    present(qtbot, pcscd, dialog.identified, VpcdCard(plain_card(bytes.fromhex("04A2B3C4D5E680"))))
    assert values["holder"].text() == "nobody"
    assert dialog.prompt.text() == "Nobody holds this badge."


def _enroll_without_reader(qtbot: QtBot, context: GuiContext) -> None:
    olena = context.services.employees.add_employee(context.actor, EmployeeDraft("Олена Коваль"))
    panel = BadgesPanel(context)
    show(qtbot, panel)
    panel.show_employee(olena, ZoneInfo("UTC"))
    panel.enroll_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, EnrollBadgeDialog)
    assert step(dialog) is Step.NO_READER
    assert dialog.prompt.text().startswith("No desk reader is connected.")
    assert dialog.manual_button.isVisible()
    assert not dialog.countdown.isVisible()
    dialog.manual_button.click()
    assert not dialog.isVisible()
    assert isinstance(panel.dialog, AddBadgeDialog)


def test_a_reader_that_is_not_connected_offers_manual_entry(
    qtbot: QtBot, pcscd: Pcscd, services: Services, runner: InlineTaskRunner, ui_settings: UiSettings
) -> None:
    bridge = started_bridge(qtbot, "ACS ACR122U PICC Interface 0")
    try:
        context = context_with(services, runner, ui_settings, bridge)
        bar = MainStatusBar(context)
        qtbot.addWidget(bar)
        assert bar.reader.text() == "Desk reader: no reader connected"
        _enroll_without_reader(qtbot, context)
    finally:
        bridge.stop()


class _NoPcsc:
    """A reader factory failing as it does without the PC/SC library."""

    def __call__(self, listener: ReaderListener, name: str | None) -> ReaderService:
        raise OSError("libpcsclite.so.1: cannot open shared object file")


@pytest.mark.parametrize("factory", [None, _NoPcsc()], ids=["no-reader-service", "no-pcsc-library"])
def test_without_a_reader_service_the_app_works_and_explains(
    qtbot: QtBot,
    services: Services,
    runner: InlineTaskRunner,
    ui_settings: UiSettings,
    factory: _NoPcsc | None,
) -> None:
    bridge = DeskReaderBridge()
    bridge.start(factory, "")
    context = context_with(services, runner, ui_settings, bridge)
    bar = MainStatusBar(context)
    qtbot.addWidget(bar)
    assert bar.reader.text() == "Desk reader: no reader connected"  # not the alarming "service unavailable"
    assert ("libpcsclite" in bar.reader.toolTip()) is (factory is not None)
    _enroll_without_reader(qtbot, context)
    bridge.stop()


def test_reader_chooser_lists_live_readers_and_applies_at_once(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext
) -> None:
    view = SettingsView(reader_context)
    show(qtbot, view)
    chooser = view.desk_reader
    items = [chooser.itemText(i) for i in range(chooser.count())]
    assert items == ["First connected reader", pcscd.reader, SECOND_READER]
    bridge = reader_context.reader
    assert bridge is not None
    chooser.setCurrentIndex(chooser.findData(SECOND_READER))
    assert reader_context.ui_settings.reader_name == SECOND_READER
    qtbot.waitUntil(lambda: bridge.active_reader == SECOND_READER, timeout=WAIT_MS)
    card = VpcdCard(plain_card(bytes.fromhex(UID)), port=SECOND_VPCD_PORT)
    assert present(qtbot, pcscd, bridge.card_presented, card, bridge.card_removed)[0] == SECOND_READER

    reader_context.ui_settings.reader_name = "Unplugged Reader"
    chooser.fill()
    assert chooser.currentText() == "Unplugged Reader (not connected)"
