"""Discrepancies of kind ``date`` told by day names the analysis could not resolve.

An article with no publication date (a folder of scraped pages, a Multi-News cluster)
leaves "Friday night" and "April 14" unresolved, and the date passes of
:mod:`newsprism.reconcile.date_discrepancies` compare resolved dates only. Yet two
outlets that give one deed two different weekdays ("went missing Friday night" /
"the disappearance last Saturday") or two different days of one month ("vanished on
April 14" / "disappeared on April 15") contradict each other whatever week or year it
was: a deed done once falls on one weekday and one day of the month.

A side is a deed and its day label (:class:`DayLabel`: a weekday, a month and day, or
both, read off the mention's text), the deed told by a verb the mention hangs on, or
by a definite noun that names a deed ("the disappearance", "the arrest": the noun's
verb, :data:`DEED_NOUNS`). Two sides are paired when every guard holds:

1. different sources, at least one side's mention unresolved (two resolved dates are
   the resolved passes' business);
2. one deed done once (:data:`ONE_TIME_DEEDS`: "spoke", "met" are done again): the
   same lemma or one class of :data:`~newsprism.reconcile.date_discrepancies.
   DEED_SYNONYMS` ("vanished" / "disappeared"; "went missing" is a disappearing), no
   two different places or objects, a going's place named on both sides
   (:func:`one_time`);
3. the labels clash: a kind both give (weekday, or month and day) differs, no kind
   both give agrees (or all agree and the parts of the day are apart: "Monday
   morning" / "Monday afternoon"), and two neighbouring days are not the two ends of one night
   ("late Friday" / "early Saturday": :func:`labels_clash`), nor of a launch or of
   an article naming another place's time or a zone (:data:`ZONE`: one moment);
4. asserted: the verb un-negated, no modal or hedge (guard 4 of ``negation``), not
   future, no sign of a repeat ("again", "second", ... in the deed's words);
5. the same participants: a proper name shared by the two sentences (a town, a
   person: one story's deed, not two) or, when none is, two words of the deed's place
   phrases shared that are no generic place noun ("home", "hospital") and definite
   participants, no pronoun nor "a man" (:func:`same_participants`), the named
   participants shared where both name some, compared as whole names
   (:func:`same_name`: "Jon Smith" is not "Jan Smith"), and no role held by two
   different common nouns ("a man" / "a woman"; an age, "the 23-year-old", is none),
   two different ages or pronouns of two genders ("his home" / "her home");
   a name against a description ("Mira Olsen" / "the girl who went missing") may be
   one person, as the roster cannot tell;
6. no article of either source gives the deed both days (a series, or the article
   telling both itself).

No similarity guard: the deed, its participants and the shared name are the guard.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.calendar_words import MONTHS, WEEKDAYS
from newsprism.model import DateMention, Discrepancy, Passage
from newsprism.reconcile.clauses import Clause, Parsed, is_asserted, is_negated, lemma_of
from newsprism.reconcile.date_discrepancies import both_knowable, mention_span, one_deed
from newsprism.reconcile.discrepancy_groups import DiscrepancyOptions, claims_of, components
from newsprism.reconcile.event_nouns import (
    EVENT_NOUNS,
    SPANNING_EVENTS,
    date_anchor,
    date_root,
    is_definite,
)
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import TextSimilarity

__all__ = [
    "DEED_NOUNS",
    "ONE_TIME_DEEDS",
    "ZONE",
    "DayLabel",
    "Deed",
    "day_label",
    "day_name_discrepancies",
    "deed_at",
    "labels_clash",
    "one_time",
    "same_name",
    "same_participants",
]

logger = logging.getLogger(__name__)

_WEEKDAY_ORDER: Final = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
)  # fmt: skip
_MONTH_ORDER: Final = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
# Words, and day numbers of one or two digits ("15th" -> 15; a year's "2015" is none).
_WORD: Final = re.compile(r"[a-z]+|(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?![\d\w])")
# A day still to come, or every such day: no date of a deed done.
_NOT_ONE_DAY: Final = frozenset(
    {"next", "coming", "every", "each", "until", "till", "since", "between", "or"}
)
_LATE: Final = frozenset({"late", "night", "evening", "midnight"})
_EARLY: Final = frozenset({"early", "morning", "overnight", "dawn", "predawn", "midnight"})
_REPEATS: Final = frozenset({"again", "second", "another", "once", "resume", "renew", "repeat"})

#: Nouns that name a deed, with the verb that tells it ("the disappearance last
#: Saturday" is the one who "went missing Friday"). Event nouns without a verb of their
#: own (:data:`~newsprism.reconcile.event_nouns.EVENT_NOUNS`: "the debate") are their
#: own deed.
DEED_NOUNS: Final = {
    "disappearance": "disappear", "death": "die", "arrest": "arrest",
    "resignation": "resign", "release": "release", "publication": "publish",
    "announcement": "announce", "killing": "kill", "shooting": "shoot",
    "explosion": "explode", "collapse": "collapse", "escape": "escape",
    "departure": "depart", "crash": "crash", "attack": "attack",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DayLabel:
    """What a date mention says of the day, without a calendar: its weekday (0 Monday)
    and its month and day, each None when not given; whether it names the late end of
    the day ("Friday night") or the early one ("early Saturday")."""

    weekday: int | None
    month_day: tuple[int, int] | None
    late: bool = False
    early: bool = False
    #: The part of the day named ("morning", "afternoon", "evening", "night"), or "".
    part: str = ""


def day_label(text: str) -> DayLabel | None:
    """The label of a date mention's text ("last Saturday, April 15" -> Saturday, 4/15);
    None when it names no one day ("next Friday", "every Monday", "April", "Fridays")."""
    words = [w.rstrip("stndrh") if w[0].isdigit() else w for w in _WORD.findall(text.casefold())]
    if not words or set(words) & _NOT_ONE_DAY:
        return None
    if len({w for w in words if w.isdigit() and 1 <= int(w) <= 31}) > 1:
        return None  # "April 14 or 15", "April 14-15": two days, not one
    weekdays = {_WEEKDAY_ORDER.index(w) for w in words if w in WEEKDAYS}
    month_day = _month_day(words)
    if len(weekdays) > 1 or (not weekdays and month_day is None):
        return None
    weekday = next(iter(weekdays), None)
    found = set(words)
    return DayLabel(weekday, month_day, bool(found & _LATE), bool(found & _EARLY), _part(found))


#: Parts of the day, and the parts each cannot be told as of one moment of one day
#: ("found Monday morning" / "found Monday afternoon"). Not fitted: a morning ends at
#: noon; evening and night overlap, as do afternoon and evening; a night and a morning
#: may be one small hours ("overnight"), so never clash.
_PARTS: Final = ("morning", "afternoon", "evening", "night")
_PARTS_APART: Final = frozenset(
    {("morning", "afternoon"), ("morning", "evening"), ("afternoon", "night")}
)


def _part(words: set[str]) -> str:
    """The one part of the day the words name; "" for none or two ("tonight" is none)."""
    named = [p for p in _PARTS if p in words]
    return named[0] if len(named) == 1 else ""


def _parts_apart(a: DayLabel, b: DayLabel) -> bool:
    return (a.part, b.part) in _PARTS_APART or (b.part, a.part) in _PARTS_APART


def _month_day(words: Sequence[str]) -> tuple[int, int] | None:
    """(month, day) of "April 15", "15th of April", "Apr 15"; None when absent."""
    for n, word in enumerate(words):
        month = _month_of(word)
        if month is None:
            continue
        for near in (words[n + 1 : n + 2], words[max(0, n - 2) : n][::-1]):
            for other in near:
                if other.isdigit() and 1 <= int(other) <= 31:
                    return month, int(other)
                if other != "of":
                    break
    return None


def _month_of(word: str) -> int | None:
    for n, name in enumerate(_MONTH_ORDER, start=1):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return n
    return None


def labels_clash(a: DayLabel, b: DayLabel) -> bool:
    """Guard 3: a kind of label both give differs and none both give agrees; two
    neighbouring days told as the late end of one and the early end of the next
    ("late Friday" / "early Saturday") may be one night, no clash."""
    kinds = [
        (x, y)
        for x, y in ((a.weekday, b.weekday), (a.month_day, b.month_day))
        if x is not None and y is not None
    ]
    if not kinds:
        return False
    if _one_day(a, b):
        return _parts_apart(a, b)  # one day, two parts of it
    if any(x == y for x, y in kinds):
        return False
    return not _one_night(a, b) and not _one_night(b, a)


def _one_night(before: DayLabel, after: DayLabel) -> bool:
    if not (before.late and after.early):
        return False
    if before.weekday is not None and after.weekday is not None:
        return (before.weekday + 1) % 7 == after.weekday
    if before.month_day is not None and after.month_day is not None:
        (m1, d1), (m2, d2) = before.month_day, after.month_day
        return (m1 == m2 and d2 == d1 + 1) or (m2 == m1 % 12 + 1 and d2 == 1)
    return False


#: A proper name as its case-folded words ("Jonas Brek" -> ("jonas", "brek")).
Name = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Deed:
    """A deed a time expression hangs on (:func:`deed_at`), with what guard 5 compares:
    the deed's lemma (:func:`~newsprism.reconcile.date_discrepancies.one_deed`
    compares two), the sentence's proper names (case-folded), the proper names among
    its participants, and the common-noun heads of its doer and of the one done to."""

    clause: Clause
    lemma: str
    names: frozenset[str]
    participants: tuple[frozenset[Name], frozenset[Name]]
    roles: tuple[frozenset[str], frozenset[str]]
    #: The words of the places the deed is done in, at, from, to ("in Tarnby", "from
    #: the Tarnby fair"), and of its object ("left the Tarnby fair", "the barn was
    #: reached").
    places: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    #: The story's surnames borne by more than one person ("Erik Olsen", "Mira Olsen"):
    #: such a surname alone names neither.
    crowded: frozenset[str] = frozenset()
    #: The ages told of the doer and of the one done to ("the 23-year-old", "Brek, 41").
    ages: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
    #: "m" or "f" when the deed's words hold pronouns of one gender only ("his home").
    gender: str = ""


@dataclass(frozen=True, slots=True)
class _Side:
    deed: Deed
    label: DayLabel
    resolved: bool
    day: tuple[str, str]  # the resolved (first day, last day); ("", "") unresolved

    @property
    def clause(self) -> Clause:
        return self.deed.clause


def day_name_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``date`` for one deed given two different day names by two sources (guards in
    the module docstring; no similarity guard, ``similarity`` and ``opts`` unused)."""
    sides = _sides(material, sentences, parsed)
    told: dict[tuple[str, str], list[DayLabel]] = {}
    for side in sides:
        told.setdefault((side.clause.sentence.article, side.deed.lemma), []).append(side.label)
    pairs = [
        (a.clause, b.clause)
        for i, a in enumerate(sides)
        for b in sides[i + 1 :]
        if a.clause.source != b.clause.source
        and (
            not (a.resolved and b.resolved)
            or a.day == b.day  # one resolved day: only its parts can clash
            or _unseen_resolved(material, a, b)
        )
        and one_time(a.deed, b.deed)
        and labels_clash(a.label, b.label)
        and not _zone_apart(material, a, b)
        and same_participants(a.deed, b.deed)
        and not _told_both(told, material, a, b)
    ]
    return [
        Discrepancy(group[0].text, "date", claims_of(material, group))
        for group in components(pairs)
    ]


