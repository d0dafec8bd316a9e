"""Scan receipts past the protocol's 30 days, purged in small batches; a thread does it daily."""

import logging
from datetime import timedelta

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.database_care.periodic import Periodic

log = logging.getLogger(__name__)
RECEIPT_DAYS = 30  # TERMINAL_PROTOCOL §5: the first outcome per event id is kept at least 30 days
PURGE_BATCH = 1000  # rows per transaction: the listener's writes never wait long behind a purge
PURGE_EVERY_SECONDS = 24 * 3600.0


class ReceiptPurge:
    """Deletes expired receipts, one short transaction per batch."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, *, batch: int = PURGE_BATCH) -> None:
        self._uow = uow
        self._clock = clock
        self._batch = batch

    def purge_expired(self) -> int:
        """Delete every receipt older than RECEIPT_DAYS; how many went."""
        cutoff = self._clock.now() - timedelta(days=RECEIPT_DAYS)
        total = 0
        while True:
            with self._uow() as uow:
                gone = uow.scan_receipts.forget_before(cutoff, self._batch)
                uow.commit()
            total += gone
            if gone < self._batch:
                break
        if total:
            log.info("purged %d scan receipts older than %d days", total, RECEIPT_DAYS)
        return total


class ReceiptPurger(Periodic):
    """A daemon thread that purges at start (after ``first_after`` seconds) and then every day."""

    def __init__(
        self, purge: ReceiptPurge, *, first_after: float = 60.0, every: float = PURGE_EVERY_SECONDS
    ) -> None:
        super().__init__("receipt-purger", purge.purge_expired, first_after=first_after, every=every,
                         failure="purging expired scan receipts failed")  # fmt: skip
