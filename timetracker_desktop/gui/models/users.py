"""The users table: name, role, state (active, disabled, locked) and last login."""

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from timetracker_desktop.domain.users import Role, User
from timetracker_desktop.gui.kit.formatting import local_date_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel


class UserTableModel(RowTableModel[User]):
    """Rows of ``User``; ``now`` decides whether a lockout is still in force.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self.zone = ZoneInfo("UTC")
        self.now: datetime | None = None
        super().__init__(
            [
                Column(self._name),
                Column(self.role_text),
                Column(self.state_text),
                Column(self._last_login, self._last_login_key),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("User name"), self.tr("Role"), self.tr("State"), self.tr("Last login")]

    def role_names(self) -> dict[Role, str]:
        """Roles in words."""
        return {
            Role.ADMIN: self.tr("Administrator"),
            Role.MANAGER: self.tr("Manager"),
            Role.VIEWER: self.tr("Viewer"),
        }

    def role_text(self, user: User) -> str:
        """The user's role in words."""
        return self.role_names()[user.role]

    def is_locked(self, user: User) -> bool:
        """True while a lockout is in force."""
        return user.locked_until is not None and (self.now is None or user.locked_until > self.now)

    def state_text(self, user: User) -> str:
        """Active, disabled or locked until a time."""
        if not user.is_active:
            return self.tr("Disabled")
        if self.is_locked(user):
            return self.tr("Locked until {0}").format(local_date_time(user.locked_until, self.zone))
        return self.tr("Active")

    @staticmethod
    def _name(user: User) -> str:
        return user.username

    def _last_login(self, user: User) -> str:
        return local_date_time(user.last_login_at, self.zone)

    @staticmethod
    def _last_login_key(user: User) -> float:
        return timestamp(user.last_login_at)
