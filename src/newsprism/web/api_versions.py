"""``GET /api/articles/{id}/versions``: the texts an article was read with (a page read
again after an edit: :mod:`newsprism.store_versions`), and with ``from``/``to`` the
unified diff between two of them. The same shape as ``newsprism versions --json``."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from newsprism import lookup
from newsprism.errors import NotFound
from newsprism.web.deps import ArticleId, StoreDep

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/articles/{article_id}/versions")
def article_versions(
    article_id: ArticleId,
    store: StoreDep,
    old: Annotated[int | None, Query(alias="from", ge=1, le=1_000_000)] = None,
    new: Annotated[int | None, Query(alias="to", ge=1, le=1_000_000)] = None,
) -> dict[str, Any]:
    """The article's versions, first read first; with ``from`` or ``to``, the diff from
    one to the other (``to`` defaults to the newest, ``from`` to the one before it)."""
    try:
        article = lookup.find_article(store, article_id).id
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    versions = store.article_versions(article)
    data: dict[str, Any] = {"article_id": article, "versions": [v.as_dict() for v in versions]}
    if old is None and new is None:
        return data
    to = new if new is not None else versions[-1].number
    since = old if old is not None else max(to - 1, 1)
    diff = store.version_diff(article, since, to)
    if diff is None:
        raise HTTPException(404, f"article {article[:10]} has versions 1 to {versions[-1].number}")
    return {**data, "diff": diff}
