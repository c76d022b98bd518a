"""Splitting a story whose members no longer hold together: the second half of the
consolidation pass (:meth:`~newsprism.cluster.stories.StoryClusterer.consolidate`).

The online join decides one article at a time, and on real news that is where look-alike
events merge: ECB+'s topics hold two events of one kind (two earthquakes, two piracy
attacks), and an article of the second event joins the first's story when it is judged
against a story of one or two members. Once the story holds both events the evidence is
there: its members fall into two groups, each closer to itself than to the other. This
module keeps, while a story is hot and small enough (:data:`MAX_KEPT` members), what each
member brought (its text vector, names, speakers, numbers, date, language); finds the
story's best two-way cut (spherical 2-means, seeded by the member farthest from the
centroid and the member farthest from it); and rebuilds the two halves as stories, so
that the join model can judge them as it judges two stories for a merge. The clusterer
splits when the model's log-odds for the halves being one story fall under the split cut
(``ClusterOptions.split_probability``), a stricter cut than the merge's, so a split half
is never merged straight back.

A second cut, :func:`graph_halves`, follows the members' nearest-neighbour graph (each
member linked to its :data:`NEIGHBOURS` most similar fellow members, cut where the
normalized cut is least along the graph's Fiedler vector): two look-alike events whose
halves the model still scores as one story are, member by member, each other's
strangers; the clusterer splits on it under stricter conditions
(``ClusterOptions.graph_cut`` and ``graph_split_probability``).

Order independence: the cut depends on the set of members only (rows sorted by article
id, ties broken by that order), not on the order they arrived in.

Cost: only stories changed since their last check are examined, each in O(members x dim
x iterations) with members <= :data:`MAX_KEPT`; memory: 2 x dim bytes and the key sets
per kept member (and the text of a member the analyser gave no names), dropped when the
story is frozen or outgrows :data:`MAX_KEPT`. The saved state keeps them too (format 3,
:mod:`newsprism.cluster.state`), so a story restored in a later run is split like one
built in it; a story restored from an older state keeps none and is never split.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt

from newsprism.cluster.hot import HotStory, Profile, absorb_keys, widen_span

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_KEPT",
    "MIN_SPLIT",
    "Kept",
    "graph_halves",
    "halves",
    "keep",
    "merge_kept",
    "movable",
    "rebuild",
    "take",
    "transfer",
]

# Stories of more members are not split (and keep nothing per member): bounds the memory
# and the cost of a check. ECB+'s largest over-merged topic held 30 articles, the
# evaluation stream's largest story 40.
MAX_KEPT = 64
# Fewer source members than this are never split: with three, one half is a single
# article, which is the join's own decision and already judged by it.
MIN_SPLIT = 4
# The nearest-neighbour graph's cut (graph_halves): each member linked to this many of its
# nearest fellow members, and stories of fewer source members than MIN_GRAPH are not cut
# that way (with fewer, every member links to nearly every other and the graph shows no
# groups).
NEIGHBOURS = 3
MIN_GRAPH = 8
# What a rebuilt half hands to the story that takes its members (key and id stay).
_CONTENT = (
    "members",
    "sources",
    "total",
    "names",
    "speakers",
    "numbers",
    "days",
    "languages",
    "headlines",
    "kept",
    "first_day",
    "last_day",
    "first_published",
    "last_published",
    "touched",
)
# 2-means rounds at most (it settles in two or three on the evaluation sets).
_ROUNDS = 12


@dataclass(frozen=True, slots=True)
class Kept:
    """What one member brought to its story; ``vector`` None for a copy (which follows
    ``copy_of``, its original, and adds nothing to the story's content). ``text`` is kept
    for a source member the analyser gave no names (its ``names`` were looked up in it
    among the names known when it came), so the consolidation can look again
    (:meth:`~newsprism.cluster.consolidate.Consolidation.consolidate`)."""

    article: str
    vector: npt.NDArray[np.float16] | None
    names: frozenset[str]
    speakers: frozenset[str]
    numbers: frozenset[str]
    day: float | None
    published: datetime | None
    language: str | None
    copy_of: str | None = None
    text: str | None = None
    # The calendar days its text gives (signals.calendar_days); none in a format 3 state.
    days: frozenset[str] = frozenset()


def keep(story: HotStory, seq: int, member: Kept) -> None:
    """Record a member just added to ``story`` (under its sequence number), or stop
    keeping members once the story outgrows :data:`MAX_KEPT`."""
    if story.kept is None:
        return
    if len(story.members) > MAX_KEPT:
        story.kept = None
        return
    story.kept[seq] = member


def merge_kept(keep_story: HotStory, gone: HotStory) -> None:
    """``gone``'s kept members into ``keep_story``'s (after their members merged)."""
    if keep_story.kept is None or gone.kept is None or len(keep_story.members) > MAX_KEPT:
        keep_story.kept = None
        return
    keep_story.kept.update(gone.kept)


def _complete(story: HotStory) -> dict[int, Kept] | None:
    kept = story.kept
    return kept if kept is not None and len(kept) == len(story.members) else None


def halves(story: HotStory) -> tuple[set[int], set[int]] | None:
    """The story's best two-way cut as two sets of member sequence numbers (the half
    holding the story's first member first), or None when it cannot be cut (too few
    source members, a member not kept, or every member on one side)."""
    kept = _complete(story)
    if kept is None:
        return None
    sources = sorted((k.article, seq) for seq, k in kept.items() if k.vector is not None)
    if len(sources) < MIN_SPLIT:
        return None
    rows = np.stack([kept[seq].vector for _, seq in sources]).astype(np.float32)  # type: ignore[misc]
    side = _two_means(rows)
    if side is None:
        return None
    one = {seq for (_, seq), b in zip(sources, side, strict=True) if not b}
    two = {seq for (_, seq), b in zip(sources, side, strict=True) if b}
    _place_copies(kept, one, two)
    first = story.members[0][0]
    return (one, two) if first in one else (two, one)


def graph_halves(story: HotStory) -> tuple[set[int], set[int], float] | None:
    """The story's cut through its members' nearest-neighbour graph, with the cut's
    normalized-cut value (0: two groups no member's :data:`NEIGHBOURS` nearest cross;
    about 1: no structure), or None below :data:`MIN_GRAPH` source members or when not
    every member is kept. Half order and copies as in :func:`halves`."""
    kept = _complete(story)
    if kept is None:
        return None
    sources = sorted((k.article, seq) for seq, k in kept.items() if k.vector is not None)
    if len(sources) < MIN_GRAPH:
        return None
    rows = np.stack([kept[seq].vector for _, seq in sources]).astype(np.float32)  # type: ignore[misc]
    side, value = _graph_cut(rows)
    one = {seq for (_, seq), b in zip(sources, side, strict=True) if not b}
    two = {seq for (_, seq), b in zip(sources, side, strict=True) if b}
    _place_copies(kept, one, two)
    first = story.members[0][0]
    return (one, two, value) if first in one else (two, one, value)


def _graph_cut(rows: npt.NDArray[np.float32]) -> tuple[npt.NDArray[np.bool_], float]:
    """Spectral cut of the symmetric k-nearest-neighbour graph (edge weight: the cosine,
    floored at 0): the members ordered by the normalized Laplacian's second eigenvector
    (the Fiedler vector), cut where the normalized cut is least; (side, its value)."""
    n = len(rows)
    sims = rows @ rows.T
    np.fill_diagonal(sims, -np.inf)
    near = np.argsort(-sims, axis=1, kind="stable")[:, :NEIGHBOURS]
    graph = np.zeros((n, n), np.float64)
    at = np.arange(n)[:, None]
    graph[at, near] = np.maximum(sims[at, near], 0.0)
    graph = np.maximum(graph, graph.T)
    degree = np.maximum(graph.sum(axis=1), 1e-12)
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(n) - graph * scale[:, None] * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)
    order = np.argsort(vectors[:, 1] * scale, kind="stable")
    best, best_side = math.inf, np.zeros(n, np.bool_)
    for size in range(1, n):
        side = np.zeros(n, np.bool_)
        side[order[:size]] = True
        cut = float(graph[side][:, ~side].sum())
        value = cut / max(float(degree[side].sum()), 1e-12) + cut / max(
            float(degree[~side].sum()), 1e-12
        )
        if value < best:
            best, best_side = value, side
    return best_side, best


def movable(story: HotStory) -> list[set[int]]:
    """Each source member of ``story`` with its copies, as sets of sequence numbers, in
    article-id order (so re-placement does not depend on arrival order); empty when the
    story has under two source members or does not keep every member."""
    kept = _complete(story)
    if kept is None:
        return []
    sources = sorted((k.article, seq) for seq, k in kept.items() if k.vector is not None)
    if len(sources) < 2:
        return []
    copies: dict[str, set[int]] = {}
    for seq, member in kept.items():
        if member.vector is None and member.copy_of:
            copies.setdefault(member.copy_of, set()).add(seq)
    return [{seq} | copies.get(article, set()) for article, seq in sources]


def _two_means(rows: npt.NDArray[np.float32]) -> npt.NDArray[np.bool_] | None:
    """Spherical 2-means over unit rows: True for the rows of the second group."""
    far = int(np.argmin(rows @ rows.sum(axis=0)))
    other = int(np.argmin(rows @ rows[far]))
    if other == far:
        return None
    seeds = rows[[far, other]]
    side: npt.NDArray[np.bool_] | None = None
    for _ in range(_ROUNDS):
        new = rows @ seeds[1] > rows @ seeds[0]
        if side is not None and np.array_equal(new, side):
            break
        side = new
        if side.all() or not side.any():
            return None
        seeds = np.stack([_unit(rows[~side].sum(axis=0)), _unit(rows[side].sum(axis=0))])
    return side


def _unit(vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def _place_copies(kept: dict[int, Kept], one: set[int], two: set[int]) -> None:
    """A copy goes with its original (to the first half when that is not here)."""
    where = {kept[seq].article: seq in two for seq in one | two}
    for seq, member in kept.items():
        if member.vector is None:
            (two if where.get(member.copy_of or "", False) else one).add(seq)


def rebuild(story: HotStory, key: int, story_id: str, seqs: set[int], dim: int) -> HotStory:
    """A hot story of ``story``'s members ``seqs`` as if they alone had joined it: total,
    name/speaker/number counts, languages, headlines and span from the kept members;
    ``touched`` is ``story``'s."""
    return _build(_complete(story) or {}, story.headlines, story.touched, key, story_id, seqs, dim)


