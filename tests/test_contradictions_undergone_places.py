"""One once-only deed done to one named undergoer, placed in two places by two sources
(reconcile/undergoers.py through places.deed_places and find_discrepancies), on invented
articles; and the look-alikes that are no contradiction."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_contradictions_day_names import undated
from tests.test_reconcile_discrepancies import assert_provenance


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _placed(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = undated(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "actor"]


TRESNY = "Ivo Bel was arrested in Tresny on Monday, police said."
VARNA = "Ivo Bel was arrested in Varna on Monday, police said."


@pytest.mark.parametrize(
    "texts",
    [
        [TRESNY, VARNA],
        # A doer on one side only: no shared doer, one arrest.
        [
            "Police arrested Ivo Bel in Tresny on Monday.",
            "Ivo Bel was arrested in Varna on Monday.",
        ],
        # A thing named in the undergoer's phrase.
        [
            "The body of Ivo Bel was found in Tresny on Monday.",
            "The body of Ivo Bel was found in Varna on Monday.",
        ],
        [
            "Ivo Bel was kidnapped in Tresny on Monday, his family said.",
            "Ivo Bel was kidnapped in Varna on Monday, his family said.",
        ],
        # The name in the same place under the same noun, written two ways.
        [
            "Ivo Bel's body was found in Tresny on Monday.",
            "The body of Ivo Bel was found in Varna on Monday.",
        ],
    ],
)
def test_one_undergoer_placed_apart_is_a_contradiction(
    analyzer: Analyzer, texts: list[str]
) -> None:
    assert _placed(analyzer, texts) == [set(texts)]


def test_he_is_the_person_named_before(analyzer: Analyzer) -> None:
    texts = [
        "Daniel Moreno fled the scene. He was arrested in Tresny on Monday morning.",
        "Daniel Moreno was arrested in Varna on Monday morning.",
    ]
    assert _placed(analyzer, texts) == [{"He was arrested in Tresny on Monday morning.", texts[1]}]


def test_a_surname_is_the_one_full_name_the_story_gives_it(analyzer: Analyzer) -> None:
    texts = [
        "The body of Daniel Moreno was found in Tresny on Monday.",
        "Relatives said Moreno, 34, had been missing since Friday. Moreno's body was found"
        " in Varna on Monday.",
    ]
    assert _placed(analyzer, texts) == [{texts[0], "Moreno's body was found in Varna on Monday."}]


@pytest.mark.parametrize(
    "texts",
    [
        # Another person, another deed.
        [TRESNY, VARNA.replace("Ivo Bel", "Ana Holt")],
        [TRESNY, VARNA.replace("arrested", "questioned")],
        # A deed done to one person in many places.
        [TRESNY.replace("arrested", "questioned"), VARNA.replace("arrested", "questioned")],
        # "She" is another person than the one the other side names.
        [
            "Ana Holt fled the scene. She was arrested in Tresny on Monday morning.",
            "Daniel Moreno was arrested in Varna on Monday morning.",
        ],
        # A surname two people of the story share.
        [
            "The body of Daniel Moreno was found in Tresny on Monday. His brother Lucas"
            " Moreno was questioned.",
            "Relatives said Moreno, 34, had been missing since Friday. Moreno's body was"
            " found in Varna on Monday.",
        ],
        # A patient may be moved between hospitals.
        [
            TRESNY.replace("arrested", "hospitalized"),
            VARNA.replace("arrested", "hospitalized"),
        ],
        # Held where one is kept or taken, not where the deed befell him (review s39/1,
        # finding 8).
        [
            "Ivo Bel was detained in Tresny on Monday, police said.",
            "Ivo Bel was detained in Varna on Monday, his lawyer said.",
        ],
        [
            "Ivo Bel was rescued in Tresny on Monday, the coast guard said.",
            "Ivo Bel was rescued in Varna on Monday, the coast guard said.",
        ],
        # The name under a noun of one side only: his wife's body is not his (review
        # s39/1, finding 2).
        [
            "The body of Ivo Bel's wife was found in Tresny on Monday.",
            "The body of Ivo Bel was found in Varna on Monday.",
        ],
        [
            "The car of Ivo Bel was found in Tresny on Monday.",
            "The body of Ivo Bel was found in Varna on Monday.",
        ],
        ["The brother of Ivo Bel was arrested in Tresny on Monday, police said.", VARNA],
        # Common nouns only: two men, two bodies.
        [TRESNY.replace("Ivo Bel", "The man"), VARNA.replace("Ivo Bel", "The man")],
        [
            "A body was found in Tresny on Monday, police said.",
            "A body was found in Varna on Monday, police said.",
        ],
        # Denied, foretold, hedged.
        [TRESNY, VARNA.replace("was arrested", "was not arrested")],
        [TRESNY, VARNA.replace("was arrested", "will be arrested")],
        [TRESNY, VARNA.replace("was arrested", "may have been arrested")],
        # Another time: a year on one side.
        [TRESNY, "Ivo Bel was arrested in Varna in 2019, police said."],
        # A state holds the town.
        [TRESNY, "Ivo Bel was arrested in Oregon on Monday, police said."],
        # The other article names both places (he may have been taken from one to the
        # other).
        [TRESNY, "Ivo Bel, who lives in Tresny, was arrested in Varna on Monday."],
        # Two doers named apart: two arrests.
        [
            "Officer Ana Holt arrested Ivo Bel in Tresny on Monday.",
            "Officer Edvin Rask arrested Ivo Bel in Varna on Monday.",
        ],
    ],
)
def test_no_one_undergoer_placed_apart(analyzer: Analyzer, texts: list[str]) -> None:
    assert _placed(analyzer, texts) == []
