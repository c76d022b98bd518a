"""A question put to someone is not their statement (analyze/quote_questions.py): the
one asked ("Holt was asked whether ...", "Asked if ..., Holt said") did not say the
question's words, and a reply's clause is never the question before it. The answer
after a fronted question, the asker's own question and requests stay statements of
their speakers. Invented text; names resolve through the
:class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

NO_STATEMENT = [
    # The one asked is the passive subject: the question is not theirs.
    "The governor was asked whether he would seek the protections.",
    "Edvin Rask was asked if the levy would rise.",
    "Mirela Kostanj was asked why the ferry was late.",
    # A fronted question is no one's, and no reply's words.
    "Asked by the harbour board if the toll should stay, most drivers answered no.",
    "Asked if the ferry would stop, Edvin Rask declined to comment.",
]


@pytest.mark.parametrize("text", NO_STATEMENT, ids=[t[:40] for t in NO_STATEMENT])
def test_a_question_put_is_no_statement(nlp: Language, text: str) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == []


ANSWERED = [
    # The answer after a fronted question is the speaker's; the question is not.
    (
        "Asked if the levy would rise, Ana Holt would say only that the budget is balanced.",
        "only that the budget is balanced",
    ),
    (
        "When asked whether the levy would rise, Ana Holt said the budget is balanced.",
        "the budget is balanced",
    ),
    ("Asked to comment, Edvin Rask said the harbour was safe.", "the harbour was safe"),
    # An aside of the question inside the speech verb's clause: the answer past it.
    ("Edvin Rask said, when asked about the levy, that it would not rise.", "it would not rise"),
    (
        "Edvin Rask told reporters, when asked about the levy, that it would not rise.",
        "it would not rise",
    ),
    ("Edvin Rask replied, when asked if the levy would rise, that it would not.", "it would not"),
    # The aside hung on the reported clause's head, or a passive "when he was asked"
    # clause: the question is still cut out (review s43/2 M3).
    ("Edvin Rask said, when asked whether the levy would rise, it would not.", "it would not"),
    (
        "Edvin Rask said, when he was asked whether the ferry would stop, that the service "
        "was safe.",
        "the service was safe",
    ),
]


@pytest.mark.parametrize(("text", "words"), ANSWERED, ids=[t[0][:40] for t in ANSWERED])
def test_the_answer_to_a_fronted_question_is_the_only_statement(
    nlp: Language, text: str, words: str
) -> None:
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [words]
    assert quotes[0].speaker in ("Ana Holt", "Edvin Rask")
    assert_offsets(text, quotes)


# An "asked" clause with no question in it, or not set off by commas, is the statement's
# own condition or time: a conditional pledge stays conditional (review s43/g S2).
CONDITIONS = [
    (
        "Edvin Rask said residents would back the levy if asked.",
        "residents would back the levy if asked",
    ),
    (
        "Edvin Rask said the crew would stay on board unless asked to leave.",
        "the crew would stay on board unless asked to leave",
    ),
    (
        "Edvin Rask said the ferry would run on Sunday as asked by the port.",
        "the ferry would run on Sunday as asked by the port",
    ),
    (
        "Edvin Rask said he would resign if he was asked to by the council.",
        "he would resign if he was asked to by the council",
    ),
    (
        "Edvin Rask said the crew would help when they were asked by the port.",
        "the crew would help when they were asked by the port",
    ),
    (
        "Edvin Rask said he would testify once he was asked by the court.",
        "he would testify once he was asked by the court",
    ),
]


@pytest.mark.parametrize(("text", "words"), CONDITIONS, ids=[t[0][:48] for t in CONDITIONS])
def test_an_asked_condition_stays_in_the_statement(nlp: Language, text: str, words: str) -> None:
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [words]
    assert quotes[0].speaker == "Edvin Rask"
    assert_offsets(text, quotes)


ASKERS = [
    ("Mirela Kostanj asked if the ferry would stop.", "the ferry would stop"),
    ("Edvin Rask asked the minister whether the harbour was safe.", "the harbour was safe"),
]


@pytest.mark.parametrize(("text", "words"), ASKERS, ids=[t[0][:40] for t in ASKERS])
def test_the_askers_question_stays_the_askers(nlp: Language, text: str, words: str) -> None:
    """The asker's question is their act of speech (PolNeAR annotates it so): kept,
    credited to the asker, never to the one asked."""
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [words]
    assert quotes[0].speaker == text.split(" asked", maxsplit=1)[0]


REQUESTS = [
    ("Ana Holt asked the council to close the pier.", "the council to close the pier"),
    (
        "Ana Holt asked that the names of the crew not be released.",
        "the names of the crew not be released",
    ),
]


@pytest.mark.parametrize(("text", "words"), REQUESTS, ids=[t[0][:40] for t in REQUESTS])
def test_a_request_stays_a_statement(nlp: Language, text: str, words: str) -> None:
    found = [q for q in quotes_of(nlp, text) if q.text == words]
    assert found and found[0].speaker == "Ana Holt", [q.text for q in quotes_of(nlp, text)]


def test_a_quoted_question_keeps_its_asker(nlp: Language) -> None:
    """Direct questions are the quote reader's (reconcile keeps them from pairing with
    claims): the marks say what was asked and by whom."""
    text = '"Will the ferry stop?" Ana Holt asked.'
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.direct, q.speaker) for q in quotes] == [
        ("Will the ferry stop?", True, "Ana Holt")
    ]


BARE_ASIDES = [
    # An "asked" clause between the speech verb's comma and its "that" clause is the
    # setting of the reply, with or without the question (review s43i S8).
    (
        "Edvin Rask said, when asked, that the ferry fare would rise in June.",
        "the ferry fare would rise in June",
    ),
    (
        "Edvin Rask said, when asked by reporters, that the ferry fare would rise in June.",
        "the ferry fare would rise in June",
    ),
    # Placed inside what was said, a bare "if asked" stays its condition.
    (
        "Edvin Rask said he would step down if asked to by the board.",
        "he would step down if asked to by the board",
    ),
]


@pytest.mark.parametrize(("text", "words"), BARE_ASIDES, ids=[t[0][:48] for t in BARE_ASIDES])
def test_an_asked_aside_before_that_is_cut(nlp: Language, text: str, words: str) -> None:
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [words]
    assert quotes[0].speaker == "Edvin Rask"
    assert_offsets(text, quotes)
