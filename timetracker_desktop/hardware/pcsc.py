"""Typed wrappers over pyscard's PC/SC calls: contexts, reader lists, status changes, card links."""

import logging
import sys
import time
from dataclasses import dataclass
from types import TracebackType

from smartcard import scard

from timetracker_desktop.hardware.apdu import CardGoneError
from timetracker_desktop.hardware.outcomes import NO_READER

logger = logging.getLogger(__name__)

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"
STATE_UNAWARE: int = scard.SCARD_STATE_UNAWARE
STATE_CHANGED: int = scard.SCARD_STATE_CHANGED
STATE_PRESENT: int = scard.SCARD_STATE_PRESENT
STATE_EMPTY: int = scard.SCARD_STATE_EMPTY

_CARD_GONE = frozenset(
    {
        scard.SCARD_W_REMOVED_CARD,
        scard.SCARD_E_NO_SMARTCARD,
        scard.SCARD_W_RESET_CARD,
        scard.SCARD_E_NOT_TRANSACTED,
        scard.SCARD_W_UNPOWERED_CARD,
        scard.SCARD_W_UNRESPONSIVE_CARD,
        scard.SCARD_E_COMM_DATA_LOST,
        scard.SCARD_E_READER_UNAVAILABLE,
    }
)
_SERVICE_CODES = {
    scard.SCARD_E_NO_SERVICE: "no_service",
    scard.SCARD_E_SERVICE_STOPPED: "service_stopped",
    scard.SCARD_F_COMM_ERROR: "service_stopped",
    scard.SCARD_E_INVALID_HANDLE: "service_stopped",
    scard.SCARD_E_NO_READERS_AVAILABLE: "no_readers",
}
# Windows stops its Smart Card service (SCardSvr) when the last reader is unplugged and starts it when one is
# plugged in: there these codes are the normal "no reader connected", not a broken service (on Linux they mean
# that pcscd is not running, which is worth saying).
_NO_READER_ON_WINDOWS = frozenset(
    {scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED, scard.SCARD_E_NO_READERS_AVAILABLE}
)
# Windows probes a newly presented card itself (its smart card plug and play) and holds it briefly meanwhile.
CONNECT_ATTEMPTS = 5
CONNECT_FIRST_WAIT_S = 0.05  # doubled after each refusal: at most 0.75 s in all
_NOTHING_HAPPENED = frozenset({scard.SCARD_E_TIMEOUT, scard.SCARD_E_CANCELLED, scard.SCARD_E_UNKNOWN_READER})


class PcscError(Exception):
    """A PC/SC call failed; ``code`` is a stable name for the GUI, the message is PC/SC's own."""

    def __init__(self, operation: str, hresult: int) -> None:
        super().__init__(f"{operation}: {scard.SCardGetErrorMessage(hresult)} (0x{hresult & 0xFFFFFFFF:08X})")
        self.hresult = hresult
        self.code = _code(hresult)

    @property
    def service_down(self) -> bool:
        """The PC/SC service itself is gone or restarted: the context must be re-established."""
        return self.hresult in _SERVICE_CODES


def _code(hresult: int) -> str:
    if sys.platform == "win32" and hresult in _NO_READER_ON_WINDOWS:
        return NO_READER
    return _SERVICE_CODES.get(hresult, "pcsc_error")


class ReaderNotFoundError(Exception):
    """The requested reader (or any reader, when none was named) is not connected."""

    def __init__(self, name: str | None, available: list[str]) -> None:
        wanted = f"reader {name!r}" if name else "a reader"
        super().__init__(f"{wanted} is not connected; connected: {', '.join(available) or 'none'}")
        self.name = name
        self.available = available


