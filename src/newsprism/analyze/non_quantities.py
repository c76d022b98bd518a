"""Numbers that are not quantities, and the parsed text every quantity test reads.

:mod:`newsprism.analyze.quantities` reads every number of an article and asks here
whether it is a quantity at all (the "Not quantities" decisions of its docstring):
years, dates, clock times, labels and codes, numbers in names, list numbers, relative
times ("two weeks ago": date extraction's), a lone "one", and fraction words that are
ordinals ("a third term"). :class:`ParsedText` is the parse with its O(log n) token
look-ups by character offset, shared by both modules.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from typing import Final

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.numbers import Amount
from newsprism.analyze.person_nouns import names_person
from newsprism.analyze.timed_counts import timed_figure
from newsprism.analyze.written_forms import (
    LABEL_NOUNS,
    SP,
    in_a_compound,
    is_or_two,
    is_spaced_clock,
)

__all__ = [
    "SP",
    "ParsedText",
    "date_name_after",
    "in_a_title",
    "is_date_or_clock",
    "is_fraction",
    "is_lone_one",
    "is_plural_noun",
    "is_relative_time",
    "is_year_pair",
    "labels_a_pair",
    "not_a_count",
    "word_set",
]

logger = logging.getLogger(__name__)


def is_plural_noun(token: Token | None) -> bool:
    """Whether ``token`` is a plural noun ("ships", "Democrats"): what a count counts."""
    return token is not None and token.tag_ in {"NNS", "NNPS"}


def word_set(words: str) -> frozenset[str]:
    """The space-separated words of ``words`` as a set (for word lists written as one line)."""
    return frozenset(words.split())


_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Dates: "March 3", "3 March", "Oct. 3" (month names are capitalised: "may 3" is not).
_MONTH_BEFORE: Final = re.compile(rf"\b{_MONTHS}\.?,?{SP}*$")
_MONTH_AFTER: Final = re.compile(rf"(?:st|nd|rd|th)?{SP}*(?:of{SP}+)?{_MONTHS}\b")
# Numeric dates: the other part of "14/03" after or before the figure.
_SLASH_DATE_AFTER: Final = re.compile(r"/(\d{1,2})(?:/\d{2,4})?(?![\d/])")
_SLASH_DATE_BEFORE: Final = re.compile(r"(?<![\d/])(\d{1,2})/$")
# Clock times: "6 a.m.", "6pm", "1400 GMT" ("14:05" never matches: colon).
# "6 p.m.", "6pm", "3: 33 a. m." (tokenised text spaces the abbreviation), "6 o'clock".
_CLOCK_AFTER: Final = re.compile(rf"{SP}*(?:[ap](?:\.{SP}?)?m\b\.?|o[’']clock\b)", re.IGNORECASE)
_ZONE_AFTER: Final = re.compile(rf"{SP}*(?:GMT|UTC|CES?T|BST|[ECP][SD]T)\b")
# Labels and numbering: "Article 5", "Pier 4", "No. 10", "phase 2", "day 3".
_LABELS = LABEL_NOUNS  # "Chapter 14", "Game 5": written_forms.py
# A brand written in camel case, lower-case first ("iTessel", "eZephyr", "iOrsk").
_CAMEL: Final = re.compile(r"[a-z]{1,2}[A-Z][A-Za-z]*$")
_LABEL_BEFORE: Final = re.compile(rf"(?<![\w\-])(?:{_LABELS})\.?{SP}*$", re.IGNORECASE)
_LINE_START: Final = re.compile(rf"(?:^|\n){SP}*$")
_DIGIT_BEFORE: Final = re.compile(rf"[\d)]{SP}?$")
_DIGIT_AFTER: Final = re.compile(rf"{SP}?[\d(]")
# Relative dates belong to date extraction: "two weeks ago", "the past three days".
_RELATIVE_BEFORE: Final = re.compile(
    rf"\b(?:last|next|past|coming|previous|following|first|final|recent){SP}+$", re.I
)
_RELATIVE_AFTER: Final = re.compile(
    rf"{SP}+(?:ago|later|earlier|before|after|hence|prior|from{SP}+now)\b", re.I
)
# ... but a named event after "before"/"after" makes it an interval between two events,
# which no date resolves: "two weeks before the Kelmar vote", "days after his arrest".
# Whole words only: "before then", "before they moved", "before I arrived" name no event.
_EVENT_AFTER: Final = re.compile(
    rf"{SP}+(?:before|after|prior{SP}+to){SP}+"
    r"(?:(?:the|his|her|their|its|our|a|an|another)\b|(?!I\b)[A-Z])"
)
# Words before a four-digit number that make it a year ("in 2024", "the 1998 floods").
_YEAR_WORDS: Final = word_set(
    "in since by from until till to of the before after during circa early late mid than "
    "between and through summer winter spring autumn fall year season its their this that "
    "his her our my your"
)
# A fraction word followed by one of these is a fraction: "half the", "a third of".
_FRACTION_NEXT: Final = word_set("of the its their his her our all this that these those")
# A fraction of one unit of time or measure is a measure, no share: "a quarter of a
# century", "a third of a second", "half of a mile" (s37 audit over the shared texts),
# or of a scale word ("a quarter of a million": no share; :data:`_FRACTION_OF_BEFORE`).
_OF_A_MEASURE: Final = re.compile(
    rf"{SP}+of{SP}+an?{SP}+(?:century|decade|year|month|week|day|hour|minute|second|"
    r"hundred|thousand|million|billion|trillion|"
    r"mile|kilometre|kilometer|metre|meter|inch|foot|yard|pound|ton|tonne|ounce|gallon|"
    r"litre|liter|acre|lifetime|generation)\b",
    re.IGNORECASE,
)
# Words before "half" that make it a part of something else: "the second half".
_NOT_HALF_AFTER: Final = word_set("the first second last other latter former and")
_NON_QUANTITY_ENTS: Final = word_set("DATE TIME ORDINAL")
_OF_AFTER: Final = re.compile(rf"{SP}+of\b", re.IGNORECASE)
# A date naming something after a count: "the 12 Aug. 3 strikers" counts strikers
# (the month takes the day after it, not the count before it).
# A determiner before the count is asked for: "on 3 March 12 people died" is a date.
_DATE_NAME_AFTER: Final = re.compile(rf"{SP}+{_MONTHS}\.?{SP}+\d{{1,2}}{SP}+(?=[a-z])")
_DETERMINER_BEFORE: Final = re.compile(
    rf"\b(?:the|these|those|all|its|their|his|her|our){SP}+$", re.IGNORECASE
)


class ParsedText:
    """One parsed article and the token lookups every quantity needs (O(log n) each)."""

    __slots__ = ("doc", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.starts = [token.idx for token in doc]

    def token_from(self, char: int) -> Token | None:
        """The first token that starts at or after ``char``."""
        i = bisect_left(self.starts, char)
        return self.doc[i] if i < len(self.starts) else None

    def token_at(self, char: int) -> Token | None:
        """The token that contains ``char``, if any."""
        i = bisect_right(self.starts, char) - 1
        token = self.doc[i] if i >= 0 else None
        return token if token is not None and char < token.idx + len(token) else None

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering the characters ``start``..``end``, if they align to any."""
        return self.doc.char_span(start, end, alignment_mode="expand")


