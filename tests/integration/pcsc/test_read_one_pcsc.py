"""The blocking reader helpers for the CLI, and the service's stop, against a real pcscd."""

import dataclasses
import threading
import time

import pytest
from emulators.vpcd_card import VpcdCard, plain_card
from pcsc_support import Pcscd, ReaderEvents

from timetracker_desktop.hardware.desk_reader import DeskReader, list_readers, read_one
from timetracker_desktop.hardware.outcomes import CardOutcome, CardRead, ReadCancelled, ReadTimedOut
from timetracker_desktop.hardware.pcsc import PcscError, ReaderNotFoundError

pytestmark = pytest.mark.pcsc

UID = bytes.fromhex("15CD5B07")


def test_list_readers_shows_both_vpcd_slots(pcscd: Pcscd) -> None:
    assert list_readers() == [pcscd.reader, "TT Virtual NFC 00 01"]


@pytest.mark.parametrize("reader_name", [None, "TT Virtual NFC 00 00"])
def test_read_one_returns_the_card_on_the_reader(pcscd: Pcscd, reader_name: str | None) -> None:
    with VpcdCard(plain_card(UID)):
        outcome = read_one(reader_name, timeout_s=5)
    pcscd.wait_until_empty()
    assert isinstance(outcome, CardRead)
    assert outcome.uid == "15CD5B07"


def test_read_one_times_out_without_a_card(pcscd: Pcscd) -> None:
    started = time.monotonic()
    assert read_one(pcscd.reader, timeout_s=0.3) == ReadTimedOut()
    assert 0.3 <= time.monotonic() - started < 1.0


def test_read_one_is_cancelled_while_waiting(pcscd: Pcscd) -> None:
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    started = time.monotonic()
    assert read_one(pcscd.reader, timeout_s=10, cancel=cancel) == ReadCancelled()
    assert time.monotonic() - started < 1.0
    timer.join()


def test_read_one_names_the_missing_reader(pcscd: Pcscd) -> None:
    with pytest.raises(
        ReaderNotFoundError, match=r"'ACS ACR122U' is not connected; connected: TT Virtual NFC"
    ):
        read_one("ACS ACR122U", timeout_s=1)


def test_without_pcscd_list_readers_says_no_service(pcscd: Pcscd) -> None:
    pcscd.stop()
    try:
        with pytest.raises(PcscError) as caught:
            list_readers()
        assert caught.value.code == "no_service"
    finally:
        pcscd.start()


def test_stop_is_quick(pcscd: Pcscd) -> None:
    events = ReaderEvents()
    service = DeskReader(events.callbacks(), pcscd.reader)
    service.start()
    events.expect("reader_back")
    started = time.perf_counter()
    service.stop()
    assert time.perf_counter() - started < 0.1


def test_failing_callback_does_not_stop_the_service(pcscd: Pcscd) -> None:
    events = ReaderEvents()
    recorded = events.callbacks()

    def broken(reader: str, outcome: CardOutcome) -> None:
        recorded.card_presented(reader, outcome)
        raise RuntimeError("bug in a slot")

    service = DeskReader(dataclasses.replace(recorded, card_presented=broken), pcscd.reader)
    service.start()
    try:
        for _ in range(2):
            with VpcdCard(plain_card(UID)):
                assert isinstance(events.expect("card_presented"), CardRead)
            events.expect("card_removed")
    finally:
        service.stop()
