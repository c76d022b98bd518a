"""Quantities: the numbers an article gives, normalised so outlets can be compared.

:func:`extract_quantities` finds percentages, fractions in words, money, areas,
distances, speeds, weights, durations and plain counts in a parsed article, with value,
unit, bound and what is counted; :func:`to_percent` puts shares on one scale. Reading
the text is :mod:`newsprism.analyze.numbers`; this module consults the parse
(what a quantity is about: :mod:`newsprism.analyze.measured`).

Decisions (each has a test in ``tests/test_quantities.py``):

* **Units** (the table is :data:`newsprism.analyze.numbers.UNITS`). Areas are km²,
  lengths km, speeds km/h, weights kg, money the ISO 4217 code of its currency ("$" is
  USD; "kroner" DKK unless the article names Norway; "pounds" GBP unless the sentence
  speaks of weight; a glued "m" is million next to money or before a plural noun,
  metres elsewhere), shares "percent" (fractions in words too: "a third" is 33.33),
  share differences "percentage points". Durations keep their calendar unit ("days",
  "months", "years"; decades become years, fortnights weeks), because months and
  years have no fixed length in days and outlets rarely switch units.
* **Counts** have ``unit`` None, and the counted noun's lemma is ``about``: "three
  container ships" and "3 vessels" are both ``3.0, None``, about "ship" / "vessel"; a
  count's text runs to its counted noun. A hyphenated count counts its hyphenated noun:
  "a 12-point plan" is 12, about "point" (so it meets "twelve points"); a hyphenated
  measure measures the noun it modifies: "a three-day visit" is 3 days, about "visit";
  "a 12-year-old boy" is 12 years, about "boy".
* **Bounds.** "about, around, roughly, approximately, some, an estimated, ... or so" are
  ``about``; "more than, over, at least, upwards of, just/well over, ... or more" are
  ``over``; "nearly, almost, just under, up to, less than, fewer than, close to, as many
  as, as much as, ..." are ``under`` ("nearly 30" says the true figure is below 30; "as
  few as" is ``over``). Dozens are loose: "two dozen" is 24, ``about``. Vague amounts
  are the least they can mean: "hundreds of" and "several hundred" are 200, ``over``;
  "scores of" is 40, but only with nothing before it ("test scores of 90" is a noun). A
  range "20-30%" is two quantities, 20 ``over`` and 30 ``under`` ("from 20% to 30%" is a
  change: no bound). A bare range with no counted noun ("Grades 6 to 8 were sent
  home", "20 to 30 were hurt") is no count: labels come in ranges too.
  "over two years" before a duration means "spread over", not a bound. A deadline with
  the article is one unit at most: "within a year" is 1 year, ``under``.
* **Tallies and ages.** A bare pair ("88-3", "141 to 58", "a 141-to-58 vote") with a
  voting word in its sentence or the one before is a tally: two exact counts about
  "vote"; so is a court's split ("the court ruled 5-4", "a 6-3 ruling", "the justices
  ... 5 to 4"). One side of a vote written out ("and 84 against", "52 in favour") with a
  voting word near is a count about "vote" too. Ages (:mod:`newsprism.analyze.ages`): a
  number set off by commas after a name ("Halvorsen, 44, is") is that person's age in years,
  about the name; so is one in a relative clause after a name ("Holland, who is 58,"),
  after ", age", "at the age of", "at age", a bare "at" in a life event ("found dead at
  41"), or as a person's predicate ("Holt was 52 when"); after "aged" ("aged 15 and 11")
  it is about no one, as are spans ("ages 18-25") and bounds after a word of people
  ("one woman under 40": :mod:`newsprism.analyze.age_bounds`). "five times faster" is
  a multiple, about "time (multiple)", no count of occasions ("fired three times").
  A 24-hour clock figure ("at 1400 hrs") is no duration. "one-in-three" is a share
  like "one in three".
* **About.** For counts, the counted noun (a part of a total the sentence gives is
  another measure, where a year is no total, "3 of 2019 matches": "two of the nine
  barges" is about "barge (part)", and so are "60 of
  300 settlers survived" ("settler (part): survive", keyed by its verb: the survivors and
  the dead are two parts), "two of the thousands of molecules bound", "there were only
  60" after "About 300 people", its noun left out, and a bare "at least four of them." after
  "27 people", the one count of things in its sentence; "18 of them were hurt" is about
  the verb, as "18 hurt" is, "four of them with serious injuries" and "five of the
  injuries are serious" about "serious injury", never the bare harm that meets the
  injured total; "12 of them children" is left to what the parse says); for sums,
  what the preposition after them names ("$8 million to charity" -> "charity", "$2.8
  million from his stake" -> "stake"; not after "cut" and the like, nor for "a payment of
  $X from"); "the number of strikers at 212" counts strikers; for measures and shares, the
  "of" complement ("30% of capacity" -> "capacity"), else the noun the quantity modifies
  ("a 4% pay rise" -> "rise"), else the noun a preposition ties it to ("a fund of EUR
  2.3 billion" -> "fund"), else the subject of a measuring verb ("turnout was 40%" ->
  "turnout"), else the governing verb ("the union demands 9%" -> "demand").
* **Ordinals** that count ("a ninth term", "her 14th album") are
  :mod:`newsprism.analyze.ordinals`' (about "term (ordinal)"); other ordinals are none.
* **Not quantities.** Years, dates, clock times, ordinals, list numbers, phone numbers
  and codes (emergency numbers: "called 911"; an address's "400 block of"), a rate's
  denominator ("per 100,000"), number words in names and titles ("Page Six", "the Big
  Ten": :func:`newsprism.analyze.non_quantities.in_a_title`), labels ("Article 5",
  "Pier 4", "Boeing 737"), scores ("won 3-1"),
  relative dates ("two weeks ago", "the past three days": date extraction's; but "two
  weeks before the elections" is an interval between events, which no date resolves, and
  is kept, as are spans of a thousand years or more ("some 48 million years ago") and
  comparisons ("23 million years later than thought"), and so is the age of a thing
  begun: "began auditing the port three years ago"
  is a three-year audit, as "a three-year audit" says), the word
  "one" alone ("one of them", "one day"), numbers glued to letters ("1990s",
  "G7"), numbers fused by a hyphen into an agent noun naming a kind ("two 18-wheelers"
  are two trucks: about "truck"; "a two-seater", "a 3-pointer"; a closed list, since
  "a 15-member panel" counts members), and bare figures after "a" before no plural
  ("flew a 767": a model). spaCy's DATE/TIME/ORDINAL labels exclude only numbers with
  nothing counted, since the small model labels "three dry summers" DATE. A date
  between a count and its noun names what is counted: "the 12 Aug. 3 strikers" is 12
  strikers.

The "Not quantities" tests are :mod:`newsprism.analyze.non_quantities`.

Cost: one regex pass over ``doc.text`` plus O(log n) token lookups per number found;
no second parse. The parse itself (tagger, parser, NER) is the caller's.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.age_bounds import is_age_bound
from newsprism.analyze.age_spans import in_ages_of
from newsprism.analyze.ages import age_of
from newsprism.analyze.concentrations import concentration
from newsprism.analyze.heights import Height, find_heights, height_ends_before
from newsprism.analyze.idioms import in_an_idiom
from newsprism.analyze.increments import as_increment
from newsprism.analyze.magnitudes import as_magnitude
from newsprism.analyze.measured import (
    NOUNS,
    hyphened_word,
    last_noun_of_run,
    lemma_of,
    measure_of,
    of_complement,
    stand_in_for,
)
from newsprism.analyze.multiples import multiple_of
from newsprism.analyze.non_quantities import (
    SP,
    ParsedText,
    date_name_after,
    in_a_title,
    is_fraction,
    is_lone_one,
    is_plural_noun,
    is_relative_time,
    is_year_pair,
    labels_a_pair,
    not_a_count,
    word_set,
)
from newsprism.analyze.numbers import Amount, parse_digits, parse_vague, read_amounts
from newsprism.analyze.ordinals import extract_ordinals
from newsprism.analyze.pound_weights import weighed_pounds
from newsprism.analyze.price_bases import names_a_price_base
from newsprism.analyze.timed_counts import deed_of_timed, untimed
from newsprism.analyze.unit_modifiers import ThroughModifiers, unit_through_modifiers
from newsprism.analyze.written_forms import is_clock_figure
from newsprism.model import Quantity

__all__ = ["extract_quantities", "to_percent"]

logger = logging.getLogger(__name__)

_POUND_KG = 0.45359237  # the international avoirdupois pound


def extract_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in a parsed article, sorted by start offset.

    Guarantees: offsets are character offsets into ``doc.text`` with
    ``doc.text[q.start:q.end] == q.text``; quantities do not overlap; never raises on
    any parsed text. Cost: one regex pass plus O(log n) work per number found.
    """
    ctx = ParsedText(doc)
    found: list[Quantity] = []
    heights = find_heights(ctx.text)
    for amount in read_amounts(ctx.text):
        quantity = _height_at(amount, heights, ctx)
        if quantity is None:
            # "Page Six"; "the 800-pound gorilla"
            named = in_a_title(amount, ctx) or in_an_idiom(ctx.text, amount.start, amount.end)
            named = named or names_a_price_base(amount, ctx.text)  # "in 2006 dollars"
            quantity = None if named else _finish(amount, ctx)
        if quantity is not None and (not found or quantity.start >= found[-1].end):
            found.append(as_increment(as_magnitude(quantity, doc), doc))
    found = _with_ordinals(found, extract_ordinals(ctx))
    logger.debug("%d quantities in %d characters", len(found), len(ctx.text))
    return found


