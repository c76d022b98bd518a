"""Analysis benchmark: articles per second for the full analysis, and where time goes.

Measures, on this machine, over ``--articles`` (default 2,000) synthetic articles of
400-800 words from ``bench/corpus.py`` (the ingest benchmark's generator: invented
people, quotes with said/told, numbers, money, percentages, weekdays):

* the full analysis (spaCy pipeline, names, quotes, quantities, dates) in one process,
  as the median throughput of 5 equal chunks, with min and max;
* the same through the worker pool with ``--processes`` workers (default: every core),
  one ``analyze_in_pool`` call per chunk as the CLI makes one per run: the pipeline is
  loaded once, in this process, before the first pool forks its workers (so the first
  chunk pays the load and the median leaves it out; each later pool's workers inherit
  it, as ``watch`` cycles do);
* the share of time per component, over the first chunk: the spaCy pipeline alone
  (``nlp.pipe``), then each extractor over the parsed documents;
* the CPU milliseconds per article of each spaCy component, run one after another over
  the first chunk (process time, so other programs on a shared machine inflate it less);
* with ``--baseline`` (the default), the same chunks analysed, in the same run and
  interleaved chunk by chunk, by a pipeline with spaCy's own attribute ruler (the one
  before :class:`~newsprism.analyze.nlp.CachedAttributeRuler`): medians and their ratio.

The goal for this stage alone is 1,000,000 articles a day: 12 per second on 2 cores
(issue 14 asks for 25). The load average before and after the run is recorded: on a
machine shared with other jobs the figures are upper bounds on the time per article.
Results go to ``bench/results/analyze.json`` and ``analyze.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from _results import write_report
from corpus import iter_articles
from newsprism.analyze.analyzer import AnalyzeOptions, Analyzer, analyze_in_pool
from newsprism.analyze.dates import extract_dates
from newsprism.analyze.entities import resolve_names
from newsprism.analyze.nlp import load_english
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Article, article_id

CHUNKS = 5
GOAL_PER_SECOND = 1_000_000 / 86_400
ISSUE_GOAL_PER_SECOND = 25.0  # issue 14: on 2 cores, with the quality gates green


def make_articles(count: int) -> list[Article]:
    """The corpus generator's articles as clean Article records (ingest is not timed)."""
    articles = []
    for generated in iter_articles(count):
        text = "\n\n".join(generated.paragraphs)
        outlet = generated.outlet.name
        articles.append(
            Article(
                id=article_id(outlet, text),
                source=generated.url,
                text=text,
                url=generated.url,
                outlet=outlet,
                title=generated.title,
                published=generated.published,
            )
        )
    return articles


def chunked(items: Sequence[Article], parts: int = CHUNKS) -> list[Sequence[Article]]:
    size = max(1, len(items) // parts)
    return [items[i : i + size] for i in range(0, size * parts, size)]


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (user and system): a pool's
    workers count once the pool has shut down, which ``analyze_in_pool`` does per call."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def throughput(
    chunks: list[Sequence[Article]], run: Callable[[Sequence[Article]], int]
) -> dict[str, Any]:
    """Median, min and max articles per second over the chunks, and the median CPU
    milliseconds per article (process time: robust to other jobs' load, unlike wall)."""
    rates = []
    cpu_ms = []
    for chunk in chunks:
        started, cpu = time.perf_counter(), cpu_seconds()
        done = run(chunk)
        rates.append(done / (time.perf_counter() - started))
        cpu_ms.append(1000 * (cpu_seconds() - cpu) / max(1, done))
    return {
        "median": statistics.median(rates),
        "min": min(rates),
        "max": max(rates),
        "chunks": [round(r, 2) for r in rates],
        "cpu_ms_per_article": round(statistics.median(cpu_ms), 1),
        "cpu_ms_chunks": [round(c, 1) for c in cpu_ms],
    }


def component_shares(analyzer: Analyzer, articles: Sequence[Article]) -> dict[str, float]:
    """Seconds per component over ``articles``: the pipeline, then each extractor."""
    started = time.perf_counter()
    docs = list(analyzer.nlp.pipe((a.text for a in articles), batch_size=64))
    seconds = {"spacy pipeline": time.perf_counter() - started}
    names = []
    started = time.perf_counter()
    for doc in docs:
        names.append(resolve_names(doc, analyzer.aliases))
    seconds["names"] = time.perf_counter() - started
    steps: dict[str, Callable[[int], object]] = {
        "quotes": lambda i: extract_quotes(docs[i], names[i]),
        "quantities": lambda i: extract_quantities(docs[i]),
        "dates": lambda i: extract_dates(docs[i], articles[i].published),
    }
    for name, step in steps.items():
        started = time.perf_counter()
        for index in range(len(docs)):
            step(index)
        seconds[name] = time.perf_counter() - started
    return seconds


def spacy_components(analyzer: Analyzer, articles: Sequence[Article]) -> dict[str, float]:
    """CPU milliseconds per article of each pipeline component, run in pipeline order."""
    nlp = analyzer.nlp
    docs = [nlp.make_doc(a.text) for a in articles]
    spent: dict[str, float] = {}
    for name, component in nlp.pipeline:
        started = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=64))
        else:
            docs = [component(doc) for doc in docs]
        spent[name] = round(1000 * (time.process_time() - started) / len(articles), 2)
    return spent


