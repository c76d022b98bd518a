"""Dense-path benchmark: ``analyze`` end to end with and without sentence embeddings.

Run: ``.venv/bin/python bench/dense.py [--articles 24] [--runs 3] [--baseline SRC]
[--out bench/results]``. Writes ``dense.json`` and ``dense.md`` there.

The input: the first ``--articles`` BASIL articles (``eval/basil.py``'s reader; triplets of
one story told by three outlets), written to a temporary JSONL file (text, title,
outlet, date), never into the repository. Each run is a fresh process and a fresh store,
as ``newsprism analyze FILE`` is: it imports and loads what that mode needs (spaCy;
torch and the dense model), runs :func:`newsprism.flow.analyze_paths` (read, analyse,
group, cross-check) and renders the terminal report (into a buffer). The modes run
alternately, ``--runs`` rounds (lexical, dense, then the baseline's dense when given),
and the figure is the ratio of their median times; on a shared machine the load moves
between runs, so the ratio of each round's own pair is reported too. Every text sent to
the dense model is counted, by stage (grouping: the clusterer's article and headline
vectors; cross-checking: the briefs): a count the load does not move.

``--baseline SRC``: a source folder of an earlier newsprism (for instance
``git archive COMMIT src | tar -x -C DIR``, then ``DIR/src``) run as a third mode the
same way (its ``newsprism`` first on the path), for a before/after figure in one run.
Each run also records a digest of its stories (members) and its briefs (every field, at
full precision): the dense run and the baseline's must give the same digest.

Goal (issue 14): dense within 1.5x of lexical.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from _results import RESULTS, write_report
from newsprism.cluster import vectors
from newsprism.flow import EmbeddingsChoice, FlowOptions, analyze_paths
from newsprism.render import briefs as brief_views
from newsprism.store import Store

GOAL_RATIO = 1.5


def write_input(count: int, folder: Path) -> Path:
    """The first ``count`` BASIL articles (story by story) as one JSONL file."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
    import basil  # type: ignore[import-not-found]

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
    """One end-to-end run in a fresh store (this process): seconds, CPU seconds of the
    whole process (every thread, imports included), by stage, texts embedded, and the
    digest of what it made."""
    load_before = os.getloadavg()[0]
    with Counting() as counting, Store(folder / f"{mode}.db") as store:
        started = time.perf_counter()
        run = analyze_paths(store, [source], FlowOptions(embeddings=mode), counting.progress)
        rendered = time.perf_counter()
        printed = []
        for brief in run.briefs:
            console = Console(file=io.StringIO(), width=100)
            console.print(brief_views.brief_panel(brief, {}))
            printed.append(console.file.getvalue())  # type: ignore[attr-defined]
        ended = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    marks = [*sorted(counting.stages.items(), key=lambda kv: kv[1]), ("rendering", rendered)]
    stages = {name: marks[n + 1][1] - at for n, (name, at) in enumerate(marks[:-1])}
    stages["rendering"] = ended - rendered
    articles = len(run.articles)
    stories = sorted((s.articles, s.duplicates) for s in run.stories)
    made = json.dumps([stories, repr(sorted(run.briefs, key=lambda b: b.story.articles))])
    shown = json.dumps([stories, sorted(printed)])
    return {
        "seconds": ended - started,  # the caller adds the process's start
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "stages": stages,
        "articles": articles,
        "stories": len(run.stories),
        "digest": hashlib.sha256(made.encode()).hexdigest()[:16],
        "printed_digest": hashlib.sha256(shown.encode()).hexdigest()[:16],
        "texts_embedded": dict(counting.texts),
        "texts_per_article": {k: v / max(1, articles) for k, v in counting.texts.items()},
        "pieces_per_article": {k: v / max(1, articles) for k, v in counting.pieces.items()},
        "model_seconds": dict(counting.seconds),
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
    }


def child_run(source: Path, folder: Path, mode: str, baseline: Path | None) -> dict[str, Any]:
    """One run in a fresh process (the baseline's newsprism first on its path)."""
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    embeddings = "off" if mode == "off" else mode.removeprefix("before-")
    if mode.startswith("before-") and baseline is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(baseline), env.get("PYTHONPATH", "")])
    out = folder / f"{mode}.json"
    command = [sys.executable, __file__, "--one", embeddings, "--input", str(source)]
    started = time.perf_counter()
    subprocess.run([*command, "--result", str(out)], env=env, check=True)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    # The whole process, as `newsprism analyze` is timed by its user: imports included.
    result["stages"] = {"starting": seconds - result["seconds"], **result["stages"]}
    result["seconds"] = seconds
    return result


def _median(runs: Sequence[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in runs))


