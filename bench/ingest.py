"""Ingestion benchmark: how many articles a second newsprism reads, and where time goes.

Run: ``.venv/bin/python bench/ingest.py [--articles 10000] [--repeats 1] [--out bench/results]``.

On a synthetic corpus (see ``bench/corpus.py``) written to a temporary directory, it
measures, in one process and one run:

* ``text``: plain-text files through :func:`~newsprism.ingest.pipeline.read_inputs` (read,
  decode, clean, language, id);
* ``html``: the same articles as HTML pages through ``read_inputs`` (trafilatura
  extraction and htmldate, then the same cleaning, language and id);
* ``trafilatura``: ``trafilatura.bare_extraction`` alone on the same HTML strings, with
  the arguments :func:`~newsprism.ingest.html.read_html` uses (it lets trafilatura parse
  the string; read_html parses first and passes the tree, the same work); ``html`` /
  ``trafilatura`` time is newsprism's overhead ratio (the two alternate, chunk by chunk);
* ``warc``: the same pages as response records of one gzipped WARC, through ``read_inputs``;
* ``text+store``: text files through :func:`~newsprism.ingest.batch.ingest` into a fresh
  SQLite store on disk (the store's own write time is timed apart);
* ``decode`` / ``clean`` / ``language`` / ``id``: each stage of ``build_article`` alone
  over the text bodies, for the per-stage share of the text pipeline.

Each pass is split into 5 equal chunks of articles; the median chunk throughput is the
figure quoted, with min and max. The first chunk of a pipeline pass pays one-off
start-up (language model load, first imports); the median leaves it out, the overall
figure keeps it. ``--repeats R`` runs every pass R times over the same corpus (one after
the other, so that drift in machine load spreads over all of them) and pools the chunks:
medians are then over 5R chunks. Peak RSS (``getrusage``) is taken after each pass. Results go to
``<out>/ingest.json`` and ``<out>/ingest.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import trafilatura
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from _results import write_report
from corpus import DEFAULT_SEED, CorpusFiles, write_corpus
from newsprism.ingest.batch import BATCH_SIZE, ingest
from newsprism.ingest.clean import CleanOptions, clean_scraped_text
from newsprism.ingest.decode import decode_text
from newsprism.ingest.html import _DATE_PARAMS  # the very parameters read_html passes
from newsprism.ingest.identity import streaming_article_id
from newsprism.ingest.language import LanguageDetector
from newsprism.ingest.pipeline import read_inputs
from newsprism.ingest.sources import Input, expand_inputs
from newsprism.model import Article, IngestFailure
from newsprism.store import AddResult, Store

CHUNKS = 5
Advance = Callable[[int], None]


# --- measurements ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chunk:
    """One timed slice of a pass."""

    articles: int
    seconds: float
    # This process's CPU time over the chunk (``time.process_time``): on a shared machine
    # wall time also counts the time other processes held the cores, CPU time does not.
    cpu_seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else float("inf")


@dataclass(frozen=True)
class Measurement:
    """One pass: its chunks, failures, and extra figures (e.g. the store's write time)."""

    name: str
    what: str
    chunks: tuple[Chunk, ...]
    failures: int = 0
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        return sum(c.articles for c in self.chunks)

    @property
    def seconds(self) -> float:
        return sum(c.seconds for c in self.chunks)

    @property
    def median_rate(self) -> float:
        return statistics.median(c.rate for c in self.chunks)

    @property
    def ms_per_article(self) -> float:
        """Median milliseconds per article (from the median chunk throughput)."""
        return 1000 / self.median_rate

    def merged(self, other: Measurement) -> Measurement:
        """This pass and a repeat of it as one measurement: chunks pooled, extras combined."""
        extra = {k: _MERGE_EXTRA.get(k, max)(v, other.extra[k]) for k, v in self.extra.items()}
        if "store_write_seconds" in extra:
            extra["store_write_share"] = extra["store_write_seconds"] / (
                self.seconds + other.seconds
            )
        chunks = self.chunks + other.chunks
        return Measurement(self.name, self.what, chunks, self.failures + other.failures, extra)

    def to_dict(self) -> dict[str, Any]:
        rates = [c.rate for c in self.chunks]
        return {
            "name": self.name,
            "what": self.what,
            "articles": self.articles,
            "failures": self.failures,
            "seconds": round(self.seconds, 4),
            "median_articles_per_s": round(self.median_rate, 2),
            "min_articles_per_s": round(min(rates), 2),
            "max_articles_per_s": round(max(rates), 2),
            "overall_articles_per_s": round(self.articles / self.seconds, 2),
            "median_ms_per_article": round(self.ms_per_article, 3),
            "chunks": [
                {
                    "articles": c.articles,
                    "seconds": round(c.seconds, 4),
                    "cpu_seconds": round(c.cpu_seconds, 4),
                }
                for c in self.chunks
            ],
            **{k: round(v, 4) for k, v in self.extra.items()},
        }


# How the extra figures of repeats of one pass combine (the rest: the largest).
_MERGE_EXTRA: dict[str, Callable[[float, float], float]] = {
    "store_write_seconds": lambda a, b: a + b,
    "stored_articles": min,  # every repeat's store must hold the whole corpus
}


def chunk_sizes(total: int, parts: int = CHUNKS) -> list[int]:
    """``total`` split into ``parts`` sizes differing by at most one (no empty part)."""
    parts = max(1, min(parts, total))
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def slices(items: Sequence[Any], sizes: Iterable[int]) -> Iterator[Sequence[Any]]:
    start = 0
    for size in sizes:
        yield items[start : start + size]
        start += size


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- pipeline passes -------------------------------------------------------------------


def drain(items: Iterator[Article | IngestFailure], count: int, advance: Advance) -> int:
    """Pull ``count`` items from a ``read_inputs`` stream; return how many were failures."""
    failures = 0
    for _, item in zip(range(count), items, strict=False):
        failures += isinstance(item, IngestFailure)
        advance(1)
    return failures


def time_stream(
    items: Iterator[Article | IngestFailure], sizes: Sequence[int], advance: Advance
) -> tuple[list[Chunk], int]:
    """Consume a stream in chunks of ``sizes`` items, timing each chunk."""
    chunks: list[Chunk] = []
    failures = 0
    for size in sizes:
        start, cpu = time.perf_counter(), time.process_time()
        failures += drain(items, size, advance)
        chunks.append(Chunk(size, time.perf_counter() - start, time.process_time() - cpu))
    return chunks, failures


def measure_stream(
    name: str, what: str, sources: list[Input | str], articles: int, advance: Advance
) -> Measurement:
    """``read_inputs`` over ``sources`` (yielding ``articles`` items), chunk by chunk."""
    stream = read_inputs(sources)
    chunks, failures = time_stream(stream, chunk_sizes(articles), advance)
    failures += drain(stream, sys.maxsize, lambda _: None)  # nothing should be left
    return Measurement(name, what, tuple(chunks), failures)


def extract_baseline(pages: Sequence[str]) -> tuple[float, float, int]:
    """trafilatura alone, with read_html's arguments: (seconds, CPU seconds, pages with no
    result)."""
    misses = 0
    start, cpu = time.perf_counter(), time.process_time()
    for page in pages:
        doc = trafilatura.bare_extraction(
            page,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
        misses += getattr(doc, "body", None) is None  # None, or no text found
    return time.perf_counter() - start, time.process_time() - cpu, misses


def measure_html(inputs: list[Input], advance: Advance) -> tuple[Measurement, Measurement]:
    """Our HTML pass and trafilatura alone, chunk by chunk on the same pages.

    The two alternate which goes first in each chunk, so that neither always finds the
    other's caches (lxml, htmldate) warm.
    """
    stream = read_inputs(inputs)
    ours: list[Chunk] = []
    base: list[Chunk] = []
    failures = misses = 0
    for index, chunk in enumerate(slices(inputs, chunk_sizes(len(inputs)))):
        pages = [Path(i.source).read_text("utf-8") for i in chunk]
        for step in (("ours", "base") if index % 2 == 0 else ("base", "ours")):
            if step == "ours":
                start, cpu = time.perf_counter(), time.process_time()
                failures += drain(stream, len(chunk), advance)
                ours.append(
                    Chunk(len(chunk), time.perf_counter() - start, time.process_time() - cpu)
                )
            else:
                seconds, cpu_seconds, missed = extract_baseline(pages)
                misses += missed
                base.append(Chunk(len(chunk), seconds, cpu_seconds))
                advance(len(chunk))
    failures += drain(stream, sys.maxsize, lambda _: None)
    return (
        Measurement("html", "HTML files via read_inputs (full pipeline)", tuple(ours), failures),
        Measurement(
            "trafilatura", "trafilatura.bare_extraction alone, same pages", tuple(base), misses
        ),
    )


class TimedStore(Store):
    """A store that adds up the time spent in :meth:`add_articles` (the write cost)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self.write_seconds = 0.0

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        start = time.perf_counter()
        try:
            return super().add_articles(articles)
        finally:
            self.write_seconds += time.perf_counter() - start


def measure_store(inputs: list[Input], db_path: Path, advance: Advance) -> Measurement:
    """``ingest()`` of the text files into a fresh on-disk store, chunked by inputs read."""
    sizes = chunk_sizes(len(inputs))
    bounds = {sum(sizes[: i + 1]) for i in range(len(sizes) - 1)}
    marks: list[float] = []
    read = 0

    def on_input_done(_: Input | IngestFailure) -> None:
        nonlocal read
        read += 1
        advance(1)
        if read in bounds:
            marks.append(time.perf_counter())

    store = TimedStore(db_path)
    with store:
        marks.append(time.perf_counter())
        report = ingest(store, inputs, on_input_done=on_input_done)
        marks.append(time.perf_counter())
        stored = store.count_articles()
        write_seconds = store.write_seconds
    chunks = tuple(Chunk(n, marks[i + 1] - marks[i]) for i, n in enumerate(sizes))
    extra = {
        "store_write_seconds": write_seconds,
        "store_write_share": write_seconds / (marks[-1] - marks[0]),
        "stored_articles": stored,
        "db_megabytes": sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*"))
        / 2**20,
    }
    return Measurement(
        "text+store",
        f"text files via ingest() into a fresh SQLite store ({BATCH_SIZE} per transaction)",
        chunks,
        len(report.failures),
        extra,
    )


# --- text pipeline and its stages ------------------------------------------------------

STAGES: dict[str, str] = {
    "read": "reading the text files alone (open + read)",
    "decode": "decode_text alone (charset detection, Unicode decoding)",
    "clean": "clean_scraped_text alone over the text bodies",
    "language": "LanguageDetector.detect alone over the clean texts",
    "id": "streaming_article_id alone (normalize + SHA-256), as build_article calls it",
}


@dataclass
class StageClock:
    """Seconds per stage for one chunk."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    def timed(self, stage: str, call: Callable[..., Any], *args: Any) -> Any:
        start = time.perf_counter()
        result = call(*args)
        self.seconds[stage] += time.perf_counter() - start
        return result


def time_stages(chunk: Sequence[Input], languages: LanguageDetector) -> StageClock:
    """Each step of reading a text file and of ``build_article``, on its own.

    The outlet passed to the id is the file's stem, as in the pipeline.
    """
    clock = StageClock()
    options = CleanOptions()
    for found in chunk:
        data = clock.timed("read", Path(found.source).read_bytes)
        body = clock.timed("decode", decode_text, data, found.source)
        cleaned = clock.timed("clean", clean_scraped_text, body, options)
        clock.timed("language", languages.detect, cleaned.text)
        clock.timed("id", streaming_article_id, found.stem, cleaned.text)
    return clock


def measure_text(inputs: list[Input], advance: Advance) -> list[Measurement]:
    """Text files through ``read_inputs``, and each stage alone, chunk by chunk.

    In each chunk the pipeline and the stage timings run on the same files, alternating
    which goes first, so the stage shares are not skewed by drift in machine load.
    """
    stream = read_inputs(inputs)
    start = time.perf_counter()
    languages = LanguageDetector()
    load_seconds = time.perf_counter() - start
    pipeline: list[Chunk] = []
    clocks: list[tuple[int, StageClock]] = []
    failures = 0
    for index, chunk in enumerate(slices(inputs, chunk_sizes(len(inputs)))):
        for step in ("ours", "stages") if index % 2 == 0 else ("stages", "ours"):
            if step == "ours":
                start, cpu = time.perf_counter(), time.process_time()
                failures += drain(stream, len(chunk), advance)
                pipeline.append(
                    Chunk(len(chunk), time.perf_counter() - start, time.process_time() - cpu)
                )
            else:
                clocks.append((len(chunk), time_stages(chunk, languages)))
                advance(len(chunk))
    failures += drain(stream, sys.maxsize, lambda _: None)
    what = "text files via read_inputs (full pipeline)"
    text = Measurement("text", what, tuple(pipeline), failures)
    return [text] + [
        Measurement(
            name,
            what,
            tuple(Chunk(n, clock.seconds[name]) for n, clock in clocks),
            extra={"model_load_seconds": load_seconds} if name == "language" else {},
        )
        for name, what in STAGES.items()
    ]


# --- the run ---------------------------------------------------------------------------


@dataclass
class Run:
    """What one benchmark run measured, and the peak RSS after each pass."""

    articles: int
    seed: int
    repeats: int = 1
    corpus: CorpusFiles | None = None
    corpus_seconds: float = 0.0
    measurements: list[Measurement] = field(default_factory=list)
    rss_mb: dict[str, float] = field(default_factory=dict)
    # 1-minute load average at the start and at the end: on a shared machine it says how
    # far the wall-clock figures are upper bounds.
    load: dict[str, float] = field(default_factory=dict)

    def add(self, *measurements: Measurement) -> None:
        """Record passes; a repeat of a pass already recorded is pooled with it."""
        for measurement in measurements:
            names = [m.name for m in self.measurements]
            if measurement.name in names:
                i = names.index(measurement.name)
                self.measurements[i] = self.measurements[i].merged(measurement)
            else:
                self.measurements.append(measurement)
        self.rss_mb[measurements[0].name] = round(peak_rss_mb(), 1)

    def get(self, name: str) -> Measurement:
        return next(m for m in self.measurements if m.name == name)


def progress_bar(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description:<34}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        refresh_per_second=4,
    )


def planned(folder: Path) -> list[Input]:
    """The files under ``folder`` as read_inputs would walk them (names only)."""
    return [i for i in expand_inputs([str(folder)]) if isinstance(i, Input)]


def make_corpus(run: Run, root: Path, progress: Progress) -> CorpusFiles:
    task = progress.add_task("writing corpus (text, HTML, WARC)", total=run.articles)
    start = time.perf_counter()
    files = write_corpus(root, run.articles, run.seed, lambda: progress.advance(task))
    run.corpus_seconds = time.perf_counter() - start
    run.corpus = files
    run.rss_mb["corpus"] = round(peak_rss_mb(), 1)
    return files


def run_passes(run: Run, root: Path, progress: Progress) -> None:
    files = make_corpus(run, root, progress)
    text_inputs, html_inputs = planned(root / "text"), planned(root / "html")
    n = run.articles

    def step(description: str, total: int) -> Advance:
        task = progress.add_task(description, total=total)
        return lambda k: progress.advance(task, k)

    # The text pass goes last: it holds a second language model (for its stage timings),
    # so the peak RSS after the other passes is the pipeline's own (in the first repeat).
    for r in range(run.repeats):
        of = f" ({r + 1}/{run.repeats})" if run.repeats > 1 else ""
        run.add(*measure_html(html_inputs, step("HTML files + trafilatura alone" + of, 2 * n)))
        run.add(measure_stream("warc", "one gzipped WARC via read_inputs (full pipeline)",
                               [files.warc_path], n, step("WARC -> read_inputs" + of, n)))
        run.add(measure_store(text_inputs, root / "store" / f"bench{r}.db",
                              step("text files -> ingest() + store" + of, n)))
        run.add(*measure_text(text_inputs, step("text files + stages alone" + of, 2 * n)))


# --- reporting -------------------------------------------------------------------------


def derived(run: Run) -> dict[str, Any]:
    """Ratios and shares computed from the measurements."""
    html, base, text = run.get("html"), run.get("trafilatura"), run.get("text")
    paired = [o.seconds / b.seconds for o, b in zip(html.chunks, base.chunks, strict=True)]
    paired_cpu = [
        o.cpu_seconds / b.cpu_seconds for o, b in zip(html.chunks, base.chunks, strict=True)
    ]
    text_cpu = statistics.median(c.articles / c.cpu_seconds for c in text.chunks)
    stage_ms = {s: run.get(s).ms_per_article for s in STAGES}
    store = run.get("text+store")
    return {
        "html_overhead_ratio_median": round(statistics.median(paired), 3),
        "html_overhead_ratio_min": round(min(paired), 3),
        "html_overhead_ratio_max": round(max(paired), 3),
        "html_ms_outside_trafilatura": round(html.ms_per_article - base.ms_per_article, 3),
        "html_overhead_ratio_cpu_median": round(statistics.median(paired_cpu), 3),
        "html_overhead_ratio_cpu_min": round(min(paired_cpu), 3),
        "html_overhead_ratio_cpu_max": round(max(paired_cpu), 3),
        "text_articles_per_cpu_s_median": round(text_cpu, 1),
        "text_stage_share_of_pipeline": {
            s: round(ms / text.ms_per_article, 3) for s, ms in stage_ms.items()
        },
        "text_rest_share_of_pipeline": round(1 - sum(stage_ms.values()) / text.ms_per_article, 3),
        "store_write_share_of_ingest": round(store.extra["store_write_share"], 3),
        "store_write_ms_per_article": round(
            1000 * store.extra["store_write_seconds"] / store.articles, 3
        ),
    }


def results_json(run: Run, wall_seconds: float) -> dict[str, Any]:
    corpus = run.corpus
    assert corpus is not None
    return {
        "benchmark": "ingest",
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": {"articles": run.articles, "seed": run.seed, "chunks": CHUNKS,
                       "repeats": run.repeats, "store_batch_size": BATCH_SIZE},
        "environment": {
            "python": sys.version.split()[0],
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "newsprism": version("newsprism"),
            "trafilatura": version("trafilatura"),
            "htmldate": version("htmldate"),
            "sqlite": sqlite3.sqlite_version,
        },
        "corpus": {
            "articles": run.articles,
            "words": corpus.words,
            "mean_words_per_article": round(corpus.words / run.articles, 1),
            "text_megabytes": round(corpus.text_bytes / 2**20, 2),
            "html_megabytes": round(corpus.html_bytes / 2**20, 2),
            "warc_gz_megabytes": round(corpus.warc_bytes / 2**20, 2),
            "generation_seconds": round(run.corpus_seconds, 2),
        },
        "measurements": [m.to_dict() for m in run.measurements],
        "derived": derived(run),
        "peak_rss_mb_after": run.rss_mb,
        "load_average_1min": run.load,
        "wall_seconds": round(wall_seconds, 1),
    }


