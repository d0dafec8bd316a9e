"""What every endpoint shares: services, the gate, the live-feed callback, and the request flow."""

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response

from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.listener.arrival import arrival_of
from timetracker_desktop.listener.body import json_object, read_body
from timetracker_desktop.listener.openapi_bodies import TERMINAL_KEY_HEADER
from timetracker_desktop.listener.security import Gate
from timetracker_desktop.listener.storage_workers import StorageWorkers
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.ingest.dto import ScanNotice

log = logging.getLogger(__name__)
T = TypeVar("T")
KEY_CHECK_THREADS = 4  # key look-ups stay parallel when the database is slow, but a stall pins only these


@dataclass(frozen=True, slots=True)
class Call:
    """An admitted terminal call: its terminal, its JSON body, when it arrived and until when it may wait."""

    terminal: Terminal
    data: dict[str, Any]
    received: datetime
    deadline: float  # time.monotonic()


Handler = Callable[[Call], Response]
LoopHandler = Callable[[Call], Awaitable[Response]]


def _one_worker() -> StorageWorkers:
    return StorageWorkers(1, "listener-storage")


def _key_checkers() -> StorageWorkers:
    return StorageWorkers(KEY_CHECK_THREADS, "listener-key-check")


@dataclass(frozen=True, slots=True)
class ListenerContext:
    """Shared by the routers of one application."""

    services: Services
    gate: Gate
    notify: Callable[[ScanNotice], None]
    wait_seconds: float = 1.5
    # Terminal calls use storage one at a time: scan transactions are serialized in the service anyway,
    # a single worker spares the GIL hand-offs of 16 threads taking turns (CPU per scan), and calls queued
    # behind a slow database run in their order of arrival.
    workers: StorageWorkers = field(default_factory=_one_worker)
    key_checkers: StorageWorkers = field(default_factory=_key_checkers)

    def announce(self, notice: ScanNotice) -> None:
        """Tell the live feed; its failure never changes the terminal's reply (the event is committed)."""
        try:
            self.notify(notice)
        except Exception:
            log.exception("the live-feed callback failed")

    async def offload(self, deadline: float, work: Callable[..., T], *args: Any) -> T:
        """Run blocking work (storage) on the terminal-call worker; 503 when not done by ``deadline``."""
        return await self.workers.run(deadline, work, *args)

    async def terminal_call(
        self,
        request: Request,
        handler: Handler,
        *,
        allow_empty: bool = False,
        in_loop: LoopHandler | None = None,
    ) -> Response:
        """Admit the terminal from its key header, then read the body, then handle on the worker.

        The body is read only once the key is admitted: an unauthenticated client cannot make the listener
        hold its body (§3.2 checks authentication first). Admission needs no storage for a cached key within
        its rate; otherwise it runs on the key-check threads. Both waits end at the request's deadline
        (arrival + ``wait_seconds``, not counting the time the body takes to arrive). ``in_loop`` answers on
        the event loop instead of ``handler`` (a call that touches no storage spares the hand-off).
        """
        arrival = arrival_of(request, self.services.clock.now)
        deadline = arrival.monotonic + self.wait_seconds
        key = request.headers.get(TERMINAL_KEY_HEADER)
        client = request.client.host if request.client else None
        terminal = self.gate.admit_from_memory(key, client)
        if terminal is None and not (key or "").strip():
            terminal = self.gate.admit(key, client)  # refused in memory: waits for no key-check thread
        if terminal is None:
            terminal = await self.key_checkers.run(deadline, self.gate.admit, key, client)
        reading = time.monotonic()
        raw = await read_body(request)
        deadline += time.monotonic() - reading
        call = Call(terminal, json_object(raw, allow_empty=allow_empty), arrival.received, deadline)
        if in_loop is not None:
            return await in_loop(call)
        return await self.offload(deadline, handler, call)
