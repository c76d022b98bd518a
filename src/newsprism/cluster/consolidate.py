"""Merging and splitting stories: the part of
:class:`~newsprism.cluster.stories.StoryClusterer` that changes stories as a whole
(:class:`Consolidation`, a mixin it inherits).

Online merges: after each join, the story is scored against its own candidates; the most
probable one reaching ``join_probability`` is merged into the larger (the older on a tie),
at most :data:`_MAX_MERGES` times in a row. Between two stories of two or more members
each, a merge needs the story model (fitted on story-to-story examples alone) to pick it
and the join model to reach the cut too, and a split needs either to score the halves
under its cut (see *Why a story model* below).

:meth:`Consolidation.consolidate` (the batch runner calls it after every run) goes over
every hot story, oldest first, and merges those the model now joins: early articles saw
fewer members and an older IDF, so early splits are not final. Then, for each story
changed since its last check, it re-places members and splits: a member that the model
now places in another hot story (of two or more source members, at least at join odds
and above its odds with its own story's other members) moves there, with its copies;
then the story is split if its two halves no longer hold together
(:mod:`newsprism.cluster.split`: look-alike events merged one article at a time): its
2-means halves when the model scores them under ``split_probability``, or the two groups
of its members' nearest-neighbour graph when that graph falls apart in two (normalized
cut under ``graph_cut``, or ``named_graph_cut`` where both groups have names) and the
model scores them under ``graph_split_probability``.
Stories split apart are not merged back in the session (the merge check would undo the
split whenever the model scores the halves over the join cut). Then it merges again.

Why re-placement: the online join judges an article against the stories as they stand,
and an event's first reports meet a look-alike event's story before their own has
members; on ECB+ (text only) 4 stories held a single article of the other event of
their topic. Judged again once both stories have members, it goes where the model puts
it. A move is the argmax of the model's own odds (``ClusterOptions.replace_margin`` 0,
not tuned); same run, text only, graph split off, re-placement off / on: ECB+ B3 P
0.895 -> 0.927, F1 0.854 -> 0.881; Multi-News (the calibration set of the rule that a
target holds two or more source members) 0.907 -> 0.911; BASIL unchanged.

A member its own story rejects (log-odds with its other members under
``ClusterOptions.eject_logit``, its lead over its other candidates counted) and no other
story of two or more takes leaves for a story of its own, kept apart from the old one;
the merge pass then places it (a story of one merges with its lead counted, as a join: what a story
of one is to another story is a join). In another arrival order (Multi-News shuffled) an
article joined a story of one or two before its own event's reports came and stayed, at
log-odds -3 to -7 with the story it held by the end. Same run, lexical cross-set B3 F1,
arrival / reversed / shuffled / window-shuffled order: ECB+ 0.934 / 0.922 / 0.931 / 0.937
and BASIL 0.957 / 0.950 -> 0.955 / 0.923 -> 0.929 / 0.952 (the lead on merges of a story
of one), Multi-News 0.941 / 0.929 -> 0.933 / 0.935 -> 0.938 / 0.919 -> 0.926.

Why the graph split: two look-alike events merged at the join (ECB+: a whole topic in one
story) score as one story when their halves are judged by the model (log-odds 0-2, like
one event's halves), but each event's reports are one another's nearest neighbours. Same
run, lexical shipped model with names, graph split off / on: ECB+ B3 F1 0.876 -> 0.917
(P 0.845 -> 0.928); text only 0.881 -> 0.876 (P 0.927 -> 0.946); Multi-News, BASIL and
the stream's tuning seed unchanged; the stream's report seed 0.938 -> 0.943 (with
re-placement; eval/README.md, *On real news*, and ``ClusterOptions``).

Both parts of a split are checked again in the next round (before 5 Dec, night, the
split marked them checked, so a story whose 2-means cut took off a fragment kept the rest
mixed: on ECB+ a fragment of two was cut from two look-alike events' 21 reports, whose
nearest-neighbour graph fell apart at a normalized cut of 0.03). Same run, lexical
cross-set B3 F1 (P) ECB+ 0.917 (0.893) -> 0.924 (0.906), BASIL 0.890, Multi-News 0.944
and the stream (seed 42026) 0.974 unchanged; the text-only gate row's ECB+ P 0.948 ->
0.956. Not calibrated: the split pass's own cuts.

Split before freezing (:meth:`Consolidation.split_before_freeze`): a story that stops
being joined leaves the hot set ``keep_days`` later, and a frozen story keeps no members
to cut; so just before it freezes it gets the split check of the split pass (repeated on
what stays while its halves fall apart; the halves opened are as old as the story and
are frozen next, each after its own check), whether or not a consolidation ran since its
last merge. The generated stream is consolidated once, after its 90 days, and before this
every mixed story but the last month's stayed mixed (one held five stories of one town).
Calibrated on nothing new (the split pass's own cuts); same code before/after, one run,
lexical: the stream's tuning seed (72026) B3 F1 0.954 -> 0.968 at 2,000 articles (0.921
-> 0.943 at 5,000), its report seed (42026, 5,000, ``eval/clustering.py``) 0.943 -> 0.957
(P 0.898 -> 0.924, recall 0.993 both); ECB+, BASIL and Multi-News unchanged (undated sets
never freeze; BASIL's stories of three are under ``MIN_SPLIT``).

Why a story model: the join model is fitted on every teacher example, and nearly all are
an article against a story, so two stories of two look-alike events (ECB+: two pirate
captures, two players' DUI arrests) score like one story's halves (log-odds 2.6-5.6 with
the model fitted on BASIL, Multi-News and the stream), and the graph split, which finds
them, is refused. The story model is the same logistic model fitted on the teacher's
story-to-story rows alone (``eval/clustering_fit.py``). Same run, lexical, cross-set B3
F1 (P) ECB+ / BASIL / Multi-News: join model only 0.908 (0.872) / 0.890 / 0.944, stream
(seed 42026) 0.957; story model deciding alone 0.926 (0.906) / 0.890 / 0.944, stream
0.974, but the text-only gate row's ECB+ precision fell 0.946 -> 0.935 (its borderline
merges had story log-odds 0.1-0.9 and join log-odds under 0); both models needed for a
merge, either for a split (shipped) 0.917 (0.893) / 0.890 / 0.944, stream 0.974, gate
row ECB+ P 0.948.

Names looked up again: an article the analyser gave no names (one in another language)
takes the names of the hot stories written in its text when it comes
(:meth:`~newsprism.cluster.stories.StoryClusterer.add`); one that came before any story
named its event had none, and across languages nothing else joins it. Each consolidation
first looks again in such members' texts (kept with their story while it can be split,
and in the saved state) among the names held now. On the sample corpus in reversed folder
order the German port-strike report stayed a story of its own before 6 Dec; now it joins
the strike as in forward order. Same run before/after: ECB+, BASIL, Multi-News (lexical,
cross-set, shipped and text-only rows) and the generated stream (seed 42026) unchanged to
the third decimal (all their analysed articles but two of ECB+'s have names; text
only, no article has any, and there is no name to look up).

After it, the same articles give the same stories in one run or two, in any order, as
long as each pair of stories is either clearly joined or clearly apart (a tested
property on the sample corpus and in ``tests/test_cluster_runs.py``): the saved state
keeps what each member of a story that can still be split brought (format 3,
:mod:`newsprism.cluster.state`), so a story restored in a later run is re-placed and
split like one built in it.

The mixin holds no state of its own: it works on the clusterer's stories, indexes and
model, declared below for the type checker; the scoring it relies on
(:meth:`~newsprism.cluster.stories.StoryClusterer._closest_story`, ``_story_evidence``)
and the opening of new stories stay in the clusterer.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from newsprism.cluster.hot import HotStory as _Story
from newsprism.cluster.hot import absorb_keys as _absorb_keys
from newsprism.cluster.hot import absorb_span as _absorb_span
from newsprism.cluster.hot import absorb_story as _absorb_story
from newsprism.cluster.hot import merge_members as _merge_members
from newsprism.cluster.hot import spans_gap as _spans_gap
from newsprism.cluster.join import Evidence, lead_margins, with_lead
from newsprism.cluster.split import (
    graph_halves,
    halves,
    merge_kept,
    movable,
    rebuild,
    take,
    transfer,
)
from newsprism.cluster.threads import blas_threads

if TYPE_CHECKING:
    from newsprism.cluster.ann import CentroidIndex, NameIndex
    from newsprism.cluster.bound import LogitBound
    from newsprism.cluster.hot import MergeLog, Vector
    from newsprism.cluster.join import JoinModel
    from newsprism.cluster.options import ClusterOptions
    from newsprism.cluster.vectors import TextVectorizer

logger = logging.getLogger(__name__)

# Merges chained after one join at most (a bridging article rarely closes more gaps).
_MAX_MERGES = 4
# A member moves only to a story of at least this many source members: against a story
# of one the model has no cohesion to judge by (no_cohesion), and on the Multi-News sample
# (calibration) members so moved left true stories (text-only B3 F1 0.907 -> 0.903; with
# 2, 0.911).
_MIN_TARGET = 2
# Merge-then-split rounds of one consolidation at most (a split half can merge elsewhere).
_CONSOLIDATION_ROUNDS = 4
# Splits of one story before it freezes at most (each opens a story checked in turn); the
# generated stream's tuning seed mixed at most five stories in one.
_FREEZE_SPLITS = 8
# The clean graph cut's laxer odds (ClusterOptions.clean_graph_cut) hold only for groups
# whose name overlap (the join's IDF-weighted Jaccard) is under this: on invented
# corpora of one storm's reports and its clean-up's reports, which restate its figures
# (review s35/2 R7), the graph fell apart (cut 0-0.1) with the groups sharing 0.88-0.94
# of their names, and e7e13c0's laxer odds split them; on ECB+ every group pair under the
# clean cut shared 0.19 or less (cross-set lexical model, all four orders), so its rows
# are unchanged. Half, not tuned between: the groups share most of their names.
_CLEAN_NAMES = 0.5


def story_to_story(a: _Story, b: _Story) -> bool:
    """Whether two stories both hold two or more source members: a decision between
    them is the story model's as well as the join model's (what a story of one is to
    another story is a join)."""
    return min(a.sources, b.sources) >= 2


class Consolidation:
    """Merges and splits of whole stories, for
    :class:`~newsprism.cluster.stories.StoryClusterer` (see the module doc)."""

    # What the clusterer provides (set in its ``__init__``).
    options: ClusterOptions
    vectorizer: TextVectorizer
    _model: JoinModel
    _story_model: JoinModel
    _split_cut: float
    _graph_split_cut: float
    _clean_split_cut: float
    _apart: dict[int, set[int]]
    _ejected: set[int]
    _single_bound: LogitBound | None
    _cut: float
    _replace_margin: float
    _eject: float
    _ann: CentroidIndex
    _names: NameIndex
    _stories: dict[int, _Story]
    _story_of: dict[str, int]
    _merges: MergeLog
    _heap: list[tuple[float, int]]
    _weights: dict[str, float]

    if TYPE_CHECKING:

        def _closest_story(self, story: _Story, second_look: bool = False) -> _Story | None: ...

        def _story_evidence(self, a: _Story, b: _Story) -> Evidence | float: ...

        def _stories_known(self, a: _Story, b: _Story) -> Evidence | float: ...

        def _story_evidence_from(
            self, a: _Story, b: _Story, known: Evidence | float
        ) -> Evidence | float: ...

        def _open_story(self, article: str) -> _Story: ...

        def _candidates(self, vector: Vector, names: Iterable[str]) -> list[_Story]: ...

        def _in_window(self, gap: float | None) -> bool: ...

    def consolidate(self) -> int:
        """Merge every pair of hot stories the model now joins, oldest story first,
        until none is left; the number of merges. Early joins saw fewer members and an
        older IDF; this pass makes the grouping independent of the order articles came
        in (see the module doc). Cost: one merge check per hot story per pass."""
        merges = splits = moves = 0
        with blas_threads(self.options.blas_threads):
            self._find_names_again()
            for _ in range(_CONSOLIDATION_ROUNDS):
                merged = self._merges_at(second_look=False)
                split, moved = self._split_pass()
                merges, splits, moves = merges + merged, splits + split, moves + moved
                if not split and not moved:
                    break
            second = self._merges_at(second_look=True) if self._single_bound else 0
            if second:
                merges += second
                split, moved = self._split_pass()  # the grown stories' own check
                splits, moves = splits + split, moves + moved
        if merges or splits or moves:
            logger.info(
                "consolidation merged %d stories, split %d, moved %d members",
                merges,
                splits,
                moves,
            )
        return merges

    def _find_names_again(self) -> int:
        """Look again, among the names the hot stories hold now, for names in the text
        of each member the analyser gave none (:attr:`~newsprism.cluster.split.Kept.text`),
        and count those found into its story; the members that found any. At its arrival
        such an article found only the names of the stories before it: one that came
        before any story named its event stayed a story without names, which no merge
        check can join across languages (text cosines mean nothing there). Cost: one
        :meth:`~newsprism.cluster.ann.NameIndex.find_in` per such member."""
        found_any = 0
        for key in sorted(self._stories):
            story = self._stories[key]
            if not story.hot or not story.kept:
                continue
            for seq in sorted(story.kept):
                member = story.kept[seq]
                if member.text is None:
                    continue
                found = self._names.find_in(member.text) - member.names
                if not found:
                    continue
                story.kept[seq] = replace(member, names=member.names | found)
                fresh, dropped = _absorb_keys(story, found, (), ())
                self._names.add(story.key, fresh)
                self._names.remove(story.key, dropped)
                found_any += 1
        if found_any:
            logger.info("names found again in %d members' texts", found_any)
        return found_any

    def _merges_at(self, second_look: bool) -> int:
        """Merge the hot stories the model joins at the join cut until none is left;
        with ``second_look``, only the stories of one, at ``single_merge_probability``
        (not those an eject opened: their own story rejected them, and the laxer cut
        would put them back among look-alikes). The consolidation runs the second look
        last, once its rounds of merges and splits have settled, then checks the grown
        stories for a split: run before the split pass, it grew a story that a member
        of a look-alike event's story would have moved to (ECB+, gate row: that move
        and the split after it no longer came, leaving a story of 13 + 5)."""
        merges = 0
        changed = True
        while changed:
            changed = False
            for key in sorted(self._stories):
                story = self._stories.get(key)
                if story is None or not story.hot:
                    continue
                lax = second_look and story.sources == 1 and key not in self._ejected
                if second_look and not lax:
                    continue
                partner = self._closest_story(story, lax)
                if partner is not None:
                    self._merge(story, partner)
                    merges += 1
                    changed = True
        return merges

    def _split_pass(self) -> tuple[int, int]:
        """Re-place the members of every hot story changed since its last check, then
        split it if the model scores its best two-way cut under the split cut
        (:mod:`newsprism.cluster.split`); the splits and the members moved."""
        splits = moved = 0
        for key in sorted(self._stories):
            story = self._stories.get(key)
            if story is None or not story.hot or story.checked == story.sources:
                continue
            moved += self._replace_members(story)
            story.checked = story.sources
            halved = self._halves_to_split(story)
            if halved is not None:
                self._split(story, *halved)
                splits += 1
        return splits, moved

    def split_before_freeze(self, story: _Story) -> int:
        """Split ``story`` as the split pass would, as often as its halves fall apart,
        just before it leaves the hot set (the clusterer freezes it); the splits made.
        A story that stops being joined between two consolidations would otherwise be
        frozen with its last merges unchecked, and a frozen story keeps no members to
        cut: on a stream whose stories outlive no consolidation (the generated stream
        is consolidated once, after its 90 days) every mixed story but the last month's
        stayed mixed. The halves opened here are as old as the story, so they are
        frozen next, each after its own check. Cost: at most one check per story in its
        life (it freezes once; a story checked unchanged before is checked again, as its
        members may have been merged since), of the split pass's cost."""
        splits = 0
        while story.hot and splits < _FREEZE_SPLITS:
            halved = self._halves_to_split(story)
            if halved is None:
                break
            self._split(story, *halved)
            splits += 1
        return splits

    def _halves_to_split(self, story: _Story) -> tuple[_Story, _Story] | None:
        """The two halves ``story`` is to be split into, or None: the 2-means cut when
        the model scores its halves under the split cut; else the nearest-neighbour
        graph's cut when the graph holds two groups (normalized cut under
        ``graph_cut``; ``named_graph_cut`` where both have names) and the model scores
        them under ``graph_split_probability``."""
        dim = self.vectorizer.dim
        cut = halves(story)
        if cut is not None:
            one, two = (rebuild(story, -2 - i, "", seqs, dim) for i, seqs in enumerate(cut))
            if self._halves_logit(one, two) < self._split_cut:
                return one, two
        graph = graph_halves(story)
        widest = max(self.options.graph_cut, self.options.named_graph_cut)
        if graph is None or graph[2] >= widest:
            return None
        one, two = (rebuild(story, -2 - i, "", seqs, dim) for i, seqs in enumerate(graph[:2]))
        z, names = self._halves_odds(one, two)
        named = names is not None
        # Where names were measured, the model's doubt is informed by them and a looser
        # graph cut suffices (ClusterOptions.named_graph_cut); text alone scores one
        # event's halves low too, so without names the tight cut stays.
        limit = self.options.named_graph_cut if named else self.options.graph_cut
        # A graph that all but falls apart (ClusterOptions.clean_graph_cut) is evidence
        # the model's halves odds do not see: its own odds cut then (laxer by default),
        # taken as set, so each probability option alone governs its graphs.
        # Not where the groups share most of their names (_CLEAN_NAMES): two phases of
        # one event (a storm, then its clean-up) also fall apart in the graph.
        clean = graph[2] < self.options.clean_graph_cut and (names or 0.0) < _CLEAN_NAMES
        odds = self._clean_split_cut if clean else self._graph_split_cut
        return (one, two) if graph[2] < limit and z < odds else None

    def _halves_logit(self, one: _Story, two: _Story) -> float:
        """The log-odds that two halves are one story; with two or more members on each
        side, the lower of the join and story models' (either one splits)."""
        return self._halves_odds(one, two)[0]

    def _halves_odds(self, one: _Story, two: _Story) -> tuple[float, float | None]:
        """:meth:`_halves_logit`, and the halves' name overlap (None: not measured,
        where either half has no names)."""
        self._weights.clear()
        evidence = self._story_evidence(one, two)
        if not isinstance(evidence, Evidence):
            return math.inf, None
        z = self._model.logit(evidence)
        if story_to_story(one, two):
            z = min(z, self._story_model.logit(evidence))
        return z, evidence.names

    def _replace_members(self, story: _Story) -> int:
        """Move each member of ``story`` that the model places in another hot story
        (with at least join odds and above its own story without it) there, and open a
        story of its own for one that no story takes and its own rejects (log-odds under
        ``ClusterOptions.eject_logit``); the number moved. The online join saw a story of
        one or two members when it placed an early article; now both stories have their
        members (see the module doc)."""
        moved = 0
        dim = self.vectorizer.dim
        for seqs in movable(story):
            if story.sources < 2 or not seqs <= {seq for seq, _ in story.members}:
                continue
            single = rebuild(story, -4, "", seqs, dim)
            rest = rebuild(story, -5, "", {seq for seq, _ in story.members} - seqs, dim)
            target, own = self._better_story(single, rest, story)
            if target is not None and self._transfer(story, target, seqs):
                moved += 1
            elif own < self._eject and self._replace_margin < math.inf:  # None: off
                # An ejected member takes no second look (_merges_at).
                self._ejected.add(self._split(story, rest, single).key)
                moved += 1
        return moved

    def _better_story(
        self, single: _Story, rest: _Story, story: _Story
    ) -> tuple[_Story | None, float]:
        """The hot story (other than ``story``) the model joins ``single`` to with the
        highest log-odds, if that reaches the join cut and beats its odds with ``rest``;
        and its log-odds with ``rest`` counting its lead over its other candidates, as
        the join would if it arrived now (for ``ClusterOptions.eject_logit``)."""
        self._weights.clear()
        own = self._story_evidence(single, rest)
        if not isinstance(own, Evidence):
            return None, math.inf
        own_z = self._model.logit(own)
        floor = max(self._cut, own_z + self._replace_margin)
        best, best_z = None, floor
        means = [own.text_mean]
        for other in self._candidates(single.centroid(), single.names.keys()):
            if other is story or not other.hot:
                continue
            if not self._in_window(_spans_gap(single, other)):
                continue
            # The lead needs every candidate's text_mean, which the cheap evidence
            # holds already (the rest keeps it): only a target's overlaps are measured.
            known = self._stories_known(single, other)
            if isinstance(known, Evidence):
                means.append(known.text_mean)
            if other.sources < _MIN_TARGET or other.kept is None:
                continue
            evidence = self._story_evidence_from(single, other, known)
            z = self._model.logit(evidence) if isinstance(evidence, Evidence) else -math.inf
            if z > best_z:  # strictly: a moved member never moves back on a tie
                best, best_z = other, z
        return best, self._model.logit(with_lead(own, lead_margins(means)[0]))

    def _transfer(self, story: _Story, target: _Story, seqs: set[int]) -> bool:
        """Move members ``seqs`` of ``story`` to ``target``; False when they cannot be."""
        moved = transfer(story, target, seqs, self.vectorizer.dim)
        if moved is None:
            return False
        rest, plus = moved
        for changed, content in ((story, rest), (target, plus)):
            self._names.remove(changed.key, changed.names.keys() | changed.speakers.keys())
            take(changed, content)
            self._names.add(changed.key, changed.names.keys() | changed.speakers.keys())
            self._ann.put(changed.key, changed.centroid())
        target.checked = 0  # changed: checked for a split again
        self._story_of.update((a, target.key) for _, a in target.members)
        if target.touched is not None:
            heapq.heappush(self._heap, (target.touched, target.key))
        logger.info("story %s: %d members moved to %s", story.id, len(seqs), target.id)
        return True

    def _split(self, story: _Story, stay: _Story, move: _Story) -> _Story:
        """Keep ``stay``'s members in ``story`` and open a story for ``move``'s (returned)."""
        self._names.remove(story.key, story.names.keys() | story.speakers.keys())
        take(story, stay)
        new = self._open_story(move.members[0][1])
        take(new, move)
        story.checked = new.checked = 0  # each part is checked again in the next round
        for opened in (story, new):
            self._names.add(opened.key, opened.names.keys() | opened.speakers.keys())
            self._ann.put(opened.key, opened.centroid())
            self._story_of.update((a, opened.key) for _, a in opened.members)
        if new.touched is not None:
            heapq.heappush(self._heap, (new.touched, new.key))
        apart = self._apart.get(story.key, set())
        self._apart[new.key] = apart | {story.key}
        self._apart[story.key] = apart | {new.key}
        logger.info("story %s split: %d members to %s", story.id, len(new.members), new.id)
        return new

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
        self._keep_apart(keep.key, gone.key)
        self._ejected -= {keep.key, gone.key}  # no longer a story of one
        self._names.recent_stories -= 1
        self._record_merge(gone.id, keep.id)
        return keep

    def _keep_apart(self, keep: int, gone: int) -> None:
        """After ``gone`` merged into ``keep``: ``keep`` stays apart from the stories
        ``gone`` was split from, and they from ``keep``."""
        others = self._apart.pop(gone, set())
        if others:
            self._apart.setdefault(keep, set()).update(others - {keep})
        for other in others:
            held = self._apart.get(other)
            if held is not None:
                held.discard(gone)
                if other != keep:
                    held.add(keep)

    def _record_merge(self, gone: str, keep: str) -> None:
        logger.info("story %s merged into %s", gone, keep)
        self._merges.record(gone, keep)
