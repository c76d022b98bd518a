"""Date expressions in an article and the calendar days they mean.

One compiled, table-driven grammar (:data:`_GRAMMAR`) finds every date expression in a
single left-to-right pass over the article's text; spaCy's parse only decides the tense a
weekday is read in ("on Monday" in a past-tense report is the Monday before publication,
"will meet on Monday" the one after) and vetoes bare numbers that count things ("in 2000
homes"). spaCy's DATE entities are hints only: the small model misses many dates and
over-extends others ("the end of 2024", "two years"), so they never make a mention, they
only admit a bare year that has no preposition before it.

What is a date (each with an example in tests/test_dates.py):
    * absolute: "Oct. 3", "October 3", "March 3rd, 2026", "3 October 2024", "the 3rd of
      March", "March 3-5", "2024-05-06", "03/04", "03/04/2026", "in May", "May 2026",
      "early April", "mid-2024", "the end of 2024", "in 1994", "the year 2000";
    * relative: "yesterday", "today", "tonight", "this morning", "last night", "on Monday",
      "Tuesday evening", "last Thursday", "next Monday", "since Monday", "last week",
      "this week", "early next week", "late last week", "the second half of the week",
      "over the weekend", "last weekend", "this past weekend", "last month", "early next
      month", "three days ago", "two weeks ago", "in two weeks" (future clauses only), "the
      past week".

What is not: times alone ("6 a.m."), durations ("for two years", "a three-day visit",
"twelve-hour shifts", "within weeks"), ages ("34-year-old"), counts, decades ("the
1990s": a decade is context, too coarse for a story's timeline), vague spans ("the coming
weeks", "overnight"), seasons and quarters ("last summer", "Q3": hemisphere and fiscal
calendars differ), holidays ("Black Friday", "Christmas"), names ("USA Today"), years
that modify a noun ("the 2016 election", "2000 homes"), dates anchored on another event
("the following week", "two days later": they need the event, not the publication date),
and non-English forms ("5. März", "am Dienstag": the analysis is English-only).

Numeric dates: "03/04" is day/month or month/day. Any numeric date in the article with a
part over 12 fixes the order for the whole article; otherwise the outlet locale
(``day_first``) decides; otherwise it is read day-first — the order the ingest timestamp
parser uses — and marked ``ambiguous``. A year-less numeric date ("03/04") counts only
with two digits a side or a preposition before it, so fractions ("3/4") and "24/7" are
not dates.

Year-less dates ("Dec. 30", "in May") take the year that puts them nearest the
publication day; in a future-tense clause, the nearest one not already past.

Two-digit years ("12/31/99", "in '99", "the Class of '85", "May '99") take the century
that puts them at most ten years after the publication year ("'99" in 2026 is 1999, "'30"
2030): plans name years a few ahead, a year decades ahead is a past one. They need the
publication day, so an undated article defers them to the story stage. An apostrophe
year needs a cue as a bare year does ("in", "of"; not "the '90s", "'15 Most Wanted'").

Guarantees: :func:`extract_dates` and :func:`resolve_expression` never raise on any text;
every mention satisfies ``doc.text[m.start:m.end] == m.text``; mentions are sorted by
``start`` and never overlap. Cost: one regex pass over the text plus, per weekday or
year-less mention, a walk of at most a few dozen tokens up the parse tree.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.recurring_days import is_recurring
from newsprism.analyze.relative_dates import (
    Part,
    Relation,
    Span,
    Tense,
    Unit,
    ago,
    clause_tense,
    day_span,
    fronted_participle_unclear,
    full_year,
    iso,
    month_span,
    named_month,
    nearest_year,
    part_of,
    period,
    rolling,
    weekday_date,
    year_span,
)
from newsprism.model import DateAnchor, DateMention

__all__ = ["extract_dates", "resolve_expression"]

logger = logging.getLogger(__name__)

# --- vocabulary tables --------------------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
# Month numbers by the first three letters ("Sept." -> "sep" -> 9).
_MONTH_NUMBER = {name[:3].lower(): number for number, name in enumerate(_MONTHS, 1)}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_NUMBER = {name.lower(): number for number, name in enumerate(_WEEKDAYS)}
# Capitalised names only: lower-case "may" and "march" are a verb and a noun far more
# often than a month. Abbreviations need a day or a year after them ("Jan" is a name).
_MONTH_FULL = r"(?-i:(?:" + "|".join(_MONTHS) + r")\b)"
_MONTH_ANY = (
    rf"(?:{_MONTH_FULL}|(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)))"
)
# Holiday names that end in a weekday are not that weekday ("Black Friday").
_WEEKDAY = "".join(f"(?<!{word} )" for word in ("Black", "Cyber", "Good", "Easter", "Ash"))
_WEEKDAY += r"(?-i:(?:" + "|".join(_WEEKDAYS) + r")\b)"

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2,
}  # fmt: skip
_UNITS: dict[str, tuple[Unit, int]] = {  # word -> (unit, multiplier)
    "day": ("day", 1), "week": ("week", 1), "fortnight": ("week", 2),
    "month": ("month", 1), "year": ("year", 1), "weekend": ("weekend", 1),
}  # fmt: skip
# Whole-day words, as days from the anchor.
_DAY_WORDS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
    "today": 0, "tonight": 0, "tomorrow": 1, "this morning": 0, "this afternoon": 0,
    "this evening": 0, "last night": -1,
}  # fmt: skip
# Part-of-period modifiers, normalised (see relative_dates: Mon–Wed, days 1–10, ...).
_PARTS: dict[str, Part] = {
    "early": "early", "earlier": "earlier", "mid": "mid", "late": "late", "later": "later",
    "the start of": "early", "the beginning of": "early", "the middle of": "mid",
    "the end of": "late", "the first half of": "first_half",
    "the second half of": "second_half",
}  # fmt: skip
# last/this/next before week, month, year. "the" ("over the weekend", "the end of the
# month") is the current period; "the past"/"the coming" are rolling windows.
_PERIOD_OFFSETS: dict[str, int | None] = {"last": -1, "this": 0, "next": 1, "the": None}
_ROLLING = {"the past": -1, "this past": -1, "the coming": 1, "this coming": 1}
_RELATIONS: dict[str, Relation] = {"last": "last", "next": "next", "this": "this"}
# Prepositions kept in a mention's span ("on Monday", "since Monday", "over the weekend"):
# the story stage resolves the text as written. "since"/"by" name the day itself.
_PREPOSITIONS = ("on", "since", "in", "over", "at", "by", "until", "till", "from", "during",
                 "before", "after", "through")  # fmt: skip
# A capitalised day word right after a capitalised word is a name: "USA Today", "Valdoria
# Today", "The Tonight Show" (a sentence start follows punctuation, not a letter).
_AFTER_NAME = re.compile(r"(?-i:[A-Z][A-Za-z]*) $")
# Words before a bare year that make it a year ("the summer of 1994", "2019 and 2022").
_YEAR_CUE = re.compile(r"(?i:\b(?:of|and|or|between|to)\s+)$")


def _phrase(words: str) -> str:
    """A table phrase as a regex: escaped, any run of spaces between its words."""
    return r"\s+".join(re.escape(word) for word in words.split())


def _choice(phrases: Mapping[str, object] | tuple[str, ...]) -> str:
    """An alternation of table phrases, longest first (so "this morning" beats "this")."""
    return "(?:" + "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


# --- grammar ------------------------------------------------------------------------------

_DAY = r"(?<![\d.,:/])(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![:.]\d)\b"
# Four digits, or two after an apostrophe ("in '99", "the Class of '85"; not "'90s" nor a
# quoted "'35,000").
_YEAR = r"(?:(?<![\d.,$€£-])(?:1[5-9]|20|21)\d{2}|(?<!\w)['‘’]\d{2}(?![.,]\d))(?![\d'’]|s\b)"
_NUMBER = r"(?:\d{1,3}|" + _choice(_NUMBER_WORDS) + ")"
_UNIT = r"(?:day|fortnight|week|month|year)"
_PART = r"(?:mid-|" + _choice({k: v for k, v in _PARTS.items() if k != "mid"}) + r"\s+)"
_DAY_WORD = (
    r"(?:(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?\b|"
    + _choice(_DAY_WORDS)
    + r"\b)"
)

# One alternative per kind of expression; at one position the first that matches wins,
# so the longer forms come first ("Tuesday, March 3" before "Tuesday"; "March 3" before
# "March"; "the year 2000" before "the year"). Group names start with their kind's name.
_ALTERNATIVES = {
    "iso": r"(?<![\d-])(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})(?![\d-])",
    "num": r"(?<![\d/.,:-])(?P<num_a>\d{1,2})/(?P<num_b>\d{1,2})(?:/(?P<num_y>\d{4}|\d{2}))?"
    r"(?![\d/]|[.,]\d)",
    "md": rf"(?:{_WEEKDAY},?\s+)?(?P<md_mon>{_MONTH_ANY})\s*(?P<md_d1>{_DAY})"
    rf"(?:\s*[-–]\s*(?P<md_d2>{_DAY}))?(?:,?\s+(?P<md_y>{_YEAR}))?",
    "dm": rf"(?:the\s+)?(?P<dm_d1>{_DAY})(?:\s*[-–]\s*(?P<dm_d2>{_DAY}))?(?:\s+of)?\s+"
    rf"(?P<dm_mon>{_MONTH_ANY})(?:,?\s+(?P<dm_y>{_YEAR}))?",
    "ago": rf"(?P<ago_n>{_NUMBER})\s+(?P<ago_u>{_UNIT})s?\s+ago\b",
    "in": rf"in\s+(?P<in_n>{_NUMBER})\s+(?P<in_u>{_UNIT})(?:s|['’]s)?(?:['’]?\s+time)?\b",
    "rday": rf"(?P<rday>{_DAY_WORD})",
    "yr": rf"(?P<yr_part>{_PART})?(?P<yr_the>the\s+year\s+)?(?P<yr>{_YEAR})",
    "per": rf"(?P<per_part>{_PART})?(?P<per_rel>(?:the|this)\s+(?:past|coming)|last|this|next|the)"
    r"\s+(?P<per_u>week|weekend|month|year)\b",
    "wd": rf"(?:(?P<wd_rel>last|next|this)\s+)?(?P<wd>{_WEEKDAY})"
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?",
    "mo": rf"(?P<mo_part>{_PART})?(?:(?P<mo_rel>last|next|this)\s+)?(?P<mo>{_MONTH_ANY})"
    rf"(?:,?\s+(?P<mo_y>{_YEAR}))?",
}
# A group that is set exactly when its kind matched.
_KIND_GROUPS = {
    "iso": "iso_y", "num": "num_a", "md": "md_mon", "dm": "dm_mon", "ago": "ago_n",
    "in": "in_n", "rday": "rday", "per": "per_u", "wd": "wd", "mo": "mo", "yr": "yr",
}  # fmt: skip
# Every expression starts with a digit or with the first letter of one of these words; a
# lookahead on that letter lets the matcher skip most positions at once (halves its time).
_FIRST_WORDS = (*_PREPOSITIONS, *_NUMBER_WORDS, *_DAY_WORDS, *_PARTS, *_PERIOD_OFFSETS,
                *_ROLLING, *_RELATIONS, *_MONTHS, *_WEEKDAYS, "in")  # fmt: skip
_FIRST_LETTER = "".join(sorted({word[0].lower() for word in _FIRST_WORDS}))
_GRAMMAR = re.compile(
    rf"(?:\b(?=[\d{_FIRST_LETTER}])|(?<!\w)(?=['‘’]\d))(?:(?P<prep>{_choice(_PREPOSITIONS)})\s+)?"
    + "(?:"
    + "|".join(_ALTERNATIVES.values())
    + ")",
    re.IGNORECASE,
)


class _Reader:
    """What the grammar may ask about the text around a match.

    Without a doc (:func:`resolve_expression`, where the text is an expression on its
    own) every question gets the permissive answer and the tense is ``tense_default``.
    spaCy's DATE entities are collected only when a bare year asks for them (walking
    ``doc.ents`` costs about as much as the whole grammar pass).
    """

    __slots__ = ("_date_entities", "doc", "tense_default")

    def __init__(self, doc: Doc | None, tense_default: Tense = "past") -> None:
        self.doc = doc
        self.tense_default: Tense = tense_default
        self._date_entities: list[tuple[int, int]] | None = None

    def _root(self, start: int, end: int) -> Token | None:
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def tense(self, start: int, end: int) -> Tense:
        """The tense of the clause the text at start..end sits in."""
        root = self._root(start, end)
        return self.tense_default if root is None else clause_tense(root)

    def unclear_participle(self, start: int, end: int) -> bool:
        """Whether the text at start..end sits in a fronted participle whose time against
        the future clause after it cannot be told (:func:`fronted_participle_unclear`)."""
        root = self._root(start, end)
        return root is not None and fronted_participle_unclear(root)

    def counts_something(
        self, start: int, end: int, outside: tuple[int, int] | None = None
    ) -> bool:
        """Whether the number at start..end modifies a noun ("2000 homes"), one not in the
        character span ``outside`` when given (the parser hangs "December 31, 9999"'s year
        on "December")."""
        root = self._root(start, end)
        if root is None or root.dep_ != "nummod":
            return False
        return outside is None or not outside[0] <= root.head.idx < outside[1]

    def in_date_entity(self, start: int, end: int) -> bool:
        """Whether spaCy's NER put start..end inside a DATE entity."""
        if self.doc is None:
            return True
        if self._date_entities is None:
            ents = self.doc.ents
            self._date_entities = [(e.start_char, e.end_char) for e in ents if e.label_ == "DATE"]
        return any(s <= start and end <= e for s, e in self._date_entities)


