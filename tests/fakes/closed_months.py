"""Fake repository of closed months."""

import copy
from collections.abc import Sequence
from dataclasses import replace

from fakes.tables import Transaction, utc
from timetracker_desktop.domain.month_closing import ClosedMonth, Month


class FakeClosedMonthRepository:
    """Closed months in memory, by month text."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def save(self, record: ClosedMonth) -> None:
        """Insert or replace the month's record."""
        reopened = None if record.reopened_at is None else utc(record.reopened_at)
        self._tx.tables.closed_months[str(record.month)] = replace(
            record,
            closed_at=utc(record.closed_at),
            reopened_at=reopened,
            snapshot=copy.deepcopy(record.snapshot),
        )

    def get(self, month: Month) -> ClosedMonth | None:
        """One month's record."""
        found: ClosedMonth | None = self._tx.tables.closed_months.get(str(month))
        return found

    def lock(self, month: Month) -> ClosedMonth | None:
        """Nothing to hold: the fake's transactions run one at a time."""
        return self.get(month)

    def among(self, months: Sequence[Month]) -> list[ClosedMonth]:
        """The records of these months, in month order."""
        found = (self.get(m) for m in sorted(set(months)))
        return [r for r in found if r is not None]

    def list_all(self) -> list[ClosedMonth]:
        """Every record, newest month first."""
        return sorted(self._tx.tables.closed_months.values(), key=lambda r: r.month, reverse=True)
