"""Page debris and dangling openings stay out of the brief: related-headline lists at a
page's foot are not mined, a summary line never leans on a sentence it leaves out, and
an outlet's own name is no person."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story, article_id
from newsprism.reconcile.exclusives import find_exclusives
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.material import StoryMaterial, headline_lists
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statements import align_statements
from newsprism.reconcile.summary import summarize

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)

FOOT = (
    "More news\n"
    "01:15 Ferry fares to rise by 12% from June\n"
    "02:12 Storm damages 40 boats in Kelmar marina\n"
)
INLINE_FOOT = "01:15 Ferry fares to rise by 12% from June 02:12 Storm damages 40 boats in Kelmar"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _material(analyzer: Analyzer, items: list[tuple[str, str]]) -> StoryMaterial:
    articles = [
        Article(article_id(o, t), f"{o}.txt", t, outlet=o, published=PUBLISHED, language="en")
        for o, t in items
    ]
    analyses = {a.id: x for a, x in zip(articles, analyzer.analyze_many(articles), strict=True)}
    return StoryMaterial(Story("s", "t", tuple(a.id for a in articles)), articles, analyses)


def test_headline_lists_are_found() -> None:
    text = "The port reopened on Monday after the storm.\n\n" + FOOT
    spans = headline_lists(text)
    assert [text[s:e] for s, e in spans] == FOOT.splitlines()[1:]
    assert headline_lists(INLINE_FOOT) == [(0, len(INLINE_FOOT))]
    # one time-stamped line in running text is no list
    assert headline_lists("The vote closed at 14:05 Local officials counted.\n") == []


BODY_A = (
    "The Kelmar port reopened on Monday after the storm, the harbour board said.\n\n"
    "About 300 ships waited outside the port during the closure.\n\n"
)
BODY_B = (
    "The harbour board reopened the Kelmar port on Monday after the storm.\n\n"
    "Some 300 ships had waited outside the port while it was closed.\n\n"
)


def test_related_headlines_are_not_mined(analyzer: Analyzer) -> None:
    material = _material(analyzer, [("Kelmar Post", BODY_A + FOOT), ("Tessel FM", BODY_B + FOOT)])
    facts = compare_facts(material)
    figures = {v.passage.text for f in facts for v in f.values}
    assert not any("12%" in t or "40 boats" in t for t in figures), figures
    for sentence in summarize(material, LexicalSimilarity()):
        assert not material.in_headline_list(sentence.passage.article, sentence.passage.start)


LEANING = (
    "If that fails, the harbour board will close the northern channel to all ferries "
    "for the rest of the winter season."
)


def test_a_summary_line_never_opens_with_a_dangling_reference(analyzer: Analyzer) -> None:
    a = BODY_A + "The board wants the dredging firm to clear the silt by March.\n\n" + LEANING
    b = BODY_B + "The dredging firm must clear the silt by March, the board said.\n\n" + LEANING
    material = _material(analyzer, [("Kelmar Post", a), ("Tessel FM", b)])
    texts = [s.passage.text for s in summarize(material, LexicalSimilarity())]
    assert texts and not any(t.startswith("If that fails") for t in texts)


def test_an_outlets_own_name_is_no_exclusive_person(analyzer: Analyzer) -> None:
    a = (
        "The ministry planned to close the Kelmar pier, according to documents seen by "
        "the Tribune.\n\nMayor Ilona Varga said the pier would stay open."
    )
    b = "Mayor Ilona Varga said on Monday that the Kelmar pier would stay open."
    material = _material(analyzer, [("Ardmoor Tribune", a), ("Tessel FM", b)])
    statements = align_statements(material, LexicalSimilarity())
    found = find_exclusives(material, statements, compare_facts(material), LexicalSimilarity())
    people = [e.passage.text for e in found if e.kind == "person"]
    assert "Tribune" not in people
