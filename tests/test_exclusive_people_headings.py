"""People exclusives that name no person, by the words around them: a name in a Title
Case heading (a headline, a teaser for another page), a one-word name written as a
noun's modifier (a people or a place), and a given name rendered two ways beside one
surname.

Invented stories with hand-made analyses (as tests/test_exclusive_people_kinds.py), so
the rules are read without the parser's guesses; a person in the news stays listed.
"""

from __future__ import annotations

import pytest

from newsprism.model import Analysis, Article, Entity, Mention, RosterEntry, Story
from newsprism.reconcile.exclusive_people import person_exclusives
from newsprism.reconcile.material import StoryMaterial

PERSON_LINE = "Petra Lund, a nurse, treated two passengers on the quay."
OTHER = "The ferry ran aground off Velmar on Sunday."


def _entity(text: str, words: str, label: str) -> Entity:
    starts = [n for n in range(len(text)) if text.startswith(words, n)]
    return Entity(words, label, tuple(Mention(words, s, s + len(words)) for s in starts))


def _material(a: str, a_names: list[str], b: str, b_names: list[str]) -> StoryMaterial:
    """Two outlets' articles; ``*_names`` are the words the parse tagged PERSON."""
    articles = [
        Article("a1", "a1.txt", a, outlet="Harbour Post"),
        Article("b1", "b1.txt", b, outlet="Velmar Wire"),
    ]
    analyses = {
        art.id: Analysis(
            art.id, "test", entities=tuple(_entity(art.text, w, "PERSON") for w in names)
        )
        for art, names in zip(articles, [a_names, b_names], strict=True)
    }
    return StoryMaterial(Story("s", None, ("a1", "b1")), articles, analyses)


def _found(material: StoryMaterial, roster: list[RosterEntry]) -> list[tuple[str, int]]:
    return [(e.passage.text, e.passage.start) for e in person_exclusives(material, roster, [])]


def _one_source(names: list[str]) -> list[RosterEntry]:
    return [RosterEntry(n, "PERSON", (), ("a1",)) for n in names]


def test_a_name_in_a_teaser_heading_is_no_person() -> None:
    """A teaser for another page, in Title Case, whose capitalised words the parse tagged
    a person: no person of the story; the nurse of the next line stays."""
    a = f"PHOTOS: Storm Chasers, Harbour Thieves & Lost Sailors Tell All!\n\n{PERSON_LINE}"
    material = _material(a, ["Harbour Thieves", "Petra Lund"], OTHER, [])
    found = _found(material, _one_source(["Harbour Thieves", "Petra Lund"]))
    assert [text for text, _ in found] == ["Petra Lund"]


def test_a_person_first_named_in_the_headline_is_shown_in_the_text() -> None:
    """A person named in the headline and again in the text is listed at the text's
    mention (the headline's span runs over its other words)."""
    a = "Ferry Skipper Ansel Roos Quits After Crash\n\nAnsel Roos resigned, the port said."
    material = _material(a, ["Ansel Roos"], OTHER, [])
    assert _found(material, _one_source(["Ansel Roos"])) == [("Ansel Roos", a.index("\n") + 2)]


@pytest.mark.parametrize(
    "heading",
    [
        "Ferry Skipper Ansel Roos Quits After Crash",
        "Ferry Skipper Ansel Roos Dead at 63 After Crash",
    ],
)
def test_a_person_named_only_in_a_heading_is_not_listed(heading: str) -> None:
    """A headline's figure ("at 63") is no results line's: the line stays a heading."""
    a = f"{heading}\n\n{PERSON_LINE}"
    material = _material(a, ["Ansel Roos", "Petra Lund"], OTHER, [])
    found = _found(material, _one_source(["Ansel Roos", "Petra Lund"]))
    assert [text for text, _ in found] == ["Petra Lund"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Shells from the Velmari navy hit the port on Sunday.", ["Velmari"]),
        (
            "Families hid in the mainly ethnic Orlan and Tesk quarter of the city.",
            ["Orlan", "Tesk"],
        ),
        ("Velmari gunboats shelled the port, a Velmari officer said.", ["Velmari"]),
    ],
)
def test_a_one_word_modifier_is_no_person(line: str, names: list[str]) -> None:
    """A people or a place written between an article and a noun ("the Velmari navy")
    is no person in the news."""
    a = f"{line}\n\n{PERSON_LINE}"
    material = _material(a, [*names, "Petra Lund"], OTHER, [])
    found = _found(material, _one_source([*names, "Petra Lund"]))
    assert [text for text, _ in found] == ["Petra Lund"]


def test_a_one_word_person_with_a_role_stays_listed() -> None:
    """A surname also written as a modifier ("the Holt plan") with a role set off after
    a mention is a person."""
    a = "Holt, the harbour master, closed the quay. The Holt plan reopens it in May."
    material = _material(a, ["Holt"], OTHER, [])
    assert [text for text, _ in _found(material, _one_source(["Holt"]))] == ["Holt"]


def _two_sources(mine: str, theirs: str) -> list[RosterEntry]:
    return [
        RosterEntry(mine, "PERSON", (), ("a1",)),
        RosterEntry(theirs, "PERSON", (), ("b1",)),
    ]


