"""Facts: what a figure's own clause says of the span it counts over.

Two outlets' figures of one head may count over different spans, and then their
difference is no disagreement:

* **Rates.** A figure per unit ("55 yards per game", "$40,000 a year", "12 per
  capita", "30 percent daily") is another
  measure than a total of the same head ("612 yards" in a season): :func:`per_unit`.
  A rate and a total never join one fact, even of one figure ("treats 40 patients a
  day" / "treated 40 patients after the blast"). An average is a rate whose unit is
  not written: a figure after "averaging"/"an average of" ("averaged 30 home runs"), or
  counts of things written with fractions side by side ("20.2 points and 8.6 rebounds":
  a player's season, no game's total; a fraction alone is no average: "the index fell
  2.5 points"): :func:`average` (ECB+, s40: a season's "8.6
  rebounds" made nine game tolls of "nine rebounds" differ).
* **Spans named only by reference.** A figure tied to an event or a period by "that"
  or "those" ("two people died in that standoff", "three died in those
  marches", "over those four seasons") counts over whatever the sentences before it
  named, which another outlet's figure may not share (one day's protest, a weekend's
  protests): :func:`by_reference`. Such a figure joins a fact only where it agrees
  with every other source's figure there; it never makes a fact differ.

:func:`per_unit` reads the words right after the figure; :func:`by_reference` the figure's
clause after it (up to the next figure of its sentence).

* **Conversions.** A figure in parentheses right after another of the same kind of
  unit ("US$1 million (A$1.6 million)", "€70 billion ($93 billion)", "9 nautical
  miles (about 17km)") restates that figure in another currency or unit, at a rate of
  the writer's day: no claim of its own, so it is held as a span named by reference is,
  joining a fact only where it agrees (:func:`conversion`; ECB+, s40: three of a seeded
  30 of its 92 'differ' facts were such restatements set against another outlet's
  figure). A figure of another kind is a second measure, no restatement: "profit fell
  12% ($40 million)", "covered 6 days (120 km)" (s40 review: read as conversions, their
  true differs with another outlet's "$55 million" and "80 km" were hidden).

* **Whose figure, named before.** A sentence whose subject is "he" or "she" and that
  names nobody before its figure ("He had 612 yards ...", "But he sat out four games
  and had 88 yards on 9 catches") gives its figures to the person the sentences before
  it name (:func:`holder`): one game's "40 yards rushing" of one player and another
  player's season "612 yards" are two measures (false differs on ECB+'s sports
  stories). The holder only keeps figures apart, never joins them; a person the article
  gives the other gender ("Mr. Lind" for a "she": an honorific or a noun of kin or
  office before the name) holds no figure.
* **Whose figure, named in its clause.** A person named in the figure's clause before
  it, with no verb of saying between ("Quill scored 20 points", "Brand led the Rams
  with 14 points"), owns the figure (:func:`own_people`) where the parse makes the person
  the subject of the figure's verb or its possessor (:mod:`fact_owners`; not "Ada Kross
  declared an emergency after the floods killed 12 people"): two people's figures are two
  measures, even where a merge of two heads' facts would join them. "Lind said 12
  people were hurt" gives the figure to no one: outlets credit one count to different
  officials.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

from newsprism.analyze.numbers import UNITS, Kind

__all__ = [
    "average",
    "by_reference",
    "conversion",
    "holder",
    "own_people",
    "per_unit",
    "unit_kind",
]

# A unit a rate is counted per, right after the figure and its counted noun: "per game",
# "a season", "each night" (read on the sports and tax stories of ECB+ and BASIL,
# where per-game and per-year figures sat beside season and multi-year totals).
# "a day"/"a year" followed by a word of time order is a time phrase, not a rate: "12
# people a day after the storm", "300 jobs a year ago", "40 bodies a week later" (s36
# review: such figures were kept out of their fact, hiding true differs).
# A rate is also written with an adverb of time right after the figure, ending its
# clause: "growing at a rate of 30 percent daily", "lost $2 million weekly in March"
# (s37: on ECB+ these were read as totals and kept apart from "30 per cent every day").
# An adjective before a noun names the noun's kind, not a rate: "a $5 million annual
# budget", "$1,200 monthly rent", "12 people daily newspaper ..." are totals (s37 review
# H4: read as rates they lost their true differ with "a $6 million budget").
_PER_UNIT: Final = re.compile(
    r"\s*(?:(?:per|a|an|each|every)\s+(?:game|match|contest|start|outing|season|year|month|"
    r"week|day|night|hour|minute|capita|head|person|resident|household|carry|attempt)\b"
    r"(?!\s+(?:after|before|later|earlier|ago|back|since|prior|or\s+(?:two|so)\b|"
    r"and\s+a\s+half\b))"
    r"|annually\b"
    r"|(?:daily|nightly|weekly|monthly|yearly|hourly)\b"
    r"(?=\s*(?:[.,;:!?)]|$|(?:and|in|on|for|since|until|through|during|over)\b)))",
    re.IGNORECASE,
)
# A span or event named by "that"/"those" (the words before it named it): "in that
# standoff", "during those marches", "over those four seasons". "this"/"these" are left
# out: they mostly point at the present ("this week", "these days"). Discourse phrases
# ("at that point", "in that case", "at that time") tie nothing to a span (s36 review).
# A place named so ("medals in that country's national league", "in those cities") is no
# span either: it says where, not over which events (s37 follow-up, read on ECB+).
_BY_REFERENCE: Final = re.compile(
    r"\b(?:in|during|at|from|since|over|amid|after|before|throughout|across)\s+"
    r"(?:that|those)\s+(?!(?:he|she|it|they|we|you|i|is|was|are|were|the|a|an|point|"
    r"points|time|times|moment|case|cases|stage|regard|sense|way|respect|instance|event|"
    r"end|rate|pace|level|country|countries|city|cities|state|states|region|regions|"
    r"nation|nations|town|towns|county|counties|province|provinces)\b)[a-z]",
    re.IGNORECASE,
)


# A figure's opening parenthesis right after the figure before it, an approximating word
# allowed inside ("$52 million (about £40 million)": the analyser may leave the word out
# of the figure), and its closing one right after it.
_CONVERSION_OPEN: Final = re.compile(
    r"[^\S\n]*\([^\S\n]*(?:(?:about|around|roughly|some|approximately|approx\.|nearly|"
    r"almost|or)[^\S\n]+)?",
    re.IGNORECASE,
)
_CONVERSION_CLOSE: Final = re.compile(r"[^\S\n]*\)")
# The kind of each unit the analyser converts to ("km": length, "percent": percent).
_KIND_OF_UNIT: Final[Mapping[str, Kind]] = MappingProxyType({u.unit: u.kind for u in UNITS})


# A currency written as a sign only ("A$", "C$", "HK$") is stored by its ISO 4217 code,
# which no unit word gives: three capital letters.
_CURRENCY_CODE: Final = re.compile(r"[A-Z]{3}")


def unit_kind(unit: str | None) -> Kind | None:
    """The kind of a figure's unit as the analyser stores it ("km" -> length, "AUD" ->
    money); None for a count and for a unit of no kind the table or a currency code
    gives ("magnitude": s40 review, it was read as money)."""
    if unit is None:
        return None
    kind = _KIND_OF_UNIT.get(unit)
    if kind is None and _CURRENCY_CODE.fullmatch(unit):
        return "money"
    return kind


def conversion(
    text: str, before: int, start: int, end: int, units: tuple[str | None, str | None]
) -> bool:
    """Whether the figure ``text[start:end]`` stands alone in parentheses right after
    the figure ending at ``before`` and restates it: a conversion ("US$1 million (A$1.6
    million)"), not "12 dead (eight of them soldiers)", where words follow the figure
    inside. ``units`` are the two figures' units (the one before, this one's): both must
    be of one kind, money with money, length with length; "12% ($40 million)" gives a
    second measure, not the first in another unit."""
    kind = unit_kind(units[1])
    if kind is None or unit_kind(units[0]) != kind:
        return False
    return (
        _CONVERSION_OPEN.fullmatch(text, before, start) is not None
        and _CONVERSION_CLOSE.match(text, end) is not None
    )


# "averaging", "averaged", "an average of", "averages" right before the figure.
_AVERAGED: Final = re.compile(r"\baverag(?:e|es|ed|ing)(?:[^\S\n]+of)?[^\S\n]+$", re.IGNORECASE)
# How far before the figure the words of an average are read.
_AVERAGED_REACH: Final = 24
# A count with a fraction of things named in the plural, listed right beside another
# such count: a stat line ("20.2 points and 8.6 rebounds", "15.9 points, 8.6 rebounds"),
# a player's averages (ECB+, s40). A fraction alone is no average: index points, poll
# points, lengths are totals written with fractions ("the index fell 2.5 points", "won
# by 1.5 lengths": s40 review, their true differs with "4 points", "3 lengths" were
# hidden). Not a magnitude or a scale reading ("a 5.9 earthquake": no plural).
_FRACTION_COUNT = r"\d+\.\d+[^\S\n]+[a-z]+s\b"
_LIST_JOIN = r"[^\S\n]*(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)"
_PLURAL_END: Final = re.compile(r"[a-z]s$", re.IGNORECASE)
_STAT_AFTER: Final = re.compile(_LIST_JOIN + _FRACTION_COUNT, re.IGNORECASE)
_STAT_BEFORE: Final = re.compile(_FRACTION_COUNT + _LIST_JOIN + "$", re.IGNORECASE)
# How far before the figure the other count of a stat line is read.
_STAT_REACH: Final = 40


def average(text: str, start: int, written: str, value: float, unit: str | None) -> bool:
    """Whether the figure ``written`` at ``start`` (its value and unit as read) is an
    average of a count: a count without a unit after "averaging"/"an average of", or
    written with a fraction, of things named in the plural, in a stat line beside
    another such count ("20.2 points and 8.6 rebounds"): one per game, which the
    writer leaves out. A fraction alone is no average ("the index fell 2.5 points").
    Not a share or a sum: "an average of 10.8 percent of their earnings" is the figure
    another outlet gives as "10.8 percent" (the BASIL calibration gold, s40)."""
    if unit is not None:
        return False
    if _AVERAGED.search(text, max(0, start - _AVERAGED_REACH), start) is not None:
        return True
    if value == int(value) or _PLURAL_END.search(written) is None:
        return False
    end = start + len(written)
    return (
        _STAT_AFTER.match(text, end) is not None
        or _STAT_BEFORE.search(text, max(0, start - _STAT_REACH), start) is not None
    )


def per_unit(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` (its counted noun included) is a rate."""
    return _PER_UNIT.match(text, end) is not None


