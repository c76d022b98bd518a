"""Speakers a quote unit did not resolve, inferred across outlets (for
:func:`~newsprism.reconcile.statements.align_statements`).

One outlet names the speaker ("Mara Lind said she had never spoken to him"), another
describes them ("The woman told the Sarnow Courier that she had never spoken to Rask"), and
the description is not resolved in its own article. Such a unit is given the other
outlet's speaker when (a) its mention describes one person: "he"/"she", or a definite
description ending in a person noun ("the seven-term congressman", "The woman",
"House leader"; never "a spokesman", who is someone new, nor "officials", several, nor
a proxy such as "the aide"); (b) it has :data:`MIN_CONTENT_WORDS` content words or
more (a one-word partial says little about whose it is); and (c) of the resolved
speakers of other articles, exactly one has a unit it would join were both resolved
(pair probability at least the ``link`` threshold): the only compatible candidate.
A quote group's units share one inferred speaker (all of them must agree).

A speaker the analysis resolved from context only is corrected the same way
(:func:`reattribute_speakers`): a pronoun or a description that does not name the
person ("he", "the lawmaker", "The A.G."), or a name the roster does not hold as a
person (a body, a newspaper, a misparse such as "Congress" for "urged lawmakers to").
Such a speaker is a guess: "he" after another person's quote is read as the last
person named. The unit takes another outlet's speaker when, of the units of other
articles it would join were both one person, those of firm speakers (named in their
mention) all belong to that one person, and none belongs to its own speaker. Those
units are the ones it would join were no speaker known (the ``unresolved`` threshold,
rivals from every claim of their article, content similarity at least 0.5, verbatim
runs of four words or more, the same negation), and it must hold
:data:`REATTRIBUTE_WORDS` content words. On the BASIL golds (lexical) this corrects
"The A.G." (read as a name) to the attorney general named elsewhere and "he" after a
spokesman's quote to the spokesman, and nothing else: with the similarity floor and
the four-word runs left out, it read a letter's "deeply concerned" and a candidate's
"radical Islam" as other people's words.

On the same evidence, before any correction, a spokesperson's tie to the body they
speak for (the body as the co-speaker of their units,
:mod:`newsprism.reconcile.speaker_bodies`) is confirmed unit by unit
(:func:`confirm_bodies`): a unit keeps it only where a unit of another article credited
to that body is among those it would join were no speaker known, and it holds
:data:`REATTRIBUTE_WORDS` content words; elsewhere the spokesperson is their own speaker.

Units no speaker was resolved for may still be told by one teller, described alike:
"ministry officials" and "the ministry", "the captain" and "a Norlan Lines ferry
captain", or a person's body and the person ("Kell's office" and Rask
Kell). :func:`described_alike` marks such pairs, so the pair model weighs them as two
resolved speakers (see :data:`GENERIC_TELLER_WORDS`).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.analyze.aliases import CAMP_NOUNS, TITLE_LAST_WORDS, fold_key
from newsprism.reconcile.agreement import negated
from newsprism.reconcile.statement_units import Unit
from newsprism.reconcile.teller_forms import (
    canonical_words,
    kind_family,
    lone_kind,
    plain_qualified,
    short_qualifiers,
    unnamed_source,
)

logger = logging.getLogger(__name__)

__all__ = [
    "body_tie",
    "confirm_bodies",
    "described_alike",
    "describes_one_person",
    "infer_speakers",
    "kind_mention_words",
    "names_the_kind",
    "reattribute_speakers",
    "soft_speaker",
]

# Person nouns beyond the titles and camps: what news calls someone it has named before.
_PERSON_NOUNS: Final = frozenset(
    {
        "woman", "man", "person", "congressman", "congresswoman", "candidate", "nominee",
        "challenger", "incumbent", "father", "mother", "son",
        "daughter", "wife", "husband", "student", "businessman", "businesswoman",
    }
)  # fmt: skip
# Titles that name a proxy or a body, not the person quoted elsewhere.
_PROXIES: Final = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "government", "state", "aide"}
)
_NOUNS: Final = (TITLE_LAST_WORDS | CAMP_NOUNS | _PERSON_NOUNS) - _PROXIES
_SINGULAR_PRONOUNS: Final = frozenset({"he", "she"})
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Content words a unit needs for its speaker to be inferred (as the margin rule of
# newsprism.reconcile.statements: a one-word partial is far from every rival).
MIN_CONTENT_WORDS: Final = 2
# Content words a unit needs for its soft speaker to be corrected: overriding the
# analysis needs a claim, not a phrase two people of one story use ("radical Islam",
# "the disease in America"). Set on the BASIL calibration and development golds.
REATTRIBUTE_WORDS: Final = 4
Scores = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]


def describes_one_person(mention: str | None) -> bool:
    """Whether a speaker mention describes one person already named: "he", "she", or a
    definite description ("the ...") or bare title ending in a person noun."""
    words = _WORD.findall((mention or "").casefold())
    if not words:
        return False
    if len(words) == 1 and words[0] in _SINGULAR_PRONOUNS:
        return True
    if words[0] in ("a", "an", "one", "some", "another"):
        return False
    last = words[-1].split("-")[-1]
    return last in _NOUNS and not any(w[:1].isupper() for w in (mention or "").split()[1:-1])


def infer_speakers(
    units: Sequence[Unit],
    joinable: Scores,
    forbid: Mask,
    link: float,
    *,
    person: Callable[[str], bool],
    content_words: Callable[[str], int],
) -> list[Unit]:
    """``units`` with unresolved speakers inferred (see the module doc). ``joinable``
    is each pair's probability were both speakers resolved; ``person`` says whether a
    roster name is a person."""
    groups: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        if unit.speaker is None:
            groups[(unit.article, unit.group)].append(index)
    found = list(units)
    for members in groups.values():
        speaker = _candidate(units, members, joinable, forbid, link, content_words)
        if speaker is not None and person(speaker):
            for index in members:
                found[index] = replace(found[index], speaker=speaker)
            logger.debug("unresolved speaker inferred as %s", speaker)
    return found


def _candidate(
    units: Sequence[Unit],
    members: Sequence[int],
    joinable: Scores,
    forbid: Mask,
    link: float,
    content_words: Callable[[str], int],
) -> str | None:
    """The one resolved speaker the group's described units would join, or None."""
    candidates: set[str] = set()
    for i in members:
        if not describes_one_person(units[i].speaker_mention):
            return None
        if content_words(units[i].text) < MIN_CONTENT_WORDS:
            continue
        for j in np.flatnonzero((joinable[i] >= link) & ~forbid[i]):
            other = units[int(j)].speaker
            if other is not None:
                candidates.add(other)
    return next(iter(candidates)) if len(candidates) == 1 else None


