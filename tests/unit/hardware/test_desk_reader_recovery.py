"""The reader service tells its listeners when PC/SC answers again, even with no reader connected.

vpcd always offers its readers, so the real-pcscd tests cannot show a service that comes back empty;
here the four PC/SC calls the watcher makes are replaced by a scripted service.
"""

import queue
import threading
from collections.abc import Iterator

import pytest
from smartcard.scard import SCARD_E_NO_SERVICE

from timetracker_desktop.hardware import desk_reader
from timetracker_desktop.hardware.desk_reader import DeskReader, PcscError, ReaderCallbacks
from timetracker_desktop.hardware.outcomes import ReaderFault
from timetracker_desktop.hardware.pcsc import ReaderState

WAIT_S = 5.0


class ScriptedService:
    """PC/SC that is down until ``come_back`` and then lists ``readers`` (none by default)."""

    def __init__(self) -> None:
        self.up = threading.Event()
        self.readers: list[str] = []

    def establish_context(self) -> int:
        if not self.up.is_set():
            raise PcscError("SCardEstablishContext", SCARD_E_NO_SERVICE)
        return 1

    def reader_names(self, _context: int) -> list[str]:
        return list(self.readers)

    def wait_for_change(self, _context: int, timeout_ms: int, _current: list[ReaderState]) -> None:
        threading.Event().wait(min(timeout_ms, 20) / 1000)
        if not self.up.is_set():
            raise PcscError("SCardGetStatusChange", SCARD_E_NO_SERVICE)


@pytest.fixture
def service(monkeypatch: pytest.MonkeyPatch) -> ScriptedService:
    scripted = ScriptedService()
    monkeypatch.setattr(desk_reader, "establish_context", scripted.establish_context)
    monkeypatch.setattr(desk_reader, "reader_names", scripted.reader_names)
    monkeypatch.setattr(desk_reader, "wait_for_change", scripted.wait_for_change)
    monkeypatch.setattr(desk_reader, "release_context", lambda _context: None)
    monkeypatch.setattr(desk_reader, "cancel", lambda _context: None)
    monkeypatch.setattr(desk_reader, "RETRY_S", 0.01)
    return scripted


@pytest.fixture
def events(service: ScriptedService) -> Iterator["queue.Queue[tuple[str, object]]"]:
    received: queue.Queue[tuple[str, object]] = queue.Queue()
    callbacks = ReaderCallbacks(
        readers_changed=lambda readers: received.put(("readers", readers)),
        error=lambda fault: received.put(("error", fault)),
    )
    reader = DeskReader(callbacks)
    reader.start()
    yield received
    reader.stop()


def test_service_back_with_no_reader_is_announced(
    service: ScriptedService, events: "queue.Queue[tuple[str, object]]"
) -> None:
    assert events.get(timeout=WAIT_S)[0] == "error"
    service.readers = ["ACS ACR122U 00 00"]
    service.up.set()
    assert events.get(timeout=WAIT_S) == ("readers", ("ACS ACR122U 00 00",))
    service.up.clear()  # pcscd stops; it comes back after the reader was unplugged
    assert events.get(timeout=WAIT_S) == ("readers", ())
    kind, fault = events.get(timeout=WAIT_S)
    assert kind == "error"
    assert isinstance(fault, ReaderFault)
    assert fault.code == "no_service"
    service.readers = []
    service.up.set()
    assert events.get(timeout=WAIT_S) == ("readers", ())


def test_a_fault_is_reported_once_while_it_lasts(
    service: ScriptedService, events: "queue.Queue[tuple[str, object]]"
) -> None:
    assert events.get(timeout=WAIT_S)[0] == "error"
    with pytest.raises(queue.Empty):
        events.get(timeout=0.2)  # dozens of retries, no repeated error
    service.readers = ["ACS ACR122U 00 00"]
    service.up.set()
    assert events.get(timeout=WAIT_S) == ("readers", ("ACS ACR122U 00 00",))
