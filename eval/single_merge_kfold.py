"""A larger held-out check of ``ClusterOptions.single_merge_probability`` (issue 10): the
second look the consolidation gives a story of one article, off as shipped because the two
Multi-News parity folds of ``single_merge_cv.py`` did not agree on one value.

Two parts, each held out from what it checks:

* **Story folds of BASIL + Multi-News** (the fit/check set: 501 articles, 183 stories).
  Every gold story of both sets goes to one of :data:`K` folds by a fixed rule (the
  SHA-256 of ``<set>:<story label>``, modulo :data:`K`; no tuning). Each set is clustered
  whole once per value of ``single_merge_cv.GRID`` and per order (arrival, reversed,
  shuffled, window-shuffled), with its cross-set lexical models (fitted on the
  calibration sets other than the one scored). For each fold, the value is picked on the
  *other* folds' articles of both sets (mean over the two sets of the mean B-cubed F1
  over the orders; ties as ``single_merge_cv.chosen``: higher precision, then the more
  cautious value) and scored on the fold's own articles. "All folds held out" is
  B-cubed over each whole set, each article scored in the run at its fold's pick.
  Scores are per article against the *whole* set's clustering (:func:`item_b3`), so a
  false merge with a story of another fold counts against both.
  The picks' spread says whether the data agree on one value.
* **SemEval-2022 task 8 English pairs** (report only, never a pick): the English
  articles of the English pairs fed as one stream (upstream article ids; undated) and
  clustered with the shipped lexical model at each value (arrival, reversed and
  shuffled orders). Checked only at the labelled pairs: a same-story pair (``Overall``
  <= 1.5) should end in one story, a different-story pair (>= 3.5) apart. Pairs rated
  between are left out; unlabelled articles that share a story are not scored.

    PYTHONPATH=src python eval/single_merge_kfold.py [--part folds|semeval|all]
        [--option single_merge_probability] [--values off,0.3,0.35,0.4,0.45]
        [--runs /tmp/smk-runs.json] [--json /tmp/smk.json]

``--option`` checks another numeric ``ClusterOptions`` field the same way (its grid in
``--values``, which must hold the shipped value: the "shipped" column);
``join_probability``, ``split_probability`` and ``eject_logit`` were checked so (the
options doc has the results). Ties go to the higher value (``single_merge_cv.chosen``):
fewer merges for a merge cut, but more splits for ``split_probability``; read such picks
with that in mind.

Prints to stdout (and the JSON file when asked); writes nothing under eval/results. On
the shared 2-core machine under load: the folds part ~12 minutes (the calibration sets'
examples, then 40 clusterings; ``--runs`` keeps them, with the option and grid, for a
rescoring at the same option and grid), the SemEval part ~2. Results and the decision
they gave: ``ClusterOptions``' doc (``single_merge_probability``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import real_sets
from newsprism.cluster.batch import arrival_order
from newsprism.cluster.dedup import DuplicateIndex, signature
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.stories import ArticleSignals, StoryClusterer, signals_of
from newsprism.model import Article
from real_clustering import DIFFERENT, SAME, Models, calibration_examples, set_signals
from single_merge_cv import (
    ALL_ORDERS,
    GRID,
    Runs,
    Scores,
    Value,
    chosen,
    cross_set_models,
    mean,
    name,
    ordered,
)

K: Final = 5
FIT_SETS: Final = ("basil", "multinews")
SEMEVAL_ORDERS: Final = ("arrival", "reversed", "shuffled")

logger = logging.getLogger(__name__)


def fold_of(set_name: str, story: str) -> int:
    """A story's fold: a fixed hash of its set and gold label."""
    digest = hashlib.sha256(f"{set_name}:{story}".encode()).hexdigest()
    return int(digest, 16) % K


def values_of(runs: Mapping[str, Runs]) -> list[Value]:
    """The values run (those of the first set's first order)."""
    return list(next(iter(next(iter(runs.values())).values())))


