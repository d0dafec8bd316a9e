"""``GET /health`` (no authentication, H13): up and able to reach the database, nothing about the machine."""

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from timetracker_desktop import __version__
from timetracker_desktop.listener.openapi_bodies import replies
from timetracker_desktop.listener.replies import JsonReply
from timetracker_desktop.listener.routes.nfc import utc_text
from timetracker_desktop.listener.schemas import HealthReply
from timetracker_desktop.services.container import Services

APP_NAME = "TimeTracker Desktop"


def health_router(services: Services) -> APIRouter:
    """The health route."""
    router = APIRouter(tags=["health"])

    @router.get("/health", response_class=JsonReply, responses=replies(HealthReply, 503))
    async def health() -> Response:
        """200 when the listener can reach the database; 503 ``database_unavailable`` otherwise."""
        await run_in_threadpool(services.terminal_health.probe)
        now = services.clock.now()
        return JsonReply(
            {"status": "ok", "app": APP_NAME, "version": __version__, "server_time": utc_text(now)}
        )

    return router
