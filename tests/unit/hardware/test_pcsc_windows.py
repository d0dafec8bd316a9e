"""The desk reader on Windows: a stopped Smart Card service means "no reader", and a card Windows is probing
is connected again after a short wait (fake PC/SC error codes; the real-pcscd tests cover Linux)."""

import pytest
from smartcard import scard

from timetracker_desktop.hardware import desk_reader, pcsc
from timetracker_desktop.hardware.apdu import CardGoneError
from timetracker_desktop.hardware.outcomes import NO_READER
from timetracker_desktop.hardware.pcsc import CardLink, PcscError

SCARD_E_SHARING_VIOLATION = 0x8010000B
SCARD_E_NO_SERVICE = 0x8010001D
SCARD_E_SERVICE_STOPPED = 0x8010001E
SCARD_E_NO_READERS_AVAILABLE = 0x8010002E


def test_the_codes_are_the_windows_numbers() -> None:
    assert (scard.SCARD_E_SHARING_VIOLATION & 0xFFFFFFFF) == SCARD_E_SHARING_VIOLATION
    assert (scard.SCARD_E_NO_SERVICE & 0xFFFFFFFF) == SCARD_E_NO_SERVICE
    assert (scard.SCARD_E_SERVICE_STOPPED & 0xFFFFFFFF) == SCARD_E_SERVICE_STOPPED
    assert (scard.SCARD_E_NO_READERS_AVAILABLE & 0xFFFFFFFF) == SCARD_E_NO_READERS_AVAILABLE


@pytest.mark.parametrize(
    "hresult", [scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED, scard.SCARD_E_NO_READERS_AVAILABLE]
)
def test_on_windows_a_stopped_service_means_no_reader(monkeypatch: pytest.MonkeyPatch, hresult: int) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    error = PcscError("SCardEstablishContext", hresult)
    assert error.code == NO_READER
    assert error.service_down  # the context must still be established afresh


def test_on_linux_a_missing_pcscd_is_still_said() -> None:
    assert PcscError("SCardEstablishContext", scard.SCARD_E_NO_SERVICE).code == "no_service"
    assert PcscError("SCardGetStatusChange", scard.SCARD_E_SERVICE_STOPPED).code == "service_stopped"


def test_on_windows_listing_readers_with_the_service_stopped_lists_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.platform", "win32")

    def stopped() -> int:
        raise PcscError("SCardEstablishContext", scard.SCARD_E_NO_SERVICE)

    monkeypatch.setattr(desk_reader, "establish_context", stopped)
    assert desk_reader.list_readers() == []
    monkeypatch.setattr("sys.platform", "linux")
    with pytest.raises(PcscError):
        desk_reader.list_readers()


class _Connect:
    """SCardConnect that answers ``refusals`` sharing violations before it connects."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.calls = 0

    def __call__(self, context: int, reader: str, share: int, protocols: int) -> tuple[int, int, int]:
        self.calls += 1
        if self.calls <= self.refusals:
            return scard.SCARD_E_SHARING_VIOLATION, 0, 0
        return scard.SCARD_S_SUCCESS, 77, scard.SCARD_PROTOCOL_T1


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr("time.sleep", slept.append)
    return slept


def test_a_card_windows_is_probing_is_connected_after_a_short_wait(
    monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    connect = _Connect(refusals=2)
    monkeypatch.setattr("smartcard.scard.SCardConnect", connect)
    link = CardLink(1, "ACS ACR122U 00 00")
    assert connect.calls == 3
    assert waits == [0.05, 0.1]  # a short back-off, doubling
    assert link._handle == 77


def test_a_card_held_for_good_fails_after_a_few_tries(
    monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    connect = _Connect(refusals=100)
    monkeypatch.setattr("smartcard.scard.SCardConnect", connect)
    with pytest.raises(PcscError) as caught:
        CardLink(1, "ACS ACR122U 00 00")
    assert caught.value.hresult == scard.SCARD_E_SHARING_VIOLATION
    assert connect.calls == pcsc.CONNECT_ATTEMPTS
    assert sum(waits) < 1.0


def test_other_connect_errors_are_not_retried(monkeypatch: pytest.MonkeyPatch, waits: list[float]) -> None:
    calls: list[str] = []

    def removed(context: int, reader: str, share: int, protocols: int) -> tuple[int, int, int]:
        calls.append(reader)
        return scard.SCARD_W_REMOVED_CARD, 0, 0

    monkeypatch.setattr("smartcard.scard.SCardConnect", removed)
    with pytest.raises(CardGoneError):
        CardLink(1, "ACS ACR122U 00 00")
    assert len(calls) == 1
    assert waits == []