def _height_at(amount: Amount, heights: list[Height], ctx: ParsedText) -> Quantity | None:
    """The height ``amount`` opens ("5-foot-8"; its "8" overlaps it, dropped), else None."""
    for h in heights:
        if h.start == amount.start:
            text = ctx.text[h.start : h.end]
            return Quantity(
                value=h.km, unit="km", text=text, start=h.start, end=h.end, approx=None,
                about="height")  # fmt: skip
    return None


def _with_ordinals(found: list[Quantity], ranks: list[Quantity]) -> list[Quantity]:
    """``found`` and the counting ordinals overlapping none of it, in text order."""
    if not ranks:
        return found
    kept = [r for r in ranks if not any(q.start < r.end and r.start < q.end for q in found)]
    return sorted(found + kept, key=lambda q: q.start)


def to_percent(q: Quantity) -> float | None:
    """A share on the percent scale ("a third" and "33%" both near 33.3), else None.

    Fractions in words are already stored as percent, so this is the value of any
    quantity with unit "percent"; percentage points (a difference) and other units
    give None.
    """
    return q.value if q.unit == "percent" else None


# --- the parse: what is counted (what is not a quantity: non_quantities) ----------------

# Measures followed by a dimension: "40 m wide" measures a width.
_DIMENSIONS: Final = {
    "wide": "width", "across": "width", "long": "length", "high": "height", "tall": "height",
    "deep": "depth", "thick": "thickness",
}  # fmt: skip
_DIMENSION_AFTER: Final = re.compile(rf"{SP}+({'|'.join(_DIMENSIONS)})\b", re.IGNORECASE)
# Words that make a bare pair of numbers a vote tally ("a 61-2 vote", "a ballot of members").
_VOTE_WORDS: Final = word_set(
    "vote ballot tally election elect override caucus referendum veto senate senator "
    "legislature lawmaker delegate justice"
)  # a court's split is a vote of its justices ("the justices ruled 5-4")
# Words that make the pair before them a tally, though nowhere else ("a 5-4 decision",
# "a 6-3 ruling"; a coach's "decision" elsewhere in the sentence does not).
_VOTE_NEXT_WORDS: Final = _VOTE_WORDS | word_set("decision ruling")
# Prepositions after a sum that name what it is for ("$8 million to charity") or where
# it came from ("$2.8 million from his stake": two sums of one sentence, "$3 million in
# salary and a further $2.8 million from his stake", are two measures).
_SUM_PREPOSITIONS: Final = word_set("in on for to from")
# Nouns after such a preposition that date a sum rather than say what it is ("down $5
# million from last year", "$2 million in the first quarter").
_TIME_NOUNS: Final = word_set(
    "year month week day quarter period half decade season term morning night"
)
# People a hyphenated "N-pound" describes: the figure is their weight ("a 165-pound
# male", "a 300-pound lineman"; a "10-pound note" stays money). s37 audit, ECB+.
_PERSON_AFTER: Final = re.compile(
    rf"{SP}+(?:[a-z]+{SP}+)?(?:man|men|male|males|woman|women|female|females|suspect|person|"
    r"boy|girl|teen|teenager|child|baby|player|lineman|linemen|defender|guard|tackle|forward|"
    r"center|centre|linebacker|quarterback|boxer|fighter|wrestler|athlete)\b",
    re.IGNORECASE,
)
# How a modifier hangs on the noun it describes ("260-pound" on "Kellan").
_MODIFIER_DEPS: Final = word_set("compound nmod amod")
# How the parser hangs a weight listed after a height ("6-foot-3, 215-pound") on it, and
# the units of that height: a player's or suspect's description.
_LISTED_DEPS: Final = word_set("appos conj")
_HEIGHT_UNITS: Final = word_set("foot feet inch inches")
_WEIGHT_CUES: Final = word_set(
    "weigh weight heavy heavier light lighter kilogram kg tonne ton lb ounce gram"
)


