"""Takes the README screenshots: a demo database, the real GUI in Ukrainian, one PNG per view and dialog.

Run it under Xvfb (the app draws with the xcb platform, exactly as on a desktop)::

    Xvfb :99 -screen 0 1280x1024x24 -nolisten tcp &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take.py

The demo clock stands on a recent Wednesday at 11:40 Kyiv time, so the Today view shows a working day.
"""

import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from timetracker_desktop.app import GuiDatabaseGateway, build_app
from timetracker_desktop.app import start_listener_in_thread as listener_on_a_thread
from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.gui.dialogs.add_terminal_dialog import AddTerminalDialog
from timetracker_desktop.gui.dialogs.employee_dialog import EmployeeDialog
from timetracker_desktop.gui.dialogs.first_run import FirstRunWizard
from timetracker_desktop.gui.dialogs.import_dialog import ImportDialog
from timetracker_desktop.gui.dialogs.terminal_key_dialog import TerminalKeyDialog
from timetracker_desktop.gui.kit.i18n import install_translators
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.listener.control import ListenerStarter
from timetracker_desktop.gui.shell.application import Shell, load_resources
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.views.employees import EmployeesView
from timetracker_desktop.gui.views.terminals import TerminalsView
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.demo import DemoDataService

OUT = Path(__file__).resolve().parent
KYIV = ZoneInfo("Europe/Kyiv")
PASSWORD = "demo-admin-1"


class FixedClock:
    """The demo's "now"."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        """The fixed instant."""
        return self.at


def demo_now() -> datetime:
    """11:40 Kyiv time on the most recent Wednesday."""
    today = datetime.now(KYIV).date()
    wednesday = today - timedelta(days=(today.weekday() - 2) % 7)
    return datetime(wednesday.year, wednesday.month, wednesday.day, 11, 40, tzinfo=KYIV).astimezone(UTC)


def morning_taps(services: Services, now: datetime) -> None:
    """Today's arrivals, as the terminals would have recorded them."""
    rng = random.Random(4)
    day: date = now.astimezone(KYIV).date()
    with services.uow() as uow:
        terminals = [t.id for t in uow.terminals.list_all()]
        batch = []
        for employee in uow.employees.list_all(include_inactive=False):
            if employee.id % 7 == 0 or rng.random() < 0.12:
                continue  # night guards, and a few who have not come
            minutes = rng.randint(-20, 5) if rng.random() > 0.2 else rng.randint(12, 45)
            at = datetime(day.year, day.month, day.day, 8, 0, tzinfo=KYIV) + timedelta(minutes=minutes)
            terminal = rng.choice(terminals[:2])
            batch.append(NewPunch(employee.id, at.astimezone(UTC), Direction.IN, PunchSource.TERMINAL, now,
                                  terminal_id=terminal, received_at=at.astimezone(UTC)))  # fmt: skip
        uow.punches.add_many(batch)
        for terminal_id in terminals[:2]:
            uow.terminals.touch(terminal_id, now - timedelta(seconds=40))
        uow.commit()


def prepare(url: str, clock: FixedClock) -> None:
    """The demo database with an admin."""
    context = build_app(url, clock=clock, bcrypt_rounds=4)
    try:
        DemoDataService(context.services.uow, clock).generate(Actor.system(), 25, 60)
        context.services.users.create_user(Actor.system(), "admin", PASSWORD, Role.ADMIN)
        morning_taps(context.services, clock.now())
    finally:
        context.close()


def settle(app: QApplication, shell: Shell, milliseconds: int = 400) -> None:
    """Let background tasks finish and the screen repaint."""
    deadline = time.monotonic() + 20
    while shell.runner.relay.pending and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str) -> None:
    """One PNG."""
    widget.grab().save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def log_in(app: QApplication, shell: Shell, picture: bool = False) -> MainWindow:
    """Through the real login dialog (its picture saved when ``picture``: take.py keeps it)."""
    shell.startup.start()
    settle(app, shell)
    login = shell.startup.login
    assert login is not None
    login.password.setText(PASSWORD)
    if picture:
        save(login, "login")
    login.login_button.click()
    settle(app, shell)
    assert shell.window is not None
    return shell.window


