"""The FastAPI app: routes, the guard middleware and the error handlers, wired together.

What every response guarantees (security headers, Host allow-list, cross-site and size
refusals, JSON or HTML errors, no traceback in a 500) is in :mod:`newsprism.web.guard`;
what the routes share is in :mod:`newsprism.web.services` and :mod:`newsprism.web.deps`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism import __version__
from newsprism.web import api, api_articles, api_versions, pages
from newsprism.web.guard import Guard, error_response, is_api
from newsprism.web.services import Services, WebOptions

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
__all__ = ["WebOptions", "create_app"]


def create_app(db: Path, options: WebOptions | None = None) -> FastAPI:
    """The web app over the store at ``db``. Cheap: nothing is computed until asked for;
    the similarity model loads with the first brief."""
    app = FastAPI(
        title="newsprism",
        version=__version__,
        description="Stories, briefs and articles of a newsprism store.",
    )
    app.state.services = Services(db, options or WebOptions())
    app.add_middleware(Guard)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(api_articles.router)
    app.include_router(api_versions.router)
    app.include_router(pages.router)
    return app


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail
    if exc.status_code == 404 and detail == "Not Found" and is_api(request.url.path):
        # No route matched (a route's own 404 names the id it did not find).
        detail = api_articles.not_served_detail(request.app, request.url.path)
    response = error_response(request, exc.status_code, detail)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()]
    return error_response(request, 422, detail)
