"""An "asked ..." aside set off by commas between a subject and its verb
(analyze/quote_asked_asides.py): "Edvin Rask, asked whether the levy would rise, said
it would not" stores Rask's answer, never the question put to him, even where the
parser reads "asked" as the sentence's finite verb (stop 42 quote audit, seed 42117).
The asker's own question stays theirs. Also: an "according to" phrase between two
joined clauses closes the clause it modifies (the same audit: the phrase was kept
inside the statement). Invented text; names resolve through the
:class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

ANSWERS = [
    ("Edvin Rask, asked whether the levy would rise, said it would not.", "it would not"),
    (
        "The minister, asked whether the bridge would reopen, said it would open in May.",
        "it would open in May",
    ),
    (
        "Mirela Kostanj, asked if she would run again, said she had not decided.",
        "she had not decided",
    ),
    (
        "Edvin Rask, asked whether the bridge would reopen, later said it would open in May.",
        "it would open in May",
    ),
    (
        "The minister, asked about the delay, said the bridge would open in May.",
        "the bridge would open in May",
    ),
]


@pytest.mark.parametrize(("text", "words"), ANSWERS, ids=[t[0][:40] for t in ANSWERS])
def test_the_answer_past_an_asked_aside_is_the_speakers_only_statement(
    nlp: Language, text: str, words: str
) -> None:
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [words]
    assert quotes[0].speaker in ("Edvin Rask", "Teodor Halvik", "Mirela Kostanj")
    assert quotes[0].cue == "said"


def test_an_aside_before_a_refusal_stores_nothing(nlp: Language) -> None:
    text = "Mirela Kostanj, asked if she would run again, declined to answer."
    assert quotes_of(nlp, text) == []


ASKER_KEEPS = [
    # No main verb after the question: the subject asked it.
    ("Mirela Kostanj, a senator, asked whether the bridge would reopen.", "Mirela Kostanj"),
    ("Mirela Kostanj asked whether the bridge would reopen.", "Mirela Kostanj"),
    # The verb after the comma has its own subject: "asked" is finite.
    (
        "Mirela Kostanj, a senator, asked whether the bridge would reopen, and Edvin Rask "
        "said it would.",
        "Mirela Kostanj",
    ),
    (
        "Mirela Kostanj, who asked whether the bridge would reopen, said the council had lied.",
        "Mirela Kostanj",
    ),
]


@pytest.mark.parametrize(("text", "asker"), ASKER_KEEPS, ids=[t[0][:40] for t in ASKER_KEEPS])
def test_the_askers_own_question_stays_theirs(nlp: Language, text: str, asker: str) -> None:
    quotes = quotes_of(nlp, text)
    asked = [q for q in quotes if q.cue == "asked"]
    assert [q.text for q in asked] == ["the bridge would reopen"]
    assert asked[0].speaker == asker


def test_an_inverted_speaker_after_the_question_keeps_both(nlp: Language) -> None:
    text = "Mirela Kostanj asked whether the bridge would reopen, said Edvin Rask."
    quotes = {q.cue: q for q in quotes_of(nlp, text)}
    assert quotes["asked"].speaker == "Mirela Kostanj"
    assert quotes["said"].speaker == "Edvin Rask"


ACCORDING = [
    # The phrase between two joined clauses closes the first.
    (
        "The council approved the plan, according to Edvin Rask, and work will begin in June.",
        "The council approved the plan",
    ),
    (
        "The council approved the plan, according to Edvin Rask, but the vote was close.",
        "The council approved the plan",
    ),
    # Near shapes left as they were: the phrase at either edge, or inside one clause
    # (a span cannot leave it out), or before a verb sharing the clause's subject.
    (
        "According to Edvin Rask, the council approved the plan and work will begin in June.",
        "the council approved the plan and work will begin in June",
    ),
    (
        "The council approved the plan on Monday, according to Edvin Rask.",
        "The council approved the plan on Monday",
    ),
    (
        "The plan, according to Edvin Rask, will cost $5 million.",
        "The plan, according to Edvin Rask, will cost $5 million",
    ),
    (
        "The council approved the plan, according to Edvin Rask, and set a date for the work.",
        "The council approved the plan, according to Edvin Rask, and set a date for the work",
    ),
]


@pytest.mark.parametrize(("text", "words"), ACCORDING, ids=[t[0][:40] for t in ACCORDING])
def test_according_to_between_joined_clauses_closes_the_first(
    nlp: Language, text: str, words: str
) -> None:
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [words]
    assert quotes[0].speaker == "Edvin Rask"


NEXT_DEEDS = [
    # the verb after the later comma is the asker's next deed, not an answer: "asked"
    # is her own finite verb (review s43f S6)
    "Mirela Kostanj, a senator, asked whether the bridge would reopen, then left the hall.",
    "Mirela Kostanj, a senator, asked whether the bridge would reopen, then walked out.",
    # near shapes of our own
    "Mirela Kostanj, a senator, asked whether the bridge would reopen, then sat down.",
    "Mirela Kostanj, the council's chair, asked whether the bridge would reopen, later left.",
]


@pytest.mark.parametrize("text", NEXT_DEEDS, ids=[t[:50] for t in NEXT_DEEDS])
def test_a_question_followed_by_a_next_deed_stays_the_askers(nlp: Language, text: str) -> None:
    asked = [q for q in quotes_of(nlp, text) if q.cue == "asked"]
    assert [q.text for q in asked] == ["the bridge would reopen"]
    assert asked[0].speaker == "Mirela Kostanj"


def test_according_to_closes_the_first_clause_even_when_the_second_is_the_sources(
    nlp: Language,
) -> None:
    # the choice documented (review s43f M4): the phrase closes the clause before it, so a
    # joined clause the same source plainly says ("and he will step down") is left out
    text = "The levy will rise, according to Edvin Rask, and he will step down in June."
    assert [(q.text, q.speaker) for q in quotes_of(nlp, text)] == [
        ("The levy will rise", "Edvin Rask")
    ]


PUT_TO_THE_SUBJECT = [
    # an "asked whether ..." participle right after the name is a question put to her,
    # whatever she did next: never her own statement (review s43h S6 on 7e5b23b)
    "Ilse Voss, asked whether the bridge would reopen, blamed the council for the delay.",
    "Ilse Voss, asked whether the bridge would reopen, then left the hall.",
]


@pytest.mark.parametrize("text", PUT_TO_THE_SUBJECT, ids=["blamed", "then-left"])
def test_a_question_put_to_the_subject_is_never_her_statement(
    nlp: Language, text: str
) -> None:
    assert "the bridge would reopen" not in [q.text for q in quotes_of(nlp, text)]