def _unseen_resolved(material: StoryMaterial, a: _Side, b: _Side) -> bool:
    """Guard 1 for two resolved dates: the pairs the resolved passes do not see, a deed
    noun against a verb ("the arrest on Friday" / "was arrested Saturday") or two deed
    nouns of one verb ("the killing" / "the shooting" are not: two verbs), each date
    knowable to the other article
    (:func:`~newsprism.reconcile.date_discrepancies.both_knowable`)."""
    kinds = {s.clause.predicate.pos_ == "NOUN" for s in (a, b)}
    lemmas = {s.clause.lemma for s in (a, b)}
    if kinds == {False} or (kinds == {True} and len(lemmas) == 1):
        return False
    return both_knowable(material, a.clause, [a.day], b.clause, [b.day])


def _told_both(
    told: dict[tuple[str, str], list[DayLabel]], material: StoryMaterial, a: _Side, b: _Side
) -> bool:
    """Guard 6: an article of either side's source gives the deed a day that does not
    clash with the other side's (a series, or an article telling both days)."""
    for (article, deed), labels in told.items():
        source = material.source_of(article)
        if not one_deed(deed, a.deed.lemma) or source not in (a.clause.source, b.clause.source):
            continue
        other = b.label if source == a.clause.source else a.label
        # Two parts of one day: "found Monday" elsewhere agrees on the day, not the part.
        given = [x for x in labels if x.part] if _one_day(a.label, b.label) else labels
        if any(not labels_clash(x, other) and _comparable(x, other) for x in given):
            return True
    return False


