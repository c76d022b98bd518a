"""Re-heating frozen stories for a late article: the part of
:class:`~newsprism.cluster.stories.StoryClusterer` that lets an article dated long before
the latest one join the stories of its own dates, although an earlier run froze them
(:class:`Reheating`, a mixin it inherits).

Why: a story freezes once the latest date seen is ``keep_days`` past its last join, and a
frozen story keeps no centroid or names, so nothing joins it again. Within one run a late
article holds the freezing back (``stories.LATE_ARRIVALS``), but the stories an earlier
run froze are in the store. So analysing one outlet's archive after the others' (or any
archive in two runs) grouped each late article apart from its own story's reports: on
BASIL (210 articles, 70 stories x 3 outlets over 2010-2019, shipped lexical model), one
run 0.994 B3 F1; the third outlet's articles in a second run 0.705-0.720 (about 205
articles placed with other fellow members than in one run); two runs of a random half
each 0.793-0.813. Issue 10 promises the same stories in one run or two.

How: a late article (dated more than ``keep_days - window_days`` before the latest, the
clusterer's own test for lateness) asks the cold stories that can say so
(:class:`NearStories`: the store does) for the stories with a member published within
``window_days`` of its date, with their members' signals; each comes back hot under its
own id, its members joined as the online join would add them (copies as copies), and is
scored with the other candidates. Only the stories that can be the late article's come
back, as the hot path nominates its candidates (by names and by vector): those sharing
one of its names (entities or quoted speakers, compared by ``fold_key`` as the clusterer
scores them: "The Lorvik Port Authority" is "LORVIK PORT AUTHORITY"), holding the original
it copies, where one side has no names to tell (an article the analyser did not read),
and the ``candidates`` whose members' mean vector is nearest its own (a report whose
analysis named the story otherwise, or not at all). Before (review s42/2 S2), names were
compared as written and nothing by text, so a late report naming the story in capitals
or with a leading 'The', or by other names, joined it in one run but not in two. The
others the store listed wait for a later late article of those days (without asking the
store again); each listed member is vectorised once, when listed, and a re-heat joins
those vectors. Before (stop 42), one late article brought back every story of its
+-``window_days`` and each was vectorised, joined member by member and consolidated;
BASIL's two-run rows (one outlet's articles in a second run 0.990, random halves 0.974
B3 F1) are identical with the restriction.
A re-heated story's ``touched`` time is its last date, so it freezes again as soon as no
late article holds it (the state's size stays the hot window). Each day of dates is
asked for once per session, so a backfill asks the store at most once per day it covers.
A re-heated story no article joined is frozen again after the run's
consolidation (:meth:`Reheating.refreeze_unjoined`), unchecked by its split pass (the run
that froze it checked it): the saved state stays the hot window. Cost: one store query
per late article's not yet asked days, one batched analysis read, and one vectorisation
per member re-heated. Measured (review probe: one late article on a generated store of
3,000 articles, 151 stories re-heated, 755 members; shared 2-core machine, profiled):
18.7 s before (13.5 s of it the consolidation's split pass over the re-heated stories),
6.8 s after (consolidation 1.4 s); one recent article 1.5-1.7 s. With the names
restriction (/tmp probe of the same shape, the late article analysed with its story's
names; load ~15 on the shared 2-core machine): stories re-heated 151 -> 1, late article
16.4 s -> 13.3 s, one recent article 5.5-6.9 s: what is left over a recent article is the
store's read of the days' 755 members and their analyses (a store index of names would
cut it; the store is not this module's). With the nearest ``candidates`` re-heated too
(synthetic probe: 150 frozen stories of 5 members within the window of one late article
sharing none of their names, lexical model, load ~11 on the shared 2-core machine):
0.04 s -> 0.78 s, 32 stories re-heated and frozen again after the run; BASIL's two-run
rows unchanged (0.990, 0.974).
With the dense model (``embeddings="on"``, MiniLM on the CPU) the listing is the cost: each
listed member is one article's first 256 word pieces, about 0.12 s of CPU (64 invented
350-word texts: 7.6 s of CPU, 55 s wall at load ~15 on the shared 2-core machine; review
s43/1 M2), so the first late article of a 755-member window spends about 90 s of CPU
before it is scored (before 138e85f only the re-heated stories' members, 5 on that probe,
about 0.6 s). So a dense clusterer ranks the listed stories by the lexical model
(``Reheating._ranker``: about 0.3 ms a member) and embeds only the members of the stories
it re-heats; the lexical model ranks by its own vectors, as before. Measured (invented
probe: 150 frozen stories of 5 members within the window of one late article sharing
none of their names, a dense-flagged vectorizer counting the texts it embeds): member
texts embedded for the late article 751 -> 161 (its own and the 32 re-heated stories'
160 members), about 90 s -> 19 s of CPU with MiniLM; the lexical model's re-heated
stories identical.
A re-heated story that freezes again with the members it came back with is listed again
(``Reheating._relist``), so a later late article of its days can re-heat it again; before
(review s43/1 L1) each late article took its nearest ``candidates`` off the list for the
session, and a later late report of one of them opened a story of its own.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from newsprism.analyze.aliases import fold_key
from newsprism.cluster.hot import HotStory as _Story
from newsprism.cluster.hot import Vector
from newsprism.cluster.signals import ArticleSignals
from newsprism.cluster.vectors import LexicalVectorizer
from newsprism.model import Story

if TYPE_CHECKING:
    from newsprism.cluster.ann import CentroidIndex, NameIndex
    from newsprism.cluster.cold import ColdStories
    from newsprism.cluster.options import ClusterOptions
    from newsprism.cluster.scoring import Item
    from newsprism.cluster.vectors import TextVectorizer, Vectors

logger = logging.getLogger(__name__)

__all__ = ["ListedStory", "NearStories", "Reheating"]

_SECONDS_PER_DAY = 86400.0


@runtime_checkable
class NearStories(Protocol):
    """Cold stories that can also list those near a date, with their members' signals."""

    def holding(self, article_ids: Sequence[str]) -> list[Story]: ...

    def taken(self, story_id: str) -> bool: ...

    def near(
        self, start: datetime, end: datetime
    ) -> list[tuple[Story, list[ArticleSignals]]]:
        """The kept stories with a member published in [start, end), each with the
        signals of its members (those it can give)."""
        ...


