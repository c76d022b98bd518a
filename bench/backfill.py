"""Backfill benchmark: articles per second of the local engine and of the dask engine
with 1 and 2 workers, on the same generated crawl, and the speed-up of 2 workers over 1.

The input is ``--articles`` (default 2,000) generated articles (``bench/corpus.py``:
invented, 400-800 words) as HTML response records of one gzipped WARC, the shape of a
crawl backfill. What is timed is the engine's part of ``newsprism analyze``: reading the
WARC, cleaning, language, analysis and storing articles and analyses into a fresh store
(``Engine.run``); grouping and briefs run on the client after it for every engine alike
and are not part of the comparison.

* local: :class:`~newsprism.engine.LocalEngine`, one process (``--jobs 1``); its spaCy
  pipeline loads inside every run, as in a real ``analyze``.
* dask N: :class:`~newsprism.engine.dask.DaskEngine` on the engine's own local cluster
  (:func:`~newsprism.engine.dask.local_cluster`) of N worker processes (one thread
  each), started afresh for each run; each worker's pipeline is loaded before timing,
  as a long backfill amortises it. Cluster start-up is reported apart.

The runs alternate (local, dask 1, dask 2, local, ...), so a change in the load of a
shared machine falls on every engine alike. Each figure is the median of ``--runs``
(default 3) runs, with min and max. Then the
equivalence check: the whole ``analyze`` flow (with grouping and briefs, embeddings off)
over ``--check-articles`` (default 10,000) articles, local and dask with 2 workers, must
give the same JSON report byte for byte (hence the same stories).

Results go to ``bench/results/backfill.json`` and ``backfill.md``.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import Client

from _results import write_report
from corpus import write_corpus
from newsprism.analyze.analyzer import AnalyzeOptions
from newsprism.engine import Engine, LocalEngine
from newsprism.engine.base import no_progress
from newsprism.engine.dask import DaskEngine, load_analyzer, local_cluster
from newsprism.flow import FlowOptions, analyze_paths, plan
from newsprism.ingest.pipeline import IngestOptions
from newsprism.render import jsonout
from newsprism.store import Store

GOAL_SPEEDUP = 1.7


# CPU seconds so far of the cluster's worker processes (0 for the local engine, whose
# work is all in this process). A LocalCluster's scheduler and nannies run in this
# process: their CPU is the client's.
ClusterCpu = Callable[[], float]


@dataclass(frozen=True)
class Timed:
    """One run: wall seconds, articles stored, and CPU seconds of this process (the
    client: the writer and, on a LocalCluster, the scheduler and nannies) and of the
    worker processes."""

    seconds: float
    articles: int
    client_cpu: float
    workers_cpu: float


def no_cluster() -> float:
    return 0.0


def timed_run(
    engine: Engine, warc: Path, folder: Path, name: str, cluster_cpu: ClusterCpu = no_cluster
) -> Timed:
    """One engine run into a fresh store."""
    with Store(folder / f"{name}.db") as store:
        inputs = plan([warc])
        workers = cluster_cpu()
        client = time.process_time()
        start = time.perf_counter()
        done = engine.run(
            store, inputs, IngestOptions(), AnalyzeOptions(errors="record"), no_progress
        )
        seconds = time.perf_counter() - start
        client = time.process_time() - client
        workers_after = cluster_cpu()
    if done.report.failures or done.analysis.failures:
        raise SystemExit(f"{name}: the run had failures: {done.report.failures[:3]}")
    count = len(done.report.article_ids)
    return Timed(seconds, count, client, workers_after - workers)


def summary(timed: Sequence[Timed]) -> dict[str, Any]:
    """The median rate of ``timed`` runs, with min and max, and CPU per article."""
    rates = [t.articles / t.seconds for t in timed]

    def per_article_ms(cpu: Callable[[Timed], float]) -> float:
        return round(statistics.median(1000 * cpu(t) / t.articles for t in timed), 1)

    return {
        "median": statistics.median(rates),
        "min": min(rates),
        "max": max(rates),
        "cpu_ms_per_article": {
            "client": per_article_ms(lambda t: t.client_cpu),
            "workers": per_article_ms(lambda t: t.workers_cpu),
        },
    }


def report(label: str, run: int, one: Timed) -> None:
    print(
        f"{label} run {run + 1}: {one.articles} articles in {one.seconds:.1f} s; CPU "
        f"client {one.client_cpu:.1f} s, workers {one.workers_cpu:.1f} s; "
        f"load {os.getloadavg()[0]:.1f}",
        file=sys.stderr,
    )


def process_cpu() -> float:
    """This process's CPU seconds (run on each worker)."""
    return time.process_time()


