"""One person written in two forms by two sources: the second opinion
:func:`newsprism.reconcile.exclusive_people.person_exclusives` asks before it lists a
person only one source names.

Outlets name one person with more or fewer given names ("Ola Brandt" / "Jon Ola Brandt"),
with or without a middle initial ("Lena Vik" / "Lena K. Vik"), by a short form of the
given name ("Chris Holm" / "Christopher J. Holm") or by the surname under a title
("President Holm" beside another paper's "President Ivo Holm"). The story's roster keeps
such forms apart where a title or an agency's initials open one of them, so each was
listed as a person only its outlet names. Read off the development golds' unscored
person items (s41: BASIL calibration and development, three people listed five times, once
per outlet: a full name beside a titled shorter one, a nickname beside the formal name
with an initial; no scored item of the four golds moved). Relatives stay two people: two
given names that are not forms of one name ("Julia Holm" / "Emma Holm"), two different
initials ("Edvin H. Rask" / "Edvin M. Rask"), one suffixed name ("Ivo Holm Jr."), a lone
surname several people bear, or two forms one article writes side by side.
Given names meet as the story roster's do (stop 43): the same word, an initial, or a short
form of the name table; names sharing first letters or one letter apart ("Charles" /
"Charlotte", "Kasper" / "Kaspar") no longer meet (the loose test the roster dropped at
stop 42 hid the true exclusive of each). The roster's whole-name fit
(:func:`~newsprism.reconcile.roster_people.names_fit`) is not used here: it never lets a
lone given name meet a later one, and over the 47 non-blind BASIL stories with cached
analyses it listed six people another outlet names ("J. Christopher X" / "Chris X", a man
going by his middle name, a title's residue "Staff X Y" / "X Y"); this test lists none
of them, and no scored exclusive of the four development golds moves either way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Final

from newsprism.reconcile.given_names import short_form_of

__all__ = ["other_form", "suffixed"]

logger = logging.getLogger(__name__)

# Generation suffixes: "Ivo Holm" and "Ivo Holm Jr." are father and son.
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})


Name = tuple[str, ...]


def suffixed(rest: Sequence[str]) -> bool:
    """Whether words after a name are a generation suffix ("Jr."): another person."""
    return bool(rest) and rest[0] in _SUFFIXES


def other_form(
    mine: Sequence[Name],
    others: Sequence[Sequence[Name]],
    apart: Callable[[Name, Name], bool] = lambda a, b: False,
    beside: Sequence[Sequence[Name]] = (),
) -> bool:
    """Whether a person named ``mine`` (their names: case-folded words, titles stripped)
    is one of ``others`` (other sources' people, each by their names) in another form. A
    person known by the surname alone (no full name among their names) is the one full
    name of ``others`` bearing it, and a full name is another source's lone-surname person
    where no other full name bears the surname (see the module doc). ``apart`` says two
    full names are two people whatever their forms (one article writes both); ``beside``
    are the people an article of ``mine`` writes too, kept apart from them by the roster:
    a lone surname never joins one of them ("Ivo Holm ... his mother, Mrs. Holm"), and
    their full names count as bearers of the surname."""
    near = {n for person in beside for n in person}
    fulls = {n for person in others for n in person if len(n) > 1}
    mine_full = [n for n in mine if len(n) > 1]
    if not mine_full:
        return any(_lone_joins(s, fulls, near) for s in {n[0] for n in mine if n})
    lone = {p[0][0] for p in others if _lone(p) and not near & set(p)}
    bearers = fulls | {n for n in near if len(n) > 1}
    for name in mine_full:
        rivals = {f for f in bearers if f[-1] == name[-1] and not _one_person(name, f)}
        if name[-1] in lone and name[-1] not in _SUFFIXES and not rivals:
            return True
        if any(_one_person(name, f) and not apart(name, f) for f in fulls):
            return True
    return False


def _lone(person: Sequence[Name]) -> bool:
    """Whether a person is known by a surname alone: names, none of them full."""
    return bool(person) and all(len(n) == 1 for n in person)


def _lone_joins(surname: str, fulls: set[Name], near: set[Name]) -> bool:
    """Whether a lone surname is the one full name bearing it, among other sources' names
    and those written beside it, and that bearer is not written beside it: one writer who
    names "Ivo Holm" and, apart from him, "Mrs. Holm" names two people."""
    if surname in _SUFFIXES:
        return False
    bearers = {f for f in fulls | near if len(f) > 1 and f[-1] == surname}
    return len(bearers) == 1 and not bearers & near


def _one_person(a: Name, b: Name) -> bool:
    """Two full names of one surname whose given names fit (:func:`_given_fit`)."""
    if a[-1] in _SUFFIXES and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]  # "Jesse L. Holm Jr." / "Jesse Holm Jr."
    if a == b or a[-1] != b[-1] or a[-1] in _SUFFIXES or len(a) < 2 or len(b) < 2:
        return False
    short, long = sorted((list(a[:-1]), list(b[:-1])), key=len)
    return _given_fit(short, long)


def _given_fit(short: list[str], long: list[str]) -> bool:
    """Whether each given name of ``short`` meets, in order, a word of ``long``: the same
    word or a form of one name ("Chris" / "Christopher"); an initial meets a word of its
    letter. Words of ``long`` left over are given names one outlet left out. One whole
    given name must meet another: initials alone ("J. Holm" / "Jon Holm") say too little."""
    position, whole = 0, False
    for word in short:
        found = next((i for i in range(position, len(long)) if _meets(word, long[i])), None)
        if found is None:
            return False
        whole = whole or min(len(word), len(long[found])) > 1
        position = found + 1
    return whole


def _meets(word: str, other: str) -> bool:
    """Whether two given names meet as the story roster's do
    (:mod:`~newsprism.reconcile.roster_people`): the same word, an initial and a word of
    its letter, or a short form of the name table ("Chris" / "Christopher", "Ted" /
    "Edward"). Never by shared first letters or one letter apart ("Charles" /
    "Charlotte", "Emil" / "Emily": a couple or siblings, each one outlet's exclusive;
    stop 43)."""
    if len(word) == 1 or len(other) == 1:
        return word[0] == other[0]
    return word == other or short_form_of(word, other) or short_form_of(other, word)
