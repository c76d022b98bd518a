"""Amounts as news writes them: the text layer of quantity extraction (no parse).

:func:`read_amounts` finds every number in a text with what the text itself says about
it: its value, the unit or currency written with it, and the bound written before or
after it ("about", "more than", "or so"). Deciding what is counted, and dropping years,
dates and labels, needs the parse and is :mod:`newsprism.analyze.quantities`' job.

It reads:

* figures: "4,200", "1.2", with a scale ("2.3bn", "40m", "1.2 million", "a $5-million
  grant");
* words: "twenty-five", "three hundred and six", "two dozen", "half a million";
* fractions and ratios: "a third", "one-third", "two-thirds", "half", "one in five"
  (as percent);
* vague amounts: "dozens", "scores of", "hundreds", "tens of thousands", "several
  hundred" (as the least they can mean, bound "over");
* units and currencies from the tables :data:`UNITS` and the currency signs, converted
  to one unit per kind; ranges ("20-30%", "between 2 and 3 million", "between two
  hundred and three thousand": :mod:`newsprism.analyze.word_ranges`);
* a fraction of one unit: "a quarter-century", "half an hour"
  (:mod:`newsprism.analyze.fraction_units`).

Figures written "1.200" are read by the text's convention, or not at all; phone
numbers are no figures (:mod:`newsprism.analyze.conventions`).

No maintained library for English number words is a dependency of the project
(``word2number``, ``text2num``, ``numerizer`` and ``quantulum3`` are not installed), and
the parser needed here is small, so it is written out (the values of words and figures
in :mod:`newsprism.analyze.number_words`). Everything here is pure;
:func:`read_amounts` is one regex pass over the text plus O(1) work per number.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final, cast

from newsprism.analyze.conventions import (
    DOT_THOUSANDS,
    Convention,
    dot_groups,
    phone_spans,
    text_convention,
)
from newsprism.analyze.fraction_units import fractions_of_units
from newsprism.analyze.glued_signs import AFTER_GLUED_SIGN, glued_currency, year_after_word
from newsprism.analyze.number_words import (
    DENOMINATORS,
    OF_ONLY,
    SCALES,
    SEPARATOR,
    SMALL,
    VAGUE,
    fraction_percent,
    glued_scale,
    parse_digits,
    parse_vague,
    parse_words,
    scale_word,
)
from newsprism.analyze.units import UNITS, Form, Kind
from newsprism.analyze.word_ranges import BETWEEN_LEAD, BETWEEN_WINDOW, between_cut
from newsprism.analyze.written_forms import (
    AND_A_HALF,
    HYPHEN,
    NOT_AFTER_LABEL,
    SP,
    is_tokenised,
    spaced_old,
    spaced_plural,
    spaced_thousands,
)
from newsprism.model import Approx

__all__ = [
    "UNITS",
    "Amount",
    "Form",
    "Kind",
    "bound_before",
    "fraction_percent",
    "parse_digits",
    "parse_vague",
    "parse_words",
    "read_amounts",
]

logger = logging.getLogger(__name__)


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of ``words``, longest first so no word shadows a longer one."""
    return "|".join(sorted(words, key=len, reverse=True))


_NUMBER_WORD = rf"(?:{_alternation([*SMALL, *SCALES, 'dozen'])})\b"
_SCALE_WORD = rf"(?:{_alternation(SCALES)})"

# Spaces that group thousands ("5 000", with a no-break, thin or narrow no-break space).
_GROUP_SPACE = "[ \u00a0\u2009\u202f]"
# A day number after a month is no thousands group ("March 3 500 people" is 500 people).
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec",
)  # fmt: skip
# A percent after a figure: "%", "percent", "per cent" (a decimal comma's figure is a share).
_SHARE_AFTER = rf"{SP}?%|{SP}+per{SP}?cent\b"
_NOT_AFTER_MONTH = "".join(f"(?<!{m}{_GROUP_SPACE})(?<!{m}\\.{_GROUP_SPACE})" for m in _MONTHS)


