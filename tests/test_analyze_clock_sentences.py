"""Sentences around a clock time written British style, "9.30 p.m." (issue 12): the
abbreviation ends a sentence when a new one starts after it, and only then; the quote
that follows keeps its own speaker."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.nlp import load_english
from newsprism.reconcile.clock_times import clock_times
from tests.test_quotes import direct, find, quotes_of


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


def _sentences(nlp: Language, text: str) -> list[str]:
    return [s.text for s in nlp(text).sents]


@pytest.mark.parametrize(
    "text",
    [
        "Vell left the harbour office at 9.30 p.m. on Friday and has not been seen since.",
        "Vell left the harbour office at 9.30 p.m. Friday and has not been seen since.",
        "Vell left the harbour office at 10.45 a.m. GMT with two colleagues.",
    ],
)
def test_a_time_inside_a_sentence_does_not_end_it(nlp: Language, text: str) -> None:
    assert _sentences(nlp, text) == [text]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Vell left the harbour office at 9.30 p.m. The ferry had gone.",
            "Vell left the harbour office at 9.30 p.m.",
        ),
        (
            "The crane fell at 10.15 a.m. Rask said nobody was hurt.",
            "The crane fell at 10.15 a.m.",
        ),
    ],
)
def test_a_time_ending_a_sentence_ends_it(nlp: Language, text: str, first: str) -> None:
    assert _sentences(nlp, text)[0] == first


def test_the_quote_after_a_time_keeps_its_own_speaker(nlp: Language) -> None:
    text = (
        'Edvin Rask said the pier closed at 9.30 p.m. "We will open it again at '
        'dawn," Mirela Kostanj said.'
    )
    quote = find(direct(quotes_of(nlp, text)), "open it again")
    assert quote.speaker == "Mirela Kostanj"
    assert clock_times(text)[0].minutes == 21 * 60 + 30
