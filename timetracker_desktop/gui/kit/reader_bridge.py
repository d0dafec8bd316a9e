"""The desk reader seen from the GUI: its watcher-thread callbacks as queued signals, and its live state."""

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from timetracker_desktop.hardware.outcomes import NO_READER, CardOutcome, ReaderFault

log = logging.getLogger(__name__)


class ReaderService(Protocol):
    """What the GUI drives of the reader service (``hardware.desk_reader.DeskReader``)."""

    def start(self) -> None:
        """Start watching."""
        ...

    def stop(self) -> None:
        """Stop watching (blocks briefly)."""
        ...

    def select_reader(self, name: str | None) -> None:
        """Watch another reader (``None``: the first connected); a short PC/SC call."""
        ...


class ReaderListener(Protocol):
    """The plain callbacks the composition root hands to the reader service (any thread)."""

    def on_card_presented(self, reader: str, outcome: CardOutcome) -> None:
        """A card was read."""
        ...

    def on_card_removed(self, reader: str) -> None:
        """The card left the reader."""
        ...

    def on_reader_gone(self, reader: str) -> None:
        """The watched reader disappeared."""
        ...

    def on_reader_back(self, reader: str) -> None:
        """The watched reader is ready."""
        ...

    def on_readers_changed(self, readers: tuple[str, ...]) -> None:
        """The connected readers changed."""
        ...

    def on_error(self, fault: ReaderFault) -> None:
        """The PC/SC service failed."""
        ...


ReaderFactory = Callable[[ReaderListener, str | None], ReaderService]


class DeskReaderBridge(QObject):
    """Create on the GUI thread; the ``on_*`` callbacks may be called from the reader's watcher thread.

    It also keeps the reader's state for the GUI (updated on the GUI thread, before other receivers
    see the same signal): the active reader, the connected readers and the service fault.

    Signals:
        card_presented(str, object): the reader and the ``CardOutcome`` of a tap.
        card_removed(str): the card left that reader.
        reader_gone(str): the watched reader disappeared.
        reader_back(str): the watched reader is ready.
        readers_changed(object): the connected readers (a tuple of names).
        reader_error(object): the PC/SC service failed (a ``ReaderFault``).
        state_changed(): the state above changed (GUI thread).
    """

    card_presented = Signal(str, object)
    card_removed = Signal(str)
    reader_gone = Signal(str)
    reader_back = Signal(str)
    readers_changed = Signal(object)
    reader_error = Signal(object)
    state_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service: ReaderService | None = None
        self.active_reader: str | None = None
        self.readers: tuple[str, ...] = ()
        self.fault: ReaderFault | None = None
        self.wanted = ""
        self.reader_back.connect(self._on_reader_back)
        self.reader_gone.connect(self._on_reader_gone)
        self.readers_changed.connect(self._on_readers_changed)
        self.reader_error.connect(self._on_reader_error)

    @property
    def connected(self) -> bool:
        """A reader is ready for taps."""
        return self.active_reader is not None

    @property
    def running(self) -> bool:
        """The reader service was started and not stopped."""
        return self._service is not None

    def start(self, factory: ReaderFactory | None, reader_name: str) -> None:
        """Build and start the reader service (once); without one the state stays "no reader"."""
        self.wanted = reader_name
        if factory is None or self._service is not None:
            return
        try:
            service = factory(self, reader_name or None)
            service.start()
        except Exception as error:  # noqa: BLE001 - no pyscard, no PC/SC library: the app works without a reader
            log.warning("desk reader unavailable: %s", error)
            self.fault = ReaderFault("unavailable", str(error))
            self.state_changed.emit()
            return
        self._service = service

    def stop(self) -> None:
        """Stop the reader service (shutdown); safe to call twice."""
        service, self._service = self._service, None
        if service is not None:
            service.stop()

    def select_reader(self, name: str) -> None:
        """Watch ``name`` (empty: the first connected); a short PC/SC call, so run it through the runner."""
        self.wanted = name
        if self._service is not None:
            self._service.select_reader(name or None)

    def describe(self) -> str:
        """The state in a few translated words: the reader's name or "no reader connected".

        A PC/SC fault says the same: Windows stops its smart card service when no reader is plugged in, so
        «служба недоступна» only alarmed the manager; the detail is in ``explain()`` (a tooltip) instead.
        """
        if self.active_reader is not None:
            return self.active_reader
        return self.tr("no reader connected")

    def explain(self) -> str:
        """What lies behind "no reader connected" when the smart card service failed; else ''."""
        if self.active_reader is not None or self.fault is None:
            return ""
        if (
            self.fault.code == NO_READER
        ):  # Windows: its smart card service runs only while a reader is plugged in
            return self.tr("Connect the reader; it is found at once.")
        return self.tr(
            "The smart card service does not answer ({0}). Connect the reader; it is found at once."
        ).format(self.fault.detail or self.fault.code)

    def support_text(self) -> str:
        """The state for the diagnostics sent to support: the words shown plus the fault, if any."""
        if self.active_reader is None and self.fault is not None:
            return f"{self.describe()} (PC/SC {self.fault.code}: {self.fault.detail})"
        return self.describe()

    # The plain callbacks (thread-safe: they only emit).

    def on_card_presented(self, reader: str, outcome: CardOutcome) -> None:
        """A card was read."""
        self.card_presented.emit(reader, outcome)

    def on_card_removed(self, reader: str) -> None:
        """The card left the reader."""
        self.card_removed.emit(reader)

    def on_reader_gone(self, reader: str) -> None:
        """The watched reader disappeared."""
        self.reader_gone.emit(reader)

    def on_reader_back(self, reader: str) -> None:
        """The watched reader is ready."""
        self.reader_back.emit(reader)

    def on_readers_changed(self, readers: tuple[str, ...]) -> None:
        """The connected readers changed."""
        self.readers_changed.emit(tuple(readers))

    def on_error(self, fault: ReaderFault) -> None:
        """The PC/SC service failed."""
        self.reader_error.emit(fault)

    # State, on the GUI thread.

    def _on_reader_back(self, reader: str) -> None:
        self.active_reader = reader
        self.fault = None
        self.state_changed.emit()

    def _on_reader_gone(self, reader: str) -> None:
        if self.active_reader == reader:
            self.active_reader = None
        self.state_changed.emit()

    def _on_readers_changed(self, readers: tuple[str, ...]) -> None:
        self.readers = readers
        self.fault = None  # the service answered with a list, even an empty one
        self.state_changed.emit()

    def _on_reader_error(self, fault: ReaderFault) -> None:
        self.fault = fault
        self.active_reader = None
        self.state_changed.emit()
