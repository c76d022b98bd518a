"""Review of the day's analysis changes: a relative clause's recipient is no speaker, a
score in a sentence a court rules in is no vote, a thing begun once is dated, and "about"
covers its written rounding. Invented sentences throughout."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.quantities import extract_quantities
from newsprism.model import Quantity
from newsprism.reconcile.figures import compatible
from tests.test_quotes import find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


@pytest.mark.parametrize(
    "text",
    [
        "The port will close in May, according to a memo Edvin Rask received on Friday.",
        "The port will close in May, according to documents the Ardmoor Gazette obtained.",
    ],
)
def test_a_source_someone_received_is_not_theirs(nlp: Language, text: str) -> None:
    quote = find(indirect(quotes_of(nlp, text)), "port will close")
    assert quote.speaker not in {"Edvin Rask", "Ardmoor Gazette", "the Ardmoor Gazette"}


def test_a_speech_someone_delivered_is_still_theirs(nlp: Language) -> None:
    text = "The port will close in May, according to a speech Ana Holt delivered on Friday."
    assert find(indirect(quotes_of(nlp, text)), "port will close").speaker == "Ana Holt"


def test_a_score_in_a_sentence_a_court_rules_in_is_no_vote(nlp: Language) -> None:
    text = "The sports court ruled on Monday that Kelmar's 3-1 win over Sarnow will stand."
    assert all(q.about != "vote" for q in extract_quantities(nlp(text)))
    ruled = extract_quantities(nlp("The court ruled 5-4 in favor of the company."))
    assert [q.about for q in ruled] == ["vote", "vote"]


@pytest.mark.parametrize(
    "text",
    [
        "The agency launched the satellite two years ago.",
        "The city opened the bridge three years ago.",
        "Holt started the company ten years ago.",
    ],
)
def test_a_thing_begun_once_ago_is_a_date(nlp: Language, text: str) -> None:
    assert not extract_quantities(nlp(text))


def test_an_activity_begun_ago_still_lasts(nlp: Language) -> None:
    found = extract_quantities(nlp("The agency began investigating Holt two years ago."))
    assert [(q.value, q.unit, q.about) for q in found] == [(2, "years", "investigate")]


def _count(value: float, text: str, approx: str | None = None) -> Quantity:
    return Quantity(value, None, text, 0, len(text), approx, "person")


@pytest.mark.parametrize(
    ("bound", "exact", "expected"),
    [
        (_count(20, "About 20 people", "about"), _count(18, "18 people"), True),
        (_count(200, "about 200 people", "about"), _count(220, "220 people"), True),
        (_count(200, "about 200 people", "about"), _count(240, "240 people"), False),
        (_count(20, "About 20 people", "about"), _count(26, "26 people"), False),
        (_count(16, "some 16 bills", "about"), _count(15, "15 bills"), False),
    ],
)
def test_about_covers_its_written_rounding(
    bound: Quantity, exact: Quantity, expected: bool
) -> None:
    assert compatible(bound, exact) is expected
    assert compatible(exact, bound) is expected
