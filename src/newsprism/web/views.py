"""What the pages show, computed from the store and the briefs: plain data, no HTML.

Every string here is untrusted article text; the templates escape it. Highlights and word
diffs are returned as segments ``(text, kinds)`` so that mark-up is only ever added by the
template around escaped text, never taken from an article.
"""

from __future__ import annotations

import difflib
import itertools
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsprism.model import Analysis, Article, Brief, Exclusive, Statement, Story
from newsprism.render import jsonout
from newsprism.render.lists import capped, names, passage_outlet, wordings
from newsprism.store import ArticleQuery, Store
from newsprism.store_notes import empty_store_note

logger = logging.getLogger(__name__)

# Articles searched at most per story-list query: the stories are those of the best matches.
SEARCH_LIMIT = 2000
_TOKEN = re.compile(r"\S+|\s+")
_WORD_EDGE = re.compile(r"^\W+|\W+$")

Segment = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class StoryRow:
    """One line of the story list."""

    story: Story
    outlets: list[str]

    @property
    def last_update(self) -> str | None:
        when = self.story.last_published or self.story.first_published
        return when.isoformat() if when else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **jsonout.story_to_dict(self.story),
            "outlets": self.outlets,
            "last_update": self.last_update,
        }


@dataclass(frozen=True)
class StoryPage:
    """One page of the story list: rows, and where it lies in the whole list."""

    rows: list[StoryRow]
    page: int
    per_page: int
    total: int
    fresh: frozenset[str] = frozenset()  # ids of the rows new or changed since ``since``
    since: datetime | None = None
    # Why a store lists no story at all (None when it lists some, or a search found none).
    empty_note: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def count_stories(store: Store) -> int:
    """How many stories the store holds (one COUNT query)."""
    return store.count_stories()


def outlets_by_story(store: Store, stories: Sequence[Story]) -> dict[str, list[str]]:
    """Each story's outlets, sorted ("?" for an article without one), in one join."""
    return store.outlets_by_story(s.id for s in stories)


def story_page(
    store: Store, query: str | None, page: int, per_page: int, since: datetime | None = None
) -> StoryPage:
    """The stories on ``page`` (1-based): all stories, most recent first, or with ``query``
    those holding an article matching every word (best match first); with ``since``, which
    of them arrived or changed after it. Cost: one FTS query (searching), one page of
    stories, one join for their outlets, and one lookup per row with ``since``."""
    offset = (page - 1) * per_page
    if query and query.strip():
        hits = store.list_articles(ArticleQuery(search=query, limit=SEARCH_LIMIT))
        stories = store.stories_of(a.id for a in hits)
        total, chosen = len(stories), stories[offset : offset + per_page]
    else:
        total, chosen = count_stories(store), store.list_stories(per_page, offset)
    outlets = outlets_by_story(store, chosen)
    rows = [StoryRow(s, outlets[s.id]) for s in chosen]
    fresh = store.stories_updated_since((s.id for s in chosen), since) if since else set()
    searched = bool(query and query.strip())
    note = None if total or searched else empty_store_note(store.count_articles(), "web")
    return StoryPage(rows, page, per_page, total, frozenset(fresh), since, note)


@dataclass
class CachedBrief:
    """A brief with what its page needs beside it: each article's outlet and title, and
    the story page once rendered (it depends on nothing else, so it is cached with it)."""

    brief: Brief
    articles: list[Article]
    page: str | None = None

    @property
    def outlet_of(self) -> dict[str, str]:
        return {a.id: a.outlet or a.id[:10] for a in self.articles}


# A story's id, its article ids and when it was last stored or changed.
_Key = tuple[str, tuple[str, ...], str | None]


class BriefCache:
    """Briefs computed on demand, kept in an LRU keyed by story id, its article ids and
    its stamp (so a story that gained articles, or whose article was edited, is
    recomputed). Thread-safe: a hit costs a dict
    lookup under a short lock and never waits for a brief being computed; misses are
    computed one at a time (the Reconciler's similarity model is shared)."""

    def __init__(self, make: Callable[[Store, Story], CachedBrief], size: int = 256) -> None:
        self._make = make
        self._size = size
        self._items: OrderedDict[_Key, CachedBrief] = OrderedDict()
        self._lock = threading.Lock()
        self._computing = threading.Lock()

    def get(self, store: Store, story: Story) -> CachedBrief:
        # The stamp too: an edited page kept as a version changes a member's text, not
        # the membership (newsprism.store_versions).
        key = (story.id, story.articles, store.story_stamp(story.id))
        found = self._lookup(key)
        if found is not None:
            return found
        with self._computing:
            found = self._lookup(key) or self._make(store, story)
            logger.info("brief of story %s ready", story.id)
        with self._lock:
            self._items[key] = found
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return found

    def _lookup(self, key: _Key) -> CachedBrief | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found


