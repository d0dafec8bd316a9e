"""Storage port of month closing: closed (or reopened) months with the timesheet handed over."""

from collections.abc import Sequence
from typing import Protocol

from timetracker_desktop.domain.month_closing import ClosedMonth, Month


class ClosedMonthRepository(Protocol):
    """One record per month; closing again replaces it."""

    def save(self, record: ClosedMonth) -> None:
        """Insert or replace the month's record."""
        ...

    def get(self, month: Month) -> ClosedMonth | None: ...

    def lock(self, month: Month) -> ClosedMonth | None:
        """The month's record read under a row lock (MariaDB ``FOR UPDATE``; SQLite's write lock)."""
        ...

    def among(self, months: Sequence[Month]) -> list[ClosedMonth]:
        """The records of these months (closed or reopened), in month order."""
        ...

    def list_all(self) -> list[ClosedMonth]:
        """Every record, newest month first."""
        ...