def transfer(
    source: HotStory, target: HotStory, seqs: set[int], dim: int
) -> tuple[HotStory, HotStory] | None:
    """``source`` without its members ``seqs`` and ``target`` with them, rebuilt (keys and
    ids kept; give them back with :func:`take`); None unless both keep every member."""
    kept, into = _complete(source), _complete(target)
    if kept is None or into is None:
        return None
    pool = {**into, **{seq: kept[seq] for seq in seqs}}
    headlines = sorted(target.headlines + [h for h in source.headlines if h[0] in seqs])
    touched = max((t for t in (source.touched, target.touched) if t is not None), default=None)
    rest = _build(
        kept, source.headlines, source.touched, source.key, source.id, set(kept) - seqs, dim
    )
    plus = _build(pool, headlines, touched, target.key, target.id, set(pool), dim)
    return rest, plus


def _build(
    kept: dict[int, Kept],
    headlines: list[tuple[int, str, npt.NDArray[np.float16]]],
    touched: float | None,
    key: int,
    story_id: str,
    seqs: set[int],
    dim: int,
) -> HotStory:
    half = HotStory(key, story_id, total=np.zeros(dim, np.float32))
    half.members = sorted((seq, kept[seq].article) for seq in seqs)
    half.kept = {seq: kept[seq] for seq in seqs}
    half.names, half.speakers, half.numbers = Profile(), Profile(), Profile()
    half.days = Profile()
    half.languages = Counter()
    for seq, _ in half.members:
        member = kept[seq]
        widen_span(half, member.day, member.published)
        if member.vector is None:
            continue
        half.sources += 1
        half.total += member.vector.astype(np.float32)  # type: ignore[operator]
        absorb_keys(half, member.names, member.speakers, member.numbers, member.days)
        if member.language:
            half.languages[member.language] += 1
    half.headlines = [h for h in headlines if h[0] in seqs]
    half.touched = touched
    return half


def take(target: HotStory, half: HotStory) -> None:
    """Give ``target`` the content of ``half`` (from :func:`rebuild`); caches reset."""
    for name in _CONTENT:
        setattr(target, name, getattr(half, name))
    target.norm = target.stacked = None
    target.checked = target.sources
