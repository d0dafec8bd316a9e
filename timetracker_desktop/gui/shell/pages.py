"""The registry of main-window pages: add a view by adding one ``PageSpec`` to ``PAGES``."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from timetracker_desktop.domain.users import Permission
from timetracker_desktop.gui.kit.context import GuiContext


@runtime_checkable
class RefreshablePage(Protocol):
    """A page that reloads its data when it is shown."""

    def refresh(self) -> None:
        """Reload in the background."""
        ...


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One navigation entry: a stable name (saved as the last view), title, icon, factory and permission."""

    name: str
    title: str  # English source text, translated in the "Pages" context
    icon: str
    factory: Callable[[GuiContext], QWidget]
    permission: Permission = Permission.READ

    @property
    def translated_title(self) -> str:
        """The title in the user's language."""
        return QCoreApplication.translate("Pages", self.title)


def _today(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.today import TodayView

    return TodayView(context)


def _employees(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.employees import EmployeesView

    return EmployeesView(context)


def _terminals(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.terminals import TerminalsView

    return TerminalsView(context)


def _schedules(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.schedules import SchedulesView

    return SchedulesView(context)


def _events(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.events import EventsView

    return EventsView(context)


def _reports(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.reports.view import ReportsView

    return ReportsView(context)


def _users(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.users import UsersView

    return UsersView(context)


def _audit(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.audit import AuditView

    return AuditView(context)


def _backups(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.backups import BackupsView

    return BackupsView(context)


def _database(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.database import DatabaseView

    return DatabaseView(context)


def _settings(context: GuiContext) -> QWidget:
    from timetracker_desktop.gui.views.settings_view import SettingsView

    return SettingsView(context)


_ADMIN = Permission.MANAGE_USERS
_OPS = Permission.MANAGE_SETTINGS
PAGES: list[PageSpec] = [
    PageSpec("today", str(QT_TRANSLATE_NOOP("Pages", "Today")), ":/icons/today.svg", _today),
    PageSpec("employees", str(QT_TRANSLATE_NOOP("Pages", "Employees")), ":/icons/employees.svg", _employees),
    PageSpec("terminals", str(QT_TRANSLATE_NOOP("Pages", "Terminals")), ":/icons/terminals.svg", _terminals),
    PageSpec("schedules", str(QT_TRANSLATE_NOOP("Pages", "Schedules")), ":/icons/schedules.svg", _schedules),
    PageSpec("events", str(QT_TRANSLATE_NOOP("Pages", "Events")), ":/icons/events.svg", _events),
    PageSpec("reports", str(QT_TRANSLATE_NOOP("Pages", "Reports")), ":/icons/reports.svg", _reports),
    PageSpec("users", str(QT_TRANSLATE_NOOP("Pages", "Users")), ":/icons/users.svg", _users, _ADMIN),
    PageSpec("audit", str(QT_TRANSLATE_NOOP("Pages", "Audit log")), ":/icons/audit.svg", _audit),
    PageSpec("backups", str(QT_TRANSLATE_NOOP("Pages", "Backups")), ":/icons/backup.svg", _backups, _OPS),
    PageSpec("database", str(QT_TRANSLATE_NOOP("Pages", "Database")), ":/icons/shield.svg", _database, _OPS),
    PageSpec("settings", str(QT_TRANSLATE_NOOP("Pages", "Settings")), ":/icons/settings.svg", _settings),
]


def pages_for(context: GuiContext, pages: list[PageSpec] | None = None) -> list[PageSpec]:
    """The pages the logged-in user may open."""
    return [spec for spec in (PAGES if pages is None else pages) if context.can(spec.permission)]
