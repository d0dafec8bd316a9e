"""SQL repository of the legacy-id map: which legacy rows an import already brought over."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from timetracker_desktop.repositories.sql.orm import LegacyIdRow


class SqlLegacyIdRepository:
    """Legacy id -> new id per entity (``None`` where the new row has no single id, e.g. bulk punches)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def known(self, entity: str) -> dict[int, int | None]:
        """Every imported legacy id of an entity with its new id."""
        stmt = select(LegacyIdRow.legacy_id, LegacyIdRow.new_id).where(LegacyIdRow.entity == entity)
        return {legacy: new for legacy, new in self._session.execute(stmt)}

    def add_many(self, entity: str, pairs: Sequence[tuple[int, int | None]], now: datetime) -> None:
        """Record imported rows."""
        if pairs:
            rows = [
                {"entity": entity, "legacy_id": old, "new_id": new, "imported_at": now} for old, new in pairs
            ]
            self._session.execute(insert(LegacyIdRow), rows)
