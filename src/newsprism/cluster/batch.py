"""Group stored articles into stories, incrementally: only articles not yet in a story are
added, to near-duplicate and story indexes restored from the store, and the run is saved
in one transaction.

Order matters for an online clusterer, so new articles are added by publication time
(undated ones last), then id: the same input always gives the same stories.

Fixed cost per run: the clusterer's saved state holds the hot window only; frozen stories
are read back from the store only when a copy of one of their articles arrives (see
:mod:`newsprism.cluster.cold`), so restoring and saving do not grow with the store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import islice

from newsprism.analyze.aliases import AliasTable
from newsprism.cluster.cold import StoredStories
from newsprism.cluster.dedup import DedupOptions, signature, signature_bytes
from newsprism.cluster.dedup_window import WindowedDuplicates
from newsprism.cluster.state import DamagedState
from newsprism.cluster.stories import ClusterOptions, StoryClusterer, signals_of
from newsprism.cluster.vectors import make_vectorizer
from newsprism.model import Analysis, Article, Story
from newsprism.store import ClusteringUpdate, Store

logger = logging.getLogger(__name__)

STATE_NAME = "stories"
_UNDATED = datetime.max.replace(tzinfo=UTC)
# Articles handed to the clusterer at once: its vectorisation batch, and the progress step.
_CHUNK = 128


@dataclass(frozen=True)
class StoryOptions:
    """How copies are folded and stories formed (see :class:`DedupOptions` and
    :class:`~newsprism.cluster.stories.ClusterOptions`)."""

    dedup: DedupOptions = field(default_factory=DedupOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)


def arrival_order(articles: Sequence[Article]) -> list[Article]:
    """Articles by publication time (undated last), then id: the clustering order."""
    return sorted(articles, key=lambda a: (a.published or _UNDATED, a.id))


def cluster_stored(
    store: Store,
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    options: StoryOptions | None = None,
    on_done: Callable[[int], None] | None = None,
) -> list[Story]:
    """The stories of ``articles``, adding those not yet in a story to the store's stories.

    Guarantee: every article ends in exactly one story; earlier stories are extended or
    merged, never rebuilt. Cost per new article: one MinHash, one LSH lookup, one
    vectorisation and one nearest-neighbour query over recent stories.
    """
    options = options or StoryOptions()
    waiting = set(store.unclustered(a.id for a in articles))
    new = arrival_order([a for a in articles if a.id in waiting])
    if new:
        _add_articles(store, new, analyses, options, on_done)
    return store.stories_of(a.id for a in articles)


def _add_articles(
    store: Store,
    new: list[Article],
    analyses: Mapping[str, Analysis],
    options: StoryOptions,
    on_done: Callable[[int], None] | None,
) -> None:
    # Copies are looked for among hot articles only (story clustering's keep_days),
    # through the store's band index: nothing is loaded up front.
    duplicates = WindowedDuplicates(store, options.cluster.keep_days, options.dedup)
    clusterer = _restore_clusterer(store, options)
    aliases = AliasTable.default()
    signatures: list[tuple[str, bytes]] = []
    stream = iter(new)
    while chunk := list(islice(stream, _CHUNK)):
        signals = []
        for article in chunk:
            sig = signature(article.text, options.dedup)
            signatures.append((article.id, signature_bytes(sig, options.dedup)))
            twin = duplicates.add(article.id, sig, article.published)
            signals.append(signals_of(article, analyses.get(article.id), aliases, twin))
        clusterer.add_many(signals)
        if on_done is not None:
            on_done(len(chunk))
    clusterer.consolidate()
    clusterer.refreeze_unjoined()
    merged = clusterer.merges()
    stories = _touched(clusterer, {a.id for a in new}, set(merged.values()), duplicates)
    stories += _unsaved_restored(store, clusterer, {s.id for s in stories}, duplicates)
    state = {STATE_NAME: clusterer.state()}
    store.save_clustering(
        ClusteringUpdate(signatures, stories, list(merged), state, duplicates.update())
    )


def _touched(
    clusterer: StoryClusterer, added: set[str], kept: set[str], duplicates: WindowedDuplicates
) -> list[Story]:
    """The stories this run changed (new members, merged into, split or left by a member),
    with their copy groups. Before, only stories with a new article or a merge were saved:
    a restored story split in a later run (before freezing, a fresh IDF) or left by a
    re-placed member stayed whole in the store while the clusterer held its halves."""
    changed = {s.id for s in clusterer.changed()}
    touched = [
        s
        for s in clusterer.stories()
        if s.id in changed or s.id in kept or added.intersection(s.articles)
    ]
    return _touched_records(touched, duplicates)


def _touched_records(touched: list[Story], duplicates: WindowedDuplicates) -> list[Story]:
    """The stories with their copy groups."""
    groups = duplicates.groups_of(a for s in touched for a in s.articles)
    group_of = {member: group for group in groups for member in group}
    return [_with_duplicates(s, group_of) for s in touched]


def _unsaved_restored(
    store: Store, clusterer: StoryClusterer, saving: set[str], duplicates: WindowedDuplicates
) -> list[Story]:
    """Frozen stories read from an old state that held every story (format 1) whose
    articles the store has in no story: saved now, as the new state drops them. Runs once
    per store (later states are current); none are expected, it guards against loss."""
    restored = [s for s in clusterer.restored_frozen() if s.id not in saving]
    if not restored:
        return []
    loose = set(store.unclustered(a for s in restored for a in s.articles))
    missing = [s for s in restored if loose.intersection(s.articles)]
    if missing:
        logger.warning("saving %d frozen stories only the old state held", len(missing))
    return _touched_records(missing, duplicates)


def _restore_clusterer(store: Store, options: StoryOptions) -> StoryClusterer:
    """The store's clusterer, with the store's stories as its cold stories. With
    ``embeddings="auto"`` it goes on with the vectorizer the stored stories were made with
    (installing the ``embed`` extra later does not strand them); "on"/"off" must match it
    (ClusterStateMismatch says how)."""
    saved = store.clusterer_state(STATE_NAME)
    from newsprism.analyze.analyzer import ANALYZER_VERSION  # here: that module loads spaCy

    cold = StoredStories(store, ANALYZER_VERSION)
    if saved is None:
        return StoryClusterer(options.cluster, make_vectorizer(options.cluster), cold)
    vectorizer = None if options.cluster.embeddings == "auto" else make_vectorizer(options.cluster)
    try:
        return StoryClusterer.from_state(saved, options.cluster, vectorizer, cold)
    except DamagedState as exc:
        # The state is the hot window only, rebuilt as articles come; the stories are
        # the store's. A damaged one ended every later analyze run in a traceback, the
        # new articles stored but never grouped: go on from the stored stories instead
        # (frozen, as after keep_days; new articles start new stories, copies still join).
        logger.warning(
            "%s: %s; grouping goes on from the stored stories (new articles do not join "
            "stories from before this run)",
            store.path,
            exc,
        )
        return StoryClusterer(options.cluster, make_vectorizer(options.cluster), cold)


def _with_duplicates(story: Story, group_of: Mapping[str, tuple[str, ...]]) -> Story:
    """The story with the copy groups (two or more members) that lie wholly inside it."""
    members = set(story.articles)
    groups = {group_of[a] for a in story.articles if a in group_of}
    inside = sorted(g for g in groups if len(g) > 1 and members.issuperset(g))
    return replace(story, duplicates=tuple(inside))
