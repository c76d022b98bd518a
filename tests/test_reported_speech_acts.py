"""Reported speech given by a speech act named as a noun or a participle
(analyze/reported_speech.py: act_participles, a participle on an issued act, a clause
whose subject the parser took for a participle's object): "released a statement
stating …", "issued an apology, blaming … for …", "an open letter voicing …"; and the
participles and acts that report nothing. Invented text; names resolve through the
:class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

ACT_CASES = [
    # A participle of blaming after an issued apology, set off by a comma.
    (
        "Rask rushed to fix the timetable and issued an apology, blaming the harbour "
        "master for the late ferries.",
        "the harbour master for the late ferries",
        "blaming",
    ),
    # The same with no space after the comma, as scraped pages print it.
    (
        "Rask issued an apology,blaming the harbour master for the late ferries.",
        "the harbour master for the late ferries",
        "blaming",
    ),
    # A participle of voicing on an open letter, a phrase of place between.
    (
        "Rask wrote an open letter in the Lorvik Gazette voicing her support for the "
        "striking dockers.",
        "her support for the striking dockers",
        "voicing",
    ),
    # A participle after a verb of speaking.
    (
        "Rask apologized on Friday, blaming the harbour master for the late ferries.",
        "the harbour master for the late ferries",
        "blaming",
    ),
    # A participle the parser hung on the phrase after the act's noun.
    (
        "Rask posted a message on Facebook accusing the harbour master of hiding the report.",
        "the harbour master of hiding the report",
        "accusing",
    ),
    (
        "Rask released a statement expressing deep regret about the closure of the pier.",
        "deep regret about the closure of the pier",
        "expressing",
    ),
    # A cue verb's nominal content, the participle on an issued statement or letter.
    (
        "Rask issued a statement confirming the closure of the northern pier.",
        "the closure of the northern pier",
        "confirming",
    ),
    (
        "Rask sent a letter urging the council to drop the new harbour fees.",
        "the council to drop the new harbour fees",
        "urging",
    ),
    # A clause whose subject the parser made the participle's object, and the
    # clause's verb the subject of a word before the act ("Update: …").
    (
        "Update: Rask has released a statement stating an intern is responsible for "
        "the wrong timetable.",
        "an intern is responsible for the wrong timetable",
        "stating",
    ),
]


@pytest.mark.parametrize(("text", "words", "cue"), ACT_CASES, ids=[c[0][:30] for c in ACT_CASES])
def test_a_speech_act_reports_through_its_participle(
    nlp: Language, text: str, words: str, cue: str
) -> None:
    found = [q for q in quotes_of(nlp, text) if q.text == words]
    assert found, [q.text for q in quotes_of(nlp, text)]
    assert (found[0].direct, found[0].speaker, found[0].cue) == (False, "Edvin Rask", cue)
    assert_offsets(text, found)


NOT_SPEECH = [
    # A participle of blaming after an act that says nothing: the reporter's narration.
    "Rask left the meeting, blaming the harbour master for the delay.",
    "The company cut 300 jobs, blaming weak demand for its ferries.",
    # An act not done.
    "Rask did not issue a statement blaming the harbour master for the delay.",
    # A participle of a verb that is no speech after an issued statement.
    "Rask issued a statement, walking back to the harbour after the meeting.",
    # A statement only seen or received: its reader does not speak.
    "Rask saw a statement confirming the closure of the northern pier.",
    "Rask received a letter blaming the harbour master for the delay.",
    # Too few words to name a claim.
    "Rask issued a statement expressing concern.",
]


@pytest.mark.parametrize("text", NOT_SPEECH, ids=[t[:30] for t in NOT_SPEECH])
def test_no_statement_from_a_participle_that_says_nothing(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_a_quoted_phrase_after_the_participle_is_the_direct_quote(nlp: Language) -> None:
    text = "Rask issued an apology, blaming the harbour master for \u201cthis awful mess.\u201d"
    assert all(q.direct for q in quotes_of(nlp, text))