def by_reference(text: str, start: int, end: int) -> bool:
    """Whether the words ``text[start:end]`` after the figure tie it to a span named
    before it ("12 people were killed in that attack"). Words before the figure are
    not read: "After that raid ended, officials said 12 people had died" opens the
    sentence with a time, not the figure's span (s36 review)."""
    return _BY_REFERENCE.search(text, start, end) is not None


# A sentence whose subject is "he"/"she": the pronoun first, after at most a linking
# word ("But he sat out ...", "He has carried ..."). Read on ECB+'s sports stories.
_PRONOUN_SUBJECT: Final = re.compile(
    r"\W*(?:(?:but|and|yet|so|still|then|now|later|also)\W+)?(he|she)\b", re.IGNORECASE
)
# Words right before a person's mention that say the person's gender: an honorific or
# a noun of kin or office ("Mrs. Holt", "his sister Ana Holt", "spokeswoman Ana Holt").
# A "she" figure never goes to a person the article calls "Mr." (s37 issue 12: the
# holder had no gender check).
_GENDERED: Final = (
    ("male", r"mr|sir|lord|king|prince|brother|son|father|husband|uncle|nephew|grandson|"
     r"grandfather|boyfriend|businessman|chairman|spokesman|congressman|councilman|actor"),
    ("female", r"mrs|ms|miss|dame|lady|queen|princess|sister|daughter|mother|wife|aunt|niece|"
     r"granddaughter|grandmother|girlfriend|businesswoman|chairwoman|spokeswoman|"
     r"congresswoman|councilwoman|actress"),
)  # fmt: skip
_GENDER_BEFORE: Final = tuple(
    (gender, re.compile(rf"\b(?:{words})\.?,?\s+$", re.IGNORECASE)) for gender, words in _GENDERED
)
_GENDER_OPENING: Final = tuple(  # the word opening a mention that holds its title
    (gender, re.compile(rf"(?:{words})\.?\s", re.IGNORECASE)) for gender, words in _GENDERED
)
_PRONOUN_GENDER: Final = {"he": "male", "she": "female"}
# A verb of saying before the figure: the figure is what the person reported ("he
# said 12 people were killed"), not the person's own, and outlets credit a count to
# different officials (s35 review: such a guard hid true differs).
_SPEECH: Final = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|estimated|estimates|reported|reports|"
    r"according|claimed|claims|announced|announces|stated|states|noted|notes|"
    r"confirmed|confirms|warned|warns|wrote|writes|put|puts|counted|counts)\b",
    re.IGNORECASE,
)
# How many sentences back the person may be named ("Holloway came ... . He had 612
# yards ... . But he sat out ..." is two): ECB+'s cases need two.
_HOLDER_SENTENCES: Final = 3


