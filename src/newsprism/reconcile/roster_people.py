"""Rule 7 of the story roster (:mod:`newsprism.reconcile.roster`): full names of one
surname that are one person written with other given names.

Outlets name one person "Sen. Chris Holt" and "Senator Christopher J. Holt" (a short
form of the given name, a middle initial), "Ted Holt" and "Edward R. Holt" (a nickname
of other letters), or "Acting Director Todd Varga" and "Alden Todd Varga" (the middle
name the person goes by, written as the given name). Two full names *fit* when, titles
stripped (:func:`~newsprism.analyze.aliases.strip_title`) and the surnames and any
generation suffix ("Jr.") equal:

* they give as many given names and each pair is one word, one initial and a word of its
  letter, or two forms of one name (:func:`~newsprism.reconcile.given_names.one_name`:
  "Chris" / "Christopher", "Ted" / "Edward"), the first pair whole words ("J. Holt" /
  "Jon Holt" says too little); or
* one gives a single given name and it meets, as above, the other's first given name or,
  where the other gives two, its whole middle name ("Todd" / "Alden Todd"; not one of
  two middle names or more: "Sedan Holt" is the father of "Omid Rafi Sedan Holt").

Names giving two middle names against one ("Edvin H. M. Rask" / "Edvin M. Rask") do not
fit: two people, however their letters meet. Fitting names join only as a whole: every
two names of a group linked by fits must fit each other, so a bare "Chris Holt" beside
"Christopher Holt" and "Christine Holt", or "Edvin Rask" beside the two Rasks above,
joins nobody. Relatives of one surname bear given names that are not forms of one name
("Julia Holm" / "Emma Holm") or a generation suffix: they do not fit. One article
writing two fitting forms as two entities is no sign of two people: on the development
golds (BASIL calibration and development, Multi-News development and dev2) each of the
three stories where one does names one person ("Dick X" in a campaign's statement
beside the reporter's "Richard X", "Ted X" beside "Edward R. X", a full name with two
middle names beside the short one), so no such guard is kept. The given-name table is
the ``nicknames`` package's (read by :mod:`~newsprism.reconcile.given_names`); the hand
table of :data:`~newsprism.analyze.aliases.NICKNAMES` left out every short form two
names share ("Chris", "Ted") and no middle name was read.
"""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from newsprism.analyze.aliases import strip_title
from newsprism.reconcile.given_names import one_name

__all__ = ["FullName", "fitting_groups", "full_name", "names_fit"]

logger = logging.getLogger(__name__)

# Generation suffixes: "Ivo Holm" and "Ivo Holm Jr." are father and son.
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class FullName:
    """A person's name read for rule 7: given names (case-folded, initials as one
    letter), surname, and a generation suffix ("" when none)."""

    given: tuple[str, ...]
    surname: str
    suffix: str


def full_name(key: str) -> FullName | None:
    """The full name of a folded name key ("senator christopher j holt"), its leading
    title dropped; None for a name without a given name ("president holm", "holm")."""
    words = (strip_title(key) or key).split()
    suffix = ""
    if len(words) > 2 and words[-1].rstrip(".") in _SUFFIXES:
        suffix, words = words[-1].rstrip("."), words[:-1]
    words = [w.rstrip(".") for w in words]
    if len(words) < 2 or not all(words):
        return None
    return FullName(tuple(words[:-1]), words[-1], suffix)


def names_fit(a: FullName, b: FullName) -> bool:
    """Whether two full names may be one person's (see the module doc)."""
    if a.surname != b.surname or a.suffix != b.suffix:
        return False
    short, long = sorted((a.given, b.given), key=len)
    if len(short) == len(long):
        pairs = list(zip(short, long, strict=True))
        return _whole(*pairs[0]) and all(_meets(x, y) for x, y in pairs)
    if len(short) != 1 or len(short[0]) == 1:
        return False
    word = short[0]
    if _meets(word, long[0]):
        return True
    # The name one goes by as the middle of two ("Alden Todd Varga"); never one of more
    # middles, where a father's given name often stands ("Omid Rafi Sedan X" beside
    # his father "Sedan X", as in a development gold story).
    return len(long) == 2 and len(long[1]) > 1 and _meets(word, long[1])


def _whole(a: str, b: str) -> bool:
    return len(a) > 1 and len(b) > 1 and _meets(a, b)


def _meets(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or one_name(a, b)


def fitting_groups(names: Mapping[str, FullName]) -> list[list[str]]:
    """The groups of name keys rule 7 joins: those linked by fits (:func:`names_fit`)
    where every two fit."""
    by_surname: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, name in names.items():
        by_surname[(name.surname, name.suffix)].append(key)
    groups = []
    for keys in by_surname.values():
        for component in _components(sorted(keys), lambda a, b: names_fit(names[a], names[b])):
            if len(component) > 1 and _whole_group(component, names):
                groups.append(component)
    return groups


def _whole_group(keys: Sequence[str], names: Mapping[str, FullName]) -> bool:
    for a, b in itertools.combinations(keys, 2):
        if not names_fit(names[a], names[b]):
            logger.debug("given-name forms kept apart: %s / %s", a, b)
            return False
    return True


def _components(keys: Collection[str], linked: Callable[[str, str], bool]) -> list[list[str]]:
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in itertools.combinations(sorted(keys), 2):
        if linked(a, b):
            parent[find(a)] = find(b)
    members: dict[str, list[str]] = defaultdict(list)
    for k in sorted(keys):
        members[find(k)].append(k)
    return list(members.values())
