"""People exclusives that name no person: the parse's own second opinion (the same words
tagged a place, a people or a firm elsewhere in the story), a platform or a thing after
"on"/"via"/"a", and words with no name's shape.

Invented stories with hand-made analyses, so the rules are read without the parser's
guesses; one sentence each names a real person in the news, who stays listed.
"""

from __future__ import annotations

import pytest

from newsprism.model import Analysis, Article, Entity, Mention, RosterEntry, Story
from newsprism.reconcile.exclusive_people import person_exclusives
from newsprism.reconcile.material import StoryMaterial

PERSON_LINE = "Petra Lund, a nurse, treated two passengers on the quay."


def _entity(text: str, words: str, label: str) -> Entity:
    """The entity named by ``words`` less a leading "Dr. ", mentioned wherever they occur."""
    starts = [n for n in range(len(text)) if text.startswith(words, n)]
    mentions = tuple(Mention(words, s, s + len(words)) for s in starts)
    return Entity(words.removeprefix("Dr. "), label, mentions)


def _material(
    a: str, a_names: list[tuple[str, str]], b: str, b_names: list[tuple[str, str]]
) -> StoryMaterial:
    """Two outlets' articles; ``*_names`` are (words, label) the parse found in each."""
    articles = [
        Article("a1", "a1.txt", a, outlet="Harbour Post"),
        Article("b1", "b1.txt", b, outlet="Velmar Wire"),
    ]
    analyses = {
        art.id: Analysis(
            art.id,
            "test",
            entities=tuple(_entity(art.text, w, label) for w, label in names),
        )
        for art, names in zip(articles, [a_names, b_names], strict=True)
    }
    return StoryMaterial(Story("s", None, ("a1", "b1")), articles, analyses)


def _people(material: StoryMaterial, names: list[str]) -> list[str]:
    roster = [RosterEntry(n, "PERSON", (), ("a1",)) for n in names]
    return [e.passage.text for e in person_exclusives(material, roster, [])]


def test_a_name_tagged_a_place_elsewhere_is_no_person() -> None:
    """The parse tags "Orlavia" a person in one article and a country in the other: the
    second opinion wins, and the person one paper names stays."""
    a = f"Orlavia sent two rescue boats.\n\n{PERSON_LINE}"
    b = "The rescue boats came from Orlavia, the coastguard said."
    material = _material(
        a, [("Orlavia", "PERSON"), ("Petra Lund", "PERSON")], b, [("Orlavia", "GPE")]
    )
    assert _people(material, ["Orlavia", "Petra Lund"]) == ["Petra Lund"]


def test_a_title_outweighs_the_other_label() -> None:
    """A name with a title ("Dr. Orlavia") is a person, whatever label the same word has
    elsewhere (a town of that name)."""
    a = "Dr. Orlavia treated the crew on the quay."
    b = "The ferry sailed from Orlavia on Sunday."
    material = _material(a, [("Dr. Orlavia", "PERSON")], b, [("Orlavia", "GPE")])
    assert _people(material, ["Orlavia"]) == ["Dr. Orlavia"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("The mayor wrote on Kelmo that the quay was closed.", "Kelmo"),
        ("The photos were shared via Kelmo within the hour.", "Kelmo"),
        ("The skipper once won an Aurel for a rescue at sea.", "Aurel"),
        ("A Brisco retriever found the missing boy.", "Brisco"),
        ("Kelmo reported Tuesday that the quay was closed.", "Kelmo"),
        ("Kelmo was first to report the closure.", "Kelmo"),
        ("A deckhand told Kelmo: the quay was closed.", "Kelmo"),
    ],
)
def test_a_platform_or_thing_is_no_person(line: str, name: str) -> None:
    """A one-word name after "on"/"via" (a platform, a show) or "a"/"an" (a prize, a
    breed), or one that reports the news (a paper, a site), is no person in the news."""
    a = f"{line}\n\n{PERSON_LINE}"
    b = "The ferry ran aground off Velmar on Sunday."
    material = _material(a, [(name, "PERSON"), ("Petra Lund", "PERSON")], b, [])
    assert _people(material, [name, "Petra Lund"]) == ["Petra Lund"]


@pytest.mark.parametrize("words", ["harbour crews", "UPDATE", "\u2014 UPDATE"])
def test_words_with_no_name_shape_are_no_person(words: str) -> None:
    """Lower-case words and one shouted word are no person's name; a short initialism
    may be one and is left alone."""
    a = f"{words} at the quay.\n\n{PERSON_LINE}\n\nJKL thanked the crews."
    b = "The ferry ran aground off Velmar on Sunday."
    names = [(words, "PERSON"), ("Petra Lund", "PERSON"), ("JKL", "PERSON")]
    material = _material(a, names, b, [])
    assert _people(material, [words, "Petra Lund", "JKL"]) == ["Petra Lund", "JKL"]


