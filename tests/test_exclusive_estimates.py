"""Two outlets' rough counts of one deed (reconcile/exclusive_estimates.py): a claim is cut
free of them, and two counts of two things keep their claims whole."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Exclusive, Story, article_id
from newsprism.reconcile.clauses import english_parser
from newsprism.reconcile.exclusive_estimates import estimated_figures, figure_verb
from newsprism.reconcile.exclusives import ESTIMATE_RATIO, find_exclusives
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.material import StoryMaterial

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)
OPENING = "A squall swept over the Velmar estuary on Saturday afternoon."


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def story(analyzer: Analyzer, mine: str, theirs: str) -> StoryMaterial:
    texts = [("Harbour Post", f"{OPENING}\n\n{mine}"), ("Velmar Wire", f"{OPENING}\n\n{theirs}")]
    articles = [
        Article(article_id(o, t), f"{o}.txt", t, outlet=o, published=PUBLISHED) for o, t in texts
    ]
    return StoryMaterial(
        Story("s", None, tuple(a.id for a in articles)),
        articles,
        {a.id: analyzer.analyze(a) for a in articles},
    )


def texts_of(found: list[Exclusive]) -> list[str]:
    return [e.passage.text for e in found if e.kind != "person"]


@pytest.mark.parametrize(
    ("mine", "theirs", "figures"),
    [
        # one counted word, one verb: the sentence came back whole as a claim before
        (
            "Up to 40 boats were caught in the squall off the point.",
            "As many as 90 boats were caught out when the wind turned at noon, the Velmar "
            "harbour master told reporters.",
            ("Up to 40 boats", "As many as 90 boats"),
        ),
        # two counted words for one crowd, one verb and one named place
        (
            "Police fired tear gas to disperse hundreds of stone-throwing villagers on "
            "Tuesday near the Brenn quarry.",
            "KELMAR (Wire) - Officers fired into the air on Tuesday to disperse thousands of "
            "angry protesters outside the gates of the Brenn quarry, with one man hurt.",
            ("hundreds", "thousands"),
        ),
        # one counted word, one verb, the place one side names is the other's too
        (
            "Up to 40 boats were caught in the squall off Brenn on Saturday.",
            "As many as 90 boats were caught in the squall on Saturday, Brenn harbour "
            "master Ada Roos said.",
            ("Up to 40 boats", "As many as 90 boats"),
        ),
    ],
)
def test_rough_counts_of_one_deed_are_cut_from_claims(
    analyzer: Analyzer, mine: str, theirs: str, figures: tuple[str, str]
) -> None:
    """Two outlets' rough counts of one deed disagree: neither figure is one paper's
    news, so no listed passage holds either (the rest of a sentence may stay). Before,
    both sentences were listed whole as claims (the fact alone was dropped)."""
    material = story(analyzer, mine, theirs)
    found = texts_of(find_exclusives(material, [], compare_facts(material)))
    assert not [t for t in found if any(f in t for f in figures)], found
    cut = {p.text for p in estimated_figures(material, ESTIMATE_RATIO)}
    assert {f for f in figures if any(f in c for c in cut)} == set(figures), cut


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        # two counted words, one verb, and nothing to tie them: lorries and vans
        (
            "As many as 60 lorries were involved in the pile-up.",
            "Up to 140 vans were involved in the pile-up near Brenn.",
        ),
        # one counted word, one verb, two towns
        (
            "Up to 800 marchers gathered outside the town hall in Brenn on Sunday.",
            "As many as 2,000 marchers gathered outside parliament in Osterholm.",
        ),
        # two counted words, one verb and one weekday, two places: two crowds
        (
            "Police fired tear gas to disperse hundreds of stone-throwing villagers on "
            "Tuesday near the Brenn quarry.",
            "Officers in Osterholm fired into the air on Tuesday to disperse thousands of "
            "striking dockers outside the port gates, with one man hurt.",
        ),
        # two counted words sharing a weekday and nothing else: a day is no anchor
        (
            "Police fired tear gas to disperse hundreds of stone-throwing villagers on "
            "Tuesday near the Brenn quarry.",
            "Officers fired into the air on Tuesday to disperse thousands of striking "
            "dockers outside the port gates, with one man hurt.",
        ),
        # one counted word, one verb and one shared name, but each side's own place: two
        # fleets (the place is read off "off ...", whatever type the tagger gave the name)
        (
            "Up to 40 boats were caught in the squall off Brenn on Saturday, the Velmar "
            "harbour master said.",
            "As many as 90 boats were caught in the squall off Osterholm, the Velmar harbour "
            "master said.",
        ),
        # one counted word, one verb, two days
        (
            "Up to 40 boats were caught in the squall on Saturday.",
            "As many as 90 boats were caught out by a second storm on Monday.",
        ),
        # sums of money are rounded amounts, not rough counts
        (
            "The council spent nearly $20 million on the new quay wall.",
            "The council spent roughly $90 million on the quay and the harbour works.",
        ),
    ],
)
def test_rough_counts_of_two_things_keep_their_claims(
    analyzer: Analyzer, mine: str, theirs: str
) -> None:
    material = story(analyzer, mine, theirs)
    assert estimated_figures(material, ESTIMATE_RATIO) == []


def test_two_crowds_on_one_weekday_in_two_places_stay_claims(analyzer: Analyzer) -> None:
    """Two crowds dispersed on the same Tuesday, one near a quarry and one in a port town:
    each is its outlet's own news, listed as a claim (509d468 joined them on the day)."""
    material = story(
        analyzer,
        "Police fired tear gas to disperse hundreds of stone-throwing villagers on Tuesday "
        "near the Brenn quarry.",
        "Officers in Osterholm fired into the air on Tuesday to disperse thousands of "
        "striking dockers outside the port gates, with one man hurt.",
    )
    found = texts_of(find_exclusives(material, [], compare_facts(material)))
    for figure in ("hundreds", "thousands"):
        assert [t for t in found if figure in t], found


@pytest.mark.parametrize(
    ("sentence", "figure", "verb"),
    [
        ("Up to 70 vans were involved in the pileup.", "Up to 70 vans", "involve"),
        ("The crash involved as many as 140 vans.", "as many as 140 vans", "involve"),
        ("Police moved to disperse hundreds of villagers.", "hundreds", "disperse"),
    ],
)
def test_the_verb_of_a_figure_is_read_off_the_parse(sentence: str, figure: str, verb: str) -> None:
    doc = english_parser()(sentence)
    start = sentence.index(figure)
    assert figure_verb(doc, start, start + len(figure)) == verb
