"""Frozen stories live in the store, not in the clusterer's saved state.

A story the clusterer froze (no join for ``keep_days``) never takes a new source again;
its members, title and span are already stored (``stories`` and ``story_articles``), so
the clusterer's state holds only the hot window and a run's fixed cost (read the state,
restore it, save it) does not grow with the store. Two things still reach back for a
frozen story, rarely: a syndicated copy of one of its articles (the copy joins the
original's story), and an article added again (it keeps its story). For these the
clusterer asks a :class:`ColdStories`: the store (:class:`StoredStories`), or anything
that keeps what :meth:`~newsprism.cluster.stories.StoryClusterer.release_frozen` hands
over. A store can also list the stories near a date, with their members' signals
(:meth:`StoredStories.near`): what a late article re-heats (:mod:`newsprism.cluster.reheat`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from newsprism.cluster.signals import ArticleSignals, signals_of
from newsprism.model import Story
from newsprism.store import MAX_ROWS, ArticleQuery, Store

logger = logging.getLogger(__name__)

__all__ = ["ColdStories", "StoredStories"]


class ColdStories(Protocol):
    """Where frozen stories are kept, for the clusterer's rare look-ups."""

    def holding(self, article_ids: Sequence[str]) -> list[Story]:
        """The kept stories holding any of these articles (each once)."""
        ...

    def taken(self, story_id: str) -> bool:
        """Whether a kept story has this id (a new story must not reuse it)."""
        ...


class StoredStories:
    """The store's stories as :class:`ColdStories`. Cost: ``holding`` one indexed
    look-up per id (a few hundred ids a query) plus one per story found; ``taken`` one
    indexed look-up."""

    def __init__(self, store: Store, analysis_version: str | None = None) -> None:
        self._store = store
        # Set: re-heated members take their names from their stored analyses, of this
        # version or an older one (None: none read).
        self._version = analysis_version

    def holding(self, article_ids: Sequence[str]) -> list[Story]:
        if not article_ids:
            return []
        return self._store.stories_of(article_ids)

    def taken(self, story_id: str) -> bool:
        # Ids sort by prefix, so an exact match is the first id starting with it.
        return self._store.ids_starting("stories", story_id, limit=1) == [story_id]

    def near(self, start: datetime, end: datetime) -> list[tuple[Story, list[ArticleSignals]]]:
        """The stored stories with a member published in [start, end), each with its
        members' signals (names from their stored analyses, of any version when
        ``analysis_version`` is set: :meth:`Store.newest_analyses`; a store analysed before
        a version bump holds the old version's, and names are what every version finds).
        Cost: one dated range query, one look-up per story found, and one batched
        article read and one batched analysis read for their members."""
        dated = self._store.list_articles(ArticleQuery(since=start, until=end, limit=MAX_ROWS))
        if not dated:
            return []
        stories = self._store.stories_of(a.id for a in dated)
        wanted = [m for s in stories for m in s.articles]
        members = {a.id: a for a in self._store.get_articles(wanted)}
        analyses = {} if self._version is None else self._store.newest_analyses(members)
        out = []
        for story in stories:
            signals = [
                signals_of(members[a], analyses.get(a)) for a in story.articles if a in members
            ]
            out.append((story, signals))
        return out
