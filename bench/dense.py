"""Dense-path benchmark: ``analyze`` end to end with and without sentence embeddings.

Run: ``.venv/bin/python bench/dense.py [--articles 120] [--out bench/results]``.
Writes ``dense.json`` and ``dense.md`` there.

The input: the first ``--articles`` BASIL articles (``eval/basil.py``'s reader; triplets of
one story told by three outlets), written to a temporary JSONL file (text, title,
outlet, date), never into the repository. Each mode runs the main job on it in a fresh
store, as ``newsprism analyze FILE`` does: :func:`newsprism.flow.analyze_paths` (read,
analyse, group, cross-check) and the terminal report rendered (into a buffer). The modes
run in one process one after the other (lexical first, so it pays spaCy's first load),
and the figure is their ratio. Every text sent to the dense model is counted, by stage
(grouping: the clusterer's article and headline vectors; cross-checking: the briefs).

Goal (issue 14): dense within 1.5x of lexical. On a shared machine both modes slow
down alike only when the load is steady: the load average before and after each mode is
recorded beside the times.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

import basil  # type: ignore[import-not-found]
from newsprism.cluster import vectors
from newsprism.flow import EmbeddingsChoice, FlowOptions, analyze_paths
from newsprism.render import briefs as brief_views
from newsprism.store import Store

RESULTS = Path(__file__).resolve().parent / "results"
GOAL_RATIO = 1.5


def write_input(count: int, folder: Path) -> Path:
    """The first ``count`` BASIL articles (story by story) as one JSONL file."""
    items = [a for group in basil.stories().values() for a in group][:count]
    path = folder / "basil.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for article in basil.to_articles(items):
            row = {
                "text": article.text,
                "title": article.title,
                "outlet": article.outlet,
                "published": article.published.isoformat() if article.published else None,
                "url": f"https://basil.invalid/{article.id}",
            }
            handle.write(json.dumps(row) + "\n")
    return path


class Counting:
    """Counts the texts the dense model embeds, by the flow stage running."""

    def __init__(self) -> None:
        self.stage = "?"
        self.texts: Counter[str] = Counter()
        self.pieces: Counter[str] = Counter()
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.stages: dict[str, float] = {}
        self._original = vectors.DenseVectorizer.vectors
        self._tokens = vectors.DenseVectorizer.token_vectors

    def __enter__(self) -> Counting:
        vectors.DenseVectorizer.vectors = self._counted(self._original)  # type: ignore[method-assign]
        vectors.DenseVectorizer.token_vectors = self._counted(self._tokens)  # type: ignore[method-assign]
        return self

    def _counted(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def counted(model: vectors.DenseVectorizer, texts: Sequence[str]) -> Any:
            started = time.perf_counter()
            found = original(model, texts)
            self.texts[self.stage] += len(texts)
            self.pieces[self.stage] += sum(len(model.word_pieces(t)) + 2 for t in texts)
            self.seconds[self.stage] += time.perf_counter() - started
            return found

        return counted

    def __exit__(self, *exc: object) -> None:
        vectors.DenseVectorizer.vectors = self._original  # type: ignore[method-assign]
        vectors.DenseVectorizer.token_vectors = self._tokens  # type: ignore[method-assign]

    def progress(self, verb: str, _total: int) -> Callable[[int], None]:
        self.stage = verb
        self.stages[verb] = time.perf_counter()
        return lambda _n: None


def run_mode(source: Path, folder: Path, mode: EmbeddingsChoice) -> dict[str, Any]:
    """One end-to-end run in a fresh store: seconds in all, by stage, texts embedded."""
    load_before = os.getloadavg()[0]
    with Counting() as counting, Store(folder / f"{mode}.db") as store:
        started, cpu_started = time.perf_counter(), time.process_time()
        run = analyze_paths(store, [source], FlowOptions(embeddings=mode), counting.progress)
        rendered = time.perf_counter()
        console = Console(file=io.StringIO(), width=100)
        for brief in run.briefs:
            console.print(brief_views.brief_panel(brief, {}))
        ended, cpu = time.perf_counter(), time.process_time() - cpu_started
    marks = [*sorted(counting.stages.items(), key=lambda kv: kv[1]), ("rendering", rendered)]
    stages = {name: marks[n + 1][1] - at for n, (name, at) in enumerate(marks[:-1])}
    stages["rendering"] = ended - rendered
    articles = len(run.articles)
    return {
        "seconds": ended - started,
        "cpu_seconds": cpu,
        "stages": stages,
        "articles": articles,
        "stories": len(run.stories),
        "texts_embedded": dict(counting.texts),
        "texts_per_article": {k: v / max(1, articles) for k, v in counting.texts.items()},
        "pieces_per_article": {k: v / max(1, articles) for k, v in counting.pieces.items()},
        "model_seconds": dict(counting.seconds),
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
    }


def markdown(report: dict[str, Any]) -> str:
    lexical, dense = report["modes"]["off"], report["modes"][report["dense_mode"]]
    lines = [
        "# Dense-path benchmark",
        "",
        f"`analyze` of {lexical['articles']} BASIL articles ({lexical['stories']} / "
        f"{dense['stories']} stories lexical / dense), ingest to rendered briefs, one "
        f"process, modes run one after the other (dense: `--embeddings "
        f"{report['dense_mode']}`). Goal: dense within {GOAL_RATIO}x.",
        "",
        "| mode | seconds | CPU seconds | reading | analysing | grouping | cross-checking | "
        "texts (word pieces) embedded an article, grouping / briefs | load before / after |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name, mode in (("lexical", lexical), ("dense", dense)):
        stage = mode["stages"]
        per, pieces = mode["texts_per_article"], mode["pieces_per_article"]
        lines.append(
            f"| {name} | {mode['seconds']:.1f} | {mode['cpu_seconds']:.1f} | "
            f"{stage.get('reading', 0):.1f} | {stage.get('analysing', 0):.1f} | "
            f"{stage.get('grouping', 0):.1f} | {stage.get('cross-checking', 0):.1f} | "
            f"{per.get('grouping', 0):.1f} ({pieces.get('grouping', 0):.0f}) / "
            f"{per.get('cross-checking', 0):.1f} ({pieces.get('cross-checking', 0):.0f}) | "
            f"{mode['load_before']:.1f} / {mode['load_after']:.1f} |"
        )
    lines += [
        "",
        f"Dense / lexical: **{report['ratio']:.2f}x** wall, **{report['cpu_ratio']:.2f}x** "
        f"CPU (goal {GOAL_RATIO}x).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument(
        "--dense", choices=("auto", "on"), default="auto",
        help="the dense mode: auto (dense briefs; grouping dense only once its join model "
        "is fitted) or on (dense grouping too)",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if not basil.available():
        sys.exit(f"BASIL is not at {basil.DATA}")
    if not vectors.dense_available():
        sys.exit("the dense path needs the 'embed' extra")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = write_input(args.articles, folder)
        chosen: tuple[EmbeddingsChoice, ...] = ("off", "on" if args.dense == "on" else "auto")
        modes = {mode: run_mode(source, folder, mode) for mode in chosen}
    lexical, dense = modes["off"], modes[args.dense]
    report = {
        "articles": args.articles,
        "cpus": len(os.sched_getaffinity(0)),
        "dense_mode": args.dense,
        "modes": modes,
        "ratio": dense["seconds"] / lexical["seconds"],
        "cpu_ratio": dense["cpu_seconds"] / lexical["cpu_seconds"],
        "goal_ratio": GOAL_RATIO,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "dense.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    text = markdown(report)
    (args.out / "dense.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