def _finish(amount: Amount, ctx: ParsedText) -> Quantity | None:
    """The Quantity ``amount`` is in its parsed context, or None when it is not one."""
    if amount.kind == "count":
        return _count_or_measure(amount, ctx)
    if amount.form == "fraction" and not is_fraction(amount, ctx):
        return None
    if is_lone_one(amount, ctx.text) or _is_clock(amount, ctx.text):
        return None
    if amount.kind == "time" and is_relative_time(amount, ctx.text):
        begun = _begun_ago(amount, ctx)
        return None if begun is None else _quantity(amount, amount.end, begun, ctx.text)
    if amount.unit == "GBP" and (_is_weight(amount, ctx) or weighed_pounds(amount, ctx.doc)):
        amount = replace(amount, value=amount.value * _POUND_KG, kind="mass", unit="kg")
    span = ctx.span(amount.start, amount.end)
    target = _counted_noun(amount, ctx) if amount.form == "ratio" else None  # "one in five workers"
    if target is None and amount.kind == "money":
        target = _spent_on(amount, ctx)
    if target is None and span is not None:
        target = measure_of(span)
    if target is not None and _is_age(amount, ctx.text):
        target = _age_of(target)
    found = _quantity(amount, amount.end, target, ctx.text)
    dimension = _DIMENSION_AFTER.match(ctx.text, amount.end)
    noun = target is not None and target.pos_ in NOUNS
    if amount.kind == "length" and dimension is not None and not noun:
        # "a wall of mud 40 m wide" / "60 metres wide": both measure a width (a subject
        # wins: "the road is 12 miles long" measures the road)
        return replace(found, about=_DIMENSIONS[dimension.group(1).lower()])
    return found


