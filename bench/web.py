"""Web load check: requests per second and latency of the story page under concurrent load.

Run: ``.venv/bin/python bench/web.py [--articles 10000] [--stories 20] [--seconds 20]
[--concurrency 16] [--workers 1,2]``. Writes ``bench/results/web.json`` and
``bench/results/web.md``.

The store: ``eval/stream.py``'s generated stream of ``--articles`` articles (invented
outlets, people, quotes, numbers), added with :meth:`Store.add_articles`, grouped into
stories by the stream's own labels (its story of each article; its wire-copy groups as
duplicate groups) and saved with :meth:`Store.save_clustering`: the clustering is the
stream's truth, not newsprism's clusterer, which ``bench/cluster.py`` times on its own.
Only the articles of the ``--stories`` stories the load hits are analysed, by the real
analyser (2 processes, timed and reported): analysing all 10,000 would take about 13
minutes on 2 cores (``bench/analyze.py``) and the story page only reads the analyses of
its own story. The stories are a seeded sample of every story of three or more articles.

The server: ``uvicorn`` in a child process (``--workers`` 1 and then 2 worker processes)
over :func:`newsprism.web.create_app` with ``embeddings="off"``. The client: one asyncio
``httpx.AsyncClient`` holding ``--concurrency`` keep-alive connections, each used by
whichever of ``--concurrency`` request loops is free; the loops request the story pages
round-robin. A run: each page once, one after the other ("cold": the brief is computed;
the very first request also loads the models); phases of ``--warmup`` seconds of untimed
load until one has no request over 1.5 s (at most 6), so that every worker has loaded
the models and cached every brief (each worker holds some of the connections, and every
connection sees every page many times); ``--seconds`` of timed
load, every response must be 200, latency per request from send to the last body byte;
then each page three times, one at a time, on the now idle server ("idle"). The CPU time
of each worker process over the timed load shows how evenly the connections spread. The
client runs on the same machine and takes a share of its CPUs: on 2 cores the figures
are a floor, not the server's ceiling.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from _results import RESULTS, write_report

if TYPE_CHECKING:
    from fastapi import FastAPI

BENCH = Path(__file__).resolve().parent
DB_ENV = "NEWSPRISM_WEB_BENCH_DB"
WARMUP_PHASES = 6
WARM_MAX_MS = 1_500.0


def app_factory() -> FastAPI:
    """The app uvicorn's workers build (``web:app_factory --factory``): the store in
    ``$NEWSPRISM_WEB_BENCH_DB``, no dense embeddings."""
    from newsprism.web import WebOptions, create_app

    return create_app(Path(os.environ[DB_ENV]), WebOptions(embeddings="off"))


# --- the store ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BuiltStore:
    articles: int
    stories: int
    measured: list[str]
    measured_articles: int
    build_seconds: float
    analyze_seconds: float
    db_bytes: int


def build_store(db: Path, articles: int, sample: int, seed: int) -> BuiltStore:
    """The generated stream in ``db``, its labelled stories saved, the sampled stories'
    articles analysed."""
    sys.path.insert(0, str(BENCH.parent / "eval"))
    from newsprism.analyze.analyzer import AnalyzeOptions
    from newsprism.analyze.batch import analyze_stored
    from newsprism.model import Story
    from newsprism.store import ClusteringUpdate, Store
    from stream import generate_stream

    started = time.perf_counter()
    stream = generate_stream(articles)
    members: dict[int, list[Any]] = {}
    for item in stream.articles:
        members.setdefault(item.story, []).append(item)
    stories = []
    for items in members.values():
        groups: dict[int, list[str]] = {}
        for item in items:
            if item.duplicate_group is not None:
                groups.setdefault(item.duplicate_group, []).append(item.article.id)
        dates = [i.article.published for i in items if i.article.published is not None]
        stories.append(
            Story(
                id="s" + items[0].article.id[:12],
                title=items[0].article.title,
                articles=tuple(i.article.id for i in items),
                duplicates=tuple(tuple(g) for g in groups.values() if len(g) > 1),
                first_published=min(dates, default=None),
                last_published=max(dates, default=None),
            )
        )
    with Store(db) as store:
        store.add_articles(item.article for item in stream.articles)
        store.save_clustering(ClusteringUpdate([], stories, [], {}))
        built = time.perf_counter() - started
        candidates = sorted(s.id for s in stories if len(s.articles) >= 3)
        measured = sorted(random.Random(seed).sample(candidates, min(sample, len(candidates))))
        ids = [a for s in stories if s.id in measured for a in s.articles]
        started = time.perf_counter()
        analyze_stored(store, ids, AnalyzeOptions(processes=2))
        analysed = time.perf_counter() - started
        count = store.count_articles()
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return BuiltStore(count, len(stories), measured, len(ids), built, analysed, size)


# --- the server and the load -------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "uvicorn", "web:app_factory", "--factory",
        "--app-dir", str(BENCH), "--host", "127.0.0.1", "--port", str(port),
        "--workers", str(workers), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    server = subprocess.Popen(command, env={**os.environ, DB_ENV: str(db)})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {server.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise RuntimeError("uvicorn did not answer within 60 s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def worker_cpu_seconds(server: subprocess.Popen[bytes]) -> list[float]:
    """CPU seconds (user + system) of each uvicorn worker process so far (the server
    itself when it has no workers): how evenly the load spread."""
    tick = os.sysconf("SC_CLK_TCK")
    pids = [server.pid]
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    if children.exists():
        spawned = [int(p) for p in children.read_text().split()]
        workers = [
            pid
            for pid in spawned
            if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()
        ]
        pids = workers or pids
    seconds = []
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        seconds.append((int(fields[11]) + int(fields[12])) / tick)
    return seconds


def percentiles(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000

    return {
        "p50": at(50),
        "p90": at(90),
        "p95": at(95),
        "p99": at(99),
        "max": ordered[-1] * 1000,
        "mean": statistics.fmean(ordered) * 1000,
    }


async def phase(
    client: httpx.AsyncClient, paths: Sequence[str], seconds: float, clients: int
) -> dict[str, Any]:
    """``clients`` concurrent request loops over ``paths`` for ``seconds``."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    body_bytes = 0
    started = time.perf_counter()
    stop = started + seconds

    async def loop(offset: int) -> None:
        nonlocal body_bytes
        n = offset
        while time.perf_counter() < stop:
            sent = time.perf_counter()
            response = await client.get(paths[n % len(paths)])
            latencies.append(time.perf_counter() - sent)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            body_bytes += len(response.content)
            n += 1

    await asyncio.gather(*(loop(i) for i in range(clients)))
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "requests_per_second": len(latencies) / elapsed,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "mean_body_bytes": body_bytes / max(1, len(latencies)),
        "latency_ms": percentiles(latencies),
    }