def markdown(results: dict[str, Any]) -> str:
    """A small Markdown report: the throughput table, then the derived figures."""
    env, params, d = results["environment"], results["parameters"], results["derived"]
    repeats = params.get("repeats", 1)
    load = results.get("load_average_1min", {})
    lines = [
        f"# Ingest benchmark: {params['articles']:,} articles",
        "",
        f"Python {env['python']}, {env['cpu_count']} CPUs, trafilatura {env['trafilatura']}, "
        f"{results['finished_at']}. Every pass ran {repeats} time(s) over the corpus; "
        f"throughput is the median of {repeats * params['chunks']} chunks "
        "(min-max in brackets); overall includes start-up.",
        "",
        "| pass | articles | median art/s | [min - max] | overall art/s | ms/article | total s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    order = ["text", "html", "trafilatura", "warc", "text+store", *STAGES]
    for m in sorted(results["measurements"], key=lambda m: order.index(m["name"])):
        lines.append(
            f"| {m['name']} | {m['articles']:,} | {m['median_articles_per_s']:,.1f} "
            f"| [{m['min_articles_per_s']:,.1f} - {m['max_articles_per_s']:,.1f}] "
            f"| {m['overall_articles_per_s']:,.1f} | {m['median_ms_per_article']:.3f} "
            f"| {m['seconds']:.1f} |"
        )
    shares = ", ".join(f"{k} {v:.0%}" for k, v in d["text_stage_share_of_pipeline"].items())
    lines += [
        "",
        f"- HTML overhead ratio (ours / trafilatura alone, paired chunks): "
        f"**{d['html_overhead_ratio_median']:.2f}x** [{d['html_overhead_ratio_min']:.2f} - "
        f"{d['html_overhead_ratio_max']:.2f}]; {d['html_ms_outside_trafilatura']:.2f} ms per "
        "article outside trafilatura; in CPU time (this process only, less sensitive to "
        f"a busy machine) **{d['html_overhead_ratio_cpu_median']:.2f}x** "
        f"[{d['html_overhead_ratio_cpu_min']:.2f} - {d['html_overhead_ratio_cpu_max']:.2f}]",
        f"- Text pipeline per CPU second (median chunk): "
        f"{d['text_articles_per_cpu_s_median']:,.1f} articles",
        f"- Text pipeline time by stage (stages timed alone): {shares}, rest (plumbing, noise) "
        f"{d['text_rest_share_of_pipeline']:.0%}",
        f"- Store writes: {d['store_write_share_of_ingest']:.0%} of ingest() time, "
        f"{d['store_write_ms_per_article']:.2f} ms per article",
        "- Peak RSS (MiB) after each pass: "
        + ", ".join(f"{k} {v:.0f}" for k, v in results["peak_rss_mb_after"].items())
        + " (the last pass holds a second language model, for its stage timings)",
        f"- Load average (1 min) at start {load.get('start', 0):.1f}, at end "
        f"{load.get('end', 0):.1f} on {env['cpu_count']} CPUs: "
        + (
            "above the CPU count, other work shared the cores and the wall-clock figures "
            "are upper bounds (read the CPU-time ones)"
            if max(load.get("start", 0), load.get("end", 0)) > env["cpu_count"]
            else "under the CPU count (a quiet machine)"
        ),
        f"- Corpus: {results['corpus']['mean_words_per_article']:.0f} words per article on "
        f"average; written in {results['corpus']['generation_seconds']:.0f} s; whole run "
        f"{results['wall_seconds']:.0f} s",
    ]
    return "\n".join(lines) + "\n"


def write_results(results: dict[str, Any], out: Path) -> str:
    return write_report(out, "ingest", results, markdown)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results",
                        help="folder for ingest.json and ingest.md (default bench/results)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument("--repeats", type=int, default=1,
                        help="run every pass this many times over the corpus, chunks pooled")
    args = parser.parse_args(argv)
    if args.articles < CHUNKS:
        parser.error(f"--articles must be at least {CHUNKS}")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    console = Console()
    run = Run(args.articles, args.seed, args.repeats, load={"start": os.getloadavg()[0]})
    start = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="newsprism-bench-") as tmp,
        progress_bar(console) as bar,
    ):
        run_passes(run, Path(tmp), bar)
    run.load["end"] = os.getloadavg()[0]
    table = write_results(results_json(run, time.perf_counter() - start), args.out)
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
