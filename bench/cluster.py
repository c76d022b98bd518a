"""Story clustering benchmark: time and memory per article as the store grows to 1M articles.

Run: ``.venv/bin/python bench/cluster.py [--max-articles 1000000] [--per-day 2740]``.
Writes ``bench/results/cluster.json`` and ``bench/results/cluster.md``.

What is measured, on one stream of lightweight synthetic articles fed one at a time, in
publication order, to one :class:`~newsprism.cluster.stories.StoryClusterer` (lexical
path, ``embeddings="off"``):

* **add() time per article**: each ``StoryClusterer.add`` call is timed alone
  (``time.perf_counter_ns``); the figure quoted at a checkpoint (10k, 100k, 300k, 1M
  articles) is the median, 90th and 99th percentile, and mean, over the ``--window``
  articles (default 2,000) just before it. Making the articles and their signals
  (``signals_of``) is not timed, and neither is near-duplicate detection unless
  ``--dedup`` is given (then ``signature`` + ``DuplicateIndex.add`` is timed apart).
* **memory per article**: the process's resident set (``/proc/self/statm``) at the
  checkpoint minus the resident set just before the first article, divided by the
  articles added; and the peak (``resource.getrusage(RUSAGE_SELF).ru_maxrss``). The
  generator holds only the next six days of articles, a few MiB.

The articles come from ``eval/stream.py``'s ``iter_light_articles``: the same invented
stories, outlets, people, quotes and templates as the evaluation stream, but each
article is a headline and two or three sentences (a lede and one or two of: a fact, a
quote, a statement by a public figure, background), with its names and speakers known
from the generator (no spaCy). Stories start at an even rate so that ``--per-day``
articles (default 2,740: a million a year, the size of a year of a news crawl) are
published each day; the clusterer's time window therefore always holds about
``window_days * per_day`` articles, whatever the store's size. That is the claim under
test: with the time window and the nearest-neighbour index, the cost of one add() stays
flat as the store grows from 10k to 1M articles.

* **memory per hot article**: the same resident-set growth divided by the articles in
  hot stories at the checkpoint (``StoryClusterer.hot_articles``): the clusterer keeps
  vectors, names and headlines only for hot stories and member ids for frozen ones, so
  this figure, unlike bytes per article added, shows whether the hot window's cost is
  flat. Both count the process's fixed growth after the baseline (the clusterer's
  libraries are imported after it), which dominates below ~50k articles; the *marginal*
  figure, resident growth between two checkpoints over the hot window's growth between
  them, is what one more hot article costs.

``--time-limit`` (default 1,200 s) stops the run at the first checkpoint reached after
the limit, so the whole benchmark stays under about 20 minutes on 2 cores.
``--checkpoints`` replaces the default (10k, 100k, 300k, 1M); the results so far are
written after every checkpoint, so a run stopped early keeps what it measured.

Frozen stories: every ``--release-every`` articles (default 2,000, untimed) the
clusterer hands over its frozen stories (:meth:`StoryClusterer.release_frozen`), as the
batch runner leaves them in the store; they are counted and dropped, so memory holds the
hot window (the ``stories`` column counts released ones too). ``--release-every 0``
keeps them in memory, as before.

``--phases`` also times the parts of each add (vectorising, scoring the candidates,
the merge check after a join, joining, eviction, the IDF update; each a wrapper around
the clusterer's own method, about a microsecond each) and reports, per checkpoint, their
mean over the window and over its slowest 1% of adds: what the tail is made of.

``--baseline-blas`` feeds the same stream to a second clusterer that leaves BLAS its
threads (``ClusterOptions(blas_threads=None)``, what newsprism did before), article by
article, alternating which of the two goes first, and reports its add times and the
ratios beside the main one's: the before/after of running the small products on one
thread, in one run under the same load. Memory then counts both clusterers.

Long runs: with ``--state DIR`` the clusterer's saved state
(:meth:`StoryClusterer.state`) and the results so far are written to ``DIR`` every
``--save-every`` articles (default 25,000) and when the time limit stops the run (then
at once, not at the next checkpoint); ``--resume`` goes on from there (the stream is
regenerated up to the saved position, untimed). After a resume the memory baseline is
taken before the state is loaded, so the restored clusterer counts as grown. Not with
``--dedup`` or ``--stand-in`` (their state is not saved).

Run in the background (output not a terminal), it logs a line every 5,000 articles: the
CPU and wall time per article over the last 5,000 (making the stream and its signals
included, about 1 ms of CPU an article: the whole cost of going on) and when the last
checkpoint is due at that pace. A resume regenerates the stream up to the saved position
untimed, about 0.45 ms of CPU an article (7.5 minutes at 1M).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Final, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from _results import RESULTS, write_report
from stream import StreamArticle, iter_light_articles, truth_signals

CHECKPOINTS: Final = (10_000, 100_000, 300_000, 1_000_000)
PAGE: Final = os.sysconf("SC_PAGE_SIZE")


class Clusterer(Protocol):
    def add(self, signals: Any) -> str: ...


@dataclass
class Window:
    """Per-article timings (ns) of the articles before one checkpoint."""

    checkpoint: int
    size: int
    add_ns: list[int] = field(default_factory=list)
    cpu_ns: list[int] = field(default_factory=list)
    dedup_ns: list[int] = field(default_factory=list)

    def covers(self, position: int) -> bool:
        """Whether the article at 1-based ``position`` falls in this window."""
        return self.checkpoint - self.size < position <= self.checkpoint


@dataclass(frozen=True)
class Checkpoint:
    """What was measured at one checkpoint."""

    articles: int
    add_us: dict[str, float]
    dedup_us: dict[str, float] | None
    rss_mib: float
    peak_rss_mib: float
    bytes_per_article: float
    elapsed_s: float
    stories: int | None
    hot_articles: int | None = None
    phases: dict[str, dict[str, float]] | None = None
    add_cpu_us: dict[str, float] | None = None

    def report(self) -> dict[str, Any]:
        per_hot = (None if not self.hot_articles
                   else round(self.bytes_per_article * self.articles / self.hot_articles))
        return {"articles": self.articles, "add_us": self.add_us,
                "add_cpu_us": self.add_cpu_us, "dedup_us": self.dedup_us,
                "rss_mib": round(self.rss_mib, 1), "peak_rss_mib": round(self.peak_rss_mib, 1),
                "bytes_per_article": round(self.bytes_per_article),
                "hot_articles": self.hot_articles, "bytes_per_hot_article": per_hot,
                "elapsed_s": round(self.elapsed_s, 1), "stories": self.stories,
                "phases_ms": self.phases}


def rss_bytes() -> int:
    """The process's resident set now (Linux ``/proc/self/statm``)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def summary(samples_ns: Sequence[int]) -> dict[str, float]:
    """Median, p90, p99 and mean of per-article times, in microseconds."""
    ordered = sorted(samples_ns)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] / 1000

    return {"median": round(statistics.median(ordered) / 1000, 1), "p90": round(pick(0.9), 1),
            "p99": round(pick(0.99), 1), "mean": round(statistics.fmean(ordered) / 1000, 1),
            "n": len(ordered)}


