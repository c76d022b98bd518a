"""Facts: the quantities of a story's articles grouped by what they measure, compared.

:func:`compare_facts` turns every :class:`~newsprism.model.Quantity` of the story's
analysed articles into :class:`~newsprism.model.Fact` records: the figures that different
articles give for one measure, each with its outlet and span, and a ``status``.

Which quantities are compared
    Every quantity with an ``about`` (what is counted or measured) or a unit (a sum,
    a share or a measure whose noun the parse did not find: "over $9,000 at Kelmar Outfitters"
    in a list; its head is empty, so it meets others only by the second pass's sentence
    similarity). Vague plurals ("thousands", "dozens", "scores of", "several hundred": the
    analyser reads them as the least they can mean) allow that least value to
    ``vague_span`` times it; they join the fact of their measure they fit, the most
    alike, where another source gives a figure ("scores of others injured" / "53
    wounded"), start none, and never make a fact differ. One whose own article gives a
    figure of the measure joins no fact that figure does not fit: it restates that
    figure ("up to 50 carts" ... "dozens of carts", not another outlet's "as many as
    120") or counts a part of a larger one ("more than 10,000 protesters" ... "a group
    of hundreds near the bridge", not another outlet's "up to 700"); on the second
    Multi-News development gold both shapes had made a false agreeing pair. Small definite numerals
    ("the two leaders", "all three terminals": a reference to a known set, not a
    reported figure; counts below ``FactOptions.definite_below`` only) start no fact,
    but join one of their measure where another source gives the same figure exactly
    ("the two turkeys" / "pardoned two turkeys"), or, from ``definite_pair_min`` up, pair
    with another source's same definite numeral in an alike sentence ("All three
    subpoenas focus on ..." quoted by two outlets).

One measure
    Two quantities measure the same thing when their units are equal (after the
    analyser's conversion: square miles are km2, fractions are percent) and their
    ``about`` heads match: equal after case-folding, a plural ``s`` and the few words
    news uses for one count (``_SAME_HEADS``: wounded/injured/hurt, killed/dead/deaths,
    protesters/demonstrators),
    or one the suffix of the other ("dockworker"/"worker"; the shorter at least 4
    letters). A count of people told with what befell them ("seven people were
    wounded", "two others died") has that for its head, as "five wounded" has. Then,
    in a second pass, groups of one unit with different heads merge, most similar pair
    first, when their sentences are lexically similar (``merge_similarity``) and the
    merge adds no disagreement: either all merged figures fit one another, or one side
    already disagreed and every figure of an agreeing side fits a figure of the other.
    Outlets name one measure differently: "1,200 members" / "around 1,200
    dockworkers", "14 ships" / "fourteen vessels", "a 4% pay rise" / "an offer of 4%".
    Counts under ``small_count`` of two named things need sentences at least
    ``small_merge_similarity`` alike ("three container ships" / "3 vessels" diverted to
    other ports; not "two touchdowns" / "two games" of one player's season).
    Groups of bounds alone ("about", "over", "under") merge so only when they share a
    written value ("more than $10,000" / "at least $10,000"): ranges that merely overlap
    are no evidence of one measure ("nearly $8 million" earned / a fortune "between
    $7 and $9 million"; a recommended "46 to 57 months" / a maximum "up to five years";
    both joined on the BASIL calibration and development golds before, neither a gold
    fact, and no gold pair lost). Two groups also merge, whatever their sentences, when
    one article gives the same exact figure (two digits or more) in both under tied heads
    ("by a vote of 88 to 41" / "the 41 Liberals": a tally's side counted again; never
    "12 people" / "12 schools", two measures sharing a figure), or when one has no head
    and another source writes the same exact figure in the same words ("outspending the
    mayor $3.2 million to $150,000" / "spent $3.2 million on the race"), or when two
    sources give one exact figure of three significant digits or more ("by 214 votes to
    137" / "the dissenters at 137": such a figure rarely recurs in one story for
    another thing; round or short ones do, "120 schools" / "120 buses").
    Two outlets' ceilings of one head ("up to 50 homes" / "as many as 1,200 homes") are
    not joined whatever their sentences: they may count different things (homes
    destroyed / homes under evacuation orders) and would show as a false **differ**
    (a21a5a1 tried it for one second Multi-News gold group; reverted, review s32).

Compatibility of two figures
    Each figure is an interval. An exact figure written in digits is ``[v - s/2, v +
    s)``, ``s`` the place value of its last non-zero written digit in its unit ("$43
    million": 1 million; "1,240": 10; trailing zeros count from three digits on, and
    ``s`` is at most ``rounding_max`` of ``v``): the figures it may be a rounding or a
    truncation of. Two exact figures agree when one's value lies in the other's
    interval ("$43 million" / "$43,885,310"; not "$139 million" / "$140,937,785", nor
    "1,200" / "1,300"). Other exact figures (in words) are ``[v(1-e), v(1+e)]`` with
    ``e = exact_tolerance``; "about" ``v`` ± ``about_tolerance`` relative, and at
    least ± ``about_points`` on percent; "over" ``[v, v + slack]``, "under" ``[v -
    slack, v]``, where ``slack`` is the place value of the figure's last significant
    digit (a writer who says "more than 1,100" would have said "more than 1,200" if it
    were so), kept between ``bound_slack_min`` and ``bound_slack_max`` of ``v``. Two
    bounds are compatible when their intervals meet: "over 29%" ([29, 31.9]) and "about
    30%" ([28.5, 31.5]) agree, "nearly a third" ([30, 33.3]) and "about 30%" agree, 40%
    and 45% differ. A bound and an exact figure agree as two exact ones do, one's value
    inside the other's interval: a bound's own tolerance is all the slack it has, so
    "some 16" ([15.2, 16.8]) and 15 differ although 15's rounding interval reaches 16.
    Grouping is looser than status: a bound and an exact figure whose intervals meet
    are still readings of one measure (``figures.near``), so "some 16 House-passed
    measures" and "15 bills" are one fact, which differs. Everywhere below, "fit" for
    grouping means ``near``; the status alone asks for agreement.

Whose figure
    Two different figures whose clauses (from the previous figure or the sentence start
    to the figure) name people or organisations, none in common, are two measures: "Mr.
    Rask said his average city levy rate was 24 percent" and "The Holts' effective
    city levy rate for 2019 was 23.6 percent" (names are compared by their last word).
    A figure without a unit that is no whole number is read as percent where the story
    gives its measure in percent ("her 2019 city levy rate was 23.64").

One article, two figures
    A fact never holds two different figures from one article (a before/after, "14
    ships at anchor and three diverted"): they go to separate facts, and other
    articles' figures join the one they fit (the one with the most similar sentences
    when several fit). The same figure repeated in one article (same bound, fitting
    values: "a twelve-point plan ... Twelve points") stays in one fact.

Incompatible figures
    A figure that fits no existing fact of its measure joins the one whose sentences
    are most similar to its own only when that similarity reaches ``differ_similarity``
    (the fact then differs); otherwise it starts a fact of its own. "More than
    1,100 firefighters were working the fire" and "at least 17 firefighters have been
    treated for burns" share a head but not a context, and are two facts.

Units
    Figures are compared in the analyser's unit (lengths in km, areas in km2, ...), ages
    ("Holt, 46,", "an 18-year-old", and "52-year- old" split by a stray space in a scraped
    page) apart from durations though both are in years (an
    18-year-old sentenced to 13 years: two measures), and durations in days, a month
    being 28-31 days and a year 365-366 ("6 weeks" and "3 months" differ, "3 months"
    and "13 weeks" agree). A fact is shown in the unit its
    first figure was written in ("40 m" and "60 metres": 40 and 60 "m", not 0.04 km):
    ``Fact.unit`` is that unit, and every value is converted into it.

Status
    ``single`` when the figures come from one source (syndicated copies are one source,
    :meth:`StoryMaterial.sources`); ``differ`` when two figures from different sources
    cannot both hold (:func:`~newsprism.reconcile.figures.agree`); ``agree`` otherwise.

Order and ids
    Facts are ordered by status (``differ``, ``agree``, ``single``), then by the number
    of sources (most first), then by where their first figure stands (story article
    order, then offset); ids are "f1", "f2", ... in that order. Values inside a fact
    are in story article order, then offset.

Similarity is :class:`~newsprism.reconcile.similarity.LexicalSimilarity` of the
quantities' sentences (of the item that holds the figure where a sentence runs a list
together with semicolons or line breaks: "Here is the latest: ...; 14 people were
treated at clinics; ..."), fitted once on all of them: on the sample stories the dense model
scores unrelated sentences of one story about as high as related ones (see the
calibration notes on :class:`~newsprism.reconcile.figures.FactOptions`, which lives in
:mod:`newsprism.reconcile.figures` with the figure rules and is re-exported here).
Cost: one similarity matrix over the quantities' sentences, plus O(n^2) pair checks in
the worst case for n quantities.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Final

import numpy as np
import numpy.typing as npt

from newsprism.analyze.numbers import UNITS, parse_vague
from newsprism.model import Entity, Fact, FactStatus, FactValue, Passage, Quantity
from newsprism.reconcile.figures import (
    FactOptions,
    Figure,
    agree,
    compatible,
    interval,
    near,
    values_compatible,
    written_step,
)
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity

__all__ = [
    "FactOptions",
    "compare_facts",
    "compatible",
    "interval",
    "values_compatible",
    "written_step",
    "written_unit",
]

logger = logging.getLogger(__name__)

_DEFINITE = re.compile(
    r"(?:^|\W)(?:the|these|those|both|all|its|their|our|his|her|my|your)\s+$", re.IGNORECASE
)
_STATUS_RANK: dict[FactStatus, int] = {"differ": 0, "agree": 1, "single": 2}


@dataclass(frozen=True, slots=True)
class _Item:
    """One comparable quantity: where it is, its measure key, its interval."""

    order: int
    article: str
    source: str
    quantity: Quantity
    head: str
    sentence: int
    lo: float
    hi: float
    shown: str | None = None  # the unit as the outlet wrote it ("m", "weeks")
    scale: float = 1.0  # the compared unit per shown unit (metres: 0.001 km)
    actors: frozenset[str] = frozenset()  # names in the clause before the figure
    definite: bool = False  # "the two turkeys": joins a fact, never starts one
    vague: bool = False  # "scores of others": joins a fact it fits, never differs


@dataclass
class _Slot:
    """A fact under construction (mutable, private to one call)."""

    items: list[_Item] = field(default_factory=list)

    def articles(self) -> set[str]:
        return {i.article for i in self.items}


def _fits(a: _Item, b: _Item) -> bool:
    return agree(_figure(a), _figure(b))


def _readings(a: _Item, b: _Item) -> bool:
    """Whether two figures may be one measure's readings (``figures.near``)."""
    return near(_figure(a), _figure(b))