def soft_speaker(unit: Unit, person: Callable[[str], bool]) -> bool:
    """Whether a unit's resolved speaker is a guess from context: its mention does not
    hold the speaker's surname ("he", "the lawmaker"), or the roster does not hold the
    speaker as a person (see the module doc)."""
    if unit.speaker is None:
        return False
    if not person(unit.speaker):
        return True
    surname = fold_key(unit.speaker).split()[-1:]
    return not set(surname) & set(fold_key(unit.speaker_mention or "").split())


def reattribute_speakers(
    units: Sequence[Unit],
    joinable: Scores,
    same_article: Mask,
    threshold: float,
    *,
    person: Callable[[str], bool],
    content_words: Callable[[str], int],
) -> list[Unit]:
    """``units`` with soft speakers (:func:`soft_speaker`) corrected across outlets
    (see the module doc), unit by unit: a quote group the analysis built may hold two
    people's words. ``joinable`` is each pair's probability were both speakers one
    person; a pair counts at ``threshold`` or more."""
    units = confirm_bodies(
        units, joinable, same_article, threshold, person=person, content_words=content_words
    )
    found = list(units)
    for i, unit in enumerate(units):
        if not soft_speaker(unit, person) or content_words(unit.text) < REATTRIBUTE_WORDS:
            continue
        others = _renderings(units, i, joinable, same_article, threshold)
        if any(o.speaker == unit.speaker for o in others):
            continue
        firm = {o.speaker for o in others if o.speaker and not soft_speaker(o, person)}
        speaker = next(iter(firm)) if len(firm) == 1 else None
        if speaker is not None and person(speaker):
            found[i] = replace(unit, speaker=speaker, cospeaker=None)
            logger.debug("speaker %s of a soft mention read as %s", unit.speaker, speaker)
    return found


