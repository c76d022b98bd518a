"""Events dated by a reduced relative clause ("a report released Tuesday") and dated
sentences that carry a long quote (reconcile/date_discrepancies.py through
find_discrepancies), on invented articles, and the pairs that are not one event."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


# Published on a Thursday: "Tuesday" and "Monday" are this week's past days.
RELEASED = "The harbour authority released its safety report on the Lorvik pier on Tuesday."
REDUCED = (
    "The safety report on the Lorvik pier, released Monday by the harbour authority, "
    "found cracks in nine piles."
)
QUOTED = (
    "“We found cracks in nine of the piles, and the whole deck will need new steel "
    "before the winter storms come in from the north,” the engineer said after the "
    "Lorvik Courier published his interview on Tuesday."
)
INTERVIEW = "The Lorvik Courier published the engineer's interview on Monday."
REDUCED_INTERVIEW = "The engineer's interview, published Monday, alarmed the town."

# The interview is the speaker's, with the paper: "told the Courier in an interview".
TOLD = (
    "“The pier is not safe for the ferry crowds this summer,” Ana Holt told the Lorvik "
    "Courier in an interview published Tuesday."
)
COMMENTS = "The engineer stirred the town with comments to the Lorvik Courier published Monday."


def _dates(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    return [{c.text for c in d.claims} for d in found if d.kind == "date"]


def test_a_reduced_relative_dates_its_event(analyzer: Analyzer) -> None:
    assert _dates(analyzer, [RELEASED, REDUCED]) == [{RELEASED, REDUCED}]


def test_a_long_quote_does_not_hide_the_narration(analyzer: Analyzer) -> None:
    assert _dates(analyzer, [QUOTED, INTERVIEW]) == [{QUOTED, INTERVIEW}]


def test_the_setting_of_a_telling_dates_it(analyzer: Analyzer) -> None:
    assert _dates(analyzer, [TOLD, COMMENTS]) == [{TOLD, COMMENTS}]


@pytest.mark.parametrize(
    "texts",
    [
        # Another thing released: the noun the participle modifies is its patient.
        [RELEASED, REDUCED.replace("safety report on the Lorvik pier", "school budget")],
        # Another paper publishes an interview.
        [QUOTED, INTERVIEW.replace("Lorvik Courier", "Varna Herald")],
        # A participle names its event by a common noun only: "the engineer's interview,
        # published Monday" may be another paper's.
        [QUOTED, REDUCED_INTERVIEW],
        # One outlet gives the interview both days: it was published twice.
        [QUOTED + " " + INTERVIEW, INTERVIEW],
        # An interview with another paper.
        [TOLD, TOLD.replace("Lorvik Courier", "Varna Herald").replace("Tuesday", "Monday")],
        # Comments to another paper.
        [TOLD, COMMENTS.replace("Lorvik Courier", "Varna Herald")],
        # Released again: a second occasion.
        [RELEASED, REDUCED.replace("released Monday", "released again Monday")],
    ],
)
def test_dated_events_that_are_not_one(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


class _FlatDense:
    """A dense similarity that scores every pair of clauses 0.39, under ``date_dense``:
    how the story's pooled vectors scored a BASIL interview dated twice."""

    dense = True

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> npt.NDArray[np.float32]:
        return np.full((len(first), len(second)), 0.39, np.float32)


def test_shared_words_pass_the_dense_row_too(analyzer: Analyzer) -> None:
    material = invented(analyzer, [TOLD, COMMENTS])
    found = find_discrepancies(material, [], _FlatDense())
    assert [{c.text for c in d.claims} for d in found if d.kind == "date"] == [{TOLD, COMMENTS}]


def test_the_dense_row_keeps_the_other_date_guards(analyzer: Analyzer) -> None:
    other = TOLD.replace("Lorvik Courier", "Varna Herald").replace("Tuesday", "Monday")
    material = invented(analyzer, [TOLD, other])
    assert not [d for d in find_discrepancies(material, [], _FlatDense()) if d.kind == "date"]


# One occasion named by a noun, dated on the noun ("the debate on Tuesday",
# "Thursday's debate"), not on a verb.
DEBATE_TUESDAY = (
    "Critics pounced after the Kelmar mayoral debate on Tuesday, where Ana Holt stumbled "
    "over the ferry levy."
)
DEBATE_THURSDAY = (
    "Ana Holt stumbled over the ferry levy in Thursday's Kelmar mayoral debate, critics said."
)


def test_an_event_noun_dated_apart(analyzer: Analyzer) -> None:
    assert _dates(analyzer, [DEBATE_TUESDAY, DEBATE_THURSDAY]) == [
        {DEBATE_TUESDAY, DEBATE_THURSDAY}
    ]


@pytest.mark.parametrize("verb", ["was held", "took place"])
def test_an_event_noun_dated_by_a_verb_of_happening(analyzer: Analyzer, verb: str) -> None:
    held = f"The Kelmar mayoral debate {verb} on Tuesday at the Sarnow ferry terminal."
    assert _dates(analyzer, [held, DEBATE_THURSDAY]) == [{held, DEBATE_THURSDAY}]


