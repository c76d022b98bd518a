"""Which signal the join model lacks could join the articles the lexical clustering leaves
apart from their story (issue 10: Multi-News sits 0.001 under its TF-IDF ceiling), and
does a merge on it hold out of sample?

Each real set (BASIL, Multi-News, ECB+) is clustered once as ``real_clustering.py``'s
``newsprism lexical, cross-set model`` row does (arrival order; the join and story models
fitted on the calibration sets other than the one scored). Then two parts:

* **Separation.** Every pair of its stories less than ``window_days`` apart (or undated)
  is one row, "same" when the two stories' majority gold labels agree. Per signal the
  rows it reaches at a few cuts, same beside different: the split pairs a signal would
  join against the false joins it would bring. Signals, each between the two stories'
  members: MiniLM cosine (average linkage, the row the clusterer's dense vectorizer
  gives), the best lead cosine (TF-IDF of the first :data:`LEAD_WORDS` words of each
  text), rare names shared (analyser names in at most :data:`RARE_DF` articles of the
  set: what an IDF-weighted overlap averages away) and the most rare word 7-grams two
  members share (in at most 3 articles: shared quotes and copied passages).
* **Dense merge, story folds.** After the lexical clustering, stories are merged by
  average linkage over MiniLM cosine, the closest pair first, while it is at least ``t``
  (stories more than ``window_days`` apart never merge). ``t`` is picked over
  :data:`GRID` on four of ``single_merge_kfold.py``'s five story-hash folds of BASIL +
  Multi-News and scored on the fifth (:func:`single_merge_kfold.item_b3`: a false merge
  with another fold's story still costs); ECB+ only reports, at every ``t``, and so does
  ``single_merge_kfold.py``'s SemEval English stream (undated, shipped lexical model;
  the labelled pairs joined: same-story ones should be, different-story ones not).

Findings of 7 Dec (analysis version 41, lexical cross-set rows: Multi-News B3 F1 0.941
(P 0.981), BASIL 0.957 (0.993), ECB+ 0.932 (0.951); TF-IDF + average linkage in the
same run, fair / ceiling: Multi-News 0.936 / 0.942, BASIL 0.922 / 0.942, ECB+ 0.878 /
0.880):

* Separation (same / different pairs of stories reached). Multi-News, 20 / 8,495:
  MiniLM cosine >= 0.5 4 / 4, >= 0.6 2 / 0; lead cosine >= 0.15 3 / 9; two or more
  rare shared names 4 / 112; rare 7-grams >= 3 2 / 3, >= 6 1 / 0 (one story's quoted
  speech). ECB+, 8 / 2,548: MiniLM >= 0.6 4 / 12; lead >= 0.2 5 / 21; rare names >= 2
  4 / 53; rare 7-grams >= 3 1 / 6. BASIL, 13 / 22: MiniLM >= 0.6 13 / 1. MiniLM with
  a rare name or 7-gram shared too does not clean ECB+ (>= 0.55: 7 same / 16 different).
  What stays apart in Multi-News is mostly background or side documents of a cluster (a
  product's history, an archive page, a video blurb, an article in another language)
  that no text signal ties to the event: no signal here reaches several of them without
  as many false joins, so none is a feature for the join model.
* Dense merge: every fold picks ``t`` 0.6; held out BASIL 0.957 -> 0.993 and Multi-News
  0.941 -> 0.946 (P unchanged; over its ceiling), but **ECB+ 0.932 (P 0.951) -> 0.894 (P
  0.828)** (0.916 (P 0.882) even at 0.7): MiniLM reads the topic, not the event. Within
  ECB+ topics (same event vs. look-alike article pairs) its AUC is 0.858 against TF-IDF's
  0.896; look-alike pairs average cosine 0.53 against 0.76 for the same event. A lexical
  guard (the two stories' mean article-pair join log-odds at least -5 .. -2, measured
  apart from this script) saves no ECB+ merge: the look-alikes the lexical run keeps apart
  are kept apart by its story-level checks, not by pair scores. SemEval (36 same-story,
  69 different-story pairs): no merge joins 29 / 4, 0.6 30 / 4, 0.55 32 / 4 (report
  only). Nothing shipped: the gain
  is on sets without look-alike events and the loss on the one set that has them. ECB+ and
  Multi-News are undated and BASIL holds no look-alike events: a dated set with
  look-alikes inside the window would be needed to trust a merge of dated stories only.

    PYTHONPATH=src python eval/split_signals.py [--part separation|merge|all] [--json F]

Reads the analyses and dense rows cached under ``eval/.cache`` (MiniLM runs for texts not
there); writes nothing under eval/results. ~5 minutes on the shared 2-core machine.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer

import real_sets
from clustering import cached_dense
from newsprism.cluster.batch import arrival_order
from newsprism.cluster.dedup import DuplicateIndex, signature
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.signals import signals_of
from newsprism.model import Article
from real_clustering import (
    _best,
    baseline_grid,
    calibration_examples,
    cluster,
    fair_threshold,
    set_signals,
)
from real_sets import LabelledSet
from single_merge_cv import b3, cross_set_models
from single_merge_kfold import K, fold_of, item_b3, labels_with, pair_counts, semeval_stream

SETS: Final = ("basil", "multinews", "ecbplus")
FIT_SETS: Final = ("basil", "multinews")
GRID: Final = (None, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)  # None: no dense merge
LEAD_WORDS: Final = 60
RARE_DF: Final = 6
SHINGLE: Final = 7
CUTS: Final = {"dense": (0.4, 0.5, 0.6), "lead": (0.1, 0.15, 0.2),
               "rare_names": (1, 2, 3), "rare_shingles": (1, 3, 6)}
WINDOW: Final = ClusterOptions().window_days
_WORD = re.compile(r"\w+")

logger = logging.getLogger(__name__)

Rows = npt.NDArray[np.float32]


@dataclass
class Group:
    """One story of the lexical run, as the dense merge grows it."""

    members: list[str]
    total: npt.NDArray[np.float32]
    days: list[float] = field(default_factory=list)

    def apart(self, other: Group) -> bool:
        """More than the window apart (both dated)."""
        if not self.days or not other.days:
            return False
        gap = max(min(other.days) - max(self.days), min(self.days) - max(other.days))
        return gap > WINDOW

    def cosine(self, other: Group) -> float:
        """Average-linkage cosine of unit rows."""
        return float(self.total @ other.total) / (len(self.members) * len(other.members))


def text_of(article: Any) -> str:
    return f"{article.title}\n\n{article.text}" if article.title else article.text


def dense_rows(articles: Sequence[Article]) -> dict[str, npt.NDArray[np.float32]]:
    rows = cached_dense().vectors([text_of(a) for a in articles])
    rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    return {a.id: rows[i] for i, a in enumerate(articles)}


def groups_of(articles: Sequence[Article], labels: Mapping[str, str],
              rows: Mapping[str, npt.NDArray[np.float32]]) -> list[Group]:
    by_story: dict[str, list[str]] = {}
    for article, story in labels.items():
        by_story.setdefault(story, []).append(article)
    dated = {a.id: a.published.timestamp() / 86_400 for a in articles if a.published}
    return [Group(m, np.sum([rows[a] for a in m], axis=0),
                  [dated[a] for a in m if a in dated]) for m in by_story.values()]


def dense_merge(groups: Sequence[Group], cut: float | None) -> dict[str, str]:
    """Article -> group index after merging the closest pair at ``cut`` or over, again
    and again (none at ``cut`` None)."""
    live = [Group(list(g.members), g.total.copy(), list(g.days)) for g in groups]
    while cut is not None:
        pairs = [(a.cosine(b), i, j) for (i, a), (j, b) in itertools.combinations(
            enumerate(live), 2) if not a.apart(b)]
        best = max(pairs, default=None)
        if best is None or best[0] < cut:
            break
        _, i, j = best
        keep, gone = live[i], live.pop(j)
        keep.members += gone.members
        keep.total = keep.total + gone.total
        keep.days += gone.days
    return {a: str(i) for i, g in enumerate(live) for a in g.members}


# --- separation ----------------------------------------------------------------------------


def shingles(text: str) -> set[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def separation(data: LabelledSet, labels: Mapping[str, str], groups: Sequence[Group]
               ) -> dict[str, Any]:
    """Per signal and cut: same-story and different-story pairs of stories it reaches."""
    texts = {a.id: a.text for a in data.articles}
    names = {s.article_id: s.entities for s in set_signals(data)}
    name_df = Counter(n for found in names.values() for n in found)
    grams = {a: shingles(t) for a, t in texts.items()}
    gram_df = Counter(g for found in grams.values() for g in found)
    ids = list(texts)
    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit(texts.values())
    leads = tfidf.transform([" ".join(texts[a].split()[:LEAD_WORDS]) for a in ids])
    lead = (leads @ leads.T).toarray()
    at = {a: i for i, a in enumerate(ids)}
    rows = []
    for one, two in itertools.combinations(groups, 2):
        if one.apart(two):
            continue
        shared = set().union(*(names[a] for a in one.members)) & set().union(
            *(names[b] for b in two.members))
        pairs = list(itertools.product(one.members, two.members))
        rows.append({
            "same": majority(data.gold, one.members) == majority(data.gold, two.members),
            "dense": one.cosine(two),
            "lead": max(lead[at[a], at[b]] for a, b in pairs),
            "rare_names": sum(1 for n in shared if name_df[n] <= RARE_DF),
            "rare_shingles": max(sum(1 for g in grams[a] & grams[b] if gram_df[g] <= 3)
                                 for a, b in pairs),
        })
    same = [r for r in rows if r["same"]]
    other = [r for r in rows if not r["same"]]
    out: dict[str, Any] = {"same_pairs": len(same), "different_pairs": len(other)}
    for signal, cuts in CUTS.items():
        out[signal] = {str(c): {"same": sum(1 for r in same if r[signal] >= c),
                                "different": sum(1 for r in other if r[signal] >= c)}
                       for c in cuts}
    return out


def majority(gold: Mapping[str, str], members: Sequence[str]) -> str:
    return Counter(gold[a] for a in members).most_common(1)[0][0]


# --- folds ---------------------------------------------------------------------------------


def folds(golds: Mapping[str, Mapping[str, str]],
          merged: Mapping[str, Mapping[float | None, dict[str, str]]]) -> dict[str, Any]:
    """Per fold, the cut picked on the other folds (mean of the sets' F1; ties to the
    no merge, then the higher cut) and its held-out score beside no merge."""
    members = {s: {k: {a for a, g in gold.items() if fold_of(s, g) == k} for k in range(K)}
               for s, gold in golds.items()}
    out = {}
    for k in range(K):
        rest = {s: set().union(*(m[j] for j in range(K) if j != k)) for s, m in members.items()}
        pooled = {c: float(np.mean([item_b3(golds[s], merged[s][c], rest[s])["f1"]
                                    for s in golds])) for c in GRID}
        pick = max(GRID, key=lambda c: (pooled[c], c is None, c or 0.0))
        out[str(k)] = {"picked": pick, **{
            s: {"held_out": item_b3(golds[s], merged[s][pick], members[s][k]),
                "no_merge": item_b3(golds[s], merged[s][None], members[s][k])}
            for s in golds}}
    return out


def run(parts: Sequence[str]) -> dict[str, Any]:
    examples = calibration_examples("off")
    report: dict[str, Any] = {"sets": {}}
    golds, merged = {}, {}
    sets = {name: real_sets.read_set(name) for name in SETS}
    grids = {name: baseline_grid(data) for name, data in sets.items()}
    for name, data in sets.items():
        labels = cluster(set_signals(data), "off", cross_set_models(examples, name))
        groups = groups_of(data.articles, labels, dense_rows(data.articles))
        fair = fair_threshold(grids, name)
        row: dict[str, Any] = {"tfidf": {
            "fair": next(r for r in grids[name] if r["threshold"] == fair)["bcubed"],
            "ceiling": _best(grids[name])["bcubed"]}}
        if "separation" in parts:
            row["separation"] = separation(data, labels, groups)
        if "merge" in parts:
            merged[name] = {c: dense_merge(groups, c) for c in GRID}
            row["merge"] = {str(c): b3(data.gold, merged[name][c]) for c in GRID}
            golds[name] = data.gold
        report["sets"][name] = row
    if "merge" in parts:
        report["folds"] = folds({s: golds[s] for s in FIT_SETS}, merged)
        report["semeval"] = semeval_merge()
    return report


def semeval_merge() -> dict[str, Any]:
    """The SemEval English stream of ``single_merge_kfold.py`` (undated; the shipped
    lexical model), dense-merged at each cut, checked at its labelled pairs only."""
    articles, labelled = semeval_stream()
    found = real_sets.analyses(articles)
    index = DuplicateIndex()
    signals = [signals_of(a, found.get(a.id), None, index.add(a.id, signature(a.text)))
               for a in arrival_order(articles)]
    labels = labels_with(signals, "single_merge_probability", None)
    groups = groups_of(articles, labels, dense_rows(articles))
    return {str(c): pair_counts(dense_merge(groups, c), labelled) for c in GRID}


def print_report(report: Mapping[str, Any]) -> None:
    for name, row in report["sets"].items():
        print(f"{name} TF-IDF + average linkage B3 F1 (P): " + "; ".join(
            f"{k} {b['f1']:.4f} ({b['precision']:.3f})" for k, b in row["tfidf"].items()))
        sep = row.get("separation")
        if sep:
            print(f"{name}: {sep['same_pairs']} same-story pairs of stories, "
                  f"{sep['different_pairs']} different (same / different reached)")
            for signal in CUTS:
                print(f"  {signal}: " + "; ".join(
                    f">= {c} {v['same']}/{v['different']}" for c, v in sep[signal].items()))
        if "merge" in row:
            print(f"{name} dense merge B3 F1 (P): " + "; ".join(
                f"{c} {s['f1']:.4f} ({s['precision']:.3f})" for c, s in row["merge"].items()))
    for cut, row in report.get("semeval", {}).items():
        print(f"SemEval English stream, dense merge {cut}: same-story pairs joined "
              f"{row['same_joined']}, different-story pairs joined {row['different_joined']}")
    for k, fold in report.get("folds", {}).items():
        print(f" fold {k}: picked {fold['picked']} -> " + "; ".join(
            f"{s} {fold[s]['held_out']['f1']:.4f} (no merge {fold[s]['no_merge']['f1']:.4f})"
            for s in FIT_SETS))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("separation", "merge", "all"), default="all")
    parser.add_argument("--json", help="also write the report here (not under eval/results)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    parts = ("separation", "merge") if args.part == "all" else (args.part,)
    report = run(parts)
    print_report(report)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
