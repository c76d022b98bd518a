"""Near-duplicate detection measured: the threshold and shingle size are chosen here.

Run: ``.venv/bin/python eval/dedup.py [--bases N] [--throughput N] [--no-write]``
(about two minutes). Writes ``eval/results/dedup.json`` and ``eval/results/dedup.md``.

Labelled sets, all written by the project (no outside data):

* **samples** — every article under ``samples/stories`` (read with
  :func:`newsprism.ingest.read_inputs`, keyed by gold ref: the path under ``samples/``,
  or the entry URL for feed and JSONL articles); gold duplicate groups are the
  ``duplicates`` of ``samples/gold/*.json`` (each CPA wire story and its Harbour Herald
  copy). Every other pair is a negative: the same story told by other outlets, and
  the Nordische Rundschau German original beside its English translation.
* **generated, seed S** (two seeds) — ``--bases`` wire texts from ``bench/corpus.py``'s
  generator. Each gets a syndicated copy: 1-3 words edited (replaced, dropped or
  inserted) in every paragraph, one paragraph cut, a syndication line appended, the
  lines hard-wrapped at 60-80 columns, straight quotes made curly in half of them, and
  the new headline left at the top of the body in half of them. Every other base also
  gets a copy of that copy (edits accumulate: its pair with the original has two
  rounds of edits and two cuts). Hard negatives: every pair of bases from the same
  outlet on the same topic (shared templates, places and phrasing), and for half the
  bases a report of the same story in fresh prose (the generator's own scene: place,
  people, organisations and topic), half of which also carry one quoted paragraph of
  the wire text verbatim.

Scores are pairwise over all pairs of a set: a predicted pair is two articles in one
group of :class:`newsprism.cluster.dedup.DuplicateIndex`; precision is 1.0 when nothing
is predicted. Articles are added in a fixed shuffled order (copies may come first).
The separation table gives, per shingle size, the least similar pair of each kind of
duplicate and the most similar pair of each kind of negative: exact Jaccard of the
shingle sets, and the MinHash estimate the index decides on.

The rule that picks the configuration: among thresholds and shingle sizes with no
false positive on any set, at that threshold and at both neighbouring thresholds of
the grid (a pick on a knife edge, or at the grid's end, would not survive other data),
the highest mean F1 over the generated sets (the sample set is too easy to
discriminate). ``DedupOptions``' defaults are set to that pick;
the script says so, or warns when they differ.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import random
import re
import sys
import textwrap
import time
import tracemalloc
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from corpus import (
    DEFAULT_SEED,
    MAX_WORDS,
    MIN_WORDS,
    OUTLETS,
    CorpusArticle,
    _paragraphs,
    _scene,
    iter_articles,
)
from newsprism.cluster.dedup import DedupOptions, DuplicateIndex, shingles, signature
from newsprism.ingest import read_inputs
from newsprism.model import Article

ROOT: Final = Path(__file__).resolve().parent.parent
SAMPLES: Final = ROOT / "samples"
RESULTS: Final = ROOT / "eval" / "results"
THRESHOLDS: Final = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9)
SHINGLE_SIZES: Final = (3, 4, 5, 6, 7)
SEEDS: Final = (DEFAULT_SEED, 7)
_FILLERS: Final = ("also", "now", "local", "further", "again", "officials", "still", "regional")
_SYNDICATION: Final = (
    "Distributed by Continental Press Agency.",
    "This story was originally published by Continental Press Agency.",
)
_QUOTED: Final = re.compile(r'"([^"]*)"')

Pair = frozenset[str]
Config = tuple[int, float]  # (shingle words, threshold)


@dataclass(frozen=True, slots=True)
class LabelledSet:
    """Texts by id, gold duplicate groups, and named kinds of duplicate and other pairs."""

    name: str
    texts: dict[str, str]
    groups: list[tuple[str, ...]]
    positives: dict[str, list[Pair]]
    negatives: dict[str, list[Pair]]

    @property
    def gold(self) -> set[Pair]:
        return pairs_of(self.groups)


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def pairs_of(groups: Iterable[Sequence[str]]) -> set[Pair]:
    """Every unordered pair of ids that share a group."""
    return {frozenset(p) for group in groups for p in itertools.combinations(group, 2)}


def score(predicted: set[Pair], gold: set[Pair]) -> Score:
    """Pairwise precision, recall and F1 (precision 1.0 when nothing is predicted)."""
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return Score(precision, recall, f1, tp, len(predicted) - tp, len(gold) - tp)


# --- the sample corpus -------------------------------------------------------------------


def _sample_ref(article: Article) -> str:
    path = Path(article.source).resolve().relative_to(SAMPLES).as_posix()
    return article.url if path.endswith((".xml", ".jsonl")) and article.url else path


def sample_set() -> LabelledSet:
    """The bundled sample stories with their gold duplicate groups."""
    texts = {
        _sample_ref(item): item.text
        for item in read_inputs([str(SAMPLES / "stories")])
        if isinstance(item, Article)
    }
    groups: list[tuple[str, ...]] = []
    same_story: list[Pair] = []
    for path in sorted((SAMPLES / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        groups.extend(tuple(group) for group in gold["duplicates"])
        refs = [a["ref"] for a in gold["articles"]]
        same_story.extend(frozenset(p) for p in itertools.combinations(refs, 2))
    translation = frozenset(r for r in texts if "nordische-rundschau/port-strike" in r)
    negatives = {
        "same story, other outlet": [p for p in same_story if p not in pairs_of(groups)],
        "German original and translation": [translation],
    }
    return LabelledSet(
        "samples", texts, groups, {"wire and syndicated copy": list(pairs_of(groups))}, negatives
    )


# --- the generated sets ------------------------------------------------------------------


def _edit_words(paragraph: str, rng: random.Random) -> str:
    """1-3 word edits: a word replaced, dropped, or one inserted."""
    words = paragraph.split(" ")
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(words))
        action = rng.choice(("replace", "drop", "insert"))
        if action == "replace":
            words[at] = rng.choice(_FILLERS)
        elif action == "drop" and len(words) > 1:
            del words[at]
        else:
            words.insert(at, rng.choice(_FILLERS))
    return " ".join(words)


def _copy(paragraphs: Sequence[str], headline: str, rng: random.Random) -> list[str]:
    """A syndicated copy: words edited, a paragraph cut, a syndication line appended."""
    edited = [_edit_words(p, rng) for p in paragraphs]
    if len(edited) > 3:
        del edited[rng.randrange(1, len(edited))]
    if rng.random() < 0.5:
        edited.insert(0, f"{headline}, officials say")
    return [*edited, rng.choice(_SYNDICATION)]


def _render_copy(paragraphs: Sequence[str], rng: random.Random) -> str:
    """Paragraphs hard-wrapped at 60-80 columns; straight quotes made curly in half."""
    width = rng.randint(60, 80)
    text = "\n\n".join(textwrap.fill(p, width=width) for p in paragraphs)
    if rng.random() < 0.5:
        text = _QUOTED.sub("\u201c\\1\u201d", text).replace("'", "\u2019")
    return text


def _story_of(index: int, seed: int) -> tuple[int, Any]:
    """The generator's outlet (index) and scene of article ``index``: its rng replayed."""
    rng = random.Random(f"{seed}:{index}")
    outlet = rng.choice(OUTLETS)
    return OUTLETS.index(outlet), _scene(rng)


