"""Near-duplicate index: the fixed cost of one clustering run, at 10k and at 1M stored articles.

Run: ``.venv/bin/python bench/dedup.py [--sizes 10000,1000000] [--runs 5]``.
Writes ``bench/results/dedup_fixed_cost.json`` and ``bench/results/dedup_fixed_cost.md``.

Each store is filled by direct inserts (no analysis, no clustering): ``size`` synthetic
articles published ``--per-day`` a day (default 300, so even the 10k store spans more
than the 30-day window and both stores hold the same number of hot articles), each with
a random MinHash signature (random uint64 values, so no two are copies) in
``signatures``; the articles of the last ``keep_days`` get their band rows in the
near-duplicate window, as the runs that stored them would have left it.

Then ``--runs`` times, on each store, one run of the near-duplicate stage as
``cluster.batch`` does it, timed in parts:

* ``start``: opening the store and making the :class:`WindowedDuplicates` (what a run
  pays before its first article);
* ``first``: ``start`` plus the first new article's ``add``;
* ``add``: the median ``add`` of ``--new`` new articles (dated after the stored ones; one
  in ten a copy of a stored hot article, which must be found);
* ``save``: ``update()`` and writing it (with the signatures) in one transaction.

Beside it, the two other ways a run could get its index, timed on the same stores:

* ``before``: what newsprism did until now, :meth:`DuplicateIndex.from_signatures` over
  every stored signature (with its memory: resident-set growth); only up to
  ``--before-max`` stored articles (default 100k: at 1M it takes ~11 GB), the larger
  sizes are the per-article cost times the size, marked as extrapolated;
* ``window-load``: loading only the window's signatures into an in-memory
  :class:`DuplicateIndex` at start (the alternative to the stored bands).

Figures are medians over the runs. The machine is shared: they are upper bounds.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from _results import RESULTS, write_report
from newsprism.cluster.dedup import (
    DedupOptions,
    DuplicateIndex,
    signature_bytes,
    signature_from_bytes,
)
from newsprism.cluster.dedup_window import WindowedDuplicates, band_keys, day_of
from newsprism.cluster.options import ClusterOptions
from newsprism.store import ClusteringUpdate, Store
from newsprism.store_dedup import DedupUpdate

NAME = "dedup_fixed_cost"
START = datetime(2024, 1, 1, tzinfo=UTC)
_CHUNK = 20_000
_PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * _PAGE


def published(n: int, per_day: float) -> datetime:
    return START + timedelta(days=n / per_day)


def random_signatures(rng: np.random.Generator, count: int, options: DedupOptions) -> np.ndarray:
    high = np.iinfo(np.uint64).max
    return rng.integers(0, high, size=(count, options.num_perm), dtype=np.uint64)


def fill(path: Path, size: int, per_day: float, keep_days: float, seed: int) -> float:
    """A store of ``size`` synthetic articles with signatures and the window's bands;
    the seconds it took."""
    began = time.perf_counter()
    options = DedupOptions()
    rng = np.random.default_rng(seed)
    latest = day_of(published(size - 1, per_day)) or 0.0
    update = DedupUpdate(horizon=None, state={"next_seq": size + 1.0, "latest": latest})
    now = datetime.now(UTC).isoformat()
    with Store(path) as store:
        for start in range(0, size, _CHUNK):
            count = min(_CHUNK, size - start)
            sigs = random_signatures(rng, count, options)
            articles, signatures = [], []
            for offset in range(count):
                n = start + offset
                when = published(n, per_day)
                ident = f"b{n:09d}"
                articles.append((ident, "bench", when.isoformat(), f"synthetic article {n}", now))
                signatures.append((ident, signature_bytes(sigs[offset], options)))
                day = day_of(when) or 0.0
                if day >= latest - keep_days:
                    update.window.append((n + 1, ident, day))
                    update.bands.extend((k, n + 1) for k in band_keys(sigs[offset], options))
            with store.transaction() as conn:
                conn.executemany(
                    "INSERT INTO articles (id, source, published, published_utc, text, "
                    "ingested_at) VALUES (?, ?, ?, ?3, ?, ?)",
                    articles,
                )
                conn.executemany("INSERT INTO signatures VALUES (?, ?)", signatures)
        store.save_dedup(update)
    return time.perf_counter() - began


def one_run(
    path: Path, size: int, per_day: float, keep_days: float, new: int, seed: int
) -> dict[str, float]:
    """One near-duplicate run over the store, timed in parts (see the module doc)."""
    options = DedupOptions()
    rng = np.random.default_rng(seed)
    sigs = random_signatures(rng, new, options)
    with Store(path) as store:
        hot = [signature_from_bytes(m, options) for _, m in store.dedup.expiring(float("inf"))]
        gc.collect()
        began = time.perf_counter()
        index = WindowedDuplicates(store, keep_days, options)
        started = time.perf_counter() - began
        adds, found, copies, saved = [], 0, 0, []
        for n in range(new):
            ident = f"n{seed:03d}-{n:06d}"
            sig = sigs[n]
            if n % 10 == 0 and hot:  # a copy of a stored hot article: 7/8 of it kept
                sig = hot[-1 - n // 10].copy()
                sig[: options.num_perm // 8] = sigs[n][: options.num_perm // 8]
                copies += 1
            when = published(size + seed * new + n, per_day)
            _insert_article(store, ident, when)
            t0 = time.perf_counter()
            twin = index.add(ident, sig, when)
            adds.append(time.perf_counter() - t0)
            found += int(n % 10 == 0 and twin is not None)
            saved.append((ident, signature_bytes(sig, options)))
        t0 = time.perf_counter()
        store.save_clustering(ClusteringUpdate(saved, [], [], {}, index.update()))
        save = time.perf_counter() - t0
    return {
        "start_s": started,
        "first_s": started + adds[0],
        "add_median_ms": statistics.median(adds) * 1e3,
        "add_p99_ms": float(np.percentile(adds, 99)) * 1e3,
        "save_s": save,
        "copies": copies,
        "copies_found": found,
    }


def _insert_article(store: Store, ident: str, when: datetime) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO articles (id, source, published, published_utc, text, ingested_at) "
            "VALUES (?, 'bench', ?, ?2, 'new synthetic article', ?2)",
            (ident, when.isoformat()),
        )


def window_load(path: Path) -> dict[str, float]:
    """The alternative: the window's signatures loaded into an in-memory index."""
    with Store(path) as store, store.transaction() as conn:
        gc.collect()
        began = time.perf_counter()
        rows = conn.execute(
            "SELECT w.article_id, s.minhash FROM dedup_window w "
            "JOIN signatures s USING (article_id) ORDER BY w.seq"
        )
        index = DuplicateIndex.from_signatures((a, signature_from_bytes(bytes(m))) for a, m in rows)
        return {"window_load_s": time.perf_counter() - began, "window_articles": len(index)}