# A rate's denominator is no count: "2.5 per 100,000 children", "per one million".
_PER_BEFORE: Final = re.compile(
    rf"\b(?:per|(?:of|in|for|out{SP}+of){SP}+every){SP}+$", re.IGNORECASE
)  # "per 100,000", "12 of every 100,000 residents" (s37 audit over BASIL/ECB+/Multi-News)
# A fraction of a scale word ("a quarter of a million people"): the scale is what the
# fraction is of, no count of a million (s37 review: read as 25% and 1,000,000).
_FRACTION_OF_BEFORE: Final = re.compile(
    rf"\b(?:half|thirds?|quarters?|fifths?|tenths?){SP}+of{SP}+$", re.IGNORECASE
)
# Decades in words: "the nineteen seventies" names a time, no count of 19.
_DECADE_AFTER: Final = re.compile(
    rf"(?:{SP}+|-)(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    re.IGNORECASE,
)
# Emergency numbers (US, UK, EU) dialled ("called 911") or naming a service ("a 999 call").
_EMERGENCY_NUMBERS: Final = word_set("911 999 112")
# Nouns an emergency number names the service of ("a 999 call", "the 911 operator");
# any other noun after it is counted ("called 999 staff back to work").
_SERVICE_NOUNS: Final = word_set(
    "call operator line number emergency dispatcher dispatch service system center centre hotline"
)
_DIAL_BEFORE: Final = re.compile(
    rf"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing)?)(?:{SP}+the)?{SP}+$", re.IGNORECASE
)
# "911" with no noun after a word of time names the day of the 2001 attacks ("changed
# since 911", "their courage on 911"), no count: the date's name, not its digits.
_DATE_NAME: Final = "911"
_TIME_BEFORE: Final = re.compile(
    rf"\b(?:on|since|after|before|until|till|post|pre){SP}*-?{SP}*$", re.IGNORECASE
)
# A thousands group of zeros written after a comma and a space ("120, 000", as ECB+
# texts are tokenised) is read with its figures (numbers.py); after four figures or more
# neither part is a count. A group of other figures may be ("Of the 120, 400 were hurt").
_SPACED_ZEROS: Final = re.compile(rf",{SP}000\b")
# A street number's block in an address: "the 400 block of North Elm Street".
_ADDRESS_BLOCK: Final = re.compile(rf"{SP}+block{SP}+of{SP}+[A-Z]")


