"""One person's speaker labels across a story fold to one speaker, two people stay two
(issue 12): short given names, titles and generational suffixes, surnames alone. Names
are invented."""

from __future__ import annotations

from newsprism.reconcile.speaker_names import canonical_speakers


def test_short_given_name_folds_with_the_formal_one_and_the_surname() -> None:
    folded = canonical_speakers(["Dick Halvorsen", "Richard J. Halvorsen", "Halvorsen"])
    assert len(set(folded.values())) == 1


def test_different_given_names_with_one_surname_stay_apart() -> None:
    folded = canonical_speakers(["Bill Ostrander", "Robert Ostrander", "Ostrander"])
    assert folded["Bill Ostrander"] != folded["Robert Ostrander"]
    # The surname alone could be either of them: it joins neither.
    assert folded["Ostrander"] == "Ostrander"


def test_two_people_of_one_surname_stay_apart() -> None:
    folded = canonical_speakers(["Mark Tessaro", "James Tessaro", "Tessaro"])
    assert len({folded["Mark Tessaro"], folded["James Tessaro"], folded["Tessaro"]}) == 3


def test_surname_alone_joins_the_one_full_name() -> None:
    folded = canonical_speakers(["Tessaro", "Marta Tessaro", "Ivo Brandt"])
    assert folded["Tessaro"] == folded["Marta Tessaro"] == "Marta Tessaro"
    assert folded["Ivo Brandt"] == "Ivo Brandt"


def test_title_and_generational_suffix_do_not_split_a_person() -> None:
    folded = canonical_speakers(["Vice President Joseph R. Kolbe Jr.", "Joe Kolbe"])
    assert folded["Vice President Joseph R. Kolbe Jr."] == folded["Joe Kolbe"]


def test_given_name_alone_joins_the_one_full_name_with_that_given_name() -> None:
    folded = canonical_speakers(["Torben", "Torben Aasland", "Ivo Brandt"])
    assert folded["Torben"] == folded["Torben Aasland"] == "Torben Aasland"
    assert folded["Ivo Brandt"] == "Ivo Brandt"


def test_given_names_a_vowel_apart_are_two_people() -> None:
    # Review finding 7: a vowel tells many given names apart, often a pair of a
    # woman's and a man's ("Maria" / "Mario", "Karen" / "Karin"): no fold.
    for alone, full in (
        ("Maria", "Mario Costa"),
        ("Karen", "Karin Olsen"),
        ("Julia", "Julio Brandt"),
        ("Carla", "Carlo Aasland"),
        ("Paula", "Paulo Lykke"),
        ("Torben", "Torbin Aasland"),
    ):
        folded = canonical_speakers([alone, full])
        assert folded[alone] == alone, (alone, full)


def test_given_name_of_two_people_or_a_surname_joins_nobody() -> None:
    two = canonical_speakers(["Torben", "Torben Aasland", "Torben Lykke"])
    assert two["Torben"] == "Torben"
    surname = canonical_speakers(["Brandt", "Brandt Holm", "Ivo Brandt"])
    assert surname["Brandt"] == "Ivo Brandt"
    assert surname["Brandt Holm"] == "Brandt Holm"


def test_short_given_names_a_letter_apart_stay_apart() -> None:
    # "Dan" / "Don": under five letters a vowel tells two names apart.
    folded = canonical_speakers(["Dan", "Don Aasland"])
    assert folded["Dan"] == "Dan"
    # Consonants differ: two names ("Marta" / "Marla").
    assert canonical_speakers(["Marla", "Marta Aasland"])["Marla"] == "Marla"


def test_a_headline_run_on_past_a_name_joins_that_person() -> None:
    folded = canonical_speakers(["Wren Okafor Quits Choir", "Wren Adaeze Okafor", "Ivo Brandt"])
    assert folded["Wren Okafor Quits Choir"] == "Wren Adaeze Okafor"
    assert folded["Ivo Brandt"] == "Ivo Brandt"


def test_a_run_on_that_two_people_open_joins_neither() -> None:
    folded = canonical_speakers(["Wren Okafor Quits", "Wren Adaeze Okafor", "Wren Lee Okafor"])
    assert folded["Wren Okafor Quits"] == "Wren Okafor Quits"


def test_a_three_word_name_is_no_run_on_of_a_two_word_one() -> None:
    # Review finding 7: "Jon Pell Rasmus" is a name of its own, not "Jon Pell" and a
    # headline's word.
    folded = canonical_speakers(["Jon Pell Rasmus", "Jon Pell", "Ivo Brandt"])
    assert folded["Jon Pell Rasmus"] == "Jon Pell Rasmus"
    assert folded["Jon Pell"] == "Jon Pell"
    three = canonical_speakers(["Wren Okafor Quits", "Wren Adaeze Okafor"])
    assert three["Wren Okafor Quits"] == "Wren Okafor Quits"
