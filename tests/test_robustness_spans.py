"""The span promise on an awkward invented story: every passage, quote, quantity, date,
fact value, statement variant and claim of the brief's report has ``text[start:end] ==
text`` in its article's clean text, and the brief is made without an error. The story
exercises today's rules (speech acts, reprints, dated events and quotes, reduced
relatives, votes, antonyms, vague plurals) next to curly quotes, non-breaking spaces, RTL
text, emoji, empty quotes and text ending mid-quote."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story, article_id
from newsprism.reconcile.brief import BriefOptions, Reconciler
from newsprism.reconcile.material import StoryMaterial
from newsprism.render.jsonout import brief_to_dict

PUBLISHED = datetime(2024, 3, 8, 12, 0, tzinfo=UTC)  # a Friday
NB = "\u00a0"
HERALD = (
    "The levy bill, vetoed by Governor Edvin Rask on Tuesday, returns to the Kelmar council."
    f"\n\nRask told reporters on Tuesday that the levy was \u201cunfair to every family in "
    f"the valley\u201d and vowed to fight it.{NB}He blamed the council for the delay 😀 and "
    "accused Mayor Ana Holt of ignoring \u05e9\u05dc\u05d5\u05dd residents.\n\n"
    "\u201cWe will close the port of Sarnow before the winter storms arrive,\u201d Rask said "
    "Tuesday.\n\nThe mayoral debate was held on Tuesday. After meeting the harbour master "
    "on Monday, Holt left.\n\nThe harbour board met at dawn to weigh the closure of the old "
    "ferry pier for good.\n\nScores of others were injured, and about 30% of voters opposed "
    "it. \u201c\u201d said Rask. \u201c said Holt"
)
TIMES = (
    "Governor Edvin Rask signed the levy bill on Wednesday, Rask made the announcement in "
    "a short statement and urged the union to return to work.\n\nHere is an excerpt from "
    "the Kelmar Herald report:\n\nThe harbour board met at dawn to weigh the closure of the "
    "old ferry pier for good.\n\nRask said Wednesday: \u201cWe will close the port of Sarnow "
    "before the winter storms arrive.\u201d\n\nThursday's mayoral debate drew 53 wounded, "
    "and nearly a third of voters opposed it. Holt has never met the harbour master."
)
WIRE = (
    "Governor Rask has not signed the levy bill. Rask, who has announced his run on "
    "Tuesday, has been outspoken.\n\nOn Thursday, the Senate voted 60-38 on the levy bill. "
    "Ana Holt is not a member of the board. She denied it. 0 people were hurt; 0% of 0 "
    f"voters.\n\nHe said that he said that he said that nothing changed.{NB}\u201cThe pier"
)


@pytest.fixture(scope="module")
def report() -> Iterator[tuple[dict[str, str], dict[str, Any], list[dict[str, Any]]]]:
    analyzer = Analyzer()
    articles = [
        Article(article_id(o, t), f"{o}.txt", t, outlet=o, published=PUBLISHED)
        for o, t in (("Kelmar Herald", HERALD), ("Valley Times", TIMES), ("Coast Wire", WIRE))
    ]
    analyses = {a.id: analyzer.analyze(a) for a in articles}
    story = Story("s", None, tuple(a.id for a in articles))
    brief = Reconciler(BriefOptions(embeddings="off")).brief(
        StoryMaterial(story, articles, analyses)
    )
    records = [
        {"article": an.article_id, **item}
        for an in analyses.values()
        for kind in (an.quotes, an.quantities, an.dates)
        for item in (q.to_dict() for q in kind)
    ]
    yield {a.id: a.text for a in articles}, brief_to_dict(brief), records


def report_spans(obj: Any, article: str | None = None) -> Iterator[tuple[str, int, int, str]]:
    """Every (article, start, end, text) in a report object, its article inherited."""
    if isinstance(obj, dict):
        article = obj.get("article") if isinstance(obj.get("article"), str) else article
        if article and isinstance(obj.get("start"), int) and isinstance(obj.get("text"), str):
            yield article, obj["start"], obj["end"], obj["text"]
        for value in obj.values():
            yield from report_spans(value, article)
    elif isinstance(obj, list):
        for value in obj:
            yield from report_spans(value, article)


def test_every_span_of_the_brief_is_its_articles_text(
    report: tuple[dict[str, str], dict[str, Any], list[dict[str, Any]]],
) -> None:
    texts, brief, _ = report
    spans = list(report_spans(brief))
    assert len(spans) > 20  # the rules found something to check
    bad = [(a, s, e, t) for a, s, e, t in spans if texts[a][s:e] != t]
    assert bad == []


def test_every_quote_quantity_and_date_span_is_its_articles_text(
    report: tuple[dict[str, str], dict[str, Any], list[dict[str, Any]]],
) -> None:
    texts, _, records = report
    assert records
    bad = [r for r in records if texts[r["article"]][r["start"] : r["end"]] != r["text"]]
    assert bad == []
