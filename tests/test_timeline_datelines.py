"""Timeline anchors from a wire dateline (reconcile/timeline.py, ``story_anchors``): an
undated copy counts its relative dates from the day its dateline names, in the year
nearest the story's median publication day, also when that day is after the median
and across a new year. Invented stories."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.timeline import story_anchors

CET = timezone(timedelta(hours=1))
SIBLING = (
    "Dock workers at Lorvik walked out on Monday over a new shift roster, halting "
    "container traffic at the port."
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _story(analyzer: Analyzer, dateline: str, published: list[datetime]) -> StoryMaterial:
    """Dated siblings published on ``published``, and one undated wire copy that opens
    with ``dateline``."""
    items = [(f"Outlet {n}", SIBLING, day) for n, day in enumerate(published)]
    wire = f"LORVIK, {dateline} (CPA) - The strike at the port of Lorvik went on on Tuesday."
    items.append(("CPA", wire, None))
    articles = [
        Article(article_id(o, t), f"{o}.txt", t, outlet=o, published=p, language="en")
        for o, t, p in items
    ]
    analyses = dict(zip([a.id for a in articles], analyzer.analyze_many(articles), strict=True))
    return StoryMaterial(
        Story("story", "invented", tuple(a.id for a in articles)), articles, analyses
    )


@pytest.mark.parametrize(
    ("dateline", "published", "day"),
    [
        # Two days after the median: the same year (was read back, a year early).
        ("March 5", [datetime(2026, 3, 3, 9, tzinfo=CET), datetime(2026, 3, 3, 17, tzinfo=CET)],
         date(2026, 3, 5)),
        # January after a December median: the next year (was the median's year).
        ("Jan. 2", [datetime(2025, 12, 30, 9, tzinfo=CET), datetime(2025, 12, 31, 9, tzinfo=CET)],
         date(2026, 1, 2)),
        # December before a January median: the year before.
        ("Dec. 30", [datetime(2026, 1, 2, 9, tzinfo=CET), datetime(2026, 1, 3, 9, tzinfo=CET)],
         date(2025, 12, 30)),
        # Before the median: read back, as before.
        ("March 4", [datetime(2026, 3, 9, 9, tzinfo=CET), datetime(2026, 3, 10, 9, tzinfo=CET)],
         date(2026, 3, 4)),
    ],
)  # fmt: skip
def test_a_dateline_is_read_in_the_year_nearest_the_median(
    analyzer: Analyzer, dateline: str, published: list[datetime], day: date
) -> None:
    material = _story(analyzer, dateline, published)
    assert story_anchors(material)[material.articles[-1].id] == day
