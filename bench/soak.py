"""Web soak test: the server under read load while ingest jobs upload new articles.

Run: ``.venv/bin/python bench/soak.py [--minutes 2] [--readers 4] [--batch 5]``. Writes
``bench/results/soak.json`` and ``bench/results/soak.md``.

The store: a temporary one seeded with the bundled samples (``samples/stories``: ingest,
analyse, group). The server: ``uvicorn`` in a child process (one worker) over
:func:`newsprism.web.create_app` with ``embeddings="off"``. The load, for ``--minutes``:

- ``--readers`` request loops (asyncio, keep-alive), each cycling through the story list
  (``/`` and ``/api/stories``, with and without a search), story pages and article pages
  and their JSON twins; the ids are re-read from ``/api/stories`` every few seconds, so
  the stories the uploads create are read too;
- one writer uploading ``--batch`` new invented articles at a time (a JSONL file from
  ``eval/stream.py``'s generator: invented outlets, people, quotes and numbers) to
  ``POST /api/ingest`` and polling the job until it ends, then the next upload.

Reported: requests and errors (any 5xx, transport error, or a read other than 200/404;
404s are counted apart: a story merged into another by a later upload is gone), read
latency p50/p99 per kind, jobs and their states, articles lost (articles uploaded minus
articles the store gained; must be 0), and the server's resident memory (VmRSS) every
``--sample`` seconds, with the first and last quarter's medians to show whether it is
flat. The client runs on the same machine as the server: on 2 shared cores the latencies
are upper bounds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from _results import RESULTS, write_report

if TYPE_CHECKING:
    from fastapi import FastAPI

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DB_ENV = "NEWSPRISM_SOAK_DB"
# How often the readers re-read the story and article ids (new stories appear).
REFRESH_SECONDS = 5.0
JOB_POLL_SECONDS = 0.5
# Invented articles generated up front: more than a 2-minute run uploads on 2 cores
# (about 1 article a second: analysis, grouping and briefs of each batch).
POOL_PER_MINUTE = 600


def app_factory() -> FastAPI:
    """The app uvicorn builds (``soak:app_factory --factory``): the store in
    ``$NEWSPRISM_SOAK_DB``, no dense embeddings."""
    from newsprism.web import WebOptions, create_app

    return create_app(Path(os.environ[DB_ENV]), WebOptions(embeddings="off"))


# --- the store and the uploads ------------------------------------------------------------


def seed_store(db: Path) -> dict[str, int]:
    """``samples/stories`` ingested, analysed and grouped into ``db``."""
    from newsprism.analyze.batch import analyze_stored
    from newsprism.cluster.batch import StoryOptions, cluster_stored
    from newsprism.cluster.stories import ClusterOptions
    from newsprism.ingest.batch import ingest, plan_inputs
    from newsprism.store import Store

    with Store(db) as store:
        report = ingest(store, plan_inputs([str(ROOT / "samples" / "stories")]))
        analyses = analyze_stored(store, report.article_ids)
        articles = store.get_articles(report.article_ids)
        options = StoryOptions(cluster=ClusterOptions(embeddings="off"))
        cluster_stored(store, articles, analyses, options)
        return {"articles": store.count_articles(), "stories": store.count_stories()}


def upload_batches(count: int, batch: int) -> Iterator[bytes]:
    """JSONL uploads of ``batch`` invented articles each, ``count`` articles in all, each
    text unique (the generator's serial beside it)."""
    sys.path.insert(0, str(ROOT / "eval"))
    from stream import generate_stream

    items = generate_stream(count).articles
    for start in range(0, len(items), batch):
        lines = []
        for item in items[start : start + batch]:
            article = item.article
            record = {
                "text": article.text,
                "title": article.title,
                "outlet": article.outlet,
                "published": article.published.isoformat() if article.published else None,
            }
            lines.append(json.dumps(record, ensure_ascii=False))
        yield ("\n".join(lines) + "\n").encode("utf-8")


def stored_articles(db: Path) -> int:
    from newsprism.store import Store

    with Store(db) as store:
        return store.count_articles()


# --- the server ---------------------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "uvicorn", "soak:app_factory", "--factory",
        "--app-dir", str(BENCH), "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "warning", "--no-access-log",
        # Longer than any pause of the clients: else a pooled connection the server has
        # just closed fails the next request (a client artefact, not a server error).
        "--timeout-keep-alive", "60",
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
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def rss_mib(pid: int) -> float:
    """Resident memory of a process (VmRSS), MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- the load -----------------------------------------------------------------------------


@dataclass
class Tally:
    """What the clients saw."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    gone: int = 0
    requests: int = 0
    jobs: Counter[str] = field(default_factory=Counter)
    job_failures: list[str] = field(default_factory=list)
    uploaded: int = 0
    stage_seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    rss: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class Targets:
    """Ids the readers request, refreshed from the API."""

    stories: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=lambda: ["harbour", "strike", "fire", "minister"])


