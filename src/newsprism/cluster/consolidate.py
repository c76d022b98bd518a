"""Merging and splitting stories: the part of
:class:`~newsprism.cluster.stories.StoryClusterer` that changes stories as a whole
(:class:`Consolidation`, a mixin it inherits).

Online merges: after each join, the story is scored against its own candidates; the most
probable one reaching ``join_probability`` is merged into the larger (the older on a tie),
at most :data:`_MAX_MERGES` times in a row.

:meth:`Consolidation.consolidate` (the batch runner calls it after every run) goes over
every hot story, oldest first, and merges those the model now joins: early articles saw
fewer members and an older IDF, so early splits are not final. Then it splits each story
changed since its last check whose two halves the model no longer holds together
(:mod:`newsprism.cluster.split`: look-alike events merged one article at a time), and
merges again. After it, the same articles give the same stories in one run or two, in any
order, as long as each pair of stories is either clearly joined or clearly apart (a tested
property on the sample corpus).

The mixin holds no state of its own: it works on the clusterer's stories, indexes and
model, declared below for the type checker; the scoring it relies on
(:meth:`~newsprism.cluster.stories.StoryClusterer._closest_story`, ``_story_evidence``)
and the opening of new stories stay in the clusterer.
"""

from __future__ import annotations

import heapq
import logging
from typing import TYPE_CHECKING

from newsprism.cluster.hot import HotStory as _Story
from newsprism.cluster.hot import absorb_span as _absorb_span
from newsprism.cluster.hot import absorb_story as _absorb_story
from newsprism.cluster.hot import merge_members as _merge_members
from newsprism.cluster.join import Evidence
from newsprism.cluster.split import halves, merge_kept, rebuild, take
from newsprism.cluster.threads import blas_threads

if TYPE_CHECKING:
    from newsprism.cluster.ann import CentroidIndex, NameIndex
    from newsprism.cluster.hot import MergeLog
    from newsprism.cluster.join import JoinModel
    from newsprism.cluster.options import ClusterOptions
    from newsprism.cluster.vectors import TextVectorizer

logger = logging.getLogger(__name__)

# Merges chained after one join at most (a bridging article rarely closes more gaps).
_MAX_MERGES = 4
# Merge-then-split rounds of one consolidation at most (a split half can merge elsewhere).
_CONSOLIDATION_ROUNDS = 4


class Consolidation:
    """Merges and splits of whole stories, for
    :class:`~newsprism.cluster.stories.StoryClusterer` (see the module doc)."""

    # What the clusterer provides (set in its ``__init__``).
    options: ClusterOptions
    vectorizer: TextVectorizer
    _model: JoinModel
    _split_cut: float
    _ann: CentroidIndex
    _names: NameIndex
    _stories: dict[int, _Story]
    _story_of: dict[str, int]
    _merges: MergeLog
    _heap: list[tuple[float, int]]
    _weights: dict[str, float]

    if TYPE_CHECKING:

        def _closest_story(self, story: _Story) -> _Story | None: ...

        def _story_evidence(self, a: _Story, b: _Story) -> Evidence | float: ...

        def _open_story(self, article: str) -> _Story: ...

    def consolidate(self) -> int:
        """Merge every pair of hot stories the model now joins, oldest story first,
        until none is left; the number of merges. Early joins saw fewer members and an
        older IDF; this pass makes the grouping independent of the order articles came
        in (see the module doc). Cost: one merge check per hot story per pass."""
        merges = splits = 0
        with blas_threads(self.options.blas_threads):
            for _ in range(_CONSOLIDATION_ROUNDS):
                merged = self._merge_pass()
                split = self._split_pass()
                merges, splits = merges + merged, splits + split
                if not split:
                    break
        if merges or splits:
            logger.info("consolidation merged %d stories, split %d", merges, splits)
        return merges

    def _merge_pass(self) -> int:
        merges = 0
        changed = True
        while changed:
            changed = False
            for key in sorted(self._stories):
                story = self._stories.get(key)
                hot = story is not None and story.hot
                partner = self._closest_story(story) if story is not None and hot else None
                if story is not None and partner is not None:
                    self._merge(story, partner)
                    merges += 1
                    changed = True
        return merges

    def _split_pass(self) -> int:
        """Split every hot story changed since its last check whose best two-way cut the
        model scores under the split cut (:mod:`newsprism.cluster.split`)."""
        splits = 0
        for key in sorted(self._stories):
            story = self._stories.get(key)
            if story is None or not story.hot or story.checked == story.sources:
                continue
            story.checked = story.sources
            cut = halves(story)
            if cut is None:
                continue
            dim = self.vectorizer.dim
            one, two = (rebuild(story, -2 - i, "", seqs, dim) for i, seqs in enumerate(cut))
            self._weights.clear()
            evidence = self._story_evidence(one, two)
            if isinstance(evidence, Evidence) and self._model.logit(evidence) < self._split_cut:
                self._split(story, one, two)
                splits += 1
        return splits

    def _split(self, story: _Story, stay: _Story, move: _Story) -> None:
        """Keep ``stay``'s members in ``story`` and open a story for ``move``'s."""
        self._names.remove(story.key, story.names.keys() | story.speakers.keys())
        take(story, stay)
        new = self._open_story(move.members[0][1])
        take(new, move)
        for opened in (story, new):
            self._names.add(opened.key, opened.names.keys() | opened.speakers.keys())
            self._ann.put(opened.key, opened.centroid())
            self._story_of.update((a, opened.key) for _, a in opened.members)
        if new.touched is not None:
            heapq.heappush(self._heap, (new.touched, new.key))
        logger.info("story %s split: %d members to %s", story.id, len(new.members), new.id)

    def _merge_converging(self, story: _Story) -> None:
        for _ in range(_MAX_MERGES):
            partner = self._closest_story(story)
            if partner is None:
                return
            story = self._merge(story, partner)

    def _merge(self, a: _Story, b: _Story) -> _Story:
        """Merge the smaller story into the larger (the older on a tie); record it."""
        keep, gone = sorted((a, b), key=lambda s: (-s.sources, s.key))
        self._names.remove(gone.key, gone.names.keys() | gone.speakers.keys())
        self._names.add(keep.key, gone.names.keys() | gone.speakers.keys())
        self._ann.discard(gone.key)
        _merge_members(keep, gone)
        merge_kept(keep, gone)
        keep.sources += gone.sources
        if keep.total is not None and gone.total is not None:
            keep.total += gone.total
        self._names.remove(keep.key, _absorb_story(keep, gone))
        _absorb_span(keep, gone)
        if keep.touched is not None:
            heapq.heappush(self._heap, (keep.touched, keep.key))
        self._ann.put(keep.key, keep.centroid())
        for _, article in gone.members:
            self._story_of[article] = keep.key
        del self._stories[gone.key]
        self._names.recent_stories -= 1
        self._record_merge(gone.id, keep.id)
        return keep

    def _record_merge(self, gone: str, keep: str) -> None:
        logger.info("story %s merged into %s", gone, keep)
        self._merges.record(gone, keep)