def _is_clock(amount: Amount, text: str) -> bool:
    """Whether "1400 hrs" is a time of the 24-hour clock ("at 1400 hrs GMT"), no duration."""
    if amount.unit != "hours":
        return False
    return is_clock_figure(text, amount.start, amount.num_start, amount.num_end, amount.end)


def _finish_count(amount: Amount, ctx: ParsedText) -> Quantity | None:
    """A plain count: the counted noun is what it is about, and ends its text."""
    noun = _counted_noun(amount, ctx)
    if (votes := _votes(amount, ctx, noun)) is not None:
        return votes
    if (age := _age(amount, ctx)) is not None:
        return age
    if not_a_count(amount, ctx, noun):
        return None
    if amount.glued_m and not is_plural_noun(noun):
        amount = replace(amount, value=amount.value / 1e6 * 1e-3, kind="length", unit="km")
        return _finish(amount, ctx)  # "a 40m tower": metres
    if noun is not None:
        end = noun.idx + len(noun) if amount.noun_from is None else amount.end
        return _quantity(amount, end, stand_in_for(noun), ctx.text, multiple_of(noun, ctx.text))
    return _uncounted(amount, ctx)


def _count_or_measure(amount: Amount, ctx: ParsedText) -> Quantity | None:
    """A figure read with no unit: a measure where the text after it names one the text
    reader does not ("5 ng/ml", "3 more years", "120 rushing yards"), else a count."""
    if (rate := concentration(amount, ctx)) is not None:
        return rate
    through = unit_through_modifiers(amount, ctx.token_from(amount.end))
    return _finish_count(amount, ctx) if through is None else _through_modifiers(through, ctx)


def _through_modifiers(through: ThroughModifiers, ctx: ParsedText) -> Quantity | None:
    """The measure read through its modifiers, about the gerund that names it, if any (as
    written: taggers make "rushing" a noun or a verb, and its lemma follows the tag)."""
    found = _finish(through.amount, ctx)
    if found is None or through.named_by is None:
        return found
    return replace(found, about=through.about)


def _age(amount: Amount, ctx: ParsedText) -> Quantity | None:
    """A bare number as an age in years: a person's (:mod:`newsprism.analyze.ages`), an
    end of a span of ages ("between the ages of 12 and 13", "ages 18-25") or a bound on
    a group's age ("people under 30": :mod:`newsprism.analyze.age_bounds`), both of no
    one; else None."""
    if (aged := age_of(amount, ctx)) is not None:
        years = replace(amount, unit="years", kind="time", approx=aged.approx or amount.approx)
        return _quantity(years, amount.end, aged.person, ctx.text, aged.name)
    if in_ages_of(amount, ctx.text) or is_age_bound(amount, ctx):
        return _quantity(replace(amount, unit="years", kind="time"), amount.end, None, ctx.text)
    return None


# The fewest wheels a vehicle named by them has that makes it a truck ("18-wheeler",
# "10-wheeler"; a "four-wheeler" is a quad bike, a "three-wheeler" a rickshaw).
_TRUCK_WHEELS: Final = 10


def _truck_name(noun: Token | None) -> str | None:
    """ "truck" for a counted "N-wheeler" of ten wheels or more ("two 18-wheelers" are two
    trucks, the measure another outlet's "two tractor-trailer trucks" gives); else None."""
    if noun is None:
        return None
    doc = noun.doc
    if noun.lower_ not in {"wheeler", "wheelers"} or noun.i < 2 or doc[noun.i - 1].text != "-":
        return None
    wheels = doc[noun.i - 2].text
    return "truck" if wheels.isdigit() and int(wheels) >= _TRUCK_WHEELS else None


def _votes(amount: Amount, ctx: ParsedText, noun: Token | None) -> Quantity | None:
    """A vote count about "vote": one end of a tally ("88-3", "141 to 58") or one side
    written out ("84 against"); else None."""
    numbered = is_year_pair(amount, ctx.text) or labels_a_pair(amount, ctx.text)
    tally = amount.needs_noun and not numbered
    if tally and _is_tally(amount, ctx, noun):
        return _quantity(replace(amount, approx=None), amount.num_end, None, ctx.text, "vote")
    if noun is None and _tally_side(amount, ctx):
        return _quantity(amount, amount.end, None, ctx.text, "vote")
    return None


def _uncounted(amount: Amount, ctx: ParsedText) -> Quantity:
    """A count without a counted noun after it: about what the parse says it measures,
    or a part of a whole the text counts (:func:`_whole_of`). A bare range before a verb
    ("Grades 6 to 8 were sent home") and a bare figure after a vague plural ("Several
    were hurt. The toll rose to 3.") are not read as counts: both rules made labels,
    scores and plate digits counts (review s34 F5, F10) and moved no gold."""
    span = ctx.span(amount.start, amount.end)
    whole = _whole_of(span, amount.value) if span is not None else None
    if whole is not None:
        return _quantity(amount, amount.end, None, ctx.text, whole or None)
    measured = deed_of_timed(span) or (measure_of(span) if span is not None else None)
    part = _part_of(span, measured) if span is not None else None
    return _quantity(amount, amount.end, measured, ctx.text, part)


