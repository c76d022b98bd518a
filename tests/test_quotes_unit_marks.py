"""A reported clause ending on a figure keeps the figure's unit mark ("a rise of 15%"):
the mark is split off by the tokenizer and counts as punctuation, but it is part of
what was said, unlike the comma or full stop the clause sheds (analyze/quote_indirect).
Invented text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

KEPT = [
    (
        "The owners of 40 cafés in Moréna protested on Tuesday against a rent rise of 15%, "
        "their association said.",
        "against a rent rise of 15%",
    ),
    ("The association said that rents in Moréna rose by 15%.", "rents in Moréna rose by 15%"),
    ("The association said that bus fares in Moréna went up 4 %.", "went up 4 %"),
    (
        "The owners of 40 cafés in Moréna protested against a rent rise of 15 percent, "
        "their association said.",
        "a rent rise of 15 percent",
    ),
]


@pytest.mark.parametrize(("text", "ending"), KEPT, ids=[c[1] for c in KEPT])
def test_a_unit_mark_ends_the_reported_clause(nlp: Language, text: str, ending: str) -> None:
    (quote,) = indirect(quotes_of(nlp, text))
    assert quote.text.endswith(ending)


SHED = [
    ("The owners of 40 cafés in Moréna protested on Tuesday, their association said.", "Tuesday"),
    ("The association said that rents in Moréna rose by 15.", "rose by 15"),
    ("The association said that rents in Moréna rose by 15%!", "rose by 15%"),
]


@pytest.mark.parametrize(("text", "ending"), SHED, ids=[c[1] for c in SHED])
def test_clause_punctuation_is_still_shed(nlp: Language, text: str, ending: str) -> None:
    (quote,) = indirect(quotes_of(nlp, text))
    assert quote.text.endswith(ending)
