"""``/docs``: Swagger UI served from files shipped in a package, because offices often have no internet."""

from importlib import resources

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.responses import HTMLResponse, Response

from timetracker_desktop.listener.replies import ProtocolError

ASSET_PREFIX = "/docs/assets"
# fastapi-offline ships the Swagger UI 5 bundle (it renders OpenAPI 3.1); only these files are served.
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon.png": "image/png",
}


def _asset(name: str) -> bytes:
    return (resources.files("fastapi_offline") / "static" / name).read_bytes()


def docs_router(title: str, openapi_url: str) -> APIRouter:
    """The docs page and its assets (loaded once, kept in memory)."""
    router = APIRouter(include_in_schema=False)
    cache: dict[str, bytes] = {}

    @router.get("/docs")
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{title} - API",
            swagger_js_url=f"{ASSET_PREFIX}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSET_PREFIX}/swagger-ui.css",
            swagger_favicon_url=f"{ASSET_PREFIX}/favicon.png",
        )

    @router.get(ASSET_PREFIX + "/{name}")
    async def asset(name: str) -> Response:
        if name not in ASSETS:
            raise ProtocolError(404, "not_found", "no such file")
        if name not in cache:
            cache[name] = _asset(name)
        return Response(cache[name], media_type=ASSETS[name], headers={"Cache-Control": "max-age=86400"})

    return router
