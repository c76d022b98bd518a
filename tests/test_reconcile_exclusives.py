"""Exclusives: details only one source carries (facts, quotes, people, claims), against an
invented story with hand-built statements and the sample corpus's gold ``exclusives``.

Statements for the samples are built here from each article's quote groups (one
statement per group), not by the statement aligner: every quote is then "single
source", and the novelty test alone decides whether it is exclusive.

Gold exclusives not listed with the default thresholds (13 of 19 listed lexical, 14
dense): "warned customers to expect delays of up to a week" (The Daily Meridian reports
the same carrier's warning), "fair to both banks of the river" (a similar sentence
elsewhere: 0.30 lexical), "was dropped after a late dispute over the wording of the
island clause" (0.29 lexical: the same sentence's "signing ceremony ... was called off"
is shared; dense lists it no more since a lexical cosine of 0.26 resembles on its own
there too), the pump owner's quote and Oduya's quote (0.23 > 0.22 lexical) with both;
lexical also loses "a spark from a damaged power line ignited dry grass near Zhelvar"
and the wooden church of 1790 (their sentences share enough of the story's words with
other outlets' to score above the threshold). Dense needs more than a high cosine (a
sentence on the same topic scores high): see ``ExclusiveOptions`` and
:func:`test_dense_match_needs_the_details`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import (
    Article,
    Exclusive,
    Passage,
    Statement,
    Story,
    Variant,
    article_id,
)
from newsprism.reconcile.exclusives import ExclusiveOptions, find_exclusives
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import TextSimilarity

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)

FLOOD_A = (
    "Floods in the Tarvel valley have forced 800 people from their homes, the regional "
    "council said on Wednesday.\n\n"
    "Mayor Ilse Varn opened the sports halls of Velmar to the families.\n\n"
    "The old mill at Orsk, built in 1822, collapsed into the river during the night.\n\n"
    "\u201cWe lost everything in one night,\u201d said Hanna Bercz, a baker from Orsk."
)
FLOOD_B = (
    "Floods in the Tarvel valley have driven 800 people from their homes, according to the "
    "regional council.\n\n"
    "Mayor Ilse Varn has opened the sports halls of Velmar to the families.\n\n"
    "The army sent 12 boats to the valley on Wednesday morning.\n\n"
    "I have covered the Tarvel valley for years, and Velmar has never looked like this."
)
FLOOD_C = (
    "The regional council said floods in the Tarvel valley forced 800 people from their "
    "homes.\n\n"
    "Trains between Velmar and Orsk were cancelled until further notice.\n\n"
    "It was a long night."
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def quote_statements(material: StoryMaterial) -> list[Statement]:
    """One statement per quote group of each article (parts of a split quote together)."""
    statements: list[Statement] = []
    for article in material.articles:
        analysis = material.analysis(article.id)
        groups: dict[object, list[Variant]] = {}
        for quote in analysis.quotes if analysis else ():
            key = quote.group if quote.group is not None else ("alone", quote.start)
            passage = material.passage(article.id, quote.start, quote.end)
            groups.setdefault(key, []).append(Variant(passage, quote.direct))
        for variants in groups.values():
            statements.append(Statement(f"st{len(statements) + 1}", None, tuple(variants)))
    return statements


@pytest.fixture(scope="module")
def flood(analyzer: Analyzer) -> StoryMaterial:
    copy = FLOOD_A.replace("Floods in", "Heavy floods in")
    texts = [("Fjord Post", FLOOD_A), ("Valley Wire", copy), ("Tarvel Today", FLOOD_B)]
    texts.append(("Orsk Radio", FLOOD_C))
    articles = [
        Article(article_id(o, t), f"{o}.txt", t, outlet=o, published=PUBLISHED) for o, t in texts
    ]
    story = Story("flood", None, tuple(a.id for a in articles), ((articles[0].id, articles[1].id),))
    return StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})


def flood_statements(material: StoryMaterial) -> list[Statement]:
    """By hand: the baker's words (the wire copy and its syndicated copy: one source)
    and the council's figure, reported by three sources."""
    a, copy, b, c = material.articles

    def at(article: Article, text: str) -> Passage:
        start = article.text.index(text)
        return material.passage(article.id, start, start + len(text))

    words = "We lost everything in one night"
    baker = Statement(
        "st2", "Hanna Bercz", (Variant(at(a, words), True), Variant(at(copy, words), True))
    )
    council = Statement(
        "st1",
        "regional council",
        (
            Variant(at(a, "Floods in the Tarvel valley have forced 800 people"), False),
            Variant(at(b, "Floods in the Tarvel valley have driven 800 people"), False),
            Variant(at(c, "floods in the Tarvel valley forced 800 people"), False),
        ),
    )
    return [council, baker]