def item_b3(gold: Mapping[str, str], labels: Mapping[str, str], keep: set[str]) -> Scores:
    """B-cubed of the whole set's clustering, its per-article precision and recall
    averaged over the articles in ``keep`` only: a false merge with another fold's story
    still costs (cutting the clustering at the fold line would hide most of them)."""
    clusters: dict[str, set[str]] = {}
    classes: dict[str, set[str]] = {}
    for article, story in labels.items():
        clusters.setdefault(story, set()).add(article)
        classes.setdefault(gold[article], set()).add(article)
    precision = recall = 0.0
    for article in keep:
        cluster, kind = clusters[labels[article]], classes[gold[article]]
        shared = len(cluster & kind)
        precision += shared / len(cluster)
        recall += shared / len(kind)
    p, r = precision / len(keep), recall / len(keep)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def scored(gold: Mapping[str, str], runs: Runs, keep: set[str], value: Value) -> Scores:
    """Mean over the orders of :func:`item_b3` on the articles in ``keep``."""
    return mean([item_b3(gold, by_value[value], keep) for by_value in runs.values()])


def evaluate_folds(golds: Mapping[str, Mapping[str, str]], runs: Mapping[str, Runs],
                   orders: Sequence[str], shipped: Value = None) -> dict[str, Any]:
    """Per fold, the value picked on the other folds and its held-out score beside the
    ``shipped`` value's; then every article at its fold's pick (:func:`all_folds`)."""
    grid = values_of(runs)
    members = {
        s: {k: {a for a, g in gold.items() if fold_of(s, g) == k} for k in range(K)}
        for s, gold in golds.items()
    }
    picks: dict[int, Value] = {}
    folds: dict[str, Any] = {}
    for k in range(K):
        rest = {s: set().union(*(m[j] for j in range(K) if j != k)) for s, m in members.items()}
        pooled = {
            v: mean([scored(golds[s], runs[s], rest[s], v) for s in golds]) for v in grid
        }
        picks[k] = chosen(pooled)
        folds[str(k)] = {
            "articles": {s: len(m[k]) for s, m in members.items()},
            "chosen_on_other_folds": name(picks[k]),
            "held_out": {s: scored(golds[s], runs[s], members[s][k], picks[k]) for s in golds},
            "shipped": {s: scored(golds[s], runs[s], members[s][k], shipped) for s in golds},
        }
    return {"folds": folds, "all_folds": all_folds(golds, runs, members, picks, orders)}