def not_a_count(amount: Amount, ctx: ParsedText, noun: Token | None) -> bool:
    """Whether a bare number is a year, date, time, label, list number, code, name or a
    rate's denominator, or closes "a minute or two", or is fused into "a three-and-out"."""
    text, start, end = ctx.text, amount.num_start, amount.num_end
    idiom = is_or_two(text, start, end) or in_a_compound(text, start, end)
    if idiom or _PER_BEFORE.search(text, max(0, amount.start - 16), amount.start):
        return True
    if _FRACTION_OF_BEFORE.search(ctx.text, max(0, amount.start - 24), amount.start):
        return ctx.text[amount.start : amount.num_start + 2].lower().startswith(("a ", "an "))
    if amount.form == "words":  # "one of them", "Formula One", "a two-seater"
        return (
            amount.value <= 1 or _is_name_word(amount, ctx) or _words_not_a_count(amount, ctx, noun)
        )
    if amount.form == "vague":
        return _owned_noun(amount, ctx)
    if amount.needs_noun and not is_plural_noun(noun):
        return True  # "3-1 win", "2024-25 season", "2026-03-03"
    return amount.form == "digits" and _figures_not_a_count(amount, ctx, noun)


def _words_not_a_count(amount: Amount, ctx: ParsedText, noun: Token | None) -> bool:
    """Whether number words name a kind ("a two-seater"), a decade ("the nineteen
    seventies") or a label ("day two of the trial"; "day two people died" counts)."""
    if _names_a_kind(amount, ctx.text) or _DECADE_AFTER.match(ctx.text, amount.num_end):
        return True
    before = ctx.text[max(0, amount.num_start - 16) : amount.num_start]
    return _LABEL_BEFORE.search(before) is not None and not is_plural_noun(noun)


def _figures_not_a_count(amount: Amount, ctx: ParsedText, noun: Token | None) -> bool:
    """Whether bare figures are a year, date, time, code, label or name."""
    start, end = amount.num_start, amount.num_end
    first = ctx.text[start:end]
    if _is_year(first, amount, ctx, noun) or _is_date_or_clock(amount, ctx.text):
        return True
    if is_spaced_clock(ctx.text, start, end, is_plural_noun(noun)):
        return True
    if _is_code(first, amount, ctx, noun):
        return True
    if _inside_a_name(amount, ctx):
        return True
    return _in_a_name(amount, ctx.text, noun) or _is_label_or_name(first, amount, ctx, noun)


def _inside_a_name(amount: Amount, ctx: ParsedText) -> bool:
    """Figures inside an organisation's or place's name, a capitalised word of the name on
    each side ("Studio 12 Harbourton reports": no count of reports). s37 audit, Multi-News."""
    token = ctx.token_at(amount.num_start)
    if token is None or token.ent_type_ not in {"ORG", "FAC"} or token.ent_iob_ != "I":
        return False
    before = token.doc[token.i - 1]
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    inside = after is not None and after.ent_iob_ == "I" and after.text[:1].isupper()
    return inside and before.text[:1].isupper()


