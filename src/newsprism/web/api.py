"""The JSON API under ``/api``: stories, one story's brief, a summary verified against a
story, one article, ingest jobs.

Shapes are those of the JSON report (docs/report-schema.md): ``story_to_dict``,
``brief_to_dict``, ``article_to_dict``, ``verification_to_dict``. Errors are
``{"error", "detail"}`` with the right status (404 unknown id, 400 malformed JSON, 413
oversized upload or summary, 422 bad input).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from newsprism.render import jsonout
from newsprism.store import as_utc
from newsprism.web.deps import (
    ArticleDep,
    BriefDep,
    JobDep,
    PageQuery,
    PerPageQuery,
    SearchQuery,
    ServicesDep,
    SinceQuery,
    StoreDep,
    StoryId,
    VerifyRequest,
    find_story,
    within_limit,
)
from newsprism.web.intake import start_job
from newsprism.web.views import story_page

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/stories")
def list_stories(
    store: StoreDep,
    svc: ServicesDep,
    q: SearchQuery = None,
    page: PageQuery = 1,
    per_page: PerPageQuery = None,
    since: SinceQuery = None,
) -> dict[str, Any]:
    """Stories, most recent first, or those holding an article matching every word of q;
    with ``since`` (an ISO time with its zone), ``new`` lists the ids of this page's
    stories that arrived or changed after it (the page's "since your last visit")."""
    when = as_utc(since) if since is not None and since.tzinfo else None
    if since is not None and when is None:
        raise HTTPException(422, "since needs a time zone, e.g. 2026-03-01T08:00:00+00:00")
    found = story_page(store, q, page, per_page or svc.options.page_size, when)
    listed: dict[str, Any] = {
        "stories": [row.to_dict() for row in found.rows],
        "page": found.page,
        "per_page": found.per_page,
        "total": found.total,
        "new": [row.story.id for row in found.rows if row.story.id in found.fresh],
    }
    if found.empty_note:  # why a store lists no story (articles stored, none grouped)
        listed["note"] = found.empty_note
    return listed


@router.get("/stories/{story_id}")
def get_story(cached: BriefDep) -> dict[str, Any]:
    """One story's brief (computed on first request, then cached), with its articles."""
    details = [jsonout.article_to_dict(a) for a in cached.articles]
    return {**jsonout.brief_to_dict(cached.brief), "articles_detail": details}


_ERROR = {
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"error": {"type": "string"}, "detail": {}},
            }
        }
    }
}


@router.post(
    "/stories/{story_id}/verify",
    responses={
        404: {**_ERROR, "description": "No story has this id or unique prefix."},
        413: {**_ERROR, "description": "The summary is over 20,000 characters."},
    },
)
def verify_story(
    story_id: StoryId, body: VerifyRequest, store: StoreDep, svc: ServicesDep
) -> dict[str, Any]:
    """Check every sentence of ``summary`` against the story's sources: ``supported``,
    ``partly``, ``contradicted`` or ``unsupported``, with the sources' own sentences, and
    what most sources carry that the summary leaves out (docs/report-schema.md, Verify).
    Runs in the threadpool; summaries are verified one at a time."""
    summary = within_limit(body.summary)
    return svc.verify(store, find_story(store, story_id), summary).to_dict()


@router.get("/articles/{article_id}")
def get_article(found: ArticleDep) -> dict[str, Any]:
    """One article with what cleaning removed and its quotes, quantities, dates, entities
    (or ``analysis_failure``: the step and error, when its analysis failed)."""
    article, analysis = found.article, found.analysis
    report = jsonout.report_dict([article], {article.id: analysis} if analysis else None)
    failure = found.failure
    data: dict[str, Any] = {
        **report["articles"][0],
        **jsonout.article_to_dict(article, with_removed=True),
        "analysis_failure": {"stage": failure.stage, "error": failure.error} if failure else None,
    }
    return data


@router.post("/ingest", status_code=202)
async def post_ingest(request: Request) -> JSONResponse:
    """Start an ingest job from multipart ``files`` and/or a ``url`` field, or JSON
    ``{"url": ...}``; poll ``GET /api/ingest/{job}`` for its progress. A multipart
    ``correct=true`` lets uploads beside a manifest correct the articles an earlier
    upload of their name and text stored (off: they are stored apart)."""
    job = await start_job(request)
    return JSONResponse({"job": job.id}, status_code=202)


@router.get("/ingest/{job_id}")
def get_job(job: JobDep) -> dict[str, Any]:
    """An ingest job's state, each stage's outcome (ingest, analyze, cluster, brief), a
    result per input, per-article analysis failures, and the stories it touched."""
    return job.to_dict()