def _rewrite(wire: CorpusArticle, seed: int, share: bool) -> str:
    """The same story in fresh prose (same scene); with one quoted wire paragraph if ``share``."""
    _, scene = _story_of(wire.index, seed)
    rng = random.Random(f"rewrite:{seed}:{wire.index}")
    paragraphs = _paragraphs(rng, scene, rng.randint(MIN_WORDS, MAX_WORDS))
    quoted = [p for p in wire.paragraphs if '"' in p]
    if share and quoted:
        paragraphs[rng.randrange(len(paragraphs))] = rng.choice(quoted)
    return "\n\n".join(paragraphs)


def _same_outlet_topic(bases: int, seed: int) -> list[Pair]:
    stories = {i: _story_of(i, seed) for i in range(bases)}
    keys = {i: (outlet, scene.topic) for i, (outlet, scene) in stories.items()}
    return [
        frozenset((f"wire-{a}", f"wire-{b}"))
        for a, b in itertools.combinations(range(bases), 2)
        if keys[a] == keys[b]
    ]


def _add_copies(texts: dict[str, str], wire: CorpusArticle, seed: int) -> tuple[str, ...]:
    """Write the wire text, its copy and (every other base) a copy of the copy."""
    i, rng = wire.index, random.Random(f"copy:{seed}:{wire.index}")
    texts[f"wire-{i}"] = "\n\n".join(wire.paragraphs)
    first = _copy(wire.paragraphs, wire.title, rng)
    texts[f"copy-{i}"] = _render_copy(first, rng)
    if i % 2:
        return f"wire-{i}", f"copy-{i}"
    texts[f"copy2-{i}"] = _render_copy(_copy(first, wire.title, rng), rng)
    return f"wire-{i}", f"copy-{i}", f"copy2-{i}"