@pytest.mark.parametrize(
    "texts",
    [
        # Another debate, described by other words.
        [DEBATE_TUESDAY, DEBATE_THURSDAY.replace("Kelmar mayoral", "Sarnow council")],
        # "a debate on Thursday" may be another one.
        [
            DEBATE_TUESDAY,
            DEBATE_THURSDAY.replace(
                "Thursday's Kelmar mayoral debate", "a Kelmar mayoral debate on Thursday"
            ),
        ],
        # The other article dates the debate on Tuesday too: a series, or both told.
        [
            DEBATE_TUESDAY,
            DEBATE_THURSDAY + " She had also stumbled in the Kelmar mayoral debate on Tuesday.",
        ],
        # The same day.
        [DEBATE_TUESDAY, DEBATE_THURSDAY.replace("Thursday's", "Tuesday's")],
        # A person's trip dates no debate.
        ["Ana Holt took the ferry on Tuesday to the Kelmar mayoral debate.", DEBATE_THURSDAY],
        # Ordinals name two debates.
        [
            "The first debate on Monday drew 20 million viewers.",
            "The second debate on Tuesday drew 20 million viewers.",
        ],
        # Votes on two measures.
        [
            "Monday's vote on the amendment was close.",
            "Tuesday's vote on the final bill was close.",
        ],
        # Visits to two places.
        [
            "The president's visit to Kelmar on Tuesday was brief.",
            "The president's visit to Sarnow on Monday was brief.",
        ],
        # Hearings and trials run over days: each date is a day of it.
        ["Holt testified at Monday's hearing.", "Ames testified at Tuesday's hearing."],
        ["Holt was present at the Monday hearing.", "Holt was absent from the Tuesday hearing."],
        [
            "The trial of Ana Holt began on Monday.",
            "A harbour clerk testified against Ana Holt at the trial on Wednesday.",
        ],
    ],
)
def test_event_nouns_that_are_not_one_occasion(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


# One utterance, quoted in the same words by two outlets, dated apart on its cue.
SAID_TUESDAY = (
    "“We will not close the Sarnow ferry line while I am mayor,” Ana Holt said on Tuesday."
)
SAID_WEDNESDAY = (
    "Mayor Ana Holt said Wednesday: “We will not close the Sarnow ferry line while I am mayor.”"
)


def test_one_utterance_dated_apart(analyzer: Analyzer) -> None:
    assert _dates(analyzer, [SAID_TUESDAY, SAID_WEDNESDAY]) == [{SAID_TUESDAY, SAID_WEDNESDAY}]


@pytest.mark.parametrize(
    "texts",
    [
        # The same day.
        [SAID_TUESDAY, SAID_WEDNESDAY.replace("Wednesday", "Tuesday")],
        # Another speaker.
        [SAID_TUESDAY, SAID_WEDNESDAY.replace("Ana Holt", "Marta Ferrand")],
        # The other article quotes the line on Tuesday too: said twice.
        [
            SAID_TUESDAY,
            SAID_WEDNESDAY + " She had said on Tuesday: “We will not close the Sarnow ferry "
            "line while I am mayor.”",
        ],
        # A date inside the quote is the speaker's, not the telling's.
        [
            SAID_TUESDAY,
            "“As I said on Wednesday, we will not close the Sarnow ferry line while I am "
            "mayor,” Ana Holt said.",
        ],
        # Said in two towns: a stump line said twice.
        [
            "“We will build a new ferry terminal for every town on this coast,” Ana Holt "
            "said at a rally in Kelmar on Monday.",
            "“We will build a new ferry terminal for every town on this coast,” Ana Holt "
            "told supporters in Sarnow on Tuesday.",
        ],
        # A shared slogan is no shared utterance.
        [
            "“Ferries for all,” Ana Holt said on Tuesday, opening the Sarnow terminal.",
            "Ana Holt said Wednesday the Kelmar line would run on, “ferries for all.”",
        ],
    ],
)
def test_quotes_that_are_not_one_dated_utterance(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


# One deed told by two verbs of one class (date_discrepancies.DEED_SYNONYMS).
@pytest.mark.parametrize(
    ("first", "second"),
    [
        (RELEASED, RELEASED.replace("released", "published").replace("Tuesday", "Monday")),
        (
            "Ana Holt quit the Kelmar harbour board on Tuesday.",
            "Ana Holt resigned from the Kelmar harbour board on Monday.",
        ),
    ],
)
def test_one_deed_in_two_verbs_dated_apart(analyzer: Analyzer, first: str, second: str) -> None:
    assert _dates(analyzer, [first, second]) == [{first, second}]


def test_verbs_of_other_deeds_stay_apart(analyzer: Analyzer) -> None:
    announced = RELEASED.replace("released", "announced").replace("Tuesday", "Monday")
    assert _dates(analyzer, [RELEASED, announced]) == []


def test_leaving_a_place_and_departing_for_one_stay_apart(analyzer: Analyzer) -> None:
    left = "Holt left the meeting on Tuesday."
    assert _dates(analyzer, [left, "Holt departed for Oslo on Monday."]) == []
