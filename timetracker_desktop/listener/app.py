"""``build_app(services, notify)``: the terminal listener as a FastAPI application."""

import logging
from collections.abc import Callable

from fastapi import FastAPI

from timetracker_desktop import __version__
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
    """The listener's routes (§1): terminal calls, card scans, /health, /openapi.json and /docs."""
    chosen = options or ListenerOptions()
    app = FastAPI(title=TITLE, version=__version__, openapi_url=OPENAPI_URL, docs_url=None, redoc_url=None)
    ctx = ListenerContext(services, Gate(services, chosen), notify or _no_feed)
    app.include_router(terminal_router(ctx))
    app.include_router(nfc_router(ctx))
    app.include_router(iclock_router(ctx, chosen))
    app.include_router(health_router(services))
    app.include_router(docs_router(TITLE, OPENAPI_URL))
    install_error_handlers(app)
    app.add_middleware(SourceFilter, networks=chosen.allowed_networks)
    return app