def _is_code(first: str, amount: Amount, ctx: ParsedText, noun: Token | None) -> bool:
    """Figures that are a code or a piece whatever follows: a leading zero ("000
    people" is the rest of "120, 000", :data:`_SPACED_ZEROS`), an emergency number
    dialled or naming its service ("called 911", "a 999 call", "since 911"), an
    address's block ("the 400 block of North Elm Street")."""
    if first.startswith("0") and first[1:2].isdigit():
        return True
    if _SPACED_ZEROS.match(ctx.text, amount.num_end):
        return True
    if _ADDRESS_BLOCK.match(ctx.text, amount.num_end):
        return True
    return _is_emergency_number(first, amount, ctx, noun)


def _is_emergency_number(first: str, amount: Amount, ctx: ParsedText, noun: Token | None) -> bool:
    """An emergency number dialled or naming its service ("called 911", "a 999 call"),
    or "911" naming the day after a word of time ("since 911")."""
    if first not in _EMERGENCY_NUMBERS or is_plural_noun(noun) or amount.start != amount.num_start:
        return False
    if noun is not None:  # "called 999 staff back" is a count (s37 review H2)
        return noun.lemma_.lower() in _SERVICE_NOUNS
    lead = ctx.text[max(0, amount.start - 16) : amount.start]
    if first == _DATE_NAME and _TIME_BEFORE.search(lead):
        return True
    return _DIAL_BEFORE.search(lead) is not None


def _in_a_name(amount: Amount, text: str, noun: Token | None) -> bool:
    """Figures in a kind's or a model's name: "two 18-wheelers", "flew a 767"."""
    return _names_a_kind(amount, text) or _is_model_name(amount, text, noun)


# Agent nouns a number fuses into by a hyphen to name a kind of thing, not a count of it:
# an "18-wheeler" is a truck, a "two-seater" a car or plane, a "3-pointer" a shot, a
# "six-footer" a tall person. A closed list: most "-er" words after a hyphenated number
# are counted modifiers ("a 15-member panel", "a 30-meter wall").
_KIND_NAMES: Final = word_set(
    "wheeler seater pointer footer pounder decker liner timer hander hitter master shooter "
    "parter header bit d fold"
)  # "a 64-bit chip", "a 3-D film" (stop 39 finding), "a 20-fold rise" (a multiple): no count
# The singular article right before bare figures: "a 767", "an 18" (a model or a name).
_ARTICLE_BEFORE: Final = re.compile(rf"(?<![\w\-])an?{SP}+$", re.IGNORECASE)


# A word fused to the figures by a hyphen: "18-wheelers", "40-page".
_HYPHEN_WORD: Final = re.compile(r"[-\u2010\u2011]([A-Za-z]+)")
# The same or spaced as tokenised text writes it ("a 64 - bit chip"): a kind's name either
# way. (Only for kinds: after "a", a spaced hyphen also ends a score, "a 9 - all game".)
_HYPHEN_OR_SPACED_WORD: Final = re.compile(r"(?: [-\u2010\u2011] |[-\u2010\u2011])([A-Za-z]+)")


def _names_a_kind(amount: Amount, text: str) -> bool:
    """Whether the number is fused by a hyphen into a noun naming a kind ("18-wheelers")."""
    fused = _HYPHEN_OR_SPACED_WORD.match(text, amount.num_end)
    return fused is not None and fused.group(1).lower().removesuffix("s") in _KIND_NAMES


def _is_model_name(amount: Amount, text: str, noun: Token | None) -> bool:
    """Bare figures after "a"/"an" and before no plural noun: a model's name ("flew a
    767", "a 737 jet"); a count after the article is written with a hyphen ("a 12-point
    plan", kept) or with a plural ("a 100 workers" does not occur)."""
    if amount.needs_noun or amount.scale != 1.0 or is_plural_noun(noun):
        return False
    if _HYPHEN_WORD.match(text, amount.num_end):
        return False
    if amount.start != amount.num_start:
        return False  # a bound or currency before it: "a nearly 30", "a $5"
    return _ARTICLE_BEFORE.search(text, max(0, amount.start - 4), amount.start) is not None


