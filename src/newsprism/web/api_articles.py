"""``GET /api/articles``: stored articles, newest first (or by relevance with ``q``), the
JSON twin of ``newsprism articles --json``; and where an API address that serves
nothing sends its reader.

``/api/articles`` was a bare 404 while ``/api/articles/{id}`` served one article, and a
guessed address such as ``/api/stories/{id}/brief`` said only "Not Found", though the
brief is served at ``/api/stories/{id}`` (stop 43's audit): an unknown address under
``/api`` now lists the addresses the API serves.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, HTTPException, Query

from newsprism.errors import NewsprismError
from newsprism.render import jsonout
from newsprism.store import ArticleQuery, as_utc, query_moment
from newsprism.web.deps import PageQuery, PerPageQuery, SearchQuery, ServicesDep, StoreDep

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["api"])

OutletQuery = Annotated[
    str | None, Query(max_length=500, description="Only this outlet (as stored).")
]
TimeQuery = Annotated[
    datetime | None, Query(description="An ISO date or time; without a zone, UTC (as the CLI).")
]


@router.get("/articles")
def list_articles(
    store: StoreDep,
    svc: ServicesDep,
    outlet: OutletQuery = None,
    since: TimeQuery = None,
    until: TimeQuery = None,
    q: SearchQuery = None,
    page: PageQuery = 1,
    per_page: PerPageQuery = None,
) -> dict[str, Any]:
    """Articles published on or after ``since`` and before ``until``, of ``outlet``,
    holding every word of ``q``: each as ``newsprism articles --json`` prints it."""
    start, end = _moment(since, "since"), _moment(until, "until")
    if start is not None and end is not None and start >= end:
        raise HTTPException(422, "since is not before until: no article can match")
    size = per_page or svc.options.page_size
    query = ArticleQuery(outlet, start, end, q, size, (page - 1) * size)
    try:
        found = store.list_articles(query)
    except NewsprismError as exc:
        raise HTTPException(422, str(exc)) from None
    return {
        "articles": [jsonout.article_to_dict(a) for a in found],
        "page": page,
        "per_page": size,
    }


def _moment(value: datetime | None, name: str) -> datetime | None:
    """``value`` as ``--since``/``--until`` of ``newsprism articles`` read it (a date or a
    time without its zone is UTC), so that the twin lists what the command lists."""
    return None if value is None else as_utc(query_moment(value, name))


def served(app: FastAPI) -> list[str]:
    """``METHOD /path`` of every API address ``app`` serves, as its OpenAPI schema
    lists them (the pages, left out of the schema, are no API addresses)."""
    paths: dict[str, dict[str, Any]] = app.openapi().get("paths", {})
    return [
        f"{method.upper()} {path}"
        for path, methods in paths.items()
        if path.startswith("/api/")
        for method in methods
    ]


def not_served_detail(app: FastAPI, path: str) -> str:
    """The 404's detail for an ``/api`` address no route serves: what the API serves
    (a story's brief, for one, is ``GET /api/stories/{story_id}``)."""
    return (
        f"the API serves nothing at {path}; it serves: {'; '.join(served(app))} "
        "(a story's brief: GET /api/stories/{story_id}; every address: /docs)"
    )