def test_a_common_noun_at_a_heading_is_no_person() -> None:
    """A noun the parse tags a person at a heading ("Skipper's boat found") is no person
    where the story writes it in lower case too."""
    a = f"Skipper's boat found\n\nThe skipper was rescued at dawn.\n\n{PERSON_LINE}"
    b = "The ferry ran aground off Velmar on Sunday."
    material = _material(a, [("Skipper", "PERSON"), ("Petra Lund", "PERSON")], b, [])
    assert _people(material, ["Skipper", "Petra Lund"]) == ["Petra Lund"]


@pytest.mark.parametrize(
    ("a", "a_names", "b", "b_names", "entry"),
    [
        (  # a surname that is a country another paper names (review s34 F9)
            "Aid reached the border.\n\nMira Talsen, a medic, drove the lorry. Talsen said "
            "the road was mined.",
            [("Mira Talsen", "PERSON"), ("Talsen", "PERSON")],
            "Aid convoys crossed from Talsen on Sunday.",
            [("Talsen", "GPE")],
            RosterEntry("Mira Talsen", "PERSON", ("Talsen",), ("a1",)),
        ),
        (  # a surname that is the firm the other paper names, no apposition anywhere
            "The ferry ran aground.\n\nAnna Brekk shut the engines. Brekk was unhurt.",
            [("Anna Brekk", "PERSON"), ("Brekk", "PERSON")],
            "The ferry, owned by Brekk, ran aground off Velmar on Sunday.",
            [("Brekk", "ORG")],
            RosterEntry("Anna Brekk", "PERSON", ("Brekk",), ("a1",)),
        ),
        (  # a person first named by surname after "on", with a role after it
            "The ferry ran aground.\n\nPressure mounted on Ovrelid, the transport minister, "
            "to resign.",
            [("Ovrelid", "PERSON")],
            "The Velmar ferry ran aground on Sunday.",
            [],
            RosterEntry("Ovrelid", "PERSON", (), ("a1",)),
        ),
        (  # a surname that is a word the story also writes (review s34 F11)
            "Costa, the depot's manager, ordered two tankers.",
            [("Costa", "PERSON")],
            "The costa of the bay froze; two tankers were sent.",
            [],
            RosterEntry("Costa", "PERSON", (), ("a1",)),
        ),
        (  # a witness who reported a leak (review s34 F12)
            "The ferry ran aground.\n\nOvrelid reported the leak to the harbour office.",
            [("Ovrelid", "PERSON")],
            "The Velmar ferry ran aground on Sunday.",
            [],
            RosterEntry("Ovrelid", "PERSON", (), ("a1",)),
        ),
        (  # a transcript's speaker label before first-person speech
            "The ferry ran aground.\n\nOvrelid: I saw water in the engine room.",
            [("Ovrelid", "PERSON")],
            "The Velmar ferry ran aground on Sunday.",
            [],
            RosterEntry("Ovrelid", "PERSON", (), ("a1",)),
        ),
    ],
)
def test_a_person_with_a_thing_like_name_stays_listed(
    a: str,
    a_names: list[tuple[str, str]],
    b: str,
    b_names: list[tuple[str, str]],
    entry: RosterEntry,
) -> None:
    """A person's name the thing guesses would hide stays listed: a bare surname that is a
    place or a firm elsewhere, a role or an age set off after a mention, a witness who
    reported something, a transcript's speaker."""
    material = _material(a, a_names, b, b_names)
    found = [e.passage.text for e in person_exclusives(material, [entry], [])]
    assert found == [entry.name], found


def test_a_one_word_shop_after_at_is_no_person() -> None:
    """A one-word name after "at" is a shop or a place ("seen at Kelmarts in the old
    town"), while a full name after "at" is a person shot or shouted at (review s34 F3)."""
    a = f"A clerk saw a man at Kelmarts in the old town.\n\n{PERSON_LINE}"
    b = "The ferry ran aground off Velmar on Sunday."
    material = _material(a, [("Kelmarts", "PERSON"), ("Petra Lund", "PERSON")], b, [])
    assert _people(material, ["Kelmarts", "Petra Lund"]) == ["Petra Lund"]


