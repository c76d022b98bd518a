"""One person told as another's kin in ways that exclude each other (reconcile/kinship.py
through find_discrepancies), on invented articles, and the ties that do not clash."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.kinship import kinds_clash
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_contradictions_day_names import undated
from tests.test_reconcile_discrepancies import assert_provenance


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _actors(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = undated(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "actor"]


HUSBAND = "Mira Olsen's husband, Ole Varga, called the Tarnby police that night."
BROTHER = "Mira Olsen's brother, Ole Varga, called the Tarnby police that night."
SON = "Ole Varga, the son of Mira Olsen, spoke to reporters in Tarnby."
NEPHEW = "Ole Varga, the nephew of Mira Olsen, spoke to reporters in Tarnby."


@pytest.mark.parametrize(
    "texts",
    [
        [HUSBAND, BROTHER],
        [SON, NEPHEW],
        [SON, SON.replace("son", "daughter")],  # one kind, the other sex
    ],
)
def test_ties_that_exclude_each_other(analyzer: Analyzer, texts: list[str]) -> None:
    assert _actors(analyzer, texts) == [set(texts)]


def test_a_possessive_pronoun_is_the_person_named_last(analyzer: Analyzer) -> None:
    first = "Her husband Ole Varga called the police that night."
    texts = ["Mira Olsen went missing from the fair. " + first, BROTHER]
    assert _actors(analyzer, texts) == [{first, BROTHER}]


@pytest.mark.parametrize(
    "texts",
    [
        # The same tie restated; a partner may be the husband.
        [HUSBAND, HUSBAND.replace("called", "phoned")],
        [HUSBAND, HUSBAND.replace("husband", "partner")],
        # Another time: a former husband.
        [HUSBAND, BROTHER.replace("brother", "former husband")],
        # Another anchor, another person.
        [HUSBAND, BROTHER.replace("Mira Olsen", "Ane Berg")],
        [HUSBAND, BROTHER.replace("Ole Varga", "Jon Dahl")],
        # A source that gives both ties: a stepfather who is an uncle too.
        [
            "Ole Varga, Mira Olsen's stepfather, called the police. Ole Varga, "
            "Mira Olsen's uncle by birth, searched the fair.",
            "Mira Olsen's uncle, Ole Varga, searched the Tarnby fair.",
        ],
        # An unresolved pronoun: whose husband is not known.
        ["Her husband Ole Varga called the Tarnby police that night.", BROTHER],
    ],
)
def test_ties_that_do_not_clash(analyzer: Analyzer, texts: list[str]) -> None:
    assert _actors(analyzer, texts) == []


def test_kinds_clash() -> None:
    assert kinds_clash("wife", "daughter")
    assert kinds_clash("son", "daughter")
    assert kinds_clash("husband", "fiance")
    assert not kinds_clash("husband", "partner")
    assert not kinds_clash("spouse", "wife")
    assert not kinds_clash("mother", "mom")
    assert kinds_clash("partner", "sister")
