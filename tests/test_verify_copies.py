"""Verify over a story where a wire text reaches many outlets word for word and one outlet
of its own gives another figure (invented: a warehouse fire in a made-up town).

The copies repeat one sentence; they must not crowd the other outlet's sentence out of
what verify weighs, and a summary sentence one side backs must still show the other side
(as the brief's summary shows "disputed by" beside its supporters). A figure of another
event (another year, or given by an outlet that itself backs the sentence) is no rival
count (invented: a flood at a made-up pumping station)."""

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


FLOOD = (
    "A flood at the pumping station in Orley cut water to 5,000 homes on Tuesday, the utility said."
)
FLOOD_WIRE = FLOOD + "\n\nEngineers worked through the night to drain the pumps."
FLOOD_OUTLETS = (
    ("Wire A", FLOOD_WIRE),
    ("Wire B", FLOOD_WIRE.replace("Engineers", "Crews")),
    # Backs the sentence, and recalls an older flood without a date: not a rival.
    (
        "Hill Gazette",
        FLOOD + "\n\nA flood at the same pumping station in Orley once cut water to 900 "
        "homes, the utility said.\n\nThe utility said it would fit new barriers.",
    ),
    # Only the older flood, dated another year: another event.
    (
        "River Post",
        "Residents queued for bottled water outside the town hall.\n\nA flood at the same "
        "pumping station in Orley cut water to 900 homes in 2017, the utility said.",
    ),
    # Another count of this flood, on the same day: the rival.
    (
        "Lake Herald",
        "A flood at the pumping station in Orley cut water to 7,000 homes on Tuesday, the "
        "utility said.\n\nSchools stayed open.",
    ),
)

Checker = tuple[Verifier, StoryMaterial, Brief]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _checker(analyzer: Analyzer, story_id: str, articles: list[Article]) -> Checker:
    analyses = {a.id: x for a, x in zip(articles, analyzer.analyze_many(articles), strict=True)}
    story = Story(story_id, story_id, tuple(a.id for a in articles))
    material = StoryMaterial(story, articles, analyses)
    reconciler = Reconciler(BriefOptions(embeddings="off"))
    return Verifier(reconciler.similarity, analyzer), material, reconciler.brief(material)


@pytest.fixture(scope="module")
def checker(analyzer: Analyzer) -> Iterator[Checker]:
    articles = [_article(f"Paper {i}", WIRE) for i in range(COPIES)]
    articles.append(_article("Valley Voice", OWN))
    yield _checker(analyzer, "sfire0000001", articles)


@pytest.fixture(scope="module")
def flood(analyzer: Analyzer) -> Iterator[Checker]:
    yield _checker(analyzer, "sflood000001", [_article(o, t) for o, t in FLOOD_OUTLETS])


def _one(checker: Checker, text: str) -> CheckedSentence:
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


@pytest.mark.parametrize(
    "text",
    [
        "A flood at the pumping station in Orley cut water to 5,000 homes on Tuesday.",
        "A flood at the pumping station in Orley cut water to 5,000 homes.",
        "Water was cut to 5,000 homes in Orley.",
    ],
)
def test_a_figure_of_another_event_is_no_rival(flood: Checker, text: str) -> None:
    sentence = _one(flood, text)
    assert sentence.verdict == "supported"
    assert {"Wire A", "Hill Gazette"} <= _by(sentence, "supports")
    # The older flood (dated 2017, or told by an outlet that backs the sentence) is left
    # out; the same day's other count is shown.
    assert _by(sentence, "contradicts") == {"Lake Herald"}
    assert sentence.note == "backed, but a source gives another figure"


def test_the_rival_count_is_disputed_by_the_outlets_backing_the_first(flood: Checker) -> None:
    sentence = _one(
        flood, "A flood at the pumping station in Orley cut water to 7,000 homes on Tuesday."
    )
    assert sentence.verdict == "supported"
    assert _by(sentence, "supports") == {"Lake Herald"}
    assert _by(sentence, "contradicts") == {"Wire A", "Wire B", "Hill Gazette"}


def test_a_sentence_only_the_other_years_figure_differs_from_carries_no_note(
    analyzer: Analyzer,
) -> None:
    outlets = [o for o in FLOOD_OUTLETS if o[0] != "Lake Herald"]
    checker = _checker(analyzer, "sflood000002", [_article(o, t) for o, t in outlets])
    sentence = _one(
        checker, "A flood at the pumping station in Orley cut water to 5,000 homes on Tuesday."
    )
    assert sentence.verdict == "supported"
    assert sentence.note == ""
    assert not _by(sentence, "contradicts")


# One outlet's morning report and its evening update of one leak, and another outlet
# that gives the morning's count.
LEAK_MORNING = (
    "A gas leak at the Orley ferry terminal injured 3 workers on Tuesday, the fire service "
    "said.\n\nThe terminal was closed for the day."
)
LEAK_EVENING = (
    "A gas leak at the Orley ferry terminal injured 5 workers on Tuesday, the fire service "
    "said in an update.\n\nTwo of them were kept in hospital overnight."
)
LEAK_OTHER = (
    "Three workers were hurt when gas leaked at the Orley ferry terminal on Tuesday, the "
    "fire service said.\n\nFerries used the north quay instead."
)


def test_a_same_outlets_later_update_is_a_rival_figure(analyzer: Analyzer) -> None:
    articles = [
        _article("Quay Times", LEAK_MORNING),
        _article("Quay Times", LEAK_EVENING),
        _article("Harbour Post", LEAK_OTHER),
    ]
    checker = _checker(analyzer, "sleak0000001", articles)
    sentence = _one(checker, "A gas leak at the Orley ferry terminal injured 3 workers on Tuesday.")
    assert sentence.verdict == "supported"
    assert "Quay Times" in _by(sentence, "supports")
    (update,) = [m for m in sentence.sources if m.relation == "contradicts"]
    assert update.passage.outlet == "Quay Times" and "5 workers" in update.passage.text
    assert sentence.note == "backed, but a source gives another figure"