def _norm(word: str) -> str:
    return _WORD_EDGE.sub("", word.lower())


def word_diff(base: str, other: str) -> list[Segment]:
    """``other`` cut into segments; words absent from ``base`` (difflib on words, case and
    edge punctuation ignored) carry the kind ``"diff"``. Cost: O(words²) worst case."""
    tokens = _TOKEN.findall(other)
    words = [i for i, t in enumerate(tokens) if not t.isspace()]
    base_words = [_norm(t) for t in _TOKEN.findall(base) if not t.isspace()]
    matcher = difflib.SequenceMatcher(None, base_words, [_norm(tokens[i]) for i in words], False)
    same: set[int] = set()
    for block in matcher.get_matching_blocks():
        same.update(words[block.b + k] for k in range(block.size))
    marked = {i for i in words if i not in same}
    return [(t, ("diff",) if i in marked else ()) for i, t in enumerate(tokens)]


@dataclass(frozen=True)
class VariantView:
    outlet: str
    article: str
    direct: bool
    segments: list[Segment]


def statement_variants(statement: Statement) -> tuple[list[VariantView], int]:
    """Each wording of a statement, diffed against the first (the first against the
    second, so both sides of a two-way difference are marked), and how many wordings are
    left out. Identical wordings are one, naming their outlets (``names``), and at most
    ``MAX_LISTED`` are shown: 1,500 syndicated copies were 1,500 diffed rows."""
    shown, left = capped(wordings(statement.variants))
    texts = [w.text for w in shown]
    views = []
    for n, wording in enumerate(shown):
        base = texts[1] if n == 0 and len(texts) > 1 else texts[0]
        segments: list[Segment] = [(texts[n], ())]
        if len(texts) > 1:
            segments = word_diff(base, texts[n])
        article = wording.passages[0].article
        views.append(VariantView(names(wording.outlets), article, wording.direct, segments))
    return views, left


def exclusives_by_outlet(exclusives: Sequence[Exclusive]) -> dict[str, list[Exclusive]]:
    """Exclusives grouped by outlet, outlets in alphabetical order."""
    groups: dict[str, list[Exclusive]] = {}
    for item in exclusives:
        groups.setdefault(passage_outlet(item.passage), []).append(item)
    return dict(sorted(groups.items()))


@dataclass(frozen=True)
class Coverage:
    """Which outlet carries which statement: ``cells[outlet][statement id]``."""

    outlets: list[str]
    statements: list[Statement]
    cells: dict[str, dict[str, bool]]


def coverage(brief: Brief, outlets: Sequence[str]) -> Coverage:
    """The outlet x statement matrix of a brief, from each statement's variants."""
    carried = {s.id: {v.passage.outlet for v in s.variants} for s in brief.statements}
    cells = {o: {s.id: o in carried[s.id] for s in brief.statements} for o in outlets}
    return Coverage(list(outlets), list(brief.statements), cells)


def highlight(article: Article, analysis: Analysis | None) -> list[Segment]:
    """The article's clean text cut at every quote, quantity and date boundary; each
    segment carries the kinds covering it (so overlapping spans nest cleanly)."""
    text = article.text
    if analysis is None:
        return [(text, ())]
    spans = [
        *((q.start, q.end, "quote") for q in analysis.quotes),
        *((q.start, q.end, "quantity") for q in analysis.quantities),
        *((d.start, d.end, "date") for d in analysis.dates),
    ]
    spans = [(max(0, s), min(len(text), e), k) for s, e, k in spans if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        kinds = tuple(k for k in ("quote", "quantity", "date") if _covers(spans, start, end, k))
        segments.append((text[start:end], kinds))
    return segments


def _covers(spans: list[tuple[int, int, str]], start: int, end: int, kind: str) -> bool:
    return any(k == kind and s <= start and end <= e for s, e, k in spans)


@dataclass(frozen=True)
class Piece:
    """A run of text to print after closing ``close`` open marks and opening ``opens``."""

    close: int
    opens: tuple[str, ...]
    text: str


def nest_marks(segments: Sequence[Segment]) -> list[Piece]:
    """Segments as properly nested mark-up steps: a mark spanning several segments stays
    one element (kinds keep a fixed order, so the common prefix of neighbours stays open).
    The last piece closes everything still open. Cost: O(segments)."""
    pieces: list[Piece] = []
    open_kinds: tuple[str, ...] = ()
    for text, kinds in segments:
        keep = 0
        while keep < min(len(open_kinds), len(kinds)) and open_kinds[keep] == kinds[keep]:
            keep += 1
        pieces.append(Piece(len(open_kinds) - keep, kinds[keep:], text))
        open_kinds = kinds
    pieces.append(Piece(len(open_kinds), (), ""))
    return pieces