# --- the clusterer under test ------------------------------------------------------------


def make_clusterer(stand_in: bool) -> tuple[Clusterer, str]:
    """The real clusterer (lexical path), or the trivial stand-in that tests the harness."""
    if stand_in:
        return StandIn(), "stand-in (harness test only: joins the last story naming the place)"
    from newsprism.cluster.stories import ClusterOptions, StoryClusterer

    return StoryClusterer(ClusterOptions(embeddings="off")), "newsprism StoryClusterer (lexical)"


def stand_in_signals(item: StreamArticle, duplicate_of: str | None) -> Any:
    """What the stand-in reads: id, names, publication time (no newsprism needed)."""
    return SimpleNamespace(article_id=item.article.id, published=item.article.published,
                           entities=frozenset(name for name, _ in item.entities),
                           duplicate_of=duplicate_of)


class StandIn:
    """A trivial clusterer for testing this script: one story per (first entity, day)."""

    def __init__(self) -> None:
        self._stories: dict[tuple[str, str], str] = {}

    def add(self, signals: Any) -> str:
        first = min(signals.entities) if signals.entities else signals.article_id
        day = signals.published.date().isoformat() if signals.published else ""
        return self._stories.setdefault((first, day), signals.article_id)


def story_count(clusterer: Clusterer) -> int | None:
    stories = getattr(clusterer, "stories", None)
    return len(stories()) if callable(stories) else None


