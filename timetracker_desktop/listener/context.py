"""What every endpoint shares: services, the gate, the live-feed callback, and the request flow."""

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from anyio import CapacityLimiter, to_thread
from starlette.requests import Request
from starlette.responses import Response

from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.listener.body import json_object, read_body
from timetracker_desktop.listener.openapi_bodies import TERMINAL_KEY_HEADER
from timetracker_desktop.listener.security import Gate
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.ingest.dto import ScanNotice

log = logging.getLogger(__name__)
T = TypeVar("T")
Handler = Callable[[Terminal, dict[str, Any]], Response]
LoopHandler = Callable[[Terminal, dict[str, Any]], Awaitable[Response]]


def _one_worker() -> CapacityLimiter:
    return CapacityLimiter(1)


@dataclass(frozen=True, slots=True)
class ListenerContext:
    """Shared by the routers of one application."""

    services: Services
    gate: Gate
    notify: Callable[[ScanNotice], None]
    # Terminal calls use storage one at a time: scan transactions are serialized in the service anyway,
    # and a single worker spares the GIL hand-offs of 16 threads taking turns (CPU per scan).
    workers: CapacityLimiter = field(default_factory=_one_worker)

    def announce(self, notice: ScanNotice) -> None:
        """Tell the live feed; its failure never changes the terminal's reply (the event is committed)."""
        try:
            self.notify(notice)
        except Exception:
            log.exception("the live-feed callback failed")

    async def offload(self, work: Callable[..., T], *args: Any) -> T:
        """Run blocking work (storage) on the terminal-call worker thread."""
        return await to_thread.run_sync(work, *args, limiter=self.workers)

    async def terminal_call(
        self,
        request: Request,
        handler: Handler,
        *,
        allow_empty: bool = False,
        in_loop: LoopHandler | None = None,
    ) -> Response:
        """Read the body, admit the terminal, then handle on the terminal-call worker (storage blocks).

        Admission needs no storage for a cached key within its rate; otherwise it runs on the shared thread
        pool, so that key look-ups stay parallel when the database is slow to answer. ``in_loop`` answers
        on the event loop instead of ``handler`` (a call that touches no storage spares the hand-off).
        """
        raw = await read_body(request)
        key = request.headers.get(TERMINAL_KEY_HEADER)
        client = request.client.host if request.client else None
        terminal = self.gate.admit_from_memory(key, client)
        if terminal is None:
            terminal = await to_thread.run_sync(self.gate.admit, key, client)
        data = json_object(raw, allow_empty=allow_empty)
        if in_loop is not None:
            return await in_loop(terminal, data)
        return await self.offload(handler, terminal, data)