class Reheating:
    """Late articles re-heat the frozen stories of their dates (see the module doc)."""

    # What the clusterer provides (set in its ``__init__``).
    options: ClusterOptions
    vectorizer: TextVectorizer
    _cold: ColdStories | None
    _stories: dict[int, _Story]
    _story_of: dict[str, int]
    _ids: set[str]
    _heap: list[tuple[float, int]]
    _ann: CentroidIndex
    _names: NameIndex
    _latest: float | None
    _next_key: int
    _seq: int
    _late: deque[tuple[int, float]]
    _asked_days: set[int]
    # Frozen stories ``cold`` listed for the days asked that no late article re-heated
    # yet (by story id, with their members' signals and vectors): a later late article
    # of those days that can be their story's re-heats them without asking again.
    _frozen_near: dict[str, ListedStory]
    # Re-heated stories by key, with their member count then: unchanged ones freeze again.
    _reheated: dict[int, int]
    # Re-heated stories by key, with the listing they came from: listed again when they
    # freeze again unchanged (their days are asked already, so nothing else lists them).
    _listed_from: dict[int, ListedStory]
    # The lexical model that ranks listed stories when the clusterer's own is dense
    # (made on first use; see :meth:`_ranker`).
    _lexical: LexicalVectorizer | None = None
    _held_at_start: dict[str, frozenset[str]]

    if TYPE_CHECKING:

        def _item(
            self, signals: ArticleSignals, vector: Vector, headline: Vector | None
        ) -> Item: ...

        def _headline_vectors(self, chunk: Sequence[ArticleSignals]) -> dict[str, Vector]: ...

        def _join(self, story: _Story, item: Item) -> None: ...

        def _join_copy(self, story: _Story, item: Item, copy: bool = True) -> None: ...

        def _freeze(self, story: _Story) -> None: ...

    def _reheat_near(
        self,
        day: float | None,
        signals: ArticleSignals | None = None,
        vector: Vector | None = None,
    ) -> int:
        """Bring back hot the frozen stories kept in ``cold`` with a member within
        ``window_days`` of ``day``, when ``day`` is late (module doc), and, when the late
        article's ``signals`` are given, only those that can be its story: those
        :func:`_may_hold` lets through and, when its ``vector`` is given, the
        ``candidates`` nearest it (:meth:`_nearest`); the stories re-heated."""
        cold = self._cold
        if day is None or self._latest is None:
            return 0
        if day >= self._latest - (self.options.keep_days - self.options.window_days):
            return 0  # not late: the stories of its dates are hot (checked first: cheap)
        if not isinstance(cold, NearStories):
            return 0
        window = self.options.window_days
        first, last = math.floor(day - window), math.floor(day + window)
        wanted = sorted(set(range(first, last + 1)) - self._asked_days)
        if wanted:
            self._asked_days.update(wanted)
            start, end = (_datetime(d) for d in (wanted[0], wanted[-1] + 1))
            self._list(cold.near(start, end))
        span = (_datetime(first), _datetime(last + 1))
        dated = [
            (record_id, listed)
            for record_id, listed in self._frozen_near.items()
            if _dated_within(listed.members, *span)
        ]
        chosen = {record_id for record_id, listed in dated if _may_hold(listed, signals)}
        if signals is not None and vector is not None:
            chosen |= self._nearest(self._ranking_vector(signals, vector), dated)
        picked = [self._frozen_near.pop(record_id) for record_id, _ in dated if record_id in chosen]
        self._vectorise(picked)
        reheated = sum(self._reheat(listed) for listed in picked)
        if reheated:
            logger.info("%d frozen stories re-heated for a late article", reheated)
        return reheated

    def _list(self, found: Sequence[tuple[Story, list[ArticleSignals]]]) -> None:
        """Keep the frozen stories ``cold`` listed (those not kept already) with their
        members' ranking vectors (:meth:`_ranker`), computed in one batch. With the
        lexical model those are the clusterer's own vectors, which a re-heat joins
        unvectorised again; a dense model vectorises only the members of the stories a
        late article re-heats (:meth:`_vectorise`)."""
        fresh = [
            (record, [m for m in members if m.article_id in held])
            for record, members in found
            if record.id not in self._frozen_near
            for held in (frozenset(record.articles),)
        ]
        texts = [_text_of(m) for _, members in fresh for m in members]
        ranker = self._ranker()
        rows = ranker.vectors(texts) if texts else np.zeros((0, ranker.dim), np.float32)
        own = ranker is self.vectorizer
        at = 0
        for record, members in fresh:
            ranking = rows[at : at + len(members)]
            at += len(members)
            listed = ListedStory(record, members, ranking, ranking if own else None)
            self._frozen_near.setdefault(record.id, listed)

    def _ranker(self) -> TextVectorizer:
        """The model that ranks listed stories against a late article (:meth:`_nearest`):
        the clusterer's own, unless that is dense (a vectorizer whose ``dense`` is true).
        A dense model costs about 0.12 s of CPU a member (MiniLM on the CPU; review s43/1
        M2): vectorising every member of a late article's window (755 on the module doc's
        probe) to rank them cost about 90 s, so the lexical model, about 0.3 ms a member,
        ranks them, with its background IDF (no documents observed: deterministic)."""
        if not getattr(self.vectorizer, "dense", False):
            return self.vectorizer
        if self._lexical is None:
            self._lexical = LexicalVectorizer()
        return self._lexical

    def _ranking_vector(self, signals: ArticleSignals, vector: Vector) -> Vector:
        """The late article's vector in the ranking model's space (its own with the
        lexical model)."""
        ranker = self._ranker()
        if ranker is self.vectorizer:
            return vector
        row: Vector = ranker.vectors([_text_of(signals)])[0]
        return row

    def _vectorise(self, picked: Sequence[ListedStory]) -> None:
        """Give the picked stories' members the clusterer's vectors where the listing
        holds ranking vectors only (a dense model), in one batch."""
        bare = [listed for listed in picked if listed.vectors is None]
        texts = [_text_of(m) for listed in bare for m in listed.members]
        if not texts:
            return
        rows = self.vectorizer.vectors(texts)
        at = 0
        for listed in bare:
            listed.vectors = rows[at : at + len(listed.members)]
            at += len(listed.members)

    def _nearest(self, vector: Vector, dated: Sequence[tuple[str, ListedStory]]) -> set[str]:
        """The ids of the ``candidates`` listed stories whose centroid is nearest the late
        article's vector, as the hot path's index nominates hot stories by vector
        (``stories._candidates``): a story of its dates whose members' names are written
        otherwise than its own, or that it tells of without naming, is scored as in one run."""
        if not np.any(vector):
            return set()
        scored = [
            (-float(listed.centroid @ vector), record_id)
            for record_id, listed in dated
            if np.any(listed.centroid)
        ]
        return {record_id for _, record_id in heapq.nsmallest(self.options.candidates, scored)}

    def _reheat(self, listed: ListedStory) -> bool:
        """Rebuild a listed story as a hot story from its members' signals; False when it
        is hot here already or none of its members' signals came."""
        record = listed.record
        held = {self._story_of.get(a) for a in record.articles} - {None}
        if any(self._stories[k].hot for k in held if k is not None and k in self._stories):
            return False
        given = {m.article_id: m for m in listed.members}
        if not given:
            return False
        # A frozen copy of it fetched for a copy's look-up (``_thaw``) may hold members the
        # store's record does not yet: a copy joined to it in this run. They stay members
        # (before, they were dropped and their story look-up failed with a KeyError).
        joined_here = [
            article
            for key in held
            if key is not None and key in self._stories
            for _, article in self._stories.pop(key).members
            if article not in record.articles
        ]
        story = _Story(self._next_key, record.id, total=np.zeros(self.vectorizer.dim, np.float32))
        self._next_key += 1
        self._stories[story.key] = story
        self._ids.add(record.id)
        self._held_at_start.setdefault(record.id, frozenset(record.articles))
        self._names.recent_stories += 1
        self._join_members(story, record, given, listed.rows())
        # Members whose signals did not come stay members.
        for article in (*record.articles, *joined_here):
            if article not in given:
                story.members.append((0, article))
                self._story_of[article] = story.key
        story.title = record.title
        story.touched = story.last_day if story.last_day is not None else self._latest
        if story.touched is not None:
            heapq.heappush(self._heap, (story.touched, story.key))
        # The run that froze it checked it for a split (split_before_freeze): the split
        # pass need not again unless a late article joins it (its sources change).
        story.checked = story.sources
        self._reheated[story.key] = len(story.members)
        self._listed_from[story.key] = listed
        return True

    def _relist(self, story: _Story) -> None:
        """List again a re-heated story that freezes again with the members it was
        re-heated with (call on each freeze): a later late article of its days can re-heat
        it again, as one run would join it. Before (review s43/1 L1), each late article
        took its nearest ``candidates`` off the list for the session, so a later late
        report of one of those stories opened a story of its own. A story a late article
        joined or that was split is not listed again (the listing lacks the signals of
        the members it gained)."""
        listed = self._listed_from.pop(story.key, None)
        if listed is None:
            return
        if {article for _, article in story.members} == set(listed.record.articles):
            self._frozen_near.setdefault(listed.record.id, listed)

    def refreeze_unjoined(self) -> int:
        """Freeze again, as they were, the re-heated stories no article joined or merged
        into since (call after ``consolidate``); the number frozen. They were held hot
        only for the late articles to be scored against: left hot, each cost a split
        pass and a split check at its next eviction, and the saved state grew by them.
        """
        frozen = 0
        for key, members in sorted(self._reheated.items()):
            story = self._stories.get(key)
            if story is not None and story.hot and len(story.members) == members:
                self._freeze(story)
                frozen += 1
        self._reheated.clear()
        # Re-heated stories merged into others since: their listing is of no story now.
        for key in [k for k in self._listed_from if k not in self._stories]:
            del self._listed_from[key]
        if frozen:
            logger.info("%d re-heated stories no late article joined frozen again", frozen)
        return frozen

    def _join_members(
        self,
        story: _Story,
        record: Story,
        given: dict[str, ArticleSignals],
        rows: dict[str, Vector],
    ) -> None:
        """Join the members in arrival order, a copy (in the record's copy groups) as a
        copy of its group's first member with signals."""
        original: dict[str, str] = {}
        for group in record.duplicates:
            present = [a for a in group if a in given]
            original.update((a, present[0]) for a in present[1:])
        ordered = [
            replace(s, duplicate_of=original.get(s.article_id))
            for s in sorted(given.values(), key=_arrival)
        ]
        headlines = self._headline_vectors(ordered)
        for signals in ordered:
            vector = rows[signals.article_id]
            # Each member its own sequence number (members are keyed by it), without
            # counting as an arrival for the late articles' hold (stories.LATE_ARRIVALS).
            self._seq += 1
            self._late = deque((seq + 1, late) for seq, late in self._late)
            item = self._item(signals, vector, headlines.get(signals.article_id))
            if signals.duplicate_of is not None:
                self._join_copy(story, item)
            else:
                self._join(story, item)


