"""The JSON API under ``/api``: stories, one story's brief, one article, ingest jobs.

Shapes are those of the JSON report (docs/report-schema.md): ``story_to_dict``,
``brief_to_dict``, ``article_to_dict``. Errors are ``{"error", "detail"}`` with the
right status (404 unknown id, 400 malformed JSON, 413 oversized upload, 422 bad input).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from newsprism.model import Analysis, Article, Story
from newsprism.render import jsonout
from newsprism.store import Store
from newsprism.web.app import Services, services
from newsprism.web.jobs import Job, JobInput
from newsprism.web.views import story_page

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["api"])
MAX_PER_PAGE = 100


def open_store(request: Request) -> Iterator[Store]:
    """One store connection per request, closed when the response is sent."""
    with services(request).store() as store:
        yield store


StoreDep = Annotated[Store, Depends(open_store)]
ServicesDep = Annotated[Services, Depends(services)]
PageQuery = Annotated[int, Query(ge=1, description="1-based page number.")]
PerPageQuery = Annotated[int | None, Query(ge=1, le=MAX_PER_PAGE, description="Rows a page.")]
SearchQuery = Annotated[str | None, Query(max_length=500, description="Words that must all occur.")]


def find_story(store: Store, story_id: str) -> Story:
    """The story with this id or unique prefix; 404 if none."""
    story = store.get_story(story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return story


def find_article(store: Store, article_id: str) -> Article:
    """The article with this id or unique prefix; 404 if none."""
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article


def analysis_of(store: Store, article: Article) -> Analysis | None:
    """The article's current analysis, computed and stored if missing."""
    from newsprism.analyze.batch import analyze_stored

    return analyze_stored(store, [article.id]).get(article.id)


@router.get("/stories")
def list_stories(
    store: StoreDep,
    svc: ServicesDep,
    q: SearchQuery = None,
    page: PageQuery = 1,
    per_page: PerPageQuery = None,
) -> dict[str, Any]:
    """Stories, most recent first, or those holding an article matching every word of q."""
    found = story_page(store, q, page, per_page or svc.options.page_size)
    return {
        "stories": [row.to_dict() for row in found.rows],
        "page": found.page,
        "per_page": found.per_page,
        "total": found.total,
    }


@router.get("/stories/{story_id}")
def get_story(story_id: str, store: StoreDep, svc: ServicesDep) -> dict[str, Any]:
    """One story's brief (computed on first request, then cached), with its articles."""
    cached = svc.briefs.get(store, find_story(store, story_id))
    details = [jsonout.article_to_dict(a) for a in cached.articles]
    return {**jsonout.brief_to_dict(cached.brief), "articles_detail": details}


@router.get("/articles/{article_id}")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """One article with what cleaning removed and its quotes, quantities, dates, entities."""
    article = find_article(store, article_id)
    analysis = analysis_of(store, article)
    report = jsonout.report_dict([article], {article.id: analysis} if analysis else None)
    data: dict[str, Any] = {
        **report["articles"][0],
        **jsonout.article_to_dict(article, with_removed=True),
    }
    return data


@router.post("/ingest", status_code=202)
async def post_ingest(request: Request) -> JSONResponse:
    """Start an ingest job from multipart ``files`` and/or a ``url`` field, or JSON
    ``{"url": ...}``; poll ``GET /api/ingest/{job}`` for its progress."""
    job = await start_job(request)
    return JSONResponse({"job": job.id}, status_code=202)


@router.get("/ingest/{job_id}")
def get_job(job_id: str, svc: ServicesDep) -> dict[str, Any]:
    """An ingest job's state, counts, a result per input, and the stories it touched."""
    job = svc.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job with id {job_id!r}")
    return job.to_dict()


async def start_job(request: Request) -> Job:
    """Read the inputs of an ingest request and queue its job. Raises 400 (malformed
    JSON or form), 413 (a file over the limit) or 422 (no usable input)."""
    svc = services(request)
    if request.headers.get("content-type", "").startswith("application/json"):
        inputs, folder = [_url_input(_json_url(await request.body()))], None
    else:
        inputs, folder = await _form_inputs(request, svc)
    if not inputs:
        raise HTTPException(422, "give one or more files, or a URL")
    return svc.jobs.submit(inputs, folder)


def _json_url(body: bytes) -> object:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"malformed JSON: {exc}") from None
    if not isinstance(data, dict) or "url" not in data:
        raise HTTPException(422, 'expected a JSON object {"url": "https://..."}')
    return data["url"]


def _url_input(url: object) -> JobInput:
    if not isinstance(url, str) or not url.strip().startswith(("http://", "https://")):
        raise HTTPException(422, "url must be an http:// or https:// address")
    return JobInput(url.strip(), url.strip())


async def _form_inputs(request: Request, svc: Services) -> tuple[list[JobInput], Path | None]:
    form = await request.form(max_files=100, max_fields=20)
    limit = svc.options.max_upload_bytes
    uploads: list[tuple[str | None, bytes]] = []
    for item in form.getlist("files"):
        if not isinstance(item, UploadFile) or not item.filename:
            continue
        data = await item.read(limit + 1)
        if len(data) > limit:
            raise HTTPException(413, f"{item.filename} is over the limit of {limit:,} bytes")
        uploads.append((item.filename, data))
    url = form.get("url")
    inputs = [_url_input(url)] if isinstance(url, str) and url.strip() else []
    folder = svc.jobs.new_folder() if uploads else None
    if folder is not None:
        inputs = [svc.jobs.save_upload(folder, name, data) for name, data in uploads] + inputs
    return inputs, folder