# Vague plurals that are also plain nouns: "their scores of the day", "test scores".
_NOUN_VAGUE: Final = word_set("scores")


def _owned_noun(amount: Amount, ctx: ParsedText) -> bool:
    """Whether a vague plural that is also a noun is the noun: a determiner, possessive,
    adjective or compound before it ("their scores of the season", "test scores of")."""
    token = ctx.token_at(amount.num_start)
    if token is None or token.lower_ not in _NOUN_VAGUE:
        return False
    return any(c.i < token.i for c in token.children)


def _is_label_or_name(first: str, amount: Amount, ctx: ParsedText, noun: Token | None) -> bool:
    """A label or code ("Article 5", "Pier 4"), or a number in a name ("10 Downing Street").

    A plural counted noun always makes a count ("Day 3 workers" never occurs; "year 2,000
    workers" might).
    """
    if is_plural_noun(noun):
        return False
    if noun is not None and noun.tag_ == "NNP" and noun.text[:1].isupper():
        return True
    return _is_label_or_code(first, amount, ctx) or (noun is None and _has_date_label(amount, ctx))


def _has_date_label(amount: Amount, ctx: ParsedText) -> bool:
    """spaCy calls the number a DATE, TIME or ORDINAL (trusted only when nothing is counted)."""
    number = ctx.token_at(amount.num_start)
    if number is None or number.ent_type_ not in _NON_QUANTITY_ENTS:
        return False
    return not timed_figure(number)  # "arrested 40 Friday" is one DATE to the recogniser


# A Title Case heading (a headline, a teaser): three or more words, no lowercase word
# of four letters or more, and no full stop at its end (a sentence of short words has
# one: "The Gang of Four met in Kelmar."). Its number words are capitalised like every
# other word, so capitals say nothing there ("Storm Kills Six"); the name rule below is
# not asked.
_LONG_LOWER: Final = re.compile(r"\b[a-z][a-z'’]{3,}")
_HEADING_MIN_WORDS: Final = 3
# Words between a capitalised word and the number word of a title: "Ocean's Eleven",
# "the Gang of Four".
_NAME_LINKS: Final = frozenset({"'s", "’s", "'", "’", "of"})


def in_a_title(amount: Amount, ctx: ParsedText) -> bool:
    """Whether a number in words is part of a name or a title: capitalised inside running
    text, right after a capitalised word of its line, or a possessive or "of" after one
    ("Page Six reported", "the Big Ten", "in Formula One", "Ocean's Eleven", "The Three
    Mile Island plant", "the Gang of Four"). News writes a count inside a sentence in
    lowercase; a capital after a quote mark, a colon or a dash starts a quote or a list
    ("said: Six died"), after a lowercase word it starts a sentence a page lost the
    break before ("set the car ablaze Four men ...": an ECB+ text), and a heading
    capitalises every word, so none of those is asked; nor is a number word a lowercase
    plural noun follows (:func:`_counts_after`)."""
    if amount.form not in {"words", "fraction"}:
        return False
    token = ctx.token_at(amount.num_start)
    if token is None or token.i == 0 or token.is_sent_start or not token.text[:1].isupper():
        return False
    if _in_heading(ctx.text, token.idx):
        return False
    previous = token.nbor(-1)
    if previous.text in _NAME_LINKS and previous.i > 0:
        previous = previous.nbor(-1)
    if "\n" in ctx.text[previous.idx : token.idx] or _counts_after(token):
        return False
    return previous.is_alpha and previous.text[:1].isupper()


def _counts_after(token: Token) -> bool:
    """Whether a lowercase plural noun follows the number word ("KELMAR Six people
    died": a dateline or a headline run into the body): it counts them, and titles are
    followed by a verb, a capital or nothing ("Page Six reported", s37 review H1)."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is not None and after.text[:1].islower() and after.tag_ == "NNS"


def _in_heading(text: str, start: int) -> bool:
    """Whether the line around ``start`` is a Title Case heading (see above)."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = text[begin : end if end >= 0 else len(text)].strip()
    if line.endswith(".") or len(line.split()) < _HEADING_MIN_WORDS:
        return False
    return not _LONG_LOWER.search(line)


