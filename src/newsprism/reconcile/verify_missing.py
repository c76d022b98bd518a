"""What a summary leaves out: the story's best-supported statements and facts that no
summary sentence carries (the ``missing`` list of :func:`~newsprism.reconcile.verify.
verify_summary`).

* statements: the brief's summary sentences carried by at least ``share`` of the
  story's sources (two at least) that no summary sentence is ``threshold`` similar to;
* facts: the figures of a brief fact that fit its most widely sourced value, when
  that many sources give them and the summary gives no fitting figure;
* measures the facts did not group (a figure with a unit whose counted noun was not
  found: "75 miles above Antarctica"), given alike by that many sources.
"""

from __future__ import annotations

import logging
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.model import Analysis, Brief, Fact, FactValue, MissingItem, Passage, Quantity
from newsprism.reconcile.figures import agree, compatible, figure_of, value_figure
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import TextSimilarity

logger = logging.getLogger(__name__)

__all__ = ["SUMMARY_ID", "MissingOptions", "find_missing", "quantities_at"]

#: The pseudo-article id the summary is analysed under.
SUMMARY_ID = "summary"


def inside(
    material: StoryMaterial,
    passage: Passage,
    kind: str,
    items: Callable[[Analysis], Sequence[tuple[int, int, object]]],
) -> list[object]:
    """The items of the passage's article (``items`` lists them, each with its start and
    end) that lie within the passage, in the order ``items`` gives: a bisection into a
    table of them by start, built once per article and ``kind``."""
    memo = material.memo(f"verify-{kind}")
    table = memo.get(passage.article)
    if table is None:
        analysis = material.analysis(passage.article)
        listed = items(analysis) if analysis is not None else []
        rows = sorted((start, end, n) for n, (start, end, _) in enumerate(listed))
        table = memo[passage.article] = ([r[0] for r in rows], rows, [x for *_, x in listed])
    starts, rows, found = table
    lo, hi = bisect_left(starts, passage.start), bisect_right(starts, passage.end)
    return [found[n] for n in sorted(n for _, end, n in rows[lo:hi] if end <= passage.end)]


def quantities_in(material: StoryMaterial, passage: Passage) -> list[Quantity]:
    """The article's quantities inside the passage (as ``agreement.quantities_in``)."""
    found = inside(
        material, passage, "quantities", lambda a: [(q.start, q.end, q) for q in a.quantities]
    )
    return [q for q in found if isinstance(q, Quantity)]


def _majority(material: StoryMaterial, share: float) -> int:
    total = material.sources(a.id for a in material.articles if a.id != SUMMARY_ID)
    return max(2, math.ceil(share * total))


@dataclass(frozen=True)
class MissingOptions:
    """``share``: least share of the story's sources (and two) an item must have;
    ``threshold``: least similarity of a summary sentence to a brief sentence for the
    summary to carry it (the verify support threshold); ``most``: items listed."""

    share: float
    threshold: float
    most: int


def find_missing(
    material: StoryMaterial,
    brief: Brief,
    sentences: Sequence[Passage],
    similarity: TextSimilarity,
    options: MissingOptions,
) -> list[MissingItem]:
    """Well-supported brief sentences and agreed facts the summary does not carry.
    ``material`` holds the summary as the article :data:`SUMMARY_ID`; ``sentences``
    are its sentences."""
    least = _majority(material, options.share)
    items = _missing_statements(material, brief, sentences, similarity, options, least)
    given = [q for s in sentences for q in quantities_in(material, s)]
    items += _missing_facts(material, brief, given, least)
    items += _shared_measures(material, given, least, [p for i in items for p in i.passages])
    items.sort(key=lambda i: -material.sources(i.sources))
    # One line per sentence: a sentence may carry two facts, or be a statement too.
    unique = list({item.text: item for item in reversed(items)}.values())[::-1]
    return unique[: options.most]


