"""Statements with no reporting verb of their own, read off the forms the BASIL and
Multi-News development golds' statements took where no unit covered them (stop 36):
a noun of speech (analyze/speech_nouns.py: "issued a call for …", "X's warning that
…", "lob charges that …"), "reminding X that …", a participle opening the sentence
that the parser read as a clause of the quote after it ("Asserting that …, he said,
"…""), and a vow whose infinitives hold a partial quote. With each, the forms
that must stay no statement. Invented text; names resolve through the
:class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

_OPENING = "The harbour talks went on for a week.\n\n"

STATEMENTS = [
    (
        "Ana Marrow issued a sharp call for the harbour board to resign on Sunday over "
        "the ferry crash.",
        "the harbour board to resign",
        "Ana Marrow",
    ),
    (
        "Edvin Rask's warning that the ferry fees would double drew anger from the dockers.",
        "the ferry fees would double",
        "Edvin Rask",
    ),
    (
        "Ana Marrow and her allies lob charges that Edvin Rask stands for ending the "
        "ferry service.",
        "Edvin Rask stands for ending the ferry service",
        "Ana Marrow",
    ),
    (
        "Edvin Rask fired back with a post of his own, reminding Ms. Marrow that she had "
        "invited him to visit the harbour.",
        "she had invited him to visit the harbour",
        "Edvin Rask",
    ),
    # The participle read as the subject of the quoted clause, the cue its parataxis.
    (
        "Edvin Rask spoke at the pier on Monday.\n\nAsserting that the ferry plan was "
        'not about money, he said, "The issue is safety."',
        "the ferry plan was not about money",
        "Edvin Rask",
    ),
    (
        'Edvin Rask vowed to end "stagnant wages," protect the ferry service and defeat '
        "the harbour cartel.",
        "defeat the harbour cartel",
        "Edvin Rask",
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "speaker"), STATEMENTS, ids=[s[0][:30] for s in STATEMENTS]
)
def test_a_statement_without_a_cue_verb_of_its_own_is_reported_speech(
    nlp: Language, text: str, words: str, speaker: str
) -> None:
    article = _OPENING + text
    quotes = quotes_of(nlp, article)
    found = find(indirect(quotes), words)
    assert found.speaker == speaker
    assert_offsets(article, quotes)


NOT_STATEMENTS = [
    # Whose claim it was is not said, and the clause is what the subject denied.
    ("Edvin Rask rejected claims that he betrayed the dockers.", "betrayed"),
    # A relative clause, not the claim's content.
    ("The claim that he made at the meeting was false.", "made at the meeting"),
    # A call not put out, or one received.
    ("Ana Marrow did not issue a call for the harbour board to resign.", "resign"),
    ("Edvin Rask received a call for help from the harbour master at noon.", "harbour master"),
    # A quote inside the infinitive with nothing of the phrase's own around it: the
    # direct quote is the statement.
    ('Ana Marrow told the minister to "please let go of the harbour" before the vote.', "to"),
    # An object relative clause with a subject of its own: "that" fills the verb's gap
    # (s36 review G6), with a possessor too.
    ("Edvin Rask filed a claim that the ferry insurer later turned down.", "insurer"),
    ("Ana Marrow's remark that the dockers mocked on Friday was about the ferry fees.", "mocked"),
    # A noun negated or denied: nobody said it (G7).
    ("Edvin Rask made no promise that the fees would rise.", "rise"),
    ("Ana Marrow issued no call for the dockers to go back to work.", "dockers"),
    ("Edvin Rask denied making the claim that the pier was safe.", "pier"),
    # A hypothetical, and a call for bids (G9).
    ("One could make the argument that the pier should never have shut.", "pier"),
    ("The harbour board issued a call for tenders to build the new pier.", "tenders"),
]


@pytest.mark.parametrize(("text", "words"), NOT_STATEMENTS, ids=[s[0][:30] for s in NOT_STATEMENTS])
def test_the_forms_that_report_no_words_stay_no_statement(
    nlp: Language, text: str, words: str
) -> None:
    quotes = quotes_of(nlp, _OPENING + text)
    assert not [q for q in indirect(quotes) if words in q.text.split() or words in q.text]


def test_a_verdict_on_the_claim_is_not_part_of_it(nlp: Language) -> None:
    """ "dismissed X's claim that ... as nonsense": "as nonsense" is the dismisser's
    verdict, not X's words (s36 review G8)."""
    article = (
        _OPENING + "Edvin Rask dismissed Ana Marrow's claim that the pier was unsafe as nonsense."
    )
    quotes = quotes_of(nlp, article)
    found = find(indirect(quotes), "the pier was unsafe")
    assert found.speaker == "Ana Marrow"
    assert "nonsense" not in found.text
    assert_offsets(article, quotes)
