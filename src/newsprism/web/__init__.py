"""Web: the browser UI and HTTP API over the store (issue #6).

Public surface: :func:`~newsprism.web.app.create_app` (a FastAPI app over one SQLite
store) and :class:`~newsprism.web.services.WebOptions`. Pages are server-rendered Jinja2 with
autoescaping on; every HTML page has a JSON twin under ``/api``. ``newsprism serve`` runs
the app with uvicorn. Modules: ``app`` (wiring), ``guard`` (security headers, Host and
cross-site checks, error responses), ``services`` (options and what the routes share),
``deps`` (validated parameters and lookups), ``pages`` and ``api`` (routes), ``intake``
(reading an ingest request), ``views`` (what a page shows, computed from the store and
the brief), ``svg`` (server-drawn charts), ``jobs`` (background ingest, stage by stage).
"""

from newsprism.web.app import create_app
from newsprism.web.services import WebOptions

__all__ = ["WebOptions", "create_app"]