def _comparable(a: DayLabel, b: DayLabel) -> bool:
    return (a.weekday is not None and b.weekday is not None) or (
        a.month_day is not None and b.month_day is not None
    )


def _one_day(a: DayLabel, b: DayLabel) -> bool:
    """Two labels of one day (they can clash by the part of it only)."""
    kinds = [
        (x, y)
        for x, y in ((a.weekday, b.weekday), (a.month_day, b.month_day))
        if x is not None and y is not None
    ]
    return bool(kinds) and all(x == y for x, y in kinds)


#: Deeds done once, the only ones two days or two times of day contradict (review,
#: finding 5: "spoke", "met", "visited" are done again on another day). Closed list:
#: what a person or thing undergoes once (dying, being born, killed, going missing,
#: arrested on one charge, resigning a post, a craft launched, a building collapsing);
#: the deeds in :data:`_GOINGS` once only at one place.
ONE_TIME_DEEDS: Final = frozenset(
    {"die", "bear", "kill", "murder", "disappear", "vanish", "arrest", "detain", "resign",
     "quit", "launch", "escape", "crash", "explode", "collapse", "leave", "depart", "reach",
     "arrive"}
)  # fmt: skip
#: Goings, done once per place: one side and the other must name the place, and one.
_GOINGS: Final = frozenset({"leave", "depart", "reach", "arrive"})
#: Deeds reported across time zones (a launch is late Tuesday in Florida and Wednesday
#: in Japan): two neighbouring days are no clash.
_ZONE_PRONE: Final = frozenset({"launch"})


def one_time(a: Deed, b: Deed) -> bool:
    """Whether two sides tell one deed done once (:data:`ONE_TIME_DEEDS`): the same
    lemma or synonyms, and no two different places or objects ("arrested in Tarnby" /
    "arrested in Kelmar" are two arrests); a going must name its place on both sides."""
    if not one_deed(a.lemma, b.lemma):
        return False
    if a.lemma not in ONE_TIME_DEEDS and not (a.lemma in _FINDINGS and _found(a) and _found(b)):
        return False
    if a.lemma in _GOINGS and not (a.places | a.objects) & (b.places | b.objects):
        return False
    if a.lemma in _FINDINGS and not _same_find(a, b):
        return False
    pairs = (
        (a.places, b.places),
        (a.places & a.names, b.places & b.names),  # two towns: "in Oskel" / "in Varley"
        (a.objects & a.names, b.objects & b.names),  # named things: "Jonas Brek"
        (a.objects - a.names, b.objects - b.names),  # described: "the car", "the man"
    )
    return all(not (x and y) or bool(x & y) for x, y in pairs)