# --- reading matches ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Frame:
    """What a resolver needs besides the match: anchor day, tense, numeric order."""

    anchor: date
    tense: Tense
    day_first: bool

    @property
    def forward(self) -> bool:
        """Whether a plain weekday or year-less date looks ahead (future or present)."""
        return self.tense != "past"


def _kind(match: re.Match[str]) -> str:
    return next(kind for kind, group in _KIND_GROUPS.items() if match[group] is not None)


def _number(word: str) -> int:
    word = " ".join(word.lower().split())
    return _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)


def _month(name: str) -> int:
    return _MONTH_NUMBER[name[:3].lower()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _part(text: str | None) -> Part | None:
    return None if text is None else _PARTS[" ".join(text.lower().rstrip("-").split())]


def _prep(match: re.Match[str]) -> str:
    return (match["prep"] or "").lower()


def _relation(match: re.Match[str], word: str | None, frame: _Frame) -> Relation:
    """last/next/this as written; else "since" looks back and the tense decides."""
    if word is not None:
        return _RELATIONS[word.lower()]
    return "future" if frame.forward and _prep(match) != "since" else "past"


def _numeric_day_first(first: int, second: int, preference: bool) -> bool:
    """A part over 12 can only be a day; otherwise the article's or locale's order."""
    if first > 12:
        return True
    return False if second > 12 else preference


# --- resolvers: one per kind, match + frame -> span (ValueError when impossible) ----------


def _resolve_iso(m: re.Match[str], frame: _Frame) -> Span:
    return day_span(date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])))


