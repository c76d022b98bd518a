"""Held-out check of the graph split's two ECB+-read constants (issue 10, review s33/2
finding 4): ``ClusterOptions.named_graph_cut`` and ``graph_split_probability``.

ECB+ is the only labelled real set whose stories are large enough for the graph split to
act, so the constants were read off it; this script reports them out of sample. ECB+ is
split by topic into two folds by a fixed rule (topic number odd / even; a topic's two
look-alike events stay in one fold). Each fold is clustered (the cross-set lexical model
of ``real_clustering.py``'s headline row: join and story models fitted on the
calibration sets other than ECB+) at every point of the grid the constants were chosen
from, two ways: all of ECB+ clustered once per point and each fold scored on its own
articles (as ``real_clustering.py``'s row; a story spanning both folds is cut at the
fold line), and each fold clustered as a set of its own. The point with the best B-cubed
F1 on one fold (ties: higher precision, then the smaller cut and probability) is scored
on the other fold, and the two folds swap. Reported per fold beside the shipped
constants, the constants before (0.15 / 0.88), and the TF-IDF + average-linkage ceiling
on that fold (its best threshold on the fold itself); "both folds" is B-cubed over all
articles of the two folds' labels together, each fold's at its own point (stories cut at
the fold line). Results of 6 Dec: ``ClusterOptions``' doc.

``--constants clean`` checks the clean cut's pair instead (``clean_graph_cut`` and
``clean_split_probability``, e7e13c0, read off one ECB+ story) the same way, cut 0 (the
clean cut off) its "before"; results of 7 Dec in the same doc.

    PYTHONPATH=src python eval/graph_cut_cv.py [--constants named|clean] [--json /tmp/cv.json]

Prints to stdout (and the JSON file when asked); writes nothing under eval/results. About
8 minutes on the shared 2-core machine (most of it the calibration sets' examples).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

import real_sets
from clustering import bcubed
from clustering_fit import fit, fit_story
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.stories import StoryClusterer
from real_clustering import (
    Models,
    _best,
    baseline_grid,
    calibration_examples,
    set_signals,
)
from real_sets import LabelledSet

SET: Final = "ecbplus"
# The grid of 0a036f0 (named cut x probability), as quoted in ClusterOptions' doc.
NAMED_CUTS: Final = (0.15, 0.25, 0.3, 0.35)
PROBABILITIES: Final = (0.88, 0.9, 0.92)
BEFORE: Final = (0.15, 0.88)
# ``--constants clean``: the clean cut of e7e13c0 (``clean_graph_cut`` x
# ``clean_split_probability``, read off one ECB+ story); cut 0 is the clean cut off
# (the state before e7e13c0), so "before" is that point.
CLEAN_CUTS: Final = (0.0, 0.05, 0.1, 0.15, 0.2)
CLEAN_PROBABILITIES: Final = (0.95, 0.99)
CLEAN_BEFORE: Final = (0.0, 0.95)
# The two ClusterOptions fields each grid sets, its grid and its "before" point.
CONSTANTS: Final = {
    "named": (("named_graph_cut", "graph_split_probability"), NAMED_CUTS, PROBABILITIES, BEFORE),
    "clean": (
        ("clean_graph_cut", "clean_split_probability"),
        CLEAN_CUTS,
        CLEAN_PROBABILITIES,
        CLEAN_BEFORE,
    ),
}
FOLDS: Final = ("odd", "even")

Point = tuple[float, float]


def topic(source: str) -> int:
    """ECB+ topic number of an article id ("12_3ecbplus" -> 12)."""
    return int(source.split("_", 1)[0])


def fold(data: LabelledSet, which: str) -> LabelledSet:
    """The articles of odd (or even) topic numbers, as a labelled set of their own."""
    parity = 1 if which == "odd" else 0
    articles = [a for a in data.articles if topic(a.source) % 2 == parity]
    gold = {a.id: data.gold[a.id] for a in articles}
    return LabelledSet(f"{data.name}-{which}", articles, gold, data.files)


def cross_set_models() -> Models:
    """The lexical join and story models fitted on every calibration set but ECB+."""
    others = [e for name, e in calibration_examples("off").items() if name != SET]
    return fit(others), fit_story(others)


def labels_at(
    signals: Sequence[Any],
    models: Models,
    point: Point,
    fields: tuple[str, str] = CONSTANTS["named"][0],
) -> dict[str, str]:
    """Article id -> story id, as ``real_clustering.cluster`` (one run) with the two
    options ``fields`` at ``point``."""
    defaults = ClusterOptions(embeddings="off", model=models[0], story_model=models[1])
    options = replace(defaults, **dict(zip(fields, point, strict=True)))
    clusterer = StoryClusterer(options)
    clusterer.add_many(signals)
    clusterer.consolidate()
    return {a: story.id for story in clusterer.stories() for a in story.articles}


def b3(gold: Mapping[str, str], labels: Mapping[str, str]) -> dict[str, float]:
    b = bcubed(gold, labels).as_dict()
    return {k: round(float(b[k]), 3) for k in ("precision", "recall", "f1")}


def chosen(rows: Mapping[Point, dict[str, float]]) -> Point:
    """Best F1; ties to higher precision, then the smaller (more cautious) point."""
    return max(rows, key=lambda p: (rows[p]["f1"], rows[p]["precision"], -p[0], -p[1]))


def fold_labels(
    models: Models,
    data: LabelledSet,
    grid: Sequence[Point],
    whole: bool,
    fields: tuple[str, str] = CONSTANTS["named"][0],
) -> dict[str, dict[Point, dict[str, str]]]:
    """fold -> grid point -> its articles' story ids: each fold clustered on its own, or
    (``whole``) all of ECB+ clustered once per point and each fold's articles read off
    it (a story spanning both folds is cut at the fold line)."""
    out: dict[str, dict[Point, dict[str, str]]] = {which: {} for which in FOLDS}
    if whole:
        signals = set_signals(data)
        for point in grid:
            labels = labels_at(signals, models, point, fields)
            for which in FOLDS:
                ids = fold(data, which).gold
                out[which][point] = {a: s for a, s in labels.items() if a in ids}
        return out
    for which in FOLDS:
        signals = set_signals(fold(data, which))
        out[which] = {point: labels_at(signals, models, point, fields) for point in grid}
    return out


def evaluate(
    models: Models, data: LabelledSet, whole: bool = False, constants: str = "named"
) -> dict[str, Any]:
    fields, cuts, probabilities, before = CONSTANTS[constants]
    shipped = ClusterOptions()
    shipped_point = (getattr(shipped, fields[0]), getattr(shipped, fields[1]))
    grid = [(c, p) for c in cuts for p in probabilities]
    labels = fold_labels(models, data, grid, whole, fields)
    golds = {which: fold(data, which).gold for which in FOLDS}
    scored = {
        which: {point: b3(golds[which], labels[which][point]) for point in grid} for which in FOLDS
    }
    report: dict[str, Any] = {
        "mode": "whole set, scored per fold" if whole else "each fold clustered alone",
        "constants": fields,
        "shipped": shipped_point,
        "before": before,
        "folds": {},
    }
    picks: dict[str, Point] = {}
    for which, other in (FOLDS, FOLDS[::-1]):
        picks[which] = chosen(scored[other])
        ceiling = _best(baseline_grid(fold(data, which)))
        report["folds"][which] = {
            "articles": len(golds[which]),
            "stories": len(set(golds[which].values())),
            "chosen_on_other_fold": picks[which],
            "held_out": scored[which][picks[which]],
            "shipped": scored[which][shipped_point],
            "before": scored[which][before],
            "in_fold_best": chosen(scored[which]),
            "tfidf_ceiling": {
                **{
                    k: round(float(v), 3)
                    for k, v in ceiling["bcubed"].items()
                    if k in ("precision", "recall", "f1")
                },
                "threshold": ceiling["threshold"],
            },
            "grid": {f"{c}/{p}": scored[which][(c, p)] for c, p in grid},
        }
    gold = {a: s for which in FOLDS for a, s in golds[which].items()}

    def combined(point_of: Mapping[str, Point]) -> dict[str, float]:
        together = {
            a: f"{which}:{s}" for which in FOLDS for a, s in labels[which][point_of[which]].items()
        }
        return b3(gold, together)

    report["both_folds"] = {
        "held_out": combined(picks),
        "shipped": combined(dict.fromkeys(FOLDS, shipped_point)),
        "before": combined(dict.fromkeys(FOLDS, before)),
        **{f"{c}/{p} on both": combined(dict.fromkeys(FOLDS, (c, p))) for c, p in grid},
    }
    return report


def print_report(report: Mapping[str, Any]) -> None:
    print(
        f"ECB+ by topic parity ({report['mode']}), {' / '.join(report['constants'])}: "
        f"shipped {report['shipped']}, before {report['before']}"
    )
    for which, row in report["folds"].items():
        print(
            f"fold {which} ({row['articles']} articles, {row['stories']} stories): "
            f"chosen on the other fold {row['chosen_on_other_fold']} -> {row['held_out']}; "
            f"shipped {row['shipped']}; before {row['before']}; "
            f"best in fold {row['in_fold_best']}; TF-IDF ceiling {row['tfidf_ceiling']}"
        )
        print(
            "  grid "
            + "; ".join(f"{k} {v['f1']} ({v['precision']})" for k, v in row["grid"].items())
        )
    for name, b in report["both_folds"].items():
        print(f"both folds, {name}: {b}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", help="also write the reports here (not under eval/results)")
    parser.add_argument(
        "--constants",
        choices=sorted(CONSTANTS),
        default="named",
        help="named: named_graph_cut / graph_split_probability (0a036f0); "
        "clean: clean_graph_cut / clean_split_probability (e7e13c0)",
    )
    args = parser.parse_args(argv)
    models, data = cross_set_models(), real_sets.read_set(SET)
    reports = [evaluate(models, data, whole, args.constants) for whole in (False, True)]
    for report in reports:
        print_report(report)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(reports, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
