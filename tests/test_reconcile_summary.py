"""Summary: an extractive, cited brief of each sample story and of invented stories."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import numpy as np
import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.cluster.vectors import dense_available
from newsprism.model import Article, Story, SummarySentence, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity
from newsprism.reconcile.summary import SummaryOptions, summarize
from newsprism.reconcile.timeline import publication_order

CET = timezone(timedelta(hours=1))
needs_dense = pytest.mark.skipif(not dense_available(), reason="the 'embed' extra is missing")
SIMILARITIES = ["lexical", pytest.param("dense", marks=needs_dense)]


@pytest.fixture(scope="module")
def similarities(request: pytest.FixtureRequest) -> Callable[[str], TextSimilarity]:
    """The similarity of a name: lexical, or the session's dense one (skips without it)."""
    lexical = LexicalSimilarity()

    def get(name: str) -> TextSimilarity:
        if name == "lexical":
            return lexical
        dense: TextSimilarity = request.getfixturevalue("dense_similarity")
        return dense

    return get


def _similarity(similarities: Callable[[str], TextSimilarity], name: str) -> TextSimilarity:
    return similarities(name)


@pytest.fixture(scope="module")
def briefs() -> dict[tuple[str, str], list[SummarySentence]]:
    return {}


def _brief(
    briefs: dict[tuple[str, str], list[SummarySentence]],
    similarities: Callable[[str], TextSimilarity],
    story: Any,
    name: str,
) -> list[SummarySentence]:
    key = (story.name, name)
    if key not in briefs:
        briefs[key] = summarize(story.material, _similarity(similarities, name))
    return briefs[key]


@pytest.mark.parametrize("similarity", SIMILARITIES)
def test_samples_get_five_to_sixteen_exact_well_supported_sentences(
    sample_stories: dict[str, Any],
    similarities: Callable[[str], TextSimilarity],
    briefs: dict[tuple[str, str], list[SummarySentence]],
    similarity: str,
) -> None:
    for name, story in sample_stories.items():
        material = story.material
        brief = _brief(briefs, similarities, story, similarity)
        # the best-supported sentences lead: at least four carried by two sources or more
        # (support counts only outlets whose own sentence agrees on numbers and negation)
        assert sum(material.sources(s.sources) >= 2 for s in brief) >= 4, name
        assert 5 <= len(brief) <= 16, name
        words = sum(len(s.passage.text.split()) for s in brief)
        assert words <= 300 + 45, name  # the budget, plus at most one sentence past it
        for sentence in brief:
            passage = sentence.passage
            article = material.by_id[passage.article]
            assert article.text[passage.start : passage.end] == passage.text
            assert passage.outlet == material.outlet(article.id)
            assert passage.article in sentence.sources
            assert len(set(sentence.sources)) == len(sentence.sources)
            assert set(sentence.sources) <= set(material.story.articles)
            assert sentence.sources and sentence.support  # every sentence cited
            text = passage.text
            assert not text.rstrip("\"'”’»").endswith("?")
            assert "\n" not in text
            assert not text.startswith(("LORVIK,", "VERANSK,", "TRESNYAVETS"))  # datelines


@pytest.mark.parametrize("similarity", SIMILARITIES)
def test_sample_briefs_have_no_near_duplicates_and_read_in_story_order(
    sample_stories: dict[str, Any],
    similarities: Callable[[str], TextSimilarity],
    briefs: dict[tuple[str, str], list[SummarySentence]],
    similarity: str,
) -> None:
    lexical = LexicalSimilarity()
    for story in sample_stories.values():
        brief = _brief(briefs, similarities, story, similarity)
        texts = [s.passage.text for s in brief]
        same = lexical.matrix(texts, texts)
        np.fill_diagonal(same, 0.0)
        assert same.max() < SummaryOptions().support_similarity  # not even lexically close
        order = publication_order(story.material)
        keys = [(order[s.passage.article], s.passage.start) for s in brief]
        assert keys == sorted(keys)


def test_copies_count_once(
    sample_stories: dict[str, Any],
    similarities: Callable[[str], TextSimilarity],
    briefs: dict[tuple[str, str], list[SummarySentence]],
) -> None:
    for story in sample_stories.values():
        material = story.material
        ((wire, copy),) = material.story.duplicates
        for sentence in _brief(briefs, similarities, story, "lexical"):
            sources = sentence.sources
            if wire in sources and copy in sources:
                assert material.sources(sources) == len(sources) - 1
        texts = [s.passage.text for s in _brief(briefs, similarities, story, "lexical")]
        assert len(set(texts)) == len(texts)


