"""Partitive counts: a count of a part of a whole the text gives ("60 of 300 settlers",
"two of the thousands of molecules", "there were only 60" after "About 300 people")
is about the whole's noun marked "(part)", so reconcile groups it with other outlets'
count of that part and never with the whole (invented names and events)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.nlp import load_english
from newsprism.analyze.quantities import extract_quantities


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


def _counts(nlp: Language, text: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.about) for q in extract_quantities(nlp(text)) if q.unit is None]


@pytest.mark.parametrize(
    "text",
    [
        "During the hard winter, only 60 of 300 settlers survived.",
        "Only 60 of 300 settlers lived to see the spring.",
    ],
)
def test_a_count_of_a_numbered_whole_is_a_part_of_its_noun(nlp: Language, text: str) -> None:
    found = _counts(nlp, text)
    assert ("60", 60, "settler (part)") in found
    assert ("300 settlers", 300, "settler") in found


def test_a_count_of_a_vague_whole_is_a_part_of_its_noun(nlp: Language) -> None:
    text = "The team found that two of the thousands of synthetic molecules bound the marker."
    assert ("two", 2, "molecule (part)") in _counts(nlp, text)


def test_a_count_with_its_noun_left_out_after_a_larger_count_is_a_part(nlp: Language) -> None:
    text = "About 300 people lived in the Varnholt fort in May. By autumn, there were only 60."
    assert ("60", 60, "people (part)") in _counts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a larger count is no part of a smaller one
        "About 30 people lived in the fort in May. By autumn, there were 60.",
        # no count before to take the noun from
        "The fort was crowded in May. By autumn, there were only 60.",
    ],
)
def test_a_bare_existential_count_without_a_larger_count_before_stays_unread(
    nlp: Language, text: str
) -> None:
    assert ("60", 60, None) in _counts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "A total of 27 people were taken to hospitals, at least four of them children.",
        "Rescuers pulled 27 people from the bus, at least four of them children.",
    ],
)
def test_a_verbless_count_of_them_is_a_part_of_the_sentences_larger_count(
    nlp: Language, text: str
) -> None:
    found = _counts(nlp, text)
    assert ("at least four", 4, "people (part)") in found
    assert ("27 people", 27, "people") in found


def test_a_count_of_them_that_a_verb_tells_of_keeps_the_verb(nlp: Language) -> None:
    """ "18 of them were hurt" counts the hurt, as another outlet's "18 hurt" does."""
    assert ("18", 18, "hurt") in _counts(
        nlp, "Rescuers pulled 30 miners out; 18 of them were hurt."
    )


def test_a_verbless_count_of_them_with_a_harm_counts_the_harmed(nlp: Language) -> None:
    """ "four of them with serious injuries" counts the injured, as another outlet's "four
    of the injuries are serious" does."""
    text = (
        "A total of 27 people were taken to hospitals, at least four of them with serious injuries."
    )
    assert ("at least four", 4, "injury") in _counts(nlp, text)