def _resolve_numeric(m: re.Match[str], frame: _Frame) -> Span:
    first, second = int(m["num_a"]), int(m["num_b"])
    day_first = _numeric_day_first(first, second, frame.day_first)
    day, month = (first, second) if day_first else (second, first)
    if m["num_y"]:
        return day_span(date(full_year(m["num_y"], frame.anchor), month, day))
    return nearest_year(frame.anchor, month, (day, day), frame.forward, past=frame.tense == "past")


def _day_month(m: re.Match[str], frame: _Frame, prefix: str) -> Span:
    """The shared reading of the md and dm kinds ("March 3", "3-5 March 2026")."""
    month, first = _month(m[f"{prefix}_mon"]), _day(m[f"{prefix}_d1"])
    last = _day(m[f"{prefix}_d2"]) if m[f"{prefix}_d2"] else first
    if m[f"{prefix}_y"]:
        year = full_year(m[f"{prefix}_y"], frame.anchor)
        span = date(year, month, first), date(year, month, last)
        if span[0] > span[1]:
            raise ValueError("range ends before it starts")
        return span
    return nearest_year(
        frame.anchor, month, (first, last), frame.forward, past=frame.tense == "past"
    )


def _resolve_md(m: re.Match[str], frame: _Frame) -> Span:
    return _day_month(m, frame, "md")