# A tag of two or three capitals before a spaced dash ("AP - 3 people died", "The UN - 2
# ships left") is a news line's tag, not a designation ("AK - 47 rifles", "on US - 1",
# "the EU - 27"), when it opens the line or sentence (after an optional "The") and the
# figure counts the lowercase noun after it, one no equipment or model's (review s43/2
# M2 on 26adaee, whose fixed list of agencies read "US - 1" and "EU - 27" as counts and
# no other outlet's tag). By length for the fixed-width lookbehinds.
_EQUIPMENT: Final = (
    "rifles?|guns?|pistols?|jets?|fighters?|bombers?|planes?|aircraft|helicopters?|drones?"
    "|missiles?|rockets?|launchers?|tanks?|engines?|models?|variants?|versions?"
)
# The noun run a tag's figure counts: a plural head ("people", "ships", "ferry
# passengers") that is no equipment's, after at most one modifier; a verb right after the
# figure ("MH - 17 was shot", "TU - 154 crashed", "SR - 71 flew") or a run whose head is
# equipment ("AK - 47 assault rifles") leaves the figure a designation (review s43/4 S3
# on 1b85b10, whose one-letter lookahead took any lowercase word).
_NOT_COUNTED: Final = rf"(?:{_EQUIPMENT}|was|has|is|does|says|goes)\b"
_COUNTED_RUN: Final = (
    rf"(?-i:(?:(?!{_NOT_COUNTED})[a-z]+ )?(?!{_NOT_COUNTED})"
    r"(?:[a-z]*[a-rt-z]s|people|men|women|children|police)\b)"
)
_TAG_DASH: Final = {
    n: rf"(?=\d+ {_COUNTED_RUN})(?:"
    + "|".join(
        f"(?<={before}(?-i:[A-Z]{{{n}}}) [-–] )"
        for before in ("(?m:^)", "(?m:^)(?-i:The) ", "[.!?] ", "[.!?] (?-i:The) ")
    )
    + ")"
    for n in (2, 3)
}


# Figures: "4,200", "1.2", "30". Not part of a longer token ("G7", "3.5.1", "1/2", "2^10").
# Other conventions read only where unambiguous: "5 000" (every later group three
# digits), "4,5 million" and "4,5%" (a decimal comma of one or two digits before a scale
# word or a percent: no thousands group has fewer than three digits),
# Arabic-Indic "١٬٢٠٠" and "١٢٫٥", and the power "10^6" (ingest's form of "10⁶").
def _digits_pattern(tokenised: bool) -> str:
    """The figures pattern, reading "3, 500" as one figure only where ``tokenised``."""
    return (
        rf"(?:{AFTER_GLUED_SIGN}|(?<![\w.,/:#§№+^٫٬])(?<!/ ))"  # not "v3", "1/2", "1 / 2"
        r"(?:(?<=\d-to-)|(?<![^\d\s][-–]))"  # not "COVID-19"
        # not a designation's figure in tokenised text ("AK - 47", "F - 16"); four
        # capitals may be a dateline's city ("ROME - 300 marched"), so at most three
        # (capitals as written: the pattern is read ignoring case, "for - 2 yards" is a loss),
        # and a body's or agency's tag before a dash is none ("AP - 3 people died")
        rf"(?<!(?-i:\b[A-Z] [-–] ))(?:{_TAG_DASH[2]}|(?<!(?-i:\b[A-Z]{{2}} [-–] )))"
        rf"(?:{_TAG_DASH[3]}|(?<!(?-i:\b[A-Z]{{3}} [-–] )))"
        r"(?<!(?-i:[A-Z] [-–] \d{4} [-–] ))"  # nor its second group ("CVE - 2013 - 3893")
        r"(?:10\^\d{1,2}"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
        rf"|{spaced_thousands(tokenised)}"  # "2 , 700"; "2, 700" (ECB+): written_forms.py
        rf"|{NOT_AFTER_LABEL}\d{{1,3}}(?:,{SP}000)+(?![.,]?\d)"  # "340, 000": not "day 3, 000"
        rf"|\d{{1,3}},\d{{1,2}}(?={SP}+{_SCALE_WORD}\b|{_SHARE_AFTER})"
        r"|\d{1,3}(?:٬\d{3})+(?:٫\d+)?"
        rf"|{_NOT_AFTER_MONTH}\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?!{_GROUP_SPACE}\d)"
        # not the 5 or the 000 of "5 000,50" / "5 000.50" (a group shape left unread)
        rf"|(?:(?<!\d{_GROUP_SPACE})|(?!0))\d+(?:[.٫]\d+)?(?!{_GROUP_SPACE}\d{{3}}[.,]\d))"
        r"(?![.,:٫٬]?\d|\^)"
    )


