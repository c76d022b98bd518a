"""Statements the analysis gave no unit, found on the real-reporting development golds
(issue 12) and rewritten here as invented sentences: a conjecture verb, a paragraph
without a full stop (or ending in an abbreviation) running into the next one's
sentence, and quote marks printed the wrong way round. Names resolve through the
:class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, direct, find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


@pytest.mark.parametrize(
    ("text", "fragment", "cue"),
    [
        (
            "The method could be used to test for other blights as well, Rask theorized.",
            "The method could be used to test for other blights",
            "theorized",
        ),
        (
            "Edvin Rask hypothesized that the salt was behind the blight.",
            "the salt was behind the blight",
            "hypothesized",
        ),
        (
            "Edvin Rask had speculated that the ferry would be late.",
            "the ferry would be late",
            "speculated",
        ),
    ],
)
def test_a_conjecture_is_reported_speech(nlp: Language, text: str, fragment: str, cue: str) -> None:
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), fragment)
    assert quote.cue == cue
    assert quote.speaker == "Edvin Rask"
    assert_offsets(text, quotes)


def test_a_conjecture_verb_without_a_clause_reports_nothing(nlp: Language) -> None:
    text = "The harbour board speculated in land for years before the crash."
    assert not quotes_of(nlp, text)


def test_a_caption_without_a_full_stop_does_not_take_the_next_speakers_place(
    nlp: Language,
) -> None:
    # A caption line runs into the next paragraph's sentence, and the parser made the
    # caption the subject of "said".
    text = (
        "The result was welcomed by botanists.\n\n"
        "Drawing of a slice through the stem of a blighted plant (credit: Garden Photo "
        "Library)\n\n"
        "Professor Edvin Rask, head of the department of botany, said: \u201cThis is the "
        "first good report that a small seed stops the spread of blight.\u201d"
    )
    quotes = quotes_of(nlp, text)
    assert find(direct(quotes), "This is the first good report").speaker == "Edvin Rask"
    assert_offsets(text, quotes)


def test_an_abbreviation_ending_a_paragraph_does_not_hide_the_next_report(
    nlp: Language,
) -> None:
    # "Md." reads as an abbreviation, so the parser ran the next paragraph into its
    # sentence and hung "Police" on the town.
    text = (
        "Officers are sorting through the evidence about the gardener and the cook, of "
        "Glen Park, Md.\n\n"
        "Police have said all three deaths are being investigated as homicide."
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "all three deaths are being investigated")
    assert quote.speaker_mention == "Police"


def test_quote_marks_the_wrong_way_round_are_read(nlp: Language) -> None:
    text = (
        "Kostanj spoke on Monday. \u201dWe will rebuild the pier before winter,\u201c said "
        "Edvin Rask.\n\n"
        "He added: \u201dNobody will be left behind.\u201c"
    )
    quotes = direct(quotes_of(nlp, text))
    assert find(quotes, "We will rebuild the pier").speaker == "Edvin Rask"
    assert find(quotes, "Nobody will be left behind").speaker == "Edvin Rask"
    assert_offsets(text, quotes)


def test_a_subject_in_the_verbs_paragraph_wins_over_a_caption(nlp: Language) -> None:
    # The parser hung both the caption and the name on "said" as subjects.
    text = (
        "The result was welcomed.\n\n"
        "Drawing of a slice through the stem of a blighted plant (credit: Garden Photo "
        "Library)\n\n"
        "Professor Edvin Rask, acting head Lund University's department of botany, said: "
        "\u201cThis is the first good report that a small seed stops the spread of "
        "blight.\u201d"
    )
    quotes = quotes_of(nlp, text)
    assert find(direct(quotes), "This is the first good report").speaker == "Edvin Rask"
