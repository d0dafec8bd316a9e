"""``Arrival`` and its middleware: the receive time stamped on arrival, a backstop wait, a 500 that keeps
the connection."""

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from timetracker_desktop.listener.replies import JsonReply, error_body
from timetracker_desktop.listener.storage_workers import TOO_SLOW

log = logging.getLogger(__name__)
ARRIVAL = "tt.arrival"
RETRY_AFTER_S = 5  # a stall usually ends within seconds; terminals retry on their own schedule anyway
BACKSTOP_MARGIN_S = 0.4  # after the storage wait: the route's own 503 comes first when it has one


@dataclass(frozen=True, slots=True)
class Arrival:
    """When a request arrived: its receive time (UTC, for the services) and monotonic second."""

    received: datetime
    monotonic: float


def arrival_of(request: Request, now: Callable[[], datetime]) -> Arrival:
    """The request's arrival as the middleware stamped it (now when the app runs without it)."""
    stamped = request.scope.get(ARRIVAL)
    return stamped if isinstance(stamped, Arrival) else Arrival(now(), time.monotonic())


def unavailable_reply(detail: str) -> JsonReply:
    """503 ``database_unavailable`` with Retry-After."""
    return JsonReply(
        error_body("database_unavailable", f"database unavailable: {detail}"),
        503,
        {"Retry-After": str(RETRY_AFTER_S)},
    )


class _Exchange:
    """One request seen from the middleware: body progress, response start, and whether it gave up."""

    def __init__(self, receive: Receive, send: Send) -> None:
        self._receive, self._send = receive, send
        self.progress = time.monotonic()
        self.receiving = False
        self.started = False
        self.abandoned = False

    async def receive(self) -> Message:
        self.receiving = True
        try:
            return await self._receive()
        finally:
            self.receiving, self.progress = False, time.monotonic()

    async def send(self, message: Message) -> None:
        if self.abandoned:
            return  # answered 503 already; the late reply goes nowhere
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)

    def overdue(self, wait: float) -> float:
        """Seconds left before the backstop; 0 when it is due (never while the body is still arriving)."""
        if self.started or self.receiving:
            return wait
        return max(0.0, self.progress + wait - time.monotonic())


class ArrivalMiddleware:
    """Stamps each request's arrival, answers 503 when a route sits on storage past the wait, and turns an
    unexpected exception into the common 500 body without dropping the keep-alive connection.

    The backstop counts from the last piece of body received, so a slow 10 MiB upload is not cut; routes
    that bound their storage wait themselves (terminal calls, /health) answer before it. A route given up
    on runs to its end in the background, its reply discarded.
    """

    def __init__(
        self,
        app: ASGIApp,
        now: Callable[[], datetime],
        wait_seconds: float,
        backstopped: tuple[str, ...] = ("/",),
    ) -> None:
        self._app = app
        self._now = now
        self._wait = wait_seconds + BACKSTOP_MARGIN_S
        self._backstopped = backstopped  # path prefixes; routes that bound their own waits skip the task
        self._orphans: set[asyncio.Task[None]] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request under the backstop."""
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        scope[ARRIVAL] = Arrival(self._now(), time.monotonic())
        exchange = _Exchange(receive, send)
        if not scope["path"].startswith(self._backstopped):
            await self._guarded(scope, exchange)
            return
        task = asyncio.ensure_future(self._guarded(scope, exchange))
        while not task.done():
            left = exchange.overdue(self._wait)
            if left <= 0:
                exchange.abandoned = True
                self._orphans.add(task)
                task.add_done_callback(self._forget)
                log.warning("%s waited past %.1f s for storage; answered 503", scope["path"], self._wait,
                            extra={"source": _source(scope)})  # fmt: skip
                await unavailable_reply(TOO_SLOW)(scope, receive, send)
                return
            await asyncio.wait({task}, timeout=left)
        task.result()

    async def _guarded(self, scope: Scope, exchange: _Exchange) -> None:
        try:
            await self._app(scope, exchange.receive, exchange.send)
        except Exception:
            if exchange.started or exchange.abandoned:
                raise  # too late for a reply of our own: uvicorn closes the connection
            # Logged here, once, and answered as a normal reply: re-raised, uvicorn would drop the
            # connection and log the trace a second time.
            log.exception("internal error on %s", scope["path"], extra={"source": _source(scope)})
            await JsonReply(error_body("internal_error", "internal error"), 500)(
                scope, exchange.receive, exchange.send
            )

    def _forget(self, task: "asyncio.Task[None]") -> None:
        self._orphans.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("a request given up on failed afterwards: %r", task.exception())


def _source(scope: Scope) -> str | None:
    client = scope.get("client")
    return client[0] if client else None
