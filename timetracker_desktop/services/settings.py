"""Business settings: read with defaults, change with validation and audit."""

from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.settings import (
    BusinessSettings,
    parse_setting,
    setting_text,
    settings_as_text,
    settings_from_mapping,
)
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require


def load_settings(uow: UnitOfWork) -> BusinessSettings:
    """Settings inside an open unit of work (defaults for keys never set)."""
    return settings_from_mapping(uow.settings.all())


class SettingsService:
    """The business configuration kept in the database."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def current(self) -> BusinessSettings:
        """Settings in force."""
        with self._uow(read_only=True) as uow:
            return load_settings(uow)

    def as_text(self) -> dict[str, str]:
        """Every setting as text, defaults included."""
        return settings_as_text(self.current())

    def change(self, actor: Actor, key: str, value: str) -> BusinessSettings:
        """Validate and store one setting; audited old -> new."""
        require(actor, Permission.MANAGE_SETTINGS)
        parsed = parse_setting(key, value)
        text = setting_text(parsed)
        now = self._clock.now()
        with self._uow() as uow:
            old = settings_as_text(load_settings(uow))[key]
            uow.settings.set(key, text, now)
            if old != text:
                record(
                    uow,
                    actor,
                    now,
                    AuditAction.SETTINGS_CHANGE,
                    (EntityType.SETTING, key),
                    before={key: old},
                    after={key: text},
                )
            result = load_settings(uow)
            uow.commit()
        return result
