"""False 'negation' classes read on ECB+ (real multi-outlet news with no gold, read for
precision) at stop 37, on invented articles: a denial limited by a 'when ...' clause, a
'not' moved up to a verb of opinion in one rendering of a quote, a thing pointed back to
('that clinic') against one newly brought in ('a Denver clinic'), a person against a
thing of that person ('results of his test'), a denial of a kind of thing ('a clean
punch'), and a verb with a particle ('went down') against the bare verb ('has gone').
Each look-alike has a control that still clashes."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.negation_guards import raised_negation
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_contradictions_day_names import undated
from tests.test_contradictions_general import _kinds


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


LOOK_ALIKES = [
    (
        "No shots were fired when Ned Varga was taken into custody, the sheriff added.",
        "Ned Varga fired one shot at the clerk before he fled.",
    ),
    (
        "\"I feel on the court we weren't running the system that we want to have as "
        'Harbor basketball," Ivo Lund said.',
        "\"I didn't feel on the court we were running the system we wanted to have as "
        'Harbor basketball," Ivo Lund said.',
    ),
    (
        "Mira Kalen checked into a Denver clinic that was approved by prosecutors and a judge.",
        "Her lawyer arranged for Mira Kalen to check into Pinecrest, but prosecutors have "
        "not approved that clinic.",
    ),
    (
        "Ned Varga was taken to a county jail where he later was released on bail.",
        "Results of Ned Varga's blood test have not been released.",
    ),
    (
        "Ned Varga did not land a clean punch in the sixth round.",
        "Ned Varga landed one punch in the sixth round.",
    ),
    (
        "Ned Varga never went down in the third round against Ivo Lund.",
        "Ned Varga has gone 4-2-1 since the third round against Ivo Lund.",
    ),
]

CONTROLS = [
    (
        "No shots were fired when Ned Varga was taken into custody.",
        "Ned Varga fired a shot when he was taken into custody.",
    ),
    (
        "Prosecutors have not approved the Pinecrest clinic for Mira Kalen.",
        "Prosecutors approved the Pinecrest clinic for Mira Kalen.",
    ),
    (
        "Ned Varga has not been released from the county jail.",
        "Ned Varga was released from the county jail.",
    ),
    (
        "Ned Varga did not land a punch in the sixth round.",
        "Ned Varga landed a clean punch in the sixth round.",
    ),
    (
        "Ned Varga did not fire a single shot at the clerk.",
        "Ned Varga fired a shot at the clerk.",
    ),
    (
        "Ned Varga never went down in the third round.",
        "Ned Varga went down in the third round.",
    ),
    # Review s37: the parser labels the particle advmod on one side and prt on the
    # other (H8); "as" and "when" open one occasion (H9); a town is no person, so
    # "residents of <town>" is no thing of someone (H9).
    (
        "The harbour master stepped down after the flood.",
        "The harbour master did not step down after the flood.",
    ),
    (
        "The ferryman rang the bell as the crew ran.",
        "The ferryman did not ring the bell when the crew ran.",
    ),
    (
        "Wardens evacuated residents of Tornvik after the flood.",
        "Wardens did not evacuate Tornvik after the flood.",
    ),
    # "while armed" tells the doer's state, not an occasion.
    (
        "Witnesses said Ned Varga, while armed, did not point the gun at the officers.",
        "Ned Varga pointed a gun at the officers.",
    ),
]


@pytest.mark.parametrize(("one", "other"), LOOK_ALIKES)
def test_look_alike_is_no_contradiction(analyzer: Analyzer, one: str, other: str) -> None:
    assert _kinds(analyzer, [one, other]) == []


@pytest.mark.parametrize(("one", "other"), CONTROLS)
def test_control_still_clashes(analyzer: Analyzer, one: str, other: str) -> None:
    assert _kinds(analyzer, [one, other]) == ["negation"]


def test_raised_negation_needs_a_lower_not_on_the_other_side() -> None:
    assert raised_negation("I didn't feel we were ready.", "I feel we weren't ready.")
    assert raised_negation("I thought we were not ready.", "I don't think we were ready.")
    assert not raised_negation("I didn't think we were ready.", "I think we were ready.")
    assert not raised_negation("We did not feel the quake.", "We felt the quake, not the storm.")


def test_raised_negation_needs_the_lower_not_in_the_opinion_clause() -> None:
    """A 'not' in another clause is no 'not' moved down (review s37 H12)."""
    assert not raised_negation(
        "I don't think the pier will last the winter, and the board was not told.",
        "I think the pier will last the winter, and the board was not told.",
    )
    assert not raised_negation(
        "I don't think the pier will last; the board was not told.",
        "I think the pier will last; the board was not told.",
    )


def test_quote_renderings_with_a_second_negated_clause_still_clash(analyzer: Analyzer) -> None:
    lead = "Storms hit Tornvik on Monday. Warden Ola Brenn spoke at the pier. "
    texts = [
        lead + '"I don\'t think the pier will last the winter, and the board was not told," '
        "Brenn said.",
        lead + '"I think the pier will last the winter, and the board was not told," Brenn said.',
    ]
    assert _kinds(analyzer, texts) == ["negation"]


ARRESTED_SUNDAY = (
    "Tomas Brandt, the goalkeeper for the Ardmoor Rovers was arrested on suspicion of drunk "
    "driving early morning on Sunday, March 1, 2026."
)
CASE_OF = (
    "As it is, the Rovers are still awaiting the disposition of a similar case involving "
    "{who}, arrested Feb. 6 in Tarnby on suspicion of driving under the influence."
)


def test_a_verb_hung_on_another_name_is_another_arrest(analyzer: Analyzer) -> None:
    """'... a similar case involving winger Ilya Varga, arrested Feb. 6' tells Varga's
    arrest (the parser reads 'arrested' as coordinated with 'awaiting'), not the
    goalkeeper's (seen on ECB+, undated pages); hung on the goalkeeper's own name it
    still clashes."""
    other = undated(analyzer, [ARRESTED_SUNDAY, CASE_OF.format(who="winger Ilya Varga")])
    assert find_discrepancies(other, [], LexicalSimilarity()) == []
    own = undated(analyzer, [ARRESTED_SUNDAY, CASE_OF.format(who="goalkeeper Tomas Brandt")])
    assert [d.kind for d in find_discrepancies(own, [], LexicalSimilarity())] == ["date"]
