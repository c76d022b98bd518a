"""The request parameters and lookups the pages and the API share (FastAPI dependencies).

Every text parameter refuses control characters (NUL included: SQLite and the search
index cannot take them) and every number is bounded, so a bad request is a 422 naming the
parameter, never a 500. A lookup of an unknown id is a 404.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request
from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from newsprism import lookup
from newsprism.errors import AnalysisFailure, NotFound
from newsprism.model import Analysis, Article, Story
from newsprism.store import Store
from newsprism.web.jobs import Job
from newsprism.web.services import MAX_SUMMARY_CHARS, Services, services
from newsprism.web.views import CachedBrief

logger = logging.getLogger(__name__)

MAX_PER_PAGE = 100
# The last page number accepted: 10**6 pages of MAX_PER_PAGE rows reach 10**8 stories,
# far past any store this serves, and keep the row offset well inside SQLite's 64 bits.
MAX_PAGE = 1_000_000
MAX_ID_CHARS = 100
# Whitespace a pasted search may carry; every other control character is refused.
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def no_controls(value: str) -> str:
    """``value`` unchanged, or ValueError if it holds a control character."""
    for char in value:
        if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc":
            raise ValueError(f"control character U+{ord(char):04X} is not allowed")
    return value


def not_blank(value: str) -> str:
    """``value`` unchanged, or ValueError if it holds only whitespace."""
    if not value.strip():
        raise ValueError("the summary is empty")
    return value


Text = Annotated[str, AfterValidator(no_controls)]
SummaryText = Annotated[str, AfterValidator(no_controls), AfterValidator(not_blank)]


class VerifyRequest(BaseModel):
    """The body of ``POST /api/stories/{id}/verify``."""

    summary: SummaryText = Field(
        description=(
            f"The summary to check: plain text, at most {MAX_SUMMARY_CHARS:,} characters "
            "(413 above), not empty, no control characters but tab and line breaks."
        ),
        examples=["The union rejected a 4% pay rise on Tuesday."],
    )


def within_limit(summary: str) -> str:
    """``summary`` unchanged, or 413 if it is longer than a summary may be."""
    if len(summary) > MAX_SUMMARY_CHARS:
        raise HTTPException(
            413, f"the summary has {len(summary):,} characters; at most {MAX_SUMMARY_CHARS:,}"
        )
    return summary


PageQuery = Annotated[int, Query(ge=1, le=MAX_PAGE, description="1-based page number.")]
PerPageQuery = Annotated[int | None, Query(ge=1, le=MAX_PER_PAGE, description="Rows a page.")]
SinceQuery = Annotated[
    datetime | None, Query(description="An ISO time with its zone: mark stories changed after it.")
]
# The limit sits on the text itself: on the optional parameter, pydantic counted "items"
# ("Value should have at most 500 items after validation, not 5000" for a long q).
MAX_QUERY_CHARS = 500
SearchText = Annotated[
    str, StringConstraints(max_length=MAX_QUERY_CHARS), AfterValidator(no_controls)
]
SearchQuery = Annotated[SearchText | None, Query(description="Words that must all occur.")]
StoryId = Annotated[
    Text, Path(min_length=1, max_length=MAX_ID_CHARS, description="Story id or unique prefix.")
]
ArticleId = Annotated[
    Text, Path(min_length=1, max_length=MAX_ID_CHARS, description="Article id or unique prefix.")
]
JobId = Annotated[Text, Path(min_length=1, max_length=MAX_ID_CHARS, description="Job id.")]


def open_store(request: Request) -> Iterator[Store]:
    """One store connection per request, closed when the response is sent."""
    with services(request).store() as store:
        yield store


StoreDep = Annotated[Store, Depends(open_store)]
ServicesDep = Annotated[Services, Depends(services)]


def find_story(store: Store, story_id: str) -> Story:
    """The story with this id or unique prefix (of 4+ characters, as on the command
    line); 404 if none, saying why: unknown, too short, or shared by the ids it lists."""
    try:
        return lookup.find_story(store, story_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None


def story_brief(story_id: StoryId, store: StoreDep, svc: ServicesDep) -> CachedBrief:
    """The brief of the story named in the path (computed on first request, then cached)."""
    return svc.briefs.get(store, find_story(store, story_id))


@dataclass(frozen=True)
class ArticleView:
    """An article and its current analysis, or the failure recorded when its analysis
    raised (both None only when the store cannot record failures)."""

    article: Article
    analysis: Analysis | None
    failure: AnalysisFailure | None = None


def article_view(article_id: ArticleId, store: StoreDep) -> ArticleView:
    """The article named in the path with its analysis: the stored one or the stored
    failure (two lookups), else computed and stored now; 404 if no article has this id
    or unique prefix (of 4+ characters), saying why."""
    from newsprism.analyze.analyzer import ANALYZER_VERSION
    from newsprism.analyze.batch import analyze_run

    try:
        article = lookup.find_article(store, article_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    stored = store.get_analysis(article.id, ANALYZER_VERSION)
    failed = store.analysis_failures([article.id])
    if stored is not None or failed:  # a failed analysis is retried by analyze, not a view
        return ArticleView(article, stored, None if stored else failed[0])
    run = analyze_run(store, [article.id])
    return ArticleView(article, run.analyses.get(article.id), next(iter(run.failures), None))


def find_job(job_id: JobId, svc: ServicesDep) -> Job:
    """The ingest job named in the path; 404 if unknown (or long finished and dropped)."""
    job = svc.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job with id {job_id!r}")
    return job


BriefDep = Annotated[CachedBrief, Depends(story_brief)]
ArticleDep = Annotated[ArticleView, Depends(article_view)]
JobDep = Annotated[Job, Depends(find_job)]