async def measure(
    base: str, paths: Sequence[str], args: argparse.Namespace, cpu: Callable[[], list[float]]
) -> dict[str, Any]:
    """Cold requests, an untimed warm-up under load, the timed load, then single
    requests on the idle server, all over one client's keep-alive connections."""
    limits = httpx.Limits(
        max_connections=args.concurrency, max_keepalive_connections=args.concurrency
    )
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        cold = []
        for path in paths:
            sent = time.perf_counter()
            (await client.get(path)).raise_for_status()
            cold.append(time.perf_counter() - sent)
        # Warm-up phases until one has no slow request (every worker has loaded the
        # models and cached every brief), at most WARMUP_PHASES of them.
        for _ in range(WARMUP_PHASES):
            warmup = await phase(client, paths, args.warmup, args.concurrency)
            if warmup["latency_ms"]["max"] < WARM_MAX_MS:
                break
        before = cpu()
        timed = await phase(client, paths, args.seconds, args.concurrency)
        after = cpu()
        single = []
        for n in range(3 * len(paths)):
            sent = time.perf_counter()
            (await client.get(paths[n % len(paths)])).raise_for_status()
            single.append(time.perf_counter() - sent)
    return {
        "cold_ms": percentiles(cold),
        "warmup_last_phase": {k: warmup[k] for k in ("requests", "statuses", "latency_ms")},
        **timed,
        "single_request_ms": percentiles(single),
        "worker_cpu_s": [round(b - a, 2) for a, b in zip(before, after, strict=False)],
    }


