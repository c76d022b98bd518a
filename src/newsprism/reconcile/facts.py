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
    alike, where another source gives a figure ("scores of other riders injured" / "53
    wounded"), start none, and never make a fact differ. One whose own article gives a
    figure of the measure joins no fact that figure does not fit: it restates that
    figure ("up to 50 carts" ... "dozens of carts", not another outlet's "as many as
    120") or counts a part of a larger one ("more than 10,000 protesters" ... "a group
    of hundreds near the bridge", not another outlet's "up to 700"); on the second
    Multi-News development gold both shapes had made a false agreeing pair. Small definite numerals
    ("the two leaders", "all three terminals": a reference to a known set, not a
    reported figure; counts below ``FactOptions.definite_below`` only) start no fact,
    but join one of their measure where another source gives the same figure exactly
    ("the two ferries" / "chartered two ferries"), or, from ``definite_pair_min`` up, pair
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
    s)``, ``s`` the place value of its last non-zero written digit in its unit ("$29
    million": 1 million; "1,240": 10; trailing zeros count from three digits on, and
    ``s`` is at most ``rounding_max`` of ``v``): the figures it may be a rounding or a
    truncation of. Two exact figures agree when one's value lies in the other's
    interval ("$29 million" / "$29,614,208"; not "$131 million" / "$132,962,417", nor
    "1,200" / "1,300"). Other exact figures (in words) are ``[v(1-e), v(1+e)]`` with
    ``e = exact_tolerance``; "about" ``v`` ± ``about_tolerance`` relative, and at
    least ± ``about_points`` on percent; "over" ``[v, v + slack]``, "under" ``[v -
    slack, v]``, where ``slack`` is the place value of the figure's last significant
    digit (a writer who says "more than 1,100" would have said "more than 1,200" if it
    were so), kept between ``bound_slack_min`` and ``bound_slack_max`` of ``v``. Two
    bounds are compatible when their intervals meet: "over 29%" ([29, 31.9]) and "about
    30%" ([28.5, 31.5]) agree, "nearly a third" ([25, 33.3]: a fraction in words bounds
    as far as a round figure, ``figures._fraction_step``) and "about 30%" agree, 40% and
    45% differ. A bound and an exact figure agree as two exact ones do, one's value
    inside the other's interval: a bound's own tolerance is all the slack it has, so
    "some 16" ([15.2, 16.8]) and 15 differ although 15's rounding interval reaches 16.
    A range ("12-15 people", "between 12 and 15 people", which the analyser gives as
    12 "over" and 15 "under") is one figure, ``[low, high]``: "12 people" and "14
    people" agree with it, 20 does not (``fact_items.joined_ranges``; its two ends read
    apart made the top end "under 15", [13.5, 15], differ from 12).
    Grouping is looser than status: a bound and an exact figure whose intervals meet
    are still readings of one measure (``figures.near``), so "some 16 House-passed
    measures" and "15 bills" are one fact, which differs. Everywhere below, "fit" for
    grouping means ``near``; the status alone asks for agreement.

Whose figure
    Two different figures whose clauses (from the previous figure or the sentence start
    to the figure) name people or organisations, none in common, are two measures: "Mr.
    Rask said his average city levy rate was 24 percent" and "The Holts' effective
    city levy rate for 2019 was 23.6 percent" (names are compared by their last word).
    A sentence whose subject is "he"/"she" and that names no person before its figure
    takes the one person the sentences just before it name ("Holloway came ... . He had
    612 yards"): one player's game and another's season are two measures
    (:func:`~newsprism.reconcile.fact_scope.holder`; false differs on ECB+).
    Two people's own figures ("Quill scored 20 points" / "Brand scored 14 points": a
    person named before the figure in its clause, no verb of saying between,
    :func:`~newsprism.reconcile.fact_scope.own_people`; names meet on any shared word)
    stay apart even where facts of two heads merge.
    A figure without a unit that is no whole number is read as percent where the story
    gives its measure in percent ("her 2019 city levy rate was 23.64").

Spans counted over
    A rate ("55 yards per game", "$40,000 a year", "30 percent daily") and a total of
    one head ("612 yards") are two measures, never one fact, even of one figure. Ages
    of two people of one surname (each full name with a given name the other lacks) are
    two measures, unless the ages are equal, one given name is a short form of the
    other ("Chris" / "Christopher") and no article names both people. A figure tied to
    a span only "that" or "those" names ("two people died in that standoff" /
    "three people died in those marches": one day's protest, a weekend's)
    joins a fact only where it agrees with every other source's figure there, so it
    never makes one differ (a false differ on the second Multi-News development gold,
    s35).
    :mod:`newsprism.reconcile.fact_scope` reads both off the figure's clause.

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