def _same_find(a: Deed, b: Deed) -> bool:
    """Two finds of one thing (review s32, findings 6 and 7): two descriptions share
    their head and no modifier or possessor clashes ("the body of a woman" / "the body
    of a man", "the suspect's car" / "the victim's car" are two); a named thing is a
    description only when its own words give the description's head ("the Corran
    Voyager van" / "the van"; not "the Corran Voyager" / "the rifle")."""
    x, y = _find_words(a), _find_words(b)
    if x is None or y is None:
        return False
    (head_x, kind_x, named_x), (head_y, kind_y, named_y) = x, y
    if named_x and named_y:
        return bool(named_x & named_y)
    if named_x or named_y:
        head, kinds = (
            (head_y, kind_x | named_x | {head_x})
            if named_x
            else (head_x, kind_y | named_y | {head_y})
        )
        return head in kinds
    return head_x == head_y and (kind_x <= kind_y or kind_y <= kind_x)


def _find_words(deed: Deed) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """The found thing's head lemma, its other nouns and possessors (lemmas), and its
    name words; None when the deed has no object."""
    found = [c for c in deed.clause.predicate.children if c.dep_ in _OBJECTS]
    if not found:
        return None
    head = found[0]
    # The thing's own words: its modifiers and an "of" phrase ("the body of a woman"),
    # not where it lay ("the car in Varley") nor a clause of it ("the van he drove").
    skip = {
        t.i
        for c in head.children
        if (c.dep_ == "prep" and c.lower_ != "of") or c.dep_ in ("relcl", "acl")
        for t in c.subtree
    }
    words = [
        t
        for t in head.subtree
        if t.i != head.i
        and t.i not in skip
        and (t.pos_ in ("NOUN", "PROPN") or t.dep_ == "poss")
        and t.ent_type_ not in ("DATE", "TIME")
        and t.lower_ not in WEEKDAYS
        and not _age_unit(t)
    ]
    named = frozenset(t.lower_ for t in [head, *words] if t.lower_ in deed.names)
    kinds = frozenset(lemma_of(t) for t in words if t.lower_ not in deed.names)
    head_word = "" if head.lower_ in deed.names else lemma_of(head)
    return head_word, kinds, named


#: Findings: a missing thing or person is found once, when the one found is one known
#: thing ("the car was found", "found the boy"); "found a gun", "a study found that"
#: are not.
_FINDINGS: Final = frozenset({"find", "locate"})


def _found(deed: Deed) -> bool:
    """The deed's object or passive subject is one known thing: singular, and named or
    definite or a named one's ("the bodies" are found over days; "his wallet" and "her
    wallet" are two: review s32, finding 8)."""
    return any(
        c.dep_ in _OBJECTS
        and c.tag_ not in ("NNS", "NNPS")
        and "Number=Plur" not in str(c.morph)
        and (
            c.pos_ == "PROPN"
            or any(
                (d.dep_ == "poss" and d.pos_ != "PRON") or (d.dep_ == "det" and d.lower_ in _KNOWN)
                for d in c.children
            )
        )
        for c in deed.clause.predicate.children
    )


_KNOWN: Final = frozenset({"the", "this", "that"})


# Prepositions of place ("on" is left out: "on Friday").
_PLACE_PREPS: Final = frozenset({"in", "at", "from", "near", "outside", "to", "into", "inside"})


_OBJECTS: Final = frozenset({"dobj", "nsubjpass"})


def _place_heads(token: Token) -> list[Token]:
    return [
        o
        for child in token.children
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS
        for o in child.children
        if o.dep_ == "pobj"
    ]


def _words_of(token: Token, span: Span, heads: Sequence[Token]) -> frozenset[str]:
    """The content words of phrases (``heads``) of the deed, the time left out, and the
    unit of an age ("the 23-year-old": an age fits any person noun, "the man")."""
    words = {
        t.lower_
        for h in heads
        for t in h.subtree
        if t.pos_ in ("NOUN", "PROPN")
        and t.ent_type_ not in ("DATE", "TIME")
        and t.i not in range(span.start, span.end)
        and t.lower_ not in WEEKDAYS
        and t.lower_ not in MONTHS
        and not _age_unit(t)
    }
    return frozenset(words)