# A scale glued to figures ("2.3bn", "40m"), or one space away for "bn"/"mn".
_GLUED_SCALE_PATTERN: Final = rf"(?:(?:bn|mn|tn|m|k)|{SP}(?:bn|mn))(?![\w²³])"
# A scale word after figures ("1.2 million"), or hyphenated to them as a modifier ("a
# $5-million grant", "a $2.6 - million cargo" in tokenised text): the figure's scale, no
# second number (stop 40 audit: 12 such figures in the shared texts, each read as "$5"
# and a bare "million").
_SCALE_WORD_PATTERN: Final = rf"(?:{SP}+|{SP}?-{SP}?){_SCALE_WORD}\b"
_SCALE_AFTER: Final = re.compile(_SCALE_WORD_PATTERN, re.IGNORECASE)
# Numbers in words: "twenty-five", "three hundred and six", "a dozen", "half a million",
# and hyphenated through "and" ("two-hundred-and-fifty" is one number, 250).
_WORDS_PATTERN: Final = (
    rf"(?<![\w\-])(?:half{SP}+an?{SP}+(?={_SCALE_WORD}|dozen)"
    rf"|(?:an?{SP}+)?half{SP}?-{SP}?(?=dozen\b)"  # "a half-dozen", "a half - dozen"
    rf"|an?{SP}+(?=(?:{_SCALE_WORD}|dozen)\b))?"
    rf"{_NUMBER_WORD}"
    rf"(?:(?:-|{SP}+|{SP}-{SP}?(?={_SCALE_WORD}\b)){_NUMBER_WORD}"  # "two - million" too
    rf"|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))(?:{SP}+and{SP}+|-and-)"
    rf"{_NUMBER_WORD})*"
)
# A spaced hyphen after a fraction word joins a compound ("a half - brother", "a third -
# down back": tokenised text) unless the word after it opens a phrase: then the hyphen is
# a dash and the fraction stands ("cut by half - a blow to the port", "a third - and the
# rest"). A word that a hyphen joins on ("a third - of - a - mile") is still a compound.
_DASH_OPENERS: Final = (
    "a|an|the|and|but|or|nor|so|yet|as|if|not|no|it|its|this|that|these|those|he|she|they"
    "|we|i|you|his|her|their|our|my|your|which|who|whom|what|when|while|where|with|to|of"
    "|for|in|on|at|by|from|than|then|is|was|are|were|be|been|has|had|have|will|would"
    "|could|should|can|may|might|must|do|does|did|just|only|even|all|both|some|more|most"
    "|less|much|many|now|there|here|still|almost|nearly|about|roughly"
)
_NOT_A_DASH: Final = rf"(?!(?:{_DASH_OPENERS})\b(?!{SP}?-))"
# Fractions in words, numerator optional ("half", "a third", "two-thirds").
_FRACTION_PATTERN: Final = (
    rf"(?<![\w\-])(?:(?P<fnum>an?|{_alternation(list(SMALL)[1:11])})(?:{SP}*-{SP}*|{SP}+))?"
    # "half - brother", "a third - down back": compounds; "by half - a blow": a dash
    rf"(?P<fden>{_alternation(DENOMINATORS)})\b(?!-|{SP}-{SP}?{_NOT_A_DASH}[a-z])"
    rf"(?!{SP}+an?{SP}+(?:{_SCALE_WORD}|dozen)\b)"  # "half a million" is a number
)
# Vague plurals: "dozens", "thousands", "tens of thousands", "several hundred".
_VAGUE_PATTERN: Final = (
    rf"(?<![\w\-])(?:(?:tens|hundreds){SP}+of{SP}+(?:thousands|millions|billions)"
    rf"|(?:several|a{SP}+few|many){SP}+(?:{_SCALE_WORD})(?:{SP}+{_SCALE_WORD})?"
    rf"|{_alternation(set(VAGUE) - OF_ONLY)}"
    rf"|(?:{_alternation(OF_ONLY)})(?={SP}+of{SP}+(?!\d)))\b"
)

# Hyphenated ratios: "one-in-three", "1-in-3" (the word after the hyphen would not start
# an amount of its own: a number glued to "in-" is not read as one).
_HYPHEN_RATIO_PART = rf"(?:\d{{1,4}}|{_alternation(list(SMALL)[1:])})"
_HYPHEN_RATIO_PATTERN: Final = (
    rf"(?<![\w\-])(?P<rnum>{_HYPHEN_RATIO_PART})-in-(?P<rden>{_HYPHEN_RATIO_PART})\b(?!-\d)"
)


# --- units, currencies, bounds ---------------------------------------------------------

_UNIT_RE: Final = re.compile(
    rf"(?P<sep>{HYPHEN})(?:"
    + "|".join(f"(?P<u{i}>{u.pattern})" for i, u in enumerate(UNITS))
    + r")(?![\w²³/])",
    re.IGNORECASE,
)

# Currency written before the number (symbol or code), to ISO 4217 codes. "$" alone is
# read as US dollars; "kr" as kroner, resolved by context like the word.
_CURRENCY_SIGNS: Final = MappingProxyType(
    {
        "us$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "nz$": "NZD",
        "hk$": "HKD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
        "₽": "RUB", "₴": "UAH", "eur": "EUR", "usd": "USD", "gbp": "GBP", "jpy": "JPY",
        "chf": "CHF", "cad": "CAD", "aud": "AUD", "dkk": "DKK", "nok": "NOK",
        "sek": "SEK", "pln": "PLN", "cny": "CNY", "inr": "INR", "rub": "RUB",
        "uah": "UAH", "kr": "kroner", "kr.": "kroner", "rs": "INR", "rs.": "INR",
    }
)  # fmt: skip
_CURRENCY_BEFORE: Final = re.compile(
    r"(?<![A-Za-z])(?P<sign>"
    + "|".join(re.escape(s) for s in sorted(_CURRENCY_SIGNS, key=len, reverse=True))
    + rf"){SP}?$",
    re.IGNORECASE,
)
# Danish and Norwegian both write "kroner"; the article's country names decide.
_KRONER_BY_COUNTRY: Final = (
    (re.compile(r"\bNorw(?:ay|egian)"), "NOK"),
    (re.compile(r"\bDen(?:mark|ish)|\bDanes?\b"), "DKK"),
    (re.compile(r"\bIceland"), "ISK"),
)
_KRONER_DEFAULT: Final = "DKK"

