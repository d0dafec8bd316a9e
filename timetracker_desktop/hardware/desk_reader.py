"""The USB NFC desk reader service: a thread watching ``SCardGetStatusChange``, reporting via callbacks."""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from timetracker_desktop.hardware.apdu import CardGoneError
from timetracker_desktop.hardware.card_reading import read_card
from timetracker_desktop.hardware.outcomes import (
    NO_READER,
    CardOutcome,
    ReadCancelled,
    ReaderFault,
    ReadFailed,
    ReadFailure,
    ReadInterrupted,
    ReadOutcome,
    ReadTimedOut,
)
from timetracker_desktop.hardware.pcsc import (
    PNP_NOTIFICATION,
    STATE_UNAWARE,
    CardLink,
    PcscError,
    ReaderNotFoundError,
    ReaderState,
    cancel,
    establish_context,
    reader_names,
    release_context,
    wait_for_change,
)

__all__ = [
    "DeskReader",
    "PcscError",
    "ReaderCallbacks",
    "ReaderNotFoundError",
    "list_readers",
    "read_one",
]

logger = logging.getLogger(__name__)

POLL_MS = 250
RETRY_S = 0.5
STOP_TIMEOUT_S = 2.0
_READ_ONE_TICK_S = 0.05
_STOP_TICK_S = 0.005


def _ignore(*_args: object) -> None:
    """Default callback: nobody listens."""


@dataclass(frozen=True, slots=True)
class ReaderCallbacks:
    """What the reader service reports, called on its watcher thread (wire them to queued signals).

    ``reader_back`` also announces the first reader that becomes active; ``reader_gone`` follows a
    ``card_removed`` if a card was on it. A callback that raises is logged and does not stop the service.
    """

    card_presented: Callable[[str, CardOutcome], None] = _ignore
    card_removed: Callable[[str], None] = _ignore
    reader_gone: Callable[[str], None] = _ignore
    reader_back: Callable[[str], None] = _ignore
    readers_changed: Callable[[tuple[str, ...]], None] = _ignore
    error: Callable[[ReaderFault], None] = _ignore


def _notify(callback: Callable[..., None], *args: object) -> None:
    try:
        callback(*args)
    except Exception:
        logger.exception("reader callback %s failed", getattr(callback, "__qualname__", callback))


