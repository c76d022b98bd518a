"""One person named in two forms by two outlets is no exclusive of either: more or fewer
given names, a middle initial, a short given name, a surname under a title. Relatives and
namesakes stay two people, each listed where one outlet alone names them.

Invented stories with hand-made roster entries, so the rule is read without the parser's
guesses."""

from __future__ import annotations

import pytest

from newsprism.model import Analysis, Article, Entity, Mention, RosterEntry, Story
from newsprism.reconcile.exclusive_name_forms import other_form
from newsprism.reconcile.exclusive_people import person_exclusives
from newsprism.reconcile.material import StoryMaterial


def _n(name: str) -> tuple[str, ...]:
    return tuple(name.casefold().split())


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("ola brandt", "jon ola brandt"),
        ("lena vik", "lena k vik"),
        ("chris holm", "christopher j holm"),
        ("bill sorensen", "william sorensen"),
        ("holm", "ivo holm"),
        ("ivo holm", "holm"),
        ("jesse l holm jr", "jesse holm jr"),
    ],
)
def test_forms_of_one_person(mine: str, theirs: str) -> None:
    assert other_form([_n(mine)], [[_n(theirs)]])


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("julia holm", "emma holm"),  # sisters
        ("edvin h rask", "edvin m rask"),  # two initials: two people
        ("ivo holm", "ivo holm jr"),  # father and son
        ("kristian lund", "kristina lund"),  # a man's and a woman's form
        ("ivo holm", "ivo berg"),  # one given name, two surnames
        ("j holm", "jon holm"),  # an initial alone says too little
    ],
)
def test_relatives_and_namesakes_stay_apart(mine: str, theirs: str) -> None:
    assert not other_form([_n(mine)], [[_n(theirs)]])


def test_a_lone_surname_needs_one_bearer() -> None:
    """'President Holm' is the other outlet's Ivo Holm only where no other Holm is named."""
    assert other_form([_n("holm")], [[_n("ivo holm")]])
    assert not other_form([_n("holm")], [[_n("ivo holm")], [_n("emma holm")]])


def test_a_full_names_own_surname_alias_is_no_lone_surname() -> None:
    """A person the roster knows by a full name and by the surname alone is not the lone
    surname of a relative another outlet names ('Loretta Holm' / 'Holm' beside 'Linda
    Holm'), and a lone surname of a person with a full name makes no bearer either."""
    assert not other_form([_n("loretta holm"), _n("holm")], [[_n("linda holm")]])
    assert not other_form([_n("linda holm")], [[_n("loretta holm"), _n("holm")]])


def test_a_full_name_beside_a_lone_surname_with_a_rival_bearer() -> None:
    """Another outlet's bare 'Holm' may be either of two Holms: neither joins it."""
    assert not other_form([_n("ivo holm")], [[_n("holm")], [_n("emma holm")]])


def test_two_forms_one_article_writes_are_two_people() -> None:
    """Where the caller says one article writes both names, they are two people."""
    assert other_form([_n("kasper holm")], [[_n("kaspar holm")]])
    assert not other_form([_n("kasper holm")], [[_n("kaspar holm")]], lambda a, b: True)


# --- through person_exclusives -------------------------------------------------------


def _material(a: str, a_names: list[str], b: str, b_names: list[str]) -> StoryMaterial:
    articles = [
        Article("a1", "a1.txt", a, outlet="Harbour Post"),
        Article("b1", "b1.txt", b, outlet="Velmar Wire"),
    ]
    analyses = {}
    for art, names in zip(articles, [a_names, b_names], strict=True):
        entities = []
        for words in names:
            start = art.text.index(words)
            mention = Mention(words, start, start + len(words))
            entities.append(Entity(words, "PERSON", (mention,)))
        analyses[art.id] = Analysis(art.id, "test", entities=tuple(entities))
    return StoryMaterial(Story("s", None, ("a1", "b1")), articles, analyses)


def _listed(a: str, a_name: str, b: str, b_name: str) -> list[str]:
    material = _material(a, [a_name], b, [b_name])
    roster = [
        RosterEntry(a_name, "PERSON", (), ("a1",)),
        RosterEntry(b_name, "PERSON", (), ("b1",)),
    ]
    return sorted(e.passage.text for e in person_exclusives(material, roster, []))


def test_one_senator_named_two_ways_is_listed_for_neither_outlet() -> None:
    a = "Senator Christopher J. Holm opened the new ferry terminal on Friday."
    b = "The terminal was opened by Sen. Chris Holm after a two-year delay."
    assert _listed(a, "Senator Christopher J. Holm", b, "Sen. Chris Holm") == []


def test_a_director_under_his_title_and_his_full_name() -> None:
    a = "Harbour Agency Acting Director Ola Brandt signed the order."
    b = "The order was signed by Jon Ola Brandt, who runs the agency for now."
    assert _listed(a, "Harbour Agency Acting Director Ola Brandt", b, "Jon Ola Brandt") == []


def test_two_sisters_of_one_surname_stay_listed() -> None:
    a = "Julia Holm, a ferry pilot, steered the boat to safety."
    b = "Emma Holm, a harbour clerk, raised the alarm at dawn."
    assert _listed(a, "Julia Holm", b, "Emma Holm") == ["Emma Holm", "Julia Holm"]


def test_father_and_son_stay_listed() -> None:
    a = "Ivo Holm, the yard's founder, watched the launch."
    b = "Ivo Holm Jr. now runs the yard his father founded."
    assert _listed(a, "Ivo Holm", b, "Ivo Holm Jr.") == ["Ivo Holm", "Ivo Holm Jr."]