def _renderings(
    units: Sequence[Unit], i: int, joinable: Scores, same_article: Mask, threshold: float
) -> list[Unit]:
    """The units of other articles unit ``i`` would join on ``joinable`` (at
    ``threshold`` or more) that agree with it on the negation ("was a threat" / "was not
    a threat")."""
    near = np.flatnonzero((joinable[i] >= threshold) & ~same_article[i])
    own = negated(units[i].text)
    return [units[int(j)] for j in near if negated(units[int(j)].text) == own]


def body_tie(unit: Unit, person: Callable[[str], bool]) -> str | None:
    """The body a person's unit names as co-speaker (the body they speak for, see
    :mod:`newsprism.reconcile.speaker_bodies`), or None: the analysis's co-speakers are
    people ("both Rask and Holt")."""
    if unit.speaker is None or unit.cospeaker is None or not person(unit.speaker):
        return None
    return None if person(unit.cospeaker) else unit.cospeaker


def confirm_bodies(
    units: Sequence[Unit],
    joinable: Scores,
    same_article: Mask,
    threshold: float,
    *,
    person: Callable[[str], bool],
    content_words: Callable[[str], int],
) -> list[Unit]:
    """``units`` with each spokesperson's tie to their body (:func:`body_tie`) kept only
    where a unit of another article credited to that body renders the same claim on
    the evidence that corrects a speaker (see the module doc). Tied for good, the
    spokesperson's words joined the body's other claims on the same subject: on the
    Multi-News development gold a spokesman's remark to a newspaper about one event
    joined the agency's printed statement of its general policy, two statements."""
    found = list(units)
    for i, unit in enumerate(units):
        body = body_tie(unit, person)
        if body is None:
            continue
        if content_words(unit.text) < REATTRIBUTE_WORDS or not any(
            o.speaker == body for o in _renderings(units, i, joinable, same_article, threshold)
        ):
            found[i] = replace(unit, cospeaker=None)
        else:
            logger.debug("%s speaks for %s: %r", unit.speaker, body, unit.text[:60])
    return found


# Words of a speaker mention that describe no particular teller: a word of these shared
# by two mentions ("a spokesman", "officials", "the office") says nothing about one
# teller, so :func:`teller_key` skips them for the mention's last word beside them
# ("Kell's office" is Kell's, "ministry officials" the ministry's).
GENERIC_TELLER_WORDS: Final = frozenset({
    "official", "officials", "source", "sources", "spokesman", "spokesmen",
    "spokeswoman", "spokesperson", "people", "person", "man", "woman", "men", "women",
    "statement", "report", "reports", "analyst", "analysts", "expert", "experts", "aide",
    "aides", "member", "members", "group", "some", "many", "others", "critics",
    "supporters", "handful", "several", "few", "one", "two", "three", "friend",
    "friends", "family", "witness", "witnesses", "resident", "residents", "leader",
    "leaders", "reporter", "reporters", "told", "said", "news", "media", "office",
    "assessment", "announcement",
    "team", "campaign", "staff", "camp", "representative", "representatives", "lawyer",
    "lawyers", "attorney", "attorneys",
})  # fmt: skip
_STOP_WORDS: Final = frozenset(ENGLISH_STOP_WORDS)
_TELLER_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _named_words(name: str) -> frozenset[str]:
    """A resolved speaker's name as case-folded teller words in one form
    (:func:`~newsprism.reconcile.teller_forms.canonical_words`: "Norlani Armed Forces" ->
    "norlani", "army")."""
    return frozenset(canonical_words([w.casefold() for w in _TELLER_WORD.findall(name)]))