def test_invented_exclusives(flood: StoryMaterial, similarity: TextSimilarity) -> None:
    facts = compare_facts(flood)
    found = find_exclusives(flood, flood_statements(flood), facts, similarity)
    listed = [(e.kind, e.passage.outlet, e.passage.text) for e in found]
    mill = "The old mill at Orsk, built in 1822, collapsed into the river during the night."
    boats = "The army sent 12 boats to the valley on Wednesday morning."
    trains = "Trains between Velmar and Orsk were cancelled until further notice."
    assert listed == [
        ("claim", "Fjord Post", mill),
        ("quote", "Fjord Post", "We lost everything in one night"),
        ("person", "Fjord Post", "Hanna Bercz"),
        ("fact", "Tarvel Today", boats),
        ("claim", "Orsk Radio", trains),
    ]
    # Not listed: the shared report (three sources), the mayor (two sources), the
    # syndicated copy's repeats, the blogger's aside ("I have covered ..."), and a
    # sentence without a name, a number or a date ("It was a long night.").
    assert_provenance(flood, found)


def test_single_source_story_has_no_exclusives(analyzer: Analyzer) -> None:
    article = Article(article_id("Fjord Post", FLOOD_A), "a.txt", FLOOD_A, outlet="Fjord Post")
    material = StoryMaterial(
        Story("one", None, (article.id,)), [article], {article.id: analyzer.analyze(article)}
    )
    assert find_exclusives(material, quote_statements(material), compare_facts(material)) == []


def test_thresholds_trade_length_for_recall(flood: StoryMaterial) -> None:
    facts = compare_facts(flood)
    statements = flood_statements(flood)
    strict = find_exclusives(flood, statements, facts, options=ExclusiveOptions(lexical=0.0))
    assert {e.kind for e in strict} <= {"fact", "person"}


class TopicalDense:
    """A dense similarity that scores every pair of texts alike, as a sentence model
    scores sentences on one topic (0.6-0.77 in real reporting)."""

    dense = True

    def __init__(self, cosine: float) -> None:
        self.cosine = cosine

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Any:
        return np.full((len(first), len(second)), self.cosine, np.float32)


FERRY_A = (
    "The ferry Aldra ran aground off Kessing harbour on Friday night, the coastguard "
    "said.\n\n"
    "The ferry's owner, Brenmoor Lines, was fined 40,000 euros in 2019 for skipping hull "
    "inspections."
)
FERRY_B = (
    "The coastguard said the ferry Aldra ran aground off Kessing harbour late on Friday."
    "\n\n"
    "Passengers were taken ashore in lifeboats, and nobody was hurt, the coastguard said."
)
FERRY_RETOLD = (
    "\n\nRecords show Brenmoor Lines, which owns the ferry, was fined 40,000 euros in 2019 "
    "over skipped hull inspections."
)


def ferry(analyzer: Analyzer, retold: bool) -> StoryMaterial:
    texts = [("Kessing Post", FERRY_A), ("Coast Wire", FERRY_B + (FERRY_RETOLD if retold else ""))]
    articles = [
        Article(article_id(o, t), f"{o}.txt", t, outlet=o, published=PUBLISHED) for o, t in texts
    ]
    story = Story("ferry", None, tuple(a.id for a in articles))
    return StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})


def test_dense_match_needs_the_details(analyzer: Analyzer) -> None:
    """A dense cosine above the threshold from a sentence on the same topic does not
    hide a detail no other source gives (the owner's fine); a sentence that retells it
    (its names, figure and year) does."""
    fine = "The ferry's owner, Brenmoor Lines, was fined 40,000 euros in 2019"
    topical = TopicalDense(0.7)

    def listed_fine(material: StoryMaterial, options: ExclusiveOptions | None = None) -> bool:
        found = find_exclusives(material, [], [], topical, options)
        return any(e.kind == "claim" and e.passage.text.startswith(fine) for e in found)

    alone = ferry(analyzer, retold=False)
    assert listed_fine(alone)
    # The cosine alone (no wording, no details asked) would hide it.
    assert not listed_fine(alone, ExclusiveOptions(dense_wording=0.0, dense_details=0.0))
    assert not listed_fine(ferry(analyzer, retold=True))