def hot_count(clusterer: Clusterer) -> int | None:
    hot = getattr(clusterer, "hot_articles", None)
    return int(hot()) if callable(hot) else None


# --- the run -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    max_articles: int
    per_day: float
    window: int
    time_limit: float
    dedup: bool
    stand_in: bool
    state: Path | None = None
    save_every: int = 25_000
    resume: bool = False
    marks: tuple[int, ...] = CHECKPOINTS
    release_every: int = 2_000
    phases: bool = False
    out: Path | None = None
    baseline_blas: bool = False

    @property
    def checkpoints(self) -> list[int]:
        points = [c for c in self.marks if c <= self.max_articles]
        return points if points else [self.max_articles]


class Phases:
    """Per-add time in parts of the clusterer (``--phases``): wrappers on its methods."""

    def __init__(self, clusterer: Any) -> None:
        self.current: dict[str, int] = {}
        self.window: list[tuple[int, dict[str, int]]] = []
        for name, attribute in (("candidates", "_best_story"), ("merge_check",
                                "_merge_converging"), ("join", "_join"), ("evict", "_evict")):
            self._wrap(clusterer, attribute, name)
        for name, attribute in (("vectorise", "vectors"), ("idf_update", "observe")):
            self._wrap(clusterer.vectorizer, attribute, name)

    def _wrap(self, owner: Any, attribute: str, name: str) -> None:
        inner = getattr(owner, attribute)

        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter_ns()
            try:
                return inner(*args, **kwargs)
            finally:
                self.current[name] = self.current.get(name, 0) + time.perf_counter_ns() - began

        setattr(owner, attribute, timed)

    def done(self, total_ns: int, timed: bool) -> None:
        if timed:
            self.window.append((total_ns, self.current))
        self.current = {}

    def summary(self) -> dict[str, dict[str, float]]:
        """Mean ms per part over the window, and over its slowest 1% of adds."""
        ordered = sorted(self.window, key=lambda entry: entry[0])
        tail = ordered[-max(1, len(ordered) // 100):]
        out = {}
        for label, entries in (("all", ordered), ("slowest_1pct", tail)):
            names = sorted({n for _, parts in entries for n in parts})
            means = {n: sum(p.get(n, 0) for _, p in entries) / len(entries) / 1e6 for n in names}
            means["total"] = sum(t for t, _ in entries) / len(entries) / 1e6
            out[label] = {n: round(v, 3) for n, v in means.items()}
        self.window = []
        return out


LOG_EVERY: Final = 5_000


class Pace:
    """The log line of a long run: where it is, the CPU and wall time per article over
    the last :data:`LOG_EVERY` (making the stream and its signals included: the whole
    cost of going on), and when the last checkpoint is due at that pace."""

    def __init__(self, last: int, position: int) -> None:
        self.last = last
        self.since = (position, time.process_time(), time.perf_counter())

    def line(self, position: int, elapsed: float) -> str:
        done, cpu, wall = self.since
        now_cpu, now_wall = time.process_time(), time.perf_counter()
        self.since = (position, now_cpu, now_wall)
        count = max(1, position - done)
        per_cpu, per_wall = (now_cpu - cpu) / count, (now_wall - wall) / count
        left = (self.last - position) * per_wall / 3600
        return (f"{position:,} articles, {elapsed:,.0f} s; last {count:,}: "
                f"{1000 * per_cpu:.1f} ms CPU and {1000 * per_wall:.1f} ms wall an article; "
                f"{self.last:,} in {left:.1f} h at this pace")


class Duplicates:
    """Near-duplicate detection as the pipeline runs it (signature, then the index)."""

    def __init__(self) -> None:
        from newsprism.cluster.dedup import DuplicateIndex, signature

        self._index = DuplicateIndex()
        self._signature = signature

    def add(self, item: StreamArticle) -> tuple[str | None, int]:
        began = time.perf_counter_ns()
        twin = self._index.add(item.article.id, self._signature(item.article.text))
        return twin, time.perf_counter_ns() - began


def _articles(settings: Settings) -> Iterator[StreamArticle]:
    return iter_light_articles(settings.max_articles, settings.per_day)


def run(settings: Settings, console: Console) -> dict[str, Any]:
    """Feed the stream, time every add, and measure at every checkpoint."""
    gc.collect()
    baseline = rss_bytes()
    clusterer, name = make_clusterer(settings.stand_in)
    make_signals = stand_in_signals if settings.stand_in else truth_signals
    duplicates = Duplicates() if settings.dedup else None
    windows = [Window(c, min(settings.window, c)) for c in settings.checkpoints]
    results: list[dict[str, Any]] = []
    done_before, spent_before = 0, 0.0
    if settings.resume and settings.state is not None:
        clusterer, done_before, spent_before, results = load_state(settings.state)
    phases = Phases(clusterer) if settings.phases else None
    other = _baseline_clusterer() if settings.baseline_blas else None
    other_windows = [Window(c, min(settings.window, c)) for c in settings.checkpoints]
    released = 0
    started = time.perf_counter() - spent_before
    pace = Pace(settings.checkpoints[-1], done_before)
    with _progress(console) as progress:
        task = progress.add_task("adding articles", total=settings.checkpoints[-1])
        for position, item in enumerate(_articles(settings), start=1):
            if position <= done_before:
                continue
            # With a baseline, the two go first in turn (same load, same caches).
            pair = [(other, None, other_windows, None), (clusterer, duplicates, windows, phases)]
            for one, dups, times, parts in pair if position % 2 == 0 else pair[::-1]:
                if one is not None:
                    _add_one(one, make_signals, dups, item, position, times, parts)
            if position % 1_000 == 0:
                progress.update(task, completed=position)
                if not console.is_terminal and position % LOG_EVERY == 0:  # a long run's log
                    line = pace.line(position, time.perf_counter() - started)
                    console.print(line, soft_wrap=True)
            if settings.release_every and position % settings.release_every == 0:
                released += _release(clusterer)
                _release(other)
            elapsed = time.perf_counter() - started
            done = next((w for w in windows if w.checkpoint == position), None)
            if done is not None:
                released += _release(clusterer) if settings.release_every else 0
                point = _measure(done, clusterer, baseline, elapsed, released)
                results.append(_checkpoint(point, phases, other_windows if other else None))
                if settings.out is not None:
                    write(_report(settings, name, baseline, results), settings.out)
            out_of_time = elapsed > settings.time_limit and position < settings.checkpoints[-1]
            if settings.state is not None and (
                position % settings.save_every == 0 or out_of_time
            ):
                save_state(settings.state, clusterer, position, elapsed, results)
            if out_of_time and (done is not None or settings.state is not None):
                console.print(f"time limit reached after {position:,} articles")
                break
    return _report(settings, name, baseline, results)


def _checkpoint(point: Checkpoint, phases: Phases | None,
                other_windows: Sequence[Window] | None) -> dict[str, Any]:
    """A checkpoint's report, with the parts of an add and the baseline's times."""
    if phases is not None:
        point = replace(point, phases=phases.summary())
    report = point.report()
    if other_windows is not None:
        window = next(w for w in other_windows if w.checkpoint == point.articles)
        report.update(_versus(window.add_ns, point.add_us))
    return report


def _baseline_clusterer() -> Clusterer:
    from newsprism.cluster.stories import ClusterOptions, StoryClusterer

    return StoryClusterer(ClusterOptions(embeddings="off", blas_threads=None))


def _versus(baseline_ns: Sequence[int], ours: dict[str, float]) -> dict[str, Any]:
    """The baseline clusterer's add times over the same window, and main / baseline."""
    theirs = summary(baseline_ns)
    ratios = {k: round(ours[k] / theirs[k], 3) for k in ("median", "p90", "p99", "mean")}
    return {"baseline_add_us": theirs, "ratio_to_baseline": ratios}


def _release(clusterer: Clusterer | None) -> int:
    """Hand over the frozen stories (dropped: the store keeps them); how many."""
    release = getattr(clusterer, "release_frozen", None)
    return len(release()) if callable(release) else 0


def save_state(folder: Path, clusterer: Clusterer, position: int, elapsed: float,
               results: list[dict[str, Any]]) -> None:
    """The clusterer's state and the results so far, written whole or not at all."""
    state = getattr(clusterer, "state", None)
    if not callable(state):
        raise SystemExit("--state needs the real clusterer (not --stand-in)")
    folder.mkdir(parents=True, exist_ok=True)
    progress = {"position": position, "elapsed_s": elapsed, "checkpoints": results}
    for name, data in (("clusterer.npz", state()),
                       ("progress.json", json.dumps(progress).encode())):
        partial = folder / f"{name}.partial"
        partial.write_bytes(data)
        partial.replace(folder / name)


def load_state(folder: Path) -> tuple[Clusterer, int, float, list[dict[str, Any]]]:
    """The clusterer, position, elapsed time and results that :func:`save_state` wrote."""
    from newsprism.cluster.stories import ClusterOptions, StoryClusterer

    progress = json.loads((folder / "progress.json").read_text(encoding="utf-8"))
    data = (folder / "clusterer.npz").read_bytes()
    clusterer = StoryClusterer.from_state(data, ClusterOptions(embeddings="off"))
    return clusterer, progress["position"], progress["elapsed_s"], progress["checkpoints"]


def _add_one(clusterer: Clusterer, make_signals: Callable[[StreamArticle, str | None], Any],
             duplicates: Duplicates | None, item: StreamArticle, position: int,
             windows: Sequence[Window], phases: Phases | None = None) -> None:
    twin, dedup_ns = duplicates.add(item) if duplicates else (None, 0)
    signals = make_signals(item, twin)
    began, began_cpu = time.perf_counter_ns(), time.process_time_ns()
    clusterer.add(signals)
    spent, cpu = time.perf_counter_ns() - began, time.process_time_ns() - began_cpu
    if phases is not None:
        phases.done(spent, any(w.covers(position) for w in windows))
    for window in windows:
        if window.covers(position):
            window.add_ns.append(spent)
            window.cpu_ns.append(cpu)
            if duplicates:
                window.dedup_ns.append(dedup_ns)


def _measure(window: Window, clusterer: Clusterer, baseline: int,
             elapsed: float, released: int = 0) -> Checkpoint:
    gc.collect()  # untimed: memory without the garbage of the last adds
    grown = rss_bytes() - baseline
    count = story_count(clusterer)
    return Checkpoint(
        articles=window.checkpoint, add_us=summary(window.add_ns),
        add_cpu_us=summary(window.cpu_ns) if window.cpu_ns else None,
        dedup_us=summary(window.dedup_ns) if window.dedup_ns else None,
        rss_mib=rss_bytes() / 2**20, peak_rss_mib=peak_rss_mib(),
        bytes_per_article=grown / window.checkpoint, elapsed_s=elapsed,
        stories=None if count is None else count + released,
        hot_articles=hot_count(clusterer),
    )


def _progress(console: Console) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TimeRemainingColumn(), console=console)


def _report(settings: Settings, name: str, baseline: int,
            results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {
        "clusterer": name,
        "settings": {"max_articles": settings.max_articles, "per_day": settings.per_day,
                     "window": settings.window, "time_limit_s": settings.time_limit,
                     "dedup": settings.dedup, "release_every": settings.release_every},
        "baseline_rss_mib": round(baseline / 2**20, 1),
        "checkpoints": list(results),
        "environment": {"python": platform.python_version(), "platform": platform.platform(),
                        "cpus": len(os.sched_getaffinity(0))},
    }


# --- output ------------------------------------------------------------------------------


def marginal_per_hot(before: dict[str, Any] | None, now: dict[str, Any]) -> float | None:
    """Bytes per hot article at the margin: resident growth between two checkpoints over
    the growth of the hot window between them (what one more hot article costs, free of
    the process's fixed growth: imported libraries, the vectorizer's tables)."""
    if before is None or not now.get("hot_articles") or not before.get("hot_articles"):
        return None
    hot = now["hot_articles"] - before["hot_articles"]
    return (now["rss_mib"] - before["rss_mib"]) * 2**20 / hot if hot > 0 else None


def rows(report: dict[str, Any]) -> list[list[str]]:
    out = []
    before = None
    for c in report["checkpoints"]:
        add = c["add_us"]
        dedup = c["dedup_us"]
        margin = marginal_per_hot(before, c)
        before = c
        out.append([f"{c['articles']:,}", f"{add['median']:.0f}", f"{add['p90']:.0f}",
                    f"{add['p99']:.0f}", f"{add['mean']:.0f}",
                    "-" if dedup is None else f"{dedup['median']:.0f}",
                    f"{c['rss_mib']:.0f}", f"{c['bytes_per_article']:,.0f}",
                    "-" if c.get("bytes_per_hot_article") is None
                    else f"{c['bytes_per_hot_article']:,.0f}",
                    "-" if c.get("hot_articles") is None else f"{c['hot_articles']:,}",
                    "-" if margin is None else f"{margin:,.0f}",
                    "-" if c["stories"] is None else f"{c['stories']:,}",
                    f"{c['elapsed_s']:.0f}"])
    return out


HEADERS: Final = ("articles", "add median µs", "p90", "p99", "mean", "dedup median µs",
                  "RSS MiB", "bytes/article", "bytes/hot article", "hot articles",
                  "bytes/hot article, marginal", "stories", "elapsed s")


def print_table(report: dict[str, Any], console: Console) -> None:
    settings = report["settings"]
    table = Table(title=f"{report['clusterer']}: {settings['per_day']:,} articles a day, "
                        f"window of {settings['window']:,} articles per checkpoint")
    for header in HEADERS:
        table.add_column(header, justify="right")
    for row in rows(report):
        table.add_row(*row)
    console.print(table)


def markdown(report: dict[str, Any]) -> str:
    settings = report["settings"]
    return "\n".join([
        "# Story clustering benchmark",
        "",
        "Written by `bench/cluster.py`; what is measured: its docstring and bench/README.md.",
        "",
        f"Clusterer: {report['clusterer']}. Stream: lightweight articles (headline and 2-3 "
        f"sentences), {settings['per_day']:,} a day. Times are of one `add()` per article, "
        f"over the {settings['window']:,} articles before each checkpoint. Memory: resident "
        f"set growth since the first article (baseline {report['baseline_rss_mib']} MiB), "
        f"per article added.",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "| " + " | ".join("---:" for _ in HEADERS) + " |",
        *("| " + " | ".join(r) + " |" for r in rows(report)),
        "",
        *_extra_tables(report),
        f"Machine: {report['environment']['cpus']} CPUs, Python "
        f"{report['environment']['python']}, {report['environment']['platform']}.",
        "",
    ])


def _extra_tables(report: dict[str, Any]) -> list[str]:
    """The baseline comparison (--baseline-blas) and the parts of an add (--phases)."""
    lines: list[str] = []
    cpu = [c for c in report["checkpoints"] if c.get("add_cpu_us")]
    if cpu:
        lines += ["CPU time of one `add()` (process time: on a shared machine the wall times "
                  "above include waiting for a core; one BLAS thread, so CPU time is the "
                  "work done):", "",
                  "| articles | CPU median µs | p90 | p99 | mean | wall / CPU (median) |",
                  "| ---: " * 6 + "|"]
        for c in cpu:
            t = c["add_cpu_us"]
            ratio = c["add_us"]["median"] / t["median"] if t["median"] else float("nan")
            lines.append(f"| {c['articles']:,} | {t['median']:.0f} | {t['p90']:.0f} | "
                         f"{t['p99']:.0f} | {t['mean']:.0f} | {ratio:.1f} |")
        lines.append("")
    paired = [c for c in report["checkpoints"] if c.get("ratio_to_baseline")]
    if paired:
        lines += ["Same stream, same run: BLAS left its threads (before) against one BLAS "
                  "thread (now), adds interleaved.", "",
                  "| articles | before median µs | before p99 | now median µs | now p99 "
                  "| median now/before | p99 now/before |", "| ---: " * 7 + "|"]
        for c in paired:
            b, n, r = c["baseline_add_us"], c["add_us"], c["ratio_to_baseline"]
            lines.append(f"| {c['articles']:,} | {b['median']:.0f} | {b['p99']:.0f} | "
                         f"{n['median']:.0f} | {n['p99']:.0f} | {r['median']:.2f} | "
                         f"{r['p99']:.2f} |")
        lines.append("")
    timed = [c for c in report["checkpoints"] if c.get("phases_ms")]
    if timed:
        parts = sorted({p for c in timed for p in c["phases_ms"]["all"]} - {"total"})
        lines += ["Parts of an add, mean ms over the window / over its slowest 1%:", "",
                  "| articles | " + " | ".join(parts) + " | total |",
                  "| ---: " * (len(parts) + 2) + "|"]
        for c in timed:
            a, t = c["phases_ms"]["all"], c["phases_ms"]["slowest_1pct"]
            cells = [f"{a.get(p, 0):.1f} / {t.get(p, 0):.1f}" for p in [*parts, "total"]]
            lines.append(f"| {c['articles']:,} | " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def write(report: dict[str, Any], directory: Path) -> None:
    write_report(directory, "cluster", report, markdown)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--max-articles", type=int, default=1_000_000)
    parser.add_argument("--per-day", type=float, default=2_740.0,
                        help="articles published a day (default 2740: a million a year)")
    parser.add_argument("--window", type=int, default=2_000,
                        help="articles timed before each checkpoint (default 2000)")
    parser.add_argument("--time-limit", type=float, default=1_200.0,
                        help="stop at the next checkpoint after this many seconds")
    parser.add_argument("--dedup", action="store_true",
                        help="also run and time near-duplicate detection per article")
    parser.add_argument("--stand-in", action="store_true",
                        help="a trivial clusterer, to test this script (numbers meaningless)")
    parser.add_argument("--state", type=Path, default=None,
                        help="folder for the saved state of a long run (see the docstring)")
    parser.add_argument("--save-every", type=int, default=25_000)
    parser.add_argument("--resume", action="store_true", help="go on from --state")
    parser.add_argument("--checkpoints", default=",".join(map(str, CHECKPOINTS)),
                        help="articles at which to measure, comma-separated")
    parser.add_argument("--release-every", type=int, default=2_000,
                        help="hand over frozen stories every N articles (0: keep them)")
    parser.add_argument("--phases", action="store_true",
                        help="also time the parts of each add (see the docstring)")
    parser.add_argument("--baseline-blas", action="store_true",
                        help="also time a clusterer that leaves BLAS its threads (before)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if (args.resume or args.state) and (args.dedup or args.stand_in):
        parser.error("--state and --resume cannot be combined with --dedup or --stand-in")
    if args.resume and args.state is None:
        parser.error("--resume needs --state")
    marks = tuple(sorted(int(c) for c in args.checkpoints.split(",") if c.strip()))
    settings = Settings(args.max_articles, args.per_day, args.window, args.time_limit,
                        args.dedup, args.stand_in, args.state, args.save_every, args.resume,
                        marks, args.release_every, args.phases,
                        None if args.no_write else args.out, args.baseline_blas)
    console = Console()
    report = run(settings, console)
    print_table(report, console)
    if not args.no_write:
        write(report, args.out)
        console.print(f"wrote {args.out / 'cluster.json'} and cluster.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
