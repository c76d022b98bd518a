"""One interview credited to two outlets (reconcile/addressees.py through
find_discrepancies), on invented articles, and the tellings that are not one."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.tokens import Doc

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Passage
from newsprism.reconcile.actors import StateNames
from newsprism.reconcile.addressees import addressee_discrepancies
from newsprism.reconcile.clauses import Parsed, english_parser
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.discrepancy_groups import DiscrepancyOptions
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


CBS = (
    "“The levy stays where it is,” Mayor Ana Holt told a CBS affiliate in Portland, "
    "after the council meeting."
)
FOX = (
    "“Nobody in this city will pay a cent more for the harbour,” Holt told Portland Fox "
    "affiliate KPTV."
)


def _told(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "actor"]


def test_one_interview_credited_to_two_stations(analyzer: Analyzer) -> None:
    assert _told(analyzer, [CBS, FOX]) == [{CBS, FOX}]


@pytest.mark.parametrize(
    "told",
    [
        "Mayor Ana Holt said in an interview with a CBS affiliate in Portland that the levy stays.",
        "Mayor Ana Holt spoke to a CBS affiliate in Portland after the council meeting.",
    ],
)
def test_an_interview_with_or_a_talk_to_an_outlet(analyzer: Analyzer, told: str) -> None:
    assert _told(analyzer, [told, FOX]) == [{told, FOX}]


def test_the_discrepancy_names_both_outlets(analyzer: Analyzer) -> None:
    material = invented(analyzer, [CBS, FOX])
    [found] = [
        d for d in find_discrepancies(material, [], LexicalSimilarity()) if d.kind == "actor"
    ]
    assert "CBS" in found.about and "Fox" in found.about


@pytest.mark.parametrize(
    "texts",
    [
        # The same station in other words.
        [CBS, FOX.replace("Fox affiliate KPTV", "CBS affiliate")],
        # Two hosts: no outlet kind, perhaps two interviews.
        [
            "Holt told Fox News host Edvin Rask during his radio program that she is staying.",
            "Holt told radio host Mara Lind that she is staying.",
        ],
        [
            "Holt told Fox News host Edvin Rask during his radio program that she is staying.",
            "Holt said in an interview on Mara Lind's radio program that she is staying.",
        ],
        # Stations in two towns: two stops of a tour.
        [CBS, FOX.replace("Portland", "Seattle")],
        # Another speaker.
        [CBS, FOX.replace("Holt", "Governor Ivo Bel")],
        # An article that names both stations is no witness against either.
        [CBS + " She later gave Fox a shorter interview.", FOX],
        # Not told: a denial of the telling is not a credit.
        [CBS, FOX.replace("Holt told", "Holt never told")],
    ],
)
def test_tellings_that_are_not_one_interview(analyzer: Analyzer, texts: list[str]) -> None:
    assert _told(analyzer, texts) == []


def test_only_sentences_naming_an_outlet_kind_are_parsed(analyzer: Analyzer) -> None:
    """A telling cue without a media noun ("told reporters") cannot name an outlet, so
    the pass does not parse it; the two tellings to stations still pair."""
    aside = "The mayor told reporters the harbour bridge would reopen in May."
    material = invented(analyzer, [CBS, FOX, aside])
    parsed = Parsed(english_parser(), StateNames(material))
    read: list[str] = []
    docs = parsed.docs

    def spy(sentences: Sequence[Passage]) -> list[Doc]:
        read.extend(s.text for s in sentences)
        return docs(sentences)

    parsed.docs = spy  # type: ignore[method-assign]
    found = addressee_discrepancies(
        material, material.story_pieces(), parsed, LexicalSimilarity(), DiscrepancyOptions()
    )
    assert [{c.text for c in d.claims} for d in found] == [{CBS, FOX}]
    assert aside not in read and CBS in read
