"""Web: the browser UI and HTTP API over the store (issue #6).

Public surface: :func:`~newsprism.web.app.create_app` (a FastAPI app over one SQLite
store) and :class:`~newsprism.web.app.WebOptions`. Pages are server-rendered Jinja2 with
autoescaping on; every HTML page has a JSON twin under ``/api``. ``newsprism serve`` runs
the app with uvicorn. Modules: ``app`` (wiring, security headers, errors), ``pages`` and
``api`` (routes), ``views`` (what a page shows, computed from the store and the brief),
``svg`` (server-drawn charts), ``jobs`` (background ingest).
"""

from newsprism.web.app import WebOptions, create_app

__all__ = ["WebOptions", "create_app"]