def holder(
    text: str,
    sentences: Sequence[tuple[int, int]],
    figure_start: int,
    persons: Sequence[tuple[str, int, int]],
) -> str | None:
    """The person a figure belongs to where its sentence's subject is "he"/"she" and
    names nobody before the figure: the one person the nearest earlier sentence naming
    people names (``persons``: (key, start, end) of people's mentions, in any order),
    within :data:`_HOLDER_SENTENCES` sentences of the same paragraph. ``None`` where
    that sentence names two people, the figure is reported speech, or no such sentence
    is near."""
    starts = [s for s, _ in sentences]
    at = bisect_right(starts, figure_start) - 1
    if at < 0 or not sentences[at][0] <= figure_start < sentences[at][1]:
        return None
    start = sentences[at][0]
    pronoun = _PRONOUN_SUBJECT.match(text, start)
    if pronoun is None or _SPEECH.search(text, start, figure_start):
        return None
    for back in range(at - 1, max(-1, at - 1 - _HOLDER_SENTENCES), -1):
        first, last = sentences[back]
        if "\n" in text[last:start]:
            return None  # another paragraph
        keys = {k for k, s, e in persons if first <= s and e <= last}
        if keys:
            key = next(iter(keys))
            if len(keys) > 1 or _other_gender(text, persons, key, pronoun.group(1)):
                return None
            return key
        start = first
    return None


