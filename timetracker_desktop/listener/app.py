"""``build_app(services, notify)``: the terminal listener as a FastAPI application."""

import logging
from collections.abc import Callable

from fastapi import FastAPI

from timetracker_desktop import __version__
from timetracker_desktop.listener.arrival import ArrivalMiddleware
from timetracker_desktop.listener.context import ListenerContext
from timetracker_desktop.listener.errors import install_error_handlers
from timetracker_desktop.listener.options import ListenerOptions
from timetracker_desktop.listener.routes.health import health_router
from timetracker_desktop.listener.routes.iclock import iclock_router
from timetracker_desktop.listener.routes.nfc import nfc_router
from timetracker_desktop.listener.routes.swagger_ui import docs_router
from timetracker_desktop.listener.routes.terminal import terminal_router
from timetracker_desktop.listener.security import Gate, SourceFilter
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.ingest.dto import ScanNotice

log = logging.getLogger(__name__)
TITLE = "TimeTracker Desktop terminal listener"
OPENAPI_URL = "/openapi.json"


def _no_feed(notice: ScanNotice) -> None:
    """Headless: nobody watches the live feed."""


def build_app(
    services: Services,
    notify: Callable[[ScanNotice], None] | None = None,
    options: ListenerOptions | None = None,
) -> FastAPI:
    """The listener's routes (§1): terminal calls, card scans, /health, /openapi.json and /docs.

    ``app.state.listener_options`` keeps the options, for the server's own limits (ListenerServer).
    """
    chosen = options or ListenerOptions()
    # No redirect for a trailing slash: its Location would be built from the client's Host header.
    app = FastAPI(
        title=TITLE, version=__version__, openapi_url=OPENAPI_URL, docs_url=None, redoc_url=None,
        redirect_slashes=False,
    )  # fmt: skip
    app.state.listener_options = chosen
    wait = chosen.storage_wait_seconds
    ctx = ListenerContext(services, Gate(services, chosen), notify or _no_feed, wait)
    app.include_router(terminal_router(ctx))
    app.include_router(nfc_router(ctx))
    app.include_router(iclock_router(ctx, chosen))
    app.include_router(health_router(services, wait))
    app.include_router(docs_router(TITLE, OPENAPI_URL))
    install_error_handlers(app)
    # Terminal calls and /health bound their own storage waits; /iclock relies on the backstop.
    app.add_middleware(ArrivalMiddleware, now=services.clock.now, wait_seconds=wait, backstopped=("/iclock",))
    app.add_middleware(SourceFilter, networks=chosen.allowed_networks)  # outermost: refused before all
    return app
