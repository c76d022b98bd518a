"""Held-out choice of ``ClusterOptions.single_merge_probability`` (issue 10): the second
look the consolidation's merge pass gives a story of one article (14aae46, off as
shipped because only Multi-News picked its value, in sample).

Two honest picks over :data:`GRID` (off, and cuts between ``split_probability`` 0.3 and
``join_probability`` 0.5; 0.5 itself is the same as off, the options doc says so):

* **Multi-News folds.** The Multi-News sample's gold clusters are split by a fixed rule:
  cluster number odd / even (``mn-<cluster>-<document>``; a cluster's articles stay in one
  fold). The value with the best mean B-cubed F1 over the orders run on one fold (ties:
  higher precision, then the more cautious value: off, then the higher probability) is
  scored on the other fold, and the folds swap. Two ways, as ``graph_cut_cv.py``: all of
  Multi-News clustered once per value and order and each fold scored on its own articles
  (a story spanning both folds is cut at the fold line), and each fold clustered as a set
  of its own. "Both folds" is B-cubed over all articles, each fold's labels at its own
  pick.
* **The fit sets.** The value with the best mean B-cubed F1 over BASIL and ECB+ in every
  order run (Multi-News never seen), then Multi-News scored at that value: held out by
  set, not by fold.

Every set is clustered with ``real_clustering.py``'s cross-set lexical model (join and
story models fitted on the calibration sets other than the one scored), fed in arrival
order and in ``real_clustering.ORDERS`` (reversed, shuffled, window-shuffled; the
shuffles seeded; on the undated sets the last two are both a full shuffle).

    PYTHONPATH=src python eval/single_merge_cv.py [--part folds|fit-sets|all]
        [--orders arrival,reversed,shuffled,window-shuffled] [--json /tmp/sm.json]

Prints to stdout (and the JSON file when asked); writes nothing under eval/results. On the
shared 2-core machine under load (7 Dec): the folds part ~14 minutes, the fit-sets part
~16 (ECB+ the most of it), plus ~8 for the calibration sets' examples. Results of 7 Dec:
``ClusterOptions``' doc (``single_merge_probability``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import real_sets
from clustering import bcubed
from clustering_fit import Examples, fit, fit_story
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.stories import ArticleSignals, StoryClusterer
from real_clustering import ORDERS, Models, calibration_examples, reordered, set_signals
from real_sets import LabelledSet

HELD_OUT: Final = "multinews"
FIT_SETS: Final = ("basil", "ecbplus")
# None: off. 0.5 (= join_probability) would merge exactly what off merges.
GRID: Final = (None, 0.3, 0.35, 0.4, 0.45)
ALL_ORDERS: Final = ("arrival", *ORDERS)
FOLDS: Final = ("odd", "even")

Value = float | None
Scores = dict[str, float]


def name(value: Value) -> str:
    return "off" if value is None else f"{value:g}"


def cluster_number(article_id: str) -> int:
    """Multi-News cluster number of an article id ("mn-12-3" -> 12)."""
    return int(article_id.split("-")[1])


def fold(data: LabelledSet, which: str) -> LabelledSet:
    """The articles of odd (or even) cluster numbers, as a labelled set of their own."""
    parity = 1 if which == "odd" else 0
    articles = [a for a in data.articles if cluster_number(a.id) % 2 == parity]
    gold = {a.id: data.gold[a.id] for a in articles}
    return LabelledSet(f"{data.name}-{which}", articles, gold, data.files)


def cross_set_models(examples: Mapping[str, Examples], scored: str) -> Models:
    """The lexical join and story models fitted on every calibration set but ``scored``."""
    others = [e for set_name, e in examples.items() if set_name != scored]
    return fit(others), fit_story(others)


def labels_at(signals: Sequence[ArticleSignals], models: Models, value: Value) -> dict[str, str]:
    """Article id -> story id, one run with the second look at ``value``."""
    options = ClusterOptions(
        embeddings="off", model=models[0], story_model=models[1], single_merge_probability=value
    )
    clusterer = StoryClusterer(options)
    clusterer.add_many(signals)
    clusterer.consolidate()
    return {a: story.id for story in clusterer.stories() for a in story.articles}


def b3(gold: Mapping[str, str], labels: Mapping[str, str]) -> Scores:
    b = bcubed(gold, labels).as_dict()
    return {k: round(float(b[k]), 4) for k in ("precision", "recall", "f1")}


def mean(rows: Sequence[Scores]) -> Scores:
    return {k: round(sum(r[k] for r in rows) / len(rows), 4) for k in ("precision", "recall", "f1")}


def chosen(rows: Mapping[Value, Scores]) -> Value:
    """Best F1; ties to higher precision, then the more cautious value (off, then the
    higher probability: fewer merges)."""
    return max(
        rows,
        key=lambda v: (rows[v]["f1"], rows[v]["precision"], 1.0 if v is None else v),
    )


def ordered(signals: Sequence[ArticleSignals], order: str) -> list[ArticleSignals]:
    return list(signals) if order == "arrival" else reordered(signals, order)


def run_grid(
    signals: Sequence[ArticleSignals],
    models: Models,
    orders: Sequence[str],
    values: Sequence[Value] = GRID,
) -> dict[str, dict[Value, dict[str, str]]]:
    """order -> value -> labels."""
    return {
        order: {v: labels_at(ordered(signals, order), models, v) for v in values}
        for order in orders
    }


Runs = dict[str, dict[Value, dict[str, str]]]


def fold_labels(
    data: LabelledSet, models: Models, orders: Sequence[str], whole: Runs | None
) -> dict[str, Runs]:
    """fold -> order -> value -> that fold's articles' story ids: each fold clustered on
    its own, or read off ``whole`` (all of the set's runs; a story spanning both folds is
    cut at the fold line)."""
    if whole is None:
        return {w: run_grid(set_signals(fold(data, w)), models, orders) for w in FOLDS}
    runs = whole
    out: dict[str, Runs] = {}
    for which in FOLDS:
        ids = fold(data, which).gold
        out[which] = {
            o: {v: {a: s for a, s in lab.items() if a in ids} for v, lab in by_value.items()}
            for o, by_value in runs.items()
        }
    return out


def per_value(
    gold: Mapping[str, str], labels: Mapping[str, Mapping[Value, Mapping[str, str]]]
) -> dict[Value, dict[str, Scores]]:
    """value -> order -> B-cubed (and "mean" over the orders)."""
    out: dict[Value, dict[str, Scores]] = {}
    for value in next(iter(labels.values())):  # the values run
        rows = {order: b3(gold, by_value[value]) for order, by_value in labels.items()}
        out[value] = {**rows, "mean": mean(list(rows.values()))}
    return out


def evaluate_folds(
    data: LabelledSet, models: Models, orders: Sequence[str], whole: Runs | None
) -> dict[str, Any]:
    labels = fold_labels(data, models, orders, whole)
    golds = {w: fold(data, w).gold for w in FOLDS}
    scored = {w: per_value(golds[w], labels[w]) for w in FOLDS}
    picks: dict[str, Value] = {}
    report: dict[str, Any] = {
        "mode": "each fold clustered alone" if whole is None else "whole set, scored per fold",
        "folds": {},
    }
    for which, other in (FOLDS, FOLDS[::-1]):
        picks[which] = chosen({v: s["mean"] for v, s in scored[other].items()})
        report["folds"][which] = {
            "articles": len(golds[which]),
            "stories": len(set(golds[which].values())),
            "chosen_on_other_fold": name(picks[which]),
            "held_out": scored[which][picks[which]],
            "off": scored[which][None],
            "grid": {name(v): s for v, s in scored[which].items()},
        }
    report["both_folds"] = both_folds(data, labels, orders, picks)
    return report


def both_folds(
    data: LabelledSet,
    labels: Mapping[str, Mapping[str, Mapping[Value, Mapping[str, str]]]],
    orders: Sequence[str],
    picks: Mapping[str, Value],
) -> dict[str, dict[str, Scores]]:
    """Per order, B-cubed over both folds' articles, each fold's labels at ``point_of``."""

    def combined(point_of: Callable[[str], Value]) -> dict[str, Scores]:
        rows = {}
        for order in orders:
            together = {
                a: f"{w}:{s}" for w in FOLDS for a, s in labels[w][order][point_of(w)].items()
            }
            rows[order] = b3(data.gold, together)
        return {**rows, "mean": mean(list(rows.values()))}

    out = {"held_out": combined(lambda w: picks[w])}
    for value in labels[FOLDS[0]][orders[0]]:  # the grid's values
        out[f"{name(value)} on both"] = combined(lambda w, v=value: v)  # type: ignore[misc]
    return out


def evaluate_fit_sets(
    examples: Mapping[str, Examples],
    orders: Sequence[str],
    held_out: Callable[[Sequence[Value]], dict[Value, dict[str, Scores]]],
) -> dict[str, Any]:
    """Every value on BASIL and ECB+ in every order; the pick; Multi-News (``held_out``
    of the values to score) at the pick and off."""
    rows: dict[str, dict[Value, dict[str, Scores]]] = {}
    for set_name in FIT_SETS:
        data = real_sets.read_set(set_name)
        models = cross_set_models(examples, set_name)
        rows[set_name] = per_value(data.gold, run_grid(set_signals(data), models, orders))
    pooled = {v: mean([rows[s][v]["mean"] for s in FIT_SETS]) for v in GRID}
    pick = chosen(pooled)
    multinews = held_out(sorted({None, pick}, key=lambda v: -1.0 if v is None else v))
    return {
        "pooled_mean": {name(v): s for v, s in pooled.items()},
        "chosen": name(pick),
        "sets": {s: {name(v): r for v, r in rows[s].items()} for s in FIT_SETS},
        HELD_OUT: {"at_pick": multinews[pick], "off": multinews[None]},
    }


def print_report(report: Mapping[str, Any]) -> None:
    def fmt(s: Scores) -> str:
        return f"{s['f1']:.3f} ({s['precision']:.3f})"

    def line(by_order: Mapping[str, Scores]) -> str:
        return "; ".join(f"{o} {fmt(s)}" for o, s in by_order.items())

    for folds in report.get("folds", []):
        print(f"Multi-News by cluster parity ({folds['mode']}); B3 F1 (P), mean of orders")
        for which, row in folds["folds"].items():
            print(
                f" fold {which} ({row['articles']} articles, {row['stories']} stories): "
                f"chosen on the other fold {row['chosen_on_other_fold']} -> "
                f"{fmt(row['held_out']['mean'])}; off {fmt(row['off']['mean'])}"
            )
            for value, by_order in row["grid"].items():
                print(f"   {value}: " + "; ".join(f"{o} {fmt(s)}" for o, s in by_order.items()))
        for label, by_order in folds["both_folds"].items():
            print(
                f" both folds, {label}: " + "; ".join(f"{o} {fmt(s)}" for o, s in by_order.items())
            )
    fit_sets = report.get("fit_sets")
    if fit_sets:
        print(f"Fit sets {' + '.join(FIT_SETS)}: chosen {fit_sets['chosen']}")
        for value, s in fit_sets["pooled_mean"].items():
            print(f"   pooled {value}: {fmt(s)}")
        for set_name, by_value in fit_sets["sets"].items():
            for value, by_order in by_value.items():
                print(
                    f"   {set_name} {value}: "
                    + "; ".join(f"{o} {fmt(s)}" for o, s in by_order.items())
                )
        at, off = fit_sets[HELD_OUT]["at_pick"], fit_sets[HELD_OUT]["off"]
        print(
            " Multi-News at the pick: "
            + "; ".join(f"{o} {fmt(s)} (off {fmt(off[o])})" for o, s in at.items())
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("folds", "fit-sets", "all"), default="all")
    parser.add_argument("--orders", default=",".join(ALL_ORDERS))
    parser.add_argument("--json", help="also write the report here (not under eval/results)")
    args = parser.parse_args(argv)
    orders = args.orders.split(",")
    if unknown := set(orders) - set(ALL_ORDERS):
        parser.error(f"unknown orders {sorted(unknown)}")
    examples = calibration_examples("off")
    data = real_sets.read_set(HELD_OUT)
    models = cross_set_models(examples, HELD_OUT)
    report: dict[str, Any] = {"grid": [name(v) for v in GRID], "orders": orders}
    signals = set_signals(data)
    whole: Runs = {}
    if args.part in ("folds", "all"):
        whole = run_grid(signals, models, orders)
        report["folds"] = [evaluate_folds(data, models, orders, w) for w in (None, whole)]

    def held_out(values: Sequence[Value]) -> dict[Value, dict[str, Scores]]:
        runs = whole or run_grid(signals, models, orders, values)
        return per_value(data.gold, {o: {v: runs[o][v] for v in values} for o in orders})

    if args.part in ("fit-sets", "all"):
        report["fit_sets"] = evaluate_fit_sets(examples, orders, held_out)
    print_report(report)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