def _resolve_dm(m: re.Match[str], frame: _Frame) -> Span:
    return _day_month(m, frame, "dm")


def _resolve_ago(m: re.Match[str], frame: _Frame) -> Span:
    unit, multiplier = _UNITS[m["ago_u"].lower()]
    return ago(frame.anchor, -_number(m["ago_n"]) * multiplier, unit)


def _resolve_in(m: re.Match[str], frame: _Frame) -> Span:
    unit, multiplier = _UNITS[m["in_u"].lower()]
    return ago(frame.anchor, _number(m["in_n"]) * multiplier, unit)


def _resolve_day_word(m: re.Match[str], frame: _Frame) -> Span:
    words = " ".join(m["rday"].lower().split())
    key = words if words in _DAY_WORDS else words.split()[0]  # "yesterday morning"
    return period(frame.anchor, "day", _DAY_WORDS[key])


def _resolve_period(m: re.Match[str], frame: _Frame) -> Span:
    unit, _ = _UNITS[m["per_u"].lower()]
    relation = " ".join(m["per_rel"].lower().split())
    if relation in _ROLLING and unit == "weekend":  # "this past weekend": the last one
        return period(frame.anchor, unit, None, _ROLLING[relation] > 0)
    if relation in _ROLLING:
        return rolling(frame.anchor, unit, _ROLLING[relation])
    forward = frame.forward and _prep(m) != "since"  # "since the weekend" looks back
    span = period(frame.anchor, unit, _PERIOD_OFFSETS[relation], forward)
    part = _part(m["per_part"])
    return span if part is None else part_of(span, unit, part, frame.anchor)


