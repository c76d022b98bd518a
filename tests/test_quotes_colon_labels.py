"""A quote after a noun phrase and a lead-in colon (``An apology from the ferry line:
"…"``) with a label closed by its own colon before the phrase ("More:", "Update:"):
the label is no part of the phrase, so the quote keeps its attribution (found on the
Multi-News development gold, rewritten as invented text). Names resolve through the
:class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

from spacy.language import Language

from tests.test_quotes import assert_offsets, direct, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def test_a_label_before_the_lead_in_phrase_is_skipped(nlp: Language) -> None:
    text = (
        "The ferry line ran late all week.\n\n> More: A correction on the evening "
        "bulletin: \u201cWe made two errors. First, we read the wrong harbour.\u201d"
    )
    [quote] = direct(quotes_of(nlp, text))
    assert quote.text == "We made two errors. First, we read the wrong harbour."
    assert quote.cue == ":"
    assert_offsets(text, [quote])


def test_a_label_before_a_named_speaker(nlp: Language) -> None:
    text = 'Update: Edvin Rask of the dockers: "We will not sail on Monday."'
    [quote] = direct(quotes_of(nlp, text))
    assert (quote.text, quote.speaker) == ("We will not sail on Monday.", "Edvin Rask")


def test_a_long_phrase_after_the_label_is_still_no_lead_in(nlp: Language) -> None:
    # The phrase after the label is held to the same limit as one without a label.
    text = (
        "Update: The long list of every harbour town on the northern coast of the "
        'island: "Lorvik, Kelmar and Brenn."'
    )
    assert direct(quotes_of(nlp, text)) == []


def test_a_verb_after_the_label_is_still_no_lead_in(nlp: Language) -> None:
    text = 'More: The ferry line posted its new table: "Monday to Friday only."'
    assert all(q.cue != ":" for q in direct(quotes_of(nlp, text)))
