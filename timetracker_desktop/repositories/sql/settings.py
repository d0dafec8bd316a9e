"""SQL repository for business settings."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from timetracker_desktop.repositories.sql.orm import SettingRow


class SqlSettingsRepository:
    """Settings as key/value text rows."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> dict[str, str]:
        """Every stored setting."""
        return {row.key: row.value for row in self._session.scalars(select(SettingRow))}

    def set(self, key: str, value: str, now: datetime) -> None:
        """Insert or replace one setting."""
        row = self._session.get(SettingRow, key)
        if row is None:
            self._session.add(SettingRow(key=key, value=value, updated_at=now))
        else:
            row.value = value
            row.updated_at = now
        self._session.flush()