# Bounds written before the number: phrase -> approx. "over", "under" and "about" map to
# themselves, which also serves the named groups of _BOUND_AFTER_RE.
_BOUND_BEFORE: Final[Mapping[str, Approx]] = MappingProxyType(
    {
        # at or above the figure
        "more than": "over", "over": "over", "at least": "over", "upwards of": "over",
        "just over": "over", "well over": "over", "in excess of": "over",
        "above": "over", "no fewer than": "over", "no less than": "over",
        "slightly more than": "over", "a little over": "over", "exceeding": "over",
        "as few as": "over", "as little as": "over",  # the least it may be
        # at or below the figure: "nearly 30" is less than 30
        "nearly": "under", "almost": "under", "just under": "under", "up to": "under",
        "less than": "under", "fewer than": "under", "under": "under",
        "close to": "under", "below": "under", "just shy of": "under",
        "as many as": "under", "as much as": "under", "no more than": "under",
        "at most": "under",
        "not quite": "under", "well under": "under", "just below": "under",
        # near the figure, either side
        "about": "about", "around": "about", "roughly": "about", "some": "about",
        "approximately": "about", "an estimated": "about", "estimated": "about",
        "circa": "about", "approx.": "about", "in the region of": "about",
        "just about": "about", "an approximate": "about",
    }
)  # fmt: skip


def bound_before(phrase: str) -> Approx | None:
    """The bound a phrase written before a number gives ("about" -> "about", "nearly"
    -> "under"), or None when it is no bound."""
    return _BOUND_BEFORE.get(SEPARATOR.sub(" ", phrase.strip().lower()))


_BOUND_BEFORE_RE: Final = re.compile(
    r"(?<![\w\-])(?P<phrase>"
    + "|".join(
        re.escape(p).replace(r"\ ", f"{SP}+") for p in sorted(_BOUND_BEFORE, key=len, reverse=True)
    )
    + rf"){SP}+$",
    re.IGNORECASE,
)
# "or so" written apart or hyphenated into the figure ("40-or-so people").
_OR = rf"(?:{SP}+|-)"
_BOUND_AFTER_RE: Final = re.compile(
    rf"(?:{SP}*|-)(?:(?P<over>or{_OR}more|\+|-?plus|-odd)|(?P<about>or{_OR}so)"
    rf"|(?P<under>or{_OR}(?:less|fewer)))(?![\w+])",
    re.IGNORECASE,
)
_BOUND_WINDOW = 24  # longest phrase ("slightly more than") plus spaces


def _candidate(tokenised: bool) -> re.Pattern[str]:
    """The pattern of every number's start, figures read as :func:`_digits_pattern`."""
    # Every number starts a word, with a digit or one of these letters; testing that
    # first spares the engine the four alternatives at most positions (twice as fast).
    return re.compile(
        rf"(?=[\dabdefhmnoqstz])(?:\b|{AFTER_GLUED_SIGN})"
        rf"(?:(?P<vague>{_VAGUE_PATTERN})"
        rf"|(?P<hratio>{_HYPHEN_RATIO_PATTERN})"
        rf"|(?P<frac>{_FRACTION_PATTERN})"
        rf"|(?P<digits>{_digits_pattern(tokenised)})(?P<glued>{_GLUED_SCALE_PATTERN})?"
        rf"(?P<scale>{_SCALE_WORD_PATTERN})?"
        rf"|(?P<words>{_WORDS_PATTERN}))",
        re.IGNORECASE,
    )