def _resolve_weekday(m: re.Match[str], frame: _Frame) -> Span:
    weekday = _WEEKDAY_NUMBER[m["wd"].lower()]
    return day_span(weekday_date(frame.anchor, weekday, _relation(m, m["wd_rel"], frame)))


def _resolve_month(m: re.Match[str], frame: _Frame) -> Span:
    month = _month(m["mo"])
    if m["mo_y"]:
        span = month_span(full_year(m["mo_y"], frame.anchor), month)
    else:
        span = named_month(frame.anchor, month, _relation(m, m["mo_rel"], frame))
    part = _part(m["mo_part"])
    return span if part is None else part_of(span, "month", part)


def _resolve_year(m: re.Match[str], frame: _Frame) -> Span:
    span = year_span(full_year(m["yr"], frame.anchor))
    part = _part(m["yr_part"])
    return span if part is None else part_of(span, "year", part)


_RESOLVERS: dict[str, Callable[[re.Match[str], _Frame], Span]] = {
    "iso": _resolve_iso, "num": _resolve_numeric, "md": _resolve_md, "dm": _resolve_dm,
    "ago": _resolve_ago, "in": _resolve_in, "rday": _resolve_day_word,
    "per": _resolve_period, "wd": _resolve_weekday, "mo": _resolve_month,
    "yr": _resolve_year,
}  # fmt: skip
# The group whose presence makes an absolute kind independent of any anchor.
_YEAR_GROUPS = {"num": "num_y", "md": "md_y", "dm": "dm_y", "mo": "mo_y", "yr": "yr"}
# Kinds whose relative reading depends on the clause's tense (only they consult the parse).
_TENSED = frozenset({"num", "md", "dm", "in", "per", "wd", "mo"})


def _needs_anchor(kind: str, match: re.Match[str]) -> bool:
    """Whether the expression means nothing without a day to count from: a two-digit
    year needs one too (its century is the one that puts it at most
    :data:`~newsprism.analyze.relative_dates.YEARS_AHEAD` years after the anchor)."""
    if kind == "iso":
        return False
    if kind == "mo" and match["mo_rel"]:
        return True
    group = _YEAR_GROUPS.get(kind)
    return group is None or match[group] is None or _two_digit_year(match[group])


