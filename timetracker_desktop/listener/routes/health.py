"""``GET /health`` (no authentication, H13): up and able to reach the database, nothing about the machine."""

import asyncio
import math
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from fastapi import APIRouter
from starlette.responses import Response

from timetracker_desktop import __version__
from timetracker_desktop.listener.openapi_bodies import replies
from timetracker_desktop.listener.replies import JsonReply
from timetracker_desktop.listener.routes.nfc import utc_text
from timetracker_desktop.listener.schemas import HealthReply
from timetracker_desktop.listener.storage_workers import TOO_SLOW
from timetracker_desktop.repositories.ports.storage import StorageUnavailableError
from timetracker_desktop.services.container import Services

APP_NAME = "TimeTracker Desktop"
FRESH_PROBE_S = 2.0  # a monitor polling every second costs one database round trip per two seconds


class HealthProbe:
    """The database probe behind /health: a success younger than ``FRESH_PROBE_S`` is reused, one probe runs
    at a time on its own thread, and a caller waits for it at most ``wait_seconds`` (then 503).

    A stalled database thus never holds /health, and a flood of /health calls during a stall adds no thread
    and no connection.
    """

    def __init__(self, probe: Callable[[], None], wait_seconds: float) -> None:
        self._probe = probe
        self._wait = wait_seconds
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="listener-health-probe")
        self._ok_at = -math.inf
        self._running: Future[None] | None = None

    async def check(self) -> None:
        """Return when the database answered recently; StorageUnavailableError otherwise."""
        if time.monotonic() - self._ok_at < FRESH_PROBE_S:
            return
        running = self._running
        if running is None or running.done():
            running = self._running = self._pool.submit(self._timed)
        try:  # shielded: another caller may be waiting for the same probe
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(running)), self._wait)
        except TimeoutError:
            raise StorageUnavailableError(TOO_SLOW) from None

    def _timed(self) -> None:
        self._probe()
        self._ok_at = time.monotonic()


def health_router(services: Services, wait_seconds: float) -> APIRouter:
    """The health route."""
    router = APIRouter(tags=["health"])
    probe = HealthProbe(services.terminal_health.probe, wait_seconds)

    @router.get("/health", response_class=JsonReply, responses=replies(HealthReply, 503))
    async def health() -> Response:
        """200 when the listener reached the database within the last 2 s or does now; 503
        ``database_unavailable`` (with Retry-After) when it cannot, or not within the wait."""
        await probe.check()
        now = services.clock.now()
        return JsonReply(
            {"status": "ok", "app": APP_NAME, "version": __version__, "server_time": utc_text(now)}
        )

    return router