def all_folds(golds: Mapping[str, Mapping[str, str]], runs: Mapping[str, Runs],
              members: Mapping[str, Mapping[int, set[str]]], picks: Mapping[int, Value],
              orders: Sequence[str]) -> dict[str, Any]:
    """Per set and order, B-cubed over the whole set, each article's precision and
    recall read from the run at its fold's value (:func:`item_b3`)."""

    def combined(set_name: str, value_of: Mapping[int, Value]) -> dict[str, Scores]:
        rows = {}
        total = len(golds[set_name])
        for order in orders:
            parts = [(len(members[set_name][k]),
                      item_b3(golds[set_name], runs[set_name][order][value_of[k]],
                              members[set_name][k]))
                     for k in range(K) if members[set_name][k]]
            p = sum(n * s["precision"] for n, s in parts) / total
            r = sum(n * s["recall"] for n, s in parts) / total
            rows[order] = {"precision": round(p, 4), "recall": round(r, 4),
                           "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
        return {**rows, "mean": mean(list(rows.values()))}

    out: dict[str, Any] = {}
    for set_name in golds:
        out[set_name] = {"held_out": combined(set_name, picks)}
        for value in values_of(runs):
            out[set_name][name(value)] = combined(set_name, dict.fromkeys(range(K), value))
    return out


# --- SemEval pairs as one stream -----------------------------------------------------------


def semeval_stream() -> tuple[list[Article], list[tuple[str, str, bool]]]:
    """The English articles of the English pairs (one per upstream id) and the labelled
    pairs: (first id, second id, same story)."""
    pairs, _ = real_sets.read_semeval()
    articles: dict[str, Article] = {}
    labelled = []
    for pair in pairs:
        if pair.first.language != "en" or pair.second.language != "en":
            continue
        ids = pair.pair_id.split("_")
        for upstream, side in zip(ids, (pair.first, pair.second), strict=True):
            articles.setdefault(upstream, Article(id=f"sem-{upstream}", source=upstream,
                                                  text=side.text, language="en"))
        if pair.overall <= SAME or pair.overall >= DIFFERENT:
            labelled.append((f"sem-{ids[0]}", f"sem-{ids[1]}", pair.overall <= SAME))
    return list(articles.values()), labelled


def evaluate_semeval(option: str, grid: Sequence[Value]) -> dict[str, Any]:
    from real_clustering import reordered

    articles, labelled = semeval_stream()
    found = real_sets.analyses(articles)
    index = DuplicateIndex()
    signals = []
    for article in arrival_order(articles):
        twin = index.add(article.id, signature(article.text))
        signals.append(signals_of(article, found.get(article.id), None, twin))
    out: dict[str, Any] = {"articles": len(articles),
                           "same_pairs": sum(1 for *_, same in labelled if same),
                           "different_pairs": sum(1 for *_, same in labelled if not same)}
    for value in grid:
        rows = {}
        for order in SEMEVAL_ORDERS:
            fed = signals if order == "arrival" else reordered(signals, order)
            labels = labels_with(fed, option, value)
            rows[order] = pair_counts(labels, labelled)
        out[name(value)] = rows
    return out


def pair_counts(labels: Mapping[str, str], labelled: Sequence[tuple[str, str, bool]]
                ) -> dict[str, Any]:
    together = [(labels[a] == labels[b], same) for a, b, same in labelled]
    tp = sum(1 for joined, same in together if joined and same)
    fp = sum(1 for joined, same in together if joined and not same)
    positives = sum(1 for _, same in together if same)
    p = tp / max(1, tp + fp)
    r = tp / max(1, positives)
    return {"same_joined": tp, "different_joined": fp, "precision": round(p, 4),
            "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


# --- report --------------------------------------------------------------------------------


def fmt(s: Scores) -> str:
    return f"{s['f1']:.3f} ({s['precision']:.3f})"


def print_report(report: Mapping[str, Any]) -> None:
    folds = report.get("folds")
    if folds:
        print(f"BASIL + Multi-News, {K} story folds; B3 F1 (P), mean of orders")
        for k, row in folds["folds"].items():
            print(f" fold {k} {row['articles']}: picked {row['chosen_on_other_folds']} -> "
                  + "; ".join(f"{s} {fmt(row['held_out'][s])} (shipped {fmt(row['shipped'][s])})"
                              for s in row["held_out"]))
        for set_name, rows in folds["all_folds"].items():
            for label, by_order in rows.items():
                print(f" {set_name} {label}: "
                      + "; ".join(f"{o} {fmt(s)}" for o, s in by_order.items()))
    sem = report.get("semeval")
    if sem:
        print(f"SemEval English stream: {sem['articles']} articles, {sem['same_pairs']} same-"
              f"story pairs, {sem['different_pairs']} different")
        for value in report["grid"]:
            print(f" {value}: " + "; ".join(
                f"{o} same {r['same_joined']} different {r['different_joined']} "
                f"F1 {r['f1']:.3f}" for o, r in sem[value].items()))


def labels_with(signals: Sequence[ArticleSignals], option: str, value: Value,
                models: Models | None = None) -> dict[str, str]:
    """Article id -> story id, one run with ``option`` at ``value`` (the shipped lexical
    models where ``models`` is None)."""
    chosen_models: dict[str, Any] = {}
    if models is not None:
        chosen_models = {"model": models[0], "story_model": models[1]}
    settings: dict[str, Any] = {option: value}
    clusterer = StoryClusterer(ClusterOptions(embeddings="off", **chosen_models, **settings))
    clusterer.add_many(signals)
    clusterer.consolidate()
    return {a: story.id for story in clusterer.stories() for a in story.articles}


def parse_value(text: str) -> Value:
    return None if text == "off" else float(text)


def fold_runs(path: str | None, option: str, grid: Sequence[Value]) -> dict[str, Runs]:
    """set -> order -> value -> labels of each fit set clustered whole, with its cross-set
    lexical models; read from ``path`` when it holds runs of this option and grid (else
    computed, and written there when ``path`` is given)."""
    if path and Path(path).exists():
        saved = saved_runs(path, option, grid)
        if saved is not None:
            return saved
        logger.warning("%s holds runs of another option or grid: clustering %s at %s anew",
                       path, option, ",".join(name(v) for v in grid))
    runs = computed_runs(option, grid)
    if path:
        save_runs(path, option, grid, runs)
    return runs


def computed_runs(option: str, grid: Sequence[Value]) -> dict[str, Runs]:
    """Each fit set clustered whole per order and value, with its cross-set models."""
    examples = calibration_examples("off")
    runs: dict[str, Runs] = {}
    for set_name in FIT_SETS:
        data = real_sets.read_set(set_name)
        models = cross_set_models(examples, set_name)
        signals = set_signals(data)
        runs[set_name] = {
            order: {v: labels_with(ordered(signals, order), option, v, models) for v in grid}
            for order in ALL_ORDERS
        }
    return runs


def save_runs(path: str, option: str, grid: Sequence[Value], runs: Mapping[str, Runs]) -> None:
    """Write the runs with the option and grid they were run at (what a reuse checks)."""
    body = {s: {o: {name(v): lab for v, lab in by_value.items()}
                for o, by_value in by_order.items()} for s, by_order in runs.items()}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"option": option, "grid": [name(v) for v in grid], "runs": body}, handle)


