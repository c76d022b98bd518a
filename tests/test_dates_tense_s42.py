"""Which way a clause without a tense of its own points (s42 audit of relative dates over
the shared English texts): an infinitive takes the tense of the clause it hangs on, a
participle only its future, a clause on a noun keeps its own past; and "set for <date>"
is an appointment, ahead however "set" is conjugated.

Every sentence here is invented for the test. The anchor is Wednesday 28 September 2016.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from spacy.language import Language

from newsprism.analyze.dates import extract_dates

PUBLISHED = datetime(2016, 9, 28, 9, 0, tzinfo=UTC)  # a Wednesday


def dates_of(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.date) for m in extract_dates(nlp(text), PUBLISHED)]


AHEAD: list[tuple[str, tuple[str, str]]] = [
    ("The vote is expected to start in the Orsk council on Monday, followed by the "
     "harbour board on Friday.", ("on Friday", "2016-09-30")),
    ("The hearing for Vesk has been set for May 9.", ("May 9", "2017-05-09")),
    ("The judge set the ferry inquiry for April 12.", ("April 12", "2017-04-12")),
    ("The Vesk hearing, set for May 9, was moved to a larger room.", ("May 9", "2017-05-09")),
    ("The council does not have the fares go up on February 1st.",
     ("on February 1st", "2017-02-01")),
    # An "-ing" participle runs with its future main clause on either side (s43/2 S1).
    ("Starting on Monday, the ferry will run every hour.", ("on Monday", "2016-10-03")),
    ("Beginning in January, residents will pay a higher levy.",
     ("in January", "2017-01-01/2017-01-31")),
    ("Running from Friday, the festival will close the coast road.",
     ("from Friday", "2016-09-30")),
    ("Sailing on Friday, the new ferry will carry 300 passengers.",
     ("on Friday", "2016-09-30")),
    # an onset verb fronted, and any other "-ing" participle after its future verb
    ("Opening on Monday, the new ticket office will sell ferry passes.",
     ("on Monday", "2016-10-03")),
    ("The port will close the coast road on Friday, reopening it on Monday.",
     ("on Monday", "2016-10-03")),
    # "set for" a time noun holding the date: the appointment.
    ("The Vesk hearing was set for a date in June.", ("in June", "2017-06-01/2017-06-30")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "reading"), AHEAD)
def test_a_clause_without_a_tense_of_its_own_looks_ahead_with_its_governor(
    nlp: Language, sentence: str, reading: tuple[str, str]
) -> None:
    assert reading in dates_of(nlp, sentence)


# A fronted "-ing" participle of neither onset nor cause/sequence may tell of the day
# before or after publication under a future clause: its plain weekday is left undated
# rather than guessed (review s43i S1 on 23aa99a, which dated these next week; review
# s43h S5 on cc73286, which dated them last week). The onset list ("Starting",
# "Opening") looks ahead above; the cause list ("Citing") looks back below.
UNCLEAR = [
    "Closing the coast road on Monday, the council will repave it over two weeks.",
    "Marking its 50th year on Saturday, the ferry line will hold a parade in the harbour.",
    "Hosting the final on Sunday, the town will close its main square.",
    "Playing at home on Monday, the team will wear its old kit.",
    "Unveiling the new fares on Monday, the ferry line will cut two routes next year.",
    "Posting a loss on Tuesday, the Orsk shipyard will shed 80 jobs.",
]


@pytest.mark.parametrize("sentence", UNCLEAR)
def test_a_fronted_participle_of_unclear_time_leaves_its_weekday_undated(
    nlp: Language, sentence: str
) -> None:
    found = dates_of(nlp, sentence)
    assert not any(text.endswith("day") for text, _ in found), found


def test_a_named_relation_dates_the_weekday_in_an_unclear_participle(nlp: Language) -> None:
    found = dates_of(nlp, "Unveiling the fares next Monday, the ferry line will cut two routes.")
    assert ("next Monday", "2016-10-03") in found


BEHIND: list[tuple[str, tuple[str, str]]] = [
    ("The Orsk pier bill, passed on Monday, is now law.", ("on Monday", "2016-09-26")),
    ("Officials, speaking on Monday, say the pier is safe.", ("on Monday", "2016-09-26")),
    ("The council voted on Monday, followed by the board on Tuesday.",
     ("on Tuesday", "2016-09-27")),
    ("The board set a record for ferry sales on Tuesday.", ("on Tuesday", "2016-09-27")),
    ("The mayor wanted to meet the council on Friday.", ("on Friday", "2016-09-23")),
    ("It is the largest shift to follow the Orsk ruling in June.",
     ("in June", "2016-06-01/2016-06-30")),
    # A participle placed before a future main clause tells what led up to it.
    ("Arrested on Monday, Vesk will appear in court on Friday.",
     ("on Monday", "2016-09-26")),
    ("Damaged by the storm on Monday, the pier will reopen next month.",
     ("on Monday", "2016-09-26")),
    ("Elected in May, the mayor will take office in January.",
     ("in May", "2016-05-01/2016-05-31")),
    ("Founded in March, the group will hold its first vote in October.",
     ("in March", "2016-03-01/2016-03-31")),
    # A past participle after a future main clause tells a deed done too (s43/2 S1).
    ("Vesk will appear in court on Friday, arrested on Monday after a chase in Orsk.",
     ("on Monday", "2016-09-26")),
    ("The mayor will take office in January, elected in May by a wide margin.",
     ("in May", "2016-05-01/2016-05-31")),
    # An "-ing" word of cause, response or sequence tells a deed before its future main
    # clause (review s43/4 S5 on d662d0a, which read the coming Monday).
    ("Citing a storm on Monday, the port will stay closed until Friday.",
     ("on Monday", "2016-09-26")),
    ("Blaming a strike on Monday, the airline will cancel 40 flights on Friday.",
     ("on Monday", "2016-09-26")),
    ("Responding to a crash on Monday, the council will close the coast road on Friday.",
     ("on Monday", "2016-09-26")),
    ("Following talks on Monday, the council will vote on the levy next week.",
     ("on Monday", "2016-09-26")),
    ("After meeting on Monday, the board will announce its decision next week.",
     ("on Monday", "2016-09-26")),
    ("Police will release the names on Friday, citing a court order from Monday.",
     ("from Monday", "2016-09-26")),
    # "set for" a noun: the date dates the noun, not an appointment.
    ("Records set for the race in August still stand.",
     ("in August", "2016-08-01/2016-08-31")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "reading"), BEHIND)
def test_a_participle_or_a_clause_on_a_noun_keeps_the_past(
    nlp: Language, sentence: str, reading: tuple[str, str]
) -> None:
    assert reading in dates_of(nlp, sentence)
