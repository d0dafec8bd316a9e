"""The listener process's answers to the GUI's calls: heavy reads done here, away from the GUI's GIL."""

import logging
import pickle
import queue
import threading
from collections.abc import Callable

from timetracker_desktop.listener.child.link import PRESENCE_TODAY, Call, reply_line
from timetracker_desktop.listener.child.outbox import Outbox
from timetracker_desktop.services.attendance.presence import PresenceService
from timetracker_desktop.services.container import Services

log = logging.getLogger(__name__)


def _work(services: Services) -> dict[str, Callable[[], object]]:
    presence = PresenceService(services.uow, services.clock, services.worktime)
    return {PRESENCE_TODAY: presence.today}


class CallRunner:
    """Runs calls one at a time on a thread of its own (stdin keeps being read) and replies to each.

    A failure is answered with its text; the GUI then does the work itself and shows its own error. The
    thread is a daemon: a call stuck on a hung database must not keep the process, and its port, alive.
    """

    def __init__(self, services: Services, outbox: Outbox) -> None:
        self._work = _work(services)
        self._outbox = outbox
        self._calls: queue.SimpleQueue[Call | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="listener-calls", daemon=True)
        self._thread.start()

    def submit(self, call: Call) -> None:
        """Answer the call when its turn comes."""
        self._calls.put(call)

    def _run(self) -> None:
        while (call := self._calls.get()) is not None:
            self._answer(call)

    def _answer(self, call: Call) -> None:
        try:
            value = pickle.dumps(self._work[call.name](), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # noqa: BLE001 - the GUI must hear of every failure, whatever it is
            log.warning("listener process: call %s failed: %s", call.name, error)
            self._outbox.write(reply_line(call.call_id, error=f"{type(error).__name__}: {error}"))
            return
        self._outbox.write(reply_line(call.call_id, value))

    def stop(self, wait: float = 2.0) -> None:
        """Answer no more calls; give the one running ``wait`` seconds (the GUI answers it itself anyway)."""
        self._calls.put(None)
        self._thread.join(wait)