def dask_run(workers: int, warc: Path, folder: Path, name: str) -> tuple[Timed, float]:
    """One run on a fresh local cluster of ``workers``, its pipelines loaded first; the
    cluster's start-up seconds beside it."""
    start = time.perf_counter()
    cluster = local_cluster(workers)  # the one `--engine dask --workers N` starts
    with cluster:
        startup = time.perf_counter() - start
        with Client(cluster) as client:  # type: ignore[no-untyped-call]
            client.run(load_analyzer)  # every worker's pipeline loaded before timing

            def cluster_cpu() -> float:
                return float(sum(client.run(process_cpu).values()))

            engine = DaskEngine(cluster.scheduler_address)
            return timed_run(engine, warc, folder, name, cluster_cpu), startup


def measure_all(warc: Path, folder: Path, runs: int) -> dict[str, dict[str, Any]]:
    """``runs`` rounds of local, dask with 1 worker and dask with 2, alternated, so a
    change in the machine's load falls on every engine alike."""
    timed: dict[str, list[Timed]] = {"local": [], "dask_1": [], "dask_2": []}
    startups: dict[str, list[float]] = {"dask_1": [], "dask_2": []}
    for run in range(runs):
        timed["local"].append(timed_run(LocalEngine(), warc, folder, f"local-{run}"))
        report("local", run, timed["local"][-1])
        for workers in (1, 2):
            label = f"dask_{workers}"
            one, startup = dask_run(workers, warc, folder, f"{label}-{run}")
            timed[label].append(one)
            startups[label].append(startup)
            report(label, run, one)
    results = {label: summary(runs_of) for label, runs_of in timed.items()}
    for label, seconds in startups.items():
        results[label]["cluster_startup_s"] = round(statistics.median(seconds), 1)
    return results


def check_same_report(warc: Path, folder: Path, workers: int) -> dict[str, Any]:
    """The whole flow, local and dask: the JSON reports must be identical."""
    reports = {}
    for name, engine in (("local", None), ("dask", DaskEngine(workers=workers))):
        options = FlowOptions(embeddings="off", engine=engine)
        start = time.perf_counter()
        with Store(folder / f"check-{name}.db") as store:
            done = analyze_paths(store, [warc], options)
        reports[name] = (jsonout.dumps(done.to_dict()), len(done.stories))
        print(f"check {name}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return {
        "identical_json": reports["local"][0] == reports["dask"][0],
        "stories_local": reports["local"][1],
        "stories_dask": reports["dask"][1],
    }


def run_benchmark(articles: int, runs: int, check_articles: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warc = Path(write_corpus(folder / "crawl", articles).warc_path)
        rates = measure_all(warc, folder, runs)
        check = None
        if check_articles:
            check_warc = Path(write_corpus(folder / "check", check_articles).warc_path)
            check = {"articles": check_articles, **check_same_report(check_warc, folder, 2)}
    speedup = rates["dask_2"]["median"] / rates["dask_1"]["median"]
    return {
        "articles": articles,
        "input": "one gzipped WARC of generated HTML pages (bench/corpus.py)",
        "runs": runs,
        "per_second": rates,
        "speedup_2_over_1": round(speedup, 2),
        "goal_speedup": GOAL_SPEEDUP,
        "check": check,
        "cpu_count": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
    }


def markdown(results: dict[str, Any]) -> str:
    rows = results["per_second"]
    lines = [
        f"# Backfill benchmark ({results['articles']:,} articles, one gzipped WARC, "
        f"{results['cpu_count']} CPUs, median of {results['runs']} runs)",
        "",
        "| engine | articles/s (median) | min | max | cluster start "
        "| CPU ms/article: client | workers |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in rows.items():
        startup = f"{row['cluster_startup_s']} s" if "cluster_startup_s" in row else ""
        cpu = row["cpu_ms_per_article"]
        lines.append(
            f"| {name.replace('_', ' ')} | {row['median']:.2f} | {row['min']:.2f} "
            f"| {row['max']:.2f} | {startup} | {cpu['client']} | {cpu['workers']} |"
        )
    lines += [
        "",
        f"Speed-up of 2 workers over 1: {results['speedup_2_over_1']}x "
        f"(goal {results['goal_speedup']}x). Load average at the end: "
        f"{results['load_average']}.",
        "CPU per article, medians of the runs: client is this process (the writer and, "
        "on a LocalCluster, the scheduler and nannies; for local, everything); with 2 "
        "workers on 2 cores the client's CPU is taken from the workers' cores.",
    ]
    check = results["check"]
    if check:
        same = "identical" if check["identical_json"] else "DIFFERENT"
        lines.append(
            f"Same input through the whole flow, local vs dask (2 workers), "
            f"{check['articles']:,} articles: JSON report {same}; stories "
            f"{check['stories_local']} vs {check['stories_dask']}."
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--check-articles", type=int, default=10_000, help="0: no check")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    args = parser.parse_args(argv)
    logging.getLogger("distributed").setLevel(logging.ERROR)
    results = run_benchmark(args.articles, args.runs, args.check_articles)
    print(write_report(args.out, "backfill", results, markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
