"""Story clustering: the fixed cost of one run (restore the clusterer, save it), by store size.

Run: ``.venv/bin/python bench/cluster_fixed_cost.py [--sizes 10000,100000] [--runs 5]``.
Writes ``bench/results/cluster_fixed_cost.json`` and ``.md``.

One hot window is made for real: ``--hot`` articles of ``eval/stream.py``'s light stream
(``--per-day`` a day, so they span the 30-day window) through one
:class:`~newsprism.cluster.stories.StoryClusterer`; its state is what a run restores.
Each store holds those hot articles and stories, and ``size - hot`` older articles in
frozen stories of ``--story-size`` articles, written by direct inserts (``articles``,
``stories``, ``story_articles``: the rows the runs that froze them would have left), so
every store has the same hot window and only the frozen part grows.

Then ``--runs`` times, alternating the stores (so drift in machine load hits every size
alike), one run's fixed cost as ``cluster.batch`` pays it, timed in parts:

* ``restore``: opening the store and reading the saved state (``open``), then
  :meth:`StoryClusterer.from_state` with the store as its cold stories (``from_state``);
* ``save``: :meth:`StoryClusterer.state` and writing it with
  :meth:`Store.save_clustering` (no stories: the articles a run adds are not fixed cost).

Beside it, the format-1 state newsprism saved until now (every story, frozen ones as
member lists: the same hot window plus one entry per frozen story, in that format's
layout): its size, and its ``from_state`` time (it is still read, then migrated).

Figures are medians over the runs. The machine is shared: they are upper bounds.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from _results import RESULTS, write_report
from newsprism.cluster.batch import STATE_NAME
from newsprism.cluster.cold import StoredStories
from newsprism.cluster.stories import ClusterOptions, StoryClusterer
from newsprism.store import ClusteringUpdate, Store
from stream import iter_light_articles, truth_signals

NAME = "cluster_fixed_cost"
OPTIONS = ClusterOptions(embeddings="off")
_CHUNK = 20_000


def hot_window(count: int, per_day: float) -> tuple[StoryClusterer, list[Any]]:
    """The clusterer after ``count`` stream articles, and those articles."""
    clusterer = StoryClusterer(OPTIONS)
    items = list(iter_light_articles(count, per_day))
    clusterer.add_many(truth_signals(item) for item in items)
    return clusterer, [item.article for item in items]


def fill(path: Path, size: int, clusterer: StoryClusterer, hot: Sequence[Any],
         story_size: int) -> list[dict[str, Any]]:
    """A store of ``size`` articles: the hot ones with their stories and the state, and
    older ones in frozen stories; the frozen stories' format-1 entries."""
    first = min(a.published for a in hot if a.published) - timedelta(days=60)
    now = datetime.now(UTC).isoformat()
    frozen: list[dict[str, Any]] = []
    with Store(path) as store:
        store.add_articles(hot)
        for start in range(0, size - len(hot), _CHUNK):
            rows, stories, members = [], [], []
            for n in range(start, min(size - len(hot), start + _CHUNK)):
                when = first - timedelta(minutes=n)
                ident = f"f{n:09d}"
                rows.append((ident, "bench", when.isoformat(), f"old article {n}", now))
                story = f"sf{n - n % story_size:09d}"
                if n % story_size == 0:
                    stories.append((story, f"old story {n}", when.isoformat(),
                                    when.isoformat(), "[]", now))
                    frozen.append(_legacy_entry(-1 - len(frozen), story, when))
                members.append((ident, story, n % story_size))
                frozen[-1]["members"].append([0, ident])
            with store.transaction() as conn:
                conn.executemany("INSERT INTO articles (id, source, published, published_utc, "
                                 "text, ingested_at) VALUES (?, ?, ?, ?3, ?, ?)", rows)
                conn.executemany("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?)", stories)
                conn.executemany("INSERT INTO story_articles VALUES (?, ?, ?)", members)
        store.save_clustering(ClusteringUpdate([], clusterer.stories(), [],
                                               {STATE_NAME: clusterer.state()}))
    return frozen


def _legacy_entry(key: int, story: str, when: datetime) -> dict[str, Any]:
    day = when.timestamp() / 86400
    return {"key": key, "id": story, "members": [], "sources": 0,
            "span": [day, day, day], "published": [when.isoformat(), when.isoformat()],
            "hot": False, "title": f"title of {story}"}