def _part_of(span: Span, measured: Token | None) -> str | None:
    """What a count is a part of, where its "of" complement gives its own total: "two
    of the nine barges" is about "barge (part)", another measure than the "nine
    barges" (a count and its total never differ), "two of the nine barges sank" about
    "barge (part): sink" (what befell the part, as for "60 of 300 settlers survived");
    "1,200 of its members" stays about "member", the only count of them it gives."""
    of = of_complement(span)
    if of is None or measured is None or of.i != measured.i or (lemma := lemma_of(of)) is None:
        return None
    if not any(c.dep_ == "nummod" and c.tag_ == "CD" and not _year_shaped(c) for c in of.children):
        return None
    # "60 of the 300 settlers survived" / "240 of the 300 settlers died": two parts, keyed
    # by their verb as :func:`_part_by_verb` keys "60 of 300 settlers survived"
    return _part_by_verb(span.root, of) or f"{lemma} (part)"


def _whole_of(span: Span, value: float) -> str | None:
    """What a partitive count is about, where the count has no noun of its own and its
    whole is counted: "60 of 300 settlers survived" (the "of" a quantmod of the whole's
    numeral) and "two of the thousands of molecules bound" are a part of the whole's noun
    that their verb tells of ("settler (part): survive"; survivors and the dead of one
    whole are two parts that never differ); a bare "six of them" at its clause's end
    after "40 people", and "there were only 60" after "About 300 people" (its noun left
    out; :func:`_elided_whole`), a part of that noun ("people (part)"). Else None."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        of, after = doc[span.end], doc[span.end + 1]
        if after.tag_ == "CD" and after.dep_ == "nummod" and after.head.pos_ in NOUNS:
            whole = _numeral(after)
            larger = whole is not None and whole > value and after.head.i > after.i
            larger = larger and not _year_shaped(after)  # "3 of 2019 matches": a year's
            return _part_by_verb(span.root, after.head) if larger else None
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None and parse_vague(pobj.text) is not None:
            of_ = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            noun = next((c for c in of_.children if c.dep_ == "pobj"), None) if of_ else None
            return _part_by_verb(span.root, noun) if noun is not None else None
        if pobj is not None and (told := _harm_told(span.root, pobj)) is not None:
            return told  # "five of the injuries are serious": as "with serious injuries"
        if pobj is None or pobj.lower_ not in _WHOLE_PRONOUNS or span.root.dep_ in _ACTED:
            return None
        return _part_of_them(span, value, of, pobj)
    return _part(_elided_whole(span, value))


# A part whose own words say which it is but not as a measure: counts nothing.
_UNKEYED: Final = ""
# "at least four of them": a part of a count the sentence gave.
_WHOLE_PRONOUNS: Final = word_set("them these those")
# A count that is a verb's subject or object is about that verb ("18 of them were hurt",
# as "18 hurt" says; what befell a part is the measure outlets give): not a whole's part.
_ACTED: Final = frozenset({"nsubj", "nsubjpass", "dobj"})
# Verbs that say nothing of which part a count is ("60 of 300 settlers were children",
# "... remained"): such a part is left unread, not keyed by the verb.
_LINKING: Final = word_set("be become remain seem stay")
# Tokens that end a bare "N of them": nothing of the part's own follows.
_CLAUSE_ENDS: Final = frozenset({".", ",", ";", ":", "!", "?", ")"})


def _part_of_them(span: Span, value: float, of: Token, pobj: Token) -> str | None:
    """A verbless "N of them": the harm its "with" names, a part of the sentence's one
    larger count where it ends its clause, else None (what the parse says it measures),
    or unkeyed where that would be the whole's own noun."""
    if (harm := _with_harm(span.root, pobj)) is not None:
        return harm  # "four of them with serious injuries"
    whole = _larger_count_before(span, value, span.root.sent.start)
    if _bare(span, of, pobj):
        return _part(whole)
    measured = lemma_of(measure_of(span))
    # "four of them with injuries", the "with" the verb's: not the whole's count
    return _UNKEYED if measured is not None and measured == lemma_of(whole) else None


def _year_shaped(numeral: Token) -> bool:
    """Four figures without a comma that read as a recent year ("2019"): a count that
    large is written "2,019" in news, so such a numeral names a year's set, no whole."""
    text = numeral.text
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _part(whole: Token | None) -> str | None:
    lemma = lemma_of(whole)
    return f"{lemma} (part)" if lemma is not None else None


def _part_by_verb(root: Token, whole: Token) -> str | None:
    """A partitive count of a counted whole, keyed by its noun and the verb it is the
    subject or object of ("60 of 300 settlers survived": "settler (part): survive");
    None where no verb but a linking one tells which part it is."""
    # "60 of 300 settlers survived" parses the part as a quantmod of the whole's numeral:
    # the whole's noun then holds the part's place in the clause
    actor = whole if root.dep_ == "quantmod" else root
    verb, lemma = actor.head, lemma_of(whole)
    if whole.pos_ not in NOUNS or lemma is None or actor.dep_ not in _ACTED:
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _LINKING:
        return None
    return f"{lemma} (part): {verb.lemma_.lower()}"