# Edited prose, and text tokenised for NLP ("2, 700" a figure there: written_forms.py).
_CANDIDATE: Final = _candidate(tokenised=False)
_CANDIDATE_TOKENISED: Final = _candidate(tokenised=True)
_AGE_RE: Final = re.compile(rf"(?:-|{SP}+)old\b", re.IGNORECASE)
# "20-30", "20 to 30", "134-to-63", and the suspended hyphen of "40- to 60-hour".
_RANGE_GAP: Final = re.compile(rf"{SP}*[-–—]{SP}*|-?{SP}+(?:to|and){SP}+|-to-", re.IGNORECASE)
# "six or seven years": two guesses at one measure, a range of the unit written once
_OR_GAP: Final = re.compile(rf"{SP}+or{SP}+", re.IGNORECASE)
# ... unless the measure dates something ("five or six years ago"): then no measure at all
_DATING_AFTER: Final = re.compile(rf"{SP}+(?:ago|earlier|later|before|after|back)\b", re.I)
_RATIO_GAP: Final = re.compile(rf"{SP}+(?:in|out{SP}+of){SP}+", re.IGNORECASE)
# A "from" that opens a span of ages, not a change: "ranged in age from", "aged from".
_SPAN_FROM: Final = re.compile(rf"\b(?:in{SP}+age|ages|aged){SP}+from{SP}+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number as the text writes it, before the parse is consulted.

    ``value`` is in ``unit`` (converted); counts have kind "count" and unit None.
    """

    start: int  # quantity text start: bound phrase and currency sign included
    end: int  # quantity text end: unit included
    num_start: int
    num_end: int  # end of the number itself, scale word included
    value: float
    kind: Kind
    form: Form
    unit: str | None = None
    approx: Approx | None = None
    joined: bool = False  # "12-point", "three-day": hyphen to the word after
    glued_m: bool = False  # "40m": million next to money, metres elsewhere
    noun_from: int | None = None  # look for the counted noun here (range's first half)
    needs_noun: bool = False  # "3-1", "52 to 48": kept only when a plural noun follows
    base: float = 0.0  # the figure as written, before scale and unit ("2.3" of "2.3bn")
    scale: float = 1.0  # the scale written with it ("bn": 1e9)


# A deadline of one unit spelled with the article: "within a year" is at most 1 year.
# (The article is read as a number only here: "a year" alone says no amount.)
_WITHIN_A: Final = re.compile(
    rf"\bwithin{SP}+(?P<num>an?){SP}+(?P<unit>day|week|fortnight|month|year|decade)\b",
    re.IGNORECASE,
)
_WITHIN_UNITS: Final = MappingProxyType(
    {
        "day": ("days", 1.0), "week": ("weeks", 1.0), "fortnight": ("weeks", 2.0),
        "month": ("months", 1.0), "year": ("years", 1.0), "decade": ("years", 10.0),
    }
)  # fmt: skip


def read_amounts(text: str) -> list[Amount]:
    """Every amount written in ``text``, in text order, ranges and ratios joined.

    Guarantees: ``start <= num_start < num_end <= end`` are offsets into ``text``;
    amounts do not overlap; never raises. Cost: one regex pass, O(1) per amount, and
    three passes that read the text's convention (:mod:`newsprism.analyze.conventions`)
    and one that tells tokenised text (:func:`written_forms.is_tokenised`).
    """
    convention, phones = text_convention(text), phone_spans(text)
    candidate = _CANDIDATE_TOKENISED if is_tokenised(text) else _CANDIDATE
    found = (_read(m, text, convention) for m in _matches(candidate, text))
    amounts = _disjoint(a for a in found if a is not None and not _in_spans(a, phones))
    return _merged(
        _preferred(_pair_up(amounts, text), _fractions_of_units(text)), _within_one(text)
    )


def _matches(candidate: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every candidate number in ``text``; number words after "between" that hold the
    range's two ends ("between two hundred and three thousand") as two matches
    (:mod:`newsprism.analyze.word_ranges`)."""
    for m in candidate.finditer(text):
        cut = between_cut(text, m.start(), m.end()) if m["words"] else None
        if cut is None:
            yield m
            continue
        ends = (candidate.match(text, m.start(), cut[0]), candidate.match(text, cut[1]))
        yield from (end for end in ends if end is not None)


def _disjoint(amounts: Iterable[Amount]) -> list[Amount]:
    """``amounts`` (in text order) less any that starts inside the one before: the "a
    half" and "million" of "three and a half million", which the first one read."""
    kept: list[Amount] = []
    for amount in amounts:
        if not kept or amount.start >= kept[-1].end:
            kept.append(amount)
    return kept


def _in_spans(amount: Amount, spans: list[tuple[int, int]]) -> bool:
    """Whether the amount's figures start inside one of ``spans`` (sorted)."""
    i = bisect.bisect_right(spans, (amount.num_start, math.inf)) - 1
    return i >= 0 and spans[i][0] <= amount.num_start < spans[i][1]


def _within_one(text: str) -> list[Amount]:
    """The deadlines "within a year", "within a month": one unit, bound ``under``."""
    found = []
    for m in _WITHIN_A.finditer(text):
        unit, factor = _WITHIN_UNITS[m["unit"].lower()]
        found.append(
            Amount(m.start(), m.end(), m.start("num"), m.end("num"), factor, "time", "words",
                   unit=unit, approx="under", base=1.0)
        )  # fmt: skip
    return found


def _fractions_of_units(text: str) -> list[Amount]:
    """The measures "a quarter-century", "nearly half an hour" (:mod:`.fraction_units`),
    with the bound written before them."""
    return [
        _with_bound(Amount(f.start, f.end, f.start, f.num_end, f.value, cast(Kind, f.kind),
                           "words", unit=f.unit, joined=f.joined, base=f.fraction), text)
        for f in fractions_of_units(text)
    ]  # fmt: skip


def _preferred(amounts: list[Amount], first: list[Amount]) -> list[Amount]:
    """``amounts`` and ``first`` in text order; one of ``amounts`` overlapping any of
    ``first`` is dropped (the "half" of "half an hour" is the measure's)."""
    if not first:
        return amounts
    kept = [a for a in amounts if not any(a.start < b.end and b.start < a.end for b in first)]
    return sorted(kept + first, key=lambda a: a.start)


def _merged(amounts: list[Amount], more: list[Amount]) -> list[Amount]:
    """``amounts`` and ``more`` in text order; one of ``more`` overlapping any is dropped."""
    if not more:
        return amounts
    kept = [b for b in more if not any(a.start < b.end and b.start < a.end for a in amounts)]
    return sorted(amounts + kept, key=lambda a: a.start)


# --- reading the text ------------------------------------------------------------------


def _read(m: re.Match[str], text: str, convention: Convention) -> Amount | None:
    """The number a candidate match spells, with its unit, currency and bound."""
    raw = _number(m)
    if raw is None or year_after_word(text, raw.num_start, raw.num_end):
        return None
    # "several hundred thousand years": a vague count ending in a scale word keeps its unit
    scaled = raw.form == "vague" and m["vague"].split()[-1].lower() in SCALES
    if raw.form in {"digits", "words"} or scaled:
        raw = _with_unit(raw, text)
        if raw is None:
            return None
    if raw.form == "digits":
        raw = _with_minus(raw, text)
        if raw is None:
            return None
    raw = _dot_groups(_with_currency(raw, text), text, convention)
    return None if raw is None else _with_bound(raw, text)


def _dot_groups(raw: Amount, text: str, convention: Convention) -> Amount | None:
    """``raw`` read by the text's convention where it is written "1.200" (English 1.2,
    continental 1200: :func:`~newsprism.analyze.conventions.dot_groups`); None where
    that cannot be told. Other figures, and figures with a scale ("1.500 million"), as
    they are."""
    digits = text[raw.num_start : raw.num_end].lstrip("-\u2212")
    if raw.form != "digits" or raw.scale != 1.0 or not DOT_THOUSANDS.fullmatch(digits):
        return raw
    value = dot_groups(digits, convention, raw.kind)
    if value is None:
        return None
    ratio = value / float(digits)
    return replace(raw, value=raw.value * ratio, base=raw.base * ratio)


# A sign is read only where a value may be below zero: a share, a change in points, a
# temperature ("-12 degrees", "a -4.5% change", "at -30 points"), except after a verb of
# loss (_LOSS_BEFORE). Elsewhere a minus
# before a count mid-line ("between -5 and -10 degrees") leaves the sign unknown: no
# quantity. At a line start "-12 workers" is a list dash; after figures, a score or
# range ("won 3 -2").
_MINUS_SIGNS: Final = frozenset("-\u2212")
_SIGNED_AFTER: Final = re.compile(rf"{SP}?(?:°|(?:degrees?|points?)\b)", re.IGNORECASE)


# A verb of loss or fall right before the minus says the sign already: "lost -7 points"
# restates "lost 7 points" (the minus repeats the verb's direction), so the figure is the
# size of the loss, as the outlet that writes no minus gives it; read as -7 the two
# would differ.
# A temperature's minus is its level, not the fall's direction: "dropped -20 degrees"
# is to -20 ("fell to -20 degrees"); weather copy writes the level after the verb (s36
# review: read +20, a false differ).
_TEMPERATURE: Final = re.compile(rf"{SP}?(?:°|degrees?\b)", re.IGNORECASE)
_LOSS_BEFORE: Final = re.compile(
    r"\b(?:los[et]s?|losing|f[ae]ll(?:s|ing)?|dropp(?:ed|ing)|drops?|declin(?:ed|es?|ing)"
    r"|decreas(?:ed|es?|ing)|slipped|slid|sank|sheds?|plunged|plummeted|tumbled|slumped"
    rf"|dipped|down){SP}+\(?$",
    re.IGNORECASE,
)


def _with_minus(raw: Amount, text: str) -> Amount | None:
    """``raw`` with a minus sign written directly before its figures, where it counts;
    None where a minus stands there and whether it is a sign cannot be told."""
    at = raw.start - 1
    if raw.start != raw.num_start or at < 0 or text[at] not in _MINUS_SIGNS:
        return raw
    if at > 0 and not (text[at - 1].isspace() or text[at - 1] in "(["):
        return raw  # "20-30%" is a range, "COVID-19" a name
    if _LOSS_BEFORE.search(text, max(0, at - 20), at) and not _TEMPERATURE.match(text, raw.num_end):
        return replace(raw, start=at)  # "lost -7 points": the verb says the sign
    if raw.kind in {"percent", "points"} or _SIGNED_AFTER.match(text, raw.num_end):
        return replace(raw, start=at, value=-raw.value, base=-raw.base)
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at].rstrip(" \t([")
    if not before or before[-1].isdigit():
        return raw
    return None


