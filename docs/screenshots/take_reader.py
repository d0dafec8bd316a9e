"""Takes the desk-reader screenshots: the enroll dialog after a real tap (card, badge phone) in Ukrainian.

It starts a private pcscd with the vpcd virtual reader (as the PC/SC tests do) and taps virtual cards::

    Xvfb :97 -screen 0 1280x1024x24 -nolisten tcp &
    DISPLAY=:97 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_reader.py
"""

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from emulators.badge_phone import BadgePhone, session_key  # noqa: E402
from emulators.vpcd_card import VpcdCard, phone_card, plain_card  # noqa: E402
from pcsc_support import Pcscd  # noqa: E402
from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from timetracker_desktop.app import build_app, open_desk_reader  # noqa: E402
from timetracker_desktop.domain.users import Actor, Role  # noqa: E402
from timetracker_desktop.gui.dialogs.enroll_dialog import EnrollBadgeDialog, Step  # noqa: E402
from timetracker_desktop.gui.kit.context import GuiContext  # noqa: E402
from timetracker_desktop.gui.kit.i18n import install_translators  # noqa: E402
from timetracker_desktop.gui.kit.reader_bridge import DeskReaderBridge  # noqa: E402
from timetracker_desktop.gui.kit.settings import UiSettings  # noqa: E402
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner  # noqa: E402
from timetracker_desktop.gui.listener.bridges import ScanBridge  # noqa: E402
from timetracker_desktop.gui.shell.application import load_resources  # noqa: E402
from timetracker_desktop.services.dto import EmployeeDraft  # noqa: E402

OUT = Path(__file__).resolve().parent
PASSWORD = "demo-admin-1"


def wait_until(app: QApplication, done: Callable[[], bool], seconds: float = 5) -> None:
    """Process events until ``done()`` (the reader reports through queued signals)."""
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the reader did not report in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def save(app: QApplication, widget: QWidget, name: str) -> None:
    """One PNG after a repaint."""
    widget.adjustSize()
    for _ in range(5):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def tap_and_save(
    app: QApplication, pcscd: Pcscd, dialog: EnrollBadgeDialog, card: VpcdCard, name: str
) -> None:
    """Show the dialog, tap the card, save the screenshot once the holder is known."""
    dialog.show()
    with card:
        wait_until(app, lambda: dialog.step in (Step.READY, Step.TAKEN))
        save(app, dialog, name)
    pcscd.wait_until_empty()
    dialog.reject()


def main() -> int:
    """Take the screenshots into docs/screenshots/."""
    app = QApplication(sys.argv)
    load_resources()
    install_translators(app, "uk")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pcscd = Pcscd(work)
        pcscd.start()
        bridge = DeskReaderBridge()
        context = build_app(f"sqlite:///{work / 'demo.db'}", bcrypt_rounds=4)
        try:
            services = context.services
            admin = services.users.create_user(Actor.system(), "admin", PASSWORD, Role.ADMIN)
            olena = services.employees.add_employee(
                Actor.of_user(admin), EmployeeDraft("Олена Коваль", "Бухгалтер")
            )
            ivan = services.employees.add_employee(
                Actor.of_user(admin), EmployeeDraft("Іван Шевченко", "Інженер")
            )
            bridge.start(open_desk_reader, pcscd.reader)
            wait_until(app, lambda: bridge.connected)
            gui = GuiContext(
                services,
                admin,
                InlineTaskRunner(),
                UiSettings(work / "ui.ini"),
                "demo",
                ScanBridge(),
                reader=bridge,
            )
            card = VpcdCard(plain_card(bytes.fromhex("04A2B3C4D5E680")))
            tap_and_save(app, pcscd, EnrollBadgeDialog(gui, olena), card, "enroll-card")
            phone = VpcdCard(phone_card(BadgePhone("EMP-1A2B3C4D", session_key(0))))
            tap_and_save(app, pcscd, EnrollBadgeDialog(gui, ivan), phone, "enroll-phone")
        finally:
            bridge.stop()
            context.close()
            pcscd.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