def summary(runs: dict[str, list[dict[str, Any]]], dense: str) -> dict[str, Any]:
    """Medians by mode, the ratio of medians and of each round's own pair."""
    lexical = runs["off"]
    found: dict[str, Any] = {}
    for mode, done in runs.items():
        found[mode] = {
            "seconds": _median(done, "seconds"),
            "cpu_seconds": _median(done, "cpu_seconds"),
            "seconds_all": [round(r["seconds"], 1) for r in done],
            "cpu_all": [round(r["cpu_seconds"], 1) for r in done],
            "digests": sorted({r["digest"] for r in done}),
            "printed_digests": sorted({r.get("printed_digest", "") for r in done}),
        }
        if mode != "off":
            found[mode] |= {
                "ratio": found[mode]["seconds"] / found["off"]["seconds"],
                "cpu_ratio": found[mode]["cpu_seconds"] / found["off"]["cpu_seconds"],
                "round_ratios": [
                    round(d["seconds"] / o["seconds"], 2)
                    for d, o in zip(done, lexical, strict=True)
                ],
                "round_cpu_ratios": [
                    round(d["cpu_seconds"] / o["cpu_seconds"], 2)
                    for d, o in zip(done, lexical, strict=True)
                ],
            }
    dense_modes = [m for m in runs if m != "off"]
    found["same_results"] = len({d for m in dense_modes for d in found[m]["digests"]}) == 1
    found["same_printed"] = len({d for m in dense_modes for d in found[m]["printed_digests"]}) == 1
    found["dense"] = dense
    return found


def markdown(report: dict[str, Any]) -> str:
    medians, runs = report["summary"], report["runs"]
    dense = medians["dense"]
    first = runs["off"][0]
    lines = [
        "# Dense-path benchmark",
        "",
        f"`analyze` of {first['articles']} BASIL articles, ingest to rendered briefs, each run "
        f"a fresh process (imports and model loads included) and a fresh store; modes run "
        f"alternately, {len(runs['off'])} rounds (dense: `--embeddings {dense}`). Goal: dense "
        f"within {GOAL_RATIO}x. Load average {report['load'][0]:.1f} at the start, "
        f"{report['load'][1]:.1f} at the end ({report['cpus']} CPUs).",
        "",
        "| mode | median s (each run) | median CPU s (each run) | stories | texts (word pieces) "
        "embedded an article, grouping / briefs | wall / CPU ratio to lexical (each round) |",
        "| --- | --- | --- | ---: | --- | --- |",
    ]
    names = {"off": "lexical", dense: "dense", f"before-{dense}": "dense, baseline"}
    for mode, done in runs.items():
        row, one = medians[mode], done[0]
        per, pieces = one["texts_per_article"], one["pieces_per_article"]
        ratio = (
            f"{row['ratio']:.2f} ({', '.join(map(str, row['round_ratios']))}) / "
            f"{row['cpu_ratio']:.2f} ({', '.join(map(str, row['round_cpu_ratios']))})"
            if mode != "off"
            else "1"
        )
        lines.append(
            f"| {names.get(mode, mode)} | {row['seconds']:.1f} ({row['seconds_all']}) | "
            f"{row['cpu_seconds']:.1f} ({row['cpu_all']}) | {one['stories']} | "
            f"{per.get('grouping', 0):.1f} ({pieces.get('grouping', 0):.0f}) / "
            f"{per.get('cross-checking', 0):.1f} ({pieces.get('cross-checking', 0):.0f}) | "
            f"{ratio} |"
        )
    lines += [
        "",
        "Stages of the first run of each mode (seconds: starting = imports before the flow):",
        "",
        "| mode | " + " | ".join(first["stages"]) + " |",
        "| --- |" + " ---: |" * len(first["stages"]),
    ]
    for mode, done in runs.items():
        stage = done[0]["stages"]
        lines.append(
            f"| {names.get(mode, mode)} | "
            + " | ".join(f"{stage.get(k, 0):.1f}" for k in first["stages"])
            + " |"
        )
    exact = "the same" if medians["same_results"] else "**not** the same"
    printed = "the same" if medians["same_printed"] else "**not** the same"
    lines += [
        "",
        f"The dense runs (baseline included) gave {printed} stories and printed briefs, and "
        f"{exact} briefs to the last bit of every score (digests in dense.json).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--dense", choices=("auto", "on"), default="auto",
        help="the dense mode: auto (dense briefs; grouping dense only once its join model "
        "is fitted) or on (dense grouping too)",
    )  # fmt: skip
    parser.add_argument("--baseline", type=Path, help="an earlier newsprism's source folder")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--one", choices=("off", "auto", "on"), help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:  # a child: one run
        with tempfile.TemporaryDirectory() as tmp:
            found = run_mode(args.input, Path(tmp), args.one)
        args.result.write_text(json.dumps(found), encoding="utf-8")
        return
    if not vectors.dense_available():
        sys.exit("the dense path needs the 'embed' extra")
    modes = ["off", args.dense] + ([f"before-{args.dense}"] if args.baseline else [])
    load = [os.getloadavg()[0]]
    runs: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = write_input(args.articles, folder)
        for _ in range(args.runs):
            for mode in modes:
                runs[mode].append(child_run(source, folder, mode, args.baseline))
                print(mode, f"{runs[mode][-1]['seconds']:.1f} s", flush=True)
    load.append(os.getloadavg()[0])
    report = {
        "articles": args.articles,
        "cpus": len(os.sched_getaffinity(0)),
        "load": load,
        "goal_ratio": GOAL_RATIO,
        "runs": runs,
        "summary": summary(runs, args.dense),
    }
    print(write_report(args.out, "dense", report, markdown))


if __name__ == "__main__":
    main()