def _number(m: re.Match[str]) -> Amount | None:
    """The bare number of a candidate match (no unit yet)."""
    start, end = m.span()
    if m["hratio"]:
        return _hyphen_ratio(m["rnum"], m["rden"], start, end)
    if m["vague"]:
        value = parse_vague(m["vague"])
        form: Form = "vague"
        scale = 1.0
    elif m["frac"]:
        value = fraction_percent(m["fnum"], m["fden"])
        if value is None:
            return None
        return Amount(start, end, start, end, value, "percent", "fraction", unit="percent")
    elif m["digits"]:
        scale = glued_scale(m["glued"] or "") * scale_word(m["scale"] or "")
        value = parse_digits(m["digits"]) * scale
        form = "digits"
    else:
        value = parse_words(m["words"])
        scale = scale_word(m["words"].split()[-1])
        form = "words"
    if value is None or not math.isfinite(value):
        return None  # "1" followed by 400 zeros is not an amount
    loose = form == "words" and "dozen" in m["words"].lower()  # "two dozen": about 24
    approx: Approx | None = "over" if form == "vague" else "about" if loose else None
    glued_m = (m["glued"] or "").lower() == "m"
    base = value / scale
    return Amount(
        start,
        end,
        start,
        end,
        value,
        "count",
        form,
        approx=approx,
        glued_m=glued_m,
        base=base,
        scale=scale,
    )