def _two_digit_year(written: str) -> bool:
    return len(written.lstrip("'‘’")) == 2


# --- which matches are dates --------------------------------------------------------------


def _admit_numeric(m: re.Match[str], text: str, reader: _Reader) -> bool:
    """Numeric: "03/04" or "on 3/4", not "3/4" or "24/7"; one part must be a month."""
    first, second = m["num_a"], m["num_b"]
    if min(int(first), int(second)) > 12 or max(int(first), int(second)) > 31:
        return False
    return bool(m["num_y"]) or bool(m["prep"]) or (len(first) == 2 and len(second) == 2)


def _admit_month(m: re.Match[str], text: str, reader: _Reader) -> bool:
    """A bare month needs a year, a part, last/next/this or a preposition ("in May"), and
    its full name (so "Jan" stays a name and "May" at a sentence start a verb)."""
    if m["mo_y"]:
        return True
    if not re.fullmatch(_MONTH_FULL, m["mo"]):
        return False
    return bool(m["mo_part"] or m["mo_rel"] or m["prep"])


def _admit_year(m: re.Match[str], text: str, reader: _Reader) -> bool:
    """A year needs a cue ("in 1994", "the end of 2024", "the year 2000", "of 1994",
    spaCy's DATE) and must not count something ("in 2000 homes")."""
    start, end = m.start("yr"), m.end("yr")
    if m["yr_the"]:
        return True
    if reader.counts_something(start, end):
        return False
    cued = m["prep"] or m["yr_part"] or _YEAR_CUE.search(text, max(0, start - 10), start)
    if _two_digit_year(m["yr"]):  # "'15 Most Wanted" opens a quote: no entity hint
        return bool(cued)
    return bool(cued) or reader.in_date_entity(start, end)


def _admit_in(m: re.Match[str], text: str, reader: _Reader) -> bool:
    """In N units: a date only when the clause looks ahead ("will vote in two weeks");
    otherwise a duration ("the highest in two years")."""
    return reader.tense(m.start("in_n"), m.end()) == "future"


def _admit_day_word(m: re.Match[str], text: str, reader: _Reader) -> bool:
    """Not part of a name ("USA Today", "The Tonight Show")."""
    start = m.start("rday")
    return not (m["rday"][0].isupper() and _AFTER_NAME.search(text, max(0, start - 30), start))


def _admit_period(m: re.Match[str], text: str, reader: _Reader) -> bool:
    """A period: "the week" alone is a stretch of time, but "the weekend" and "the end of
    the week" are dates."""
    bare = m["per_rel"].lower() == "the" and not m["per_part"]
    return not bare or m["per_u"].lower() == "weekend"


# A four-digit number where a date writes its year ("December 31, 9999", "31 December
# 1234") that the year grammar refused (placeholders, typos): the writer gave a year, only
# not one read as a date here, so the day must not move into the publication year. A
# number that counts something ("On Dec. 4, 1200 dockworkers walked out") is no year,
# and "March 3 2500 people" (no comma) is never taken for one.
_REFUSED_YEAR = {
    "md": re.compile(r",\s*(\d{4})\b(?![.,]\d)"),
    "dm": re.compile(r",?\s+(\d{4})\b(?![.,]\d)"),
}


# A month's own day, then the plural noun a "the <figure> <month>" counts ("the 12 May 4
# strikers": 12 counts the strikers, the date is May 4). A clock hour ("the 14 July 9 am
# flight") or a score ("the 12 May 3-1 match") after the month leaves the day-month whole.
_DAY_AFTER: Final = re.compile(
    r"\s+(?:[1-9]|[12]\d|3[01])\s+(?!(?:am|pm|a\.m\.|p\.m\.)(?!\w))([a-z][a-z-]*)\b"
)
_THE_BEFORE: Final = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _after_the(m: re.Match[str], text: str) -> bool:
    """Whether a day-month match opens with "the" or follows it ("the 12 May")."""
    before = text[max(0, m.start() - 5) : m.start()]
    return m.group()[:4].lower() == "the " or _THE_BEFORE.search(before) is not None