def teller_key(mention: str | None) -> str | None:
    """The word that names the teller of an unresolved mention: its last word of three
    letters or more that is no stop word nor generic (:data:`GENERIC_TELLER_WORDS`),
    case-folded; None for a pronoun or a mention of generic words only."""
    kept = _teller_words(mention)
    return kept[-1] if kept else None


def _teller_words(mention: str | None, *, forms: bool = True) -> list[str]:
    """A mention's words of three letters or more that are no stop word nor generic,
    case-folded, in order, with an institution's other names in one form (``forms``,
    :func:`~newsprism.reconcile.teller_forms.canonical_words`) and two-letter initials
    first; none for an unnamed source."""
    if unnamed_source(mention):
        return []
    content = _content_words(mention)
    words = [w for w in (canonical_words(content) if forms else content)
             if w not in GENERIC_TELLER_WORDS]  # fmt: skip
    return short_qualifiers(mention) + words if words else []


def _content_words(mention: str | None) -> list[str]:
    """A mention's words of three letters or more that are no stop word, case-folded,
    in order."""
    words = [w.casefold() for w in _TELLER_WORD.findall(mention or "")]
    return [w for w in words if len(w) >= 3 and w not in _STOP_WORDS]


def _one_teller(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two mentions' teller words may name one teller: one holds all of the
    other's ("the ministry" / "the defence ministry"). The last word is mostly the
    institution, and the words before it tell sides apart ("Russian defence ministry" /
    "Ukraine's defence ministry", "Israeli police" / "Palestinian police"): a word of
    each that the other lacks is two tellers (review s32 finding 14). It also keeps
    apart relatives of one surname ("Holt" kin) that the last word alone joined. Cost,
    lexical: Multi-News dev2 statements recall 0.455 -> 0.409 (a leader's office and the
    leader, a given name spelled two ways); BASIL calibration / development and
    Multi-News development unchanged."""
    return a <= b or b <= a


# Nouns that say what kind of body tells, not which one: a mention of these words only
# ("Police said", "the ministry", "Workers said") is no name of a body the story names
# in full ("<Town> City Police" may be another town's force), so it is alike only with
# another such mention (review s37, pre-existing: an unnamed "Police" of another town
# was grouped under the named force). "police" written alone is the named force only
# where speaker_bodies.body_by_head resolves it (the mention's article names it).
KIND_WORDS: Final = frozenset({
    "police", "council", "ministry", "department", "government", "court", "courts",
    "commission", "agency", "authority", "authorities", "committee", "army", "military",
    "union", "unions", "company", "board", "administration", "workers", "employees",
    "officers", "troops", "soldiers", "prosecutors", "investigators", "firefighters",
})  # fmt: skip


def _kind_only(words: frozenset[str]) -> bool:
    """Whether a mention's teller words name a kind of body only (:data:`KIND_WORDS`)."""
    return words <= KIND_WORDS


def kind_mention_words(mention: str | None) -> frozenset[str]:
    """The words of a mention that names a kind of body or a generic group only
    ("Police", "the ministry", "Witnesses", "Workers"; every word of three letters or
    more no stop word and in :data:`KIND_WORDS` or :data:`GENERIC_TELLER_WORDS`),
    case-folded; empty for any other mention ("Kell", "Kelmar police", "he")."""
    kept = frozenset(_content_words(mention))
    return kept if kept <= KIND_WORDS | GENERIC_TELLER_WORDS else frozenset()


def names_the_kind(mention: str | None, speaker: str) -> bool:
    """Whether an unresolved mention of a kind only (:func:`kind_mention_words`) shares a
    word with a resolved body's name: "Police" and "<Town> City Police", "Witnesses" and
    "<Faith>'s Witnesses". Another town's force or eyewitnesses as often as that body
    (review s37, pre-existing), so the two are kept apart; "police" written alone is
    the named force where speaker_bodies.body_by_head resolves it."""
    kind = kind_mention_words(mention)
    return bool(kind) and not kind.isdisjoint(w.casefold() for w in _TELLER_WORD.findall(speaker))


def described_alike(units: Sequence[Unit]) -> Mask:
    """Pairs of units one teller may have told though a speaker is resolved for neither
    or one of them: both unresolved with one :func:`teller_key` and teller words one
    within the other's (:func:`_one_teller`), or one unresolved whose teller words are
    all words of the other's resolved speaker ("Kell's office", "Rask Kell"); a mention
    naming a kind of body only (:data:`KIND_WORDS`: "Police") is alike with another such
    mention only. n x n, symmetric, diagonal False. Cost: linear in the units plus the
    pairs one key holds."""
    n = len(units)
    alike = np.zeros((n, n), dtype=bool)
    by_key, words = _keyed(units, forms=True)
    held = {w for u in units if u.speaker for w in _named_words(u.speaker)}
    for key, members in by_key.items():
        qualified = _qualified(units, words, kind_family(key))
        for k, i in enumerate(members):
            for j in members[k + 1 :]:
                same_kind = _kind_only(words[i]) == _kind_only(words[j])
                if _one_teller(words[i], words[j]) and (
                    same_kind or lone_kind(qualified, held=key in held)
                ):
                    alike[i, j] = alike[j, i] = True
    _alike_named(units, by_key, words, alike, forms=True)
    # As written too: "White House officials" is the resolved "White House", though in
    # one form it is the kind word "administration" alone.
    by_key, words = _keyed(units, forms=False)
    _alike_named(units, by_key, words, alike, forms=False)
    np.fill_diagonal(alike, False)
    return alike


def _qualified(
    units: Sequence[Unit], words: dict[int, frozenset[str]], family: frozenset[str]
) -> list[tuple[frozenset[str], bool]]:
    """The story's unresolved mentions, not of a kind only, that hold a word of the kind
    ``family`` anywhere ("the army of Varesia" and "Varesian troops" are forces though
    their last word is no "army"): their teller words, and whether each is
    :func:`~newsprism.reconcile.teller_forms.plain_qualified`."""
    return [
        (found, plain_qualified(units[i].speaker_mention, family))
        for i, found in words.items()
        if not found.isdisjoint(family) and not _kind_only(found)
    ]


def _keyed(
    units: Sequence[Unit], *, forms: bool
) -> tuple[dict[str, list[int]], dict[int, frozenset[str]]]:
    """Unresolved units by :func:`teller_key` (in one form or as written), and their
    teller words."""
    by_key: dict[str, list[int]] = defaultdict(list)
    words: dict[int, frozenset[str]] = {}
    for i, unit in enumerate(units):
        kept = _teller_words(unit.speaker_mention, forms=forms) if unit.speaker is None else []
        if kept:
            by_key[kept[-1]].append(i)
            words[i] = frozenset(kept)
    return by_key, words


def _alike_named(
    units: Sequence[Unit],
    by_key: dict[str, list[int]],
    words: dict[int, frozenset[str]],
    alike: Mask,
    *,
    forms: bool,
) -> None:
    """Mark (in place) an unresolved unit whose teller words, not of a kind only, are
    all words of a resolved speaker's name alike with that speaker's units."""
    for j, unit in enumerate(units):
        if unit.speaker is None:
            continue
        named = (
            _named_words(unit.speaker)
            if forms
            else frozenset(w.casefold() for w in _TELLER_WORD.findall(unit.speaker))
        )
        for word in named:
            for i in by_key.get(word, []):
                if words[i] <= named and not _kind_only(words[i]):
                    alike[i, j] = alike[j, i] = True