def _is_name_word(amount: Amount, ctx: ParsedText) -> bool:
    """A capitalised number word inside a sentence, before a name: "Formula One", "Big Four"."""
    token = ctx.token_at(amount.num_start)
    if token is None or token.is_sent_start or not token.text[:1].isupper():
        return False
    after = ctx.token_from(amount.num_end)
    return after is not None and after.text[:1].isupper()


def _is_year(first: str, amount: Amount, ctx: ParsedText, noun: Token | None) -> bool:
    """Whether figures are a year ("in 2024", "the 1998 floods"), not a count ("1500 workers")."""
    if not (len(first) == 4 and first.isdigit() and 1000 <= int(first) <= 2100):
        return False
    if amount.scale != 1.0 or not is_plural_noun(noun):
        return True
    before = ctx.text[max(0, amount.start - 12) : amount.start].split()
    if before and before[-1].lower() in _YEAR_WORDS:
        return True
    if before and _owner_or_count(before[-1]) and not _counts_people(noun):
        return True
    return _named_beside(amount, ctx)


# A possessive ("Orsk Herald's 2015 poll tables") or a count ("two 1987 robberies") right
# before a year-shaped figure: as after "his" or "their", the figure names the year of what
# is counted (stop 42 readings left; 3 of 3 year-as-count readings over the non-blind texts).
# Not before people or the units a workforce is counted in: "the company's 1500 workers",
# "Orsk's 2000 teachers" count (review s43f S4).
_OWNER_OR_COUNT: Final = re.compile(
    r"(?:\w+['’]s|\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several)",
    re.IGNORECASE,
)


def _owner_or_count(word: str) -> bool:
    """Whether ``word`` is a possessive or a count (what a year-shaped figure follows)."""
    return _OWNER_OR_COUNT.fullmatch(word.lstrip("([\"“‘'")) is not None  # "(Orsk's 2014 ..."


_PEOPLE_UNITS: Final = word_set("people persons troops staff jobs homes households families")


def _counts_people(noun: Token | None) -> bool:
    """Whether ``noun`` counts people or a workforce's units ("workers", "members", "jobs")."""
    if noun is None:
        return False
    units = noun.lemma_.lower() in _PEOPLE_UNITS or noun.lower_ in _PEOPLE_UNITS
    return units or names_person(noun)


def _named_beside(amount: Amount, ctx: ParsedText) -> bool:
    """Whether a capitalised name stands beside the figure, inside a sentence ("Tory 2019
    hopefuls", "possible 2030 Labour candidates"): a year names a cohort that way,
    a count is not written so (news style writes "1,500 Republican voters")."""
    number = ctx.token_at(amount.num_start)
    if number is None:
        return False
    near = [number.nbor(-1) if number.i > 0 else None]
    near.append(number.nbor(1) if number.i + 1 < len(ctx.doc) else None)
    return any(
        t is not None and not t.is_sent_start and t.text[:1].isupper() and t.is_alpha for t in near
    )


def is_year_pair(amount: Amount, text: str) -> bool:
    """Whether a bare pair is two years ("from 1965 to 1970"), not a tally: a vote of
    four figures is written with a comma ("1,965 to 1,970")."""
    first = text[amount.num_start : amount.num_end]
    return len(first) == 4 and first.isdigit() and 1000 <= int(first) <= 2100


# The first figure of a pair before the second ("14-" of "14-512").
_PAIR_BEFORE: Final = re.compile(rf"\d+{SP}*[-–]{SP}*$")


def labels_a_pair(amount: Amount, text: str) -> bool:
    """Whether a label stands before the pair an end belongs to: a docket or route
    number ("Harlow v. Dent, No. 14-512" is no 14-to-512 vote; s38 audit, BASIL)."""
    start = amount.num_start
    first = _PAIR_BEFORE.search(text, max(0, start - 12), start)
    if first is not None:
        start = first.start()
    return _LABEL_BEFORE.search(text, max(0, start - 12), start) is not None


def date_name_after(amount: Amount, text: str) -> int | None:
    """Where the counted words start past a date naming them ("the 12 Aug. 3
    strikers" -> "strikers"), else None."""
    if amount.noun_from is not None or amount.end != amount.num_end:
        return None
    if not _DETERMINER_BEFORE.search(text, max(0, amount.start - 8), amount.start):
        return None
    found = _DATE_NAME_AFTER.match(text, amount.end)
    return found.end() if found is not None else None