def _positive_kinds(groups: Sequence[tuple[str, ...]]) -> dict[str, list[Pair]]:
    three = [g for g in groups if len(g) == 3]
    return {
        "copy and its original": [frozenset(g[:2]) for g in groups],
        "copy of a copy and its source": [frozenset(g[1:]) for g in three],
        "copy of a copy and the original": [frozenset((g[0], g[2])) for g in three],
    }


def generated_set(bases: int, seed: int = DEFAULT_SEED) -> LabelledSet:
    """Wire texts, their edited copies, and hard negatives (see the module docstring)."""
    texts: dict[str, str] = {}
    groups: list[tuple[str, ...]] = []
    kinds: dict[str, list[Pair]] = {"own prose": [], "shared": []}
    for wire in iter_articles(bases, seed):
        group = _add_copies(texts, wire, seed)
        groups.append(group)
        if wire.index < bases // 2:
            texts[f"rewrite-{wire.index}"] = _rewrite(wire, seed, share=wire.index % 2 == 0)
            kind = kinds["shared" if wire.index % 2 == 0 else "own prose"]
            kind.extend(frozenset((f"rewrite-{wire.index}", member)) for member in group)
    negatives = {
        "same outlet and topic": _same_outlet_topic(bases, seed),
        "same story, own prose": kinds["own prose"],
        "same story, one shared paragraph": kinds["shared"],
    }
    return LabelledSet(f"generated, seed {seed}", texts, groups, _positive_kinds(groups), negatives)


# --- measuring ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sketched:
    """One set's shingles and signatures at one shingle size."""

    size: int
    shingles: dict[str, set[bytes]]
    signatures: dict[str, np.ndarray]


def sketch(data: LabelledSet, size: int) -> Sketched:
    options = DedupOptions(shingle_words=size)
    return Sketched(
        size,
        {ref: shingles(text, size) for ref, text in data.texts.items()},
        {ref: signature(text, options) for ref, text in data.texts.items()},
    )


def insertion_order(data: LabelledSet) -> list[str]:
    """A fixed shuffle of the set's ids, so copies sometimes come before their original."""
    order = sorted(data.texts)
    random.Random(f"order:{data.name}").shuffle(order)
    return order


def grid(data: LabelledSet, sketches: Sequence[Sketched]) -> list[dict[str, Any]]:
    """P/R/F1 for every shingle size and threshold, through the index's own add path."""
    rows = []
    order = insertion_order(data)
    for sketched in sketches:
        items = [(ref, sketched.signatures[ref]) for ref in order]
        for threshold in THRESHOLDS:
            options = DedupOptions(threshold=threshold, shingle_words=sketched.size)
            index = DuplicateIndex.from_signatures(items, options)
            result = score(pairs_of(index.groups()), data.gold)
            rows.append({
                "set": data.name, "shingle_words": sketched.size, "threshold": threshold,
                **asdict(result),
            })
    return rows


def _similarities(pairs: Iterable[Pair], sketched: Sketched) -> tuple[list[float], list[float]]:
    """Exact Jaccard of the shingle sets, and the MinHash estimate, of each pair."""
    exact, estimated = [], []
    for a, b in (sorted(pair) for pair in pairs):
        sa, sb = sketched.shingles[a], sketched.shingles[b]
        exact.append(len(sa & sb) / len(sa | sb) if sa | sb else 0.0)
        estimated.append(float(np.mean(sketched.signatures[a] == sketched.signatures[b])))
    return exact, estimated