def _day_then_counted(m: re.Match[str], text: str, reader: _Reader) -> bool:
    """Whether the month has a day of its own after it, then a plural noun that the
    figure before the month counts ("the 12 May 4 strikers"); the noun read by the parse
    where there is one, else by its plural ending."""
    after = _DAY_AFTER.match(text, m.end())
    if after is None or not _after_the(m, text):
        return False
    if reader.doc is None:
        return after.group(1).endswith("s")
    noun = reader.doc.char_span(after.start(1), after.end(1), alignment_mode="expand")
    return noun is not None and len(noun) > 0 and noun[0].tag_ in ("NNS", "NNPS")


def _admit_day_of_month(m: re.Match[str], text: str, reader: _Reader) -> bool:
    """A month and day with no year, unless a year the grammar refused follows it, or the
    month has a day of its own after it and a noun the first figure counts ("the 12 May 4
    strikers": 12 counts them)."""
    kind = "md" if m["md_mon"] else "dm"
    if m[f"{kind}_y"]:
        return True
    if kind == "dm" and _day_then_counted(m, text, reader):
        return False
    refused = _REFUSED_YEAR[kind].match(text, m.end())
    if refused is None:
        return True
    return reader.counts_something(refused.start(1), refused.end(1), (m.start(), m.end()))


def _admit_weekday(m: re.Match[str], text: str, reader: _Reader) -> bool:
    """A weekday is one day unless a habit's "every"/"each" comes first ("every Sunday"),
    or it sits in a fronted participle that may come before or after a future clause."""
    if is_recurring(text, m.start()):
        return False
    # "Announcing the cuts on Monday, the firm will ...": which Monday is a guess
    return m["wd_rel"] is not None or not reader.unclear_participle(m.start(), m.end())


# The checks a regex cannot make, per kind (kinds not listed are always dates).
_ADMIT: dict[str, Callable[[re.Match[str], str, _Reader], bool]] = {
    "num": _admit_numeric, "mo": _admit_month, "yr": _admit_year, "in": _admit_in,
    "rday": _admit_day_word, "per": _admit_period, "md": _admit_day_of_month,
    "dm": _admit_day_of_month, "wd": _admit_weekday,
}  # fmt: skip


def _admissible(kind: str, m: re.Match[str], text: str, reader: _Reader) -> bool:
    """Whether a grammar match is a date here."""
    check = _ADMIT.get(kind)
    return check is None or check(m, text, reader)


def _candidates(text: str, reader: _Reader) -> Iterator[tuple[str, re.Match[str]]]:
    """Every admissible grammar match in ``text``, in order, with its kind.

    After a match is turned down the scan resumes one character after its start, not
    after its end, so a rejected "in the year" does not hide "2000" behind it.
    """
    position = 0
    while (match := _GRAMMAR.search(text, position)) is not None:
        kind = _kind(match)
        if _admissible(kind, match, text, reader):
            yield kind, match
            position = match.end()
        else:
            position = match.start() + 1


# --- numeric order, article-wide ----------------------------------------------------------

_DEFAULT_DAY_FIRST = True  # as newsprism.ingest.timestamps reads "04/03/2026"


def _numeric_order(
    candidates: list[tuple[str, re.Match[str]]], day_first: bool | None
) -> tuple[bool, bool]:
    """(day_first, decided) for the article's numeric dates.

    A numeric date with a part over 12 shows the article's order; when its numeric dates
    show one order only, that is the order. Otherwise the outlet locale's ``day_first``;
    otherwise day-first, undecided (the mentions it changes are marked ambiguous).
    """
    shown = {
        int(m["num_a"]) > 12
        for kind, m in candidates
        if kind == "num" and max(int(m["num_a"]), int(m["num_b"])) > 12
    }
    if len(shown) == 1:
        return shown.pop(), True
    if day_first is not None:
        return day_first, True
    return _DEFAULT_DAY_FIRST, False