class DeskReader:
    """Watches one reader (``reader_name``, or the first connected) and reads every card presented to it.

    It follows readers being plugged and unplugged and the PC/SC service restarting. ``start()`` once,
    ``stop()`` once; ``select_reader()`` may be called from any thread in between.
    """

    def __init__(self, callbacks: ReaderCallbacks, reader_name: str | None = None) -> None:
        self._callbacks = callbacks
        self._wanted = reader_name
        self._lock = threading.Lock()
        self._context: int | None = None
        self._halt = threading.Event()
        self._thread = threading.Thread(target=self._run, name="desk-reader", daemon=True)
        self._readers: tuple[str, ...] | None = None
        self._active: str | None = None
        self._reader_state = ReaderState("", STATE_UNAWARE)
        self._pnp_state = ReaderState(PNP_NOTIFICATION, STATE_UNAWARE)
        self._card: tuple[int, bytes] | None = None
        self._fault: ReaderFault | None = None

    @property
    def active_reader(self) -> str | None:
        """The reader being watched, if it is connected."""
        return self._active

    @property
    def readers(self) -> tuple[str, ...]:
        """The readers connected at the last look."""
        return self._readers or ()

    def start(self) -> None:
        """Start the watcher thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop the watcher: halt flag, ``SCardCancel``, join, release the context. Safe to call twice."""
        self._halt.set()
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while self._thread.is_alive() and time.monotonic() < deadline:
            self._cancel_wait()  # again each round: a cancel only ends a wait already under way
            self._thread.join(_STOP_TICK_S)
        self._release_context()

    def select_reader(self, name: str | None) -> None:
        """Watch ``name`` from now on (``None``: the first connected reader)."""
        with self._lock:
            self._wanted = name
        self._cancel_wait()

    def _cancel_wait(self) -> None:
        with self._lock:
            if self._context is not None:
                cancel(self._context)

    def _release_context(self) -> None:
        with self._lock:
            context, self._context = self._context, None
        if context is not None:
            release_context(context)

    def _run(self) -> None:
        while not self._halt.is_set():
            try:
                self._watch(self._open_context())
            except PcscError as exc:
                self._release_context()
                self._on_service_failure(exc)
                self._halt.wait(RETRY_S)
        self._release_context()

    def _open_context(self) -> int:
        context = establish_context()
        with self._lock:
            self._context = context
        return context

    def _watch(self, context: int) -> None:
        self._pnp_state = ReaderState(PNP_NOTIFICATION, STATE_UNAWARE)
        while not self._halt.is_set():
            self._refresh_readers(context)
            if self._fault is not None:
                logger.info("PC/SC service is back")
                self._fault = None
            watched = [self._pnp_state] + ([self._reader_state] if self._active else [])
            for state in wait_for_change(context, POLL_MS, watched) or ():
                self._on_state(context, state)

    def _refresh_readers(self, context: int) -> None:
        readers = tuple(reader_names(context))
        # After a fault the list is announced even when unchanged (often empty), so that listeners
        # learn the service answers again; the fault is cleared right after this call.
        if readers != self._readers or self._fault is not None:
            logger.info("readers: %s", ", ".join(readers) or "none")
            self._readers = readers
            _notify(self._callbacks.readers_changed, readers)
        self._activate(self._pick(readers))

    def _pick(self, readers: tuple[str, ...]) -> str | None:
        with self._lock:
            wanted = self._wanted
        if wanted is None:
            return readers[0] if readers else None
        return wanted if wanted in readers else None

    def _activate(self, name: str | None) -> None:
        previous = self._active
        if name == previous:
            return
        if previous is not None:
            self._forget_card(previous)
            logger.info("reader gone: %s", previous)
            _notify(self._callbacks.reader_gone, previous)
        self._active = name
        self._reader_state = ReaderState(name or "", STATE_UNAWARE)
        if name is not None:
            logger.info("reader ready: %s", name)
            _notify(self._callbacks.reader_back, name)

    def _forget_card(self, reader: str) -> None:
        if self._card is not None:
            self._card = None
            _notify(self._callbacks.card_removed, reader)

    def _on_state(self, context: int, state: ReaderState) -> None:
        if state.name == PNP_NOTIFICATION:
            self._pnp_state = state.acknowledged()
        elif state.name == self._active:
            self._reader_state = state.acknowledged()
            self._on_reader_state(context, state)

    def _on_reader_state(self, context: int, state: ReaderState) -> None:
        if not state.present:
            self._forget_card(state.name)
            return
        card = (state.event_count, state.atr)
        if card == self._card:
            return
        self._forget_card(state.name)
        self._card = card
        _notify(self._callbacks.card_presented, state.name, self._read(context, state.name))

    def _read(self, context: int, reader: str) -> CardOutcome:
        started = time.perf_counter()
        try:
            with CardLink(context, reader) as link:
                outcome = read_card(link.transmit)
        except CardGoneError:
            return ReadInterrupted()
        except PcscError as exc:
            if exc.service_down:
                raise
            logger.warning("card read failed: %s", exc)
            return ReadFailed(ReadFailure.CARD_ERROR, str(exc))
        logger.debug(
            "card read in %.0f ms: %s", (time.perf_counter() - started) * 1000, type(outcome).__name__
        )
        return outcome

    def _on_service_failure(self, exc: PcscError) -> None:
        self._activate(None)
        if self._readers:
            self._readers = ()
            _notify(self._callbacks.readers_changed, ())
        fault = ReaderFault(exc.code, str(exc))
        if fault != self._fault:
            if exc.code == NO_READER:  # Windows: its smart card service stops with the last reader unplugged
                logger.info("no reader connected (%s)", exc)
            else:
                logger.warning("PC/SC service unavailable: %s", exc)
            self._fault = fault
            _notify(self._callbacks.error, fault)


def list_readers() -> list[str]:
    """The connected readers; ``PcscError`` (code ``no_service``) when PC/SC is not running (on Windows that
    is the normal state with no reader plugged in: then the list is empty)."""
    try:
        context = establish_context()
    except PcscError as exc:
        if exc.code == NO_READER:
            return []
        raise
    try:
        return reader_names(context)
    finally:
        release_context(context)


def read_one(reader_name: str | None, timeout_s: float, cancel: threading.Event | None = None) -> ReadOutcome:
    """Block until a card is presented to the reader and return the read (for ``reader read``).

    Raises ``ReaderNotFoundError`` when the reader is not connected, ``PcscError`` when PC/SC is down.
    """
    available = list_readers()
    if not available or (reader_name is not None and reader_name not in available):
        raise ReaderNotFoundError(reader_name, available)
    first = _FirstRead()
    reader = DeskReader(ReaderCallbacks(card_presented=first.take), reader_name)
    reader.start()
    try:
        return first.wait(timeout_s, cancel)
    finally:
        reader.stop()


class _FirstRead:
    """Keeps the first card outcome delivered on the watcher thread for a blocking caller."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self._outcome: CardOutcome | None = None

    def take(self, _reader: str, outcome: CardOutcome) -> None:
        if self._outcome is None:
            self._outcome = outcome
            self._done.set()

    def wait(self, timeout_s: float, cancel: threading.Event | None) -> ReadOutcome:
        deadline = time.monotonic() + timeout_s
        while not self._done.wait(min(_READ_ONE_TICK_S, max(0.0, deadline - time.monotonic()))):
            if cancel is not None and cancel.is_set():
                return ReadCancelled()
            if time.monotonic() >= deadline:
                return ReadTimedOut()
        assert self._outcome is not None  # noqa: S101 - narrows the type for mypy
        return self._outcome
