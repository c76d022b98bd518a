"""Rule 7 of the story roster (:mod:`newsprism.reconcile.roster`): full names of one
surname that are one person written with other given names.

Outlets name one person "Sen. Chris Holt" and "Senator Christopher J. Holt" (a short
form of the given name, a middle initial) or "Ted Holt" and "Edward R. Holt" (a nickname
of other letters). Two full names *fit* when, titles stripped
(:func:`~newsprism.analyze.aliases.strip_title`) and the surnames and any generation
suffix ("Jr.") equal:

* they give as many given names and each pair is one word, one initial and a word of its
  letter, or a short form and its name in the ``nicknames`` package's table
  (:func:`~newsprism.reconcile.given_names.short_form_of`: "Chris" / "Christopher",
  "Ted" / "Edward"), the first pair whole words ("J. Holt" / "Jon Holt" says too
  little); or
* one gives a single given name and it meets, as above, the other's first given name
  ("Chris Holt" / "Christopher J. Holt").

A join credits one name's words to the other: a wrong one gives a wife's words to her
husband, a son's to his father. So names sharing their first letters or spelt one letter
apart do not fit ("Charles" / "Charlotte", "Julian" / "Juliet", "Mario" / "Marion",
"Emil" / "Emily": a couple or siblings of one surname), nor does a man's short form
taken from the start a woman's name shares with his ("Chris Holt" / "Christine Holt");
a misspelt given name stands apart with them. Nor does a lone given name meet the
other's middle name: "Robert Holt" / "James Robert Holt" is as often a father and his
son as one man going by his middle name.

Names giving two middle names against one ("Edvin H. M. Rask" / "Edvin M. Rask") do not
fit: two people, however their letters meet. Fitting names join only as a whole: every
two names of a group linked by fits must fit each other, so a bare "Edvin Rask" beside
the two Rasks above joins nobody. Relatives of one surname bear given names that are not
forms of one name ("Julia Holm" / "Emma Holm") or a generation suffix: they do not fit.
One article writing two fitting forms as two entities is no sign of two people: on the
development golds (BASIL calibration and development, Multi-News development and dev2)
each of the stories where one does names one person ("Dick X" in a campaign's statement
beside the reporter's "Richard X", "Ted X" beside "Edward R. X"), so no such guard is
kept. On those golds' 55 stories the two rules left out (first letters or one letter
apart; a middle name) made one right join each, a misspelt given name and a man going
by his middle name: statements and exclusives are the same without them
(:mod:`~newsprism.reconcile.exclusive_name_forms` reads such forms for exclusives).
"""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from newsprism.analyze.aliases import strip_title
from newsprism.reconcile.given_names import one_name, short_form_of

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
    # A lone given name meets the other's first only: a middle name it meets is as
    # often a father's given name in his son's name as the name one goes by.
    return len(short) == 1 and len(short[0]) > 1 and _meets(short[0], long[0])


def _whole(a: str, b: str) -> bool:
    return len(a) > 1 and len(b) > 1 and _meets(a, b)


def _meets(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or short_form_of(a, b) or short_form_of(b, a)


def fitting_groups(names: Mapping[str, FullName]) -> list[list[str]]:
    """The groups of name keys rule 7 joins: those linked by fits (:func:`names_fit`)
    where every two fit."""
    by_surname: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, name in names.items():
        by_surname[(name.surname, name.suffix)].append(key)
    groups = []
    for keys in by_surname.values():
        for component in _components(sorted(keys), lambda a, b: names_fit(names[a], names[b])):
            if len(component) < 2 or not _whole_group(component, names):
                continue
            if not _rivalled(component, [k for k in keys if k not in component], names):
                groups.append(component)
    return groups


def _rivalled(group: Sequence[str], others: Sequence[str], names: Mapping[str, FullName]) -> bool:
    """Whether a name of ``group`` is, by its first given name, loosely a form of the name
    of someone outside it (:func:`~newsprism.reconcile.given_names.one_name`, which also
    reads shared first letters): "Chris Lune" fits "Christopher Lune" but may as well be
    "Christine Lune" beside them, so the bare form joins neither."""
    for a, b in itertools.product(group, others):
        x, y = names[a].given[0], names[b].given[0]
        if len(x) > 1 and len(y) > 1 and (x == y or one_name(x, y)):
            logger.debug("given-name form rivalled: %s / %s", a, b)
            return True
    return False


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
