"""What every endpoint shares: services, the gate, the live-feed callback, and the request flow."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.listener.body import json_object, read_body
from timetracker_desktop.listener.security import Gate
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.scan_dto import ScanNotice

log = logging.getLogger(__name__)
Handler = Callable[[Terminal, dict[str, Any]], Response]


@dataclass(frozen=True, slots=True)
class ListenerContext:
    """Shared by the routers of one application."""

    services: Services
    gate: Gate
    notify: Callable[[ScanNotice], None]

    def announce(self, notice: ScanNotice) -> None:
        """Tell the live feed; its failure never changes the terminal's reply (the event is committed)."""
        try:
            self.notify(notice)
        except Exception:
            log.exception("the live-feed callback failed")

    async def terminal_call(
        self, request: Request, key: str | None, handler: Handler, *, allow_empty: bool = False
    ) -> Response:
        """Read the body here, then authenticate, parse and handle on a worker thread (storage blocks)."""
        raw = await read_body(request)
        client = request.client.host if request.client else None
        return await run_in_threadpool(self._handle, key, client, raw, handler, allow_empty)

    def _handle(
        self, key: str | None, client: str | None, raw: bytes, handler: Handler, allow_empty: bool
    ) -> Response:
        terminal = self.gate.admit(key, client)
        return handler(terminal, json_object(raw, allow_empty=allow_empty))
