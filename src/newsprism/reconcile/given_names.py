"""Given names: whether two are forms of one name ("Chris" / "Christopher", "Bill" /
"William").

Facts key ages by surname and keep two people of one surname apart
(:func:`newsprism.reconcile.fact_people.two_people`); one person's equal age under two
forms of a given name must stay one fact. Spelling tests, and for nicknames of other
letters the curated table of the ``nicknames`` package (English given names and their
nicknames, shipped with the package as a CSV file: read once per process, no network).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from typing import Final

from nicknames import NickNamer

__all__ = ["nickname_of", "one_name", "short_form_of"]

logger = logging.getLogger(__name__)

# Shared first letters that make two given names one name's forms ("Bart" /
# "Bartholomew", "Benedikt" / "Benedetto"); three let "Mark" / "Mary" through.
_PREFIX = 4
# From this length on, names one letter apart are one name spelt two ways ("Karoline" /
# "Caroline"); below it, "Mark" / "Mary", "Jane" / "June" are two names.
_EDIT_FROM = 6
# A nickname opening with the first three letters of a female form ending in "a" is
# taken from the start the name shares with its male form ("Sam" of "Samantha" and
# "Samuel", "Pat" of "Patricia" and "Patrick", "Andrew" / "Andrea"). Three, not four:
# "Sam", "Pat" have three; not two: "Tess" / "Teresa" share two and no male form. Read
# off the package table's pairs across the final "a" (s39).
_START = 3
# Endings that make a female form of a male name written whole before them ("Louis" /
# "Louise", "Joseph" / "Josephine", "Daniel" / "Danielle", "Paul" / "Paulette"): a final
# "a" is read by the sign test itself. Not "y"/"ie": "Bill" / "Billy" is one man.
_FEMININE_ENDINGS = ("e", "ine", "le", "ette", "tte")
_VOWELS = ("a", "e", "i", "o", "u", "y")
# Endings that mark a woman's name that takes a male name's stem and drops its last
# syllable ("Michael" / "Michelle", "Christian" / "Christine", "Stephen" / "Stephanie",
# "Adrian" / "Adrienne", "Bernard" / "Bernadette"): the shared first letters make no
# one name of such a name and one ending as men's names do (:func:`_two_sexes`). Men's
# names end so too ("Antoine", "Augustine"): :func:`_mans_form` tells them apart.
_WOMANS_ENDINGS = ("ine", "elle", "ette", "ienne", "anie")
# "-lyn" spells a "-line" name ("Carolyn" / "Caroline", "Madelyn" / "Madeline"): no
# male ending although it ends in a consonant.
_SPELT_FEMALE = ("yn", "ynn")
# A nickname that several names bear in the table is taken from the ones whose letters it
# keeps: a name outranked by another bearer keeping this many more of the nickname's
# letters in order ("Billy": "William" keeps "ill", "Robert" none; "Chris": "Christopher"
# keeps all five, "Crystal" three) is a reading the table lists, not the nickname's name.
# Two, not one: "Ted" keeps "ed" of "Edward" and "ted" of "Theodore", both its names.
# Calibrated over the package table's 2179 entries of a shorter nickname (s40): two
# drops 88 of them, most rare readings ("Lena" of "Catherine", "Mitzi" of "Mary"); one
# drops 241, "Ted" / "Edward" among them.
_OUTRANK = 2
# First letters that spell one sound at a name's start, each only before the letters
# that give it that sound: names differing in that letter only are one name spelt two
# ways. A hard "c" is a "k" ("Cathy" / "Kathy", "Carla" / "Karla", "Clara" / "Klara":
# before a, o, u, l, r); a soft "g" is a "j" ("Gerry" / "Jerry": before e, i, y). Not a
# hard "g" ("Gordan" / "Jordan") nor a soft "c" ("Cedric" / "Kedric"). Other first
# letters make other names, whatever the table lists: of its 12 pairs that differ in the
# first letter only, "Casper" / "Jasper", "Albert" / "Elbert", "Floyd" / "Lloyd",
# "Barrett" / "Garrett" are two names, the rest one sound or a rhyme (s41).
_ONE_SOUND: Final = (
    (frozenset("ck"), frozenset("aoulr")),
    (frozenset("gj"), frozenset("eiy")),
)
# "e" / "i" is no letter of one sound: most such pairs are two names ("Ivan" / "Evan",
# "Imre" / "Emre", "Ilse" / "Else": s41 review 3). The few that are one name spelt two
# ways are listed, as first-letter-less tails (case-folded, the rest of the name).
_EI_SPELLINGS: Final = frozenset({"rwin", "mmanuel"})
# Nicknames that rhyme on a name's first letter are short: "Bob" / "Rob", "Bill" / "Will",
# "Dick" / "Rick" (the table's only such pairs of other sounds are four letters or fewer).
_RHYME_MAX = 4
# A bearer spelt like the name save this many letters is the name's spelling
# ("Katherine" / "Cathleen", "Geoffrey" / "Jeffrey"), no rival to it.
_SPELLING = 2


def one_name(m: str, t: str) -> bool:
    """Whether two case-folded given names are forms of one name. A male and a female
    form are never one (one of them, not both, ends in "a": "Teodor" / "Teodora",
    "Kristian" / "Kristina", "Justin" / "Justina"), save a woman's nickname the table gives
    for the "a" name (:func:`_womans_nickname`: "Becky" / "Rebecca", not "Alex" /
    "Alexandra"); nor is a name and the same with a feminine ending (:func:`_female_form`:
    "Louis" / "Louise", "Joseph" / "Josephine"). Else one a nickname of the other in the
    table (:func:`nickname_of`: "Bill" / "William", "Peggy" / "Margaret"; names differing
    in the first letter only by :func:`_first_letter_only`), the same first
    four letters ("Bart" / "Bartholomew", "Benedikt" / "Benedetto") or, from six letters
    on, one letter apart ("Karoline" / "Caroline")."""
    if m.endswith("a") != t.endswith("a"):
        return _womans_nickname(m, t) or _womans_nickname(t, m)
    if _female_form(m, t) or _female_form(t, m):
        return False
    if len(m) == len(t) and m[0] != t[0] and m[1:] == t[1:]:
        return _first_letter_only(m, t)
    if nickname_of(m, t) or nickname_of(t, m):
        return True
    if _two_sexes(m, t) or _two_sexes(t, m):
        return False
    shortest = min(len(m), len(t))
    same_start = shortest >= _PREFIX and m[:_PREFIX] == t[:_PREFIX]
    return same_start or (shortest >= _EDIT_FROM and _one_edit(m, t))


def short_form_of(nick: str, name: str) -> bool:
    """Whether the table gives ``nick``, shorter than ``name``, as a short form standing
    for ``name`` ("Chris" / "Christopher", "Ted" / "Edward", "Tina" / "Christine"): the
    evidence the story roster joins two people's names by, where a wrong join credits
    one person's words to another (a wife's to her husband). Spellings sharing a start
    or one letter apart are no such evidence: "Charles" / "Charlotte", "Julian" /
    "Juliet", "Mario" / "Marion" are relatives' names. Not a longer name the table lists
    under a shorter ("Emily" under "Emil"), a female form of the name (:func:`_female_form`),
    nor a man's short form taken from the start a woman's name shares with his
    (:func:`_brothers_start`: "Chris" / "Christine", "Sam" / "Samantha")."""
    if len(nick) >= len(name) or _female_form(nick, name):
        return False
    if name.endswith("a") and not nick.endswith("a"):
        return _womans_nickname(nick, name)
    return nickname_of(nick, name) and not _brothers_start(nick, name)


def _brothers_start(nick: str, name: str) -> bool:
    """Whether ``nick`` takes the start of ``name``, a woman's name of a man's stem
    (:func:`_two_sexes`: "Christine"), which the table also gives ``nick`` for such a
    man's name ("Christopher", "Christian"): a brother's or husband's short form, as
    :func:`_womans_nickname` reads one of a name ending in "a"."""
    if not name.startswith(nick[:_START]):
        return False
    return any(
        rival.startswith(nick[:_START]) and _two_sexes(name, rival)
        for rival in _bearers().get(nick, ())
    )


def _first_letter_only(m: str, t: str) -> bool:
    """Whether two names differing in their first letter only are one name: a letter
    of one sound before the letter after it (``_ONE_SOUND``: "Karoline" / "Caroline",
    "Gerry" / "Jerry"), a listed "e" / "i" spelling (``_EI_SPELLINGS``: "Erwin" /
    "Irwin"), or a short rhyming nickname the table gives ("Bob" / "Rob", "Bill" /
    "Will"). Not "Casper" / "Jasper", "Jasper" / "Kasper", "Floyd" / "Lloyd", "Ivan" /
    "Evan", "Gordan" / "Jordan": two names (a rhyme of two full names is no nickname,
    though the table lists some)."""
    firsts = frozenset((m[0], t[0]))
    if any(firsts == pair and m[1:2] in after for pair, after in _ONE_SOUND):
        return len(m) >= _PREFIX
    if firsts == frozenset("ei"):
        return m[1:] in _EI_SPELLINGS
    return len(m) <= _RHYME_MAX and (nickname_of(m, t) or nickname_of(t, m))


def _womans_nickname(nick: str, name: str) -> bool:
    """Whether ``nick``, without the final "a" of the female form ``name``, is a nickname
    only a woman of that name bears: the table gives it for ``name`` ("Becky" / "Rebecca",
    "Trish" / "Patricia", "Mandy" / "Amanda"); it does not take the name's start, which the
    name shares with its male form ("Justin" / "Justina", "Andrew" / "Andrea" and "Alex" /
    "Alexandra", "Sam" / "Samantha", "Chris" / "Christina": their brothers' names and
    nicknames); the table gives it for no name without the final "a" ("Sandy" of
    "Alexander", "Kris" of "Kristopher"), save other nicknames of ``name`` ("Becky" of
    "Beck"); and it is shorter than ``name`` (the table also lists names the other way
    round: "Anselm" under "Selma"). The table lists both sexes' names and no sex: siblings
    of one surname and one age (s39 review: "Justin" / "Justina") must stay two people."""
    if not name.endswith("a") or nick.endswith("a") or not nickname_of(nick, name):
        return False
    if len(nick) >= len(name) or name.startswith(nick[:_START]):
        return False
    own = _table()[name]
    return all(o.endswith("a") or o in own for o in _bearers().get(nick, ()))


def _two_sexes(female: str, male: str) -> bool:
    """Whether ``female`` ends as a woman's name made of a male stem ("Michelle",
    "Christine", "Stephanie": ``_WOMANS_ENDINGS``) and ``male`` as men's names do, in a
    consonant or "o" ("Michael", "Christian", "Antonio"), not in "-lyn" (a "-line"
    name's spelling). Two women's names ("Adeline" / "Adele", "Georgine" / "Georgie")
    are left to the other tests."""
    if not female.endswith(_WOMANS_ENDINGS) or male.endswith(_WOMANS_ENDINGS):
        return False
    if _mans_form(female, male):
        return False
    return male.endswith("o") or not male.endswith(_VOWELS + _SPELT_FEMALE)


def _mans_form(name: str, male: str) -> bool:
    """Whether ``name``, ending as women's names do, is a man's form of ``male`` (s40
    review: "Antoine" / "Anton", "Augustine" / "Augustus" were split). A woman's form
    drops the male name's last syllable ("Michael" / "Michelle", "Christian" /
    "Christine"); a man's keeps every letter of it in order with a letter put inside
    ("Anton" / "Antoine": not at its end, where "Leon" / "Leontine" adds a woman's
    ending), or the table gives the two the very same nicknames ("Augustine" and
    "Augustus": "Gus", "Austin", "August"; a woman's name has nicknames of its own, as
    "Christine" has "Tina"). Over the package table's names sharing four first letters
    neither reading joins a pair :func:`_two_sexes` splits save "Augustine" /
    "Augustus"."""
    if _kept(male, name) == len(male) and not name.startswith(male):
        return True
    own = _table().get(name)
    return bool(own) and own == _table().get(male)


def _female_form(male: str, female: str) -> bool:
    """Whether ``female`` is ``male`` written whole with a feminine ending after it
    ("Louis" / "Louise", "Simon" / "Simone", "Joseph" / "Josephine", "Gabriel" /
    "Gabrielle", "Antoine" / "Antoinette"): a brother's and a sister's names, which the
    first-letters test and the table (it lists "Louise" under "Louis") would make one.
    An "e" after a vowel only spells the same name ("Vicki" / "Vickie", "Marni" /
    "Marnie"); "Ann" / "Anne", "Carol" / "Caroline", one woman's name written two ways,
    stay two as well: a split costs an agreement, a join makes a false one (s39 review)."""
    if male.endswith(_VOWELS) and female == male + "e":
        return False
    return any(female == male + end for end in _FEMININE_ENDINGS)


def nickname_of(nick: str, name: str) -> bool:
    """Whether the table gives ``nick`` as a nickname of ``name`` (both case-folded) and
    no other name bearing either of them in the table keeps clearly more of its letters
    (:func:`_outranked`: "Billy" is "William"'s, not "Robert"'s; "Chris" is
    "Christopher"'s, not "Crystal"'s), read in each direction the table lists (it also
    lists "Robert" under "Billy": that entry does not bring back the outranked one). Only
    a direct entry counts: two nicknames of one name ("Al" of "Alfred" and of "Albert")
    are not made one name through it."""
    table = _table()
    if nick not in table.get(name, frozenset()) or _outranked(nick, name):
        return False
    return name not in table.get(nick, frozenset()) or not _outranked(name, nick)


def _outranked(nick: str, name: str) -> bool:
    """Whether another name the table gives ``nick`` for keeps ``_OUTRANK`` more of its
    letters in order than ``name`` does. Not a rival: a name no longer than the nickname
    ("Bill" for "Billy"), one the table ties to ``name`` as a nickname either way
    ("Bobby" / "Robert"), a spelling of ``name`` (the same first three letters, or all but
    ``_SPELLING`` letters in order: "Kathleen" / "Cathleen"), and the nickname with a
    surname's "son" ("Dickson" does not make "Dick" another's than "Richard")."""
    kept = _kept(nick, name)
    own = _table().get(name, frozenset())
    for rival in _bearers().get(nick, ()):
        if len(rival) <= len(nick) or rival == name or rival in own:
            continue
        if name in _table().get(rival, ()) or rival.endswith("son") or _spelling(rival, name):
            continue
        if _kept(nick, rival) >= kept + _OUTRANK:
            return True
    return False


def _spelling(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one name spelt two ways, as far as rivals go."""
    return a[:3] == b[:3] or _kept(a, b) >= min(len(a), len(b)) - _SPELLING


