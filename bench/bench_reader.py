"""Desk-reader latency over pcscd + vpcd: card or badge phone insertion to the outcome callback (20 taps)."""

import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from emulators.badge_phone import BadgePhone, session_key
from emulators.vpcd_card import Responder, VpcdCard, phone_card, plain_card
from pcsc_support import Pcscd, live_system_pcscd

from timetracker_desktop.hardware.desk_reader import DeskReader, ReaderCallbacks
from timetracker_desktop.hardware.outcomes import CardOutcome, CardRead, PhoneBadgeRead

TAPS = 20
PCSCD_POLL_S = 0.4
EVENT_TIMEOUT_S = 5.0


class Taps:
    """Receives the reader's callbacks and times each presentation."""

    def __init__(self) -> None:
        self.presented = threading.Event()
        self.removed = threading.Event()
        self.outcome: CardOutcome | None = None
        self.delivered_at = 0.0
        self._phase = random.Random(TAPS)

    def callbacks(self) -> ReaderCallbacks:
        return ReaderCallbacks(card_presented=self._on_card_presented, card_removed=self._on_card_removed)

    def tap(self, respond: Responder) -> tuple[float, float, CardOutcome]:
        """Insert and remove one card; seconds from insertion and from the first APDU to the callback."""
        self.presented.clear()
        self.removed.clear()
        card = VpcdCard(respond)
        time.sleep(self._phase.uniform(0, PCSCD_POLL_S))  # a hand does not wait for pcscd's poll
        inserted_at = time.perf_counter()
        card.insert()
        _wait(self.presented, "card_presented")
        card.remove()
        _wait(self.removed, "card_removed")
        assert self.outcome is not None
        assert card.first_apdu_at is not None
        return self.delivered_at - inserted_at, self.delivered_at - card.first_apdu_at, self.outcome

    def _on_card_presented(self, _reader: str, outcome: CardOutcome) -> None:
        self.delivered_at = time.perf_counter()
        self.outcome = outcome
        self.presented.set()

    def _on_card_removed(self, _reader: str) -> None:
        self.removed.set()


def _wait(event: threading.Event, what: str) -> None:
    if not event.wait(EVENT_TIMEOUT_S):
        raise RuntimeError(f"no {what} within {EVENT_TIMEOUT_S} s")


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:6.1f} ms, max {max(values) * 1000:6.1f} ms"


def measure(taps: Taps, label: str, respond: Responder, expected: Callable[[CardOutcome], bool]) -> None:
    """Run ``TAPS`` taps and print the figures."""
    totals: list[float] = []
    reads: list[float] = []
    for _ in range(TAPS):
        total, read, outcome = taps.tap(respond)
        if not expected(outcome):
            raise RuntimeError(f"{label}: unexpected outcome {outcome}")
        totals.append(total)
        reads.append(read)
    print(f"{label:<22} insertion -> callback: {_ms(totals)} | first APDU -> callback: {_ms(reads)}")


def main() -> int:
    """Start a private pcscd, run both series, stop it."""
    if live_system_pcscd() is not None:
        print("a pcscd is already running; stop it first (only one can run per machine)", file=sys.stderr)
        return 1
    phone = BadgePhone("EMP-1A2B3C4D", session_key(0))
    with tempfile.TemporaryDirectory() as workdir:
        pcscd = Pcscd(Path(workdir))
        pcscd.start()
        taps = Taps()
        reader = DeskReader(taps.callbacks(), pcscd.reader)
        reader.start()
        try:
            print(f"{TAPS} random-time taps each on {pcscd.reader}; pcscd polls vpcd every ~{PCSCD_POLL_S} s")
            measure(taps, "card (4-byte UID)", plain_card(bytes.fromhex("15CD5B07")), _is_card)
            measure(taps, "badge phone, verified", phone_card(phone), _is_verified_phone)
        finally:
            reader.stop()
            pcscd.stop()
    return 0


def _is_card(outcome: CardOutcome) -> bool:
    return isinstance(outcome, CardRead)


def _is_verified_phone(outcome: CardOutcome) -> bool:
    return isinstance(outcome, PhoneBadgeRead) and outcome.verified


if __name__ == "__main__":
    sys.exit(main())