def before(path: Path) -> dict[str, float]:
    """The old start: every stored signature into an in-memory index; time and memory."""
    with Store(path) as store:
        gc.collect()
        rss = rss_bytes()
        began = time.perf_counter()
        index = DuplicateIndex.from_signatures(
            (i, signature_from_bytes(b)) for i, b in store.signatures()
        )
        took = time.perf_counter() - began
        grown = rss_bytes() - rss
        size = len(index)
        del index
        gc.collect()
    return {"before_s": took, "before_mib": grown / 2**20, "before_bytes_per_article": grown / size}


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: float(statistics.median(r[k] for r in runs)) for k in runs[0]}


def measure(
    size: int, args: argparse.Namespace, folder: Path, log: Callable[[str], None]
) -> dict[str, Any]:
    keep_days = ClusterOptions().keep_days
    path = folder / f"store-{size}.db"
    filled = fill(path, size, args.per_day, keep_days, seed=size)
    log(f"{size:,}: filled in {filled:.0f} s")
    runs = [
        one_run(path, size, args.per_day, keep_days, args.new, seed=r) for r in range(args.runs)
    ]
    entry: dict[str, Any] = {"stored": size, "fill_s": filled, **median_of(runs)}
    entry.update(median_of([window_load(path) for _ in range(args.runs)]))
    if size <= args.before_max:
        repeats = min(args.runs, 3) if size <= 20_000 else 1  # ~1.4 ms a stored article
        entry.update(median_of([before(path) for _ in range(repeats)]))
        entry["before_extrapolated"] = False
    log(f"{size:,}: {json.dumps(entry)}")
    path.unlink()
    return entry