# --- invented stories ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _material(
    analyzer: Analyzer,
    items: Sequence[tuple[str, str, datetime | None]],
    duplicates: tuple[tuple[int, ...], ...] = (),
) -> StoryMaterial:
    articles = [
        Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet,
                title=f"{outlet} report", published=published, language="en")
        for outlet, text, published in items
    ]  # fmt: skip
    analyses = {a.id: x for a, x in zip(articles, analyzer.analyze_many(articles), strict=True)}
    groups = tuple(tuple(articles[i].id for i in group) for group in duplicates)
    story = Story("story", "invented", tuple(a.id for a in articles), groups)
    return StoryMaterial(story, articles, analyses)


WIRE = (
    "TESSEL, May 6 (CWR) - The Tessel harbour board approved a new dredging contract for "
    "the silted northern channel on Wednesday after a year of argument.\n\n"
    "The contract, worth four million euros, goes to the Dutch firm Van Aller.\n\n"
    "Work on the northern channel is due to start in June and to last eight months.\n\n"
    "Will the fishermen get their berths back before the winter storms arrive?\n\n"
    '"We have waited long enough for this," said the board\'s chair, Oskar Vell.\n\n'
    "Ferry operators have long complained that the silt forces their boats to wait for "
    "high tide.\n\n"
    "The board also agreed to review the harbour's mooring fees next spring."
)
COPY = WIRE.replace("goes to the Dutch firm", "was awarded to the Dutch firm")
OTHER = (
    "The harbour board in Tessel has approved a dredging contract for the northern "
    "channel, ending a long argument over the silt.\n\n"
    "The four million euro contract was won by Van Aller, a Dutch dredging firm.\n\n"
    "I have sailed out of Tessel for twenty years and never seen the channel this shallow.\n\n"
    "Dredging on the northern channel starts in June and should take eight months.\n\n"
    "Ferry operators say the silt makes their boats wait for high tide."
)


@pytest.fixture(scope="module")
def harbour(analyzer: Analyzer) -> StoryMaterial:
    return _material(
        analyzer,
        [
            ("Coastal Wire", WIRE, None),
            ("Tessel Courier", COPY, datetime(2026, 5, 6, 15, tzinfo=CET)),
            ("Brisk Daily", OTHER, datetime(2026, 5, 6, 18, tzinfo=CET)),
        ],
        duplicates=((0, 1),),
    )


def test_invented_story_filters_and_cites(harbour: StoryMaterial) -> None:
    brief = summarize(harbour, LexicalSimilarity())
    texts = [s.passage.text for s in brief]
    assert 3 <= len(brief) <= 8
    assert not any(t.endswith("?") for t in texts)  # the question
    assert not any(t.startswith("I have") for t in texts)  # the first-person aside
    assert not any(t.startswith('"We have waited') for t in texts)  # a quote, a voice
    wire, copy, other = (a.id for a in harbour.articles)
    lead = next(s for s in brief if "approved a new dredging contract" in s.passage.text)
    assert lead.passage.text.startswith("The Tessel harbour board")  # dateline trimmed
    assert set(lead.sources) == {wire, copy, other}
    assert harbour.sources(lead.sources) == 2  # the wire and its copy count once
    for sentence in brief:
        assert len({harbour.source_of(a) for a in sentence.sources}) == harbour.sources(
            sentence.sources
        )


def test_copies_are_one_source_in_the_ranking(harbour: StoryMaterial) -> None:
    """Folding the copy changes support: a wire-only sentence has one source, not two."""
    brief = summarize(harbour, LexicalSimilarity())
    unfolded = StoryMaterial(
        Story("story", "invented", harbour.story.articles), harbour.articles, harbour.analyses
    )
    fees = "The board also agreed to review the harbour's mooring fees next spring."
    for material, expected in ((harbour, 1), (unfolded, 2)):
        sentences = summarize(material, LexicalSimilarity())
        (hit,) = [s for s in sentences if s.passage.text == fees]  # wire and copy only
        assert len(hit.sources) == 2
        assert material.sources(hit.sources) == expected
    # the well-supported sentences come first in the ranking, so they fill the brief
    assert sum(harbour.sources(s.sources) >= 2 for s in brief) >= 4


def test_deterministic_and_empty_cases(harbour: StoryMaterial) -> None:
    assert summarize(harbour, LexicalSimilarity()) == summarize(harbour, LexicalSimilarity())
    empty = StoryMaterial(harbour.story, harbour.articles, {})
    assert summarize(empty, LexicalSimilarity()) == []
