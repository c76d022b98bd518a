"""Judgements reported as a name given to something (analyze/quote_namings.py): "Holt
called the levy a tax on the poorest islanders" is a statement of Holt's, also as a
participle ("..., calling it ...") and with "branded", "labelled", "described ... as";
and the uses of those verbs that report no judgement (a phone call, a name given, a time
phrase, "call it a day", a passive, a negation, words in quote marks). Invented text;
names resolve through the :class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

NAMINGS = [
    (
        "Ana Holt called the ferry levy a tax on the poorest islanders.",
        "the ferry levy a tax on the poorest islanders",
        "Ana Holt",
        "called",
    ),
    # A participle of the sentence's verb: the subject of that verb speaks.
    (
        "Ana Holt has opposed a higher harbour fee, calling it a raid on the islanders' purses.",
        "it a raid on the islanders' purses",
        "Ana Holt",
        "calling",
    ),
    # Adjectives as the name.
    (
        "Edvin Rask called the plan reckless and unfair to the fishermen.",
        "the plan reckless and unfair to the fishermen",
        "Edvin Rask",
        "called",
    ),
    (
        "Edvin Rask branded the ferry levy a disgrace.",
        "the ferry levy a disgrace",
        "Edvin Rask",
        "branded",
    ),
    (
        "Ana Holt described the levy as a tax on the poorest islanders.",
        "the levy as a tax on the poorest islanders",
        "Ana Holt",
        "described",
    ),
    # "day" with words of its own is a judgement, not the fixed phrase.
    (
        "Edvin Rask called it a historic day for the harbour.",
        "it a historic day",
        "Edvin Rask",
        "called",
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "speaker", "cue"), NAMINGS, ids=[t[0][:34] for t in NAMINGS]
)
def test_a_judgement_given_as_a_name_is_reported_speech(
    nlp: Language, text: str, words: str, speaker: str, cue: str
) -> None:
    found = [q for q in quotes_of(nlp, text) if q.text == words]
    assert found, [q.text for q in quotes_of(nlp, text)]
    assert (found[0].direct, found[0].speaker, found[0].cue) == (False, speaker, cue)
    assert_offsets(text, found)


NOT_NAMINGS = [
    # A phone call, a meeting called: no name given after the object.
    "Edvin Rask called the harbour police after the storm.",
    "The harbour board called a meeting for Friday.",
    # A time phrase the parser may hang on the verb like a name.
    "Edvin Rask called his sister every night.",
    # A name given, not a judgement.
    "They called the new ferry Northern Star.",
    # A fixed phrase: stopping work.
    "Edvin Rask called it a day after the storm.",
    # Idioms and phrasal verbs: an order, a roll call, a cancellation.
    "The chairman called the meeting to order at noon.",
    "The clerk called the roll before the vote.",
    "The umpire called the game off because of the rain.",
    "The union called the strike off after the talks.",
    "Edvin Rask called it quits after twenty years.",
    # Not said: negated, or a passive (the subject is what is named).
    "Ana Holt did not call the plan a failure.",
    "The old ferry was called the Northern Star.",
]


@pytest.mark.parametrize("text", NOT_NAMINGS, ids=[t[:34] for t in NOT_NAMINGS])
def test_no_statement_from_a_naming_verb_that_judges_nothing(nlp: Language, text: str) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == []


def test_quoted_words_of_a_naming_are_the_direct_quote(nlp: Language) -> None:
    text = "Edvin Rask called the offer a \u201cnon-starter\u201d on Monday."
    assert [(q.text, q.direct) for q in quotes_of(nlp, text)] == [("non-starter", True)]


def test_a_report_inside_a_report_is_the_outer_speaker_s(nlp: Language) -> None:
    text = "Edvin Rask said Ana Holt called the plan a failure."
    found = quotes_of(nlp, text)
    assert [(q.text, q.speaker) for q in found] == [
        ("Ana Holt called the plan a failure", "Edvin Rask")
    ]


# A double object: a ride or a helper called for a person ("called him a taxi" = called
# a taxi for him). The parser reads it as a name given to the person; it judges nothing.
SUMMONED = [
    "Ana Holt called him a taxi after the dinner.",
    "The manager called her an ambulance when she fell.",
    "The hotel called us a taxi to the station.",
    "Edvin Rask called the passengers a cab at midnight.",
    "The nurse called herself a taxi after her shift.",
    "The landlord called me a plumber on Monday.",
]


@pytest.mark.parametrize("text", SUMMONED, ids=[t[:34] for t in SUMMONED])
def test_a_ride_or_helper_called_for_someone_is_no_judgement(nlp: Language, text: str) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == []


# The same shape, a judgement: the person judged by another noun, or the ride's noun as
# a name given to a thing, or with words of its own.
JUDGED = [
    ("Ana Holt called him a liar after the dinner.", "him a liar"),
    ("Ana Holt called him a traitor to the island.", "him a traitor to the island"),
    ("Edvin Rask called the mayor a coward.", "the mayor a coward"),
    ("Edvin Rask called the new ferry a taxi for the rich.", "the new ferry a taxi"),
    ("Ana Holt called him a taxi driver with no licence.", "him a taxi driver with no licence"),
]


@pytest.mark.parametrize(("text", "words"), JUDGED, ids=[t[0][:34] for t in JUDGED])
def test_a_person_judged_by_a_name_is_still_reported(nlp: Language, text: str, words: str) -> None:
    texts = [q.text for q in quotes_of(nlp, text)]
    assert any(t.startswith(words) for t in texts), texts