def saved_runs(path: str, option: str, grid: Sequence[Value]) -> dict[str, Runs] | None:
    """The runs in ``path`` when they were run at ``option`` over exactly ``grid`` (same
    values, same order: the order is the tie order of the picks); None otherwise, also
    for a file written before the option and grid were kept in it."""
    with open(path, encoding="utf-8") as handle:
        saved = json.load(handle)
    if not isinstance(saved, dict) or saved.get("option") != option:
        return None
    if saved.get("grid") != [name(v) for v in grid] or not isinstance(saved.get("runs"), dict):
        return None
    return {s: {o: {parse_value(v): lab for v, lab in by_value.items()}
                for o, by_value in by_order.items()} for s, by_order in saved["runs"].items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("folds", "semeval", "all"), default="all")
    parser.add_argument("--option", default="single_merge_probability",
                        help="the ClusterOptions field checked (a number or None)")
    parser.add_argument("--values", help="comma-separated values, 'off' for None "
                        "(default: single_merge_cv.GRID); must hold the shipped value")
    parser.add_argument("--runs", help="keep the clusterings here (JSON) and read them back "
                        "from it when it holds this --option and --values (a rerun of the "
                        "scoring only; else they are run anew and the file rewritten)")
    parser.add_argument("--json", help="also write the report here (not under eval/results)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    grid = [parse_value(v) for v in args.values.split(",")] if args.values else list(GRID)
    shipped = getattr(ClusterOptions(), args.option)
    if shipped not in grid:
        parser.error(f"--values must hold the shipped value {name(shipped)}")
    report: dict[str, Any] = {"option": args.option, "grid": [name(v) for v in grid], "k": K}
    if args.part in ("folds", "all"):
        golds = {s: real_sets.read_set(s).gold for s in FIT_SETS}
        runs = fold_runs(args.runs, args.option, grid)
        report["folds"] = evaluate_folds(golds, runs, ALL_ORDERS, shipped)
    if args.part in ("semeval", "all"):
        report["semeval"] = evaluate_semeval(args.option, grid)
    print_report(report)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
