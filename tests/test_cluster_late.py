"""Late articles (issue 10): an article dated long before the newest one seen still joins
the story of its own dates when the feed brings old articles after newer ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from newsprism.cluster.stories import LATE_ARRIVALS, ArticleSignals, StoryClusterer
from tests.test_cluster_stories import (
    BAKERIES,
    FROST,
    OPTIONS,
    STRIKE_COURIER,
    STRIKE_GAZETTE,
    T0,
)


def at(signals: ArticleSignals, days: float) -> ArticleSignals:
    return replace(signals, published=T0 + timedelta(days=days))


def backfill(c: StoryClusterer) -> str:
    """Bakeries (day 30), then the strike's first report (day 0, late), then frost (day
    70: the latest date moves 70 days past the strike's first report); the strike story."""
    c.add(at(BAKERIES, 30.0))
    strike = c.add(STRIKE_COURIER)
    c.add(at(FROST, 70.0))
    return strike


def test_a_late_article_joins_its_story_after_newer_ones_came() -> None:
    c = StoryClusterer(OPTIONS)
    strike = backfill(c)
    assert c.add(STRIKE_GAZETTE) == strike  # day 0.1, after day 70


def test_the_late_horizon_survives_a_state_round_trip() -> None:
    c = StoryClusterer(OPTIONS)
    strike = backfill(c)
    restored = StoryClusterer.from_state(c.state(), OPTIONS)
    assert restored.add(STRIKE_GAZETTE) == strike


def test_without_late_arrivals_a_story_freezes_as_before() -> None:
    c = StoryClusterer(OPTIONS)
    strike = backfill(c)
    for n in range(LATE_ARRIVALS):  # in order from day 70 on: the late one ages out
        c.add(at(replace(FROST, article_id=f"frost-{n}"), 70.0 + n / 10))
    assert c.add(STRIKE_GAZETTE) != strike
