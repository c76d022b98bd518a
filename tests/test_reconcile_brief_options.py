"""BriefOptions reach every step of the brief."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story, article_id
from newsprism.reconcile.brief import BriefOptions, Reconciler
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)
TEXTS = [
    (
        "Kelmar Post",
        "The Kelmar port reopened on Monday after the storm, the harbour board said.\n\n"
        "About 300 ships waited outside the port during the two-day closure.\n\n"
        "The storm damaged 40 boats in the Kelmar marina on Saturday night.\n\n"
        "Harbour pilots guided the first ferries in at dawn on Monday.",
    ),
    (
        "Tessel FM",
        "The harbour board reopened the Kelmar port on Monday after the storm.\n\n"
        "Some 300 ships had waited outside the port while it was closed for two days.\n\n"
        "Forty boats in the Kelmar marina were damaged by the storm on Saturday night.\n\n"
        "The first ferries entered the port at dawn on Monday, guided by pilots.",
    ),
]


def test_each_steps_options_are_used() -> None:
    articles = [
        Article(article_id(o, t), f"{o}.txt", t, outlet=o, published=PUBLISHED, language="en")
        for o, t in TEXTS
    ]
    analyses = {a.id: x for a, x in zip(articles, Analyzer().analyze_many(articles), strict=True)}
    material = StoryMaterial(Story("s", "t", tuple(a.id for a in articles)), articles, analyses)
    similarity = LexicalSimilarity()
    plain = Reconciler(BriefOptions(embeddings="off"), similarity).brief(material)
    base = BriefOptions(embeddings="off")
    narrow = replace(
        base,
        summary=replace(base.summary, min_sentences=1, max_sentences=1),
        timeline=replace(base.timeline, merge_similarity=2.0, dense_merge_similarity=2.0),
    )
    brief = Reconciler(narrow, similarity).brief(material)
    assert len(plain.summary) > 1 and len(brief.summary) == 1
    # nothing may merge: every dated mention is its own event
    assert all(len(e.mentions) == 1 for e in brief.timeline)
    assert any(len(e.mentions) > 1 for e in plain.timeline)