def _age_unit(token: Token) -> bool:
    """The unit of an age: "year" of "23-year-old", "month" of "6-month-old"."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + 3].text.replace(" ", "")
    return token.lemma_.casefold() in ("year", "month") and after in ("-old", "old")


#: Another place's time or a time zone named ("Tokyo time", "JST", "local time", "in
#: what was Wednesday morning in Japan"): one moment may be two clock readings, and
#: two neighbouring days. Not "Friday night in Tarnby" (a place, not its time), nor a
#: bare "Central" ("Central Park"): the whole article is searched for the day pass.
ZONE: Final = re.compile(
    r"\b(?:[ECMP][SD]?T|GMT|BST|CES?T|EES?T|UTC|JST|KST|IST|HKT|SGT|AE[SD]T|ACST|AWST|"
    r"NZ[SD]T|MSK|local time|time zones?|in what was)\b|"
    r"\b(?!(?:The|This|That|Each|Every|Some|Any|No|At|By|In|On|Over|Next|Last|First|"
    r"Full|Part|Half|Prime|Question|Christmas|Play|Game|Extra|Injury|Record)\b)"
    r"[^\W\d_a-z\u00df-\u00f6\u00f8-\u00ff][^\W\d_]+ [Tt]ime\b"
)


def _zone_apart(material: StoryMaterial, a: _Side, b: _Side) -> bool:
    """Two neighbouring days, or two parts of one day (review s32, finding 5: "Tuesday
    afternoon Japan time" / "early Tuesday morning ET"), of a deed reported across time
    zones, or where either sentence or article names another place's time
    (:data:`ZONE`): one moment."""
    if not _neighbours(a.label, b.label) and not _one_day(a.label, b.label):
        return False
    if a.deed.lemma in _ZONE_PRONE:
        return True
    return any(
        ZONE.search(s.clause.sentence.text)
        or ZONE.search(material.by_id[s.clause.sentence.article].text)
        for s in (a, b)
    )


def _neighbours(a: DayLabel, b: DayLabel) -> bool:
    if a.weekday is not None and b.weekday is not None:
        return (a.weekday - b.weekday) % 7 in (1, 6)
    if a.month_day is not None and b.month_day is not None:
        first, second = sorted((a.month_day, b.month_day))
        (m1, d1), (m2, d2) = first, second
        return (m1 == m2 and d2 == d1 + 1) or (m2 == m1 % 12 + 1 and d2 == 1 and d1 >= 28)
    return False


def same_participants(a: Deed, b: Deed) -> bool:
    """Guard 5: a name shared by the sentences, and no role (doer, done to) held by
    different names on the two sides, nor by two different common nouns ("a man" /
    "a woman"), nor by two different ages ("the 23-year-old" / "the 41-year-old"), nor
    told by pronouns of two genders ("his home" / "her home"); a name against a
    description ("Mira Olsen" / "the girl") may be one. Names compare whole
    (:func:`same_name`): "Jon Smith" and "Jan Smith" are two."""
    if not a.names & b.names and not _placed_alike(a, b):
        return False
    if {a.gender, b.gender} == {"m", "f"}:
        return False
    crowded = a.crowded | b.crowded
    for x, y in zip(a.participants, b.participants, strict=True):
        if x and y and not any(same_name(m, n, crowded) for m in x for n in y):
            return False
    if any(x and y and not x & y for x, y in zip(a.ages, b.ages, strict=True)):
        return False
    return all(not (x and y) or bool(x & y) for x, y in zip(a.roles, b.roles, strict=True))


#: Place nouns too common to tell one place from another ("at his home", "in
#: hospital", "outside the court"): not fitted, the places of any crime or accident
#: story (review s32, finding 2).
_GENERIC_PLACES: Final = frozenset(
    {"home", "house", "residence", "apartment", "flat", "room", "building", "hospital",
     "station", "court", "courthouse", "prison", "jail", "city", "town", "village",
     "centre", "center", "street", "road", "highway", "school", "area", "scene",
     "district", "region", "country", "state", "county", "province", "neighbourhood",
     "neighborhood", "office", "headquarters", "hotel", "airport", "park", "harbour",
     "harbor", "port", "border", "capital", "place", "site", "location", "part", "side",
     "north", "south", "east", "west", "outskirts", "suburb", "police"}
)  # fmt: skip
#: Shared place words beyond the generic ones a fallback needs. Not fitted: one shared
#: word ("a farm") is any farm of the story (review s32, finding 2), so two.
_MIN_PLACE_WORDS: Final = 2


def _placed_alike(a: Deed, b: Deed) -> bool:
    """Guard 5 without a shared name: the deed's place phrases share more than one word
    that is no generic place noun ("at the quarry farm" / "at a farm by the quarry"),
    and every participant on both sides is definite ("the driver", "the 23-year-old":
    "a man" is any man of the story) and no pronoun, whose person the roster cannot
    tell ("he" / "she")."""
    if len((a.places & b.places) - _GENERIC_PLACES) < _MIN_PLACE_WORDS:
        return False
    return not any(_pronoun_party(d) or _indefinite_party(d) for d in (a, b))


def _indefinite_party(deed: Deed) -> bool:
    """A doer or one done to that is no known one: "a man", "some officers", "two
    boats", or a bare plural done to ("arrested men")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN" and _indefinite(c)
        for c in deed.clause.predicate.children
    )


_INDEFINITE: Final = frozenset({"a", "an", "some", "another", "any", "one", "several"})


def _indefinite(noun: Token) -> bool:
    if any(
        d.dep_ == "nummod" or (d.dep_ == "det" and d.lower_ in _INDEFINITE) for d in noun.children
    ):
        return True
    known = any(d.dep_ in ("det", "poss") for d in noun.children)
    return not known and noun.dep_ != "nsubj" and noun.tag_ == "NNS"


def _pronoun_party(deed: Deed) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "PRON"
        for c in deed.clause.predicate.children
    )


def same_name(a: Name, b: Name, crowded: frozenset[str] = frozenset()) -> bool:
    """Whether two names may be one: the words of one all in the other ("Olsen",
    "Mira Olsen"; "Tarnby police", "Tarnby"), titles aside; a surname alone is not a
    full name when the story gives it to two people (``crowded``)."""
    a, b = _untitled(a), _untitled(b)
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not set(short) <= set(long):
        return False
    return short == long or not (len(short) == 1 and short[0] in crowded)