@pytest.mark.parametrize("role", ["a streaming service", "the harbour hotel", "a racing breed"])
def test_a_things_apposition_is_no_person_cue(role: str) -> None:
    """An apposition that names a thing ("Kelmo, a streaming service,") is no person cue:
    the one-word platform after "on" stays hidden."""
    a = f"The mayor wrote on Kelmo, {role}, that the quay was closed.\n\n{PERSON_LINE}"
    b = "The ferry ran aground off Velmar on Sunday."
    material = _material(a, [("Kelmo", "PERSON"), ("Petra Lund", "PERSON")], b, [])
    assert _people(material, ["Kelmo", "Petra Lund"]) == ["Petra Lund"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ivo Brandt contributed to this report.", "Ivo Brandt"),
        ("Ola Berg reported from Velmar. Ivo Brandt and Kai Lund contributed to this report.",
         "Ola Berg"),
        ("(Additional reporting by Ola Berg; Editing by Kai Lund and Ivo Brandt)", "Ivo Brandt"),
        ("By Ivo Brandt", "Ivo Brandt"),
        ("The ferry at the quay on Sunday. (Photo: Ivo Brandt, Kelmar Wire)", "Ivo Brandt"),
        ("The ferry at the quay on Sunday. KELMAR/Ivo Brandt", "Ivo Brandt"),
        ("The ferry at the quay on Sunday. (Ivo Brandt/Kelmar Wire)", "Ivo Brandt"),
        ("The pier was shut, said Sgt. Ivo Brandt of the harbour police.", "Sgt"),
    ],
)  # fmt: skip
def test_a_credit_or_a_bare_title_is_no_person(line: str, name: str) -> None:
    """A page's staff credits and a title cut from its name name no person in the news."""
    a = f"{line}\n\n{PERSON_LINE}"
    material = _material(a, [(name, "PERSON"), ("Petra Lund", "PERSON")], "The quay.", [])
    assert _people(material, [name, "Petra Lund"]) == ["Petra Lund"]


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, Ivo Brandt had pulled two passengers from the water.",
        "Ivo Brandt, a deckhand, said the reporting by harbour staff was slow to reach the "
        "coastguard, and that the crew waited for an hour on the quay before help came.",
    ],
)
def test_a_person_beside_credit_words_stays_listed(line: str) -> None:
    a = f"{line}\n\n{PERSON_LINE}"
    material = _material(a, [("Ivo Brandt", "PERSON"), ("Petra Lund", "PERSON")], "Quay.", [])
    assert _people(material, ["Ivo Brandt", "Petra Lund"]) == ["Ivo Brandt", "Petra Lund"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("The boy left the Orlen High School dance at ten.", "Orlen High School"),
        ("The jet was landing at Kelmar Airport when it was hit.", "Kelmar Airport"),
        ("The car was found on Brenn Boulevard on Sunday.", "Brenn Boulevard"),
        ("Ola Berg, of the pilots' union (Balpa), said it was a near miss.", "Balpa"),
        ("Ola Berg (Harbour Party) said the quay should stay shut.", "Harbour Party"),
    ],
)
def test_a_thing_shaped_name_is_no_person(line: str, name: str) -> None:
    """A name ending in a place's or a body's head noun, or one in parentheses after
    other words (an acronym, a party, a work), names no person in the news."""
    a = f"{line}\n\n{PERSON_LINE}"
    material = _material(a, [(name, "PERSON"), ("Petra Lund", "PERSON")], "The quay.", [])
    assert _people(material, [name, "Petra Lund"]) == ["Petra Lund"]


@pytest.mark.parametrize(
    "line",
    [
        "The ferry was late (Ivo Brandt said the engine failed) and the quay was shut.",
        "Ivo Brandt, who runs the Velmar Academy, said the quay was shut.",
    ],
)
def test_a_person_beside_thing_words_stays_listed(line: str) -> None:
    a = f"{line}\n\n{PERSON_LINE}"
    material = _material(a, [("Ivo Brandt", "PERSON"), ("Petra Lund", "PERSON")], "Quay.", [])
    assert _people(material, ["Ivo Brandt", "Petra Lund"]) == ["Ivo Brandt", "Petra Lund"]


@pytest.mark.parametrize(
    "line",
    [
        "Mayor Ivo Brandt thanked the crew. A film of the rescue, edited by Kelmar TV, was "
        "shown widely.",
        "The harbour memo, edited by Deputy Harbour Master Ivo Brandt, told staff to wipe logs.",
        "Photo: Ivo Brandt, 41, a deckhand, waits on the quay.",
        "Photo: Ivo Brandt waits on the quay.",
        "One deckhand drowned. Her husband (Ivo Brandt) told the court the alarms were ignored.",
    ],
)
def test_a_person_on_a_line_of_news_with_credit_words_stays_listed(line: str) -> None:
    """Credit words in a line of news, a caption naming who is pictured, a name in
    parentheses after a person's noun: the person is in the news (review s35 F6)."""
    a = f"{line}\n\n{PERSON_LINE}"
    material = _material(a, [("Ivo Brandt", "PERSON"), ("Petra Lund", "PERSON")], "Quay.", [])
    assert _people(material, ["Ivo Brandt", "Petra Lund"]) == ["Ivo Brandt", "Petra Lund"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Reporting by Ivo Brandt in Velmar; editing by Ola Berg and Kai Lund", "Ivo Brandt"),
        ("Edited by Ivo Brandt", "Ivo Brandt"),
        ("Kelmar Wire writer Ivo Brandt contributed to this report", "Ivo Brandt"),
        (
            "Ivo Brandt reported from Velmar; Kelmar Wire's Ola Berg also contributed reporting.",
            "Ivo Brandt",
        ),
        ("The quay at dawn. (Photo: Ivo Brandt for Kelmar Wire)", "Ivo Brandt"),
    ],
)
def test_a_line_of_credits_still_names_no_person(line: str, name: str) -> None:
    a = f"{line}\n\n{PERSON_LINE}"
    material = _material(a, [(name, "PERSON"), ("Petra Lund", "PERSON")], "The quay.", [])
    assert _people(material, [name, "Petra Lund"]) == ["Petra Lund"]
