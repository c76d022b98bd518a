"""A name set off after a fronted phrase speaks, where the parser joined it to the
phrase's last noun (analyze/quote_fronted.py): "Writing in a blog for the Harbour
Institute, Edvin Rask, a former minister, urged ..." credited the words to "Writing"
(the phrase read as the verb's clausal subject; stop 42 quote audit, seed 42117).
Lists and a subject that opens the sentence keep their readings. Invented text; names
resolve through the :class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

JOINED = [
    "Writing in a blog for the Harbour Institute, Edvin Rask, a former minister, urged "
    "voters to reject the levy.",
    "Speaking at a rally for the Harbour Institute, Edvin Rask, a former minister, said "
    "the levy was unfair.",
    "Writing in a blog, Edvin Rask urged voters to reject the levy.",
    # the one met is not who speaks
    "After meeting Ilse Varga, Edvin Rask, a former minister, said the levy was unfair.",
]


@pytest.mark.parametrize("text", JOINED, ids=[t[:40] for t in JOINED])
def test_the_name_after_a_fronted_phrase_speaks(nlp: Language, text: str) -> None:
    quotes = quotes_of(nlp, text)
    assert quotes
    assert {q.speaker for q in quotes} == {"Edvin Rask"}
    assert all(q.speaker_mention and "Writing" not in q.speaker_mention for q in quotes)


def test_a_description_after_a_fronted_phrase_still_speaks(nlp: Language) -> None:
    text = "After meeting Edvin Rask, a spokeswoman for the port said the levy was unfair."
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["the levy was unfair"]
    assert quotes[0].speaker is None  # the one met does not speak
    assert (quotes[0].speaker_mention or "").startswith("a spokeswoman")


def test_a_sentence_opening_with_its_subject_is_unchanged(nlp: Language) -> None:
    text = "Supporters of Edvin Rask, a former minister, said the levy was unfair."
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] != ["Edvin Rask"]
