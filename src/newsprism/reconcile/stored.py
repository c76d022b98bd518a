"""Briefs kept in the store, so a brief is computed once per version of its story.

A stored brief is the story's JSON brief (:func:`newsprism.render.jsonout.brief_to_dict`,
everything every renderer reads) under two keys:

- ``members``: a digest of the story's articles in story order and its duplicate groups.
  Any change of membership (an article joined, a merge, a copy group found) misses; so
  does a reordering, since items are listed in story order.
- ``version``: the analyser version (:data:`~newsprism.analyze.analyzer.ANALYZER_VERSION`),
  :data:`BRIEF_VERSION`, the similarity kind (dense and lexical briefs differ) and a
  digest of the reconcile code, so a brief made by other code is never served even when
  a developer forgets to bump :data:`BRIEF_VERSION`.

One row per story: a new brief replaces the story's old one, and a story removed by a
merge takes its brief with it (a trigger of migration ``0008_stored_briefs``). Only briefs
made with the default step options are stored (what ``analyze``, ``brief`` and the web
use); a brief is stored only when every article of the story has an analysis (one whose
analysis failed is retried later, and its brief must then be remade). A read-only store
is never written: briefs are computed and not kept.

Cost: a hit is one indexed lookup and one JSON decode (a few ms for 50 articles); it
loads no similarity model.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import cache
from importlib import resources

from newsprism.analyze.analyzer import ANALYZER_VERSION
from newsprism.cluster.vectors import dense_available
from newsprism.errors import StoreError
from newsprism.model import Brief, Story
from newsprism.reconcile.brief import BriefOptions, Reconciler, material_of
from newsprism.reconcile.material import StoryMaterial
from newsprism.render.jsonout import brief_from_dict, brief_to_dict
from newsprism.store import Store

logger = logging.getLogger(__name__)

__all__ = ["BRIEF_VERSION", "StoredBriefs", "members_key", "version_key"]

# Bump when a reconcile step changes what it writes for the same input (the code digest
# in version_key also catches changes of the reconcile package's source).
BRIEF_VERSION = "1"


def members_key(story: Story) -> str:
    """Digest of the story's membership: article ids in story order, duplicate groups."""
    shape = {"articles": list(story.articles), "duplicates": sorted(map(list, story.duplicates))}
    return hashlib.sha256(json.dumps(shape).encode()).hexdigest()


@cache
def _code_digest() -> str:
    """Digest of the reconcile package's source files (read once per process)."""
    digest = hashlib.sha256()
    package = resources.files("newsprism.reconcile")
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:16]


def similarity_kind(embeddings: str) -> str:
    """The similarity kind, "dense" or "lexical", that ``make_similarity(embeddings)``
    picks, decided without loading a model."""
    dense = embeddings == "on" or (embeddings == "auto" and dense_available())
    return "dense" if dense else "lexical"


def version_key(kind: str) -> str:
    """The version a stored brief must carry to be served (see the module docstring)."""
    return f"analysis {ANALYZER_VERSION}; brief {BRIEF_VERSION}; {kind}; code {_code_digest()}"


class StoredBriefs:
    """Briefs read from the store, computed (and stored, when the store is writable)
    on a miss. The :class:`Reconciler` (and its similarity model) is made on the first
    miss, so serving stored briefs loads no model. ``computed`` counts the briefs
    computed (not read). Not thread-safe: callers that share one hold a lock around
    :meth:`make` (as the web app does)."""

    def __init__(self, options: BriefOptions | None = None) -> None:
        self.options = options or BriefOptions()
        # Other step options make other briefs: those are computed, never stored.
        self._storable = self.options == BriefOptions(embeddings=self.options.embeddings)
        self._version = version_key(similarity_kind(self.options.embeddings))
        self._reconciler: Reconciler | None = None
        self.computed = 0

    @property
    def reconciler(self) -> Reconciler:
        """The reconciler (made, and its model loaded, on first use)."""
        if self._reconciler is None:
            self._reconciler = Reconciler(self.options)
            # make_similarity("on") may differ from the guess when the extra is missing
            # (it raises then); "auto" may too if the extra appeared mid-process.
            kind = "dense" if self._reconciler.similarity.dense else "lexical"
            self._version = version_key(kind)
        return self._reconciler

    def lookup(self, store: Store, story: Story) -> Brief | None:
        """The stored brief of this version of ``story``, or None."""
        if not self._storable:
            return None
        data = store.briefs.get(story.id, members_key(story), self._version)
        if data is None:
            return None
        try:
            return brief_from_dict(json.loads(data), story)
        except (KeyError, TypeError, ValueError):
            logger.warning("stored brief of story %s is unreadable; it will be remade", story.id)
            return None

    def make(self, store: Store, story: Story, material: StoryMaterial | None = None) -> Brief:
        """Compute the brief of ``story`` and store it (when the store allows)."""
        material = material or material_of(store, story)
        brief = self.reconciler.brief(material)
        self.computed += 1
        if self._storable and not store.read_only and _fully_analysed(material):
            self._save(store, story, brief)
        return brief

    def get(self, store: Store, story: Story, material: StoryMaterial | None = None) -> Brief:
        """The stored brief of ``story``, or a new one (stored when possible)."""
        found = self.lookup(store, story)
        return found if found is not None else self.make(store, story, material)

    def _save(self, store: Store, story: Story, brief: Brief) -> None:
        data = json.dumps(brief_to_dict(brief), ensure_ascii=False)
        try:
            store.briefs.put(story.id, members_key(story), self._version, data)
        except StoreError as exc:  # locked by another writer: serve it, store it next time
            logger.warning("brief of story %s not stored: %s", story.id, exc)


def _fully_analysed(material: StoryMaterial) -> bool:
    return all(a.id in material.analyses for a in material.articles)