def _missing_statements(
    material: StoryMaterial,
    brief: Brief,
    sentences: Sequence[Passage],
    similarity: TextSimilarity,
    options: MissingOptions,
    least: int,
) -> list[MissingItem]:
    """The brief's summary sentences ``least`` sources carry that no summary sentence
    is ``options.threshold`` similar to (all of them when the summary has none)."""
    carried = [s for s in brief.summary if material.sources(s.sources) >= least]
    if carried and sentences:
        sim = similarity.matrix([s.passage.text for s in carried], [s.text for s in sentences])
        carried = [
            line
            for row, line in zip(sim, carried, strict=True)
            if float(np.max(row)) < options.threshold
        ]
    return [MissingItem("statement", s.passage.text, s.sources, s.support) for s in carried]


def _missing_facts(
    material: StoryMaterial, brief: Brief, given: Sequence[Quantity], least: int
) -> list[MissingItem]:
    """The brief's facts whose agreeing values ``least`` sources give and no figure the
    summary gives (``given``) fits, each as the sentence of its first value."""
    items: list[MissingItem] = []
    for fact in brief.facts:
        group = _agreeing_values(material, fact)
        articles = tuple(dict.fromkeys(v.passage.article for v in group))
        if material.sources(articles) < least:
            continue
        figures = [q for v in group for q in quantities_at(material, v.passage)]
        if any(compatible(q, f) for q in given for f in figures if q.unit == f.unit):
            continue
        first = group[0].passage
        sentence = material.sentence_at(first.article, first.start) or first
        passages = tuple(v.passage for v in group)
        items.append(MissingItem("fact", sentence.text.strip(), articles, passages, fact.about))
    return items


def _shared_measures(
    material: StoryMaterial, given: Sequence[Quantity], least: int, listed: Sequence[Passage]
) -> list[MissingItem]:
    """Measures (figures with a unit: 75 miles, 21 percent) that most sources give
    alike but the facts did not group (no counted noun found, or grouped under another
    head), and the summary does not give."""
    found: list[tuple[str, Quantity]] = [
        (a.id, q)
        for a in material.articles
        if a.id != SUMMARY_ID
        for q in quantities_at(material, material.passage(a.id, 0, len(a.text)))
        if q.unit is not None and not material.in_headline_list(a.id, q.start)
    ]
    taken = {(p.article, p.start) for p in listed}
    known = [*given, *(t for p in listed for t in quantities_at(material, p))]
    # Each figure's interval made once (compatible made both per pair).
    figures = [figure_of(q) for _, q in found]
    known_figures = [(g.unit, figure_of(g)) for g in known]
    items: list[MissingItem] = []
    for (article, q), mine in zip(found, figures, strict=True):
        if (article, q.start) in taken or any(
            unit == q.unit and agree(g, mine) for unit, g in known_figures
        ):
            continue  # given by the summary, or listed already under a fact
        alike = [
            (a, t)
            for (a, t), theirs in zip(found, figures, strict=True)
            if t.unit == q.unit and agree(mine, theirs)
        ]
        articles = tuple(dict.fromkeys(a for a, _ in alike))
        if material.sources(articles) < least:
            continue
        taken |= {(a, t.start) for a, t in alike}
        passages = tuple(material.passage(a, t.start, t.end) for a, t in alike)
        sentence = material.sentence_at(article, q.start)
        text = sentence.text.strip() if sentence else q.text
        items.append(MissingItem("fact", text, articles, passages, q.about))
    return items


def _agreeing_values(material: StoryMaterial, fact: Fact) -> list[FactValue]:
    """The fact's values that fit its most widely sourced value (all of them when the
    outlets agree; the majority's when one outlet differs)."""
    best: list[FactValue] = []
    best_sources = 0
    # Each value's figure made once, and each figure's group once: a fact that every
    # article of a big story gives holds a thousand values, most of them alike (the
    # group of a figure seen before changes nothing: its sources are no more).
    figures = [value_figure(v, fact.unit) for v in fact.values]
    for figure in dict.fromkeys(figures):
        group = [v for v, f in zip(fact.values, figures, strict=True) if agree(figure, f)]
        sources = material.sources(v.passage.article for v in group)
        if sources > best_sources:
            best, best_sources = group, sources
    return best


def quantities_at(material: StoryMaterial, passage: Passage) -> list[Quantity]:
    """The quantities of the passage's article that overlap the passage."""
    analysis = material.analysis(passage.article)
    if analysis is None:
        return []
    return [q for q in analysis.quantities if q.start < passage.end and passage.start < q.end]