# Titles before a name, no word of the name ("Mayor Brandt" is "Lene Brandt").
_TITLES: Final = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "mayor", "president", "minister", "senator",
     "governor", "judge", "officer", "sergeant", "detective", "captain", "chief",
     "professor", "rev", "lord", "lady"}
)  # fmt: skip


def _untitled(name: Name) -> Name:
    start = 0
    while start < len(name) - 1 and name[start] in _TITLES:
        start += 1
    return name[start:]


def _sides(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[_Side]:
    """Every deed with a day label in the sentences that hold one, parsed only when a
    sentence of another source gives a clashing label and shares a capitalised word,
    or when it shares one with such a sentence of its article (parsing is the costly
    step)."""
    labelled = _labelled(material, sentences)
    keys = list(labelled)
    caps = {k: frozenset(_CAPITALISED.findall(labelled[k][0].text)[1:]) for k in keys}
    stems = {k: _stems(labelled[k][0].text) for k in keys}
    keep: set[tuple[str, int]] = set()
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if material.source_of(a[0]) == material.source_of(b[0]):
                continue
            if not caps[a] & caps[b] and len(stems[a] & stems[b]) < _MIN_STEMS:
                continue
            if any(labels_clash(x, y) for _, x in labelled[a][1] for _, y in labelled[b][1]):
                keep.update({a, b})
    # The rest of a kept sentence's source with a word of it: guard 6 must see an
    # article that gives the deed both days.
    sources = {material.source_of(k[0]) for k in keep}
    kept = [
        labelled[k][0]
        for k in keys
        if k in keep
        or (
            material.source_of(k[0]) in sources
            and any(caps[k] & caps[x] for x in keep if x[0] == k[0])
        )
    ]
    found = []
    for sentence, doc in zip(kept, parsed.docs(kept), strict=True):
        for mention, label in labelled[(sentence.article, sentence.start)][1]:
            side = _side(material, sentence, doc, mention, label)
            if side is not None:
                found.append(side)
    return found


# Capitalised words (names, and a sentence's first word, which the prefilter drops).
_CAPITALISED: Final = re.compile(r"\b[A-Z][a-z]{2,}")
# Lower-case words of four letters or more but the commonest: two sentences sharing no
# name pass the prefilter when they share two stems of them (the deed and its place:
# "arrested", "farm"), for guard 5's place fallback.
_LONG_WORD: Final = re.compile(r"\b[a-z]{4,}")
_COMMON: Final = frozenset(
    {"said", "that", "this", "with", "from", "were", "have", "been", "they", "their",
     "when", "where", "which", "after", "before", "would", "could", "about", "into",
     "last", "later", "also", "than", "then", "there", "what", "while", "will"}
)  # fmt: skip
_MIN_STEMS: Final = 2


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in _LONG_WORD.findall(text) if w not in _COMMON)


def _labelled(
    material: StoryMaterial, sentences: Sequence[Passage]
) -> dict[tuple[str, int], tuple[Passage, list[tuple[DateMention, DayLabel]]]]:
    """The sentences that hold a dated mention of one day, with those mentions and
    their labels (a resolved date's own weekday and day of the month; an unresolved
    one's, read off its words)."""
    by_article: dict[str, list[Passage]] = {}
    for sentence in sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    found: dict[tuple[str, int], tuple[Passage, list[tuple[DateMention, DayLabel]]]] = {}
    for article, mine in by_article.items():
        analysis = material.analysis(article)
        if analysis is None:
            continue
        mine.sort(key=lambda p: p.start)
        starts = [p.start for p in mine]
        for mention in analysis.dates:
            if mention.ambiguous or mention.future:
                continue
            label = (
                day_label(mention.text)
                if mention.date is None
                else _resolved_label(mention.date, mention.text)
            )
            n = bisect_right(starts, mention.start) - 1
            if label is None or n < 0 or mention.start >= mine[n].end:
                continue
            key = (article, mine[n].start)
            found.setdefault(key, (mine[n], []))[1].append((mention, label))
    return found


def _side(
    material: StoryMaterial, sentence: Passage, doc: Doc, mention: DateMention, label: DayLabel
) -> _Side | None:
    """The deed a mention dates, with its label; None when it dates none."""
    span = mention_span(doc, len(doc.text), sentence.start, mention)
    deed = deed_at(material, sentence, span) if span is not None else None
    if span is None or deed is None:
        return None
    day = (mention.date, mention.date) if mention.date is not None else ("", "")
    return _Side(deed, _widened(label, span), mention.date is not None, day)


def deed_at(material: StoryMaterial, sentence: Passage, span: Span) -> Deed | None:
    """The deed a time expression (``span``, in the parse of ``sentence``) hangs on:
    a definite deed noun or the asserted, un-negated verb above it, with no sign of a
    repeat (guard 4); None when there is none."""
    anchor = _anchor(span)
    if anchor is None:
        return None
    token, lemma = anchor
    if ({t.lower_ for t in token.subtree} | {lemma_of(t) for t in token.subtree}) & _REPEATS:
        return None
    clause = Clause(sentence, material.source_of(sentence.article), token, False)
    plain = _plain_acronyms(material, sentence.article, span.doc)
    lower = _lower_words(material, sentence.article)
    names = frozenset(t.lower_ for t in span.doc if _name_word(t, lower, plain))
    crowded = _crowded_surnames(material)
    places = _words_of(token, span, _place_heads(token))
    objects = _words_of(token, span, [c for c in token.children if c.dep_ in _OBJECTS])
    participants = _participants(token, lower, plain)
    return Deed(
        clause, lemma, names, participants, _roles(token), places, objects, crowded,
        _ages(token), _gender(token),
    )  # fmt: skip


