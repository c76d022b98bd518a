"""The FastAPI app: wiring, security headers, upload limits and error pages.

Guarantees: every response carries a strict Content-Security-Policy (scripts and styles
from this origin only; ``/docs`` and ``/redoc`` get a wider one for FastAPI's CDN-hosted
viewers), ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``; every
error under ``/api`` is JSON ``{"error", "detail"}`` and every other one a small escaped
HTML page; a request body over ``max_upload_bytes`` is refused with 413 before it is read;
a POST whose ``Origin`` is another site is refused with 403 (no cross-site form posts).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism import __version__
from newsprism.model import Story
from newsprism.store import Store
from newsprism.web.jobs import JobRunner, JobSettings
from newsprism.web.views import BriefCache, CachedBrief

if TYPE_CHECKING:
    from newsprism.reconcile.brief import Reconciler

logger = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc pages load their viewer from jsDelivr with an inline script.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com "
    "https://cdn.redoc.ly; worker-src blob:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
_DOCS_PATHS = ("/docs", "/redoc")
_UPLOAD_PATHS = ("/ingest", "/api/ingest")
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
STATIC = Path(__file__).resolve().parent / "static"


@dataclass(frozen=True)
class WebOptions:
    """How the app runs: ``embeddings`` for briefs and grouping ("off" in tests), the
    largest request body accepted on the ingest routes, story-list page size, and the
    analysis processes an ingest job uses."""

    embeddings: Literal["auto", "off", "on"] = "auto"
    max_upload_bytes: int = 10 * 1024 * 1024
    page_size: int = 25
    analyze_jobs: int = 1


class Services:
    """What the routes share: the store path, options, templates, brief cache and jobs."""

    def __init__(self, db: Path, options: WebOptions) -> None:
        self.db = db
        self.options = options
        self.templates = Environment(
            loader=PackageLoader("newsprism.web", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.globals["version"] = __version__
        self.briefs = BriefCache(self._make_brief)
        self.jobs = JobRunner(
            JobSettings(db, options.max_upload_bytes, options.analyze_jobs, options.embeddings)
        )
        self._reconciler: Reconciler | None = None

    def store(self) -> Store:
        """A fresh store connection for one request (SQLite connections stay per thread)."""
        return Store(self.db)

    def _make_brief(self, store: Store, story: Story) -> CachedBrief:
        from newsprism.reconcile.brief import BriefOptions, Reconciler, material_of

        if self._reconciler is None:
            self._reconciler = Reconciler(BriefOptions(embeddings=self.options.embeddings))
        material = material_of(store, story)
        return CachedBrief(self._reconciler.brief(material), list(material.articles))

    def render(self, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        """A page from the templates (autoescaped)."""
        return HTMLResponse(self.render_text(name, **context), status_code=status_code)

    def render_text(self, name: str, **context: Any) -> str:
        """The text of a page from the templates (autoescaped)."""
        return self.templates.get_template(name).render(**context)


def services(request: Request) -> Services:
    """The app's shared services (a FastAPI dependency)."""
    found: Services = request.app.state.services
    return found


def create_app(db: Path, options: WebOptions | None = None) -> FastAPI:
    """The web app over the store at ``db``. Cheap: nothing is computed until asked for;
    the similarity model loads with the first brief."""
    from newsprism.web import api, pages

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description="Stories, briefs and articles of a newsprism store.",
    )
    app.state.services = Services(db, options or WebOptions())
    app.middleware("http")(_guard)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


async def _guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Refuse oversized uploads (by Content-Length) and add the security headers."""
    response = _cross_site(request) or _too_large(request) or await call_next(request)
    docs = request.url.path.startswith(_DOCS_PATHS)
    response.headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _cross_site(request: Request) -> Response | None:
    """403 for a write another site's page sent (a form elsewhere posting to this local
    server): by the browser's ``Sec-Fetch-Site``, else by an ``Origin`` naming another host.
    Requests with neither (curl, scripts) pass. ``Origin: null`` alone is not refused:
    browsers send it for same-site posts under ``Referrer-Policy: no-referrer``."""
    if request.method in _SAFE_METHODS:
        return None
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin", "null")
    if site is not None:
        refused = site not in {"same-origin", "none"}
    else:
        refused = origin != "null" and urlsplit(origin).netloc != request.headers.get("host")
    if refused:
        return error_response(request, 403, f"cross-site request from {origin!r} refused")
    return None


def _too_large(request: Request) -> Response | None:
    if request.method != "POST" or request.url.path not in _UPLOAD_PATHS:
        return None
    limit = services(request).options.max_upload_bytes
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        return error_response(request, 413, f"the upload is over the limit of {limit:,} bytes")
    return None


def error_response(request: Request, status: int, detail: Any) -> Response:
    """JSON ``{"error", "detail"}`` under /api, else the escaped HTML error page."""
    phrase = HTTPStatus(status).phrase
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": phrase, "detail": detail}, status_code=status)
    return services(request).render(
        "error.html.j2", status, status=status, phrase=phrase, detail=str(detail)
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    response = error_response(request, exc.status_code, exc.detail)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()]
    return error_response(request, 422, detail)
