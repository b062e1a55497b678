"""The FastAPI app: HTML pages, the JSON API under /api/ (OpenAPI at /docs), static files."""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from dossier import __version__
from dossier.web import api, docs, pages
from dossier.web.access import StoreAccess
from dossier.web.security import Guard


def create_app(db: str, token: str | None = None) -> FastAPI:
    """The app over the store `db`, opened read-only; with `token`, every request must carry it."""
    app = FastAPI(
        title="Dossier",
        version=__version__,
        description="A news story as a sourced, dated record: timeline, incidents, actors, statements, positions.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.access = StoreAccess(db)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(docs.router)
    app.mount("/static", StaticFiles(directory=str(files("dossier.web").joinpath("static"))), name="static")
    app.mount(docs.ASSETS, StaticFiles(directory=docs.assets_dir()), name="docs-assets")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse | HTMLResponse:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        message = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return pages.missing(request, message, status=422)

    app.add_middleware(Guard, token=token)
    return app

