"""A count of none against a count of some for one deed (reconcile/zero_counts.py
through find_discrepancies), and 'nobody but X' read as no denial (clauses.excepting),
on invented articles: each found pair, and the look-alikes that are no contradiction."""

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


def _negations(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = undated(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "negation"]


NONE = "No one was injured in the fire at the Tarnby warehouse, the fire chief said."
SOME = "Two firefighters were injured in the fire at the Tarnby warehouse, officials said."


@pytest.mark.parametrize(
    "texts",
    [
        [NONE, SOME],
        [
            "Nobody was hurt when the ferry ran aground near Oskel on Monday.",
            "Three passengers were hurt when the ferry ran aground near Oskel on Monday.",
        ],
        [
            "No passengers were hurt when the ferry ran aground near Oskel.",
            "A passenger was injured when the ferry ran aground near Oskel.",
        ],
        [
            "No one died in the Varley mine collapse.",
            "Four miners were killed in the Varley mine collapse.",
        ],
        ["The Varley blast killed no one.", "The Varley blast killed two workers."],
        [NONE.replace("No one was injured", "There were no injuries"), SOME],
        [NONE.replace("No one was injured", "No one was killed or injured"), SOME],
        [
            "There were no deaths in the Varley mine collapse.",
            "Four miners were killed in the Varley mine collapse.",
        ],
    ],
)
def test_none_against_some_is_a_negation(analyzer: Analyzer, texts: list[str]) -> None:
    assert _negations(analyzer, texts) == [set(texts)]


@pytest.mark.parametrize(
    "texts",
    [
        # Some left out of the none.
        [NONE.replace("No one", "No one else"), SOME],
        [NONE.replace("No one", "No other worker"), SOME],
        # A degree on the none: "seriously" is not every injury.
        [NONE.replace("was injured", "was seriously injured"), SOME],
        # Two occasions: a series word, a year on one side, a different fire.
        [NONE.replace("the fire", "the second fire"), SOME.replace("the fire", "the first fire")],
        [NONE.replace("the fire", "the 2019 fire"), SOME],
        [NONE.replace("Tarnby warehouse", "Oskel depot"), SOME],
        # The state at writing time, a hedge, a modal.
        [
            "No one has been arrested over the Tarnby warehouse fire.",
            "Two men were arrested over the Tarnby warehouse fire.",
        ],
        [NONE.replace("was injured", "was immediately reported injured"), SOME],
        [NONE.replace("was injured", "may have been injured"), SOME],
        [NONE.replace("No one was injured", "There were no serious injuries"), SOME],
        [
            "There have been no arrests over the Tarnby warehouse fire.",
            "Two men were arrested over the Tarnby warehouse fire.",
        ],
        # What was known at the time; a none told of one town only.
        [NONE.replace("No one was injured", "There were no reported injuries"), SOME],
        [
            "No one was hurt in Oskel, the mayor said.",
            "Fifty people were hurt when the quake struck, the governor said.",
        ],
        # Different kinds: residents against firefighters.
        [NONE.replace("No one", "No residents"), SOME],
        # An article giving a count and a none is scoped, and takes no side.
        [
            "No one was hurt in the Tarnby fire. Two guards were hurt in the Oskel fire.",
            "A guard was hurt in the Tarnby fire.",
        ],
        # The count denied on the other side too.
        [NONE, "Police said two firefighters were not injured in the fire at the warehouse."],
        # Another deed.
        [NONE, "Two firefighters were praised for the rescue at the Tarnby warehouse."],
    ],
)
def test_no_none_against_some(analyzer: Analyzer, texts: list[str]) -> None:
    assert _negations(analyzer, texts) == []


def test_nobody_but_someone_denies_nothing(analyzer: Analyzer) -> None:
    """ "Nobody but the driver was hurt" says the driver was: no denial of it (the
    negation pass paired the two before)."""
    texts = [
        "Nobody but the driver was hurt in the Oskel crash.",
        "The driver was hurt in the Oskel crash.",
    ]
    assert _negations(analyzer, texts) == []