def _hyphen_ratio(numerator: str, denominator: str, start: int, end: int) -> Amount | None:
    """ "one-in-three", "2-in-3": a share in percent (None when it cannot be one)."""
    num, den = (
        parse_digits(x) if x[0].isdigit() else parse_words(x) for x in (numerator, denominator)
    )
    if num is None or den is None or not 0 < num < den <= 1000:
        return None
    return Amount(start, end, start, end, 100.0 * num / den, "percent", "ratio", unit="percent")


def _with_unit(raw: Amount, text: str) -> Amount | None:
    """``raw`` with the unit written after it; None when letters are glued on ("1st").
    A half between a whole number and its unit or scale is the number's ("four and a
    half months": 4.5 months; "two and a half billion": 2.5e9)."""
    half = AND_A_HALF.match(text, raw.num_end) if raw.scale == 1.0 else None
    if half is not None and (scaled := _SCALE_AFTER.match(text, half.end())):
        # "three and a half million people": the half joins before the scale, 3.5e6
        scale = scale_word(scaled.group())
        whole = replace(raw, end=scaled.end(), num_end=scaled.end(), base=raw.base + 0.5,
                        value=(raw.value + 0.5) * scale, scale=scale)  # fmt: skip
        return _with_unit(whole, text)
    if half is not None and (m := _UNIT_RE.match(text, half.end())) and m.lastgroup:
        whole = replace(raw, num_end=half.end(), value=raw.value + 0.5, base=raw.base + 0.5)
        return _with_unit(whole, text)
    m = _UNIT_RE.match(text, raw.num_end)
    if m is None or m.lastgroup is None or spaced_plural(m["sep"], m[m.lastgroup]):
        glued = raw.num_end < len(text) and text[raw.num_end].isalnum()
        return None if glued else raw
    unit = UNITS[int(m.lastgroup[1:])]
    end = m.end()
    if unit.unit == "years" and (age := _AGE_RE.match(text, end) or spaced_old(text, m)):
        end = age.end()
    code = _kroner(text) if unit.unit == "kroner" else unit.unit
    joined = "-" in m["sep"]
    value = raw.value * unit.factor  # "40m tonnes": the glued "m" is million here
    return replace(
        raw, end=end, value=value, kind=unit.kind, unit=code, joined=joined, glued_m=False
    )


def _kroner(text: str) -> str:
    """The ISO code "kroner" means in this article (Danish unless it names Norway)."""
    return next((code for pat, code in _KRONER_BY_COUNTRY if pat.search(text)), _KRONER_DEFAULT)


def _with_currency(raw: Amount, text: str) -> Amount:
    """``raw`` with a currency sign or code written before it ("€2.3bn", "EUR 2.3bn")."""
    if raw.form not in {"digits", "words"}:
        return raw
    m = _CURRENCY_BEFORE.search(text, max(0, raw.start - 6), raw.start)
    glued = glued_currency(text, raw.start) if m is None else None
    if glued is not None:  # "$US2 million", "euro70 billion": glued_signs.py
        return replace(raw, start=glued[0], kind="money", unit=raw.unit or glued[1])
    if m is None:
        return raw
    sign = _CURRENCY_SIGNS[m["sign"].lower()]
    code = _kroner(text) if sign == "kroner" else sign
    if raw.kind not in {"count", "money"}:
        return replace(raw, start=m.start())
    return replace(raw, start=m.start(), kind="money", unit=raw.unit or code, glued_m=False)