def _figure(item: _Item) -> Figure:
    return item.quantity.value, item.lo, item.hi, item.quantity.approx is None


def _same_figure(a: _Item, b: _Item) -> bool:
    """One article's two figures that can be one reading ("roughly $141 million" and
    "$140,937,785"; "twelve-point" and "Twelve points"). Two exact figures of different
    value in one sentence of one article are two things ("$5 million in salary and
    another $4.9 million from his stake"), however close."""
    if (a.lo, a.hi) == (b.lo, b.hi):
        return True
    return not _two_in_one_sentence(a, b) and _readings(a, b)


def _two_in_one_sentence(a: _Item, b: _Item) -> bool:
    """Whether two figures of different value stand side by side, neither hedged, in one
    sentence of one article (a hedged one restates the other: "$140,937,785, roughly
    $141 million")."""
    same_sentence = a.article == b.article and a.sentence == b.sentence
    return same_sentence and a.quantity.approx is None and b.quantity.approx is None


def _other_actors(a: _Item, b: _Item) -> bool:
    """Whether the clauses before two figures name different actors and none in common
    ("Mr. Rask said his average city levy rate was 24 percent" / "The Holts'
    effective city levy rate for 2019 was 23.6 percent"): two measures, not one. The
    same figure to the digit is let through: outlets credit one act to different names
    ("a review board released a 140-page report" / "Lind released a 140-page
    report")."""
    if not (a.actors and b.actors) or a.actors & b.actors:
        return False
    return not math.isclose(a.quantity.value, b.quantity.value, rel_tol=1e-9)