@dataclass(eq=False)
class ListedStory:
    """A frozen story ``cold`` listed, with the signals of its members that came (in the
    listing's order), their ranking vectors and the clusterer's vectors (one row each;
    the latter None until a re-heat needs them, with a dense model: ``Reheating._ranker``)
    and their names folded as the clusterer scores them."""

    record: Story
    members: list[ArticleSignals]
    ranking: Vectors
    vectors: Vectors | None = None
    names: frozenset[str] = field(init=False)
    # The unit mean of the members' ranking vectors, as a hot story's centroid
    # (``HotStory.centroid``); zero when none has text.
    centroid: Vector = field(init=False)

    def __post_init__(self) -> None:
        self.names = frozenset().union(*(_folded(m) for m in self.members))
        total = np.asarray(self.ranking.sum(axis=0), np.float32)
        norm = float(np.linalg.norm(total))
        self.centroid = total / np.float32(norm) if norm else total

    def rows(self) -> dict[str, Vector]:
        if self.vectors is None:
            raise ValueError("the listed story's members are not vectorised (Reheating._vectorise)")
        return {m.article_id: row for m, row in zip(self.members, self.vectors, strict=True)}


def _folded(signals: ArticleSignals) -> frozenset[str]:
    """An article's names (entities and quoted speakers) by ``fold_key``, the key the
    clusterer scores and indexes them by (``stories._item``): "The Lorvik Dockers' Union"
    and "LORVIK DOCKERS' UNION" are one name there, so they are one here."""
    return frozenset(k for k in map(fold_key, signals.entities | signals.speakers) if k)


