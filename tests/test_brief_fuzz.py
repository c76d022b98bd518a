"""Briefs of stories made of arbitrary texts: nothing raises but our own errors, and every
span of the JSON brief is its article's text.

Each story has one to four articles; each text is a shared invented base paragraph (so
statements, facts and summary sentences line up across outlets) mixed with the soups of
``test_analysis_fuzz`` (any Unicode, quote marks, numbers, dates) and repeated or cut,
under publication dates from year 1 to 9999. 60 cases a run (a brief costs more than an
analysis); ``NEWSPRISM_FUZZ_EXAMPLES`` sets more for a longer hunt (a tenth of it here).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.analyze.analyzer import Analyzer
from newsprism.errors import NewsprismError
from newsprism.model import Article, Story, article_id
from newsprism.reconcile.brief import BriefOptions, Reconciler
from newsprism.reconcile.material import StoryMaterial
from newsprism.render.jsonout import brief_to_dict
from tests.test_analysis_fuzz import PUBLISHED, TEXTS
from tests.test_robustness_spans import report_spans

BASE = (
    "The Tarnow dam on the Velka river cracked on Tuesday, forcing 1,200 residents of "
    "Osterby to leave. \u201cWe will not reopen the dam until it is safe,\u201d said Hana "
    "Lisowska, head of the Velka water board. Repairs will cost 4.5 million euros."
)
BODIES = st.one_of(
    TEXTS,
    st.tuples(TEXTS, st.sampled_from(("\n\n", " ", ""))).map(lambda t: BASE + t[1] + t[0]),
    st.tuples(TEXTS, st.integers(0, len(BASE))).map(lambda t: t[0] + BASE[: t[1]]),
    st.tuples(TEXTS, st.integers(1, 4)).map(lambda t: "\n\n".join([BASE, t[0]] * t[1])),
)
OUTLETS = ("Kelmar Herald", "Valley Times", "Coast Wire", "kelmar-herald")

EXAMPLES = int(os.environ.get("NEWSPRISM_FUZZ_EXAMPLES", "600")) // 10


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.timeout(max(900, 30 * EXAMPLES))  # a longer hunt must not hit the 300 s default
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    bodies=st.lists(st.tuples(BODIES, PUBLISHED), min_size=1, max_size=4),
)
def test_any_story_is_briefed_with_true_spans(
    analyzer: Analyzer, bodies: list[tuple[str, datetime | None]]
) -> None:
    articles = [
        Article(
            article_id(OUTLETS[i], f"{i}{text}"),
            f"{i}.txt",
            text,
            outlet=OUTLETS[i],
            language="en",
            published=published,
        )
        for i, (text, published) in enumerate(bodies)
        if text.strip()
    ]
    if not articles:
        return
    try:
        analyses = {a.id: analyzer.analyze(a) for a in articles}
        story = Story("s", None, tuple(a.id for a in articles))
        brief = Reconciler(BriefOptions(embeddings="off")).brief(
            StoryMaterial(story, articles, analyses)
        )
    except NewsprismError:
        return
    texts = {a.id: a.text for a in articles}
    report = brief_to_dict(brief)
    bad = [(a, s, e, t) for a, s, e, t in report_spans(report) if texts[a][s:e] != t]
    assert bad == []
    for entry in report.get("timeline", []):
        assert entry["date"] is None or entry["date"][:1].isdigit()


DATE_SOUP = (
    " Tomorrow, yesterday, next year, last week, in two years, next month, on Monday, "
    "two weeks ago, early January, Dec. 31, Jan. 1, February 29, in 2 months."
)


@pytest.mark.parametrize(
    "published",
    [
        (datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC),),
        # The timeline's window (publication days +- a margin) overflowed the calendar:
        # OverflowError, no brief, for a story published in the last or first days.
        (datetime(9999, 12, 31, 23, tzinfo=UTC), None),
        (datetime(1, 1, 1, tzinfo=UTC), None),
        (datetime(9999, 12, 25, tzinfo=UTC), datetime(1, 1, 2, tzinfo=UTC)),
    ],
)
def test_relative_dates_at_the_ends_of_the_calendar_are_briefed(
    analyzer: Analyzer, published: tuple[datetime | None, ...]
) -> None:
    text = BASE + DATE_SOUP
    articles = [
        Article(article_id(OUTLETS[i], text), f"{i}.txt", text, outlet=OUTLETS[i], published=p)
        for i, p in enumerate(published)
    ]
    analyses = {a.id: analyzer.analyze(a) for a in articles}
    brief = Reconciler(BriefOptions(embeddings="off")).brief(
        StoryMaterial(Story("s", None, tuple(a.id for a in articles)), articles, analyses)
    )
    report = brief_to_dict(brief)
    assert report["timeline"]
    assert all(text[s:e] == t for _, s, e, t in report_spans(report))