@dataclass(frozen=True, slots=True)
class ReaderState:
    """One entry of ``SCardGetStatusChange``: reader name, state bits (event count in the top 16), ATR."""

    name: str
    state: int
    atr: bytes = b""

    @property
    def present(self) -> bool:
        """A card is in the field."""
        return bool(self.state & STATE_PRESENT)

    @property
    def event_count(self) -> int:
        """Insertions plus removals so far (0 where the platform does not count)."""
        return self.state >> 16

    def acknowledged(self) -> "ReaderState":
        """This state as the next call's current state."""
        return ReaderState(self.name, self.state & ~STATE_CHANGED, self.atr)


def _check(operation: str, hresult: int) -> None:
    if hresult != scard.SCARD_S_SUCCESS:
        raise PcscError(operation, hresult)


def establish_context() -> int:
    """A new PC/SC context; ``PcscError`` (code ``no_service``) when the service is not running."""
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    _check("SCardEstablishContext", hresult)
    return int(context)


def release_context(context: int) -> None:
    """Release ``context``; failures (the service already gone) are only logged."""
    hresult = scard.SCardReleaseContext(context)
    if hresult != scard.SCARD_S_SUCCESS:
        logger.debug("SCardReleaseContext: %s", scard.SCardGetErrorMessage(hresult))


def cancel(context: int) -> None:
    """Make a blocked ``SCardGetStatusChange`` on ``context`` return at once."""
    scard.SCardCancel(context)


def reader_names(context: int) -> list[str]:
    """Connected readers, in the service's order (empty when there are none)."""
    hresult, readers = scard.SCardListReaders(context, [])
    if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
        return []
    _check("SCardListReaders", hresult)
    return list(readers)


def wait_for_change(context: int, timeout_ms: int, current: list[ReaderState]) -> list[ReaderState] | None:
    """New states once one differs from ``current``; ``None`` on timeout, cancel or a reader unplugged."""
    hresult, states = scard.SCardGetStatusChange(context, timeout_ms, [(s.name, s.state) for s in current])
    if hresult in _NOTHING_HAPPENED:
        return None
    _check("SCardGetStatusChange", hresult)
    return [ReaderState(name, int(state), bytes(atr)) for name, state, atr in states]


class CardLink:
    """A shared connection to the card in ``reader``; ``transmit`` raises ``CardGoneError`` if it leaves."""

    def __init__(self, context: int, reader: str) -> None:
        protocols = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
        wait = CONNECT_FIRST_WAIT_S
        for attempt in range(1, CONNECT_ATTEMPTS + 1):
            hresult, self._handle, self._protocol = scard.SCardConnect(
                context, reader, scard.SCARD_SHARE_SHARED, protocols
            )
            if hresult != scard.SCARD_E_SHARING_VIOLATION or attempt == CONNECT_ATTEMPTS:
                break
            logger.debug("SCardConnect: card held by another program (attempt %d); retrying", attempt)
            time.sleep(wait)
            wait *= 2
        _check_card("SCardConnect", hresult)

    def transmit(self, apdu: bytes) -> bytes:
        """Send one C-APDU, return the whole R-APDU (data + SW1 SW2; replies over 256 bytes pass)."""
        hresult, response = scard.SCardTransmit(self._handle, self._protocol, list(apdu))
        _check_card("SCardTransmit", hresult)
        if not response:  # some drivers (vpcd) report success with nothing when the card drops out
            raise CardGoneError("SCardTransmit: empty reply")
        return bytes(response)

    def close(self) -> None:
        """Disconnect, leaving the card powered; failures (card gone) are only logged."""
        hresult = scard.SCardDisconnect(self._handle, scard.SCARD_LEAVE_CARD)
        if hresult != scard.SCARD_S_SUCCESS:
            logger.debug("SCardDisconnect: %s", scard.SCardGetErrorMessage(hresult))

    def __enter__(self) -> "CardLink":
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _check_card(operation: str, hresult: int) -> None:
    if hresult in _CARD_GONE:
        raise CardGoneError(f"{operation}: {scard.SCardGetErrorMessage(hresult)}")
    _check(operation, hresult)