def _other_gender(
    text: str, persons: Sequence[tuple[str, int, int]], key: str, pronoun: str
) -> bool:
    """Whether the article gives the person ``key`` only the gender the pronoun does not
    ("Mr. Holt" for a "she"), by the words right before the person's mentions."""
    mentions = [(s, e) for k, s, e in persons if k == key]
    found = {g for s, _ in mentions for g, w in _GENDER_BEFORE if w.search(text, max(0, s - 16), s)}
    found |= {g for s, e in mentions for g, w in _GENDER_OPENING if w.match(text, s, e)}
    return len(found) == 1 and _PRONOUN_GENDER[pronoun.casefold()] not in found


def own_people(
    text: str, persons: Sequence[tuple[str, int, int]], start: int, figure_start: int
) -> frozenset[str]:
    """The people (``persons``' keys) named in ``text[start:figure_start]``, the clause
    before a figure, whose own figure it is; none where a verb of saying stands before
    the figure ("Lind said 12 people were hurt": Lind's report, not Lind's count)."""
    # within the figure's line: a headline run into the first sentence names its own
    start = max(start, text.rfind("\n", start, figure_start) + 1)
    named = frozenset(k for k, s, e in persons if start <= s and e <= figure_start)
    if not named or _SPEECH.search(text, start, figure_start):
        return frozenset()
    return named
