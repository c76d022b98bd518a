"""Story clustering on labelled real news: ECB+, BASIL and SemEval-2022 task 8 pairs, each
beside a TF-IDF baseline from the same run.

Run: ``.venv/bin/python eval/real_clustering.py [--sets ecbplus,basil,semeval] [--no-dense]
[--no-write]``. Writes ``eval/results/clustering_real.json`` and ``clustering_real.md``.
The generated stream is scored by ``eval/clustering.py`` (scale and regression).

``--sets`` also takes ``short-stream``: the first 3,000 articles of ``bench/cluster.py``'s
short-article stream (seed 42026, its default 2,740 a day; a headline and 2-3 sentences,
names from the generator), scored with the lexical model fitted on every other
calibration set (the short stream's tuning seed left out) and the shipped one, beside the
TF-IDF baseline (fair threshold: the best over the real sets of the run). It is there to
catch a model that over-merges short templated articles: the refit of 6 Dec on corrected
BASIL ids did (at 10,000 articles 435 -> 221 stories for 1,194; at 4,000, 254 -> 219
for 580, B3 F1 0.588 -> 0.533; at these 3,000, 0.630 -> 0.597 against a TF-IDF ceiling
of 0.618). Its tuning seed's stream can join the fit sets (``clustering_fit.SHORT_WEIGHT``,
0 as shipped: every weight tried cost every real set, see there).

Clustering sets (ECB+: 720 undated articles, 65 events, two look-alike events per topic;
BASIL: 210 dated articles, 70 stories x 3 outlets; Multi-News: 291 undated, untitled
articles, 113 stories of 2-6 outlets). Articles are fed in arrival order
(publication time, undated last, then id), with near-duplicate links and the analyser's
names (analyses cached under ``eval/.cache``), then :meth:`StoryClusterer.consolidate`.
Dense rows read their vectors through :func:`clustering.cached_dense` (kept under
``eval/.cache`` too): their times leave out the texts read back, as their notes say.
Systems:

* ``newsprism <vectorizer>, cross-set model``: the join model fitted (see
  ``eval/clustering_fit.py``) on the calibration sets *other than* the one scored
  (ECB+ is scored with a model fitted on BASIL, Multi-News and the stream, and so on):
  the fair figure.
* ``newsprism <vectorizer>, shipped model``: the packaged model, fitted on all four
  calibration sets (in-sample for the real sets; printed for what users get).
* ``newsprism lexical, cross-set model, 4 runs``: the same articles in the same order,
  cut in :data:`RUNS` equal runs, each consolidated with its state saved and restored
  before the next (frozen stories handed over, as the store keeps them); its note gives
  the B-cubed F1 of these stories against the one run's (1.000: order independence
  held). Before the state kept members (6 Dec), a story restored from an earlier run
  could not be split.
* ``newsprism lexical, cross-set model, reversed order`` / ``shuffled order`` /
  ``window-shuffled order``: the same articles in one run, fed in reverse arrival
  order, in one seeded shuffle, and in one seeded shuffle where only articles less than
  ``window_days`` apart swap (:data:`ORDERS`, :data:`SHUFFLE_SEED`; on the undated sets
  the last two are both a full shuffle); each scored against gold, its note giving the
  B-cubed F1 of its stories against the arrival-order row's and how many articles end up
  with other fellow members (JSON: ``agreement_f1``, ``moved``). Issue 10 asks for 1.000
  and 0 "within the window"; these rows report how far the clusterer is from that (no
  gate on them). The reversed order and the full shuffle also bring dated articles from
  far outside the window after newer ones, whose stories may be frozen by then.
* ``newsprism lexical, shipped model, shuffled order, one run`` / ``2 runs of random
  halves`` / ``2 runs, one outlet's articles in the second``: the shipped lexical row
  again in orders a user meets (:func:`shipped_orders`): a full shuffle, a random half
  of the articles in a first run and the rest in a second (each in arrival order), and
  one outlet's articles in a second run (its archive analysed after the others'; each of
  the :data:`LAST_OUTLETS` largest outlets in turn), each seeded (:data:`ORDER_SEEDS`).
  The row is the try whose stories agree least with the shipped one-run row's; its note
  gives every try's agreement. Between runs the frozen stories are kept as the store
  keeps them (:class:`KeptStories`), so a late article re-heats them
  (:mod:`newsprism.cluster.reheat`; before it, BASIL's outlet row was 0.705-0.720).
* ``newsprism lexical, text only``: the shipped model with no analysis (no names): what
  the CI gate (``tests/test_eval_clustering_gate.py``) runs without spaCy.
* ``tf-idf + average linkage, fair``: scikit-learn TF-IDF (sublinear tf, English stop
  words) over title and text, average-linkage agglomerative clustering on cosine
  distance, its distance threshold the best mean B-cubed F1 over the *other* real sets.
* ``... ceiling``: the same with the best threshold on the scored set itself.

SemEval pairs: the probability of the shipped lexical model for the two articles (each a
story of one; IDF over all the pairs' texts) against the human ``Overall`` rating (1 same
story .. 4 unrelated): Pearson's r (negative is right: higher probability, lower
rating), and same-story precision/recall/F1 where gold same-story is ``Overall <= 1.5``
and gold different is ``Overall >= 3.5`` (the task's own reading; pairs between are
left out), predicted same-story at probability >= 0.5. Baseline: TF-IDF cosine, r and
P/R/F1 at its best cut on the set (a ceiling).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import numpy as np
from rich.console import Console
from rich.table import Table

import real_sets
from clustering import (
    agglomerative,
    bcubed,
    cached_dense,
    clusterer_for,
    cosine_distances,
    pairwise,
)
from clustering_fit import (
    SHORT,
    SHORT_ARTICLES,
    SHORT_PER_DAY,
    SHORT_WEIGHT,
    STREAM_ARTICLES,
    Examples,
    describe_fit,
    examples,
    fit,
    fit_story,
    summary,
    write_model,
)
from newsprism.cluster.batch import arrival_order
from newsprism.cluster.dedup import DuplicateIndex, signature
from newsprism.cluster.join import JoinModel
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.stories import ArticleSignals, StoryClusterer, signals_of
from newsprism.cluster.vectors import dense_available
from newsprism.model import Story
from real_sets import LabelledSet

logger = logging.getLogger(__name__)

RESULTS: Final = Path(__file__).resolve().parent / "results"
GRID: Final = tuple(round(0.30 + 0.025 * i, 3) for i in range(28))  # distance 0.30 .. 0.975
ALL_SETS: Final = (*real_sets.SETS, SHORT, "semeval")
SAME, DIFFERENT = 1.5, 3.5


def dense_ok() -> bool:
    return dense_available()


# --- signals and runs --------------------------------------------------------------------


def set_signals(data: LabelledSet, names: bool = True) -> list[ArticleSignals]:
    """Signals in arrival order, with near-duplicate links and (optionally) the cached
    analyses' names."""
    found = real_sets.analyses(data.articles) if names else {}
    index = DuplicateIndex()
    out = []
    for article in arrival_order(data.articles):
        twin = index.add(article.id, signature(article.text))
        out.append(signals_of(article, found.get(article.id), None, twin))
    return out