def test_a_given_name_rendered_two_ways_is_one_person() -> None:
    """ "Kasymir Kessler" in one paper, "Kazimir Kessler" in the other: one person
    (two letters of a long given name differ), not one only the first paper names."""
    a = "Harbour Premier Kasymir Kessler, 61, called the attack grave."
    b = "Kazimir Kessler vowed a response, his office said."
    material = _material(a, ["Harbour Premier Kasymir Kessler"], b, ["Kazimir Kessler"])
    roster = _two_sources("Harbour Premier Kasymir Kessler", "Kazimir Kessler")
    assert _found(material, roster) == []


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [("Sanna Kessler", "Senja Kessler"), ("Kasymir Kessler", "Kazimir Varga")],
)
def test_other_names_stay_two_people(mine: str, theirs: str) -> None:
    """Short given names two letters apart, or another surname: two people."""
    a = f"{mine}, 61, called the attack grave."
    b = f"{theirs} vowed a response, the office said."
    material = _material(a, [mine], b, [theirs])
    assert mine in [text for text, _ in _found(material, _two_sources(mine, theirs))]


def test_a_name_run_on_past_a_plural_possessive_is_the_other_papers_person() -> None:
    """ "Ansel Roos‘ half-brother" (a left quote for the apostrophe, as scraped pages
    write it) is Ansel Roos, whom the other paper names: no one-paper person."""
    a = "The death of Ansel Roos‘ half-brother Ivo shocked the port."
    b = "Ansel Roos said the family was grieving."
    roster = _two_sources("Ansel Roos‘ half-brother", "Ansel Roos")
    material = _material(a, ["Ansel Roos‘ half-brother"], b, ["Ansel Roos"])
    assert _found(material, roster) == []


def test_a_hyphen_the_parse_took_into_the_name_is_left_out() -> None:
    a = "In 2002, then-President Ansel Roos opened the quay."
    material = _material(a, ["-President Ansel Roos"], OTHER, [])
    found = _found(material, _one_source(["-President Ansel Roos"]))
    assert found == [("President Ansel Roos", a.index("President"))]


@pytest.mark.parametrize("noun", ["show", "series", "programme"])
def test_a_one_word_title_after_a_works_noun_is_no_person(noun: str) -> None:
    a = f"She once worked on the hit television {noun} Kelmo, friends said.\n\n{PERSON_LINE}"
    material = _material(a, ["Kelmo", "Petra Lund"], OTHER, [])
    found = _found(material, _one_source(["Kelmo", "Petra Lund"]))
    assert [text for text, _ in found] == ["Petra Lund"]


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("Kristian Lund", "Kristina Lund"),
        ("Antonio Ruiz", "Antonia Ruiz"),
        ("Justin Varga", "Justine Varga"),
    ],
)
def test_a_given_name_and_its_other_gender_form_are_two_people(mine: str, theirs: str) -> None:
    """Siblings or spouses whose given names differ at the gender ending (review s36 G5):
    each paper's relative stays its own person."""
    a = f"The driver, {mine}, 45, was arrested."
    b = f"His sister {theirs}, 41, was among the dead."
    found = [
        text for text, _ in _found(_material(a, [mine], b, [theirs]), _two_sources(mine, theirs))
    ]
    assert found == [mine, theirs]


def test_two_spellings_one_article_writes_are_two_people() -> None:
    """Where one article writes both given names beside the surname, the other paper's
    spelling is no rendering of one person."""
    a = "Kasper Brennick, 45, was arrested."
    b = "Among the dead was Kaspar Brennick. His cousin Kasper Brennick was unhurt."
    material = _material(a, ["Kasper Brennick"], b, ["Kaspar Brennick", "Kasper Brennick"])
    roster = [
        RosterEntry("Kasper Brennick", "PERSON", (), ("a1", "b1")),
        RosterEntry("Kaspar Brennick", "PERSON", (), ("b1",)),
    ]
    assert [text for text, _ in _found(material, roster)] == ["Kaspar Brennick"]


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        (
            "Results:\n\nPetra Lund (Green) 12,400\n\nIvo Brandt (Liberal) 2,300",
            ["Petra Lund", "Ivo Brandt"],
        ),
        (
            "Kelmar: Ivo Brandt; Ola Berg, Jan Lind, Per Moen.\n\nScorers: Ola Berg, Jan Lind.",
            ["Ivo Brandt", "Ola Berg", "Jan Lind", "Per Moen"],
        ),
        ("Scorers: Ola Berg 12, Jan Lind 45.", ["Ola Berg", "Jan Lind"]),
    ],
)
def test_a_results_line_or_team_sheet_is_no_heading(lines: str, names: list[str]) -> None:
    """Results lines and team sheets are Title Case lines too, but the people they alone
    name are people of the story (review s36 G10)."""
    a = f"Kelmar beat Brno 2-1 in the cup final on Sunday.\n\n{lines}"
    material = _material(a, names, OTHER, [])
    assert sorted(text for text, _ in _found(material, _one_source(names))) == sorted(names)