async def refresh(client: httpx.AsyncClient, targets: Targets, tally: Tally | None = None) -> None:
    try:
        response = await client.get("/api/stories", params={"per_page": 100})
    except httpx.HTTPError as exc:
        if tally is None:
            raise
        tally.errors.append(f"/api/stories: {type(exc).__name__}")
        return
    listed = response.json()["stories"]
    targets.stories = [s["id"] for s in listed]
    articles = [a for s in listed for a in s["articles"]]
    targets.articles = articles or targets.articles


def read_paths(targets: Targets, n: int) -> list[tuple[str, str]]:
    """The n-th reader round: (kind, path) pairs over every page and its JSON twin."""
    story = targets.stories[n % len(targets.stories)]
    article = targets.articles[(7 * n) % len(targets.articles)]
    word = targets.words[n % len(targets.words)]
    return [
        ("list", "/"),
        ("list", "/api/stories"),
        ("search", f"/?q={word}"),
        ("search", f"/api/stories?q={word}"),
        ("story", f"/stories/{story}"),
        ("story", f"/api/stories/{story}"),
        ("article", f"/articles/{article}"),
        ("article", f"/api/articles/{article}"),
    ]


async def reader(
    client: httpx.AsyncClient, targets: Targets, tally: Tally, offset: int, stop: float
) -> None:
    n = offset
    while time.monotonic() < stop:
        for kind, path in read_paths(targets, n):
            sent = time.perf_counter()
            tally.requests += 1
            try:
                response = await client.get(path)
            except httpx.HTTPError as exc:
                tally.errors.append(f"{path}: {type(exc).__name__}")
                continue
            tally.latencies[kind].append(time.perf_counter() - sent)
            tally.statuses[str(response.status_code)] += 1
            if response.status_code == 404 and kind in ("story", "article"):
                tally.gone += 1
            elif response.status_code != 200:
                tally.errors.append(f"{path}: {response.status_code}")
        n += 1


async def writer(
    client: httpx.AsyncClient, batches: Iterator[bytes], tally: Tally, stop: float
) -> None:
    """Upload one batch, wait for its job to end, repeat until ``stop``."""
    for body in batches:
        if time.monotonic() >= stop:
            return
        await upload(client, body, tally)


async def upload(client: httpx.AsyncClient, body: bytes, tally: Tally) -> None:
    """One upload, polled until its job ends; its outcome tallied."""
    files = {"files": (f"upload-{tally.uploaded}.jsonl", body, "application/x-ndjson")}
    tally.requests += 1
    try:
        response = await client.post("/api/ingest", files=files)
    except httpx.HTTPError as exc:
        tally.errors.append(f"POST /api/ingest: {type(exc).__name__}")
        return
    if response.status_code != 202:
        tally.errors.append(f"POST /api/ingest: {response.status_code}")
        return
    tally.uploaded += body.count(b"\n")
    job = response.json()["job"]
    while True:
        await asyncio.sleep(JOB_POLL_SECONDS)
        tally.requests += 1
        try:
            data = (await client.get(f"/api/ingest/{job}")).json()
        except httpx.HTTPError as exc:
            tally.errors.append(f"GET /api/ingest/{job}: {type(exc).__name__}")
            continue
        if data["state"] in ("done", "failed"):
            break
    tally.jobs[data["state"]] += 1
    for stage in data["stages"]:
        if stage["seconds"] is not None:
            tally.stage_seconds[stage["name"]].append(stage["seconds"])
    bad = [s for s in data["stages"] if s["status"] in ("failed", "partial")]
    if data["state"] == "failed" or bad or data["analysis_failures"]:
        tally.job_failures.append(f"{job}: {data['reason'] or bad}")


