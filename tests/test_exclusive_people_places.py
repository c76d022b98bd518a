"""People exclusives that name no person by the words right beside them: a place after
"area of", a street beside another street, a car model after its year and make, a
portfolio after "Minister for", a degree after a name's comma, a title's initials before a
name. Invented stories with hand-made analyses (as tests/test_exclusive_people_headings.py);
a person in the news in a like position stays listed.
"""

from __future__ import annotations

import pytest

from newsprism.model import Analysis, Article, Entity, Mention, RosterEntry, Story
from newsprism.reconcile.exclusive_people import person_exclusives
from newsprism.reconcile.material import StoryMaterial

OTHER = "The ferry ran aground off Velmar on Sunday."


def _entity(text: str, words: str) -> Entity:
    starts = [n for n in range(len(text)) if text.startswith(words, n)]
    return Entity(words, "PERSON", tuple(Mention(words, s, s + len(words)) for s in starts))


def _found(text: str, names: list[str]) -> list[str]:
    """The person exclusives of a story whose first article is ``text`` (``names`` tagged
    PERSON, named by that article only) and whose second names no one."""
    articles = [
        Article("a1", "a1.txt", text, outlet="Harbour Post"),
        Article("b1", "b1.txt", OTHER, outlet="Velmar Wire"),
    ]
    analyses = {
        "a1": Analysis("a1", "test", entities=tuple(_entity(text, n) for n in names)),
        "b1": Analysis("b1", "test", entities=()),
    }
    material = StoryMaterial(Story("s", None, ("a1", "b1")), articles, analyses)
    roster = [RosterEntry(n, "PERSON", (), ("a1",)) for n in names]
    return [e.passage.text for e in person_exclusives(material, roster, [])]


@pytest.mark.parametrize(
    ("text", "junk", "person"),
    [
        (
            "Shells hit a field near the southern Kelmar area of Osk Tarra, officials said."
            " Petra Lund, a nurse, treated the wounded.",
            "Osk Tarra",
            "Petra Lund",
        ),
        (
            "The van was taken near Brenn Avenue and E. Tarnway in Osk, police said."
            " Deputy Ivo Brandt found it later.",
            "E. Tarnway",
            "Ivo Brandt",
        ),
        (
            "Police sought a black 2002 Velmo Tarn Coupe seen near the docks."
            " Ivo Brandt, a deputy, spotted it.",
            "Tarn Coupe",
            "Ivo Brandt",
        ),
        (
            '"This is incitement," Deputy Minister for Harbours with the council Ola Berg'
            " said. Kai Lund, an aide, agreed.",
            "Harbours",
            "Kai Lund",
        ),
        (
            "SOURCES: Tomas Vell, Ph.D., professor of chemistry at Velmar. Kai Lund, a nurse,"
            " agreed.",
            "Ph.D.",
            "Tomas Vell",
        ),
        (
            "More: an apology from the station's president & GM Tomas Vell followed.",
            "GM",
            "Tomas Vell",
        ),
        # a plural noun run with a plural verb after it names a group
        (
            "Harbour Loyalists are hoping to unseat the mayor. Kai Lund, an aide, agreed.",
            "Harbour Loyalists",
            "Kai Lund",
        ),
        # a name the parse cut short before its surname, a person of the article
        (
            "Velmar County Coroner's Assistant Chief Ed Tarnby confirmed the death. The"
            " results could take weeks, Tarnby said.",
            "Coroner's Assistant Chief Ed",
            "Tarnby",
        ),
    ],
)
def test_words_beside_a_name_say_it_is_no_person(text: str, junk: str, person: str) -> None:
    found = _found(text, [junk, person])
    assert junk not in found
    assert person in found


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Osk, Ola Berg, met the crew. The son of Ola Berg said nothing.",
        "In 2002 Ola Berg, a pilot, flew the route.",
        "A letter from the Minister to Ola Berg, a nurse, arrived.",
        "Ola Berg and Kai Lund, neighbours on Brenn Street, saw it.",
        "Ola Berg Tuesday said the ferry would sail.",
    ],
)
def test_a_person_beside_like_words_stays(text: str) -> None:
    assert "Ola Berg" in _found(text, ["Ola Berg"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ola Lane walked off the ferry before it sank.", "Ola Lane"),
        ("The crew was led by Jon Drive for ten years.", "Jon Drive"),
        ("The Minister for Harbours Ola Berg walked off the ferry.", "Harbours Ola Berg"),
    ],
)
def test_a_surname_like_a_street_or_a_run_in_portfolio_stays_a_person(text: str, name: str) -> None:
    """A surname that is also a street word, and a minister whose portfolio the parse ran
    into the name, are people (no cue word needed)."""
    assert _found(text, [name]) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mira Collins was hoping to sail on Sunday.", "Mira Collins"),
        ("Mira Collins has three boats.", "Mira Collins"),
        ("Ana and Ben Holts are hoping to sail on Sunday.", "Ben Holts"),
        # The plural verb is the head noun's (review s37 H14).
        ("Lawyers for Mira Collins have said the ferry owes her money.", "Mira Collins"),
        ("Crews backing Tove Evans were hoping to sail.", "Tove Evans"),
    ],
)
def test_a_surname_ending_in_s_stays_a_person(text: str, name: str) -> None:
    """A name ending in "s" is a person with a singular verb, after "and" (two people of
    one surname), or after a preposition or participle (no subject of the verb)."""
    assert _found(text, [name]) == [name]