@contextmanager
def demo_database() -> Iterator[tuple[Path, str, FixedClock]]:
    """A scratch folder with the demo SQLite database, its URL and the demo clock."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        clock = FixedClock(demo_now())
        url = f"sqlite:///{work / 'demo.db'}"
        prepare(url, clock)
        yield work, url, clock


@contextmanager
def logged_in(
    app: QApplication,
    work: Path,
    url: str,
    clock: FixedClock,
    size: tuple[int, int] = (1280, 800),
    listener: ListenerStarter | None = None,
    login_picture: bool = False,
) -> Iterator[tuple[Shell, MainWindow]]:
    """The real shell in Ukrainian, logged in as the admin; closed (listener, tasks, database) at the end."""
    ui_settings = UiSettings(work / "ui.ini")
    ui_settings.language = "uk"
    ui_settings.last_username = "admin"
    install_translators(app, ui_settings.language)
    shell = Shell(app, GuiDatabaseGateway(clock, bcrypt_rounds=4), ui_settings, url, None, listener)
    window = log_in(app, shell, login_picture)
    window.resize(*size)
    try:
        yield shell, window
    finally:
        window.close()
        shell.listener.stop()
        shell.runner.wait_for_done(5000)
        if shell.database is not None:
            shell.database.close()


def dialogs(app: QApplication, shell: Shell, window: MainWindow, work: Path) -> None:
    """The employee dialog with an inline error, a terminal's key with its QR code, an import preview."""
    employees = window.show_page("employees")
    assert isinstance(employees, EmployeesView)
    settle(app, shell)
    employees.table.selectRow(2)
    settle(app, shell)
    save(window, "employees")
    employees.add_button.click()
    editor = employees.dialog
    assert isinstance(editor, EmployeeDialog)
    editor.full_name.setText("Марія Гнатюк")
    editor.card_uid.setText("04:A1:B2")
    editor.buttons.accepted.emit()
    settle(app, shell)
    save(editor, "employee_dialog")
    editor.reject()
    terminals = window.show_page("terminals")
    assert isinstance(terminals, TerminalsView)
    settle(app, shell)
    save(window, "terminals")
    terminals.add_button.click()
    adder = terminals.dialog
    assert isinstance(adder, AddTerminalDialog)
    adder.name.setText("Каса")
    adder.buttons.accepted.emit()
    settle(app, shell)
    key = terminals.dialog
    assert isinstance(key, TerminalKeyDialog)
    key.address.setCurrentText("192.168.1.20")
    settle(app, shell)
    save(key, "terminal_key")
    key.reject()
    csv = work / "staff.csv"
    csv.write_text("full_name,position,card_uid,phone_code\nОксана Руденко,Бухгалтер,04C3D2E1,\n"
                   "Павло Гордієнко,Інженер,12345,\n,Охоронець,,EMP-0000AAAA\n", "utf-8")  # fmt: skip
    assert shell.context is not None
    importer = ImportDialog(shell.context, window)
    importer.load(csv)
    importer.show()
    settle(app, shell)
    save(importer, "import")
    importer.reject()


def first_run(app: QApplication, shell: Shell, gateway: GuiDatabaseGateway, work: Path) -> None:
    """The wizard as on a fresh PC."""
    wizard = FirstRunWizard(gateway, shell.runner)
    assert wizard.database_page is not None
    wizard.database_page.form.path.setText(str(work / "new" / "timetracker.db"))
    wizard.show()
    wizard.database_page.form.test_connection()
    settle(app, shell)
    save(wizard, "first_run_database")
    wizard.database_page.form.server.setChecked(True)
    wizard.database_page.form.host.setText("192.168.1.5")
    settle(app, shell)
    save(wizard, "first_run_server")
    wizard.database_page.form.embedded.setChecked(True)
    wizard.next()
    settle(app, shell)
    wizard.admin_page.password.setText("short")
    wizard.admin_page.confirm.setText("short")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    settle(app, shell)
    save(wizard, "first_run_admin")
    wizard.reject()


def main() -> int:
    """Take every screenshot into docs/screenshots/."""
    app = QApplication(sys.argv)
    load_resources()
    with (
        demo_database() as (work, url, clock),
        # The listener runs, as the status bar shows; on a thread, so that it keeps the demo's clock (the
        # listener process keeps the system's, and it works out the Today board).
        logged_in(app, work, url, clock, listener=listener_on_a_thread, login_picture=True) as (
            shell,
            window,
        ),
    ):
        for name in ("today", "settings"):
            window.show_page(name)
            settle(app, shell)
            save(window, name)
        dialogs(app, shell, window, work)
        first_run(app, shell, GuiDatabaseGateway(clock, bcrypt_rounds=4), work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
