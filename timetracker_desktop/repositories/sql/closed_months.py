"""SQL repository of closed months."""

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from timetracker_desktop.domain.month_closing import ClosedMonth, Month
from timetracker_desktop.repositories.sql.orm import ClosedMonthRow


def _record(row: ClosedMonthRow) -> ClosedMonth:
    return ClosedMonth(
        Month.parse(row.month),
        row.is_closed,
        row.closed_at,
        row.closed_by,
        json.loads(row.snapshot_json),
        row.reopened_at,
        row.reopened_by,
        row.reopen_reason,
    )


class SqlClosedMonthRepository:
    """Closed months in SQL."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def save(self, record: ClosedMonth) -> None:
        """Insert or replace the month's record."""
        row = self._session.get(ClosedMonthRow, str(record.month))
        if row is None:
            row = ClosedMonthRow(month=str(record.month))
            self._session.add(row)
        row.is_closed = record.closed
        row.closed_at = record.closed_at
        row.closed_by = record.closed_by
        row.reopened_at = record.reopened_at
        row.reopened_by = record.reopened_by
        row.reopen_reason = record.reopen_reason
        row.snapshot_json = json.dumps(record.snapshot, ensure_ascii=False, sort_keys=True)
        self._session.flush()

    def get(self, month: Month) -> ClosedMonth | None:
        """One month's record."""
        row = self._session.get(ClosedMonthRow, str(month))
        return None if row is None else _record(row)

    def lock(self, month: Month) -> ClosedMonth | None:
        """The month's record under a row lock."""
        stmt = select(ClosedMonthRow).where(ClosedMonthRow.month == str(month)).with_for_update()
        row = self._session.scalars(stmt.execution_options(populate_existing=True)).first()
        return None if row is None else _record(row)

    def among(self, months: Sequence[Month]) -> list[ClosedMonth]:
        """The records of these months, in month order."""
        if not months:
            return []
        keys = sorted({str(m) for m in months})
        stmt = select(ClosedMonthRow).where(ClosedMonthRow.month.in_(keys)).order_by(ClosedMonthRow.month)
        return [_record(row) for row in self._session.scalars(stmt)]

    def list_all(self) -> list[ClosedMonth]:
        """Every record, newest month first."""
        stmt = select(ClosedMonthRow).order_by(ClosedMonthRow.month.desc())
        return [_record(row) for row in self._session.scalars(stmt)]