def _bare(span: Span, of: Token, pobj: Token) -> bool:
    """Whether a verbless "N of them" says nothing of its own of the part: it ends its
    clause ("..., six of them." / "six of them, police said"), with no noun, "with" or
    other phrase after "them" ("12 of them children", "four of them in critical
    condition" are other parts of one whole than each other)."""
    doc, root = span.doc, span.root
    if root.dep_ in _ACTED or any(True for _ in pobj.children):
        return False
    if any(c.i not in range(span.start, span.end) and c.i != of.i for c in root.children):
        return False
    return pobj.i + 1 >= len(doc) or doc[pobj.i + 1].text in _CLAUSE_ENDS


# After a count whose noun is left out: the clause ends or says what is left.
_ELIDED_END: Final = word_set("left remaining remain still")
# Harms a verbless "N of them with <harm>" counts: what befell a part ("four of them with
# serious injuries"); any other "with" noun ("with passengers aboard", "with prior
# convictions") is no measure of the count.
_HARMS: Final = word_set("injury wound burn fracture trauma concussion")


def _with_harm(root: Token, them: Token) -> str | None:
    """The harm of a verbless count's "with", with its adjective ("four of them with
    serious injuries": "serious injury", the seriously injured, a part of the injured
    that never meets their total, as the bare "injury" would); else None."""
    # right after "them"; the parse may hang it on the clause's verb
    doc = root.doc
    with_ = doc[them.i + 1] if them.i + 1 < len(doc) else None
    if with_ is None or not _is_with(with_) or with_.head not in {root, root.head}:
        return None
    noun = next((c for c in with_.children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or (lemma := lemma_of(noun)) not in _HARMS:
        return None
    how = next((c.lower_ for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ"), None)
    return f"{how} {lemma}" if how is not None else f"{lemma} (part)"


def _harm_told(root: Token, harm: Token) -> str | None:
    """A count of harms its verb calls by an adjective ("five of the injuries are
    (classified as) serious"): "serious injury", the measure "four of them with serious
    injuries" gives; None otherwise (the bare harm stays the analyser's reading)."""
    verb = root.head
    if root.dep_ not in {"nsubj", "nsubjpass"} or lemma_of(harm) not in _HARMS:
        return None
    told = [c for c in verb.children if c.dep_ in {"acomp", "oprd"}]
    told += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    how = next((t.lower_ for t in told if t.pos_ == "ADJ"), None)
    return f"{how} {lemma_of(harm)}" if how is not None else None


def _is_with(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ == "with"


def _elided_whole(span: Span, value: float) -> Token | None:
    """The whole of an existential count with its noun left out ("About 300 people lived
    in the fort in May. By autumn, there were only 60."): the noun of the count before it
    in its sentence or the one before, where that count is larger (a part is smaller
    than its whole; a count with no larger one before it is left unread)."""
    root, doc = span.root, span.doc
    verb = root.head
    existential = root.dep_ in {"attr", "advmod"} and any(c.dep_ == "expl" for c in verb.children)
    nxt = doc[span.end] if span.end < len(doc) else None
    if not existential or (nxt is not None and not nxt.is_punct and nxt.lower_ not in _ELIDED_END):
        return None
    sentence = root.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    return _larger_count_before(span, value, start)


# Counted nouns that are no whole of a later part: durations ("over 48 hours").
_DURATIONS: Final = _TIME_NOUNS | word_set("hour minute second century")


def _larger_count_before(span: Span, value: float, start: int) -> Token | None:
    """The noun of the one count of things between token ``start`` and the span, where
    that count is larger than ``value`` (a part is smaller than its whole), else None.
    Durations ("48 hours"), compound modifiers ("a 300-page report") and names ("November
    1609") count nothing a part can be of; two counts ("200 homes in 40 villages, 25 of
    them") leave the whole unknown."""
    doc = span.doc
    found = [
        t
        for t in doc[start : span.start]
        if t.tag_ == "CD" and t.dep_ == "nummod" and t.head.pos_ in NOUNS
    ]
    wholes = [t for t in found if _counts_things(t)]
    if len(wholes) != 1:
        return None
    whole = _numeral(wholes[0])
    return wholes[0].head if whole is not None and whole > value else None


def _counts_things(token: Token) -> bool:
    """Whether a numeral counts things: its head a common noun after it, not a duration,
    and not a compound modifier ("300-page")."""
    head, doc = token.head, token.doc
    hyphened = token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    duration = head.lemma_.lower() in _DURATIONS
    return head.pos_ == "NOUN" and head.i > token.i and not hyphened and not duration


def _numeral(token: Token) -> float | None:
    """The value of a numeral token in digits ("300", "1,200"), else None."""
    try:
        return parse_digits(token.text)
    except ValueError:
        return None


def _quantity(
    amount: Amount, end: int, about: Token | None, text: str, what: str | None = None
) -> Quantity:
    return Quantity(
        value=amount.value,
        unit=amount.unit,
        text=text[amount.start : end],
        start=amount.start,
        end=end,
        approx=amount.approx,
        about=what or _truck_name(about) or lemma_of(about),
    )


def _spent_on(amount: Amount, ctx: ParsedText) -> Token | None:
    """What a sum goes to, named by the preposition right after it: "$71,204,118 in
    county taxes" -> taxes, "$8 million to charity" -> charity, "$214.60 on school
    books" -> books (a verb says less: "paid", "gave", "made")."""
    prep = ctx.token_from(amount.end)
    if prep is None or prep.idx != amount.end + 1 or prep.lower_ not in _SUM_PREPOSITIONS:
        return None
    if prep.lower_ == "from" and (_of_noun(amount, ctx) or _reduced(prep)):
        return None  # "a payment of $240,000 from the company": the payment, not its payer
    found = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if found is None or found.pos_ != "NOUN" or found.lemma_.lower() in _TIME_NOUNS:
        return None
    return found


# A side of a vote written out: "190 voted for him and 84 against", "52 in favour".
_SIDE_AFTER: Final = re.compile(rf"{SP}+(?:against|in{SP}+fav(?:ou)?r|opposed)\b", re.IGNORECASE)


def _tally_side(amount: Amount, ctx: ParsedText) -> bool:
    """Whether a bare count is one side of a vote: "against", "in favour" or "opposed"
    right after it, a voting word in its sentence or the one before ("councillors had
    voted for Holt, and 84 against"): the votes cast, as "84 votes" says."""
    if amount.form not in {"digits", "words"} or amount.unit is not None:
        return False
    if not _SIDE_AFTER.match(ctx.text, amount.end):
        return False
    token = ctx.token_at(amount.num_start)
    return token is not None and bool(_lemmas_near(token) & _VOTE_WORDS)


def _lemmas_near(token: Token) -> set[str]:
    """The lemmas of the token's sentence and the one before it."""
    sentence = token.sent
    start = token.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    return {t.lemma_.lower() for t in token.doc[start : sentence.end]}


# Verbs whose "from" says what a sum is taken out of, not where it came from: "cut $2.6
# trillion from farm aid" is a cut (as "$2.6 trillion in cuts" says).
_REDUCING_VERBS: Final = word_set("cut slash trim reduce remove save withdraw take strip shave")


def _reduced(prep: Token) -> bool:
    """Whether the "from" after a sum hangs on a verb that takes it away."""
    verb = prep.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() in _REDUCING_VERBS


def _of_noun(amount: Amount, ctx: ParsedText) -> bool:
    """Whether the amount is a noun's "of" complement ("a payment of $240,000")."""
    before = ctx.token_from(amount.start)
    of = ctx.doc[before.i - 1] if before is not None and before.i > 0 else None
    return of is not None and of.lower_ == "of" and of.head.pos_ in NOUNS


def _is_tally(amount: Amount, ctx: ParsedText, noun: Token | None) -> bool:
    """Whether one end of a bare pair ("88-3", "141 to 58") is a vote tally: a voting word
    in its sentence or the one before ("The Sarnow council chose its chair by a
    show of hands ... Ms. Holt won, 88 to 17"), and no plural noun counted by the pair
    ("20-30 workers voted" is a range of workers) unless a voting word comes first ("an
    88-3 vote in the Ardmoor chamber"). A court's split is its justices' vote ("the court ruled
    5-4", "a 6-3 ruling"). A score ("won 3-1") has no voting word near it."""
    after = ctx.token_from(amount.noun_from if amount.noun_from is not None else amount.end)
    while after is not None and after.is_punct and after.i + 1 < len(ctx.doc):
        after = ctx.doc[after.i + 1]  # "141-to-58 vote": past the hyphen
    # One vote's words are singular: "41 came in 6-3 decisions" names a kind of ruling,
    # many votes with one split, which no outlet's single tally agrees or differs with.
    voted_next = (
        after is not None and after.lemma_.lower() in _VOTE_NEXT_WORDS and not is_plural_noun(after)
    )
    counts_noun = is_plural_noun(noun)
    if counts_noun and not voted_next:
        return False
    token = ctx.token_at(amount.num_start)
    if token is None:
        return False
    lemmas = _lemmas_near(token)
    # The court's split is the "ruled" verb's own complement ("the court ruled 5-4"), not
    # any pair in a sentence a court rules in ("ruled that Kelmar's 3-1 win will stand").
    governor = token.head
    while governor.pos_ == "NUM" and governor.head.i != governor.i:
        governor = governor.head  # "5-4": the 4 hangs on the 5
    ruled = governor.lemma_.lower() == "rule" and governor.pos_ == "VERB"
    return voted_next or bool(lemmas & _VOTE_WORDS) or (ruled and "court" in lemmas)


def _counted_noun(amount: Amount, ctx: ParsedText) -> Token | None:
    """The noun a count counts: "14 ships", "three container ships", "a 12-point plan".

    A hyphenated count counts the noun after the hyphen ("point" of "12-point plan");
    otherwise the count counts the last noun of the adjective and noun run after it
    ("four water-bombing planes" -> "planes"). "1,200 of its members" has no counted noun
    here; :func:`~newsprism.analyze.measured.measure_of` finds "members" as its "of" complement.
    """
    pos = amount.end if amount.noun_from is None else amount.noun_from
    if (named := date_name_after(amount, ctx.text)) is not None:
        pos = named  # "the 12 Aug. 3 strikers": past the date that names them
    token = untimed(ctx.token_from(pos))  # "killed 12 Monday": no days counted
    if token is None:
        return None
    if (after := hyphened_word(token, pos)) is not None:
        if after.lower_ == "strong":  # "a 5,000-strong crowd" counts the crowd
            return last_noun_of_run(ctx.doc, after.i + 1)
        return after if after.pos_ in NOUNS else None
    return last_noun_of_run(ctx.doc, token.i)


def _age_of(target: Token) -> Token | None:
    """Whom an age describes, given the word it was found to measure: the named person
    for a noun in apposition ("Edvin Rask, a 46-year-old Kelmar farmer": Rask, as
    "Rask, who is 46" and "Rask, 46," say), none for a verb ("a 12-year-old was
    hurt": the age is not about "hurt"), else the noun ("a 12-year-old boy")."""
    if target.pos_ in {"VERB", "AUX"}:
        return None
    if target.dep_ == "appos" and target.head.pos_ == "PROPN":
        return target.head
    return target


def _is_age(amount: Amount, text: str) -> bool:
    """Whether it is an age ("a 12-year-old boy", "he is 12 years old")."""
    return amount.unit == "years" and text[amount.start : amount.end].lower().endswith("old")


_AGO: Final = re.compile(rf"{SP}+ago\b", re.IGNORECASE)
# Verbs whose start "N years ago" tells how long the thing begun has lasted.
_BEGIN_VERBS: Final = word_set("begin start launch open")
# Objects of a begin verb that go on after it ("launched the probe three years ago"); any
# other object ("the satellite", "the company") was made or started once, a date.
_ACTIVITY_NOUNS: Final = word_set("probe investigation inquiry campaign search war strike")


def _begun_ago(amount: Amount, ctx: ParsedText) -> Token | None:
    """What began a duration ago, which has lasted that long since: "began auditing
    Rask two years ago" is a two-year auditing, as "a two-year audit" says;
    "launched the probe three years ago" -> probe. Any other "N years ago" dates an event
    (None: date extraction's)."""
    if not _AGO.match(ctx.text, amount.end):
        return None
    ago = ctx.token_from(amount.end)
    verb = ago.head if ago is not None else None
    if verb is None or verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() in _BEGIN_VERBS:
        return next((c for c in verb.children if _begun_thing(c)), None)
    starter = verb.head
    begun = verb.dep_ == "xcomp" and starter.lemma_.lower() in _BEGIN_VERBS
    return verb if begun else None


def _begun_thing(child: Token) -> bool:
    """Whether a begin verb's dependent is something that has gone on since: its clause
    ("began investigating") or an activity as its object ("launched the probe"); a thing
    begun once ("launched the satellite", "opened the bridge") is dated, not lasting."""
    if child.dep_ == "xcomp":
        return True
    activity = child.tag_ == "VBG" or child.lemma_.lower() in _ACTIVITY_NOUNS
    return child.dep_ == "dobj" and activity


def _describes_a_name(amount: Amount, ctx: ParsedText) -> bool:
    """Whether a hyphenated "N-pound" modifies a person's name heading its noun phrase
    ("the 260-pound Arvid Kellan"): a named one's weight, since a sum describes a thing
    ("a 10-pound Orsk voucher", where the name only modifies the noun; "the 500-pound
    Kellan Prize", a named thing that is no person)."""
    pound = ctx.token_at(amount.end - 1)
    if pound is None:
        return False
    first = pound
    while first.dep_ in _LISTED_DEPS and first.head.lower_ in _HEIGHT_UNITS:
        # "the 6 - foot - 3, 215 - pound Arvid Marsh": listed after a height
        first = first.head
    head = first.head
    if first.dep_ not in _MODIFIER_DEPS or head.i < pound.i:
        return False
    named = head.pos_ == "PROPN" and head.dep_ not in _MODIFIER_DEPS
    return named and head.ent_type_ == "PERSON"


def _is_weight(amount: Amount, ctx: ParsedText) -> bool:
    """Whether "pounds" is a weight: the sentence speaks of weight ("weighing 300 pounds")
    or the figure is a person's ("a 165-pound male", tokenised "a 165 - pound male", "the
    260-pound Kellan")."""
    unit = ctx.text[amount.num_end : amount.end].lower()
    if "pound" not in unit:
        return False
    hyphened = unit.lstrip().startswith("-")
    if hyphened and (_PERSON_AFTER.match(ctx.text, amount.end) or _describes_a_name(amount, ctx)):
        return True
    if height_ends_before(ctx.text, amount.start):
        return True  # "6 - foot - 1, 205 pounds": one person's description
    span = ctx.span(amount.start, amount.end)
    return span is not None and any(t.lemma_.lower() in _WEIGHT_CUES for t in span.sent)
