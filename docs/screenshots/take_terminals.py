"""Screenshots of the Terminals view's ZKTeco part in Ukrainian over take.py's demo database.

A device waiting for approval, an approved one with its command queue and the device's answers, and the
approval dialog.

Run it under Xvfb, as take.py::

    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_terminals.py
"""

import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

from take import PASSWORD, FixedClock, demo_database, logged_in, save, settle

from timetracker_desktop.app import build_app
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.gui.dialogs.zkteco_dialogs import DeviceDialog
from timetracker_desktop.gui.shell.application import Shell, load_resources
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.views.terminals import TerminalsView
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.zkteco.dto import DeviceCall, DeviceCommand

WAITING = DeviceCall("CQZ7231460117", "192.168.1.41")
APPROVED = DeviceCall("BOCK200961014", "192.168.1.40")


def _answer(services: Services, clock: FixedClock, results: list[str]) -> None:
    """The device polls ten seconds later, runs what it got and reports ``results`` (``{id}`` filled in)."""
    clock.at += timedelta(seconds=10)
    handed = services.adms.poll(APPROVED)
    ids = [line.split(":", 2)[1] for line in handed.strip().split("\n") if line.startswith("C:")]
    clock.at += timedelta(seconds=3)
    body = "\n".join(result.format(id=command_id) for command_id, result in zip(ids, results, strict=False))
    services.adms.command_results(APPROVED, body)


def devices(url: str, clock: FixedClock) -> Terminal:
    """One device waiting with punches on it; one approved, with answered and waiting commands."""
    start = clock.at
    context = build_app(url, clock=clock, bcrypt_rounds=4)
    try:
        services = context.services
        admin = Actor.of_user(services.users.authenticate("admin", PASSWORD))
        for number, employee in enumerate(services.employees.list_employees(include_inactive=False)[:4], 1):
            services.employees.add_badge(admin, employee.id, BadgeKind.PIN, str(100 + number))
        clock.at = start - timedelta(minutes=50)
        services.adms.handshake(APPROVED, "2.4.1")
        (device,) = services.adms_admin.pending()
        terminal = services.adms_admin.approve(admin, device.id, name="Вхід ZKTeco")
        services.adms.poll(APPROVED, "Ver 6.60 Apr 28 2017,4,4,1862,192.168.1.40")
        clock.at = start - timedelta(minutes=20)
        services.adms_admin.queue_command(admin, device.id, DeviceCommand.SET_TIME)
        services.adms_admin.queue_command(admin, device.id, DeviceCommand.UPLOAD_USERS)
        services.adms_admin.queue_command(admin, device.id, DeviceCommand.INFO)
        _answer(services, clock, ["ID={id}&Return=0&CMD=CHECK"] * 1 + ["ID={id}&Return=0&CMD=DATA"] * 4
                + ["ID={id}&Return=0&CMD=INFO\nContent=~DeviceName=K40\nUserCount=4"])  # fmt: skip
        clock.at = start - timedelta(minutes=5)
        services.adms_admin.queue_command(admin, device.id, DeviceCommand.VERIFY_LOGS)
        _answer(services, clock, ["ID={id}&Return=-1002&CMD=VERIFY"])
        clock.at = start - timedelta(seconds=40)
        services.adms_admin.queue_command(admin, device.id, DeviceCommand.REBOOT)
        clock.at = start - timedelta(minutes=12)
        services.adms.handshake(WAITING, "2.4.1")
        clock.at = start - timedelta(seconds=8)
        services.adms.poll(WAITING, "Ver 6.60 Apr 28 2017,0,0,137,192.168.1.41")
        services.adms.poll(APPROVED)
        services.terminal_health.flush()  # the running program does this every few seconds
        return terminal
    finally:
        clock.at = start
        context.close()


def zkteco(app: QApplication, shell: Shell, window: MainWindow, terminal_id: int) -> None:
    """The view with a waiting device and an approved one's command queue, then the approval dialog."""
    view = window.show_page("terminals")
    assert isinstance(view, TerminalsView)
    settle(app, shell)
    view.select_terminal(terminal_id)
    settle(app, shell)
    save(window, "terminals_zkteco")
    view.pending.approve_button.click()
    dialog = view.pending.dialog
    assert isinstance(dialog, DeviceDialog)
    settle(app, shell)
    save(dialog, "approve_device")
    dialog.reject()


def main() -> int:
    """Take the screenshots into docs/screenshots/."""
    app = QApplication(sys.argv)
    load_resources()
    with demo_database() as (work, url, clock):
        terminal = devices(url, clock)
        with logged_in(app, work, url, clock) as (shell, window):
            zkteco(app, shell, window, terminal.id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
