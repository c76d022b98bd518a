"""The app's outer guard (an ASGI middleware) and its error responses.

Guarantees, for every HTTP response the app sends, errors included:

- the security headers: a strict Content-Security-Policy (``/docs`` and ``/redoc`` get a
  wider one for FastAPI's CDN-hosted viewers), ``X-Content-Type-Options: nosniff``,
  ``Referrer-Policy: same-origin`` (no referrer to other sites; same-origin form posts keep
  a real ``Origin``, so ``Origin: null`` can be refused) and ``X-Frame-Options: DENY``;
- a ``Host`` that is not one of the served host names is refused with 400 (a page on
  another site cannot reach this local server through DNS rebinding);
- a write (any method but GET, HEAD, OPTIONS) from another site is refused with 403: by
  the browser's ``Sec-Fetch-Site``, by an ``Origin`` naming another host, or by
  ``Origin: null`` (sandboxed frames, ``data:`` and ``file:`` pages);
- an upload (or a summary to verify) whose ``Content-Length`` is over the limit is refused
  with 413 before it is read, and one sent without it (chunked) with 413 as soon as the
  bytes read pass the limit (they were all read, spooled to disk, before the route
  could count them);
- an exception no route handled is logged with its traceback and answered with a 500
  that holds no traceback;
- every error under ``/api`` is JSON ``{"error", "detail"}``, every other an escaped HTML
  page.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism.web.services import MAX_SUMMARY_BYTES, normal_host, services

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
_VERIFY_SUFFIX = "/verify"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
INTERNAL_ERROR = "internal error; the server log has the details"


def security_headers(path: str) -> dict[str, str]:
    """The headers every response on ``path`` carries."""
    return {
        "Content-Security-Policy": DOCS_CSP if path.startswith(_DOCS_PATHS) else CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }


class Guard:
    """The outermost app middleware: refusals first, then the app; headers on whatever
    is sent, and a 500 page for an exception that escaped the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        headers = security_headers(request.url.path)
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                MutableHeaders(scope=message).update(headers)
            await send(message)

        refusal = _wrong_host(request) or _cross_site(request) or _too_large(request)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        limit = _body_limit(request)
        if limit is not None:
            receive = _counted(receive, *limit)
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            logger.exception("unhandled error on %s %s", request.method, request.url.path)
            if started:  # too late for an error page: let the server drop the connection
                raise
            await error_response(request, 500, INTERNAL_ERROR)(scope, receive, send_with_headers)


def _wrong_host(request: Request) -> Response | None:
    """400 for a ``Host`` the app does not serve (or none)."""
    host = request.headers.get("host", "")
    if normal_host(host_name(host)) in services(request).hosts:
        return None
    return error_response(request, 400, f"host {host!r} is not served here")


def host_name(host: str) -> str:
    """The name in a ``Host`` header, without its port (``[::1]:8000`` gives ``::1``)."""
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.split(":", 1)[0] if host.count(":") == 1 else host


def _cross_site(request: Request) -> Response | None:
    """403 for a write another site's page sent (a form elsewhere posting to this local
    server): by the browser's ``Sec-Fetch-Site`` when it sent one (it cannot be forged by
    a page), else by an ``Origin`` naming another host; ``Origin: null`` always.
    Requests with neither header (curl, scripts) pass."""
    if request.method in _SAFE_METHODS:
        return None
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if origin == "null":
        refused = True
    elif site is not None:
        refused = site not in {"same-origin", "none"}
    else:
        refused = origin is not None and _netloc(origin) != request.headers.get("host")
    if refused:
        return error_response(request, 403, f"cross-site request from {origin!r} refused")
    return None


def _netloc(origin: str) -> str | None:
    """The host and port an ``Origin`` names; None for one that does not parse
    ("http://[::1", a 500 before), which then matches no host and is refused."""
    try:
        return urlsplit(origin).netloc
    except ValueError:
        return None


def _body_limit(request: Request) -> tuple[str, int] | None:
    """What the body of the request is and its limit in bytes: an upload, a summary to
    verify; None for every other request."""
    if request.method != "POST":
        return None
    if request.url.path in _UPLOAD_PATHS:
        return "the upload", services(request).options.max_upload_bytes
    if request.url.path.endswith(_VERIFY_SUFFIX):
        return "the summary", MAX_SUMMARY_BYTES
    return None


def _too_large(request: Request) -> Response | None:
    """413 for an upload, or a summary to verify, whose ``Content-Length`` is over its
    limit (the route checks the summary's characters once read)."""
    body = _body_limit(request)
    if body is None:
        return None
    what, limit = body
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        return error_response(request, 413, f"{what} is over the limit of {limit:,} bytes")
    return None


def _counted(receive: Receive, what: str, limit: int) -> Receive:
    """``receive`` that raises 413 once the body's bytes pass ``limit``: a body without a
    ``Content-Length`` is stopped where it passes, not read in full first (the form
    parser spooled a chunked upload of any size to disk). The HTTPException reaches the
    app's handler, which answers under /api in JSON, elsewhere in HTML."""
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise HTTPException(413, f"{what} is over the limit of {limit:,} bytes")
        return message

    return counted


def is_api(path: str) -> bool:
    """Whether ``path`` is an API address: ``/api`` itself or under ``/api/`` (``/api``
    with no slash got the HTML 404 page, review s43/e; ``/apiary`` is a page)."""
    return path == "/api" or path.startswith("/api/")


def error_response(request: Request, status: int, detail: Any) -> Response:
    """JSON ``{"error", "detail"}`` under /api, else the escaped HTML error page."""
    phrase = HTTPStatus(status).phrase
    if is_api(request.url.path) or request.url.path == "/openapi.json":
        return JSONResponse({"error": phrase, "detail": detail}, status_code=status)
    return services(request).render(
        "error.html.j2", status, status=status, phrase=phrase, detail=str(detail)
    )
