"""A reported clause keeps its subject when the parser hangs that subject on the
reporting verb as its object ("Rask warned the ferry could stop": spaCy reads "the
ferry" as the object of "warned" and "could stop" as a clause with no subject), and
only then: a listener or an object followed by no clause stays out. Invented text;
names resolve through the :class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

# (text, the reported words exactly): the subject the parser hung on the verb is in.
SUBJECT_KEPT = [
    ("Rask warned the ferry could stop running by May.", "the ferry could stop running by May"),
    (
        "Rask warned the new levy could ruin the fishermen of Lorvik.",
        "the new levy could ruin the fishermen of Lorvik",
    ),
    (
        "Rask had warned the pirates may slip past the patrol boats.",
        "the pirates may slip past the patrol boats",
    ),
    (
        "Rask warned the tariff could double the price of Norland grain.",
        "the tariff could double the price of Norland grain",
    ),
    (
        "Rask reported the fines against the harbour board will include back pay.",
        "the fines against the harbour board will include back pay",
    ),
    ("Rask warned the ferry's crew would strike.", "the ferry's crew would strike"),
    (
        "Rask said it could take years to rebuild the pier.",
        "it could take years to rebuild the pier",
    ),
]


@pytest.mark.parametrize(("text", "words"), SUBJECT_KEPT, ids=[c[0][:28] for c in SUBJECT_KEPT])
def test_the_reported_clause_starts_at_its_subject(nlp: Language, text: str, words: str) -> None:
    found = [q for q in quotes_of(nlp, text) if not q.direct]
    assert [q.text for q in found] == [words]
    assert found[0].speaker == "Edvin Rask"
    assert_offsets(text, found)


# (text, the reported words exactly): the object is a listener, or the clause has its own
# subject; the object stays out.
OBJECT_LEFT_OUT = [
    ("Rask told the crew the ferry would stop.", "the ferry would stop"),
    ("Rask warned residents the dam could fail.", "the dam could fail"),
    ("Rask warned the council that the dam could fail.", "the dam could fail"),
]


@pytest.mark.parametrize(
    ("text", "words"), OBJECT_LEFT_OUT, ids=[c[0][:28] for c in OBJECT_LEFT_OUT]
)
def test_a_listener_stays_out_of_the_clause(nlp: Language, text: str, words: str) -> None:
    assert [q.text for q in quotes_of(nlp, text) if not q.direct] == [words]


def test_an_object_with_no_clause_after_it_reports_nothing(nlp: Language) -> None:
    assert quotes_of(nlp, "Rask warned the ferry's crew about the storm.") == []
