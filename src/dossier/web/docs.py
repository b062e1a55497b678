"""The OpenAPI docs at /docs (Swagger UI) and /redoc, served from files installed with the package.

FastAPI's own docs pages load their script and style from a CDN, so they are blank offline; the
same pages here take them from `fastapi-offline`'s copy of swagger-ui-dist and ReDoc.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

ASSETS = "/docs-assets"
router = APIRouter(include_in_schema=False)


def assets_dir() -> str:
    return str(files("fastapi_offline").joinpath("static"))


@router.get("/docs")
def swagger(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url=request.app.openapi_url, title=f"{request.app.title} API",
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js", swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon.png", swagger_ui_parameters={"validatorUrl": None},
    )


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    return get_redoc_html(
        openapi_url=request.app.openapi_url, title=f"{request.app.title} API",
        redoc_js_url=f"{ASSETS}/redoc.standalone.js", redoc_favicon_url=f"{ASSETS}/favicon.png",
        with_google_fonts=False,
    )
