"""Partitive counts: a count of a part of a whole the text gives ("60 of 300 settlers",
"two of the thousands of molecules", "there were only 60" after "About 300 people")
is about the whole's noun marked "(part)", so reconcile groups it with other outlets'
count of that part and never with the whole (invented names and events)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.quantities import extract_quantities


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
    assert ("60", 60, f"settler (part): {'survive' if 'survived' in text else 'live'}") in found
    assert ("300 settlers", 300, "settler") in found


def test_parts_of_one_whole_that_different_verbs_tell_of_are_two_measures(
    nlp: Language,
) -> None:
    """The survivors and the dead of one whole are complementary parts, both true: keyed
    by their verbs they never make one fact that differs."""
    lived = _counts(nlp, "In the cold spring at the Orvik camp, only 70 of 350 herders survived.")
    died = _counts(nlp, "In the cold spring at the Orvik camp, 280 of 350 herders died.")
    assert ("70", 70, "herder (part): survive") in lived
    assert ("280", 280, "herder (part): die") in died


def test_parts_of_the_wholes_count_that_different_verbs_tell_of_are_two_measures(
    nlp: Language,
) -> None:
    """ "60 of the 300 settlers survived" (the whole with "the") is keyed by its verb too:
    keyed "settler (part)" alike, another outlet's "240 of the 300 died" was a differing
    count of one part (review s33/1 finding 13). Without a verb it stays a bare part."""
    lived = _counts(nlp, "At the Orvik camp, only 70 of the 350 herders survived.")
    died = _counts(nlp, "At the Orvik camp, 280 of the 350 herders died.")
    listed = _counts(nlp, "The herders were counted: 70 of the 350 herders, officials said.")
    assert ("70", 70, "herder (part): survive") in lived
    assert ("280", 280, "herder (part): die") in died
    assert ("70", 70, "herder (part)") in listed


@pytest.mark.parametrize(
    "text",
    [
        "Only 600 of 300 settlers survived.",  # a part is smaller than its whole
        "Only 70 of 350 herders were children.",  # a linking verb tells no part apart
    ],
)
def test_a_count_of_a_numbered_whole_without_a_telling_verb_is_no_part(
    nlp: Language, text: str
) -> None:
    assert not any(about and "(part)" in about for _, _, about in _counts(nlp, text))


def test_a_count_of_a_vague_whole_is_a_part_of_its_noun(nlp: Language) -> None:
    text = "The team found that two of the thousands of synthetic molecules bound the marker."
    assert ("two", 2, "molecule (part): bind") in _counts(nlp, text)


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
        "A total of 27 people were taken to hospitals, at least four of them.",
        "Rescuers pulled 27 people from the bus, at least four of them.",
    ],
)
def test_a_bare_count_of_them_is_a_part_of_the_sentences_larger_count(
    nlp: Language, text: str
) -> None:
    found = _counts(nlp, text)
    assert ("at least four", 4, "people (part)") in found
    assert ("27 people", 27, "people") in found


@pytest.mark.parametrize(
    "text",
    [
        # the part has its own noun or phrase: another part of the whole than another
        # outlet's "four of them in critical condition" (no "(part)" both share)
        "The Torvik ferry fire injured 30 passengers, at least 12 of them children.",
        "The Torvik ferry fire injured 30 passengers, at least four of them in critical condition.",
        "Rescuers pulled 40 people from the Torvik ferry, 15 of them from the lower deck.",
        # the whole is no duration, compound modifier, or one of two counts
        "Guards held 30 marchers over 48 hours, 10 of them.",
        "The gale damaged 200 sheds in 40 hamlets, 25 of them.",
    ],
)
def test_a_count_of_them_with_its_own_words_or_an_unclear_whole_is_no_part(
    nlp: Language, text: str
) -> None:
    found = _counts(nlp, text)
    wrong = {"hour (part)", "passenger (part)", "people (part)", "hamlet (part)", "shed (part)"}
    assert not any(about in wrong for _, _, about in found)


def test_a_bare_count_of_them_skips_a_duration_for_its_whole(nlp: Language) -> None:
    assert ("10", 10, "marcher (part)") in _counts(
        nlp, "Guards held 30 marchers in Selmo, 10 of them."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The 300-page audit came out in May. By autumn, there were only 60.",
        "About 300 people lived in the Varnholt fort in November 1709. By spring, there were 60.",
    ],
)
def test_an_elided_count_takes_no_compound_or_name_for_its_whole(nlp: Language, text: str) -> None:
    found = _counts(nlp, text)
    assert ("60", 60, "page (part)") not in found
    assert ("60", 60, "november (part)") not in found


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
    assert ("at least four", 4, "serious injury") in _counts(nlp, text)


def test_a_verbless_count_of_them_with_a_bare_harm_is_a_part_of_the_harm(nlp: Language) -> None:
    """Never the bare "injury", which facts folds with every count of the injured: "at
    least four of them with injuries" of 27 taken to hospital is a part of them."""
    text = "A total of 27 people were taken to hospitals, at least four of them with injuries."
    assert ("at least four", 4, "injury (part)") in _counts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "A total of 40 flights were cancelled at Velo airport, 12 of them with passengers aboard.",
        "Guards held 30 marchers, 12 of them with prior convictions.",
        "The coach carried 45 passengers, four of them with children.",
    ],
)
def test_a_with_noun_that_is_no_harm_is_no_measure(nlp: Language, text: str) -> None:
    parts = [about for said, _, about in _counts(nlp, text) if said in {"12", "four"}]
    assert parts
    assert not any(about in {"passenger", "conviction", "child"} for about in parts)


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Pellin said five of the injuries are classified as serious.",
        "Five of the injuries were serious.",
    ],
)
def test_a_count_of_harms_an_adjective_tells_of_is_that_harm(nlp: Language, text: str) -> None:
    """ "five of the injuries are serious" counts the serious injuries, as "four of them
    with serious injuries" does; never the bare "injury" that meets the injured total."""
    assert [about for said, _, about in _counts(nlp, text)] == ["serious injury"]