def against_baseline(analyzer: Analyzer, chunks: list[Sequence[Article]]) -> dict[str, Any]:
    """One-process throughput of this pipeline and of the baseline one (spaCy's own
    attribute ruler), chunk by chunk in turn so that both see the same machine load."""
    baseline = Analyzer()
    baseline.nlp = load_english(cached_attributes=False)
    rates: dict[str, list[float]] = {"baseline": [], "current": []}
    for chunk in chunks:
        for name, which in (("baseline", baseline), ("current", analyzer)):
            started = time.perf_counter()
            done = sum(1 for _ in which.analyze_many(chunk))
            rates[name].append(done / (time.perf_counter() - started))
    medians = {name: statistics.median(values) for name, values in rates.items()}
    return {
        "baseline_per_second": medians["baseline"],
        "current_per_second": medians["current"],
        "ratio": medians["current"] / medians["baseline"],
        # The median of the chunk-by-chunk ratios: steadier when the load changes mid-run.
        "chunk_ratio_median": statistics.median(
            c / b for b, c in zip(rates["baseline"], rates["current"], strict=True)
        ),
        "chunks": {name: [round(r, 2) for r in values] for name, values in rates.items()},
    }


def run_benchmark(
    count: int, processes: int, console: Console, baseline: bool = True
) -> dict[str, Any]:
    columns = (TextColumn("[bold blue]{task.description}"), BarColumn(), MofNCompleteColumn())
    load_before = os.getloadavg()
    articles = make_articles(count)
    chunks = chunked(articles)
    analyzer = Analyzer()
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("one process", total=len(articles))

        def single(chunk: Sequence[Article]) -> int:
            done = sum(1 for _ in analyzer.analyze_many(chunk))
            progress.advance(task, done)
            return done

        one = throughput(chunks, single)
        pool_task = progress.add_task(f"{processes} processes", total=len(articles))
        options = AnalyzeOptions(processes=processes)

        def pooled(chunk: Sequence[Article]) -> int:
            done = sum(1 for _ in analyze_in_pool(chunk, options))
            progress.advance(pool_task, done)
            return done

        pool = throughput(chunks, pooled)
    seconds = component_shares(analyzer, chunks[0])
    total = sum(seconds.values())
    words = sum(len(a.text.split()) for a in articles)
    extra: dict[str, Any] = {"spacy_cpu_ms_per_article": spacy_components(analyzer, chunks[0])}
    if baseline:
        extra["against_baseline"] = against_baseline(analyzer, chunks)
    return {
        **extra,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "articles": count,
        "mean_words": round(words / count),
        "processes": processes,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "one_process_per_second": one,
        "pool_per_second": pool,
        "goal_per_second": round(GOAL_PER_SECOND, 2),
        "issue_goal_per_second": ISSUE_GOAL_PER_SECOND,
        "component_share": {k: round(v / total, 3) for k, v in seconds.items()},
        "component_ms_per_article": {
            k: round(1000 * v / len(chunks[0]), 2) for k, v in seconds.items()
        },
    }


def markdown(results: dict[str, Any]) -> str:
    one, pool = results["one_process_per_second"], results["pool_per_second"]
    lines = [
        f"# Analysis benchmark ({results['articles']:,} articles, "
        f"{results['mean_words']} words on average, {results['cpu_count']} CPUs)",
        "",
        "| run | median art/s | min | max | CPU ms/article |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| one process | {one['median']:.1f} | {one['min']:.1f} | {one['max']:.1f} "
        f"| {one['cpu_ms_per_article']} |",
        f"| {results['processes']} processes | {pool['median']:.1f} | {pool['min']:.1f} "
        f"| {pool['max']:.1f} | {pool['cpu_ms_per_article']} |",
        "",
        "CPU ms/article: user and system time of this process and of the pool's workers, "
        "median over the chunks; on a shared machine it moves far less than the rates do.",
        "",
        f"Goal: {results['goal_per_second']} articles/s (1,000,000 a day); issue 14: "
        f"{results['issue_goal_per_second']:g} on 2 cores.",
        f"Load average (1, 5, 15 min) before the run {_loads(results['load_average_before'])}, "
        f"after {_loads(results['load_average_after'])} on {results['cpu_count']} CPUs: "
        "with other jobs running, every figure is an upper bound on the time per article.",
        "",
        "| component | share | ms/article |",
        "| --- | ---: | ---: |",
    ]
    for name, share in results["component_share"].items():
        ms = results["component_ms_per_article"][name]
        lines.append(f"| {name} | {share:.1%} | {ms} |")
    lines += ["", "| spaCy component | CPU ms/article |", "| --- | ---: |"]
    lines += [f"| {k} | {v} |" for k, v in results["spacy_cpu_ms_per_article"].items()]
    if "against_baseline" in results:
        base = results["against_baseline"]
        lines += [
            "",
            "Same run, one process, chunks interleaved: spaCy's own attribute ruler "
            f"{base['baseline_per_second']:.1f} art/s, cached ruler "
            f"{base['current_per_second']:.1f} art/s ({base['ratio']:.2f}x; median of the "
            f"chunk-by-chunk ratios {base['chunk_ratio_median']:.2f}x).",
        ]
    return "\n".join(lines) + "\n"


def _loads(values: Sequence[float]) -> str:
    return " / ".join(f"{v:.1f}" for v in values)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    parser.add_argument(
        "--no-baseline",
        dest="baseline",
        action="store_false",
        help="skip the same-run comparison with spaCy's own attribute ruler",
    )
    args = parser.parse_args(argv)
    console = Console(stderr=True)
    results = run_benchmark(args.articles, args.processes, console, args.baseline)
    table = write_report(args.out, "analyze", results, markdown)
    sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