def separation(data: LabelledSet, sketches: Sequence[Sketched]) -> list[dict[str, Any]]:
    """Per shingle size: the least similar duplicates, the most similar negatives."""
    kinds = [(kind, pairs, min) for kind, pairs in data.positives.items()]
    kinds += [(kind, pairs, max) for kind, pairs in data.negatives.items()]
    rows = []
    for sketched in sketches:
        for kind, pairs, bound in kinds:
            exact, estimated = _similarities(pairs, sketched)
            rows.append({
                "set": data.name, "shingle_words": sketched.size, "kind": kind,
                "duplicates": bound is min, "pairs": len(pairs),
                "exact": bound(exact), "estimated": bound(estimated),
            })
    return rows


def best_config(rows: Sequence[dict[str, Any]]) -> Config:
    """No false positive on any set at the threshold and at both neighbouring thresholds
    of the grid (so the pick is not a knife edge, nor at the grid's end), then the
    highest mean F1 over the generated sets."""
    by_config: dict[Config, list[dict[str, Any]]] = {}
    for row in rows:
        by_config.setdefault((row["shingle_words"], row["threshold"]), []).append(row)

    def clean(config: Config) -> bool:
        found = by_config.get(config)
        return found is not None and all(r["fp"] == 0 for r in found)

    def merit(config: Config) -> tuple[bool, float]:
        words, threshold = config
        at = THRESHOLDS.index(threshold)
        around = [THRESHOLDS[i] for i in (at - 1, at + 1) if 0 <= i < len(THRESHOLDS)]
        robust = len(around) == 2 and all(clean((words, t)) for t in [threshold, *around])
        f1 = [r["f1"] for r in by_config[config] if r["set"].startswith("generated")]
        return robust, sum(f1) / len(f1)

    return max(by_config, key=merit)


def throughput(count: int) -> dict[str, Any]:
    """signature() and add() rates over ``count`` generated articles; memory per article."""
    texts = ["\n\n".join(article.paragraphs) for article in iter_articles(count)]
    start = time.perf_counter()
    sigs = [(f"a{i}", signature(text)) for i, text in enumerate(texts)]
    signed = time.perf_counter() - start
    index = DuplicateIndex()
    start = time.perf_counter()
    for article_id, sig in sigs:
        index.add(article_id, sig)
    added = time.perf_counter() - start
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = DuplicateIndex.from_signatures(sigs)
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return {
        "articles": count, "signature_per_s": count / signed, "add_per_s": count / added,
        "bytes_per_article": used / len(kept), "groups_found": len(index.groups()),
    }


# --- reporting ---------------------------------------------------------------------------


def _cell(row: dict[str, Any]) -> str:
    return f"{row['precision']:.3f} / {row['recall']:.3f} / {row['f1']:.3f}"


def _matrix(rows: Sequence[dict[str, Any]], name: str) -> list[list[str]]:
    """One line per threshold, one ``P / R / F1`` cell per shingle size, for set ``name``."""
    cells = {(r["threshold"], r["shingle_words"]): r for r in rows if r["set"] == name}
    return [
        [f"{t:.2f}", *(_cell(cells[t, size]) for size in SHINGLE_SIZES)] for t in THRESHOLDS
    ]


def grid_tables(report: dict[str, Any]) -> list[Table]:
    tables = []
    for name in report["sets"]:
        table = Table(title=f"{name}: pairwise P / R / F1 by threshold and shingle words")
        table.add_column("threshold", justify="right")
        for size in SHINGLE_SIZES:
            table.add_column(f"{size} words", justify="right")
        for line in _matrix(report["grid"], name):
            table.add_row(*line)
        tables.append(table)
    return tables


def separation_table(rows: Sequence[dict[str, Any]]) -> Table:
    table = Table(title="Least similar duplicates (min) and most similar non-duplicates (max)")
    for column in ("set", "words", "pairs of kind", "n", "bound", "exact", "MinHash"):
        table.add_column(column, justify="right" if column in {"n", "exact", "MinHash"} else "left")
    for r in rows:
        table.add_row(
            r["set"], str(r["shingle_words"]), r["kind"], str(r["pairs"]),
            "min" if r["duplicates"] else "max", f"{r['exact']:.3f}", f"{r['estimated']:.3f}",
        )
    return table


