"""Who and where a denial is about: a denial of a deed disputes another sentence's deed
only when both tell it of the same people and the same place.

"The driver suffered no injuries" denies the driver's injuries, not that "twelve
passengers were injured"; "none of the crew were injured" says nothing of passengers;
"the storm caused no deaths in Orvik" is no denial that "two people died in Tulm"
(review s41/3, finding S2; all examples invented). :func:`apart` reads, off the parse,
the bearer of each denial and of each matching deed of the other sentence:

* a verb of undergoing ("suffer", "sustain", "receive", "have", "escape") denies the deed
  of its subject only: the other sentence's bearer must be that subject (same head noun),
  a generic "people" included;
* a deed verb whose subject is a group that "no" or a partitive "none of" names ("no
  passengers were hurt", "none of the crew were injured") denies the deed of that group:
  another group noun is another bearer; a generic one ("two people") may be that group;
* a verb of causing ("the storm caused no damage to the Tessel bridge") denies its
  noun's deed of what the noun's "to"/"of" names: the other sentence's undergoer (its
  verb's object, or a passive's subject: "damaged 40 homes") must share a word with it;
* a denied deed noun an adjective narrows ("caused no major damage", "suffered no serious
  injuries", "no further delays") denies that kind only, never the plain deed;
* a place named on both sides ("in Orvik" / "in Tulm", "at Orvik airport" / "at Tulm
  airport") must be one, and so must a day or month both sides date the deed by ("on
  Sunday" / "on Monday": two days' events, not one told twice).

A bearer the parse cannot name (a pronoun, no subject) leaves the denial standing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.calendar_words import MONTHS, WEEKDAYS
from newsprism.reconcile.clauses import lemma_of, negated_predicates

__all__ = ["apart"]

logger = logging.getLogger(__name__)

#: Verbs whose subject undergoes the deed their object names ("suffered no injuries").
_UNDERGO: Final = frozenset({"suffer", "sustain", "receive", "have", "escape"})
#: Nouns naming anyone: a group denial ("no passengers were hurt") may be about them.
_GENERIC: Final = frozenset(
    {"people", "person", "one", "anyone", "anybody", "someone", "somebody", "everyone",
     "everybody", "nobody", "none", "other", "others", "victim", "casualty"}
)  # fmt: skip
#: Words that head a partitive subject: the group is their "of" object ("none of the crew").
_PARTITIVE: Final = frozenset({"none", "neither", "all", "some", "one", "many", "most", "any"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
_PLACE_PREPS: Final = frozenset({"in", "at"})
#: Prepositions that name what a deed noun befalls ("damage to the bridge", "injuries
#: to passengers", "the destruction of homes").
_UNDERGOER_PREPS: Final = frozenset({"to", "of"})
#: Dependencies that open another clause: a date or place below them is not the deed's.
_CLAUSES: Final = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"})
#: Verbs of causing: their "no" object's deed befalls what the object's "to"/"of" names.
_CAUSING: Final = frozenset({"cause", "inflict", "do", "produce"})
_CALENDAR: Final = WEEKDAYS | MONTHS
#: A bearer: its head noun's word and its compounds' words.
Bearer = frozenset[str]


def _word(token: Token) -> str:
    return token.text.casefold() if token.pos_ == "PROPN" else lemma_of(token)


def _head_word(noun: Token) -> Bearer | None:
    """The noun's identity as a bearer: its lemma (a name's text) with its compounds'
    ("crew members" is the crew's), None for a pronoun."""
    if noun.pos_ == "PRON":
        return None
    return frozenset({_word(noun)} | {_word(c) for c in noun.children if c.dep_ == "compound"})


def _group(subject: Token) -> Bearer | None:
    """The bearer a subject names: the "of" object of a partitive ("none of the crew")."""
    if subject.lower_ in _PARTITIVE:
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return _head_word(objects[0])
        return None if subject.lower_ != "one" else frozenset({"one"})
    return _head_word(subject)


def _subject_token(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _subject(verb: Token) -> Bearer | None:
    found = _subject_token(verb)
    return None if found is None else _group(found)


def _denied_group(verb: Token) -> Bearer | None:
    """The group a negated deed verb's subject denies it of, only where "no" or a
    partitive names the group ("no passengers were hurt", "none of the crew were
    injured"): a plain subject's denial ("the town council did not vote") is of the deed
    itself, told of that body however another outlet names it ("councillors voted")."""
    found = _subject_token(verb)
    if found is None:
        return None
    named_by_no = any(c.dep_ == "det" and c.lower_ == "no" for c in found.children)
    return _group(found) if named_by_no or found.lower_ in _PARTITIVE else None


def _places(*tokens: Token) -> frozenset[str]:
    """Names after "in"/"at" on the tokens ("in Orvik", and the name before a place noun:
    "at Orvik airport"), not a day or a month."""
    return frozenset(
        word.text.casefold()
        for token in tokens
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS
        for obj in prep.children
        if obj.dep_ == "pobj"
        for word in [obj, *(c for c in obj.children if c.dep_ == "compound")]
        if word.pos_ == "PROPN" and word.lower_ not in _CALENDAR
    )


def _days(*tokens: Token) -> frozenset[str]:
    """The day and month names dating the tokens' deed: below them through phrases, not
    through another clause ("on Sunday", "Sunday night", "at the airport on Sunday")."""
    found: set[str] = set()
    stack = list(tokens)
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _CLAUSES:
                continue
            if child.lower_ in _CALENDAR:
                found.add(child.lower_)
            stack.append(child)
    return frozenset(found)


def _other_days(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two dates of one kind (weekdays, or months) both given and none shared."""
    return any(a & kind and b & kind and not a & b & kind for kind in (WEEKDAYS, MONTHS))


def _undergoer(noun: Token) -> Bearer | None:
    """What a deed noun befalls: its "to"/"of" object ("damage to the Tessel bridge")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _UNDERGOER_PREPS:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return _head_word(objects[0])
    return None


def _object_of(verb: Token) -> Bearer | None:
    """What a told deed verb befalls: its object, or a passive's subject."""
    found = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return None if found is None else _head_word(found)


def _deed_objects(verb: Token, is_deed: Callable[[str], bool]) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj" and is_deed(lemma_of(c))]


def _narrowed(objects: list[Token]) -> bool:
    """Whether every denied deed noun is narrowed by an adjective ("caused no major
    damage", "suffered no serious injuries", "no further delays"): the denial is of that
    kind of deed, and the plain deed another sentence tells ("damaged 40 homes", "was
    injured") may be of another kind."""
    return bool(objects) and all(
        any(c.dep_ == "amod" and c.pos_ == "ADJ" for c in o.children) for o in objects
    )


#: A denial: its bearer, whether the bearer is strict, its places, its days, and what
#: the denied deed befalls (a verb of causing's noun's "to"/"of" object).
_Denial = tuple[Bearer | None, bool, frozenset[str], frozenset[str], Bearer | None]
#: A told deed: its bearer, its places, its days and what it befalls.
_Told = tuple[Bearer | None, frozenset[str], frozenset[str], Bearer | None]


def _denials(doc: Doc, is_deed: Callable[[str], bool]) -> Iterator[_Denial]:
    """Each denial of a deed (:data:`_Denial`)."""
    for predicate in negated_predicates(doc):
        lemma = lemma_of(predicate)
        objects = _deed_objects(predicate, is_deed)
        if _narrowed(objects):
            continue
        where, when = _places(predicate, *objects), _days(predicate)
        if lemma in _UNDERGO and objects:
            yield _subject(predicate), True, where, when, None
        elif objects:
            befalls = _undergoer(objects[0]) if lemma in _CAUSING else None
            yield None, False, where, when, befalls
        elif is_deed(lemma):
            yield _denied_group(predicate), False, where, when, None


def _told(doc: Doc, is_deed: Callable[[str], bool]) -> Iterator[_Told]:
    """Each deed the other sentence tells (:data:`_Told`)."""
    for token in doc:
        if token.pos_ == "VERB" and is_deed(lemma_of(token)):
            yield _subject(token), _places(token), _days(token), _object_of(token)
        elif token.dep_ == "dobj" and is_deed(lemma_of(token)):
            verb = token.head
            bearer = _subject(verb) if lemma_of(verb) in _UNDERGO else None
            yield bearer, _places(verb, token), _days(verb), _undergoer(token)


def _other_bearer(denied: Bearer | None, strict: bool, told: Bearer | None) -> bool:
    """Whether the two bearers are other people: no word in common, and (unless the
    denial is strict) neither a generic noun."""
    if denied is None or told is None or denied & told:
        return False
    return strict or not (denied | told) & _GENERIC


def _one_deed(denial: _Denial, told: _Told) -> bool:
    """Whether a denial may be of the told deed: the same bearer, place, day and
    undergoer wherever both name one."""
    bearer, strict, places, days, befalls = denial
    told_bearer, told_places, told_days, told_befalls = told
    return not (
        _other_bearer(bearer, strict, told_bearer)
        or (places and told_places and not places & told_places)
        or _other_days(days, told_days)
        or _other_bearer(befalls, False, told_befalls)
    )


def apart(denying: Doc, other: Doc, is_deed: Callable[[str], bool]) -> bool:
    """Whether every denial of the denying sentence is of other people or another place
    than every deed the other sentence tells (``is_deed``: a lemma meets a denied deed).
    False when either side names no deed the parse can place."""
    narrowed = any(_narrowed(_deed_objects(p, is_deed)) for p in negated_predicates(denying))
    denials = list(_denials(denying, is_deed))
    told = list(_told(other, is_deed))
    if narrowed and not denials:
        return True  # only denials of a narrower kind of the deed
    if not denials or not told:
        return False
    if any(_one_deed(d, t) for d in denials for t in told):
        return False
    logger.debug("denial of %r is about others than %r", denying.text[:40], other.text[:60])
    return True
