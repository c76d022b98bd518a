"""Online story clustering: each new article joins the recent story it best matches, or
starts a new one; stories that converge are merged.

How an article is placed (:meth:`StoryClusterer.add`):

1. Candidates: the stories whose centroids are nearest its text vector in an ANN index
   (:class:`~newsprism.cluster.ann.CentroidIndex`), plus the stories sharing one of its
   rarer names (:class:`~newsprism.cluster.ann.NameIndex`); only *hot* stories are
   indexed, and only those within ``window_days`` of the article's date are scored.
2. Score against each: the join model (:mod:`newsprism.cluster.join`) turns the
   evidence (text cosines with the story's members and centroid, the best headline
   cosine, IDF-weighted Jaccard of entity names and quoted speakers with the story's
   name frequencies, the time gap when both sides are dated; measured by
   :mod:`newsprism.cluster.scoring`; and, where names were measured, how far the story
   stands out among the candidates: ``lead``) into the probability that they are one
   story. It
   joins the most probable story if that reaches ``join_probability``; else it starts a
   new story. An article in another language
   than a story's is scored by names alone (``names_threshold``), since text
   similarity across languages means nothing with these vectors.
3. After a join, the story is scored the same way against its own candidates; the most
   probable one reaching ``join_probability`` is merged into the larger.
4. :meth:`StoryClusterer.consolidate` (the batch runner calls it after every run)
   merges the hot stories the model now joins and splits those whose two halves it no
   longer holds together, so that the grouping does not depend on the order articles
   came in (:mod:`newsprism.cluster.consolidate`, which holds the merges and splits and
   says when that holds).

Time: an undated article has no time distance: it is scored against every hot story
without decay and leaves the story's span alone; its dates for later stages are its
story's (:meth:`StoryClusterer.dates_of`). A story stays hot (centroid kept,
retrievable) until the latest date seen is ``keep_days`` past its last join; then it is
frozen (members and title kept, nothing else). A late article (dated so long before the
latest that its window reaches past that horizon) holds the horizon back for the next
:data:`LATE_ARRIVALS` arrivals to ``window_days`` before its date (issue 10): a feed that
brings old articles after newer ones (a backfill, a shuffled archive) keeps the stories
near their dates hot, so they join them rather than open stories of their own; a feed with
no article that late freezes as before. The stories an earlier run froze are in the store:
a late article brings those of its dates back hot first, when ``cold`` can list them
(:mod:`newsprism.cluster.reheat`), so one outlet's archive analysed after the others'
joins their stories as in one run.

Languages: with the lexical vectorizer, text similarity across languages means nothing,
so an article in another language than a story's is scored by names (and time) only.
An article the analyser could not read (no entities) gets the names of recent stories
that its text contains, so a German report on a Lorvik strike still shares "Mirela
Kostanj" and "Lorvik" with the English ones. It finds only the names known when it comes,
so every consolidation looks again in its text (kept with the story, and in the saved
state): one that came before any story named its event joins that story then. This works
for names written alike in both languages; translated names ("Ostbecken" for "Eastern
Basin") are missed. The dense model (all-MiniLM-L6-v2) is English-centric, so the same
rule applies to it.

Determinism: story ids come from each story's first article ("s" + its id's first 12
characters); the same input in the same order gives the same stories, batched or not,
and after a :meth:`StoryClusterer.state` round trip (exactly while at most
:data:`~newsprism.cluster.ann.EXACT_BELOW` stories are hot; above that retrieval is
approximate and a rebuilt index may, rarely, nominate other candidates).

State: :meth:`StoryClusterer.state` holds the hot window only, so its size and the cost
of restoring and saving it do not grow with the store. Frozen stories stay in memory for
the session that froze them (:meth:`StoryClusterer.release_frozen` lets them go) and
are kept by the caller (the store) after it; the rare look-ups that reach back to them (a
copy of a frozen article, an article added again, a new id's collision check) go to the
:class:`~newsprism.cluster.cold.ColdStories` given, which is how the same input still
gives the same stories across runs.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import math
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from newsprism.analyze.aliases import fold_key
from newsprism.cluster.ann import CentroidIndex, NameIndex
from newsprism.cluster.bound import LogitBound
from newsprism.cluster.consolidate import Consolidation, story_to_story
from newsprism.cluster.hot import HotStory as _Story
from newsprism.cluster.hot import MergeLog, Profile, Vector
from newsprism.cluster.hot import absorb_keys as _absorb_keys
from newsprism.cluster.hot import gap as _gap
from newsprism.cluster.hot import spans_gap as _spans_gap
from newsprism.cluster.hot import story_from_meta as _story_from_meta
from newsprism.cluster.hot import story_meta as _story_meta
from newsprism.cluster.hot import widen_span as _widen_span
from newsprism.cluster.join import (
    Evidence,
    JoinModel,
    lead_margins,
    load_model,
    load_story_model,
    number_keys,
    with_lead,
)
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.reheat import ListedStory, Reheating
from newsprism.cluster.scoring import Item as _Item
from newsprism.cluster.scoring import Scoring
from newsprism.cluster.signals import ENTITY_TYPES, ArticleSignals, signals_of
from newsprism.cluster.split import Kept
from newsprism.cluster.split import keep as _keep_member
from newsprism.cluster.state import (
    kept_of,
    pack,
    thawed,
    unpack,
)
from newsprism.cluster.state import vectorizer_kind as _vectorizer_kind
from newsprism.cluster.threads import blas_threads
from newsprism.cluster.vectors import (
    OnlineVectorizer,
    TextVectorizer,
    make_vectorizer,
)
from newsprism.model import Story

if TYPE_CHECKING:
    from newsprism.cluster.cold import ColdStories

logger = logging.getLogger(__name__)

__all__ = [
    "ENTITY_TYPES",
    "ArticleSignals",
    "ClusterOptions",
    "StoryClusterer",
    "signals_of",
]

_SECONDS_PER_DAY = 86400.0
# Arrivals a late article holds the freezing horizon back for (module doc, Time); a bound
# on how long late articles keep stories hot. Calibrated on BASIL with the shipped
# lexical model (B3 F1 arrival / shuffled / reversed / window-shuffled): before 0.987 /
# 0.798 / 0.982 / 0.987; 16 and 32 give 0.987 / 0.978 / 0.982 / 0.987; 64 holds the
# stories hot so long after BASIL's one out-of-order date in arrival order (a duplicate
# id) that a 2013 article misses its story (arrival 0.984). 16: the shorter. Measured
# before eval/real_sets.py gave BASIL's duplicate ids apart (03941da), which removed that
# out-of-order date; not measured again since.
LATE_ARRIVALS = 16
# Articles vectorised at once by add_many (bounded further by the vectorizer's refresh).
_BATCH = 256


class StoryClusterer(Consolidation, Reheating, Scoring):
    """Groups articles into stories online; see the module doc for the algorithm.

    Cost of :meth:`add`: one vectorisation, one ANN query of ``candidates`` neighbours
    plus at most :data:`~newsprism.cluster.ann.NAME_CANDIDATES` name-nominated stories,
    O(candidates x names) scoring, one index update, and the same again for the merge
    check. Memory per hot story: the centroid (4 x dim bytes, twice: here and in the ANN
    index), its name counts, and 2 x dim bytes per member headline; per frozen story
    still in memory: its member ids. ``cold`` keeps the stories frozen before this
    session (see the module doc). Not thread-safe.
    """

    def __init__(
        self,
        options: ClusterOptions | None = None,
        vectorizer: TextVectorizer | None = None,
        cold: ColdStories | None = None,
    ) -> None:
        self.options = options or ClusterOptions()
        self._cold = cold
        self.vectorizer = vectorizer or make_vectorizer(self.options)
        kind = _vectorizer_kind(self.vectorizer)
        self._model: JoinModel = self.options.model or load_model(kind)
        # Two stories of two or more members each are judged by the story model too
        # (fitted on story-to-story examples: see ClusterOptions).
        given = self.options.story_model or (self._model if self.options.model else None)
        self._story_model: JoinModel = given or load_story_model(kind) or self._model
        p = self.options.join_probability
        self._cut = math.log(p / (1.0 - p))
        q = self.options.split_probability
        self._split_cut = math.log(q / (1.0 - q))
        g = self.options.graph_split_probability
        self._graph_split_cut = math.log(g / (1.0 - g))
        c = self.options.clean_split_probability
        self._clean_split_cut = math.log(c / (1.0 - c))
        # Stories split apart in this session -> those they were split from: never
        # merged back (a split judged them two; the merge check would undo it).
        self._apart: dict[int, set[int]] = {}
        # Stories of one opened by an eject: no second look for them
        # (Consolidation._merges_at). Kept in the state, as ``_apart`` is.
        self._ejected: set[int] = set()
        margin = self.options.replace_margin
        self._replace_margin = math.inf if margin is None else margin
        eject = self.options.eject_logit
        self._eject = -math.inf if eject is None else eject
        self._bound = LogitBound(self._model, self._cut)
        self._story_bound = (
            self._bound
            if self._story_model is self._model
            else LogitBound(self._story_model, self._cut)
        )
        single = self.options.single_merge_probability
        self._single_bound = (
            None if single is None else LogitBound(self._model, math.log(single / (1.0 - single)))
        )
        self._multilingual = bool(getattr(self.vectorizer, "multilingual", False))
        self._ann = CentroidIndex(self.vectorizer.dim)
        self._names = NameIndex()
        self._stories: dict[int, _Story] = {}
        self._story_of: dict[str, int] = {}
        self._merges = MergeLog()
        # Ids given out in memory, merged ones included (``cold`` holds the others).
        self._ids: set[str] = set()
        self._heap: list[tuple[float, int]] = []
        self._seq = 0
        self._next_key = 0
        self._thawed_key = 0  # frozen stories fetched from ``cold`` get keys below 0
        self._restored_frozen: list[int] = []  # keys of frozen stories a format-1 state held
        # Members of the stories that came from outside this session (a restored state,
        # ``cold``), as they came: what :meth:`changed` compares with.
        self._held_at_start: dict[str, frozenset[str]] = {}
        self._latest: float | None = None
        # (seq, day) of the late arrivals among the last LATE_ARRIVALS (module doc, Time).
        self._late: deque[tuple[int, float]] = deque()
        # Days of dates whose frozen stories were asked of ``cold`` (reheat.Reheating).
        self._asked_days: set[int] = set()
        self._frozen_near: dict[str, ListedStory] = {}
        self._reheated: dict[int, int] = {}
        self._listed_from: dict[int, ListedStory] = {}
        self._weights: dict[str, float] = {}

    # --- public API ---------------------------------------------------------------------

    def add(self, signals: ArticleSignals) -> str:
        """Place one article; the id of the story it joined or started. An article added
        before returns its current story (nothing changes)."""
        return self.add_many([signals])[0]

    def add_many(self, signals: Iterable[ArticleSignals]) -> list[str]:
        """Place articles in order, vectorising them in batches; exactly what
        :meth:`add` one by one would give."""
        placed: list[str] = []
        stream = iter(signals)
        with blas_threads(self.options.blas_threads):
            while chunk := list(islice(stream, self._batch_size())):
                placed.extend(self._add_chunk(chunk))
        return placed

    def stories(self) -> list[Story]:
        """Every story in memory (the hot ones, those frozen in this session until
        :meth:`release_frozen`, and any fetched from ``cold``), in order of creation;
        ``duplicates`` left empty. Cost: a title choice per hot story, O(headlines x dim)."""
        return [story.record() for story in self._stories.values()]

    def hot_articles(self) -> int:
        """Articles in hot stories: what memory per hot article is measured against."""
        return sum(len(s.members) for s in self._stories.values() if s.hot)

    def merges(self) -> dict[str, str]:
        """Story ids merged away in this session (since the clusterer was made or
        restored) -> the id of the story that holds their articles now. Earlier sessions'
        merges are not kept: the caller applied them when it saved those sessions."""
        return self._merges.as_dict()

    def changed(self) -> list[Story]:
        """The stories in memory whose members differ from those they held when they came
        into this session (restored, re-heated or read from ``cold``), and those opened in
        it, in order of creation: what the caller saves. A story restored and split, or
        one a member moved out of, gains no new article but changes all the same (the
        split of a mixed story before it freezes, a re-placement). Cost: as
        :meth:`stories`, plus O(members)."""
        out = []
        for story in self._stories.values():
            held = self._held_at_start.get(story.id)
            if held is None or held != frozenset(a for _, a in story.members):
                out.append(story.record())
        return out

    def release_frozen(self) -> list[Story]:
        """Let go of the frozen stories held in memory and return them, for the caller
        to keep (a :class:`~newsprism.cluster.cold.ColdStories` answers for them later):
        what keeps a long session's memory to the hot window. Cost: O(their members)."""
        frozen = [s for s in self._stories.values() if not s.hot]
        for story in frozen:
            del self._stories[story.key]
            self._ids.discard(story.id)
            for _, article in story.members:
                self._story_of.pop(article, None)
        self._restored_frozen.clear()
        return [s.record() for s in frozen]

    def restored_frozen(self) -> list[Story]:
        """The frozen stories read from a format-1 state (which held every story) and
        still in memory: the next :meth:`state` drops them, so the caller makes sure it
        keeps them. Empty after a current state."""
        return [self._stories[k].record() for k in self._restored_frozen if k in self._stories]

    def probability(self, first: ArticleSignals, second: ArticleSignals) -> float:
        """The probability that two articles tell one story, as the join model scores
        ``first`` against a story holding only ``second`` (name weights and IDF as they
        stand; nothing is stored). Across languages, where only names are compared, a
        monotone map of the names-only margin (0.5 at ``names_threshold``)."""
        self._weights.clear()
        vectors = self.vectorizer.vectors([_text_of(first), _text_of(second)])
        heads = self._headline_vectors([first, second])
        one, two = (
            self._item(sig, vec, heads.get(sig.article_id))
            for sig, vec in zip((first, second), vectors, strict=True)
        )
        story = _Story(-1, "", total=two.vector.copy(), sources=1)
        story.names.update(two.names)
        story.speakers.update(two.speakers)
        story.numbers.update(two.numbers)
        story.days.update(two.days)
        if second.language:
            story.languages[second.language] += 1
        if second.title and two.headline is not None:
            story.headlines.append((0, second.title, two.headline.astype(np.float16)))
        _widen_span(story, two.day, second.published)
        evidence = self._article_evidence(one, story)
        z = self._model.logit(evidence) if isinstance(evidence, Evidence) else 10.0 * evidence
        return 1.0 / (1.0 + math.exp(-max(-700.0, z)))

    def _item(self, signals: ArticleSignals, vector: Vector, headline: Vector | None) -> _Item:
        """An article's item, without recording its date or sequence number."""
        names = frozenset(k for k in map(fold_key, signals.entities) if k)
        unread = not names and bool(signals.text)
        if unread:
            names = self._names.find_in(signals.text)
        speakers = frozenset(k for k in map(fold_key, signals.speakers) if k)
        return _Item(
            signals,
            self._seq,
            _day(signals.published),
            vector,
            headline,
            names,
            speakers,
            number_keys(_text_of(signals)),
            signals.days,
            unread,
        )

    def dates_of(self, article_id: str) -> tuple[datetime | None, datetime | None]:
        """The first and last publication time of an article's story: the dates an
        undated article takes for later stages; (None, None) for an unknown article or
        a story of undated articles."""
        key = self._key_of(article_id)
        if key is None:
            return None, None
        story = self._stories[key]
        return story.first_published, story.last_published

    def story_of(self, article_id: str) -> str | None:
        """The id of the story holding an article, or None for an unknown article."""
        key = self._key_of(article_id)
        return None if key is None else self._stories[key].id

    def _key_of(self, article_id: str) -> int | None:
        self._thaw([article_id])
        return self._story_of.get(article_id)

    def _thaw(self, article_ids: Sequence[str]) -> None:
        """Bring the ``cold`` stories holding any of these articles (unknown here) into
        memory, frozen, under keys below 0 (they never compete with hot stories)."""
        wanted = [a for a in article_ids if a not in self._story_of]
        if self._cold is None or not wanted:
            return
        for record in self._cold.holding(wanted):
            if any(a in self._story_of for a in record.articles):
                continue  # already here (the caller's copy is older than this session)
            self._thawed_key -= 1
            story = thawed(self._thawed_key, record)
            self._stories[story.key] = story
            self._story_of.update((a, story.key) for a in record.articles)
            self._ids.add(story.id)
            self._held_at_start.setdefault(story.id, frozenset(record.articles))

    # --- placing articles ---------------------------------------------------------------

    def _batch_size(self) -> int:
        if isinstance(self.vectorizer, OnlineVectorizer):
            return min(_BATCH, self.vectorizer.until_refresh())
        return _BATCH

    def _add_chunk(self, chunk: Sequence[ArticleSignals]) -> list[str]:
        """Place a chunk in order; the id of each article's story right after it was
        placed (what :meth:`add` one at a time returns, merges included)."""
        self._thaw(
            [s.article_id for s in chunk] + [s.duplicate_of for s in chunk if s.duplicate_of]
        )
        fresh = list(
            {s.article_id: s for s in chunk if s.article_id not in self._story_of}.values()
        )
        texts = [_text_of(s) for s in fresh]
        vectors = self.vectorizer.vectors(texts) if fresh else np.zeros((0, 0), np.float32)
        headlines = self._headline_vectors(fresh)
        rows = {s.article_id: (s, v) for s, v in zip(fresh, vectors, strict=True)}
        placed: list[str] = []
        for signals in chunk:
            first = rows.pop(signals.article_id, None)
            if first is not None:
                self._add_one(first[0], first[1], headlines.get(signals.article_id))
            placed.append(self._stories[self._story_of[signals.article_id]].id)
        if fresh and isinstance(self.vectorizer, OnlineVectorizer):
            self.vectorizer.observe(texts)
        return placed

    def _headline_vectors(self, chunk: Sequence[ArticleSignals]) -> dict[str, Vector]:
        titled = [s for s in chunk if s.title]
        if not titled:
            return {}
        rows = self.vectorizer.vectors([s.title or "" for s in titled])
        return {s.article_id: row for s, row in zip(titled, rows, strict=True)}

    def _add_one(self, signals: ArticleSignals, vector: Vector, headline: Vector | None) -> None:
        self._seq += 1
        day = self._day_of(signals)
        self._evict()
        self._reheat_near(day, signals, vector)
        original = self._story_of.get(signals.duplicate_of or "")
        item = self._item(signals, vector, headline)
        if original is not None:
            self._join_copy(self._stories[original], item)
            return
        story = self._best_story(item) or self._new_story(item)
        self._join(story, item)
        self._merge_converging(story)

    def _day_of(self, signals: ArticleSignals) -> float | None:
        day = _day(signals.published)
        reach = self.options.keep_days - self.options.window_days
        if day is not None and self._latest is not None and day < self._latest - reach:
            self._late.append((self._seq, day))
        while self._late and self._late[0][0] <= self._seq - LATE_ARRIVALS:
            self._late.popleft()
        if day is not None:
            self._latest = day if self._latest is None else max(self._latest, day)
        return day

    def _best_story(self, item: _Item) -> _Story | None:
        self._weights.clear()
        known = [
            (self._article_known(item, story), story.key, story)
            for story in self._candidates(item.vector, item.names | item.speakers)
            if self._in_window(_gap(item.day, story.first_day, story.last_day))
        ]
        known = _with_leads(known)
        sides = (item.names, item.speakers, item.numbers)
        best = self._bound.pick(
            known,
            lambda story, seen, floor, caps: self._article_rest(item, story, seen, floor, caps),
            lambda story, seen: self._caps(seen, sides, 1.0, story),
        )
        logger.debug("%s: best of %d: %s", item.signals.article_id, len(known), best)
        return best

    def _candidates(self, vector: Vector, names: Iterable[str]) -> list[_Story]:
        near = {key for key, _ in self._ann.nearest(vector, self.options.candidates)}
        keys = sorted(near | self._names.candidates(names))
        return [self._stories[k] for k in keys]

    def _in_window(self, gap: float | None) -> bool:
        return gap is None or gap <= self.options.window_days

    # --- changing stories ---------------------------------------------------------------

    def _new_story(self, item: _Item) -> _Story:
        return self._open_story(item.signals.article_id)

    def _open_story(self, article: str) -> _Story:
        sid = "s" + article[:12]
        if self._taken(sid):  # a prefix collision: the whole id, numbered if need be
            sid = "s" + article
            sid = (
                next(f"{sid}-{n}" for n in itertools.count(2) if not self._taken(f"{sid}-{n}"))
                if self._taken(sid)
                else sid
            )
        self._ids.add(sid)
        story = _Story(self._next_key, sid, total=np.zeros(self.vectorizer.dim, np.float32))
        self._next_key += 1
        self._stories[story.key] = story
        self._names.recent_stories += 1
        return story

    def _taken(self, story_id: str) -> bool:
        """Whether a story (in memory, merged away here, or kept in ``cold``) has the id."""
        return story_id in self._ids or (self._cold is not None and self._cold.taken(story_id))

    def _join(self, story: _Story, item: _Item) -> None:
        """Add a source article: members, centroid, name counts, span; re-index."""
        self._join_copy(story, item, copy=False)
        story.sources += 1
        if story.total is not None:
            story.total += item.vector
        fresh, dropped = _absorb_keys(
            story, item.names, item.speakers, item.numbers, item.days
        )
        if item.signals.language:
            story.languages[item.signals.language] += 1
        self._names.add(story.key, fresh)
        self._names.remove(story.key, dropped)  # trimmed from its profile (hot.PROFILE_KEYS)
        self._ann.put(story.key, story.centroid())

    def _join_copy(self, story: _Story, item: _Item, copy: bool = True) -> None:
        """Add a member that leaves the story's content alone (a syndicated copy)."""
        signals = item.signals
        story.members.append((item.seq, signals.article_id))
        if story.hot:
            vector = None if copy else item.vector.astype(np.float16)
            original = signals.duplicate_of if copy else None
            keys = (item.names, item.speakers, item.numbers)
            member = Kept(
                signals.article_id,
                vector,
                *keys,
                item.day,
                signals.published,
                signals.language,
                original,
                signals.text if item.unread and not copy else None,
                item.days,
            )
            _keep_member(story, item.seq, member)
        self._story_of[signals.article_id] = story.key
        if story.hot and signals.title and item.headline is not None:
            story.headlines.append((item.seq, signals.title, item.headline.astype(np.float16)))
        _widen_span(story, item.day, signals.published)
        if story.hot and self._latest is not None:
            story.touched = self._latest
            heapq.heappush(self._heap, (self._latest, story.key))

    def _closest_story(self, story: _Story, second_look: bool = False) -> _Story | None:
        """The story ``story`` merges with, or None; with ``second_look`` (the
        consolidation's merge pass), a story of one source is judged at
        ``single_merge_probability`` where that is set (ClusterOptions)."""
        self._weights.clear()
        known = [
            (self._stories_known(story, other), other.key, other)
            for other in self._candidates(story.centroid(), story.names.keys())
            if other is not story
            and self._in_window(_spans_gap(story, other))
            and other.key not in self._apart.get(story.key, ())
        ]
        if story.sources == 1:  # a story of one merging is a join: its lead counts too
            known = _with_leads(known)
            if second_look and self._single_bound is not None:
                return self._single_partner(story, known, self._single_bound)
        sides = (story.names, story.speakers, story.numbers)
        picks: list[tuple[float, int, _Story]] = []
        one = self._story_bound is self._bound
        # The story model's candidates first: their best margin is the floor the join
        # model's candidates must reach, so fewer of them are measured.
        for bound in (self._bound,) if one else (self._story_bound, self._bound):
            mine = [k for k in known if self._bound_for(story, k[2]) is bound]
            best = bound.best(
                mine,
                partial(self._stories_rest, story, bound=bound),
                lambda other, seen: self._caps(seen, sides, story.sources, other),
                picks[0][0] if picks else 0.0,
                None if bound is self._bound else self._bound,  # a merge needs both
            )
            if best is not None and (bound is self._bound or self._agrees(story, best[2])):
                picks.append(best)
        return max(picks, key=lambda pick: pick[:2])[2] if picks else None

    def _single_partner(
        self, story: _Story, known: list[tuple[Any, int, _Story]], bound: LogitBound
    ) -> _Story | None:
        """The best of ``known`` for a story of one source at ``bound``'s cut."""
        sides = (story.names, story.speakers, story.numbers)
        best = bound.best(
            known,
            partial(self._stories_rest, story, bound=bound),
            lambda other, seen: self._caps(seen, sides, story.sources, other),
        )
        return None if best is None else best[2]

    def _agrees(self, a: _Story, b: _Story) -> bool:
        """Whether the join model, too, joins two stories the story model picked: two
        stories of two or more members each merge only when both models say so."""
        evidence = self._story_evidence(a, b)
        return not isinstance(evidence, Evidence) or self._bound.margin(evidence) >= 0.0

    def _bound_for(self, a: _Story, b: _Story) -> LogitBound:
        """The story model's bound for two stories of two or more members each, else
        the join model's (what a story of one is to another story is a join)."""
        return self._story_bound if story_to_story(a, b) else self._bound

    def _evict(self) -> None:
        """Freeze stories not joined for ``keep_days`` before the latest date seen (or
        ``window_days`` before a recent late arrival's date, if earlier)."""
        if self._latest is None:
            return
        horizon = self._latest - self.options.keep_days
        if self._late:
            late = min(day for _, day in self._late) - self.options.window_days
            horizon = min(horizon, late)
        while self._heap and self._heap[0][0] < horizon:
            touched, key = heapq.heappop(self._heap)
            story = self._stories.get(key)
            if story is not None and story.hot and story.touched == touched:
                if self.options.consolidate:  # a consolidation step: off means off
                    self.split_before_freeze(story)
                self._freeze(story)

    def _freeze(self, story: _Story) -> None:
        story.title = story.central_title()
        self._ann.discard(story.key)
        self._names.remove(story.key, story.names.keys() | story.speakers.keys())
        self._names.recent_stories -= 1
        story.hot, story.total, story.headlines = False, None, []
        story.names, story.speakers, story.numbers = Profile(), Profile(), Profile()
        story.days = Profile()
        story.languages, story.kept = Counter(), None
        for other in self._apart.pop(story.key, set()):  # a frozen story merges with none
            self._apart.get(other, set()).discard(story.key)
        self._ejected.discard(story.key)
        self._relist(story)

    # --- persistence --------------------------------------------------------------------

    def state(self) -> bytes:
        """Everything needed to go on clustering later: the hot stories with their
        members, centroids, name counts and headline vectors, what each member of a story
        that can still be split brought (:class:`~newsprism.cluster.split.Kept`), the
        counters, and the vectorizer's own state; not the frozen stories (the caller
        keeps them, see the module doc). A compressed npz archive
        (:mod:`newsprism.cluster.state`). Cost and size: O(hot articles), whatever the
        store's size; before compression about 40 bytes plus 2 x dim bytes per hot
        article, and as much again per kept member. Compressed, lexical: 2.2 MiB for
        the light benchmark stream's 10,000 hot articles (1.2 MiB before members were
        kept), 824 KiB for ECB+'s 720 (344 KiB)."""
        hot = [s for s in self._stories.values() if s.hot]
        meta = {
            "vectorizer": _vectorizer_kind(self.vectorizer),
            "dim": self.vectorizer.dim,
            "counters": [self._seq, self._next_key],
            "latest": self._latest,
            "late": [[seq, day] for seq, day in self._late],
            "stories": [_story_meta(s) for s in hot],
            # Split stories kept apart (consolidate): without it a later run's merge
            # check would undo a split whose halves the model scores over the join cut.
            "apart": [[k, sorted(v)] for k, v in sorted(self._apart.items()) if v],
            "ejected": sorted(self._ejected),
        }
        return pack(meta, hot, self.vectorizer)

    @classmethod
    def from_state(
        cls,
        data: bytes,
        options: ClusterOptions | None = None,
        vectorizer: TextVectorizer | None = None,
        cold: ColdStories | None = None,
    ) -> StoryClusterer:
        """A clusterer that goes on from :meth:`state` (or a format-1 state, which held
        every story). Without ``vectorizer``, one of the saved kind is made; raises
        :class:`~newsprism.errors.ClusterStateMismatch` for a state of another format,
        kind or dimension, and :class:`~newsprism.cluster.state.DamagedState` (one of
        those) for a state that cannot be read. Cost: O(state) plus one index insertion
        per hot story."""
        meta, arrays, vectorizer = unpack(data, vectorizer)
        clusterer = cls(options, vectorizer, cold)
        # unpack checked every field _restore reads (state.check_record): an error here
        # is a bug, not damage, and is not reported as a damaged state.
        clusterer._restore(meta, arrays)
        return clusterer

    def _restore(self, meta: dict[str, Any], arrays: Mapping[str, npt.NDArray[Any]]) -> None:
        # A format-1 state's merges were applied by the runs that made them; its ids (every
        # one given out) and frozen stories serve this session only (restored_frozen).
        self._seq, self._next_key = meta["counters"]
        self._latest, self._ids = meta["latest"], set(meta.get("ids", ()))
        self._late = deque((int(seq), float(day)) for seq, day in meta.get("late", ()))
        self._apart = {int(k): set(map(int, v)) for k, v in meta.get("apart", ())}
        self._ejected = set(map(int, meta.get("ejected", ())))
        totals, headlines = iter(arrays["totals"]), iter(arrays["headlines"])
        for entry, (kept, checked) in zip(meta["stories"], kept_of(meta, arrays), strict=True):
            story = _story_from_meta(entry, totals, headlines)
            story.kept, story.checked = (kept, checked) if story.hot else (None, 0)
            self._stories[story.key] = story
            self._story_of.update((a, story.key) for _, a in story.members)
            self._ids.add(story.id)
            self._held_at_start[story.id] = frozenset(a for _, a in story.members)
            if story.hot:
                self._rehouse(story)
            else:
                self._restored_frozen.append(story.key)

    def _rehouse(self, story: _Story) -> None:
        self._names.recent_stories += 1
        self._names.add(story.key, story.names.keys() | story.speakers.keys())
        self._ann.put(story.key, story.centroid())
        if story.touched is not None:
            heapq.heappush(self._heap, (story.touched, story.key))


def _with_leads(known: list[tuple[Any, int, _Story]]) -> list[tuple[Any, int, _Story]]:
    """The candidates' cheap evidence with its ``lead`` set (join.lead_margins over the
    candidates with text evidence)."""
    means = [seen.text_mean for seen, _, _ in known if isinstance(seen, Evidence)]
    leads = iter(lead_margins(means))
    return [
        (with_lead(seen, next(leads)) if isinstance(seen, Evidence) else seen, key, story)
        for seen, key, story in known
    ]


def _day(published: datetime | None) -> float | None:
    if published is None:
        return None
    when = published if published.tzinfo else published.replace(tzinfo=UTC)
    return when.timestamp() / _SECONDS_PER_DAY


def _text_of(signals: ArticleSignals) -> str:
    return f"{signals.title}\n\n{signals.text}" if signals.title else signals.text