def _ages(token: Token) -> tuple[frozenset[int], frozenset[int]]:
    """The ages in the doer's and in the done-to's phrases ("the 23-year-old", "Jonas
    Brek, 41,"): two different ages are two people (review s32, finding 3)."""
    doers: set[int] = set()
    done_to: set[int] = set()
    for child in token.children:
        heads = (
            [o for o in child.children if o.dep_ == "pobj"] if child.dep_ == "agent" else [child]
        )
        found = {int(t.text) for h in heads for t in h.subtree if _is_age(t)}
        if child.dep_ in ("nsubj", "agent"):
            doers |= found
        elif child.dep_ in ("dobj", "nsubjpass"):
            done_to |= found
    return frozenset(doers), frozenset(done_to)


def _is_age(token: Token) -> bool:
    """A number told as an age: "23" of "23-year-old", "41" of "Brek, 41,"."""
    if not token.text.isdigit() or len(token.text) > 3:
        return False
    doc = token.doc
    after = doc[token.i + 1 : token.i + 5].text.replace(" ", "")
    if re.match(r"-?(?:year|month)s?-?old", after):
        return True
    return (
        0 < token.i < len(doc) - 1
        and doc[token.i - 1].text == ","
        and (doc[token.i + 1].text in (",", "."))
    )


_MALE: Final = frozenset({"he", "him", "his", "himself"})
_FEMALE: Final = frozenset({"she", "her", "hers", "herself"})


def _gender(token: Token) -> str:
    """The gender of the pronouns in the deed's own phrases, when one only."""
    words = {t.lower_ for c in token.children for t in c.subtree if t.pos_ == "PRON"}
    male, female = bool(words & _MALE), bool(words & _FEMALE)
    return "m" if male and not female else "f" if female and not male else ""


def _resolved_label(resolved: str, text: str = "") -> DayLabel | None:
    """The label of a resolved date of one day (its weekday, month and day, and the part
    of the day its words name); None for a span of days ("last week")."""
    if "/" in resolved:
        return None
    try:
        day = date.fromisoformat(resolved[:10])
    except ValueError:
        return None
    part = _part(set(_WORD.findall(text.casefold())))
    return DayLabel(day.weekday(), (day.month, day.day), part=part)


def _widened(label: DayLabel, span: Span) -> DayLabel:
    """The label with the end of the day the words beside the mention name: the
    analysis gives "Tuesday" of "late Tuesday", "Friday" of "Friday evening"."""
    doc = span.doc
    near = {doc[i].lower_ for i in (span.start - 1, span.end) if 0 <= i < len(doc)}
    late, early = label.late or bool(near & _LATE), label.early or bool(near & _EARLY)
    part = label.part or _part(near | {t.lower_ for t in span})
    return DayLabel(label.weekday, label.month_day, late, early, part)


def _roles(token: Token) -> tuple[frozenset[str], frozenset[str]]:
    """The common-noun heads of the doer (subject, "by" phrase) and of the one done to
    (object, passive subject); a relative pronoun stands for its noun ("the girl who
    went missing")."""
    doers: set[str] = set()
    done_to: set[str] = set()
    for child in token.children:
        heads = [child]
        if child.dep_ == "agent":
            heads = [o for o in child.children if o.dep_ == "pobj"]
        if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
            heads = [token.head]
        found = {lemma_of(h) for h in heads if h.pos_ == "NOUN"}
        if child.dep_ in ("nsubj", "agent"):
            doers |= found
        elif child.dep_ in ("dobj", "nsubjpass"):
            done_to |= found
    return frozenset(doers), frozenset(done_to)


def _anchor(span: Span) -> tuple[Token, str] | None:
    """The deed a date mention hangs on: a definite deed noun ("the disappearance last
    Saturday") or the verb above it, asserted and un-negated; with the deed's lemma."""
    noun = _deed_noun(date_root(span))
    if noun is not None:
        return noun, DEED_NOUNS.get(lemma_of(noun), lemma_of(noun))
    head = span.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.i in range(span.start, span.end):
        return None
    if is_negated(head) or not is_asserted(head) or lemma_of(head) in _NO_DEED:
        return None
    return head, _verb_deed(head)


# Verbs that tell no deed of their own (a copula, a saying, a reporting).
_NO_DEED: Final = frozenset({"be", "have", "do", "say", "tell", "report", "add", "state"})


def _verb_deed(verb: Token) -> str:
    """The deed a verb tells, as :func:`~newsprism.reconcile.date_discrepancies.one_deed`
    compares them: its lemma, "went missing" a disappearing."""
    lemma = lemma_of(verb)
    if lemma == "go" and any(c.lower_ == "missing" for c in verb.children):
        return "disappear"
    return lemma


