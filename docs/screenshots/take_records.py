"""Screenshots of Schedules, Events, Users and Audit log in Ukrainian, over take.py's demo database.

Run it under Xvfb, as take.py::

    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_records.py
"""

import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contextlib

from take import PASSWORD, FixedClock, demo_database, logged_in, save, settle

from timetracker_desktop.app import build_app
from timetracker_desktop.domain.attendance import Direction
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.errors import AuthenticationError
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.gui.dialogs.assign_dialog import AssignDialog
from timetracker_desktop.gui.dialogs.punch_dialogs import CorrectionDialog, ManualPunchDialog
from timetracker_desktop.gui.dialogs.template_dialogs import ApplyTemplateDialog, TemplateDialog
from timetracker_desktop.gui.shell.application import Shell, load_resources
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.views.audit import AuditView
from timetracker_desktop.gui.views.events import EventsView
from timetracker_desktop.gui.views.schedules import SchedulesView
from timetracker_desktop.gui.views.users import UsersView
from timetracker_desktop.repositories.ports.storage import UnassignedPunch


def records(url: str, clock: FixedClock) -> None:
    """Corrections, a night shift, a holiday, queued reads and a locked user, as an office would have them."""
    context = build_app(url, clock=clock, bcrypt_rounds=4)
    try:
        services, now = context.services, clock.now()
        admin = Actor.of_user(services.users.authenticate("admin", PASSWORD))
        employees = services.employees.list_employees(include_inactive=False)
        day = now.date() - timedelta(days=1)
        services.schedules.set_cell(admin, employees[1].id, day, "22:00-06:00")
        holiday = now.date() + timedelta(days=6)  # next Tuesday
        services.schedules.set_holiday(admin, holiday, "Перенесений вихідний")
        local = now.replace(tzinfo=None) + timedelta(hours=2)
        at = local - timedelta(days=1, hours=4)
        services.punches.add_manual(admin, employees[2].id, at, "забула відмітитися", direction=Direction.OUT)
        with services.uow() as uow:
            terminals = uow.terminals.list_all()
            for kind, raw, canonical, reason in (
                (BadgeKind.CARD, "04:5F:1A:2B", "045F1A2B", "unknown"),
                (BadgeKind.PHONE, "EMP-7C3A9E10", "EMP-7C3A9E10", "unverified_phone"),
                (BadgeKind.CARD, "0123456789", "15CD5B07", "revoked_badge"),
            ):
                item = UnassignedPunch(0, terminals[0].id, kind, raw, canonical, now, now, reason)
                uow.unassigned.add(item)
            uow.commit()
        services.users.create_user(admin, "oksana", "oksana-pass-1", Role.MANAGER)
        services.users.create_user(admin, "viktor", "viktor-pass-1", Role.VIEWER)
        for _ in range(5):
            with contextlib.suppress(AuthenticationError):
                services.users.authenticate("viktor", "wrong")
    finally:
        context.close()


def schedules(app: QApplication, shell: Shell, window: MainWindow) -> None:
    """The month grid with a refused cell, then the template dialogs."""
    view = window.show_page("schedules")
    assert isinstance(view, SchedulesView)
    settle(app, shell)
    view.model.cell_edited.emit(view.model.employees[3].id, view.model.days[9], "25-17")
    settle(app, shell)
    view.grid.setCurrentIndex(view.model.index(5, 2))
    save(window, "schedules")
    view.fill_button.click()
    dialog = view.dialog
    assert isinstance(dialog, ApplyTemplateDialog)
    dialog.new_button.click()
    editor = dialog.editor
    assert isinstance(editor, TemplateDialog)
    editor.name.setText("Нічна зміна 2/2")
    editor.weeks.setValue(2)
    settle(app, shell)
    save(editor, "schedule_template")
    editor.reject()
    save(dialog, "schedule_fill")
    dialog.reject()


def events(app: QApplication, shell: Shell, window: MainWindow) -> None:
    """The log with a voided and a corrected punch, the manual-punch dialog, the queue."""
    view = window.show_page("events")
    assert isinstance(view, EventsView)
    settle(app, shell)
    punches, actor = shell.database.services.punches, shell.context.actor  # type: ignore[union-attr]
    punches.void(actor, view.model.rows[3].id, "подвійне прикладання")
    punches.set_direction(actor, view.model.rows[5].id, Direction.OUT, "вихід, а не вхід")
    view.reload()
    settle(app, shell)
    view.select_row(3)
    save(window, "events")
    view.manual_button.click()
    manual = view.dialog
    assert isinstance(manual, ManualPunchDialog)
    manual.day.setDate(QDate(2026, 10, 25))
    manual.time.setTime(QTime(3, 30))
    manual.reason.setText("забув відмітитися вночі")
    settle(app, shell)
    save(manual, "manual_punch")
    manual.reject()
    view.select_row(0)
    view.void_button.click()
    voider = view.dialog
    assert isinstance(voider, CorrectionDialog)
    voider.buttons.accepted.emit()
    settle(app, shell)
    save(voider, "void_punch")
    voider.reject()
    view.tabs.setCurrentIndex(1)
    settle(app, shell)
    view.unassigned.table.selectRow(1)
    save(window, "events_unassigned")
    view.unassigned.assign_button.click()
    assign = view.unassigned.dialog
    assert isinstance(assign, AssignDialog)
    assign.buttons.accepted.emit()
    settle(app, shell)
    save(assign, "assign_punch")
    assign.reject()


def users_and_audit(app: QApplication, shell: Shell, window: MainWindow) -> None:
    """Users with a locked one; the audit log with details and the chain verified."""
    users = window.show_page("users")
    assert isinstance(users, UsersView)
    settle(app, shell)
    users.select(next(u.id for u in users.model.rows if u.username == "viktor"))
    save(window, "users")
    audit = window.show_page("audit")
    assert isinstance(audit, AuditView)
    settle(app, shell)
    audit.table.selectRow(1)
    audit.verify_button.click()
    settle(app, shell)
    save(window, "audit")


def main() -> int:
    """Take the screenshots into docs/screenshots/."""
    app = QApplication(sys.argv)
    load_resources()
    with demo_database() as (work, url, clock):
        records(url, clock)
        with logged_in(app, work, url, clock) as (shell, window):
            schedules(app, shell, window)
            events(app, shell, window)
            users_and_audit(app, shell, window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