def extrapolate(entries: list[dict[str, Any]]) -> None:
    """The old start's cost at sizes not measured: its largest measured per-article cost."""
    measured = [e for e in entries if "before_s" in e]
    if not measured:
        return
    largest = max(measured, key=lambda e: e["stored"])
    per_s = largest["before_s"] / largest["stored"]
    for entry in entries:
        if "before_s" not in entry:
            entry["before_s"] = per_s * entry["stored"]
            entry["before_mib"] = largest["before_bytes_per_article"] * entry["stored"] / 2**20
            entry["before_extrapolated"] = True


def markdown(report: dict[str, Any]) -> str:
    entries = report["sizes"]
    head = (
        "| stored | start ms | start + first add ms | add median ms | add p99 ms | save s "
        "| copies found | window-load s | before s | before MiB |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    lines = [
        f"| {e['stored']:,} | {e['start_s'] * 1e3:.1f} | {e['first_s'] * 1e3:.1f} "
        f"| {e['add_median_ms']:.2f} | {e['add_p99_ms']:.2f} | {e['save_s']:.3f} "
        f"| {e['copies_found']:.0f}/{e['copies']:.0f} | {e['window_load_s']:.2f} "
        f"| {e['before_s']:.1f}{'*' if e['before_extrapolated'] else ''} "
        f"| {e['before_mib']:,.0f}{'*' if e['before_extrapolated'] else ''} |"
        for e in entries
    ]
    ratio = report["ratios"]
    return (
        "# Near-duplicate index: fixed cost per run\n\n"
        "Written by `bench/dedup.py`; what is measured: its docstring. Medians of "
        f"{report['runs']} runs; {report['new']} new articles a run; {report['per_day']:g} "
        "stored articles a day; shared machine, so upper bounds.\n\n"
        + head
        + "\n".join(lines)
        + "\n\n* extrapolated from the largest measured size (per-article cost x size).\n\n"
        f"Largest / smallest store: start x{ratio['start']:.2f}, start + first add "
        f"x{ratio['first']:.2f}, add median x{ratio['add']:.2f}, save x{ratio['save']:.2f} "
        f"(the old start: x{ratio['before']:.0f}).\n\n"
        f"Machine: {report['machine']}.\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--per-day", type=float, default=300.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--new", type=int, default=200)
    parser.add_argument("--before-max", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--tmp", type=Path, default=None, help="folder for the stores")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    entries = []
    with tempfile.TemporaryDirectory(dir=args.tmp) as folder:
        for size in sizes:
            entries.append(measure(size, args, Path(folder), lambda m: print(m, flush=True)))
    extrapolate(entries)
    small, large = entries[0], entries[-1]
    report = {
        "runs": args.runs,
        "new": args.new,
        "per_day": args.per_day,
        "sizes": entries,
        "ratios": {
            k: large[f] / small[f]
            for k, f in (
                ("start", "start_s"),
                ("first", "first_s"),
                ("add", "add_median_ms"),
                ("save", "save_s"),
                ("before", "before_s"),
            )
        },
        "machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {platform.platform()}",
    }
    print(write_report(args.out, NAME, report, markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
