"""Given names: whether two are forms of one name ("Chris" / "Christopher", "Bill" /
"William").

Facts key ages by surname and keep two people of one surname apart
(:func:`newsprism.reconcile.facts`' ``_two_people``); one person's equal age under two
forms of a given name must stay one fact. Spelling tests, and for nicknames of other
letters the curated table of the ``nicknames`` package (English given names and their
nicknames, shipped with the package as a CSV file: read once per process, no network).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping

from nicknames import NickNamer

__all__ = ["nickname_of", "one_name"]

logger = logging.getLogger(__name__)

# Shared first letters that make two given names one name's forms ("Bart" /
# "Bartholomew", "Benedikt" / "Benedetto"); three let "Mark" / "Mary" through.
_PREFIX = 4
# From this length on, names one letter apart are one name spelt two ways ("Karoline" /
# "Caroline"); below it, "Mark" / "Mary", "Jane" / "June" are two names.
_EDIT_FROM = 6


def one_name(m: str, t: str) -> bool:
    """Whether two case-folded given names are forms of one name: one a nickname of the
    other in the table (:func:`nickname_of`: "Bill" / "William", "Peggy" / "Margaret",
    "Becky" / "Rebecca"); else not a male and a female form (one of them, not both, ends in
    "a": "Teodor" / "Teodora", "Kristian" / "Kristina"), and either the same first four
    letters ("Bart" / "Bartholomew", "Benedikt" / "Benedetto") or, from six letters on, one
    letter apart ("Karoline" / "Caroline")."""
    if nickname_of(m, t) or nickname_of(t, m):
        return True
    if m.endswith("a") != t.endswith("a"):
        return False
    if min(len(m), len(t)) >= _PREFIX and m[:_PREFIX] == t[:_PREFIX]:
        return True
    return min(len(m), len(t)) >= _EDIT_FROM and _one_edit(m, t)


def nickname_of(nick: str, name: str) -> bool:
    """Whether the table gives ``nick`` as a nickname of ``name`` (both case-folded). Only
    a direct entry counts: two nicknames of one name ("Al" of "Alfred" and of "Albert")
    are not made one name through it."""
    return nick in _table().get(name, frozenset())


@functools.cache
def _table() -> Mapping[str, frozenset[str]]:
    """Each given name's nicknames, read from the package's file once per process (a
    constant table, never changed after)."""
    table = {k: frozenset(v) for k, v in NickNamer().nickname_lookup.items()}
    logger.debug("%d given names with nicknames", len(table))
    return table


def _one_edit(m: str, t: str) -> bool:
    """Whether ``t`` is ``m`` with one letter changed, added or dropped."""
    if abs(len(m) - len(t)) > 1:
        return False
    n = next((i for i, (p, q) in enumerate(zip(m, t, strict=False)) if p != q), min(len(m), len(t)))
    return m[n + 1 :] == t[n + 1 :] or m[n:] == t[n + 1 :] or m[n + 1 :] == t[n:]