@functools.cache
def _kept(a: str, b: str) -> int:
    """How many letters of ``a`` ``b`` keeps in order (their longest common
    subsequence)."""
    row = [0] * (len(b) + 1)
    for x in a:
        new = [0]
        for j, y in enumerate(b):
            new.append(row[j] + 1 if x == y else max(row[j + 1], new[j]))
        row = new
    return row[-1]


@functools.cache
def _table() -> Mapping[str, frozenset[str]]:
    """Each given name's nicknames, read from the package's file once per process (a
    constant table, never changed after)."""
    table = {k: frozenset(v) for k, v in NickNamer().nickname_lookup.items()}
    logger.debug("%d given names with nicknames", len(table))
    return table


@functools.cache
def _bearers() -> Mapping[str, frozenset[str]]:
    """Each nickname's names in the table (the table read the other way round)."""
    bearers: dict[str, set[str]] = {}
    for name, nicks in _table().items():
        for nick in nicks:
            bearers.setdefault(nick, set()).add(name)
    return {nick: frozenset(names) for nick, names in bearers.items()}


def _one_edit(m: str, t: str) -> bool:
    """Whether ``t`` is ``m`` with one letter changed, added or dropped."""
    if abs(len(m) - len(t)) > 1:
        return False
    n = next((i for i, (p, q) in enumerate(zip(m, t, strict=False)) if p != q), min(len(m), len(t)))
    return m[n + 1 :] == t[n + 1 :] or m[n:] == t[n + 1 :] or m[n + 1 :] == t[n:]
