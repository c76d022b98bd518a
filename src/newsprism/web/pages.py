"""The HTML pages: story list, story brief, a summary verified against a story, article,
ingest form and ingest progress.

Each page renders the same data as its JSON twin under ``/api`` through an autoescaping
template; no page holds an inline script, style or event handler.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from newsprism.copy_outlets import uncounted_articles
from newsprism.render.briefs import exclusive_detail
from newsprism.render.terminal import unanalysed_note
from newsprism.store import as_utc
from newsprism.web.deps import (
    ArticleDep,
    BriefDep,
    JobDep,
    PageQuery,
    PerPageQuery,
    SearchQuery,
    ServicesDep,
    StoreDep,
    StoryId,
    SummaryText,
    find_story,
    within_limit,
)
from newsprism.web.intake import start_job
from newsprism.web.services import Services
from newsprism.web.svg import timeline_chart, voice_bars
from newsprism.web.views import (
    CachedBrief,
    coverage,
    exclusives_by_outlet,
    highlight,
    nest_marks,
    statement_variants,
    story_page,
)

logger = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    store: StoreDep,
    svc: ServicesDep,
    q: SearchQuery = None,
    page: PageQuery = 1,
    per_page: PerPageQuery = None,
) -> HTMLResponse:
    """The story list, or the stories matching a search; the stories that arrived or
    changed since the browser's last visit to this page are marked (a cookie holding the
    time of that visit, nothing else)."""
    since = last_visit(request.cookies.get(LAST_VISIT_COOKIE))
    found = story_page(store, q, page, per_page or svc.options.page_size, since)
    response = svc.render("stories.html.j2", found=found, q=q or "")
    response.set_cookie(
        LAST_VISIT_COOKIE,
        datetime.now(UTC).isoformat(),
        max_age=LAST_VISIT_DAYS * 86_400,
        httponly=True,
        samesite="strict",
    )
    return response


# The story list remembers a browser's last visit for a year.
LAST_VISIT_COOKIE = "newsprism_last_visit"
LAST_VISIT_DAYS = 365


def last_visit(value: str | None) -> datetime | None:
    """The time a last-visit cookie holds, or None when absent or not a time we wrote
    (a tampered cookie is ignored, never an error)."""
    if not value or len(value) > 40:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return as_utc(when) if when.tzinfo is not None else None


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_brief_page(cached: BriefDep, svc: ServicesDep) -> HTMLResponse:
    """One story's brief: summary, statements side by side, facts, discrepancies,
    exclusives, timeline, coverage and voices. Rendered once per cached brief (a few ms),
    then served from the cache."""
    if cached.page is None:
        cached.page = _story_html(svc, cached)
    return HTMLResponse(cached.page)


def _story_html(svc: Services, cached: CachedBrief) -> str:
    brief = cached.brief
    # A copy saved again under another file name is no outlet of its own, as in
    # ``stories`` and the panel (copy_outlets); its statements are its original's.
    uncounted = uncounted_articles(cached.articles, brief.story.duplicates)
    outlets = sorted({a.outlet or a.id[:10] for a in cached.articles if a.id not in uncounted})
    voices = (
        [(o.outlet, voice_bars(o.voices)) for o in brief.framing.outlets] if brief.framing else []
    )
    return svc.render_text(
        "story.html.j2",
        brief=brief,
        story=brief.story,
        articles=cached.articles,
        outlet_of=cached.outlet_of,
        statements=[(s, *statement_variants(s)) for s in brief.statements],
        exclusives=exclusives_by_outlet(brief.exclusives),
        exclusive_detail=exclusive_detail,
        chart=timeline_chart(brief.timeline),
        coverage=coverage(brief, outlets),
        voices=voices,
    )


@router.post("/stories/{story_id}/verify", response_class=HTMLResponse)
def verify_page(
    story_id: StoryId,
    summary: Annotated[SummaryText, Form()],
    store: StoreDep,
    svc: ServicesDep,
) -> HTMLResponse:
    """The story page's summary form checked: each sentence coloured by its verdict with
    the sources beside it, then what the summary leaves out; the form again below."""
    text = within_limit(summary)
    verification = svc.verify(store, find_story(store, story_id), text)
    return svc.render(
        "verify.html.j2",
        story=verification.story,
        verification=verification,
        counts=verification.to_dict()["counts"],
        summary=text,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(found: ArticleDep, store: StoreDep, svc: ServicesDep) -> HTMLResponse:
    """One article: clean text with quotes, quantities and dates marked; what cleaning
    removed, folded away."""
    article, analysis = found.article, found.analysis
    stories = store.stories_of([article.id])
    return svc.render(
        "article.html.j2",
        article=article,
        pieces=nest_marks(highlight(article, analysis)),
        analysis=analysis,
        failure=found.failure,
        not_analysed=unanalysed_note(article),
        story=stories[0] if stories else None,
    )


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(svc: ServicesDep) -> HTMLResponse:
    """The form to upload files or give a URL or feed."""
    return svc.render("ingest.html.j2", max_bytes=svc.options.max_upload_bytes)


@router.post("/ingest")
async def ingest_submit(request: Request) -> RedirectResponse:
    """Start an ingest job and go to its progress page (303)."""
    job = await start_job(request)
    return RedirectResponse(f"/ingest/{job.id}", status_code=303)


@router.get("/ingest/{job_id}", response_class=HTMLResponse)
def ingest_job_page(job: JobDep, svc: ServicesDep) -> HTMLResponse:
    """An ingest job's progress; complete when the job has ended, polled by app.js before."""
    return svc.render("ingest_job.html.j2", job=job, data=job.to_dict())