def _ambiguous(kind: str, m: re.Match[str], decided: bool) -> bool:
    if kind != "num" or decided:
        return False
    first, second = int(m["num_a"]), int(m["num_b"])
    return first != second and max(first, second) <= 12


# --- building mentions --------------------------------------------------------------------

# Stands in for a missing anchor: absolute expressions never read it, and a deferred one is
# resolved against it only to check that it names a real day ("February 30" is dropped;
# a day in a leap year keeps "February 29").
_PROBE_ANCHOR = date(2024, 7, 1)


def _resolve(kind: str, m: re.Match[str], frame: _Frame) -> str | None:
    """The ISO date or range of a match, or None when it names no real day."""
    try:
        return iso(_RESOLVERS[kind](m, frame))
    except (ValueError, OverflowError, KeyError) as error:
        logger.debug("date expression %r not resolved: %s", m.group(), error)
        return None


def _mention(
    kind: str, m: re.Match[str], reader: _Reader, anchor: date | None, order: tuple[bool, bool]
) -> DateMention | None:
    """The DateMention of one admitted match (None when it names no real day)."""
    needs_anchor = _needs_anchor(kind, m)
    tense = reader.tense(m.start(), m.end()) if needs_anchor and kind in _TENSED else "past"
    resolved = _resolve(kind, m, _Frame(anchor or _PROBE_ANCHOR, tense, order[0]))
    if resolved is None:
        return None
    label: DateAnchor = "published" if needs_anchor else "absolute"
    if needs_anchor and anchor is None:
        label, resolved = "deferred", None
    ambiguous = _ambiguous(kind, m, order[1])
    return DateMention(
        m.group(), m.start(), m.end(), resolved, label, ambiguous, future=tense == "future"
    )


def extract_dates(
    doc: Doc, published: datetime | None, *, day_first: bool | None = None
) -> list[DateMention]:
    """Every date expression in ``doc``, resolved against the publication day.

    Args:
        doc: the article's clean text, parsed by the English pipeline (tagger and
            parser are used for tense; NER, when present, only as a hint for bare years).
        published: the article's publication time; it is resolved in its own timezone's
            calendar (``published.date()``). None defers every expression that needs it.
        day_first: the outlet locale's reading of "03/04" (True: 3 April), None if unknown.

    Returns:
        Mentions sorted by ``start``, non-overlapping, each with
        ``doc.text[m.start:m.end] == m.text``. ``anchor`` is "absolute" for dates with a
        year, "published" for those resolved against ``published``, "deferred" (with
        ``date`` None) when ``published`` is None and the expression needs an anchor.
        Expressions that name no real day ("February 30") are left out.

    Never raises on any text. Cost: one regex pass over the text, plus a short walk up
    the parse tree for each mention whose reading depends on tense.
    """
    reader = _Reader(doc)
    candidates = list(_candidates(doc.text, reader))
    order = _numeric_order(candidates, day_first)
    anchor = published.date() if published is not None else None
    mentions = (_mention(kind, m, reader, anchor, order) for kind, m in candidates)
    return [mention for mention in mentions if mention is not None]


def resolve_expression(
    text: str, anchor: date, *, day_first: bool | None = None, future: bool = False
) -> str | None:
    """The ISO date or "start/end" range a date expression means, seen from ``anchor``.

    Used by the story stage for deferred mentions: ``text`` is a mention's text (its
    first date expression is read; surrounding words are ignored), ``anchor`` a sibling
    article's publication day. Without a sentence there is no tense: a plain weekday is
    read as past ("on Monday": the Monday on or before ``anchor``) unless ``future``.

    Returns None when ``text`` holds no date expression or names no real day. Never
    raises. Cost: one regex search over ``text``.
    """
    tense: Tense = "future" if future else "past"
    try:
        match = _GRAMMAR.search(text)
    except (TypeError, RecursionError):  # not a string, or pathological input
        return None
    if match is None:
        return None
    kind = _kind(match)
    preference = _DEFAULT_DAY_FIRST if day_first is None else day_first
    return _resolve(kind, match, _Frame(anchor, tense, preference))