def is_date_or_clock(amount: Amount, text: str) -> bool:
    """Whether figures are part of a date or a clock time (see :func:`_is_date_or_clock`)."""
    return amount.form == "digits" and _is_date_or_clock(amount, text)


def _is_date_or_clock(amount: Amount, text: str) -> bool:
    """Whether figures are part of a date or clock time: "March 3", "6 p.m.", "1400 GMT",
    "on 14/03", "3/14/2026" (not "the 12 Aug. 3 strikers": that month has its day)."""
    lead = max(0, amount.num_start - 12)
    month_after = _MONTH_AFTER.match(text, amount.num_end) and date_name_after(amount, text) is None
    return bool(
        _is_slash_date(text, amount.num_start, amount.num_end)
        or _MONTH_BEFORE.search(text, lead, amount.num_start)
        or month_after
        or _CLOCK_AFTER.match(text, amount.num_end)
        or _ZONE_AFTER.match(text, amount.num_end)
    )


def _is_slash_date(text: str, start: int, end: int) -> bool:
    """Whether the figures are a day or month of a numeric date "14/03" or "14/03/2026"
    (two parts a day and a month can be, in either order; "1/3" of a share is read as
    a fraction before this is asked)."""
    after = _SLASH_DATE_AFTER.match(text, end)
    before = _SLASH_DATE_BEFORE.search(text, max(0, start - 3), start)
    here = text[start:end]
    if not here.isdigit() or len(here) > 2:
        return False
    other = after.group(1) if after else before.group(1) if before else None
    if other is None:
        return False
    a, b = int(here), int(other)
    return min(a, b) >= 1 and min(a, b) <= 12 and max(a, b) <= 31


def _is_label_or_code(first: str, amount: Amount, ctx: ParsedText) -> bool:
    """Whether figures label or number something: "Article 5", "Boeing 737", "1." opening
    a line, "020 7946 0958", "007"."""
    text, start, end = ctx.text, amount.num_start, amount.num_end
    if _LABEL_BEFORE.search(text, max(0, start - 12), start):
        return True
    if text[end : end + 1] in {".", ")"} and _LINE_START.search(text, max(0, start - 8), start):
        return True
    if _DIGIT_BEFORE.search(text, max(0, start - 2), start) or _DIGIT_AFTER.match(text, end):
        return True
    if first.startswith("0") and first[1:2].isdigit():
        return True
    if _is_numbering(text, start, end):
        return True
    before = ctx.token_from(start)
    previous = ctx.doc[before.i - 1] if before is not None and before.i > 0 else None
    return previous is not None and _names_the_figures(previous)


def _names_the_figures(previous: Token) -> bool:
    """Whether the word before bare figures makes them part of a name: a proper noun
    ("Boeing 737"), a product's camel-case name ("the iTessel 3", "eZephyr 2": s39
    audit), or a capitalised word "the" opens ("the Lower 48", "the Sweet 16")."""
    if _CAMEL.match(previous.text) or _names_with_the(previous):
        return True
    return previous.pos_ == "PROPN" and previous.text[:1].isupper()


# A numbering "N of M" opening a line or after a label ("1 of 50" over a slideshow's
# picture, "Photo 2 of 3"): neither figure is a count (stop 39 finding; five such
# captions in the Multi-News texts). At a line's start a lowercase word after it may be
# what it counts ("1 of 5 people died"), also after capitalised words ("2 of 12 Orsk
# miners were rescued"), so none may follow there: a caption's capitalised words end at
# the line's end or a mark ("1 of 50 Next Photo", "1 of 9 Full Screen Close × ...").
_LABEL_START: Final = rf"(?<![\w\-])(?:{_LABELS})\.?{SP}+"
_LINE_START_OF: Final = rf"(?:^|\n){SP}*"
_NUMBERING_LEAD: Final = re.compile(
    rf"(?:(?P<line>{_LINE_START_OF})|{_LABEL_START})(?:\d{{1,4}}{SP}+of{SP}+)?$", re.IGNORECASE
)
_OF_FIGURES: Final = re.compile(rf"{SP}+of{SP}+\d{{1,4}}(?![\d.,])")
_COUNTED_AFTER: Final = re.compile(rf"(?:{SP}+[A-Z][\w'’.-]*)*{SP}+[a-z]")


