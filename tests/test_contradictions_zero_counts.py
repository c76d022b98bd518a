"""A count of none against a count of some for one deed (reconcile/zero_counts.py
through find_discrepancies), and 'nobody but X' read as no denial (clauses.excepting),
on invented articles: each found pair, and the look-alikes that are no contradiction."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.clauses import english_parser, excepting
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_contradictions_day_names import undated
from tests.test_reconcile_discrepancies import assert_provenance, invented


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
        [
            "There were no fatalities in the Varley mine collapse.",
            "Four miners died in the Varley mine collapse.",
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
        [NONE.replace("No one", "No other firefighter"), SOME],
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
        [NONE, SOME.replace("were injured", "may have been injured")],
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
        # A place filled differently, no name in it (one fire at a warehouse, another at
        # a depot).
        [
            NONE.replace("the Tarnby warehouse", "the warehouse"),
            SOME.replace("the Tarnby warehouse", "the depot"),
        ],
        # Sentences too far apart to be told of one occasion.
        [
            "No one was injured, the fire chief said.",
            "Two firefighters were injured as crews battled flames for hours, officials said.",
        ],
        # A none limited to some people: those on board, those inside (review s38/1a).
        [
            "No one on board was injured when the plane crash-landed near Oskel on Monday.",
            "Two people on the ground were injured when the plane crash-landed near Oskel on"
            " Monday.",
        ],
        [
            "No one inside the Tarnby warehouse was hurt in the fire on Monday.",
            "Two firefighters were hurt in the fire at the Tarnby warehouse on Monday.",
        ],
        # A none scoped by its clause's place, a count told of another (review s38/1b).
        [
            "No one was killed when the storm hit Oskel.",
            "The storm killed two people in Tarnby after it hit Oskel.",
        ],
        # A none at the scene against arrests made later (review s38/1c).
        [
            "No one was arrested at the scene of the Tarnby shooting, police said.",
            "Two men were arrested over the Tarnby shooting, police said.",
        ],
        # A separate crash (review s38/1d).
        [
            "No one was hurt in a separate crash on the Oskel bypass on Monday.",
            "Two people were hurt in the crash on the Oskel bypass on Monday.",
        ],
        # Different kinds: residents against firefighters.
        [NONE.replace("No one", "No residents"), SOME],
        # An article giving a count and a none is scoped, and takes no side.
        [
            "No one was hurt in the Tarnby fire. Two guards were hurt in the Oskel fire.",
            "A guard was hurt in the Tarnby fire.",
        ],
        # The count denied on the other side too.
        [
            NONE,
            "Two firefighters were not injured in the fire at the Tarnby warehouse, officials"
            " said.",
        ],
        # Another deed.
        [NONE, "Two firefighters were praised for the rescue at the Tarnby warehouse."],
    ],
)
def test_no_none_against_some(analyzer: Analyzer, texts: list[str]) -> None:
    assert _negations(analyzer, texts) == []


@pytest.mark.parametrize(
    "texts",
    [
        [
            "No one in the Tarnby building was hurt when the crane fell on Monday.",
            "Two people in the Tarnby building were hurt when the crane fell on Monday.",
        ],
        [
            "None of the passengers on the bus were hurt in the Oskel crash on Monday.",
            "Three passengers on the bus were hurt in the Oskel crash on Monday.",
        ],
        # A partitive count reads its "of" noun as the none does (review s39/1, finding 6).
        [
            "None of the passengers on the bus were hurt in the Oskel crash on Monday.",
            "Two of the passengers on the bus were hurt in the Oskel crash on Monday.",
        ],
    ],
)
def test_a_none_and_a_count_of_the_same_people_contradict(
    analyzer: Analyzer, texts: list[str]
) -> None:
    """A none limited to some people stands against a count limited in the same words
    (stop 38's open item: the limit alone held these back)."""
    assert _negations(analyzer, texts) == [set(texts)]


@pytest.mark.parametrize(
    "texts",
    [
        # Other people: in another building, on the ground, on another vehicle.
        [
            "No one in the Tarnby building was hurt when the crane fell on Monday.",
            "Two people in the Oskel building were hurt when the crane fell on Monday.",
        ],
        [
            "None of the passengers on the bus were hurt in the Oskel crash on Monday.",
            "Three passengers on the truck were hurt in the Oskel crash on Monday.",
        ],
        # A count of people not limited: they may be outside the building.
        [
            "No one in the Tarnby building was hurt when the crane fell on Monday.",
            "Two people were hurt when the crane fell on Monday.",
        ],
        # Limits that point back to what each article spoke of before: the same words,
        # other people (review s39/1, finding 3).
        [
            "No one on board was injured when the plane crash-landed near Oskel on Monday.",
            "Two people on board were injured when the plane crash-landed near Oskel on Monday.",
        ],
        [
            "A crane fell on the Tarnby school on Monday. No one inside was hurt, the mayor said.",
            "A crane fell on the Tarnby school on Monday and tipped a bus over. Two people"
            " inside were hurt, the mayor said.",
        ],
        [
            "The crane fell on the Tarnby school on Monday. No one there was hurt.",
            "The crane fell on Monday, and its arm hit a cafe across the road. Two people"
            " there were hurt.",
        ],
        # A partitive count of other people.
        [
            "None of the passengers on the bus were hurt in the Oskel crash on Monday.",
            "Two of the passengers on the truck were hurt in the Oskel crash on Monday.",
        ],
        # A none limited by a clause: no wording to compare.
        [
            "Nobody who was at home was hurt when the crane fell on Monday.",
            "Two people who were at home were hurt when the crane fell on Monday.",
        ],
        # The same people, but the none told at writing time.
        [
            "No one in the Tarnby building has been hurt since the crane fell on Monday.",
            "Two people in the Tarnby building were hurt when the crane fell on Monday.",
        ],
    ],
)
def test_a_limited_none_against_other_people_is_no_contradiction(
    analyzer: Analyzer, texts: list[str]
) -> None:
    assert _negations(analyzer, texts) == []


def test_nobody_but_someone_denies_nothing(analyzer: Analyzer) -> None:
    """ "Nobody but the driver was hurt" says the driver was: no denial of it (the
    negation pass paired the two before)."""
    texts = [
        "Nobody but the driver was hurt in the Oskel crash.",
        "The driver was hurt in the Oskel crash.",
    ]
    assert _negations(analyzer, texts) == []


@pytest.mark.parametrize(
    "texts",
    [
        [
            "No agreement on additional funding was reached at the Tarnby summit.",
            "An agreement on additional funding was reached at the Tarnby summit.",
        ],
        [
            "No deal on more flights to Tarnby was signed at the Oskel talks.",
            "A deal on more flights to Tarnby was signed at the Oskel talks.",
        ],
    ],
)
def test_a_none_with_more_in_its_phrase_still_denies(analyzer: Analyzer, texts: list[str]) -> None:
    """Only the none's own modifiers leave some out ("no additional funding"); "more" in
    a phrase of the none's noun does not ("no agreement on additional funding"; review
    s38/2: these were no negation)."""
    assert _negations(analyzer, texts) == [set(texts)]


def test_one_contradiction_found_by_two_passes_is_told_once(analyzer: Analyzer) -> None:
    """A negated predicate and a none against a count read the same pair (review s38/4)."""
    texts = [
        "No students were hurt in the fire at the Tarnby school on Monday.",
        "Two students were hurt in the fire at the Tarnby school on Monday.",
    ]
    material = undated(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == [("negation", set(texts))]


def test_two_dates_are_two_occasions(analyzer: Analyzer) -> None:
    """A none and a count dated two days apart tell two fires."""
    texts = [
        "No one was injured in the fire at the Tarnby warehouse on March 3, the chief said.",
        "Two firefighters were injured in the fire at the Tarnby warehouse on March 5,"
        " officials said.",
    ]
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [d for d in found if d.kind == "negation"] == []


@pytest.mark.parametrize(
    ("sentence", "none", "leaves_out"),
    [
        ("No further arrests were made in Tarnby.", "arrests", True),
        ("None of the other passengers were hurt.", "None", True),
        ("Nobody except the driver was hurt.", "Nobody", True),
        ("No agreement on additional funding was reached.", "agreement", False),
        ("None of the passengers on more crowded decks were hurt.", "None", False),
    ],
)
def test_excepting_reads_the_none_and_its_own_modifiers(
    sentence: str, none: str, leaves_out: bool
) -> None:
    doc = english_parser()(sentence)
    assert excepting(next(t for t in doc if t.text == none)) is leaves_out
