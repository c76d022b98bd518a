"""A party-and-place tag after a name ("(D-Ore.)", "(R-Texas)", ", I-Vt.,") is never
a speaker: the parser hangs its letter or its place on the name as an apposition, and
the apposition readers of analyze/quote_subjects took it for the name that speaks.
The speaker is the person or office before the tag. Invented text; names resolve
through the :class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.speaker_places import party_tag
from tests.test_quotes import nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

SPEAKERS = [
    (
        "“The law protects everyone,” reads a statement from Senator Jane Holt's office (D-Ore.).",
        "Senator Jane Holt's office",
    ),
    (
        "“The law protects everyone,” reads a statement from Senator Jane Holt (D-Ore.).",
        "Senator Jane Holt",
    ),
    ("The senator (R-Texas) said the law protects everyone.", "The senator"),
    ("“The law protects everyone,” said the senator, I-Vt., on Monday.", "the senator"),
    # No tag: the apposed name and the author still speak.
    (
        "“The law protects everyone,” said a statement from Rask's lawyer, Ana Holt.",
        "Ana Holt",
    ),
    ("The senator's aide, Tom Reed, said the law protects everyone.", "Tom Reed"),
]


@pytest.mark.parametrize(("text", "mention"), SPEAKERS, ids=[c[1] for c in SPEAKERS])
def test_the_name_before_a_party_tag_speaks(nlp: Language, text: str, mention: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker_mention == mention


TAGS = [
    ("Jane Holt (D-Ore.) voted no.", "D", True),
    ("Jane Holt (R-Texas) voted no.", "Texas", True),
    ("Jane Holt (D-New York) voted no.", "York", True),
    ("Jane Holt, I-Vt., voted no.", "I", True),
    ("Jane Holt (Tom Reed's aide) voted no.", "Tom", False),
    ("Jane Holt, Tom Reed and others voted no.", "Tom", False),
    ("The A-Team (a film) won.", "Team", False),
]


@pytest.mark.parametrize(("text", "word", "tag"), TAGS, ids=[c[0] for c in TAGS])
def test_party_tag(nlp: Language, text: str, word: str, tag: bool) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert party_tag(token) is tag