def assert_provenance(material: StoryMaterial, found: list[Exclusive]) -> None:
    position = {a.id: n for n, a in enumerate(material.articles)}
    keys = [(position[e.passage.article], e.passage.start) for e in found]
    assert keys == sorted(keys)
    for item in found:
        p = item.passage
        assert material.by_id[p.article].text[p.start : p.end] == p.text
        assert p.outlet == material.outlet(p.article)


# --- the sample corpus ----------------------------------------------------------------

# Gold exclusives that are single facts: each must be listed as a "fact".
GOLD_FACTS = {
    "At least 17 firefighters have been treated",
    "The fire has destroyed at least 40 homes",
    "the strike is costing the regional economy",
    "The LDU is paying striking members 60 euros",
    "Mirska is home to about 1,900 residents",
    "the TWC's experts had worked on the draft for eleven months",
}
# Listed by both similarities.
ALWAYS = {
    "Most people arrived with one bag and their dog",
    "said Andrej Pollak, a crane operator",
    "met for several hours at the offices of the state mediation service",
    "The passenger ferry to the island of Skarholm",
    "in a hotel on the Ostrenian bank of the river",
}


def gold_passage(sample: Any, item: dict[str, str]) -> Passage:
    material: StoryMaterial = sample.material
    article = sample.id_of[item["ref"]]
    start = material.by_id[article].text.index(item["text"])
    return material.passage(article, start, start + len(item["text"]))


def listed(found: list[Exclusive], gold: Passage) -> list[Exclusive]:
    return [
        e
        for e in found
        if e.passage.article == gold.article
        and e.passage.start < gold.end
        and gold.start < e.passage.end
    ]


def test_sample_exclusives(sample_stories: dict[str, Any], similarity: TextSimilarity) -> None:
    recalled = total = 0
    counts = {}
    for name, sample in sample_stories.items():
        material = sample.material
        found = find_exclusives(
            material, quote_statements(material), compare_facts(material), similarity
        )
        assert_provenance(material, found)
        counts[name] = len(found)
        for item in sample.gold["exclusives"]:
            hits = listed(found, gold_passage(sample, item))
            total += 1
            recalled += bool(hits)
            if any(item["text"].startswith(t) for t in GOLD_FACTS):
                assert "fact" in {e.kind for e in hits}, item["text"]
            if any(t in item["text"] for t in ALWAYS):
                assert hits, item["text"]
    # Measured at lexical 0.22 / dense 0.55 with the wording and details checks: 13 of
    # 19 lexical, 14 of 19 dense; 32 / 18 / 13 items per story (lexical) and 32 / 21 / 14
    # (dense), for 9-10 articles and 7-8 sources (dense 0.58 alone: 15 of 19, 37 / 29 /
    # 21 items). Lexical 0.20 / 0.26 alone / details 0.34: 13 of 19, 34 / 19 / 17 items.
    # With plain claims (no name, figure or date: exclusives._plain_news), dense 43 / 34
    # / 18 items. The cap keeps a story's list readable (about 4.5 items per article).
    # Dates compared as days (reconcile/exclusive_dates.py) lost one (lexical 12 of 19):
    # the planted cause clause's date, read as a day, was the day other sources give the
    # fire's start, and the date was the clause's only detail. A date written otherwise is
    # carried only beside a word of its clause (exclusive_details._date_carried): 13 again.
    assert recalled >= 13, (recalled, total)
    assert max(counts.values()) <= 45, counts


def test_sample_exclusives_are_single_source(sample_stories: dict[str, Any]) -> None:
    for sample in sample_stories.values():
        material = sample.material
        found = find_exclusives(material, quote_statements(material), compare_facts(material))
        for item in found:
            if item.kind == "person":  # nobody else names them
                source = material.source_of(item.passage.article)
                assert not any(
                    item.passage.text in a.text
                    for a in material.articles
                    if material.source_of(a.id) != source
                )
        keys = [(material.source_of(e.passage.article), e.kind, e.passage.text) for e in found]
        assert len(keys) == len(set(keys))  # a syndicated copy adds nothing