def _deed_noun(root: Token) -> Token | None:
    """The definite noun naming a deed a date hangs on before any verb: "the
    disappearance last Saturday", "the arrest on Friday", "Friday's shooting"."""
    token = date_anchor(root)
    if token is None:
        return None
    head = token.head
    lemma = lemma_of(head)
    if head.i == token.i or head.pos_ != "NOUN":
        return None
    if lemma not in DEED_NOUNS and (lemma not in EVENT_NOUNS or lemma in SPANNING_EVENTS):
        return None
    return head if is_definite(head) else None


def _names_in(head: Token, lower: frozenset[str], plain: frozenset[str]) -> list[Name]:
    """The proper names in a phrase: runs of adjacent name words."""
    found: list[Name] = []
    run: list[str] = []
    last = -2
    for token in head.subtree:
        if not _name_word(token, lower, plain):
            continue
        if token.i != last + 1 and run:
            found.append(tuple(run))
            run = []
        run.append(token.lower_)
        last = token.i
    return [*found, tuple(run)] if run else found


def _participants(
    token: Token, lower: frozenset[str], plain: frozenset[str]
) -> tuple[frozenset[Name], frozenset[Name]]:
    """Proper names among the deed's doers (its subject, a "by" phrase, a noun's
    possessor) and among those it is done to (its object, a passive subject, what
    follows a noun's "of": "the disappearance of Kristian Perez")."""
    doers: set[Name] = set()
    done_to: set[Name] = set()
    for child in token.children:
        heads = [child]
        if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "by"):
            heads = [o for o in child.children if o.dep_ == "pobj"]
        words = {n for h in heads for n in _names_in(h, lower, plain)}
        if child.dep_ in ("nsubj", "agent", "poss") or child.lower_ == "by":
            doers |= words
        elif child.dep_ in ("dobj", "nsubjpass") or child.lower_ == "of":
            done_to |= words
    return frozenset(doers), frozenset(done_to)


def _name_word(token: Token, lower: frozenset[str], plain: frozenset[str]) -> bool:
    """A word of a proper name, not a day or month: tagged so, or capitalised inside the
    sentence (the parser tags "Tarnby" in "Tarnby police" a noun), or first in the
    sentence and never written in lower case in the article (``lower``: its lower-case
    words); an acronym naming no entity of the article (``plain``) is none."""
    if token.lower_ in WEEKDAYS or token.lower_ in MONTHS or not token.is_alpha:
        return False
    if token.lower_ in plain:
        return False
    if not token.text[:1].isupper():
        return False  # "the harbour district": a lower-case word tagged PROPN is none
    if token.pos_ == "PROPN" or token.i > 0:
        return True
    # A first word that is a stop word ("The", "A", "He") is no name, however the short
    # article writes it (review s32, finding 2: a shared "The" stood for a shared name).
    return (
        token.lower_ not in lower
        and not token.is_stop
        and token.pos_ in ("NOUN", "PROPN", "ADJ", "X")
        and token.tag_ != "NNS"  # "Officials said", "Police said"
    )


def _plain_acronyms(material: StoryMaterial, article: str, doc: Doc) -> frozenset[str]:
    """Acronyms of the sentence that name no entity of its article ("SUV", "ATV": common
    nouns, as "the car" is), case-folded. Computed per call, not cached on the parse:
    one parse is shared by articles with the same sentence (review s32, finding 9)."""
    caps = {t.lower_ for t in doc if t.is_alpha and t.is_upper and len(t) >= 2}
    return frozenset(caps - _entity_words(material, article))


def _entity_words(material: StoryMaterial, article: str) -> frozenset[str]:
    """The case-folded words of the names of an article's entities (once per article)."""
    memo = material.memo("entity words")
    found: frozenset[str] | None = memo.get(article)
    if found is None:
        analysis = material.analysis(article)
        entities = analysis.entities if analysis is not None else ()
        found = memo[article] = frozenset(
            w for e in entities for w in re.findall(r"[a-z]+", e.name.casefold())
        )
    return found


def _lower_words(material: StoryMaterial, article: str) -> frozenset[str]:
    """The words an article writes in lower case (once per article and story)."""
    memo = material.memo("lower-case words")
    found: frozenset[str] | None = memo.get(article)
    if found is None:
        text = material.by_id[article].text
        found = memo[article] = frozenset(re.findall(r"\b[a-z]+\b", text))
    return found


# A given name and a surname ("Mira Olsen", "Mira K. Olsen").
_FULL_NAME: Final = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+)\b")


def _crowded_surnames(material: StoryMaterial) -> frozenset[str]:
    """The surnames the story's articles give two people with different given names
    ("Erik Olsen", "Mira Olsen"), once per story; a title or a word the article also
    writes in lower case before a surname ("Mayor Olsen", "The Olsen") is no given
    name."""
    memo = material.memo("crowded surnames")
    found: frozenset[str] | None = memo.get("")
    if found is None:
        given: dict[str, set[str]] = {}
        for article in material.by_id.values():
            lower = _lower_words(material, article.id)
            for first, last in _FULL_NAME.findall(article.text):
                folded = first.casefold()
                if folded not in _TITLES and folded not in lower:
                    given.setdefault(last.casefold(), set()).add(folded)
        found = memo[""] = frozenset(s for s, names in given.items() if len(names) > 1)
    return found
