"""The listener process's stdout to the GUI: whole lines from any thread, and the coalescing scan relay."""

import threading
from typing import TextIO

from timetracker_desktop.listener.child.link import scans_line
from timetracker_desktop.services.ingest.dto import ScanNotice


class Outbox:
    """Writes whole lines to the GUI from any thread; after the GUI is gone every write says False."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._lock = threading.Lock()

    def write(self, line: str) -> bool:
        """Write and flush one line; False when the GUI is gone (closing stdin stops the child as well)."""
        with self._lock:
            try:
                self._out.write(line)
                self._out.flush()
            except (OSError, ValueError):
                return False
        return True


# At most one line per this interval: the GUI fetches the feed by last id at most every 200 ms anyway, and
# each line costs the GUI process a wake-up and the GIL (a line per scan was 390 a second under a flood).
RELAY_GAP_S = 0.05


class ScanRelay:
    """Tells the GUI of stored scans from a thread of its own, so that a slow reader never holds up a scan.

    The listener's threads only note the newest notice and a count; the relay thread writes one line per
    batch: whatever arrived while it wrote the last one or waited ``gap`` seconds after it.
    """

    def __init__(self, outbox: Outbox, gap: float = RELAY_GAP_S) -> None:
        self._outbox = outbox
        self._gap = gap
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._quiet = threading.Event()  # set by ``stop``: no more waiting between batches
        self._latest: ScanNotice | None = None
        self._count = 0
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="listener-relay", daemon=True)

    def notify(self, notice: ScanNotice) -> None:
        """The listener's callback (any thread)."""
        with self._lock:
            self._latest = notice
            self._count += 1
        self._wake.set()

    def start(self) -> None:
        """Begin writing (after the ``ready`` line)."""
        self._thread.start()

    @property
    def running(self) -> bool:
        """The relay thread is alive (it ends on ``stop`` or when the GUI is gone)."""
        return self._thread.is_alive()

    def _take(self) -> tuple[ScanNotice | None, int]:
        with self._lock:
            taken = self._latest, self._count
            self._latest, self._count = None, 0
            return taken

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            notice, count = self._take()
            if notice is not None and not self._outbox.write(scans_line(notice, count)):
                return
            if self._closing:  # scans noted while that line was written are still owed to the GUI
                notice, count = self._take()
                if notice is not None:
                    self._outbox.write(scans_line(notice, count))
                return
            if notice is not None:
                self._quiet.wait(self._gap)  # let the next batch gather (cut short by ``stop``)

    def stop(self) -> None:
        """Write what is left and end the thread."""
        self._closing = True
        self._quiet.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(5.0)