_TALLY = "vote"  # the analyser's head for a vote tally's figures ("134 to 63")


# One measure, many words: outlets count the wounded as "53 wounded", "53 people
# injured", "scores of others hurt"; the dead as "killed", "dead", "deaths". Heads are
# the analyser's lemmas (nouns, or the verb a count is subject or object of).
_SAME_HEADS: Final = MappingProxyType(
    {
        "wound": "injure", "wounded": "injure", "hurt": "injure", "injury": "injure",
        "injured": "injure", "dead": "kill", "death": "kill", "die": "kill",
        "fatality": "kill", "killed": "kill", "person": "people",
        "demonstrator": "protester", "protestor": "protester",
    }
)  # fmt: skip


# "seven people were wounded", "12 others killed": a count of people whose verb says
# what befell them counts the wounded or the dead, as "seven wounded" does; "14 people
# were killed or injured" counts both, which is neither measure (the lookahead).
_GENERIC_PEOPLE: Final = frozenset({"people", "person", "other", "others"})
_BEFELL: Final = re.compile(
    r"[^\S\n]+(?:(?:were|was|are|is|have|had|has|been|got|reportedly)[^\S\n]+){0,3}"
    r"(wounded|injured|hurt|killed|dead|died)\b"
    # not a combined count: "killed or injured", "killed or seriously injured", "killed
    # and seriously injured" (up to two words after "or", an adverb after "and"); a count
    # between ("killed and 30 injured", "killed and dozens injured") splits the count
    r"(?![^\S\n]*(?:,[^\S\n]*)?(?:(?:or|/)(?:[^\S\n]+[a-z]+){0,2}?|and(?:[^\S\n]+[a-z]+ly)?)"
    r"[^\S\n]*(?:wounded|injured|hurt|killed|dead|died|missing)\b)",
    re.IGNORECASE,
)


def _about(q: Quantity, text: str) -> str:
    """What a quantity counts, for its head: the analyser's ``about``, or for a count of
    people the verb that says what befell them ("seven people were wounded": wounded)."""
    about = q.about or ""
    if about.casefold() in _GENERIC_PEOPLE and q.unit is None:
        befell = _BEFELL.match(text, q.end)
        if befell is not None:
            word = befell.group(1).casefold()
            return "dead" if word == "died" else word
    return about


def _head(about: str) -> str:
    head = about.casefold().strip()
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return _SAME_HEADS.get(head, head)


def _comparable(material: StoryMaterial, article: str, q: Quantity, opts: FactOptions) -> bool:
    return bool(q.about) or q.unit is not None  # not a bare number with nothing counted


def _vague(q: Quantity) -> bool:
    """A vague plural ("thousands", "scores of"): the least it means, read as "over"."""
    return q.approx == "over" and parse_vague(q.text) == q.value


def _definite(material: StoryMaterial, article: str, q: Quantity, opts: FactOptions) -> bool:
    """A small definite numeral ("the two leaders"): a reference to a known set."""
    if q.unit is not None or q.value >= opts.definite_below:
        return False
    return bool(_DEFINITE.search(material.by_id[article].text[max(0, q.start - 12) : q.start]))


def _trimmed_sentence(material: StoryMaterial, article: str, q: Quantity) -> Passage:
    found = material.sentence_at(article, q.start)
    start, end = (found.start, found.end) if found else (q.start, q.end)
    text = material.by_id[article].text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return material.passage(article, start, end)