The items compared (what is comparable, heads, intervals, units) are read by
:mod:`newsprism.reconcile.fact_items`; this module groups them.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Final

import numpy as np
import numpy.typing as npt

from newsprism.analyze.numbers import parse_vague
from newsprism.model import Fact, FactAgreement, FactStatus, FactValue
from newsprism.reconcile.copy_rounding import copy_changed
from newsprism.reconcile.fact_frames import item_frame, other_frames
from newsprism.reconcile.fact_items import Item, collect_items, shares_without_sign, written_unit
from newsprism.reconcile.fact_owners import SentenceParser
from newsprism.reconcile.fact_people import two_people
from newsprism.reconcile.fact_readings import fits as _fits
from newsprism.reconcile.fact_readings import readings as _readings
from newsprism.reconcile.fact_readings import same_figure as _same_figure
from newsprism.reconcile.figures import (
    FactOptions,
    compatible,
    interval,
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

_STATUS_RANK: dict[FactStatus, int] = {"differ": 0, "agree": 1, "single": 2}


@dataclass
class _Slot:
    """A fact under construction (mutable, private to one call)."""

    items: list[Item] = field(default_factory=list)

    def articles(self) -> set[str]:
        return {i.article for i in self.items}


def _other_actors(a: Item, b: Item) -> bool:
    """Whether the clauses before two figures name different actors and none in common
    ("Mr. Rask said his average city levy rate was 24 percent" / "The Holts'
    effective city levy rate for 2019 was 23.6 percent"): two measures, not one. The
    same figure to the digit is let through: outlets credit one act to different names
    ("a review board released a 140-page report" / "Lind released a 140-page
    report")."""
    if not (a.actors and b.actors) or a.actors & b.actors:
        return False
    return not math.isclose(a.quantity.value, b.quantity.value, rel_tol=1e-9)


def _other_holders(a: Item, b: Item) -> bool:
    """Whether two figures of different value are two named people's own ("Quill scored
    20 points" / "Brand scored 14 points" in one game): each sentence names a person
    before its figure, with no verb of saying between (:func:`fact_scope.own_people`),
    and none in common. Kept apart also when a merge of two heads' facts would join
    them; the wider actors rule (:func:`_other_actors`, any name) stays within one head:
    across heads, organisations in a list ("$2,140.60 at a lakeside lodge") named one
    outlet's figures differently from another's of the same purchase (BASIL
    calibration gold differs lost)."""
    if not (a.people and b.people) or a.people & b.people:
        return False
    return not math.isclose(a.quantity.value, b.quantity.value, rel_tol=1e-9)


def _two_measures(a: Item, b: Item) -> bool:
    """Whether two figures are two measures whatever their values: other actors
    (:func:`_other_actors`) or owners (:func:`_other_holders`: "Quill scored 9 points and
    grabbed 14 rebounds", s39), or a rate and a total ("55 yards per game" / "612 yards":
    :func:`~newsprism.reconcile.fact_scope.per_unit`), even of one figure: "treats 40
    patients a day" / "treated 40 patients after the blast" are two measures (s37
    review H5: joining a rate and a total written alike made a false 'agree' and hid a
    third outlet's true differ; ECB+'s "14.9 points" / "14.9 points per game" pairs,
    which it joined, stay apart)."""
    return (
        a.rate != b.rate
        or other_frames(item_frame(a), item_frame(b))
        or _other_actors(a, b)
        or two_people(a, b)
        or _other_holders(a, b)
    )


def _joins_by_reference(item: Item, slot: _Slot) -> bool:
    """Whether ``item`` may join ``slot`` as far as spans named by reference go: where
    either side holds a figure tied to a span only "that"/"those" names ("two died in
    that standoff" / "three died in those marches"), every other source's figure must
    agree with it (:func:`~newsprism.reconcile.fact_scope.by_reference`)."""
    if not (item.by_reference or any(o.by_reference for o in slot.items)):
        return True
    return all(_fits(o, item) for o in slot.items if o.source != item.source)


_TALLY = "vote"  # the analyser's head for a vote tally's figures ("134 to 63")


def _suffix_heads(a: str, b: str, min_suffix: int) -> bool:
    """Whether two heads are one word or one ends the other ("dockworkers" / "workers"),
    the shorter at least ``min_suffix`` letters."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= min_suffix and long_.endswith(short)


def _head_classes(items: Sequence[Item], min_suffix: int) -> dict[tuple[str | None, str], str]:
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


def _slot_similarity(item: Item, slot: _Slot, sim: npt.NDArray[np.float32]) -> float:
    return max(float(sim[item.sentence, other.sentence]) for other in slot.items)


def _place(item: Item, slots: list[_Slot], sim: npt.NDArray[np.float32], opts: FactOptions) -> None:
    """Put one item into the slot of its measure it belongs to, or a new one."""
    for slot in slots:  # the same figure repeated in one article
        if any(o.article == item.article and _same_figure(o, item) for o in slot.items) and not any(
            _two_measures(o, item) for o in slot.items
        ):
            slot.items.append(item)
            return
    free = [
        s
        for s in slots
        if item.article not in s.articles()
        and not any(_two_measures(o, item) for o in s.items)
        and _joins_by_reference(item, s)
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


def _join_definite(item: Item, slots: list[_Slot]) -> bool:
    """A small definite numeral ("the two ferries") joins the fact of its measure where
    another source gives the same figure exactly ("chartered two ferries"); alone it
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


def _join_vague(item: Item, slots: list[_Slot], sim: npt.NDArray[np.float32]) -> None:
    """A vague plural ("scores of other riders injured") joins the fact of its measure, the
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


def _worded(item: Item) -> bool:
    """Whether a figure is a vague word, hedged or not ("hundreds", "about hundreds")."""
    words = item.quantity.text.split()
    return item.vague or (bool(words) and parse_vague(words[-1]) is not None)


def _outranks(own: Item, vague: Item, slot: _Slot, home: _Slot) -> bool:
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
    items: Sequence[Item], sim: npt.NDArray[np.float32], opts: FactOptions
) -> list[_Slot]:
    """Definite numerals of ``definite_pair_min`` or more that joined no fact, paired
    across sources: the same figure of one head in sentences at least
    ``differ_similarity`` alike ("All three permits cover ..." quoted by two
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


def _conflicted(items: Sequence[Item], strict: bool = False) -> bool:
    """Whether two figures from different sources are no readings of one measure, or
    (``strict``, for the status) cannot both hold."""
    together = _fits if strict else _readings
    return any(
        a.source != b.source and not (a.vague or b.vague) and not together(a, b)
        for n, a in enumerate(items)
        for b in items[n + 1 :]
    )


def _near(a: Sequence[Item], b: Sequence[Item], ratio: float) -> bool:
    """Whether every figure of ``a`` is within ``ratio`` of every figure of ``b``."""
    values = [abs(i.quantity.value) for i in (*a, *b)]
    return min(values) > 0 and max(values) <= ratio * min(values)


def _covered(items: Sequence[Item], by: Sequence[Item]) -> bool:
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
        if not all(_same_figure(x, y) and not _two_measures(x, y) for x in mine for y in theirs):
            return False  # two figures of one article, or one article's two people
    if _other_spans(a, b):
        return False
    if not _conflicted([*a.items, *b.items]):
        return True
    a_conflict, b_conflict = _conflicted(a.items), _conflicted(b.items)
    if not (a_conflict or b_conflict):
        return score >= opts.merge_differ_similarity and _near(a.items, b.items, opts.differ_ratio)
    if a_conflict and b_conflict:
        return _covered(a.items, b.items) and _covered(b.items, a.items)
    agreeing, other = (b, a) if a_conflict else (a, b)
    return _covered(agreeing.items, other.items)


def _other_spans(a: _Slot, b: _Slot) -> bool:
    """Whether merging would join a rate and a total, two people's ages
    (:func:`~newsprism.reconcile.fact_people.two_people`), two people's own figures
    (:func:`_other_holders`), or set a figure tied to a span named by reference against
    another source's figure it does not agree with (:func:`_joins_by_reference`)."""
    return any(
        x.rate != y.rate
        or other_frames(item_frame(x), item_frame(y))
        or two_people(x, y)
        or _other_holders(x, y)
        or (x.source != y.source and (x.by_reference or y.by_reference) and not _fits(x, y))
        for x in a.items
        for y in b.items
    )


def _has_exact(slot: _Slot) -> bool:
    """Whether the slot holds an exact figure (no "about", "over" or "under")."""
    return any(i.quantity.approx is None for i in slot.items)


def _same_value(a: _Slot, b: _Slot) -> bool:
    """Whether the two slots share a figure's value ("more than $10,000" / "at least
    $10,000")."""
    values = {i.quantity.value for i in a.items}
    return any(math.isclose(i.quantity.value, v, rel_tol=1e-9) for i in b.items for v in values)


def _tied(x: Item, y: Item) -> bool:
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
    unit, written in the same words by two sources ("$5.4 million"; "2,700 feet" /
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


def _one_thing(x: Item, y: Item) -> bool:
    """Whether two sources' figures may count one thing: neither is written with its
    counted noun, or their heads are tied (``_tied``: a tally's side, one word, one the
    other's ending). "117 survivors" / "117 homes", and "pulled 117" / "117 homes", are
    two things that share a figure; "by 214 votes to 137" / "the tally at 137" name none
    beside the figure."""
    return not (_counted_noun(x) or _counted_noun(y)) or _tied(x, y)


def _counted_noun(item: Item) -> bool:
    """Whether the figure's own words name what it counts ("117 survivors"), not the
    sentence around it (the verb of "pulled 117", the "tally" of "the tally at 137")."""
    about = (item.quantity.about or "").casefold()
    return bool(about) and about in item.quantity.text.casefold()


def _uncommon(item: Item) -> bool:
    """Whether a figure is written exactly with at least ``_UNCOMMON_DIGITS``
    significant digits ("117", "1,240", "43.6")."""
    found = _WRITTEN.findall(item.quantity.text)
    if len(found) != 1 or item.quantity.approx is not None:
        return False
    digits = found[0].replace(",", "").replace(".", "").strip("0")
    return len(digits) >= _UNCOMMON_DIGITS


_WRITTEN: Final = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _same_written(x: Item, y: Item) -> bool:
    """Whether two figures are written with the same digits, two or more, in the same
    unit ("2,700 feet" / "a 2,700-foot drop"): the same words but for the unit's form.
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


def _status(material: StoryMaterial, items: Sequence[Item]) -> FactStatus:
    if material.sources(i.article for i in items) < 2:
        return "differ" if copy_changed(items) else "single"
    return "differ" if _conflicted(items, strict=True) else "agree"


def _fact(material: StoryMaterial, items: list[Item]) -> Fact:
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
    status = _status(material, items)
    return Fact("", about, unit, status, values, _agreement(status, values))


def _agreement(status: FactStatus, values: Sequence[FactValue]) -> FactAgreement | None:
    """How an agreeing fact agrees: "exact" where every value is one figure and none is
    a bound or an approximation, else "compatible" ("over 10 percent" / "10.8%", "$29
    million" / "$29,614,208"); None for a fact that differs or has one source."""
    if status != "agree":
        return None
    first = values[0].value
    exact = all(v.approx is None and math.isclose(v.value, first, rel_tol=1e-9) for v in values)
    return "exact" if exact else "compatible"


def _compared_unit(items: Sequence[Item]) -> str | None:
    """The unit the items' figures are compared in (the analyser's unit; days for
    durations)."""
    return items[0].quantity.unit


def _rounded(value: float) -> float:
    """A converted figure without float noise (0.04 km / 0.001 is 40.0, not 40.00000001).
    Twelve significant digits: noise sits near the 16th, and six rewrote exact figures
    ("$29,614,208" shown as 29,614,200; two exact figures differing in the tens shown
    equal: s37 review 1)."""
    return float(f"{value:.12g}")


def compare_facts(
    material: StoryMaterial,
    options: FactOptions | None = None,
    parses: SentenceParser | None = None,
) -> list[Fact]:
    """The story's facts (module docstring: rules, order; ``parses``: shared sentence parses).

    Guarantee: every value's passage is its quantity's span (``article.text[start:end]``);
    a fact never holds two different figures of one article; ids are "f1".. in order.
    Cost: one lexical similarity matrix over the quantities' sentences, then quadratic
    pair checks within each measure and unit.
    """
    opts = options or FactOptions()
    items, sentences = collect_items(material, opts, parses)
    if not items:
        return []
    items = shares_without_sign(items, opts)
    texts = [s.text for s in sentences]
    sim = LexicalSimilarity().matrix(texts, texts)
    classes = _head_classes(items, opts.min_suffix)
    by_key: dict[tuple[str | None, str], list[_Slot]] = {}
    for item in items:
        if not (item.definite or item.vague):
            key = (item.quantity.unit, classes[(item.quantity.unit, item.head)])
            _place(item, by_key.setdefault(key, []), sim, opts)
    alone: dict[tuple[str | None, str], list[Item]] = {}
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
    result = [replace(f, id=f"f{n}") for n, f in enumerate(facts, 1)]
    logger.debug("%d facts from %d quantities", len(result), len(items))
    return result
