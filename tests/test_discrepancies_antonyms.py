"""Antonym predicates of the wider table (reconcile/antonyms.py through
find_discrepancies): what became of a bill or a ruling, a request answered, being there
or not; on invented articles, and the pairs the guards keep apart."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.antonyms import antonym_of, lemma_of_form, prefix_opposites
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_contradictions_day_names import undated
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


PAIRS = [
    (
        "Governor Ana Holt signed the Sarnow ferry levy bill on Tuesday.",
        "Governor Ana Holt vetoed the Sarnow ferry levy bill on Tuesday.",
    ),
    (
        "The harbour court upheld the Kelmar dredging ruling.",
        "The harbour court overturned the Kelmar dredging ruling.",
    ),
    (
        "The Sarnow harbour master agreed to testify before the ferry inquiry.",
        "The Sarnow harbour master refused to testify before the ferry inquiry.",
    ),
    (
        "The Kelmar council banned night ferries on the Sarnow line.",
        "The Kelmar council allowed night ferries on the Sarnow line.",
    ),
    (
        "The Sarnow mayor attended the ferry safety summit in Kelmar.",
        "The Sarnow mayor boycotted the ferry safety summit in Kelmar.",
    ),
    (
        "The Sarnow ferry trial succeeded in March.",
        "The Sarnow ferry trial failed in March.",
    ),
    (
        "The Kelmar harbour fleet grew last year.",
        "The Kelmar harbour fleet shrank last year.",
    ),
    (
        "The Kelmar council rejected the Sarnow ferry levy bill on Tuesday.",
        "The Kelmar council passed the Sarnow ferry levy bill on Tuesday.",
    ),
    (
        "Marta Ferrand leads Ana Holt in the Kelmar mayoral race, a poll found.",
        "Marta Ferrand trails Ana Holt in the Kelmar mayoral race, a poll found.",
    ),
    (
        "The Kelmar council raised the Sarnow ferry levy in March.",
        "The Kelmar council cut the Sarnow ferry levy in March.",
    ),
    (
        "The Sarnow ferry captain is alive, the coast guard said.",
        "The Sarnow ferry captain is dead, the coast guard said.",
    ),
]


def _negations(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "negation"]


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_antonym_predicates_deny_each_other(analyzer: Analyzer, first: str, second: str) -> None:
    assert _negations(analyzer, [first, second]) == [{first, second}]


def test_the_table_spells_irregular_forms() -> None:
    assert lemma_of_form("vetoes") == "veto"
    assert lemma_of_form("upheld") == "uphold"
    assert lemma_of_form("banned") == "ban"
    assert antonym_of("veto") == {"sign", "approve"}
    assert lemma_of_form("led") == "lead"
    assert lemma_of_form("cutting") == "cut"
    assert lemma_of_form("dropped") == "drop"
    assert antonym_of("trail") == {"lead"}


@pytest.mark.parametrize(
    "texts",
    [
        # Different bills.
        [PAIRS[0][0], PAIRS[0][1].replace("Sarnow ferry levy", "Kelmar school budget")],
        # Different people.
        [PAIRS[2][0], PAIRS[2][1].replace("Sarnow harbour master", "Kelmar ferry captain")],
        # A plan, not an act: "will" is no assertion.
        [PAIRS[0][0], "Governor Ana Holt will veto the Sarnow ferry levy bill."],
        # Another person's standing in the race.
        [PAIRS[8][0], PAIRS[8][1].replace("Marta Ferrand", "Edvin Rask")],
        # Another levy.
        [PAIRS[9][0], PAIRS[9][1].replace("Sarnow ferry levy", "Kelmar parking fee")],
        # One side takes an infinitive, the other an object: not one request.
        [
            "The Sarnow harbour master agreed to the ferry inquiry's terms.",
            PAIRS[2][1],
        ],
        # Seats in two chambers.
        ["The Democrats gained seats in the House.", "The Democrats lost seats in the Senate."],
    ],
)
def test_antonyms_the_guards_keep_apart(analyzer: Analyzer, texts: list[str]) -> None:
    assert _negations(analyzer, texts) == []


# The antonym frame compares direct objects by head noun and by the nouns after their
# prepositions (d8068d1; its fifteen rows were removed, the lead's decision).
OBJECT_PAIR = (
    "The Sarnow council endorsed night ferries on the Kelmar line.",
    "The Sarnow council opposed night ferries on the Kelmar line.",
)


def test_one_object_antonyms(analyzer: Analyzer) -> None:
    assert _negations(analyzer, list(OBJECT_PAIR)) == [set(OBJECT_PAIR)]


@pytest.mark.parametrize(
    "texts",
    [
        # Another line.
        [OBJECT_PAIR[0], OBJECT_PAIR[1].replace("Kelmar line", "Varna route")],
        # Another thing opposed: a levy is no ferry.
        [OBJECT_PAIR[0], OBJECT_PAIR[1].replace("night ferries", "the harbour levy")],
    ],
)
def test_antonyms_of_two_objects_kept_apart(analyzer: Analyzer, texts: list[str]) -> None:
    assert _negations(analyzer, texts) == []


def test_the_rows_without_evidence_are_gone() -> None:
    assert antonym_of("improve") == set()
    assert antonym_of("miss") == set()


# A state and its negative-prefixed opposite (reconcile/antonyms.py prefix_opposites).
PREFIXED = [
    (
        "The driver of the Sarnow ferry van was armed when the harbour police stopped him.",
        "The driver of the Sarnow ferry van was unarmed when the harbour police stopped him.",
    ),
    (
        "The Kelmar council said the ferry levy vote was legal under the harbour charter.",
        "The Kelmar council said the ferry levy vote was illegal under the harbour charter.",
    ),
    (
        "The Sarnow harbour master was aware of the cracks in the ferry pier.",
        "The Sarnow harbour master was unaware of the cracks in the ferry pier.",
    ),
]


@pytest.mark.parametrize(("first", "second"), PREFIXED)
def test_a_state_and_its_prefixed_opposite(analyzer: Analyzer, first: str, second: str) -> None:
    assert _negations(analyzer, [first, second]) == [{first, second}]


@pytest.mark.parametrize(
    "texts",
    [
        # Different people: an unarmed passenger, an armed driver.
        [PREFIXED[0][0], PREFIXED[0][1].replace("driver", "passenger")],
        # "informed" is no opposite of "formed"; "intense" none of "tense".
        [
            "The Sarnow ferry committee was formed after the pier collapse.",
            "The Sarnow ferry committee was informed after the pier collapse.",
        ],
        [
            "The talks on the Sarnow ferry levy were tense on Monday.",
            "The talks on the Sarnow ferry levy were intense on Monday.",
        ],
        # A describing word, not the claim: "an unarmed man" beside "armed officers".
        [
            "Armed harbour police stopped the Sarnow ferry van on the pier.",
            "Harbour police stopped an unarmed driver in the Sarnow ferry van on the pier.",
        ],
    ],
)
def test_prefixed_look_alikes(analyzer: Analyzer, texts: list[str]) -> None:
    assert _negations(analyzer, texts) == []


@pytest.mark.parametrize(
    "texts",
    [
        # Finding 11 (review): a state that changes over time, told at two times.
        [
            "Mayor Brandt was unaware of the Sarnow ferry leak on Monday.",
            "Mayor Brandt was aware of the Sarnow ferry leak by Wednesday.",
        ],
        [
            "The Sarnow harbour master was unaware of the cracks in the ferry pier until May.",
            "The Sarnow harbour master is now aware of the cracks in the ferry pier.",
        ],
        [
            "The Sarnow harbour master was aware of the cracks in the ferry pier since 2019.",
            "The Sarnow harbour master was unaware of the cracks in the ferry pier in 2018.",
        ],
    ],
)
def test_a_prefixed_state_at_two_times(analyzer: Analyzer, texts: list[str]) -> None:
    assert _negations(analyzer, texts) == []
    # Undated pages: no resolved date tells the two times apart.
    material = undated(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [d for d in found if d.kind == "negation"] == []


def test_prefix_opposites() -> None:
    assert prefix_opposites("armed", "unarmed")
    assert prefix_opposites("illegal", "legal")
    assert prefix_opposites("nonpartisan", "partisan")
    assert not prefix_opposites("formed", "informed")
    assert not prefix_opposites("missed", "dismissed")
    assert not prefix_opposites("tense", "intense")
    assert not prefix_opposites("flammable", "inflammable")
    assert not prefix_opposites("able", "table")