def run_one(
    db: Path, paths: Sequence[str], workers: int, args: argparse.Namespace
) -> dict[str, Any]:
    port = free_port()
    server = start_server(db, port, workers)
    base = f"http://127.0.0.1:{port}"
    try:
        measured = asyncio.run(measure(base, paths, args, lambda: worker_cpu_seconds(server)))
    finally:
        stop_server(server)
    return {"workers": workers, "concurrency": args.concurrency, **measured}


# --- report ------------------------------------------------------------------------------


def markdown(report: dict[str, Any]) -> str:
    store = report["store"]
    lines = [
        "# Web load check",
        "",
        f"Story page (`GET /stories/{{id}}`: server-rendered HTML, brief cached) of "
        f"{len(store['measured_stories'])} stories ({store['measured_articles']} articles), "
        f"round-robin, in a store of {store['articles']:,} articles and {store['stories']:,} "
        f"stories ({store['db_mib']:.1f} MiB on disk). {report['concurrency']} concurrent "
        f"keep-alive clients for {report['seconds']:.0f} s per run after an untimed "
        f"warm-up ({report['warmup']:.0f} s phases until one has no request over "
        f"{WARM_MAX_MS / 1000:.1f} s), client and server on the same {report['cpus']}-CPU "
        f"machine (load average {report['load_average_at_start'][0]:.2f} at the start).",
        "",
        "| workers | requests/s | p50 ms | p95 ms | p99 ms | requests | errors "
        "| idle p50 ms | cold p50 s | worker CPU s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for run in report["runs"]:
        lat = run["latency_ms"]
        errors = sum(v for k, v in run["statuses"].items() if k != "200")
        cpu = " + ".join(f"{c:.1f}" for c in run["worker_cpu_s"])
        lines.append(
            f"| {run['workers']} | {run['requests_per_second']:.1f} | {lat['p50']:.1f} | "
            f"{lat['p95']:.1f} | {lat['p99']:.1f} | {run['requests']:,} | {errors} | "
            f"{run['single_request_ms']['p50']:.1f} | {run['cold_ms']['p50'] / 1000:.2f} | "
            f"{cpu} |"
        )
    lines += [
        "",
        "idle p50: one request at a time on the idle server. cold p50: the first request "
        "of each story, which computes its brief (the first of all also loads the models). "
        "worker CPU s: CPU time of each worker process during the timed run. With 2 "
        "workers and the client on 2 CPUs the machine is oversubscribed, and uvicorn's "
        "multi-process mode showed a floor of about 45 ms on every small response, even "
        "idle (1 worker: 4-9 ms), hence its higher idle figure.",
        "",
        f"Store build {store['build_seconds']:.1f} s (generate, add, save stories); analysis "
        f"of the measured stories' articles {store['analyze_seconds']:.1f} s (2 processes).",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=20, help="Story pages under load.")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=5.0, help="Untimed load first (s).")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", default="1,2", help="Comma-separated worker counts.")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--db", type=Path, help="Keep the store here (default: a temp dir).")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    load_at_start = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="newsprism-web-bench-") as scratch:
        db = args.db or Path(scratch) / "web.db"
        if db.exists():
            raise SystemExit(f"{db} exists: give a new path")
        print(f"building a store of {args.articles:,} articles in {db} ...", flush=True)
        built = build_store(db, args.articles, args.stories, args.seed)
        paths = [f"/stories/{story}" for story in built.measured]
        runs = []
        for workers in (int(w) for w in args.workers.split(",")):
            print(f"load: {workers} worker(s), {args.seconds:.0f} s ...", flush=True)
            runs.append(run_one(db, paths, workers, args))
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_at_start": load_at_start,
        "seconds": args.seconds,
        "concurrency": args.concurrency,
        "warmup": args.warmup,
        "store": {
            "articles": built.articles,
            "stories": built.stories,
            "measured_stories": built.measured,
            "measured_articles": built.measured_articles,
            "db_mib": built.db_bytes / 2**20,
            "build_seconds": built.build_seconds,
            "analyze_seconds": built.analyze_seconds,
        },
        "runs": runs,
    }
    text = markdown(report)
    print(text)
    if not args.no_write:
        write_report(args.out, "web", report, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