async def sampler(pid: int, tally: Tally, every: float, started: float, stop: float) -> None:
    while time.monotonic() < stop:
        tally.rss.append((round(time.monotonic() - started, 1), round(rss_mib(pid), 1)))
        await asyncio.sleep(every)
    tally.rss.append((round(time.monotonic() - started, 1), round(rss_mib(pid), 1)))


async def warm_up(client: httpx.AsyncClient, targets: Targets, body: bytes) -> dict[str, Any]:
    """Untimed: one upload (the server loads the analysis model) and every listed story
    and article page once (their briefs and analyses are computed), timed apart."""
    warm = Tally()
    started = time.perf_counter()
    await upload(client, body, warm)
    job_seconds = time.perf_counter() - started
    await refresh(client, targets)
    cold: list[float] = []
    for story in targets.stories:
        for path in (f"/stories/{story}", f"/api/stories/{story}"):
            sent = time.perf_counter()
            (await client.get(path)).raise_for_status()
            cold.append(time.perf_counter() - sent)
    for article in targets.articles:
        (await client.get(f"/articles/{article}")).raise_for_status()
    return {
        "first_job_seconds": round(job_seconds, 1),
        "first_job": dict(warm.jobs),
        "uploaded_articles": warm.uploaded,
        "cold_story_ms": percentiles(cold),
    }


async def soak(base: str, pid: int, args: argparse.Namespace) -> tuple[Tally, dict[str, Any]]:
    tally, targets = Tally(), Targets()
    limits = httpx.Limits(max_connections=args.readers + 2)
    batches = upload_batches(int(POOL_PER_MINUTE * args.minutes) + 2 * args.batch, args.batch)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=300) as client:
        await refresh(client, targets)
        warm = await warm_up(client, targets, next(batches))
        started = time.monotonic()
        stop = started + args.minutes * 60

        async def refresher() -> None:
            while time.monotonic() < stop:
                await asyncio.sleep(REFRESH_SECONDS)
                await refresh(client, targets, tally)
                tally.requests += 1

        await asyncio.gather(
            sampler(pid, tally, args.sample, started, stop),
            refresher(),
            writer(client, batches, tally, stop),
            *(reader(client, targets, tally, i, stop) for i in range(args.readers)),
        )
    return tally, warm


# --- report -------------------------------------------------------------------------------