def legacy_state(state: bytes, frozen: list[dict[str, Any]]) -> bytes:
    """The format-1 state of the same clusterer: every story, frozen ones included."""
    with np.load(io.BytesIO(state), allow_pickle=False) as saved:
        arrays = {name: saved[name] for name in saved.files}
    meta = json.loads(arrays["meta"].tobytes())
    for entry in frozen:
        entry["sources"] = len(entry["members"])
    meta.update(format=1, merges={},
                ids=sorted([e["id"] for e in frozen] + [e["id"] for e in meta["stories"]]),
                stories=frozen + meta["stories"])
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def one_run(path: Path, legacy: bytes) -> dict[str, float]:
    began = time.perf_counter()
    with Store(path) as store:
        saved = store.clusterer_state(STATE_NAME)
        assert saved is not None
        opened = time.perf_counter()
        clusterer = StoryClusterer.from_state(saved, OPTIONS, cold=StoredStories(store))
        restored = time.perf_counter()
        state = clusterer.state()
        store.save_clustering(ClusteringUpdate([], [], [], {STATE_NAME: state}))
        saved_at = time.perf_counter()
    old = time.perf_counter()
    StoryClusterer.from_state(legacy, OPTIONS)
    old_restore = time.perf_counter() - old
    return {"restore_ms": (restored - began) * 1e3, "open_ms": (opened - began) * 1e3,
            "from_state_ms": (restored - opened) * 1e3, "save_ms": (saved_at - restored) * 1e3,
            "fixed_ms": (saved_at - began) * 1e3, "state_bytes": len(state),
            "old_restore_ms": old_restore * 1e3, "old_state_bytes": len(legacy)}


def measure(sizes: Sequence[int], runs: int, hot: int, per_day: float, story_size: int,
            tmp: Path | None) -> dict[str, Any]:
    clusterer, articles = hot_window(hot, per_day)
    hot_articles = clusterer.hot_articles()
    per_size: dict[int, list[dict[str, float]]] = {size: [] for size in sizes}
    with tempfile.TemporaryDirectory(dir=tmp) as folder:
        stores, legacies = {}, {}
        for size in sizes:
            stores[size] = Path(folder) / f"s{size}.db"
            frozen = fill(stores[size], size, clusterer, articles, story_size)
            legacies[size] = legacy_state(clusterer.state(), frozen)
        for run in range(runs):
            order = list(sizes) if run % 2 == 0 else list(reversed(sizes))
            for size in order:
                per_size[size].append(one_run(stores[size], legacies[size]))
    medians = {size: {k: statistics.median(r[k] for r in rs) for k in rs[0]}
               for size, rs in per_size.items()}
    return {"sizes": list(sizes), "runs": runs, "hot_stream_articles": hot,
            "hot_articles": hot_articles, "per_day": per_day, "story_size": story_size,
            "medians": {str(k): v for k, v in medians.items()},
            "all": {str(k): v for k, v in per_size.items()},
            "environment": {"python": platform.python_version(),
                            "platform": platform.platform(),
                            "cpus": len(os.sched_getaffinity(0)),
                            "load_average": os.getloadavg()}}


def markdown(report: dict[str, Any]) -> str:
    sizes = report["sizes"]
    med = report["medians"]
    lines = ["# Story clustering: fixed cost per run", "",
             "Written by `bench/cluster_fixed_cost.py`; what is measured: its docstring. "
             f"Medians of {report['runs']} runs, sizes alternated; a hot window of "
             f"{report['hot_articles']:,} articles in every store; frozen stories of "
             f"{report['story_size']} articles; shared machine, so upper bounds.", "",
             "| stored | restore ms (open + from_state) | save ms | restore + save ms "
             "| state KiB | format-1 restore ms | format-1 state KiB |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size in sizes:
        m = med[str(size)]
        lines.append(f"| {size:,} | {m['restore_ms']:.1f} ({m['open_ms']:.1f} + "
                     f"{m['from_state_ms']:.1f}) | {m['save_ms']:.1f} | "
                     f"{m['fixed_ms']:.1f} | {m['state_bytes'] / 1024:.1f} | "
                     f"{m['old_restore_ms']:.1f} | {m['old_state_bytes'] / 1024:.1f} |")
    big, small = med[str(sizes[-1])], med[str(sizes[0])]
    lines += ["", "Largest / smallest store: restore + save "
              f"x{big['fixed_ms'] / small['fixed_ms']:.2f} "
              f"(restore x{big['restore_ms'] / small['restore_ms']:.2f}, save "
              f"x{big['save_ms'] / small['save_ms']:.2f}, state size "
              f"x{big['state_bytes'] / small['state_bytes']:.2f}); the format-1 state: "
              f"restore x{big['old_restore_ms'] / small['old_restore_ms']:.2f}, size "
              f"x{big['old_state_bytes'] / small['old_state_bytes']:.2f}.", "",
              f"Machine: {report['environment']['cpus']} CPUs, Python "
              f"{report['environment']['python']}, load average at the end "
              f"{report['environment']['load_average'][0]:.1f}.", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hot", type=int, default=600,
                        help="stream articles clustered for real into the hot window")
    parser.add_argument("--per-day", type=float, default=20.0)
    parser.add_argument("--story-size", type=int, default=7)
    parser.add_argument("--tmp", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    report = measure(sizes, args.runs, args.hot, args.per_day, args.story_size, args.tmp)
    print(write_report(args.out, NAME, report, markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