def _figure_limit(counts: Sequence[int], opts: FactOptions) -> int:
    """How many of each article's quantities are compared: the most (up to
    ``max_article_figures``, at least 30) that keeps the story's total within
    ``max_story_figures``, so the largest articles are cut first and an ordinary one
    keeps all its figures. The pair checks are quadratic in the total."""
    limit = opts.max_article_figures
    while limit > 30 and sum(min(c, limit) for c in counts) > opts.max_story_figures:
        limit = max(30, limit * 9 // 10)  # a tenth less a step: a few dozen sums at most
    return limit


def _first_figures(article: str, found: Sequence[Quantity], limit: int) -> Sequence[Quantity]:
    """The article's first ``limit`` quantities; a warning says when some are left out."""
    if len(found) > limit:
        logger.warning(
            "article %s: %d figures, the first %d compared (a table or data dump?)",
            article, len(found), limit,
        )  # fmt: skip
    return found[:limit]


def _collect(material: StoryMaterial, opts: FactOptions) -> tuple[list[_Item], list[Passage]]:
    """The comparable quantities in story order and their (distinct) sentences."""
    items: list[_Item] = []
    sentences: list[Passage] = []
    index: dict[tuple[str, int, int], int] = {}
    analyses = [material.analysis(a.id) for a in material.articles]
    limit = _figure_limit([len(x.quantities) for x in analyses if x is not None], opts)
    for article in material.articles:
        analysis = material.analysis(article.id)
        if analysis is None:
            continue
        names = _names(analysis.entities)
        found = _first_figures(article.id, analysis.quantities, limit)
        for n, q in enumerate(found):
            clause_from = found[n - 1].end if n else 0
            if not _comparable(material, article.id, q, opts):
                continue
            definite = _definite(material, article.id, q, opts)
            if material.in_headline_list(article.id, q.start):
                continue  # another story's headline at the page's foot
            sentence = _trimmed_sentence(material, article.id, q)
            context = _context(material, sentence, found, n, opts)
            key = (article.id, context.start, context.end)
            if key not in index:
                index[key] = len(sentences)
                sentences.append(context)
            text = article.text
            compared, lo, hi, shown, scale = _compared(q, opts, _aged_after(q, text))
            vague = _vague(q)
            if vague:
                lo, hi = q.value, q.value * opts.vague_span
            before = (max(sentence.start, clause_from), q.start)
            actors = frozenset(n for n, s, e in names if before[0] <= s and e <= before[1])
            items.append(
                _Item(
                    len(items), article.id, material.source_of(article.id), compared,
                    _head(_about(q, text)), index[key], lo, hi, shown, scale, actors, definite,
                    vague,
                )
            )  # fmt: skip
    return items, sentences


def _context(
    material: StoryMaterial, sentence: Passage, found: Sequence[Quantity], n: int, opts: FactOptions
) -> Passage:
    """The words a figure is compared by: its sentence, or in a list of figures
    (``list_figures`` or more in one sentence: "$1,482.50 at Sarnow Pier Park, over
    $9,000 at Kelmar Outfitters, over $250 at Ardmoor Toys, ...") the clause between the figures
    before and after it, so that every figure of the list is not alike."""
    inside = [q for q in found if sentence.start <= q.start < sentence.end]
    if len(inside) < opts.list_figures:
        return _clause(material, sentence, found[n])
    start = max(sentence.start, found[n - 1].end if n else 0)
    end = min(sentence.end, found[n + 1].start if n + 1 < len(found) else sentence.end)
    return material.passage(sentence.article, start, end)


# Where one item of a list run into one sentence ends: a semicolon or a line break
# ("Here is the latest: ...; 14 people were treated at clinics; ...").
_ITEM_END: Final = re.compile(r"[;\n]")


def _clause(material: StoryMaterial, sentence: Passage, q: Quantity) -> Passage:
    """The item of a list run into one sentence that holds the figure, or the sentence:
    the other items' words say nothing of what the figure counts."""
    text = material.by_id[sentence.article].text
    start, end = sentence.start, sentence.end
    for found in _ITEM_END.finditer(text, start, q.start):
        start = found.end()
    after = _ITEM_END.search(text, q.end, end)
    if after is not None:
        end = after.start()
    if (start, end) == (sentence.start, sentence.end) or not text[start:end].strip():
        return sentence
    return material.passage(sentence.article, start, end)


_ACTOR_TYPES: Final = frozenset({"PERSON", "ORG", "NORP"})


def _names(entities: Sequence[Entity]) -> list[tuple[str, int, int]]:
    """(key, start, end) of every mention of a person, organisation or group: the key is
    the name's last word, case-folded, without a plural or possessive "s" ("Holts",
    "Ana Holt": "holt"), so outlets' different full forms meet."""
    found = []
    for entity in entities:
        if entity.type not in _ACTOR_TYPES or not entity.name.split():
            continue
        key = re.sub(r"(?:['’]s?|(?<=\w{3})s)$", "", entity.name.split()[-1].casefold())
        found += [(key, m.start, m.end) for m in entity.mentions]
    return found


# Durations compare in days; a month is 28-31 days and a year 365-366, so "3 months"
# meets "13 weeks" (91 days) and "90 days" but not "6 weeks".
_DAYS: Final = MappingProxyType(
    {
        "seconds": (1 / 86400, 1 / 86400), "minutes": (1 / 1440, 1 / 1440),
        "hours": (1 / 24, 1 / 24), "days": (1.0, 1.0), "weeks": (7.0, 7.0),
        "months": (28.0, 31.0), "years": (365.0, 366.0),
    }
)  # fmt: skip
_MEAN_DAYS: Final = MappingProxyType({"months": 30.44, "years": 365.25})
# Short names of the written units of numbers.UNITS, by (compared unit, factor).
_SHORT: Final = MappingProxyType(
    {
        ("km", 1.0): "km", ("km", 1.852): "nmi", ("km", 1.609344): "mi", ("km", 1e-3): "m",
        ("km", 1e-5): "cm", ("km", 1e-6): "mm", ("km", 3.048e-4): "ft", ("km", 9.144e-4): "yd",
        ("km2", 1.0): "km2", ("km2", 2.589988110336): "mi2", ("km2", 0.01): "ha",
        ("km2", 0.0040468564224): "acres", ("km2", 1e-6): "m2", ("km2", 9.290304e-8): "ft2",
        ("km/h", 1.0): "km/h", ("km/h", 1.609344): "mph", ("km/h", 1.852): "knots",
        ("kg", 1000.0): "t", ("kg", 1.0): "kg", ("kg", 1e-3): "g",
        ("kg", 0.45359237): "lb", ("kg", 0.028349523125): "oz",
    }
)  # fmt: skip


def written_unit(q: Quantity) -> tuple[str | None, float]:
    """The unit as the outlet wrote it and its size in the analyser's unit: "40 m" is
    ("m", 0.001) of km; a unit without variants (percent, money, counts) is itself."""
    if q.unit in _DAYS:
        return q.unit, 1.0
    for unit in UNITS:
        if unit.unit != q.unit:
            continue
        if re.search(rf"(?<!\w)(?:{unit.pattern})(?![\w²³/])", q.text, re.IGNORECASE):
            return _SHORT.get((unit.unit, unit.factor), unit.unit), unit.factor
    return q.unit, 1.0


# An age, as the analyser gives it: "46" after a name (no unit word written), "a
# 46-year-old", "46 years old".
_AGE_TEXT: Final = re.compile(r"^[^a-z]*$|years?[\s-]*old\b", re.IGNORECASE)
_AGE: Final = "age"  # the unit ages are compared in: never a duration ("13 years" in prison)


def _is_age(q: Quantity) -> bool:
    return q.unit == "years" and _AGE_TEXT.search(q.text) is not None


# The rest of an age split by a stray space in scraped text ("52-year- old"), after a
# quantity the analyser read as the duration "52-year": the hyphen right after the
# figure's "-year" ("20 years - old friends say": a dash after a duration, no age).
_AGE_AFTER: Final = re.compile(r"-[^\S\n]*old\b", re.IGNORECASE)
_YEAR_WORD: Final = ("-year", "-years")


def _aged_after(q: Quantity, text: str) -> bool:
    """Whether "- old" after a quantity written "N-year" makes it an age."""
    return q.text.casefold().endswith(_YEAR_WORD) and _AGE_AFTER.match(text, q.end) is not None


def _compared(
    q: Quantity, opts: FactOptions, aged: bool = False
) -> tuple[Quantity, float, float, str | None, float]:
    """The quantity in the unit it is compared in (durations in days, ages in years of
    their own), its interval there, and the unit it was written in with that unit's
    size. ``aged``: the article goes on with an age's "- old" after the quantity."""
    lo, hi = interval(q, opts)
    if _is_age(q) or (aged and q.unit == "years"):
        return replace(q, unit=_AGE), lo, hi, q.unit, 1.0
    shown, scale = written_unit(q)
    if q.unit is not None and q.unit in _DAYS:
        low, high = _DAYS[q.unit]
        mean = _MEAN_DAYS.get(q.unit, low)
        days = replace(q, value=q.value * mean, unit="days")
        return days, lo * low, hi * high, q.unit, mean
    return q, lo, hi, shown, scale


def _shares_without_sign(items: list[_Item], opts: FactOptions) -> list[_Item]:
    """Figures without a unit read as percent where the story gives their measure in
    percent and they are no whole number ("her 2019 city levy rate was 23.64" beside
    "a levy rate of 23.6 percent"): a count of things is whole, a share need not be."""
    shares = {i.head for i in items if i.quantity.unit == "percent"}
    found = []
    for item in items:
        q = item.quantity
        share = q.unit is None and item.head in shares and 0 < q.value <= 100
        if share and not float(q.value).is_integer():
            compared, lo, hi, shown, scale = _compared(replace(q, unit="percent"), opts)
            found.append(replace(item, quantity=compared, lo=lo, hi=hi, shown=shown, scale=scale))
        else:
            found.append(item)
    return found


def _suffix_heads(a: str, b: str, min_suffix: int) -> bool:
    """Whether two heads are one word or one ends the other ("dockworkers" / "workers"),
    the shorter at least ``min_suffix`` letters."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= min_suffix and long_.endswith(short)


def _head_classes(items: Sequence[_Item], min_suffix: int) -> dict[tuple[str | None, str], str]:
    """Map (unit, head) to a class representative: heads equal or one a suffix of the
    other (the shorter at least ``min_suffix`` letters) share a class."""
    parent: dict[tuple[str | None, str], tuple[str | None, str]] = {}

    def find(key: tuple[str | None, str]) -> tuple[str | None, str]:
        while parent[key] != key:
            key = parent[key]
        return key

    for item in items:
        parent.setdefault((item.quantity.unit, item.head), (item.quantity.unit, item.head))
    keys = sorted(parent, key=lambda k: (str(k[0]), k[1]))
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a[0] != b[0]:
                continue
            if _suffix_heads(a[1], b[1], min_suffix):
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb, key=lambda k: k[1])] = min(ra, rb, key=lambda k: k[1])
    return {k: find(k)[1] for k in keys}


def _slot_similarity(item: _Item, slot: _Slot, sim: npt.NDArray[np.float32]) -> float:
    return max(float(sim[item.sentence, other.sentence]) for other in slot.items)


def _place(
    item: _Item, slots: list[_Slot], sim: npt.NDArray[np.float32], opts: FactOptions
) -> None:
    """Put one item into the slot of its measure it belongs to, or a new one."""
    for slot in slots:  # the same figure repeated in one article
        if any(o.article == item.article and _same_figure(o, item) for o in slot.items) and not any(
            _other_actors(o, item) for o in slot.items
        ):
            slot.items.append(item)
            return
    free = [
        s
        for s in slots
        if item.article not in s.articles() and not any(_other_actors(o, item) for o in s.items)
    ]
    fitting = [s for s in free if any(_readings(o, item) for o in s.items)]
    if fitting:
        best = max(fitting, key=lambda s: _slot_similarity(item, s, sim))
        best.items.append(item)
        return
    if free:
        best = max(free, key=lambda s: _slot_similarity(item, s, sim))
        if _slot_similarity(item, best, sim) >= opts.differ_similarity:
            best.items.append(item)
            return
    slots.append(_Slot([item]))


def _join_definite(item: _Item, slots: list[_Slot]) -> bool:
    """A small definite numeral ("the two turkeys") joins the fact of its measure where
    another source gives the same figure exactly ("pardoned two turkeys"); alone it
    starts none (a reference to a known set, not a reported figure). Whether it joined."""
    for slot in slots:
        if item.article in slot.articles():
            continue
        if any(
            o.source != item.source and o.quantity.approx is None and _same_figure(o, item)
            for o in slot.items
        ):
            slot.items.append(item)
            return True
    return False


def _join_vague(item: _Item, slots: list[_Slot], sim: npt.NDArray[np.float32]) -> None:
    """A vague plural ("scores of others injured") joins the fact of its measure, the
    most alike, where another source gives a figure it fits ("53 wounded"); it never
    makes a fact differ (``_conflicted`` passes it by) and alone starts none."""
    own = [(o, s) for s in slots for o in s.items if o.article == item.article and not _worded(o)]
    fitting = [
        s
        for s in slots
        if item.article not in s.articles()
        and any(o.source != item.source and not o.vague and _readings(o, item) for o in s.items)
        and not any(_outranks(o, item, s, home) for o, home in own)
    ]
    if fitting:
        max(fitting, key=lambda s: _slot_similarity(item, s, sim)).items.append(item)


def _worded(item: _Item) -> bool:
    """Whether a figure is a vague word, hedged or not ("hundreds", "about hundreds")."""
    words = item.quantity.text.split()
    return item.vague or (bool(words) and parse_vague(words[-1]) is not None)


def _outranks(own: _Item, vague: _Item, slot: _Slot, home: _Slot) -> bool:
    """Whether a figure of the vague plural's own article keeps it out of ``slot``:
    a reading of it that the slot's figures do not fit (the vague word restates its
    article's own count: "up to 50 carts" ... "dozens of carts", beside another outlet's
    "as many as 120 carts"), or a count above all it can mean (the vague word counts a
    part: "more than 10,000 protesters" ... "a group of hundreds near the bridge",
    beside another outlet's "up to 700"). Either way joining it would show its outlet
    agreeing with a figure its own count does not fit. A part may still join a slot
    whose other sources each give the whole too, in the own figure's fact (``home``):
    their figure in ``slot`` is then a part as well ("12,000 marched" ... "60 were
    arrested" beside "police arrested dozens", review s32 finding 13). Where the other
    outlet gives no whole, its count may be the whole ("up to 800"): sentence
    similarity did not tell the two apart on the second Multi-News development gold,
    so the part stays out (a lost agreement, not a false one)."""
    if _readings(own, vague):
        return not any(_readings(own, o) for o in slot.items)
    if own.lo <= vague.hi:
        return False
    whole = {i.source for i in home.items if i.article != own.article}
    return not all(o.source in whole for o in slot.items if o.source != vague.source)


def _pair_definite(
    items: Sequence[_Item], sim: npt.NDArray[np.float32], opts: FactOptions
) -> list[_Slot]:
    """Definite numerals of ``definite_pair_min`` or more that joined no fact, paired
    across sources: the same figure of one head in sentences at least
    ``differ_similarity`` alike ("All three subpoenas focus on ..." quoted by two
    outlets) is a count both report. "the two leaders" never pairs: two is the parties
    of nearly every story. A numeral no other source repeats starts no fact."""
    slots: list[_Slot] = []
    for item in items:
        if item.quantity.value < opts.definite_pair_min:
            continue
        for slot in slots:
            if item.article in slot.articles():
                continue
            if any(
                o.source != item.source
                and _same_figure(o, item)
                and float(sim[item.sentence, o.sentence]) >= opts.differ_similarity
                for o in slot.items
            ):
                slot.items.append(item)
                break
        else:
            slots.append(_Slot([item]))
    return [s for s in slots if len({i.source for i in s.items}) > 1]


def _conflicted(items: Sequence[_Item], strict: bool = False) -> bool:
    """Whether two figures from different sources are no readings of one measure, or
    (``strict``, for the status) cannot both hold."""
    together = _fits if strict else _readings
    return any(
        a.source != b.source and not (a.vague or b.vague) and not together(a, b)
        for n, a in enumerate(items)
        for b in items[n + 1 :]
    )


def _near(a: Sequence[_Item], b: Sequence[_Item], ratio: float) -> bool:
    """Whether every figure of ``a`` is within ``ratio`` of every figure of ``b``."""
    values = [abs(i.quantity.value) for i in (*a, *b)]
    return min(values) > 0 and max(values) <= ratio * min(values)


def _covered(items: Sequence[_Item], by: Sequence[_Item]) -> bool:
    return all(any(_readings(x, y) for y in by) for x in items)


def _mergeable(a: _Slot, b: _Slot, score: float, opts: FactOptions) -> bool:
    """Slots may merge when no article would hold two different figures, and the merge
    adds no disagreement: either the merged figures all fit one another, or one side
    already disagreed and every figure of each agreeing side fits a figure of the other
    (2 x "1,200 members" / "1,450 members" takes "around 1,200 dockworkers"). Two
    agreeing slots whose figures differ merge into a disagreement only as the
    incompatible figure of one measure joins a fact (``merge_differ_similarity``), and
    only when the figures are near (``differ_ratio``): "reported $57 million in taxable
    income" / "reported roughly $59 million"."""
    for article in a.articles() & b.articles():
        mine = [i for i in a.items if i.article == article]
        theirs = [i for i in b.items if i.article == article]
        if not all(_same_figure(x, y) and not _other_actors(x, y) for x in mine for y in theirs):
            return False  # two figures of one article, or one article's two people
    if not _conflicted([*a.items, *b.items]):
        return True
    a_conflict, b_conflict = _conflicted(a.items), _conflicted(b.items)
    if not (a_conflict or b_conflict):
        return score >= opts.merge_differ_similarity and _near(a.items, b.items, opts.differ_ratio)
    if a_conflict and b_conflict:
        return _covered(a.items, b.items) and _covered(b.items, a.items)
    agreeing, other = (b, a) if a_conflict else (a, b)
    return _covered(agreeing.items, other.items)


def _has_exact(slot: _Slot) -> bool:
    """Whether the slot holds an exact figure (no "about", "over" or "under")."""
    return any(i.quantity.approx is None for i in slot.items)


def _same_value(a: _Slot, b: _Slot) -> bool:
    """Whether the two slots share a figure's value ("more than $10,000" / "at least
    $10,000")."""
    values = {i.quantity.value for i in a.items}
    return any(math.isclose(i.quantity.value, v, rel_tol=1e-9) for i in b.items for v in values)


def _tied(x: _Item, y: _Item) -> bool:
    """Whether one article's two mentions of a figure can name one measure: one is a
    vote tally ("by a vote of 88 to 41" / "the 41 Liberals who voted for Lind": the
    tally's side counted again), or their heads are one word or one the other's ending
    (``_suffix_heads``, as the first pass's head classes). "12 people" / "12 schools"
    are two measures that happen to share a figure."""
    if _TALLY in (x.head, y.head):
        return True
    return _suffix_heads(x.head, y.head, 1)


def _bridged(a: _Slot, b: _Slot) -> bool:
    """Whether the slots hold the same exact figure of two digits or more in one article
    under tied heads (``_tied``), or, one slot without a head and the figure with a
    unit, written in the same words by two sources ("$5.4 million"; "3,500 feet" /
    "3,500-foot", ``_same_written``). The two-digit
    floor keeps "two" and "three", which an article repeats for unrelated things, out;
    it was set on the BASIL calibration gold's one tally case and is not tuned further."""
    headless = not (a.items[0].head and b.items[0].head) and a.items[0].quantity.unit is not None
    for x in a.items:
        if x.quantity.approx is not None:
            continue
        big = abs(x.quantity.value) >= 10
        for y in b.items:
            if y.quantity.approx is not None or not math.isclose(
                x.quantity.value, y.quantity.value, rel_tol=1e-9
            ):
                continue
            if big and y.article == x.article and _tied(x, y):
                return True
            if headless and ((big and y.quantity.text == x.quantity.text) or _same_written(x, y)):
                return True
            if x.source != y.source and _uncommon(x) and _uncommon(y) and _one_thing(x, y):
                return True
    return False


# Significant digits from which a figure is read as one measure's wherever two sources
# give it exactly ("by 200 votes to 117" / "the number of rebels at 117"): a round or
# short figure ("six years", "12 people", "1,500") recurs in one story for unrelated
# things, a three-digit one rarely.
_UNCOMMON_DIGITS: Final = 3


def _one_thing(x: _Item, y: _Item) -> bool:
    """Whether two sources' figures may count one thing: neither is written with its
    counted noun, or their heads are tied (``_tied``: a tally's side, one word, one the
    other's ending). "117 survivors" / "117 homes", and "pulled 117" / "117 homes", are
    two things that share a figure; "by 214 votes to 137" / "the tally at 137" name none
    beside the figure."""
    return not (_counted_noun(x) or _counted_noun(y)) or _tied(x, y)


def _counted_noun(item: _Item) -> bool:
    """Whether the figure's own words name what it counts ("117 survivors"), not the
    sentence around it (the verb of "pulled 117", the "tally" of "the tally at 137")."""
    about = (item.quantity.about or "").casefold()
    return bool(about) and about in item.quantity.text.casefold()


def _uncommon(item: _Item) -> bool:
    """Whether a figure is written exactly with at least ``_UNCOMMON_DIGITS``
    significant digits ("117", "1,240", "43.6")."""
    found = _WRITTEN.findall(item.quantity.text)
    if len(found) != 1 or item.quantity.approx is not None:
        return False
    digits = found[0].replace(",", "").replace(".", "").strip("0")
    return len(digits) >= _UNCOMMON_DIGITS


_WRITTEN: Final = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _same_written(x: _Item, y: _Item) -> bool:
    """Whether two figures are written with the same digits, two or more, in the same
    unit ("3,500 feet" / "a 3,500-foot fall"): the same words but for the unit's form.
    The floor is on the written figure, not on the value in the compared unit (3,500
    feet is 1.07 km)."""
    found = [_WRITTEN.findall(i.quantity.text) for i in (x, y)]
    if any(len(f) != 1 for f in found) or found[0] != found[1]:
        return False
    return x.shown is not None and x.shown == y.shown and float(found[0][0].replace(",", "")) >= 10


def _small_counts(a: _Slot, b: _Slot, opts: FactOptions) -> bool:
    """Whether two slots are counts below ``small_count`` of two named things: "two
    touchdowns" / "two games", "four men" / "four cars" share a figure by chance in one
    story's alike sentences, so they are never one measure by the second pass."""
    items = [*a.items, *b.items]
    if items[0].quantity.unit is not None:
        return False
    if any(abs(i.quantity.value) >= opts.small_count for i in items):
        return False
    return all(i.head for i in items)


def _merge_synonyms(
    slots: list[_Slot], sim: npt.NDArray[np.float32], opts: FactOptions
) -> list[_Slot]:
    """Second pass: merge slots of one unit and different heads whose figures all have a
    compatible partner and whose sentences are similar (best pair first)."""
    pairs: list[tuple[float, int, int]] = []
    for i, a in enumerate(slots):
        for j in range(i + 1, len(slots)):
            b = slots[j]
            if a.items[0].quantity.unit != b.items[0].quantity.unit:
                continue
            if not (_has_exact(a) or _has_exact(b) or _same_value(a, b)):
                continue  # bounds alone: ranges that overlap name no one measure
            score = max(float(sim[x.sentence, y.sentence]) for x in a.items for y in b.items)
            if _small_counts(a, b, opts) and score < opts.small_merge_similarity:
                continue
            if score >= opts.merge_similarity:
                pairs.append((score, i, j))
            elif _bridged(a, b):
                pairs.append((opts.merge_similarity, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    root = list(range(len(slots)))

    def find(k: int) -> int:
        while root[k] != k:
            k = root[k]
        return k

    for score, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj or not _mergeable(slots[ri], slots[rj], score, opts):
            continue
        keep, drop = min(ri, rj), max(ri, rj)
        slots[keep].items.extend(slots[drop].items)
        root[drop] = keep
    return [slots[k] for k in range(len(slots)) if find(k) == k]


def _status(material: StoryMaterial, items: Sequence[_Item]) -> FactStatus:
    if material.sources(i.article for i in items) < 2:
        return "single"
    return "differ" if _conflicted(items, strict=True) else "agree"


def _fact(material: StoryMaterial, items: list[_Item]) -> Fact:
    items = sorted(items, key=lambda i: i.order)
    about = Counter(i.quantity.about or i.head for i in items).most_common(1)[0][0]
    # Shown in the unit every outlet wrote ("m" when all wrote metres, not the km they are
    # compared in); where outlets wrote different units of one dimension (square miles
    # and km2, weeks and months), in the unit they are compared in, so no outlet's figure
    # is restated in another outlet's unit.
    written = {i.shown for i in items}
    one_unit = len(written) == 1
    unit = items[0].shown if one_unit else _compared_unit(items)
    scale = items[0].scale if one_unit else 1.0
    values = tuple(
        FactValue(
            material.passage(i.article, i.quantity.start, i.quantity.end),
            _rounded(i.quantity.value / scale),
            i.quantity.approx,
        )
        for i in items
    )
    return Fact("", about, unit, _status(material, items), values)


def _compared_unit(items: Sequence[_Item]) -> str | None:
    """The unit the items' figures are compared in (the analyser's unit; days for
    durations)."""
    return items[0].quantity.unit


def _rounded(value: float) -> float:
    """A converted figure without float noise (0.04 km / 0.001 is 40.0, not 40.00000001)."""
    return float(f"{value:.6g}")


def compare_facts(material: StoryMaterial, options: FactOptions | None = None) -> list[Fact]:
    """The story's facts (see the module docstring for the rules and the order).

    Guarantee: every value's passage is its quantity's span (``article.text[start:end]``);
    a fact never holds two different figures of one article; ids are "f1".. in order.
    Cost: one lexical similarity matrix over the quantities' sentences, then quadratic
    pair checks within each measure and unit.
    """
    opts = options or FactOptions()
    items, sentences = _collect(material, opts)
    if not items:
        return []
    items = _shares_without_sign(items, opts)
    texts = [s.text for s in sentences]
    sim = LexicalSimilarity().matrix(texts, texts)
    classes = _head_classes(items, opts.min_suffix)
    by_key: dict[tuple[str | None, str], list[_Slot]] = {}
    for item in items:
        if not (item.definite or item.vague):
            key = (item.quantity.unit, classes[(item.quantity.unit, item.head)])
            _place(item, by_key.setdefault(key, []), sim, opts)
    alone: dict[tuple[str | None, str], list[_Item]] = {}
    for item in items:
        if item.definite:
            key = (item.quantity.unit, classes[(item.quantity.unit, item.head)])
            if not _join_definite(item, by_key.get(key, [])):
                alone.setdefault(key, []).append(item)
    for key, found in alone.items():
        by_key.setdefault(key, []).extend(_pair_definite(found, sim, opts))
    for item in items:
        if item.vague:
            key = (item.quantity.unit, classes[(item.quantity.unit, item.head)])
            _join_vague(item, by_key.get(key, []), sim)
    slots = _merge_synonyms([s for group in by_key.values() for s in group], sim, opts)
    facts = [_fact(material, s.items) for s in slots]
    position = {a.id: n for n, a in enumerate(material.articles)}
    facts.sort(
        key=lambda f: (
            _STATUS_RANK[f.status],
            -material.sources(v.passage.article for v in f.values),
            position[f.values[0].passage.article],
            f.values[0].passage.start,
        )
    )
    result = [Fact(f"f{n}", f.about, f.unit, f.status, f.values) for n, f in enumerate(facts, 1)]
    logger.debug("%d facts from %d quantities", len(result), len(items))
    return result
