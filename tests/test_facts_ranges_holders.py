"""Facts: a range is one figure that allows every value between its ends, and two named
people's own figures are two measures (s37 review 1, pre-existing false 'differ's).
Invented articles, outlets and people."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Fact, Quantity
from newsprism.reconcile import fact_owners
from newsprism.reconcile.figures import range_floor
from tests.test_facts_real_shapes import analyzer, facts_of  # noqa: F401

CRASH = "A bus overturned on the coast road near Brellin on Sunday night. "
GAME = "The Harlow Hawks beat the Denton Rams 88-80 on Saturday. "


def _shared(analyzer: Analyzer, base: str, first: str, second: str) -> list[Fact]:  # noqa: F811
    facts = facts_of(analyzer, [("Ardmoor Gazette", base + first), ("Tessel Post", base + second)])
    return [f for f in facts if len({v.passage.outlet for v in f.values}) == 2]


@pytest.mark.parametrize(
    ("first", "second", "passage"),
    [
        (
            "Between 12 and 15 people were hurt in the crash.",
            "12 people were hurt in the crash.",
            "Between 12 and 15 people",
        ),
        (
            "Between 12 and 15 people were hurt in the crash.",
            "Twelve people were hurt in the crash.",
            "Between 12 and 15 people",
        ),
        (
            "12-15 people were hurt in the crash, police said.",
            "14 people were hurt in the crash.",
            "12-15 people",
        ),
        (
            "12 to 15 people were hurt in the crash.",
            "15 people were hurt in the crash.",
            "12 to 15 people",
        ),
        # ends written in words (s39: the low end stood as a fact of its own)
        (
            "Two to three people were hurt in the crash.",
            "Three people were hurt in the crash.",
            "Two to three people",
        ),
        (
            "Between five and six people were hurt in the crash.",
            "Five people were hurt in the crash.",
            "Between five and six people",
        ),
    ],
)
def test_a_point_inside_a_range_agrees(
    analyzer: Analyzer,  # noqa: F811
    first: str,
    second: str,
    passage: str,
) -> None:
    facts = _shared(analyzer, CRASH, first, second)
    assert [(f.status, f.agreement) for f in facts] == [("agree", "compatible")], facts
    # the range is one value whose passage holds both ends and the "between" opening it
    # (s38 review 1: "12 and 15 people" reads as a list of two), not a low end of its own
    ranged = [v for v in facts[0].values if v.passage.outlet == "Ardmoor Gazette"]
    assert [v.passage.text for v in ranged] == [passage], ranged


def test_a_point_outside_a_range_differs(analyzer: Analyzer) -> None:  # noqa: F811
    facts = _shared(
        analyzer, CRASH, "Between 12 and 15 people were hurt in the crash.",
        "20 people were hurt in the crash.",
    )  # fmt: skip
    assert [f.status for f in facts] == ["differ"], facts
    words = _shared(
        analyzer, CRASH, "Three to four trucks were involved in the crash.",
        "Two trucks were involved in the crash.",
    )  # fmt: skip
    assert [f.status for f in words] == ["differ"], words


POWER = "A storm hit the harbour town of Velmor on Sunday night. "


@pytest.mark.parametrize(
    ("second", "status"),
    [
        ("Five hundred households lost power, the utility said.", "agree"),
        ("500 households lost power, the utility said.", "agree"),
        ("Four thousand households lost power, the utility said.", "differ"),
        ("150 households lost power, the utility said.", "differ"),
    ],
)
def test_a_words_range_with_ends_at_two_scales(
    analyzer: Analyzer,  # noqa: F811
    second: str,
    status: str,
) -> None:
    # s39 review 2: the ends were read at their written numbers (2-3 thousand), so the
    # range refused the join and a point inside it differed
    first = "Two hundred to three thousand households lost power, the utility said."
    facts = _shared(analyzer, POWER, first, second)
    assert [f.status for f in facts] == [status], facts
    ranged = [v for v in facts[0].values if v.passage.outlet == "Ardmoor Gazette"]
    assert [v.passage.text for v in ranged] == ["Two hundred to three thousand households"]


def test_a_ceiling_is_still_read_near_its_figure(analyzer: Analyzer) -> None:  # noqa: F811
    # "up to"/"as many as" read as "under", near the figure, as "nearly" is: two
    # ceilings of one count far apart are two outlets' different estimates.
    facts = _shared(
        analyzer, CRASH, "As many as 100 cars were caught in the pileup.",
        "Up to 50 cars were caught in the pileup.",
    )  # fmt: skip
    assert [f.status for f in facts] == ["differ"], facts


@pytest.mark.parametrize(
    ("text", "value", "floor"),
    [
        ("12-15 people", 15.0, 12.0),
        ("12 and 15 people", 15.0, 12.0),
        ("between 12 and 15 people", 15.0, 12.0),
        ("$1.2 million to $1.5 million", 1.5e6, 1.2e6),
        ("40 percent to 75 percent", 75.0, 40.0),
        ("$900,000 to $1.2 million", 1.2e6, None),  # the written figures are no range
        ("18- to 25-year", 25.0, 18.0),  # a suspended hyphen before "to" (s39)
        ("12-15-20 people", 20.0, None),  # a chain of figures is no range
        # ends in words (s39)
        ("three to four trucks", 4.0, 3.0),
        ("between five and six people", 6.0, 5.0),
        ("twenty-five to thirty people", 30.0, 25.0),
        ("up to four trucks", 4.0, None),
        ("four to three trucks", 3.0, None),
        ("two - million - dollar", 1e6, None),  # a bare scale word is no end (ECB+)
        ("two to three million dollars", 3e6, 2e6),
        # each end at its own scale, the top end's carried to a bare low end (s39 review 2:
        # "two hundred to three thousand" read 2,000-3,000)
        ("two hundred to three thousand people", 3000.0, 200.0),
        ("ninety to one hundred people", 100.0, 90.0),
        ("five to six hundred people", 600.0, 500.0),
        ("two and three hundred homes", 300.0, 200.0),  # as joined_ranges cuts "between"
        ("hundred to a thousand people", 1000.0, None),  # a bare scale word is no end
        ("15 people", 15.0, None),
    ],
)
def test_range_floor(text: str, value: float, floor: float | None) -> None:
    quantity = Quantity(value, None, text, 0, len(text), "under")
    assert range_floor(quantity) == floor
    assert range_floor(Quantity(value, None, text, 0, len(text))) is None  # no bound


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Mara Quill scored 20 points for the Hawks.",
            "Tessa Brand scored 14 points for the Rams.",
        ),
        ("Mara Quill had 20 points.", "Tessa Brand had 14 points."),
        ("Mara Quill led the Hawks with 20 points.", "Tessa Brand led the Rams with 14 points."),
        # the possessor of the figure's noun, the noun a relative clause hangs on, the
        # person before a "she" who is the subject of the figure's verb
        ("Mara Quill's 20 points led the Hawks.", "Tessa Brand's 14 points led the Rams."),
        (
            "Mara Quill, who scored 20 points, left early.",
            "Tessa Brand, who scored 14 points, left early.",
        ),
        (
            "Mara Quill came off the bench. She had 20 points.",
            "Tessa Brand came off the bench. She had 14 points.",
        ),
    ],
)
def test_two_players_figures_do_not_differ(analyzer: Analyzer, first: str, second: str) -> None:  # noqa: F811
    facts = _shared(analyzer, GAME, first, second)
    assert not [f for f in facts if f.status == "differ"], facts


def test_one_players_figures_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    facts = _shared(
        analyzer, GAME, "Mara Quill scored 20 points for the Hawks.",
        "Mara Quill scored 24 points for the Hawks.",
    )  # fmt: skip
    assert [f.status for f in facts] == ["differ"], facts


def test_two_officials_reporting_one_count_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    # a verb of saying: the count is what each reported, not each person's own
    facts = _shared(
        analyzer, CRASH, "Fire chief Ivo Lind said 12 people were hurt in the crash.",
        "Mayor Ana Varga said 15 people were hurt in the crash.",
    )  # fmt: skip
    assert [f.status for f in facts] == ["differ"], facts


FLOOD = "Floods swept the river valley on Sunday. "


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Governor Ada Kross declared an emergency after the floods killed 12 people in Tarnby.",
            "Mayor Ola Brek ordered an evacuation after the floods killed 14 people in Tarnby.",
        ),
        (
            "Governor Ada Kross spoke on Monday. She declared an emergency after the floods "
            "killed 12 people in Tarnby.",
            "Mayor Ola Brek spoke on Monday. He ordered an evacuation after the floods killed "
            "14 people in Tarnby.",
        ),
    ],
)
def test_a_person_of_another_verb_owns_no_figure(
    analyzer: Analyzer,  # noqa: F811
    first: str,
    second: str,
) -> None:
    # s38 review 1: the person is the subject of another verb of the clause, not of the
    # verb that counts the dead; the two tolls are one count told otherwise
    facts = _shared(analyzer, FLOOD, first, second)
    assert [f.status for f in facts] == ["differ"], facts


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Voters handed Ada Kross 52 percent in Tarnby on Sunday.",
            "Ola Brek won 44 percent in Tarnby on Sunday.",
        ),
        (
            "The jury awarded Ada Kross 3 million dollars in damages on Monday.",
            "Ola Brek won 2 million dollars in damages on Monday.",
        ),
    ],
)
def test_the_person_given_a_figure_owns_it(
    analyzer: Analyzer,  # noqa: F811
    first: str,
    second: str,
) -> None:
    # s38 review: the one handed or awarded the figure owns it as the one who wins it
    # does; two people's shares are two facts, not one figure told otherwise
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert len(facts) == 2 and not [f for f in facts if f.status == "differ"], facts


@pytest.mark.parametrize(
    ("sentence", "figure", "owner"),
    [
        ("The jury awarded 3 million dollars to Ada Kross on Monday.", "3 million", "Kross"),
        ("In Tarnby 52 percent was won by Ada Kross.", "52 percent", "Kross"),
    ],
)
def test_a_dative_or_agent_owns_the_figure(sentence: str, figure: str, owner: str) -> None:
    start = sentence.index(figure)
    doc = fact_owners.Parses().doc(sentence)
    words = [t.text for t in fact_owners.owner_tokens(doc, start, start + len(figure))]
    assert owner in words, words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Mara Quill scored 9 points and grabbed 14 rebounds.",
            "Tessa Brand scored 11 points and grabbed 10 rebounds.",
        ),
        (
            "Mara Quill scored 9 points and 14 rebounds.",
            "Tessa Brand scored 11 points and 10 rebounds.",
        ),
        (
            "Mara Quill scored 9 points, grabbed 14 rebounds and had 5 assists.",
            "Tessa Brand scored 11 points, grabbed 10 rebounds and had 3 assists.",
        ),
    ],
)
def test_a_figure_after_and_keeps_the_first_clauses_owner(
    analyzer: Analyzer,  # noqa: F811
    first: str,
    second: str,
) -> None:
    # s39: an earlier figure of the sentence stands between the person and the figure
    # after "and"; the verb with no subject of its own takes the first verb's, so the
    # rebounds are each player's own and two players' counts never differ
    facts = _shared(analyzer, GAME, first, second)
    assert not [f for f in facts if f.status == "differ"], facts


def test_one_players_figure_after_and_still_differs(analyzer: Analyzer) -> None:  # noqa: F811
    facts = _shared(
        analyzer, GAME, "Mara Quill scored 9 points and grabbed 14 rebounds.",
        "Mara Quill scored 9 points and grabbed 12 rebounds.",
    )  # fmt: skip
    assert sorted(f.status for f in facts) == ["agree", "differ"], facts


POLICY = "A draft law in Varnia would pay a grant to young workers. "


@pytest.mark.parametrize(
    ("first", "passage"),
    [
        ("It covers workers between the ages of 18 and 25.", "between the ages of 18 and 25"),
        ("It covers workers aged between 18 and 25.", "between 18 and 25"),
        ("It covers 18- to 25-year-olds.", "18- to 25-year"),
    ],
)
def test_a_span_of_ages_is_one_range(analyzer: Analyzer, first: str, passage: str) -> None:  # noqa: F811
    # s39: "between the ages of" stood too far before the low end for the range to be
    # read; the two ends made two ages, and neither matched the other outlet's span
    facts = _shared(analyzer, POLICY, first, "It covers workers aged 18 to 25.")
    assert [f.status for f in facts] == ["agree"], facts
    ranged = [v.passage.text for v in facts[0].values if v.passage.outlet == "Ardmoor Gazette"]
    assert ranged == [passage], facts


def test_two_spans_of_ages_apart_differ(analyzer: Analyzer) -> None:  # noqa: F811
    facts = _shared(
        analyzer, POLICY, "It covers workers between the ages of 18 and 25.",
        "It covers workers between the ages of 30 and 40.",
    )  # fmt: skip
    assert [f.status for f in facts] == ["differ"], facts