def _may_hold(listed: ListedStory, late: ArticleSignals | None) -> bool:
    """Whether a frozen story can be the late article's by its names: it shares one of
    them (entities or quoted speakers, folded), holds the original of which it is a copy,
    or one side has no names to tell (an article the analyser did not read: text decides,
    as in one run)."""
    if late is None or (
        late.duplicate_of is not None and late.duplicate_of in listed.record.articles
    ):
        return True
    names = _folded(late)
    return not names or not listed.names or not names.isdisjoint(listed.names)


def _dated_within(members: Sequence[ArticleSignals], start: datetime, end: datetime) -> bool:
    """Whether a member was published in [start, end) (what ``near`` was asked)."""
    for member in members:
        when = member.published
        if when is not None and start <= (when if when.tzinfo else when.replace(tzinfo=UTC)) < end:
            return True
    return False


def _arrival(signals: ArticleSignals) -> tuple[datetime, str]:
    published = signals.published
    when = datetime.max.replace(tzinfo=UTC) if published is None else published
    return (when if when.tzinfo else when.replace(tzinfo=UTC), signals.article_id)


def _datetime(day: float) -> datetime:
    return datetime.fromtimestamp(day * _SECONDS_PER_DAY, UTC)


def _text_of(signals: ArticleSignals) -> str:
    return f"{signals.title}\n\n{signals.text}" if signals.title else signals.text
