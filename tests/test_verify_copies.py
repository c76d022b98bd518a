"""Verify over a story where a wire text reaches many outlets word for word and one outlet
of its own gives another figure (invented: a warehouse fire in a made-up town).

The copies repeat one sentence; they must not crowd the other outlet's sentence out of
what verify weighs, and a summary sentence one side backs must still show the other side
(as the brief's summary shows "disputed by" beside its supporters)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Brief, CheckedSentence, Story, article_id
from newsprism.reconcile.brief import BriefOptions, Reconciler
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.verify import Verifier

WIRE = (
    "BRANTFORD, June 2 - A fire at a paper warehouse in Brantford injured 14 workers on "
    "Sunday, the regional fire service said.\n\n"
    "Crews from three towns fought the blaze through the night.\n\n"
    "The warehouse employs about 250 people."
)
OWN = (
    "A fire at a paper warehouse in Brantford injured 21 workers on Sunday, the regional "
    "fire service said.\n\n"
    "Neighbours watched the smoke drift over the river until dawn. The owners said they "
    "would rebuild on the same site."
)
COPIES = 9  # more than VerifyOptions.candidates (8): every slot a copy before the fix


def _article(outlet: str, text: str) -> Article:
    return Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)


@pytest.fixture(scope="module")
def checker() -> Iterator[tuple[Verifier, StoryMaterial, Brief]]:
    articles = [_article(f"Paper {i}", WIRE) for i in range(COPIES)]
    articles.append(_article("Valley Voice", OWN))
    analyzer = Analyzer()
    analyses = {a.id: x for a, x in zip(articles, analyzer.analyze_many(articles), strict=True)}
    story = Story("sfire0000001", "Warehouse fire", tuple(a.id for a in articles))
    material = StoryMaterial(story, articles, analyses)
    reconciler = Reconciler(BriefOptions(embeddings="off"))
    yield Verifier(reconciler.similarity, analyzer), material, reconciler.brief(material)


def _one(checker: tuple[Verifier, StoryMaterial, Brief], text: str) -> CheckedSentence:
    verifier, material, brief = checker
    (sentence,) = verifier.verify(material, brief, text).sentences
    return sentence


def _by(sentence: CheckedSentence, relation: str) -> set[str | None]:
    return {m.passage.outlet for m in sentence.sources if m.relation == relation}


def test_the_copies_figure_is_backed_and_the_other_outlets_figure_shown(checker: Any) -> None:
    sentence = _one(checker, "A fire at a paper warehouse in Brantford injured 14 workers.")
    assert sentence.verdict == "supported"
    assert "Paper 0" in _by(sentence, "supports")
    assert _by(sentence, "contradicts") == {"Valley Voice"}
    (other,) = [m for m in sentence.sources if m.relation == "contradicts"]
    assert other.conflict == "number"
    assert "21 workers" in other.passage.text
    assert "another figure" in sentence.note


def test_the_other_outlets_figure_is_backed_by_it_and_disputed_by_the_copies(
    checker: Any,
) -> None:
    sentence = _one(checker, "A fire at a paper warehouse in Brantford injured 21 workers.")
    assert sentence.verdict == "supported"
    assert _by(sentence, "supports") == {"Valley Voice"}
    assert "Paper 0" in _by(sentence, "contradicts")


def test_a_sentence_every_source_agrees_on_carries_no_dispute(checker: Any) -> None:
    sentence = _one(checker, "The warehouse employs about 250 people.")
    assert sentence.verdict == "supported"
    assert sentence.note == ""
    assert not _by(sentence, "contradicts")


def test_every_source_span_gives_back_its_text(checker: Any) -> None:
    verifier, material, brief = checker
    text = "A fire at a paper warehouse in Brantford injured 14 workers. Crews fought it."
    for sentence in verifier.verify(material, brief, text).sentences:
        for match in sentence.sources:
            article = material.by_id[match.passage.article]
            assert article.text[match.passage.start : match.passage.end] == match.passage.text
