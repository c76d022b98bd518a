"""The near-duplicate index of a store, windowed and persistent: a run's cost does not
depend on how many articles the store holds.

:class:`~newsprism.cluster.dedup.DuplicateIndex` keeps every signature in memory, so a
store-backed run had to rebuild it from every stored signature first (about 11.5 KB and
0.35 ms per stored article: 11 GB and 6 minutes at a million). Wire copies appear within
hours of each other, so only *hot* articles are candidates now, with the same window
notion as story clustering (``ClusterOptions.keep_days``): an article is hot while its
publication day is within ``keep_days`` of the latest date seen, and a dated article is
compared only with hot articles published within ``keep_days`` of it (an undated one with
every hot one; an undated article takes the latest date seen for its own time in the
window). Copy groups already decided are stored and kept for good.

The hot articles' LSH band keys live in the store (:mod:`newsprism.store_dedup`), so a
run starts without loading anything: each new article costs one indexed SQLite lookup of
its band keys, plus the same in-memory check against the articles of the run itself.
Measured against the other choice, loading the window's signatures into an in-memory LSH
at start (O(window) per run), in ``bench/dedup.py``.

Grouping is :class:`DuplicateIndex`'s rule, over the candidates in the window: the same
LSH bands and rows (datasketch's choice for the threshold), the same Jaccard estimate,
the most similar candidate at or above the threshold (the earliest on a tie), whose
group's first member leads the group.

A late article (dated before the latest date an earlier run saw) is compared as in one
run, with every article published within ``keep_days`` of its own date: those earlier
runs stored but whose band keys have left the window are read back by date with their
stored signatures (:class:`_Past`, once per day per run). Without this a late verbatim
copy of a wire text re-heated into the wire's story (:mod:`newsprism.cluster.reheat`)
joined it as a source of its own, and the story's figures read 'agree' where one run
grouped the copy with the wire and read them 'single'.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Final

import numpy as np
import numpy.typing as npt
from datasketch import MinHashLSH  # type: ignore[import-untyped]

from newsprism.cluster.dedup import (
    LSH_WEIGHTS,
    DedupOptions,
    DuplicateIndex,
    is_empty,
    signature,
    signature_from_bytes,
)
from newsprism.store import MAX_ROWS, ArticleQuery, Store
from newsprism.store_dedup import DedupUpdate

logger = logging.getLogger(__name__)

__all__ = ["WindowedDuplicates", "band_keys", "day_of"]

_SECONDS_PER_DAY: Final = 86400.0
# Odd 64-bit multipliers that fold a band's rows into one key, and the one that mixes in
# the band's number (drawn once from a fixed seed; any odd constants would do).
_FOLD: Final = np.random.default_rng(20261204).integers(1, 2**63, size=64, dtype=np.uint64) | 1
_BAND: Final = np.uint64(0x9E3779B97F4A7C15)


def day_of(published: datetime | None) -> float | None:
    """Days since the epoch, UTC (a naive time is read as UTC), as story clustering."""
    if published is None:
        return None
    when = published if published.tzinfo else published.replace(tzinfo=UTC)
    return when.timestamp() / _SECONDS_PER_DAY


@lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's bands and rows for the threshold (as :class:`DuplicateIndex`)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
    return int(lsh.b), int(lsh.r)


def band_keys(sig: npt.NDArray[np.uint64], options: DedupOptions) -> tuple[int, ...]:
    """One signed 64-bit key per LSH band: equal bands give equal keys (a collision of
    unequal ones only adds a candidate, which the Jaccard check then turns away)."""
    bands, rows = _bands(options.threshold, options.num_perm)
    with np.errstate(over="ignore"):
        grid = sig[: bands * rows].reshape(bands, rows)
        folded = (grid * _FOLD[:rows]).sum(axis=1, dtype=np.uint64)
        folded ^= folded >> np.uint64(31)
        folded ^= np.arange(1, bands + 1, dtype=np.uint64) * _BAND
        folded *= _BAND
    return tuple(int(k) for k in folded.view(np.int64))


@dataclass(slots=True)
class _Hot:
    """An article of this run, until the run is saved; ``leader_seq`` is set when its
    group's leader was alone until now (the leader's row is then written too)."""

    seq: int
    article_id: str
    day: float | None
    sig: npt.NDArray[np.uint64]
    leader: str | None = None
    leader_seq: int | None = None
    keys: tuple[int, ...] = ()


# A candidate: insertion number, article id, day, signature, its group's leader if any.
_Row = tuple[int, str, float | None, npt.NDArray[np.uint64], str | None]


class WindowedDuplicates:
    """Copy groups of a store's articles, with candidates from the hot window only.

    Guarantee: for articles whose copies all lie within the window, the groups are
    those :class:`DuplicateIndex` gives over the same sequence. Cost of :meth:`add`:
    one SQLite lookup of the article's band keys and one O(num_perm) comparison per
    candidate; start-up: reading a few numbers (plus, once in an upgraded store, the
    old full rebuild). Memory: the run's own articles only.
    """

    def __init__(self, store: Store, keep_days: float, options: DedupOptions | None = None) -> None:
        self.options = options or DedupOptions()
        self.keep_days = keep_days
        self._store = store
        if "rebuild" in store.dedup.state():
            _rebuild(store, self.options, keep_days)
        state = store.dedup.state()
        self._next = int(state.get("next_seq", 1))
        self._latest: float | None = state.get("latest")
        # The window's lower edge as the last run saved it: older articles left it.
        horizon = None if self._latest is None else self._latest - keep_days
        self._past = _Past(store, self.options, keep_days, horizon)
        self._run: dict[str, _Hot] = {}
        self._by_key: dict[int, list[_Hot]] = {}

    def __len__(self) -> int:
        """Articles added in this run."""
        return len(self._run)

    def add(
        self, article_id: str, sig: npt.NDArray[np.uint64], published: datetime | None
    ) -> str | None:
        """Add an article; the first member of the group it joins, or None (see the
        module doc). An id added before in this run returns what it returned then.

        Raises:
            ValueError: ``sig`` is not a uint64 array of ``num_perm`` values.
        """
        known = self._run.get(article_id)
        if known is not None:
            return known.leader
        if sig.shape != (self.options.num_perm,) or sig.dtype != np.uint64:
            raise ValueError(
                f"expected a uint64 signature of {self.options.num_perm} values, "
                f"got {sig.dtype} of shape {sig.shape}"
            )
        day = day_of(published)
        if day is not None:
            self._latest = day if self._latest is None else max(self._latest, day)
        hot = _Hot(self._next, article_id, day, sig)
        self._next += 1
        self._run[article_id] = hot
        if is_empty(sig):  # texts without words would share every bucket
            return None
        hot.keys = band_keys(sig, self.options)
        self._best_match(hot)
        for key in hot.keys:
            self._by_key.setdefault(key, []).append(hot)
        return hot.leader

    def groups_of(self, article_ids: Iterable[str]) -> list[tuple[str, ...]]:
        """The copy groups (two or more members) holding any of ``article_ids``, stored
        or made in this run, members in insertion order."""
        wanted = set(article_ids)
        leaders = {h.leader for h in self._run.values() if h.leader is not None}
        found = self._store.dedup.groups_of([*wanted, *leaders])
        groups = {group[0]: list(group) for group in found}
        for hot in self._run.values():
            if hot.leader is not None:
                groups.setdefault(hot.leader, [hot.leader]).append(hot.article_id)
        return [tuple(g) for g in groups.values() if wanted.intersection(g)]

    def update(self) -> DedupUpdate:
        """The rows this run adds and evicts, for :class:`~newsprism.store.ClusteringUpdate`."""
        horizon = None if self._latest is None else self._latest - self.keep_days
        update = DedupUpdate(horizon=horizon, state={"next_seq": float(self._next)})
        if self._latest is not None:
            update.state["latest"] = self._latest
        for hot in self._run.values():
            if hot.leader is not None:
                update.groups.append((hot.article_id, hot.leader, hot.seq))
            if hot.leader is not None and hot.leader_seq is not None:
                update.groups.append((hot.leader, hot.leader, hot.leader_seq))
            if hot.keys and (horizon is None or hot.day is None or hot.day >= horizon):
                update.window.append((hot.seq, hot.article_id, hot.day))
                update.bands.extend((key, hot.seq) for key in hot.keys)
        if horizon is not None:
            for seq, minhash in self._store.dedup.expiring(horizon):
                keys = band_keys(signature_from_bytes(minhash, self.options), self.options)
                update.expired.extend((key, seq) for key in keys)
        return update

    def _best_match(self, hot: _Hot) -> None:
        """Join the group of the most similar hot candidate at or above the threshold
        (the earliest on a tie)."""
        best: tuple[float, int, str, str | None] | None = None
        for seq, article_id, day, sig, leader in self._candidates(hot):
            if not self._near(hot.day, day):
                continue
            similarity = float(np.count_nonzero(hot.sig == sig)) / len(sig)
            if similarity >= self.options.threshold:
                key = (-similarity, seq, article_id, leader)
                best = key if best is None or key < best else best
        if best is not None:
            _, seq, article_id, leader = best
            hot.leader = leader or article_id
            hot.leader_seq = None if leader else seq

    def _candidates(self, hot: _Hot) -> Iterator[_Row]:
        """Stored hot articles sharing a band, then this run's, then (for a late
        article) those stored articles of its dates that left the window."""
        yield from self._past.candidates(hot.day, hot.keys, self._run)
        for seq, article_id, day, minhash, leader in self._store.dedup.candidates(hot.keys):
            yield seq, article_id, day, signature_from_bytes(minhash, self.options), leader
        seen: set[int] = set()
        for key in hot.keys:
            for other in self._by_key.get(key, ()):
                if other.seq not in seen:
                    seen.add(other.seq)
                    yield other.seq, other.article_id, other.day, other.sig, other.leader

    def _near(self, day: float | None, other: float | None) -> bool:
        """Whether a candidate is in the window: within ``keep_days`` of the article when
        both are dated (in arrival order the article is the latest, so the candidate is
        hot; a late article's own dates are its window, as in one run), else still hot."""
        if day is not None and other is not None:
            return abs(day - other) <= self.keep_days
        latest = self._latest
        return other is None or latest is None or other >= latest - self.keep_days


class _Past:
    """Stored articles dated before the saved window's edge, by day, for late articles,
    with their stored signatures and copy groups' leaders. Cost: one dated range query
    per day asked (each once per run), batched signature and group reads, and one band
    hash per article found."""

    def __init__(
        self, store: Store, options: DedupOptions, keep_days: float, horizon: float | None
    ) -> None:
        self._store = store
        self._options = options
        self._keep_days = keep_days
        self._horizon = horizon
        self._asked: set[int] = set()
        self._rows: dict[str, _Row] = {}
        self._by_key: dict[int, list[str]] = {}

    def candidates(
        self, day: float | None, keys: tuple[int, ...], run: dict[str, _Hot]
    ) -> Iterator[_Row]:
        """The past articles sharing a band with ``keys`` (none unless ``day`` is late)."""
        if day is None or self._horizon is None or day - self._keep_days >= self._horizon:
            return
        first = math.floor(day - self._keep_days)
        last = math.floor(min(day + self._keep_days, self._horizon))
        wanted = [d for d in range(first, last + 1) if d not in self._asked]
        if wanted:
            self._asked.update(wanted)
            self._load(wanted[0], wanted[-1] + 1, run)
        seen: set[str] = set()
        for key in keys:
            for article_id in self._by_key.get(key, ()):
                if article_id not in seen and article_id not in run:
                    seen.add(article_id)
                    yield self._rows[article_id]

    def _load(self, first: int, end: int, run: dict[str, _Hot]) -> None:
        """Sign the articles earlier runs clustered, published in days [first, end)."""
        since, until = (datetime.fromtimestamp(d * _SECONDS_PER_DAY, UTC) for d in (first, end))
        dated = self._store.list_articles(ArticleQuery(since=since, until=until, limit=MAX_ROWS))
        fresh = [a for a in dated if a.id not in run and a.id not in self._rows]
        waiting = set(self._store.unclustered(a.id for a in fresh))  # this run's, to come
        past = [a for a in fresh if a.id not in waiting]
        leaders = {m: g[0] for g in self._store.dedup.groups_of(a.id for a in past) for m in g}
        stored = self._store.dedup.signatures_of(a.id for a in past)
        for article in past:
            sig = self._signature(stored.get(article.id), article.text)
            day = day_of(article.published)
            if is_empty(sig) or day is None:
                continue
            # Before every window article (they came later), earliest first on a tie.
            seq = -(2**40) + int(day * _SECONDS_PER_DAY)
            self._rows[article.id] = (seq, article.id, day, sig, leaders.get(article.id))
            for key in band_keys(sig, self._options):
                self._by_key.setdefault(key, []).append(article.id)
        logger.debug("%d stored articles of days %d-%d signed for late ones", len(past), first, end)

    def _signature(self, stored: bytes | None, text: str) -> npt.NDArray[np.uint64]:
        """The stored signature, or the text's (none stored, or made with other options:
        the same pure function of the text)."""
        if stored is not None:
            try:
                return signature_from_bytes(stored, self._options)
            except ValueError:
                pass
        return signature(text, self._options)


def _rebuild(store: Store, options: DedupOptions, keep_days: float) -> None:
    """Fill the tables of a store upgraded to ``0007_dedup_window`` from every stored
    signature, once: the groups :class:`DuplicateIndex` gives over the whole store (as
    the runs before the upgrade decided them), and the hot articles' bands."""
    index = DuplicateIndex(options)
    latest: float | None = None
    rows: list[tuple[int, str, float | None, npt.NDArray[np.uint64]]] = []
    for seq, (article_id, minhash, published) in enumerate(
        store.dedup.signatures_with_dates(), start=1
    ):
        sig = signature_from_bytes(minhash, options)
        index.add(article_id, sig)
        day = day_of(datetime.fromisoformat(published)) if published else None
        if day is not None:
            latest = day if latest is None else max(latest, day)
        rows.append((seq, article_id, latest if day is None else day, sig))
    horizon = None if latest is None else latest - keep_days
    update = DedupUpdate(horizon=horizon, state={"next_seq": float(len(rows) + 1)}, rebuilt=True)
    if latest is not None:
        update.state["latest"] = latest
    order = {}
    for seq, article_id, day, sig in rows:
        order[article_id] = seq
        if is_empty(sig) or (horizon is not None and day is not None and day < horizon):
            continue
        update.window.append((seq, article_id, day))
        update.bands.extend((key, seq) for key in band_keys(sig, options))
    for group in index.groups():
        update.groups.extend((member, group[0], order[member]) for member in group)
    store.save_dedup(update)
    logger.info(
        "built the near-duplicate window from %d stored signatures (%d hot, %d copy groups)",
        len(rows),
        len(update.window),
        len(index.groups()),
    )