def percentiles(values: Sequence[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {}

    def at(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000, 1)

    return {"p50": at(50), "p99": at(99), "max": round(ordered[-1] * 1000, 1)}


def rss_summary(samples: Sequence[tuple[float, float]]) -> dict[str, float]:
    values = [mib for _, mib in samples]
    quarter = max(1, len(values) // 4)
    first, last = statistics.median(values[:quarter]), statistics.median(values[-quarter:])
    return {
        "first_quarter_median_mib": first,
        "last_quarter_median_mib": last,
        "growth_mib": round(last - first, 1),
        "min_mib": min(values),
        "max_mib": max(values),
    }


def build_report(
    args: argparse.Namespace, seeded: dict[str, int], tally: Tally, **extra: Any
) -> dict[str, Any]:
    every = [x for values in tally.latencies.values() for x in values]
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "minutes": args.minutes,
        "readers": args.readers,
        "batch": args.batch,
        "seeded": seeded,
        "requests": tally.requests,
        "reads": len(every),
        "statuses": dict(sorted(tally.statuses.items())),
        "errors": len(tally.errors),
        "error_samples": tally.errors[:20],
        "gone_404": tally.gone,
        "latency_ms": {"all": percentiles(every)}
        | {kind: percentiles(values) for kind, values in sorted(tally.latencies.items())},
        "jobs": dict(tally.jobs),
        "job_problems": tally.job_failures[:20],
        "uploaded_articles": tally.uploaded,
        "job_stage_seconds_median": {
            name: round(statistics.median(values), 2)
            for name, values in tally.stage_seconds.items()
        },
        "rss_mib": tally.rss,
        "rss": rss_summary(tally.rss),
        **extra,
    }


def markdown(report: dict[str, Any]) -> str:
    lat, rss = report["latency_ms"], report["rss"]
    rows = [
        f"| {kind} | {v['p50']:.1f} | {v['p99']:.1f} | {v['max']:.1f} |" for kind, v in lat.items()
    ]
    return "\n".join(
        [
            "# Web soak",
            "",
            f"{report['minutes']:g} min on a store seeded with the samples "
            f"({report['seeded']['articles']} articles, {report['seeded']['stories']} "
            f"stories): {report['readers']} readers (story list, search, story and article "
            f"pages and their JSON twins) while one writer uploads {report['batch']} new "
            f"invented articles a job. Client and server on the same {report['cpus']}-CPU "
            f"machine, shared with other work (load average {report['load_average'][0]:.1f} "
            "at the start): latencies are upper bounds.",
            "",
            f"Warm-up, untimed: the first upload's job took "
            f"{report['warm_up']['first_job_seconds']:.1f} s (the server loads the analysis "
            f"model); each story page and its twin once, cold (brief computed): p50 "
            f"{report['warm_up']['cold_story_ms'].get('p50', 0):.0f} ms.",
            "",
            f"- requests: {report['requests']:,} ({report['reads']:,} reads), "
            f"{report['errors']} errors, "
            f"{report['gone_404']} reads of a story or article gone since listed (404)",
            f"- ingest jobs: {report['jobs']}, problems: {len(report['job_problems'])}; "
            "median seconds per stage: "
            + ", ".join(f"{k} {v:.1f}" for k, v in report["job_stage_seconds_median"].items()),
            f"- articles uploaded {report['uploaded_articles']} (and "
            f"{report['warm_up']['uploaded_articles']} in the warm-up), store gained "
            f"{report['stored_gain']}: **lost {report['lost_articles']}**",
            f"- server memory (VmRSS): {rss['first_quarter_median_mib']:.0f} MiB in the first "
            f"quarter, {rss['last_quarter_median_mib']:.0f} MiB in the last "
            f"({rss['growth_mib']:+.0f} MiB; min {rss['min_mib']:.0f}, max {rss['max_mib']:.0f})",
            "",
            "| reads | p50 ms | p99 ms | max ms |",
            "| --- | ---: | ---: | ---: |",
            *rows,
            "",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--batch", type=int, default=5, help="Articles per upload.")
    parser.add_argument("--sample", type=float, default=5.0, help="Seconds between RSS reads.")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="newsprism-soak-") as scratch:
        db = Path(scratch) / "soak.db"
        print("seeding the store with samples/stories ...", flush=True)
        seeded = seed_store(db)
        port = free_port()
        server = start_server(db, port)
        try:
            print(f"soak: {args.minutes:g} min, {args.readers} readers ...", flush=True)
            tally, warm = asyncio.run(soak(f"http://127.0.0.1:{port}", server.pid, args))
        finally:
            stop_server(server)
        gain = stored_articles(db) - seeded["articles"]
    uploaded = tally.uploaded + warm["uploaded_articles"]
    report = build_report(
        args, seeded, tally, warm_up=warm, stored_gain=gain, lost_articles=uploaded - gain
    )
    text = markdown(report)
    print(text)
    if not args.no_write:
        write_report(args.out, "soak", report, text)
    failed = report["errors"] or report["lost_articles"] or report["job_problems"]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
