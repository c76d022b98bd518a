"""A charge laid on someone is reported speech: "accused the mayor of hiding the
audit", "blamed the council for the delays" give the one charged and the charge,
attributed to the subject (a statement both outlets render, found with no unit on
either side on a real-reporting development gold, issue 12). Not in the passive (no
accuser named), not negated, not a quoted charge (the direct quote has it). Invented
names; the cast is :class:`tests.test_quotes.FakeNames`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


@pytest.mark.parametrize(
    ("text", "fragment", "cue"),
    [
        (
            "Edvin Rask accused the mayor of hiding the audit from the council.",
            "the mayor of hiding the audit from the council",
            "accused",
        ),
        (
            "Ana Marrow blamed the harbour board for the delays at the ferry terminal.",
            "the harbour board for the delays at the ferry terminal",
            "blamed",
        ),
        (
            "Rask accused Halvik of running a muddled policy on the harbour, saying "
            '"nobody knows what is going on."',
            "Halvik of running a muddled policy on the harbour",
            "accused",
        ),
    ],
)
def test_a_charge_is_reported_speech(nlp: Language, text: str, fragment: str, cue: str) -> None:
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), fragment)
    assert quote.cue == cue
    assert quote.speaker in ("Edvin Rask", "Ana Marrow")
    assert_offsets(text, quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Edvin Rask was accused of hiding the audit from the council.",
        "Edvin Rask did not accuse the mayor of hiding the audit from the council.",
        "The mayor, whom Rask accused of hiding the audit, resigned on Friday.",
    ],
)
def test_no_accuser_or_no_charge_is_no_statement(nlp: Language, text: str) -> None:
    assert not indirect(quotes_of(nlp, text))
