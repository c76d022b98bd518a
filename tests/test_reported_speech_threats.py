"""Threats made with an infinitive as reported speech (analyze/reported_speech.py:
threats): "Rask threatened to close the pier", also as the last of several verbs joined
to one subject; and the threats that are no speech (a thing as subject, a threat not
made, a passive). Invented text; names resolve through the
:class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

THREATS = [
    (
        "Edvin Rask threatened to close the northern pier to every ferry.",
        "to close the northern pier to every ferry",
        "Edvin Rask",
    ),
    # The last of several verbs joined to one subject, a clause of time before it.
    (
        "When the reporter asked about the accounts, Edvin Rask walked off the stage but "
        "came back and threatened to throw him into the harbour.",
        "to throw him into the harbour",
        "Edvin Rask",
    ),
    # A pronoun as subject, the speaker resolved as for any quote.
    (
        "Ana Marrow met the dockers on Monday. She has threatened to sue the harbour board "
        "over the fees.",
        "to sue the harbour board over the fees",
        "Ana Marrow",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), THREATS, ids=[t[0][:30] for t in THREATS])
def test_a_threat_with_an_infinitive_is_reported_speech(
    nlp: Language, text: str, words: str, speaker: str
) -> None:
    found = [q for q in quotes_of(nlp, text) if q.text == words]
    assert found, [q.text for q in quotes_of(nlp, text)]
    assert (found[0].direct, found[0].speaker, found[0].cue) == (False, speaker, "threatened")
    assert_offsets(text, found)


NOT_THREATS = [
    # A thing threatens: no one spoke.
    "The storm threatened to flood the whole harbour town.",
    "The dispute over the fees threatens to delay the harbour vote.",
    # A named storm, a word spaCy takes for a name, a ship: things, not speakers.
    "Storm Edvina threatened to bring winds of ninety miles an hour to the north.",
    "Brexit threatens to derail the talks on fishing rights next month.",
    "The Titanic threatened to sink before the lifeboats were lowered into the water.",
    # A threat not made.
    "Edvin Rask did not threaten to close the northern pier.",
    # Passive: the subject is the one threatened.
    "Edvin Rask was threatened with arrest by the harbour police.",
    # Too few words to name a claim.
    "Edvin Rask threatened to resign.",
]


@pytest.mark.parametrize("text", NOT_THREATS, ids=[t[:30] for t in NOT_THREATS])
def test_no_statement_from_a_threat_that_no_one_made(nlp: Language, text: str) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == []


def test_quoted_words_of_a_threat_are_the_direct_quote(nlp: Language) -> None:
    text = "Edvin Rask threatened to \u201cshut the whole pier down tomorrow.\u201d"
    assert all(q.direct for q in quotes_of(nlp, text))


# A one-word organisation is a speaker when the text shows it is people: its members
# ("Hamas fighters", "a Hezbollah spokesman") or a group in apposition (issue 12).
GROUP_THREATS = [
    (
        "Fighting resumed on Friday. Hamas threatened to end the ceasefire at once. "
        "Hamas fighters fired rockets overnight.",
        "Hamas",
    ),
    (
        "Fighting resumed on Friday. Hamas, the militant group that runs the strip, "
        "threatened to end the ceasefire.",
        "Hamas",
    ),
    (
        "Fighting resumed on Friday. A Hezbollah spokesman gave no details. Hezbollah "
        "threatened to retaliate against the bases.",
        "Hezbollah",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), GROUP_THREATS, ids=[t[1] for t in GROUP_THREATS])
def test_a_one_word_group_shown_to_be_people_threatens(
    nlp: Language, text: str, speaker: str
) -> None:
    found = [q for q in quotes_of(nlp, text) if q.cue == "threatened"]
    assert [q.speaker_mention for q in found] == [speaker]


def test_a_one_word_thing_with_cases_does_not_threaten(nlp: Language) -> None:
    text = (
        "Cases rose on Friday. Omicron threatened to overwhelm the hospitals, as "
        "Omicron cases doubled."
    )
    assert [q.text for q in quotes_of(nlp, text)] == []
