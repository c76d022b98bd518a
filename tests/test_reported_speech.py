"""Reported speech the parser gives no complement clause (analyze/reported_speech.py):
cues set off by commas, a clause hung elsewhere, promises and requests with an
infinitive, stated objects; and what none of them reads. Invented text; names resolve
through the :class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

REPORTED_CASES = [
    # A cue set off at the end of what it reports, with no verb before it.
    ("People like the dockers, Rask said.", "People like the dockers"),
    # A cue set off inside the sentence, its clause hung on the cue.
    (
        "If the vote fails, Rask argues, there are other ways to fund the port.",
        "there are other ways to fund the port",
    ),
    # A finite clause after the cue, read as a relative clause opened by "that".
    (
        "In Lorvik last week, Rask told a panel of harbour workers that no one had "
        "paid the new fees.",
        "no one had paid the new fees",
    ),
    # A finite clause after a time phrase, read as an adverbial clause.
    (
        "Rask said after the meeting he would not accept the offer.",
        "he would not accept the offer",
    ),
    # A promise with an infinitive.
    (
        "Rask vowed to bring back the lost ferry jobs.",
        "to bring back the lost ferry jobs",
    ),
    # A clause whose subject the parser took for the object of a participle.
    (
        "Rask issued a memo stating the clerk is to blame for the delay.",
        "the clerk is to blame for the delay",
    ),
    # A request to someone: the person asked and the infinitive.
    (
        "Rask asked the harbour master to delay the ferry tender.",
        "the harbour master to delay the ferry tender",
    ),
    # A participle of the main clause.
    (
        "Rask spoke to the dockers on Thursday, promising to lift the harbour fees.",
        "to lift the harbour fees",
    ),
    # A speech act in a clause of time with its own subject.
    (
        "The row began when Rask cited the closure of three ferry lines last year.",
        "the closure of three ferry lines",
    ),
    # A speech act whose object is the content.
    (
        "Rask announced on Friday the closure of the northern terminal.",
        "the closure of the northern terminal",
    ),
]


@pytest.mark.parametrize(("text", "words"), REPORTED_CASES, ids=[c[0][:24] for c in REPORTED_CASES])
def test_reported_speech_without_a_complement(nlp: Language, text: str, words: str) -> None:
    found = [q for q in quotes_of(nlp, text) if words in q.text]
    assert found, [q.text for q in quotes_of(nlp, text)]
    assert (found[0].direct, found[0].speaker) == (False, "Edvin Rask")
    assert_offsets(text, found)


def test_a_subject_joined_to_the_noun_before_and(nlp: Language) -> None:
    text = (
        "The Kelmar ferry was repaired and approved for the night crossing and a "
        "spokesman for Lorvik's harbour police said Tuesday that nobody had been charged."
    )
    [quote] = quotes_of(nlp, text)
    assert (quote.text, quote.speaker_mention) == ("nobody had been charged", "a spokesman")


COLON_CASES = [
    # A noun of speech hands over with a colon.
    (
        "The council issued a statement: The water is safe to drink.",
        "The water is safe to drink",
        "The council",
    ),
    (
        "Rask has also offered a fuller explanation of why the crew left the buoys in place: "
        "They did not see them before the storm came in.",
        "They did not see them before the storm came in",
        "Rask",
    ),
    # A reporting verb hands over with a colon, no quote marks.
    (
        "The mayor wrote on Facebook: The reservoir will be drained on Friday.",
        "The reservoir will be drained on Friday",
        "The mayor",
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "mention"), COLON_CASES, ids=[c[0][:24] for c in COLON_CASES]
)
def test_statement_after_a_colon(nlp: Language, text: str, words: str, mention: str) -> None:
    [quote] = quotes_of(nlp, text)
    assert (quote.text, quote.direct, quote.speaker_mention) == (words, False, mention)


NOTHING_REPORTED = [
    "In an interview on Friday, Rask said.",  # a phrase of place, nothing said
    "Rask said nothing as the crowd cheered.",  # a clause of time, not of content
    "Rask refused to pledge to keep the port open.",  # a pledge refused
    # A request with no one asked: the infinitive is the subject's own wish or act.
    "The clerk spoke on condition of anonymity and asked not to be named in the paper.",
    "Rask asked to see the harbour master before the vote.",
    "Rask urged to delay the ferry tender by a month.",
    "Rask confirmed the report.",  # an object too short to be a statement
    "Rask repeated the claims about the harbour fees.",  # the act, not its content
    "The plan would add so many fees that it would sink the port.",  # a thing adds
    "Rask did not issue a statement: the port stays shut.",  # no statement was issued
    # A hypothetical's participle.
    "The council would do well to court farmers, stressing the cost of the new fees.",
]


@pytest.mark.parametrize("text", NOTHING_REPORTED, ids=[t[:24] for t in NOTHING_REPORTED])
def test_no_reported_speech(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_a_described_demonstrative_speaks(nlp: Language) -> None:
    text = "Those close to Rask say that she would seek a third mandate."
    [quote] = quotes_of(nlp, text)
    assert quote.text == "she would seek a third mandate"
    assert quote.speaker_mention == "Those"  # its words: the mention is the head word


def test_a_quoted_sentence_is_left_to_the_direct_quote(nlp: Language) -> None:
    text = "\u201cThe port will close,\u201d Rask said, \u201cand soon.\u201d"
    assert all(q.direct for q in quotes_of(nlp, text))


@pytest.mark.parametrize("text", ["Rask said:\n ", "Read the statement:\n\u00a0"])
def test_a_lead_in_before_a_blank_paragraph_reports_nothing(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []  # it raised IndexError at the text's end


def test_a_promise_in_quote_marks_is_left_to_the_direct_quote(nlp: Language) -> None:
    text = "Rask asked the mayor to \u201cplease let go of the harbour now.\u201d"
    assert [q.direct for q in quotes_of(nlp, text)] == [True]