def _is_numbering(text: str, start: int, end: int) -> bool:
    """Whether the figures are N or M of a numbering "N of M" (see above)."""
    lead = _NUMBERING_LEAD.search(text, max(0, start - 32), start)
    if lead is None:
        return False
    second = lead.group().rstrip().lower().endswith("of")  # the M of "N of M"
    rest = end if second else _OF_FIGURES.match(text, end)
    if rest is None:
        return False
    after = rest if isinstance(rest, int) else rest.end()
    return lead["line"] is None or _COUNTED_AFTER.match(text, after) is None


def _names_with_the(previous: Token) -> bool:
    """Whether the capitalised word before the figures is part of a name that "the"
    opens inside a sentence ("across the Lower 48", "reached the Sweet 16"): news
    writes a count there in lowercase ("the lower 48 states" counts, as its noun says)."""
    if previous.i == 0 or previous.is_sent_start or not previous.is_alpha:
        return False
    if not previous.text[:1].isupper() or previous.text.isupper():
        return False
    return previous.nbor(-1).lower_ == "the"


def is_fraction(amount: Amount, ctx: ParsedText) -> bool:
    """Whether a fraction word is a share ("a third of", "two-thirds"), not an ordinal
    ("a third term", "the second half")."""
    words = ctx.text[amount.num_start : amount.num_end].lower()
    before = ctx.text[max(0, amount.num_start - 10) : amount.num_start].split()
    den = ctx.token_at(amount.num_end - 1)
    nxt = ctx.token_from(amount.num_end)
    if words.endswith("half") and before and before[-1].lower() in _NOT_HALF_AFTER:
        return False
    if _OF_A_MEASURE.match(ctx.text, amount.num_end):
        return False  # "a quarter of a century" is 25 years, no share
    if "-" in words or is_plural_noun(den):
        return True
    if nxt is None or nxt.is_punct or nxt.lower_ in _FRACTION_NEXT:
        return True
    return nxt.pos_ in {"VERB", "AUX", "ADV", "ADP"} and nxt.lower_ not in {"a", "an"}


def is_lone_one(amount: Amount, text: str) -> bool:
    """Whether the word "one" stands with a measure ("one day", "not one metre"): idiom
    more often than amount. "a one-day strike", "one per cent", "one euro" are kept, and
    so is the article the text reader reads only in a deadline ("within a year"). A
    zero joined to its measure names a kind ("a zero-day flaw", "a zero-hour contract"; "a
    zero-percent loan" keeps its rate)."""
    words = text[amount.num_start : amount.num_end].lower()
    named = words == "zero" and amount.joined
    article = words in {"a", "an"}
    # the number as written, not its value in the common unit ("five feet" is 0.0015 km)
    written = amount.base * amount.scale
    # a fraction of one unit ("half an hour": fraction_units.py) is a measure, no idiom
    whole = written <= 0 or written == 1
    lone = amount.form == "words" and whole and not amount.joined and not article
    return (lone or named) and amount.kind not in {"percent", "money"}


# Durations that reach past any calendar date (in years): "some 48 million years ago",
# "9,000 years earlier" measure an age of the earth, which no date resolves (date
# extraction reads "N years ago" up to three digits); a thousand years is the floor, so
# "a century ago" stays a date's.
_UNDATED_YEARS: Final = 1000.0
# A comparison of two times, not a date: "23 million years later than once believed".
_COMPARED_AFTER: Final = re.compile(rf"{SP}+(?:later|earlier|sooner){SP}+than\b", re.I)


def is_relative_time(amount: Amount, text: str) -> bool:
    """A duration that dates something: "two weeks ago", "the past three days"."""
    if amount.joined or _OF_AFTER.match(text, amount.end):
        return False  # "his last eight years of ledgers" measures the ledgers
    if amount.unit == "years" and amount.value >= _UNDATED_YEARS:
        return False
    if _COMPARED_AFTER.match(text, amount.end):
        return False
    if _RELATIVE_BEFORE.search(text, max(0, amount.start - 12), amount.start):
        return True
    return bool(_RELATIVE_AFTER.match(text, amount.end)) and not _EVENT_AFTER.match(
        text, amount.end
    )