def _markdown_grid(report: dict[str, Any]) -> list[str]:
    lines = []
    header = " | ".join(f"{size} words" for size in SHINGLE_SIZES)
    for name in report["sets"]:
        lines += [f"### {name}", "", f"| threshold | {header} |",
                  "| ---: |" + " ---: |" * len(SHINGLE_SIZES)]
        lines += ["| " + " | ".join(line) + " |" for line in _matrix(report["grid"], name)]
        lines.append("")
    return lines


def _markdown_separation(report: dict[str, Any]) -> list[str]:
    lines = [
        "| set | words | pairs of kind | n | bound | exact Jaccard | MinHash estimate |",
        "| --- | ---: | --- | ---: | --- | ---: | ---: |",
    ]
    lines += [
        f"| {r['set']} | {r['shingle_words']} | {r['kind']} | {r['pairs']} "
        f"| {'min' if r['duplicates'] else 'max'} | {r['exact']:.3f} | {r['estimated']:.3f} |"
        for r in report["separation"]
    ]
    return lines


def markdown(report: dict[str, Any]) -> str:
    chosen, speed = report["chosen"], report["throughput"]
    lines = [
        "# Near-duplicate detection",
        "",
        "Written by `eval/dedup.py` (how the sets are made and the rule that picks the "
        "configuration are in its docstring). Sizes: "
        + "; ".join(f"{n}: {s['articles']} articles, {s['gold_pairs']} duplicate pairs"
                    for n, s in report["sets"].items()) + ".",
        "",
        f"**Chosen: {chosen['shingle_words']}-word shingles, threshold {chosen['threshold']}, "
        f"{chosen['num_perm']} permutations** (`DedupOptions` defaults; the pick of the rule "
        f"is {report['best'][0]} words at {report['best'][1]}).",
        "",
        "## Pairwise precision / recall / F1",
        "",
        *_markdown_grid(report),
        "## Separation",
        "",
        *_markdown_separation(report),
        "",
        "## Throughput",
        "",
        f"{speed['articles']:,} generated articles (400-800 words), one process, "
        f"{report['machine']}: `signature()` {speed['signature_per_s']:,.0f} articles/s, "
        f"`DuplicateIndex.add()` {speed['add_per_s']:,.0f} articles/s; the index holds "
        f"{speed['bytes_per_article']:,.0f} bytes per article (tracemalloc).",
        "",
    ]
    return "\n".join(lines)


def run(bases: int, count: int) -> dict[str, Any]:
    """Measure every set, pick the configuration, time the index."""
    report: dict[str, Any] = {"sets": {}, "grid": [], "separation": []}
    for data in (sample_set(), *(generated_set(bases, seed) for seed in SEEDS)):
        sketches = [sketch(data, size) for size in SHINGLE_SIZES]
        report["grid"] += grid(data, sketches)
        report["separation"] += separation(data, sketches)
        report["sets"][data.name] = {"articles": len(data.texts), "gold_pairs": len(data.gold)}
    report["best"] = best_config(report["grid"])
    report["chosen"] = asdict(DedupOptions())
    report["throughput"] = throughput(count)
    report["machine"] = f"{platform.machine()}, Python {platform.python_version()}"
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure near-duplicate detection.")
    parser.add_argument("--bases", type=int, default=600, help="wire texts per generated set")
    parser.add_argument("--throughput", type=int, default=10_000, help="articles timed")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    console = Console()
    report = run(args.bases, args.throughput)
    for table in [*grid_tables(report), separation_table(report["separation"])]:
        console.print(table)
    console.print(report["throughput"])
    chosen = (report["chosen"]["shingle_words"], report["chosen"]["threshold"])
    if tuple(report["best"]) != chosen:
        console.print(f"[yellow]warning: the rule picks {report['best']}, defaults are {chosen}")
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "dedup.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        (RESULTS / "dedup.md").write_text(markdown(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
