"""Scoring an article or a story against a story: the evidence the join model reads,
for :class:`~newsprism.cluster.stories.StoryClusterer` (:class:`Scoring`, a mixin it
inherits, as it does :class:`~newsprism.cluster.consolidate.Consolidation`).

The cheap fields (text cosines with the story's members and centroid, cohesion, the time
gap) are measured first (``_article_known``, ``_stories_known``); the costly ones (IDF-
weighted overlaps of names, speakers and numbers, then the best headline cosine) only
while the model's bound (:class:`~newsprism.cluster.bound.LogitBound`) says the margin can
still reach the floor (``_article_rest``, ``_stories_rest``). Sides in different languages
(with a vectorizer that is not multilingual) are scored by names alone (``_names_margin``).
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from newsprism.cluster.ann import NameIndex
from newsprism.cluster.bound import Caps, LogitBound, overlap_of, unmeasured
from newsprism.cluster.bound import is_unmeasured as _unmeasured
from newsprism.cluster.hot import (
    MIN_SHARED_NAMES,
    Vector,
    number_overlap,
    overlap_caps,
    weighted_overlap,
)
from newsprism.cluster.hot import HotStory as _Story
from newsprism.cluster.hot import best_headline as _best_headline
from newsprism.cluster.hot import best_headline_pair as _best_headline_pair
from newsprism.cluster.hot import gap as _gap
from newsprism.cluster.hot import names_only as _names_only
from newsprism.cluster.hot import norm_sq as _norm_sq
from newsprism.cluster.hot import spans_gap as _spans_gap
from newsprism.cluster.join import Evidence, cohesion, names_gap, pooled_cohesion
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.signals import ArticleSignals

logger = logging.getLogger(__name__)

__all__ = ["Item", "Scoring", "Side"]

# One side of an overlap: a story's counts, or an article's names (each counted once).
Side = Mapping[str, float] | frozenset[str]


@dataclass(frozen=True, slots=True)
class Item:
    """An article being placed: its signals with vectors, day and name keys."""

    signals: ArticleSignals
    seq: int
    day: float | None
    vector: Vector
    headline: Vector | None
    names: frozenset[str]
    speakers: frozenset[str]
    numbers: frozenset[str] = frozenset()
    # The calendar days the text gives (ArticleSignals.days).
    days: frozenset[str] = frozenset()
    # The analyser gave no names: ``names`` were looked up in the text (NameIndex.find_in)
    # among the names known then, and are looked up again by the consolidation.
    unread: bool = False


def _primary(language: str | None) -> str | None:
    return language.split("-")[0].casefold() if language else None


class Scoring:
    """The evidence between an article or a story and a story, for
    :class:`~newsprism.cluster.stories.StoryClusterer` (see the module doc)."""

    # What the clusterer provides (set in its ``__init__``).
    options: ClusterOptions
    _bound: LogitBound
    _names: NameIndex
    _weights: dict[str, float]
    _multilingual: bool

    def _article_evidence(self, item: Item, story: _Story) -> Evidence | float:
        """The evidence for the join model, or the names-only margin where text
        cannot be compared."""
        known = self._article_known(item, story)
        full = (
            self._article_rest(item, story, known, -math.inf)
            if isinstance(known, Evidence)
            else None
        )
        return known if full is None else full

    def _article_known(self, item: Item, story: _Story) -> Evidence | float:
        """The cheap evidence (text cosines, cohesion, time gap), the costly fields
        (names, speakers, numbers, title) left :data:`~newsprism.cluster.bound.UNMEASURED`
        where both sides have them; or the names-only margin."""
        if not self._same_language(item.signals.language, story.language()):
            shared = len(item.names & story.names.keys())
            return self._names_margin(shared, item.names, item.speakers, 1.0, story)
        total = story.total
        total_sq, nonzero = _norm_sq(story)
        if total is None or not story.sources or not item.vector.any() or not nonzero:
            return self._names_margin(MIN_SHARED_NAMES, item.names, item.speakers, 1.0, story)
        dot = float(np.dot(item.vector, total))
        has_title = item.headline is not None and bool(story.headlines and item.headline.any())
        names, numbers = (
            overlap_of(item.names, story.names),
            overlap_of(item.numbers, story.numbers),
        )
        gap = _gap(item.day, story.first_day, story.last_day)
        return Evidence(
            text_mean=dot / story.sources,
            text_centroid=dot / math.sqrt(total_sq),
            title=unmeasured(has_title),
            names=names,
            speakers=overlap_of(item.speakers, story.speakers),
            gap_days=gap,
            cohesion=cohesion(total_sq, story.sources),
            numbers=numbers,
            names_gap=names if gap is not None and names is not None else None,
            days=number_overlap(dict.fromkeys(item.days, 1.0), 1.0, story.days, story.sources),
        )

    def _article_rest(
        self, item: Item, story: _Story, known: Evidence, floor: float, caps: Caps | None = None
    ) -> Evidence | None:
        """``known`` with its unmeasured fields measured (names first, the strongest;
        the headline last, the costliest); None once the bound (with ``caps``, the
        overlaps' upper bounds, where given) shows the margin cannot reach ``floor``."""
        if _unmeasured(known.names):
            names = self._overlap(item.names, 1.0, story.names, story.sources)
            known = replace(
                known,
                names=names,
                names_gap=names_gap(names, known.gap_days),
            )
            if self._bound.ceiling(known, caps) < floor:
                return None
        known = replace(
            known,
            speakers=self._overlap(item.speakers, 1.0, story.speakers, story.sources)
            if _unmeasured(known.speakers)
            else known.speakers,
            numbers=number_overlap(
                dict.fromkeys(item.numbers, 1.0), 1.0, story.numbers, story.sources
            )
            if _unmeasured(known.numbers)
            else known.numbers,
        )
        if self._bound.ceiling(known, caps) < floor:  # the headline product costs the most
            return None
        return replace(known, title=_best_headline(item.headline, story))

    def _story_evidence(self, a: _Story, b: _Story) -> Evidence | float:
        """The evidence between two stories (text_mean is the mean cosine over the
        pairs of their members: average linkage), or the names-only margin."""
        return self._story_evidence_from(a, b, self._stories_known(a, b))

    def _story_evidence_from(
        self, a: _Story, b: _Story, known: Evidence | float
    ) -> Evidence | float:
        """:meth:`_story_evidence` given its cheap part ``known`` (:meth:`_stories_known`),
        which keeps its text_mean and text_centroid (the rest measures the overlaps)."""
        full = self._stories_rest(a, b, known, -math.inf) if isinstance(known, Evidence) else None
        return known if full is None else full

    def _stories_known(self, a: _Story, b: _Story) -> Evidence | float:
        """As :meth:`_article_known`, between two stories."""
        if not self._same_language(a.language(), b.language()):
            shared = len(a.names.keys() & b.names.keys())
            return self._names_margin(shared, a.names, a.speakers, a.sources, b)
        (a_sq, a_any), (b_sq, b_any) = _norm_sq(a), _norm_sq(b)
        if a.total is None or b.total is None or not a_any or not b_any:
            return self._names_margin(MIN_SHARED_NAMES, a.names, a.speakers, a.sources, b)
        dot = float(np.dot(a.total, b.total))
        names, numbers = (
            overlap_of(a.names.keys(), b.names),
            overlap_of(a.numbers.keys(), b.numbers),
        )
        gap = _spans_gap(a, b)
        return Evidence(
            text_mean=dot / (a.sources * b.sources),
            text_centroid=dot / math.sqrt(a_sq * b_sq),
            title=unmeasured(bool(a.headlines) and bool(b.headlines)),
            names=names,
            speakers=overlap_of(a.speakers.keys(), b.speakers),
            gap_days=gap,
            cohesion=pooled_cohesion((a_sq, a.sources), (b_sq, b.sources)),
            numbers=numbers,
            names_gap=names if gap is not None and names is not None else None,
            days=number_overlap(a.days, a.sources, b.days, b.sources),
        )

    def _stories_rest(
        self,
        a: _Story,
        b: _Story,
        known: Evidence,
        floor: float,
        caps: Caps | None = None,
        bound: LogitBound | None = None,
    ) -> Evidence | None:
        """As :meth:`_article_rest`, between two stories (``floor`` a margin of
        ``bound``'s model; the join model's by default)."""
        bound = bound or self._bound
        if _unmeasured(known.names):
            names = self._overlap(a.names, a.sources, b.names, b.sources)
            known = replace(
                known,
                names=names,
                names_gap=names_gap(names, known.gap_days),
            )
            if bound.ceiling(known, caps) < floor:
                return None
        known = replace(
            known,
            speakers=self._overlap(a.speakers, a.sources, b.speakers, b.sources)
            if _unmeasured(known.speakers)
            else known.speakers,
            numbers=number_overlap(a.numbers, a.sources, b.numbers, b.sources)
            if _unmeasured(known.numbers)
            else known.numbers,
        )
        if bound.ceiling(known, caps) < floor:
            return None
        return replace(known, title=_best_headline_pair(a, b))

    def _caps(
        self, known: Evidence, sides: tuple[Side, Side, Side], size: float, story: _Story
    ) -> dict[str, float]:
        """Upper bounds of ``known``'s unmeasured overlaps (:func:`overlap_caps`)."""
        floor = self._names.weight_floor()
        return overlap_caps(known, sides, size, story, self._weights, self._names.weight, floor)

    def _same_language(self, first: str | None, second: str | None) -> bool:
        a, b = _primary(first), _primary(second)
        return self._multilingual or a is None or b is None or a == b

    def _names_margin(
        self, shared: int, names: Side, speakers: Side, size: float, story: _Story
    ) -> float:
        """The names-only margin of one side's names and speakers with ``story``'s."""
        return _names_only(
            self.options.names_threshold,
            shared,
            self._overlap(names, size, story.names, story.sources),
            self._overlap(speakers, size, story.speakers, story.sources),
        )

    def _overlap(
        self, first: Side, first_size: float, counts: Counter[str], size: int
    ) -> float | None:
        """IDF-weighted Jaccard of two sides' name frequencies (count / size; an
        article's names as a set, each of frequency 1); None when either side has none.
        The IDF weights are memoised in ``_weights`` for one scoring round (no story
        changes within one; :meth:`_best_story` and :meth:`_closest_story` start one)."""
        if not first or not counts:
            return None
        side = first if isinstance(first, Mapping) else dict.fromkeys(first, 1.0)
        return weighted_overlap(side, first_size, counts, size, self._weights, self._names.weight)
