"""Facts: a share bounded in fraction words ("more than a third", "nearly half") reaches
as far as a round figure's bound, one step of its denominator at most a quarter of it
(reconcile/figures.py; invented names and events)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Fact, Story, article_id
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.material import StoryMaterial

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _fact(analyzer: Analyzer, bound: str, digits: str) -> Fact:
    texts = [
        ("Tarvel Today", f"{bound} of the Kellan ferries ran late last winter, the port said."),
        ("Fjord Post", f"The port said {digits} of the Kellan ferries ran late last winter."),
    ]
    articles = [
        Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet, published=PUBLISHED)
        for outlet, text in texts
    ]
    story = Story("invented", None, tuple(a.id for a in articles))
    material = StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})
    return next(f for f in compare_facts(material) if len(f.values) == 2)


@pytest.mark.parametrize(
    ("bound", "digits", "status"),
    [
        ("More than a third", "37 percent", "agree"),
        ("More than a third", "45 percent", "differ"),
        ("Nearly half", "44 percent", "agree"),
        ("Nearly half", "35 percent", "differ"),
        ("Over two-thirds", "72 percent", "agree"),
        ("Fewer than a quarter", "30 percent", "differ"),
        # A percent in words is no fraction: its bound is a round figure's (review
        # s42/4 M1).
        ("More than eighty percent", "97 percent", "differ"),
        ("Over sixty percent", "74 percent", "differ"),
        ("More than eighty percent", "83 percent", "agree"),
    ],
)
def test_a_share_bounded_in_fraction_words_reaches_a_round_figures_span(
    analyzer: Analyzer, bound: str, digits: str, status: str
) -> None:
    fact = _fact(analyzer, bound, digits)
    assert {v.passage.text for v in fact.values} == {bound, digits}
    assert fact.status == status