def _with_bound(raw: Amount, text: str) -> Amount:
    """``raw`` with the bound written before ("about") or after ("or more") it."""
    approx, start, end = raw.approx, raw.start, raw.end
    before = _BOUND_BEFORE_RE.search(text, max(0, start - _BOUND_WINDOW), start)
    spread = raw.kind == "time" and before is not None and before["phrase"].lower() == "over"
    if before is not None and not spread:
        approx = _BOUND_BEFORE[_normal(before["phrase"])]
        start = before.start()
    after = _BOUND_AFTER_RE.match(text, end)
    if after is not None and after.lastgroup is not None:
        approx = _BOUND_BEFORE[after.lastgroup]
        end = after.end()
    return replace(raw, approx=approx, start=start, end=end)


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


# --- ranges and ratios -----------------------------------------------------------------


def _pair_up(raws: list[Amount], text: str) -> list[Amount]:
    """Ranges ("20-30%", "between 2 and 3 million") and ratios ("one in five") joined.

    The ends of a range share the unit and scale written once; a range bounds them,
    ``over`` the first and ``under`` the second, except "from A to B", which is a change.
    "A in B" and "A out of B" become A/B as a percentage.
    """
    out: list[Amount] = []
    for raw in raws:
        joined = _join(out[-1], raw, text) if out else None
        if joined is None:
            out.append(raw)
        else:
            out[-1:] = joined
    return out


def _join(a: Amount, b: Amount, text: str) -> list[Amount] | None:
    """What number ``a`` and the number ``b`` after it become together; None if unrelated."""
    if b.start < a.end:
        return None
    gap = text[a.end : b.start]
    if _RATIO_GAP.fullmatch(gap) and _is_ratio(a, b):
        value = 100.0 * a.value / b.value
        share = Amount(
            a.start,
            b.end,
            a.num_start,
            b.num_end,
            value,
            "percent",
            "ratio",
            unit="percent",
            approx=a.approx,
        )
        return [share]
    if _OR_GAP.fullmatch(gap) and _guesses(a, b) and not _DATING_AFTER.match(text, b.end):
        return _range(a, b, bounded=True, needs_noun=False)
    if not _RANGE_GAP.fullmatch(gap) or a.form not in {"digits", "words"}:
        return None
    lead = text[max(0, a.start - BETWEEN_WINDOW) : a.start]
    between = gap.strip(" -").lower() == "and"
    if between and not BETWEEN_LEAD.search(lead):
        return None
    # "rose from 20% to 30%" is a change; "ranged in age from 18 to 25" a span
    bounded = not lead.lower().rstrip().endswith("from") or _SPAN_FROM.search(lead) is not None
    return _range(a, b, bounded, needs_noun=not between)


def _guesses(a: Amount, b: Amount) -> bool:
    """Whether "A or B unit" gives one measure two ways ("six or seven years", "2 or 3
    miles"): a bare figure, then a larger one of the same form with a measure's unit.
    Counts ("two or three men") and sums stay two figures, as they were read before."""
    measure = b.unit is not None and b.kind not in {"count", "money", "percent", "points"}
    bare = a.kind == "count" and a.unit is None and a.scale == b.scale == 1.0
    return measure and bare and a.form == b.form and a.form in {"digits", "words"}


def _unit_factor(a: Amount, b: Amount) -> float:
    """What ``a`` is multiplied by when it takes ``b``'s unit ("20-30%": 1)."""
    if a.unit is None and a.kind == "count" and b.base:
        return b.value / (b.base * b.scale)
    return 1.0


def _is_ratio(a: Amount, b: Amount) -> bool:
    """Whether "A in B" is a share: two whole counts, A below B, B not a year."""
    whole = a.value.is_integer() and b.value.is_integer()
    bare = a.kind == b.kind == "count" and b.approx is None
    return whole and bare and 0 < a.value < b.value <= 1000


def _range(a: Amount, b: Amount, bounded: bool, needs_noun: bool) -> list[Amount] | None:
    """The two ends of a range, each with the unit and scale the other was written with.

    Two bare numbers not introduced by "between" are kept only if a plural noun follows
    ("20-30 workers") or they are a vote tally (quantities.py decides; not the scores
    "won 3-1"); the first end of a count range counts the noun after the second ("20 to
    30 workers"). A measure that falls ("$3.2 million to $150,000", one sum against
    another) is no range: None.
    """
    if a.scale == 1.0 and b.scale > 1.0 and a.base < b.base:
        a = replace(a, value=a.value * b.scale, scale=b.scale)  # "2 to 3 million"
    if (a.unit is not None or b.unit is not None) and a.value * _unit_factor(a, b) >= b.value:
        return None
    if a.unit is None and b.unit is None:
        a = replace(a, noun_from=b.end, needs_noun=needs_noun)
        b = replace(b, needs_noun=needs_noun)
    elif a.unit is None and a.kind == "count":
        factor = b.value / (b.base * b.scale) if b.base else 1.0
        a = replace(a, value=a.value * factor, kind=b.kind, unit=b.unit)
    elif b.unit is None and b.kind == "count":
        b = replace(b, kind=a.kind, unit=a.unit)  # "€20-30 million"
    if bounded:
        a, b = replace(a, approx=a.approx or "over"), replace(b, approx=b.approx or "under")
    return [a, b]