# A join model and its story model (see clustering_fit.fit_story).
Models = tuple[JoinModel, JoinModel]


# The runs of the order-independence row: the arrival order cut in this many equal runs.
RUNS: Final = 4
# The other orders of the order-independence rows: the arrival order reversed, one seeded
# shuffle (every article anywhere, so dated sets also see articles from far outside the
# window arrive after newer ones, whose stories may be frozen by then), and one seeded
# shuffle within the window (only articles under window_days apart swap).
ORDERS: Final = ("reversed", "shuffled", "window-shuffled")
_SECONDS_PER_DAY: Final = 86_400.0
SHUFFLE_SEED: Final = 1


def cluster(signals: Sequence[ArticleSignals], embeddings: str,
            models: Models | None = None, runs: int = 1) -> dict[str, str]:
    """Article id -> story id after adding everything and consolidating; with ``runs``
    over 1, the arrival order cut in that many equal runs (see :func:`cluster_runs`)."""
    step = max(1, -(-len(signals) // runs))
    parts = [signals[start:start + step] for start in range(0, len(signals), step)]
    return cluster_runs(parts, embeddings, models)


class KeptStories:
    """The frozen stories handed over between runs, kept as the store keeps them: they
    answer for their articles and list those near a date with their members' signals
    (:class:`newsprism.cluster.reheat.NearStories`), so a late article re-heats them."""

    def __init__(self, signals: Iterable[ArticleSignals]) -> None:
        self._signals = {s.article_id: s for s in signals}
        self.stories: dict[str, Story] = {}

    def keep(self, stories: Iterable[Story]) -> None:
        self.stories.update((s.id, s) for s in stories)

    def forget(self, story_ids: Iterable[str]) -> None:
        for story_id in story_ids:
            self.stories.pop(story_id, None)

    def holding(self, article_ids: Sequence[str]) -> list[Story]:
        wanted = set(article_ids)
        return [s for s in self.stories.values() if wanted.intersection(s.articles)]

    def taken(self, story_id: str) -> bool:
        return story_id in self.stories

    def near(self, start: datetime, end: datetime) -> list[tuple[Story, list[ArticleSignals]]]:
        out = []
        for story in self.stories.values():
            members = [self._signals[a] for a in story.articles if a in self._signals]
            if any(start <= _utc(m.published) < end for m in members if m.published):
                out.append((story, members))
        return out


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def cluster_runs(parts: Sequence[Sequence[ArticleSignals]], embeddings: str,
                 models: Models | None = None) -> dict[str, str]:
    """Article id -> story id after adding ``parts`` in that many runs, each consolidated,
    its frozen stories handed over (:class:`KeptStories`, as the store keeps them) and its
    state saved and restored before the next (as the batch runner and the store do)."""
    clusterer = clusterer_for(embeddings, *(models or (None, None)))
    kept = KeptStories(s for part in parts for s in part)
    for i, part in enumerate(parts):
        if i:
            kept.keep(clusterer.release_frozen())
            clusterer = StoryClusterer.from_state(clusterer.state(), clusterer.options,
                                                  clusterer.vectorizer, kept)
        clusterer.add_many(part)
        clusterer.consolidate()
        kept.forget(clusterer.merges())  # merged away, as the store deletes them
    labels = {a: story.id for story in kept.stories.values() for a in story.articles}
    labels.update((a, story.id) for story in clusterer.stories() for a in story.articles)
    return labels


def scores(gold: Mapping[str, str], predicted: Mapping[str, Any]) -> dict[str, Any]:
    b, p = bcubed(gold, predicted), pairwise(gold, predicted)
    return {"bcubed": b.as_dict(), "pairwise": p.as_dict(),
            "clusters": len(set(predicted.values()))}


def stream_examples(embeddings: str) -> Examples:
    import stream as stream_module

    data = stream_module.generate_stream(STREAM_ARTICLES, stream_module.TUNING_SEED)
    index = DuplicateIndex()
    signals = [stream_module.truth_signals(i, index.add(i.article.id, signature(i.article.text)))
               for i in data.articles]
    gold = {a: str(s) for a, s in data.labels().items()}
    return examples("stream", signals, gold, embeddings)


def short_stream(seed: int) -> tuple[LabelledSet, list[ArticleSignals]]:
    """The first :data:`SHORT_ARTICLES` of ``bench/cluster.py``'s short-article stream of
    ``seed`` (its default rate), with the generator's names and near-duplicate links."""
    import stream as stream_module

    items = list(stream_module.iter_light_articles(SHORT_ARTICLES, SHORT_PER_DAY, seed))
    index = DuplicateIndex()
    signals = [stream_module.truth_signals(i, index.add(i.article.id, signature(i.article.text)))
               for i in items]
    gold = {i.article.id: str(i.story) for i in items}
    return LabelledSet(SHORT, [i.article for i in items], gold, ()), signals


def calibration_examples(embeddings: str) -> dict[str, Examples]:
    """Teacher-forced examples of every calibration set (the short-article stream's
    only when it weighs in the fit: ``clustering_fit.SHORT_WEIGHT``)."""
    import stream as stream_module

    out = {}
    for name in real_sets.SETS:
        data = real_sets.read_set(name)
        out[name] = examples(name, set_signals(data), data.gold, embeddings)
    out["stream"] = stream_examples(embeddings)
    if SHORT_WEIGHT > 0:
        short, signals = short_stream(stream_module.TUNING_SEED)
        out[SHORT] = examples(SHORT, signals, short.gold, embeddings)
    return out


# --- the baseline ------------------------------------------------------------------------


def baseline_grid(data: LabelledSet) -> list[dict[str, Any]]:
    texts = [f"{a.title or ''}\n\n{a.text}" for a in data.articles]
    distances = cosine_distances(texts)
    ids = [a.id for a in data.articles]
    rows = []
    for threshold in GRID:
        labels = dict(zip(ids, agglomerative(distances, threshold), strict=True))
        rows.append({"threshold": threshold, **scores(data.gold, labels)})
    return rows


def _best(grid: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return max(grid, key=lambda r: r["bcubed"]["f1"])


def fair_threshold(grids: Mapping[str, Sequence[dict[str, Any]]], name: str) -> float | None:
    """The baseline's distance threshold with the best mean B-cubed F1 over the sets
    other than ``name`` (None when there is no other set)."""
    others = [g for n, g in grids.items() if n != name]
    if not others:
        return None
    mean_f1 = {t: float(np.mean([next(r for r in g if r["threshold"] == t)["bcubed"]["f1"]
                                 for g in others])) for t in GRID}
    return max(GRID, key=lambda t: (mean_f1[t], -t))


# --- one clustering set ------------------------------------------------------------------


def evaluate_set(data: LabelledSet, other_threshold: float | None,
                 models: Mapping[str, Mapping[str, Models]], dense: bool,
                 grid: Sequence[dict[str, Any]]) -> dict[str, Any]:
    runs = []
    signals = set_signals(data)
    kinds = [("lexical", "off")] + ([("dense", "on")] if dense else [])
    for kind, embeddings in kinds:
        loso = models.get(kind, {}).get(data.name)
        if loso is not None:
            runs.append(_run(f"newsprism {kind}, cross-set model", data, signals, embeddings,
                             loso))
            if kind == "lexical":
                one = runs[-1]
                runs.append(_in_runs(one, data, signals, loso))
                runs += [_in_order(one, data, order, signals, loso) for order in ORDERS]
        runs.append(_run(f"newsprism {kind}, shipped model (in-sample)", data, signals,
                         embeddings, None))
        if kind == "lexical":
            runs += shipped_orders(runs[-1], data, signals)
    runs.append(_run("newsprism lexical, text only (gate)", data, set_signals(data, False),
                     "off", None))
    ceiling = _best(grid)
    if other_threshold is not None:
        fair = next(r for r in grid if r["threshold"] == other_threshold)
        runs.append({"name": "tf-idf + average linkage, fair", **fair,
                     "note": f"distance threshold {other_threshold}, best on the other sets"})
    runs.append({"name": "tf-idf + average linkage, ceiling", **ceiling,
                 "note": f"distance threshold {ceiling['threshold']}, best on this set"})
    for run in runs:
        run.pop("labels", None)
    return {"set": data.name, "articles": len(data.articles),
            "stories": len(set(data.gold.values())), "sha256": data.sha256(), "runs": runs}


def evaluate_short(real_grids: Mapping[str, Sequence[dict[str, Any]]],
                   models: Mapping[str, Mapping[str, Models]]) -> dict[str, Any]:
    """The short-article stream (:func:`short_stream` of the benchmark's seed): the lexical
    cross-set model (fitted on every other calibration set, the tuning seed's short stream
    left out), the shipped one (fitted on the tuning seed's), and the TF-IDF baseline, its
    fair threshold the best over the real sets scored in this run (the generated stream's
    own tuning seed gives another, see eval/clustering.py)."""
    import stream as stream_module

    data, signals = short_stream(stream_module.DEFAULT_SEED)
    runs = []
    loso = models.get("lexical", {}).get(SHORT)
    if loso is not None:
        runs.append(_run("newsprism lexical, cross-set model", data, signals, "off", loso))
    runs.append(_run("newsprism lexical, shipped model", data, signals, "off", None))
    grid = baseline_grid(data)
    if real_grids:
        threshold = fair_threshold({**real_grids, SHORT: grid}, SHORT)
        fair = next(r for r in grid if r["threshold"] == threshold)
        runs.append({"name": "tf-idf + average linkage, fair", **fair,
                     "note": f"distance threshold {threshold}, best on the real sets"})
    ceiling = _best(grid)
    runs.append({"name": "tf-idf + average linkage, ceiling", **ceiling,
                 "note": f"distance threshold {ceiling['threshold']}, best on this set"})
    for run in runs:
        run.pop("labels", None)
    return {"set": SHORT, "articles": len(signals), "stories": len(set(data.gold.values())),
            "sha256": "", "runs": runs}


def _run(name: str, data: LabelledSet, signals: Sequence[ArticleSignals], embeddings: str,
         model: Models | None) -> dict[str, Any]:
    dense = cached_dense() if embeddings == "on" else None
    before = (dense.asked, dense.made) if dense is not None else (0, 0)
    started = time.perf_counter()
    labels = cluster(signals, embeddings, model)
    seconds = time.perf_counter() - started
    note = ""
    if dense is not None:
        note = (f"{dense.made - before[1]} of {dense.asked - before[0]} texts embedded in "
                "this run, the rest read from eval/.cache (their model time not counted)")
    return {"name": name, **scores(data.gold, labels),
            "ms_per_article": round(1000 * seconds / len(signals), 2), "note": note,
            "labels": labels}


def _in_runs(one: dict[str, Any], data: LabelledSet, signals: Sequence[ArticleSignals],
             model: Models) -> dict[str, Any]:
    """The cross-set lexical row again with the articles in :data:`RUNS` runs, and how
    far its stories are from the one run's (B-cubed F1 of one against the other: 1.0
    when order independence holds)."""
    started = time.perf_counter()
    labels = cluster(signals, "off", model, RUNS)
    seconds = time.perf_counter() - started
    agreement = bcubed(one["labels"], labels).as_dict()["f1"]
    return {"name": f"newsprism lexical, cross-set model, {RUNS} runs",
            **scores(data.gold, labels), "agreement_f1": agreement,
            "moved": placed_differently(one["labels"], labels),
            "ms_per_article": round(1000 * seconds / len(signals), 2), "labels": labels,
            "note": f"arrival order in {RUNS} runs, state saved between; B3 F1 against the "
                    f"one-run row {agreement:.3f}"}


def _in_order(one: dict[str, Any], data: LabelledSet, order: str,
              signals: Sequence[ArticleSignals], model: Models) -> dict[str, Any]:
    """The cross-set lexical row again with the same articles fed in another ``order``
    (one run), scored against gold and against the arrival-order row: issue 10 asks for
    the same stories in any order, so the agreement is 1.000 when that holds."""
    started = time.perf_counter()
    labels = cluster(reordered(signals, order), "off", model)
    seconds = time.perf_counter() - started
    agreement = bcubed(one["labels"], labels).as_dict()["f1"]
    moved = placed_differently(one["labels"], labels)
    return {"name": f"newsprism lexical, cross-set model, {order} order",
            **scores(data.gold, labels), "agreement_f1": agreement, "moved": moved,
            "ms_per_article": round(1000 * seconds / len(signals), 2),
            "note": f"same articles, {order} order, one run; B3 F1 against the arrival-order "
                    f"row {agreement:.3f}, {moved} articles in a story with other members"}


# Seeds of the shipped model's order rows (each variant run once per seed).
ORDER_SEEDS: Final = (1, 2, 3)
# Outlets put last in turn in the "one outlet in a later run" row: the largest few.
LAST_OUTLETS: Final = 3


def shipped_orders(one: dict[str, Any], data: LabelledSet,
                   signals: Sequence[ArticleSignals]) -> list[dict[str, Any]]:
    """The shipped lexical row again in the orders a user meets (issue 10: the same
    stories in one run, in two, in any order): one run fully shuffled, two runs of a
    random half each (arrival order within a run), and two runs with one outlet's
    articles in the second (an outlet's archive analysed after the others'); each
    variant once per :data:`ORDER_SEEDS` seed (or per outlet), its row the variant whose
    stories agree least with the one-run row's, its note every agreement."""
    halves, shuffles = [], []
    for seed in ORDER_SEEDS:
        rng = random.Random(seed)
        order = list(signals)
        rng.shuffle(order)
        shuffles.append((f"seed {seed}", [order]))
        first = set(rng.sample(range(len(signals)), len(signals) // 2))
        halves.append((f"seed {seed}", [[s for i, s in enumerate(signals) if i in first],
                                        [s for i, s in enumerate(signals) if i not in first]]))
    outlet = {a.id: (a.outlet or "").casefold() for a in data.articles}
    sizes: dict[str, int] = {}
    for name in outlet.values():
        sizes[name] = sizes.get(name, 0) + 1
    largest = sorted(sizes, key=lambda n: (-sizes[n], n))[:LAST_OUTLETS] if len(sizes) > 1 else []
    lasts = [(f"{i + 1}. largest outlet last",
              [[s for s in signals if outlet[s.article_id] != name],
               [s for s in signals if outlet[s.article_id] == name]])
             for i, name in enumerate(largest)]
    variants = [("shuffled order, one run", shuffles), ("2 runs of random halves", halves),
                ("2 runs, one outlet's articles in the second", lasts)]
    return [_worst_of(one, data, name, tries) for name, tries in variants if tries]


def _worst_of(one: dict[str, Any], data: LabelledSet, variant: str,
              tries: Sequence[tuple[str, list[list[ArticleSignals]]]]) -> dict[str, Any]:
    """The row of the try (of ``tries``) whose stories agree least with ``one``'s."""
    done = []
    for label, parts in tries:
        started = time.perf_counter()
        labels = cluster_runs(parts, "off")
        seconds = time.perf_counter() - started
        done.append((bcubed(one["labels"], labels).as_dict()["f1"], label, labels, seconds))
    agreement, _, labels, seconds = min(done, key=lambda d: d[0])
    each = ", ".join(f"{label} {f1:.3f}" for f1, label, _, _ in done)
    moved = placed_differently(one["labels"], labels)
    return {"name": f"newsprism lexical, shipped model, {variant}",
            **scores(data.gold, labels), "agreement_f1": agreement, "moved": moved,
            "ms_per_article": round(1000 * seconds / len(one["labels"]), 2),
            "note": f"the least agreeing of {len(done)}; B3 F1 against the shipped one-run "
                    f"row: {each}; {moved} articles in a story with other members"}


def reordered(signals: Sequence[ArticleSignals], order: str) -> list[ArticleSignals]:
    """``signals`` in one of :data:`ORDERS` (the shuffle seeded, so reports repeat)."""
    rng = random.Random(SHUFFLE_SEED)
    if order == "reversed":
        return list(reversed(signals))
    if order == "shuffled":
        out = list(signals)
        rng.shuffle(out)
        return out
    if order != "window-shuffled":
        raise ValueError(f"unknown order {order!r} (known: {', '.join(ORDERS)})")
    # "window-shuffled": each dated article's time pushed on by a random share of
    # the window, so two swap only when less than window_days apart (issue 10's "another
    # order (within the window)"); undated ones shuffled among themselves, last.
    window = ClusterOptions().window_days * _SECONDS_PER_DAY
    def key(signals: ArticleSignals) -> tuple[int, float]:
        if signals.published is None:
            return (1, rng.random())
        published = signals.published
        when = published if published.tzinfo else published.replace(tzinfo=UTC)
        return (0, when.timestamp() + rng.uniform(0.0, window))
    return sorted(signals, key=key)


def placed_differently(one: Mapping[str, str], other: Mapping[str, str]) -> int:
    """How many articles have other fellow members in ``other`` than in ``one``."""
    def members(labels: Mapping[str, str]) -> dict[str, frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for article, story in labels.items():
            groups.setdefault(story, set()).add(article)
        frozen = {story: frozenset(m) for story, m in groups.items()}
        return {article: frozen[story] for article, story in labels.items()}

    first, second = members(one), members(other)
    return sum(1 for article in first if first[article] != second.get(article))


def cross_set_models(dense: bool, refit: bool) -> dict[str, dict[str, Models]]:
    """kind -> scored set -> the join and story models fitted on the other calibration
    sets; with ``refit``, also those on all of them, written as the shipped models."""
    out: dict[str, dict[str, Models]] = {}
    shipped: dict[str, JoinModel] = {}
    shipped_stories: dict[str, JoinModel] = {}
    described: dict[str, Any] = {}
    kinds = [("lexical", "off")] + ([("dense", "on")] if dense else [])
    for kind, embeddings in kinds:
        sets = calibration_examples(embeddings)
        out[kind] = {}
        for name in (*real_sets.SETS, SHORT):
            others = [e for other, e in sets.items() if other != name]
            out[kind][name] = (fit(others), fit_story(others))
        shipped[kind] = fit(list(sets.values()))
        shipped_stories[kind] = fit_story(list(sets.values()))
        described[kind] = summary(list(sets.values()))
    if refit:
        write_model(shipped, describe_fit(described), stories=shipped_stories)
    return out


# --- SemEval pairs -----------------------------------------------------------------------


def evaluate_semeval() -> dict[str, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    pairs, path = real_sets.read_semeval()
    english = [a for p in pairs for a in (p.first, p.second) if a.language == "en"]
    found = real_sets.analyses(english)
    clusterer = StoryClusterer(ClusterOptions(embeddings="off"))
    clusterer.vectorizer.observe([a.text for p in pairs for a in (p.first, p.second)])  # type: ignore[attr-defined]
    ours = [clusterer.probability(signals_of(p.first, found.get(p.first.id)),
                                  signals_of(p.second, found.get(p.second.id))) for p in pairs]
    texts = [t for p in pairs for t in (p.first.text, p.second.text)]
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    cosines = [float(matrix[2 * i].multiply(matrix[2 * i + 1]).sum()) for i in range(len(pairs))]
    overall = np.array([p.overall for p in pairs])
    return {
        "pairs": len(pairs), "sha256": real_sets.LabelledSet("semeval", [], {}, (path,)).sha256(),
        "cut": {"same_story": f"Overall <= {SAME}", "different": f"Overall >= {DIFFERENT}",
                "predicted": "probability >= 0.5"},
        "newsprism": {"pearson": round(float(np.corrcoef(ours, overall)[0, 1]), 4),
                      **_pair_prf(ours, overall, 0.5)},
        "tfidf_cosine": {"pearson": round(float(np.corrcoef(cosines, overall)[0, 1]), 4),
                         **_best_cut(cosines, overall)},
    }


def _pair_prf(score: Sequence[float], overall: np.ndarray, cut: float) -> dict[str, Any]:
    keep = (overall <= SAME) | (overall >= DIFFERENT)
    gold = overall[keep] <= SAME
    said = np.asarray(score)[keep] >= cut
    tp = int(np.sum(gold & said))
    p = tp / max(1, int(said.sum()))
    r = tp / max(1, int(gold.sum()))
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"cut": cut, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "scored_pairs": int(keep.sum())}


def _best_cut(score: Sequence[float], overall: np.ndarray) -> dict[str, Any]:
    cuts = [round(0.05 * i, 2) for i in range(1, 20)]
    return max((_pair_prf(score, overall, c) for c in cuts), key=lambda r: r["f1"])


# --- report ------------------------------------------------------------------------------


def markdown(report: dict[str, Any]) -> str:
    lines = ["# Story clustering on real news", "",
             "Written by `eval/real_clustering.py` (how each figure is made: its docstring "
             "and eval/README.md). Every row of a set comes from the same run.", ""]
    for entry in report["sets"]:
        lines += [f"## {entry['set']}: {entry['articles']} articles, {entry['stories']} stories",
                  "", "| system | B³ P | B³ R | B³ F1 | pair P | pair R | pair F1 | clusters "
                  "| ms/article | note |", "| --- |" + " ---: |" * 8 + " --- |"]
        for run in entry["runs"]:
            b, p = run["bcubed"], run["pairwise"]
            lines.append(f"| {run['name']} | {b['precision']:.3f} | {b['recall']:.3f} | "
                         f"{b['f1']:.3f} | {p['precision']:.3f} | {p['recall']:.3f} | "
                         f"{p['f1']:.3f} | {run['clusters']} | "
                         f"{run.get('ms_per_article', '-')} | {run.get('note', '')} |")
        lines.append("")
    sem = report.get("semeval")
    if sem:
        lines += [f"## SemEval-2022 task 8: {sem['pairs']} pairs", "",
                  f"Gold same story {sem['cut']['same_story']}, different "
                  f"{sem['cut']['different']}; pairs between are left out of P/R/F1.", "",
                  "| system | Pearson r with Overall | cut | P | R | F1 |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for name, key in (("newsprism lexical (shipped model)", "newsprism"),
                          ("TF-IDF cosine (best cut on the set)", "tfidf_cosine")):
            row = sem[key]
            lines.append(f"| {name} | {row['pearson']:.3f} | {row['cut']} | "
                         f"{row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} |")
        lines += ["", "Pearson r is negative when right (Overall 1 = same story).", ""]
    lines += [f"Machine: {report['machine']}.", ""]
    return "\n".join(lines)


def print_summary(report: dict[str, Any], console: Console) -> None:
    for entry in report["sets"]:
        table = Table(title=f"{entry['set']} ({entry['articles']} articles, "
                            f"{entry['stories']} stories)")
        for column in ("system", "B³ P", "B³ R", "B³ F1", "pair F1", "clusters",
                       "B³ F1 vs arrival order"):
            table.add_column(column)
        for run in entry["runs"]:
            b = run["bcubed"]
            agreement = run.get("agreement_f1")
            table.add_row(run["name"], f"{b['precision']:.3f}", f"{b['recall']:.3f}",
                          f"{b['f1']:.3f}", f"{run['pairwise']['f1']:.3f}",
                          str(run["clusters"]),
                          "" if agreement is None else f"{agreement:.3f} ({run['moved']} moved)")
        console.print(table)
    if report.get("semeval"):
        console.print_json(json.dumps(report["semeval"]))


def evaluate(sets: Sequence[str], dense: bool, refit: bool = False) -> dict[str, Any]:
    clustering = [s for s in sets if s in real_sets.SETS]
    data = {name: real_sets.read_set(name) for name in real_sets.SETS if name in clustering}
    grids: dict[str, list[dict[str, Any]]] = {n: baseline_grid(d) for n, d in data.items()}
    models = cross_set_models(dense, refit) if clustering or SHORT in sets else {}
    report: dict[str, Any] = {"sets": [], "machine": "2 shared CPU cores (upper bound times)"}
    for name, d in data.items():
        report["sets"].append(evaluate_set(d, fair_threshold(grids, name), models, dense,
                                           grids[name]))
    if SHORT in sets:
        report["sets"].append(evaluate_short(grids, models))
    report["cross_set_models"] = {k: {n: {**m.as_dict(), "story": s.as_dict()}
                                      for n, (m, s) in v.items()}
                                  for k, v in models.items()}
    if "semeval" in sets:
        report["semeval"] = evaluate_semeval()
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sets", default=",".join(ALL_SETS),
                        help=f"comma-separated, of {', '.join(ALL_SETS)}")
    parser.add_argument("--no-dense", action="store_true", help="lexical vectorizer only")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--refit", action="store_true",
                        help="first refit the shipped join model on all calibration sets")
    parser.add_argument("--pin-gate", action="store_true",
                        help="write eval/gate_clustering.json from this run's text-only rows")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    console = Console()
    if not real_sets.data_root().is_dir():
        console.print(f"skipped: data folder not found ({real_sets.data_root()})")
        return 0
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    report = evaluate(sets, dense=not args.no_dense and dense_ok(), refit=args.refit)
    print_summary(report, console)
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "clustering_real.json").write_text(json.dumps(report, indent=2) + "\n",
                                                      encoding="utf-8")
        (RESULTS / "clustering_real.md").write_text(markdown(report), encoding="utf-8")
        console.print(f"wrote {RESULTS / 'clustering_real.json'} and .md")
    if args.pin_gate:
        pin_gate(report)
        console.print(f"wrote {GATE}")
    return 0


GATE: Final = Path(__file__).resolve().parent / "gate_clustering.json"
GATE_ROW: Final = "newsprism lexical, text only (gate)"
# Minimums sit this far under the pinned run: the run is deterministic, so the slack only
# absorbs floating-point differences between machines and BLAS builds.
GATE_SLACK: Final = 0.005


# The short-article stream's gate row: the shipped model with the generator's names (the
# stream needs no spaCy), so a refit that over-merges short articles fails CI.
SHORT_GATE_ROW: Final = "newsprism lexical, shipped model"


def pin_gate(report: dict[str, Any]) -> None:
    """Pin the gate's minimums (text-only lexical run, B-cubed P and F1) and data hashes;
    the short-article stream's (generated: no hash) from its shipped-model row."""
    old = json.loads(GATE.read_text(encoding="utf-8")) if GATE.exists() else {}
    sets = dict(old.get("sets", {}))
    for entry in report["sets"]:
        short = entry["set"] == SHORT
        name = SHORT_GATE_ROW if short else GATE_ROW
        row = next(r for r in entry["runs"] if r["name"] == name)
        minimum = {f"bcubed_{k}": round(row["bcubed"][k] - GATE_SLACK, 3)
                   for k in ("precision", "f1")}
        sets[entry["set"]] = ({"row": name, "articles": entry["articles"], "minimum": minimum}
                              if short else {"sha256": entry["sha256"], "minimum": minimum})
    GATE.write_text(json.dumps({"row": GATE_ROW, "sets": sets}, indent=2) + "\n",
                    encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
