"""The distributed backfill: reading, cleaning and analysis on a Dask cluster.

What runs where
    * client (the ``newsprism analyze`` process): expands the paths (names only), plans
      shards, is the one writer of the store (articles, then their analyses, shard by
      shard in shard order), then groups the stories and writes the briefs exactly as
      the local engine does.
    * workers: split large WARC / JSONL files into byte ranges on record boundaries
      (:func:`newsprism.ingest.shards.split_input`, which reads the file once), then per
      shard read the records, clean them into articles and analyse them with one spaCy
      pipeline per worker process (loaded on the first shard, kept after).
    * standard input, which only the client can read, is read and analysed on the
      client with the same function.

What crosses the network
    * out: file paths, byte offsets and line numbers (a few hundred bytes a shard) and
      the run's options. Workers open the files themselves, so every worker must see the
      input at the same path as the client.
    * back: per shard, its :class:`~newsprism.model.Article` records (the cleaned text
      and metadata, roughly the size of the text: 3-6 KB for a news article), each
      article's analysis already encoded as the store keeps it
      (:class:`~newsprism.store_analyses.EncodedAnalysis`: the JSON of its sentences,
      entities, quotes, quantities and dates, typically 10-20 KB) and the failures and
      warnings, one line each. Raw HTML never comes back.

The client's share of the work is kept small because on a small machine it runs on the
workers' cores: the workers encode the analyses (the costliest part of saving one), and
the client reads each shard's analyses back from the store (as the local engine returns
them) while the workers analyse the next shards, not all at the end.

Order: results are written in shard order whatever order the workers finish in, and a
shard's articles in their order in the input, so the store, the stories and the report
are those of a local run. At most ``window`` shards are in flight, which bounds the
client's memory to a few shards' results.

Failures: a bad input or record is a failure in the report, as locally; a shard whose
task fails on the worker (the worker died, the file vanished) becomes one failure per
input it held, and the other shards go on.
"""

from __future__ import annotations

import functools
import logging
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from queue import Empty, SimpleQueue
from typing import TYPE_CHECKING, Any

from newsprism.analyze.analyzer import ANALYZER_VERSION, AnalyzeOptions, Analyzer, ErrorPolicy
from newsprism.analyze.batch import AnalysisRun
from newsprism.engine.base import EngineRun, ProgressFactory
from newsprism.errors import AnalysisFailure, EngineError, ExtraMissing, describe
from newsprism.ingest.batch import (
    BATCH_SIZE,
    ArticleBatch,
    IngestReport,
    ingest,
    without_store_files,
)
from newsprism.ingest.pipeline import IngestOptions, WarningHandler
from newsprism.ingest.shards import InputTally, Piece, rangeable, read_pieces, split_input
from newsprism.ingest.sources import Input, InputKind
from newsprism.model import Analysis, Article, IngestFailure, IngestWarning
from newsprism.store import Store
from newsprism.store_analyses import EncodedAnalysis
from newsprism.store_versions import text_hash

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

logger = logging.getLogger(__name__)

# Shards per worker thread: 4 lets a fast worker take over a slow one's share at the end
# of a run (with 1 the run waits on the slowest shard), while the per-shard overhead
# (a task round trip, a few ms) stays far under a shard's analysis time (seconds).
SHARDS_PER_THREAD = 4
# Bounds on a shard's bytes. 16 KB is 3-6 articles (JSONL, gzipped WARC), about a second
# of analysis on a core, against a task round trip of a few ms; above 32 MB a failed
# shard costs minutes to redo and the client holds too much at once.
MIN_SHARD_BYTES = 16 * 1024
MAX_SHARD_BYTES = 32 * 1024 * 1024
# Most whole inputs (single files) in one shard, however small they are.
MAX_SHARD_INPUTS = 64
# How long to wait for a scheduler given with --scheduler.
CONNECT_TIMEOUT_S = 10
# Dask's background chores on the local cluster, which nobody watches (no dashboard):
# with dask's defaults an idle 2-worker LocalCluster burnt ~60 ms of CPU a second in
# this process (scheduler, nannies) and ~42 in each worker, 7% of 2 cores, taken from
# the analysis when the workers fill the cores; with these, 10-12 and 5 (measured with
# `client.run(time.process_time)` over 10 s idle, load 7-8). Most of it: the workers'
# statistical profiler (a walk of the running thread's stack every 10 ms, for the
# dashboard) and every server's event-loop health tick (every 20 ms; at 1 s it still
# sees a loop blocked past dask's 3 s warning). Memory is checked every second instead
# of 100 ms (a shard takes seconds to analyse), host statistics every 5 s.
QUIET_CLUSTER: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.deploy.cluster-repr-interval": "10s",
}


@dataclass
class ShardResult:
    """What one shard gave: its items in input order, warnings, the analyses of its
    articles (one per distinct article), the number of inputs it started and, per
    piece, whether it yielded anything."""

    index: int
    items: list[Article | IngestFailure]
    warnings: list[IngestWarning] = field(default_factory=list)
    outcomes: list[EncodedAnalysis | AnalysisFailure] = field(default_factory=list)
    inputs: int = 0
    produced: list[bool] = field(default_factory=list)
    # Ids of the articles whose outlet is only their file's name (read_pieces'
    # on_guessed_outlet): the writer's batch keeps the stored outlet for them.
    guessed_outlets: list[str] = field(default_factory=list)


def run_shard(
    index: int, pieces: Sequence[Piece], ingest: IngestOptions, analyze: AnalyzeOptions
) -> ShardResult:
    """Read, clean and analyse one shard (the task each worker runs)."""
    warnings: list[IngestWarning] = []
    produced: list[bool] = []
    guessed: list[str] = []

    def on_piece(_: Piece, yielded: bool) -> None:
        produced.append(yielded)

    items = list(read_pieces(pieces, ingest, warnings.append, on_piece, guessed.append))
    tell_client(warnings)  # before the analysis, which may take minutes
    articles = list({a.id: a for a in items if isinstance(a, Article)}.values())
    outcomes = [_encoded(o) for o in _analyzer(analyze).outcomes(articles, "record")]
    inputs = sum(1 for p in pieces if p.first)
    return ShardResult(index, items, warnings, outcomes, inputs, produced, guessed)


def _encoded(outcome: Analysis | AnalysisFailure) -> EncodedAnalysis | AnalysisFailure:
    return EncodedAnalysis.of(outcome) if isinstance(outcome, Analysis) else outcome


ShardTask = Callable[[int, Sequence[Piece], IngestOptions, AnalyzeOptions], ShardResult]

# A run's shard tasks are keyed "newsprism-shard-RUN-INDEX" (RUN: a fresh hex token, so
# two runs on one scheduler never share a task) and its workers' read warnings travel as
# events [RUN, INDEX, warnings] on one topic for all runs: the scheduler keeps a topic's
# events whether or not anyone listens (at most distributed.scheduler.events-log-length
# of them), and a topic per run left every run's warnings in a long-lived scheduler.
_SHARD_KEY = "newsprism-shard-"
WARNINGS_TOPIC = "newsprism-warnings"
# How often the client looks for warnings while it waits on a shard, in seconds.
WARNING_POLL_S = 0.2


def tell_client(warnings: Sequence[IngestWarning]) -> None:
    """Send a shard's read warnings to the client now, as an event of the running
    task's worker (nothing off a worker: the client's own standard-input shard). The
    result carries them too, but only once the shard's analysis is done: "analysing it
    takes minutes" came after those minutes."""
    if not warnings:
        return
    try:
        from distributed import get_worker

        worker = get_worker()
        key = worker.get_current_task()
    except (ImportError, ValueError):
        return
    if not isinstance(key, str) or not key.startswith(_SHARD_KEY):
        return  # a task of another client
    run, _, index = key[len(_SHARD_KEY) :].rpartition("-")
    told = [[w.source, w.message] for w in warnings]
    worker.log_event(WARNINGS_TOPIC, [run, int(index), told])


@functools.cache
def _analyzer(options: AnalyzeOptions) -> Analyzer:
    """One Analyzer per worker process, loaded on its first shard and kept."""
    return Analyzer(options)


def load_analyzer(errors: ErrorPolicy = "record") -> None:
    """Load the worker's Analyzer now (``client.run(load_analyzer)`` warms every worker
    before a timed run); the engine's shards then find it loaded."""
    _analyzer(AnalyzeOptions(errors=errors))


@dataclass(frozen=True)
class DaskEngine:
    """Reading, cleaning and analysis on a Dask cluster: the one at ``scheduler``, or a
    ``LocalCluster`` of ``workers`` processes (default: one per CPU) when None.

    ``shard_bytes`` fixes the shard size (default: the input's bytes spread as
    ``SHARDS_PER_THREAD`` shards per worker thread, within the bounds above); ``task``
    is what a worker runs per shard (:func:`run_shard`; tests put a failing one there).
    """

    scheduler: str | None = None
    workers: int | None = None
    shard_bytes: int | None = None
    task: ShardTask = run_shard
    name: str = "dask"

    def run(
        self,
        store: Store,
        inputs: Sequence[Input | IngestFailure],
        ingest_options: IngestOptions,
        analyze_options: AnalyzeOptions,
        progress: ProgressFactory,
        on_warning: WarningHandler | None = None,
    ) -> EngineRun:
        analyze = AnalyzeOptions(
            batch_size=analyze_options.batch_size,
            errors=analyze_options.errors,
            chunk_chars=analyze_options.chunk_chars,
        )
        # Not the store's own files (a store kept in the folder read), as ingest() skips
        # them; planned inputs hold no names to expand, the isinstance only narrows the type.
        inputs = [
            i for i in without_store_files(inputs, store.path, None) if not isinstance(i, str)
        ]
        if not any(isinstance(i, Input) for i in inputs):
            # Nothing to read (an empty folder, a pattern matching no file): each input is
            # its failure already. Starting a cluster first cost ~15 s to say so.
            logger.info("no input to read; no cluster started")
            report = ingest(store, inputs, ingest_options)
            return EngineRun(report, AnalysisRun({}, []))
        with self._client() as client:
            threads = max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]
            target = self.shard_bytes or _target_bytes(inputs, threads)
            shards = _shards(_split(client, inputs, target), target)
            logger.info("%d inputs in %d shards of ~%d bytes", len(inputs), len(shards), target)
            writer = _Writer(store)
            advance = progress("reading and analysing", len(shards))
            flight = _Flight(client, self.task, shards, ingest_options, analyze)
            with _Teller(client, flight.run, on_warning) as teller:
                flight.poll = teller.poll
                for result in flight.results(window=2 * threads + 2):
                    result.warnings = teller.told(result.index, result.warnings)
                    writer.add(result, shards[result.index])
                    advance(1)
        return writer.finish()

    @contextmanager
    def _client(self) -> Iterator[Client]:
        with _quiet_dask():
            yield from self._connected()

    def _connected(self) -> Iterator[Client]:
        try:
            from distributed import Client
        except ImportError:
            raise ExtraMissing("the dask engine", "dask") from None
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout=CONNECT_TIMEOUT_S)  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError, ValueError) as exc:
                raise EngineError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({describe(exc)})"
                ) from None
            with client:
                yield client
            return
        cluster = local_cluster(self.workers or os.cpu_count() or 1)
        with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
            yield client


def local_cluster(workers: int) -> LocalCluster:
    """The engine's cluster on this machine (``--engine dask`` without ``--scheduler``):
    ``workers`` processes of one thread each, without dask's dashboard chores."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(QUIET_CLUSTER):  # the nannies pass it on to their workers
        return LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,  # one spaCy pipeline per process, no GIL contention
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


@contextmanager
def _quiet_dask() -> Iterator[None]:
    """Dask's own INFO chatter (scheduler and worker start and stop) and its shutdown
    warnings only with ``--verbose``: they would land among the report's lines. Its
    import sets its loggers' levels (``distributed``: INFO): imported here, first, or
    the first run in a process printed 25 lines of scheduler and nanny chatter."""
    with suppress(ImportError):  # _connected says which extra is missing
        import distributed  # noqa: F401
    dask_logger = logging.getLogger("distributed")
    level = dask_logger.level
    if not logger.isEnabledFor(logging.INFO):
        dask_logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        dask_logger.setLevel(level)


def _target_bytes(inputs: Sequence[Input | IngestFailure], threads: int) -> int:
    total = sum(_size(i) for i in inputs)
    share = total // (SHARDS_PER_THREAD * threads)
    return min(MAX_SHARD_BYTES, max(MIN_SHARD_BYTES, share))


def _size(item: Input | IngestFailure) -> int:
    if not isinstance(item, Input) or item.kind is not InputKind.FILE:
        return 0
    try:
        return Path(item.source).stat().st_size
    except OSError:
        return 0


def _split(client: Client, inputs: Sequence[Input | IngestFailure], target: int) -> list[Piece]:
    """Every input as pieces, in input order; large WARC/JSONL files are split on the
    workers (the split reads the file once, next to the data)."""
    large = [i for i, item in enumerate(inputs) if rangeable(item) and _size(item) > target]
    futures = client.map(split_input, [inputs[i] for i in large], target_bytes=target, pure=False)
    split: dict[int, list[Piece]] = {}
    for i, future in zip(large, futures, strict=True):
        try:
            split[i] = future.result()
        except Exception as exc:
            logger.info("splitting %s failed (%s); read whole", inputs[i].source, describe(exc))
            split[i] = [Piece(inputs[i])]
    pieces: list[Piece] = []
    for i, item in enumerate(inputs):
        pieces.extend(split.get(i) or [Piece(item)])
    return pieces


def _shards(pieces: list[Piece], target: int) -> list[list[Piece]]:
    """Pieces grouped into shards: a range alone, whole inputs together up to
    ``target`` bytes or ``MAX_SHARD_INPUTS`` inputs."""
    shards: list[list[Piece]] = []
    group: list[Piece] = []
    size = 0
    for piece in pieces:
        if piece.ranged:
            shards.extend([group, [piece]] if group else [[piece]])
            group, size = [], 0
            continue
        group.append(piece)
        size += _size(piece.input)
        if size >= target or len(group) >= MAX_SHARD_INPUTS:
            shards.append(group)
            group, size = [], 0
    if group:
        shards.append(group)
    return shards


class _Teller:
    """The run's warnings told as the workers read them (their events), before each
    shard's analysis; a shard's result then tells only those not told yet (its shard ran
    here, or its events were lost), and keeps the told objects, which ``on_warning``'s
    caller knows by identity.

    Matched per shard: a shard rerun after its worker died reads the same input and
    tells the same warnings again (they were told twice), and a shard that failed after
    telling keeps them in the report (it held none of what was told)."""

    def __init__(self, client: Client, run: str, on_warning: WarningHandler | None) -> None:
        self.client = client
        self.run = run
        self.on_warning = on_warning
        self.events: SimpleQueue[Any] = SimpleQueue()
        # Per shard index, the warnings told early; a shard's result ends its telling.
        self.early: dict[int, list[IngestWarning]] = {}
        self.done: set[int] = set()

    def __enter__(self) -> _Teller:
        if self.on_warning is not None:  # the handler runs on the client's event loop
            self.client.subscribe_topic(WARNINGS_TOPIC, self.events.put)  # type: ignore[no-untyped-call]
        return self

    def __exit__(self, *_: object) -> None:
        if self.on_warning is not None:
            self.client.unsubscribe_topic(WARNINGS_TOPIC)  # type: ignore[no-untyped-call]

    def poll(self) -> None:
        """Tell the warnings that arrived (called by this thread, between waits)."""
        while self.on_warning is not None:
            try:
                _, (run, index, message) = self.events.get_nowait()
            except Empty:
                return
            if run != self.run or index in self.early or index in self.done:
                continue  # another run's, or a rerun of a shard told already
            self.early[index] = [IngestWarning(source, text) for source, text in message]
            for warning in self.early[index]:
                self.on_warning(warning)

    def told(self, index: int, warnings: list[IngestWarning]) -> list[IngestWarning]:
        """Shard ``index``'s warnings, each told once: the object told early, else told
        now; those told early that its result lacks (it failed after telling) too."""
        self.poll()
        self.done.add(index)
        early: dict[tuple[str, str], list[IngestWarning]] = {}
        for warning in self.early.pop(index, []):
            early.setdefault((warning.source, warning.message), []).append(warning)
        kept: list[IngestWarning] = []
        for warning in warnings:
            same = early.get((warning.source, warning.message))
            if same:
                kept.append(same.pop(0))
                continue
            if self.on_warning is not None:
                self.on_warning(warning)
            kept.append(warning)
        return kept + [w for left in early.values() for w in left]


class _Flight:
    """Shards submitted to the cluster, their results taken back in shard order."""

    def __init__(
        self,
        client: Client,
        task: ShardTask,
        shards: list[list[Piece]],
        ingest: IngestOptions,
        analyze: AnalyzeOptions,
    ) -> None:
        self.client = client
        self.task = task
        self.shards = shards
        self.options = (ingest, analyze)
        self.run = uuid.uuid4().hex
        # Called while a shard is awaited (the run's warnings told as they come).
        self.poll: Callable[[], None] = lambda: None

    def results(self, window: int) -> Iterator[ShardResult]:
        """Each shard's result in shard order, at most ``window`` shards in flight."""
        pending: deque[tuple[int, Future[ShardResult] | None]] = deque()
        for index in range(len(self.shards)):
            pending.append((index, self._submit(index)))
            while len(pending) > window:
                yield self._result(*pending.popleft())
        while pending:
            yield self._result(*pending.popleft())

    def _submit(self, index: int) -> Future[ShardResult] | None:
        """The shard's task on the cluster; None for a shard holding standard input,
        which only this process can read."""
        shard = self.shards[index]
        if any(isinstance(p.input, Input) and p.input.kind is InputKind.STDIN for p in shard):
            return None
        future: Future[ShardResult] = self.client.submit(
            self.task,
            index,
            shard,
            *self.options,
            pure=False,
            key=f"{_SHARD_KEY}{self.run}-{index}",
        )
        return future

    def _result(self, index: int, future: Future[ShardResult] | None) -> ShardResult:
        shard = self.shards[index]
        try:
            if future is None:
                return self.task(index, shard, *self.options)
            return self._wait(future)
        except Exception as exc:
            logger.info("shard %d failed", index, exc_info=True)
            reason = f"its shard failed on the worker ({describe(exc)})"
            failed: list[Article | IngestFailure] = [
                IngestFailure(p.describe(), reason) for p in shard
            ]
            return ShardResult(index, failed, inputs=sum(1 for p in shard if p.first))
        finally:
            if future is not None:
                future.release()  # type: ignore[no-untyped-call]

    def _wait(self, future: Future[ShardResult]) -> ShardResult:
        """The shard's result, telling the warnings that arrive while it is awaited.

        Waits for the task to end, then takes its result with no time limit: a result's
        timeout also covers fetching it from the worker, so on a loaded machine a
        finished shard whose articles took over WARNING_POLL_S to arrive was reported
        failed ("TimeoutError: timed out after 0.2 s."), its articles lost."""
        from distributed import wait

        while not future.done():  # type: ignore[no-untyped-call]
            self.poll()
            try:
                wait(future, timeout=WARNING_POLL_S)  # type: ignore[no-untyped-call]
            except TimeoutError:
                continue
        self.poll()
        return future.result()


def _analysed(outcome: EncodedAnalysis | AnalysisFailure) -> str:
    return outcome.article_id if isinstance(outcome, EncodedAnalysis) else outcome.article


def _stored_under(
    outcomes: list[EncodedAnalysis | AnalysisFailure],
    articles: list[Article],
    stored: list[str],
) -> list[EncodedAnalysis | AnalysisFailure]:
    """The worker's outcomes under the ids their articles are stored under: a re-read
    whose manifest row was corrected updates the stored article (its analysis dropped)
    rather than storing its own id, and the worker analysed it with the new metadata,
    as the local engine analyses the corrected article."""
    under: dict[str, list[str]] = {}
    for article, stored_id in zip(articles, stored, strict=True):
        ids = under.setdefault(article.id, [])
        if stored_id not in ids:
            ids.append(stored_id)
    moved: list[EncodedAnalysis | AnalysisFailure] = []
    for outcome in outcomes:
        for stored_id in under.get(_analysed(outcome), []):
            if isinstance(outcome, EncodedAnalysis):
                moved.append(replace(outcome, article_id=stored_id))
            else:
                moved.append(replace(outcome, article=stored_id))
    return moved


def _texts(articles: list[Article], stored: list[str]) -> dict[str, str]:
    """The SHA-256 of the text analysed under each stored id (see
    :meth:`Store.save_analyses`); two texts under one id (an edit and its earlier text in
    one shard) match no stored text: neither analysis is saved, the next run makes it."""
    texts: dict[str, str] = {}
    for article, stored_id in zip(articles, stored, strict=True):
        digest = text_hash(article.text)
        texts[stored_id] = digest if texts.get(stored_id, digest) == digest else ""
    return texts


class _Writer:
    """The one writer: a shard's articles, then the analyses the store lacks, as the
    local engine stores them (``BATCH_SIZE`` articles a transaction); then the shard's
    analyses read back, as the local engine returns them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.report = IngestReport()
        self.tally = InputTally()
        # One for the run, as in ingest(): it knows which articles may correct a stored one.
        self.batch = ArticleBatch()
        # Each article's stored analysis, read back after its shard is written (None:
        # none stored then; read again at the end, a later shard may have stored it).
        self.analyses: dict[str, Analysis | None] = {}

    def add(self, result: ShardResult, shard: list[Piece]) -> None:
        self.report.inputs += result.inputs
        self.report.warnings.extend(result.warnings)
        articles: list[Article] = []
        guessed = set(result.guessed_outlets)
        for item in result.items:
            if isinstance(item, IngestFailure):
                self.report.failures.append(item)
                continue
            articles.append(item)
            if item.id in guessed:  # a re-read without --outlet keeps the stored outlet
                self.batch.guessed_outlets.add(item.id)
            self.batch.add(item)
            if len(self.batch.articles) >= BATCH_SIZE:
                self.batch.flush(self.store, self.report, last=False)
        # Not the run's last articles: a later shard may hold the record of a live page's
        # file a reread warning would miss (told in finish, as ingest() does at its end).
        self.batch.flush(self.store, self.report, last=False)
        stored = self.report.article_ids[len(self.report.article_ids) - len(articles) :]
        for piece, produced in zip(shard, result.produced, strict=False):
            empty = self.tally.done(piece, produced)
            if empty is not None:  # a range is alone in its shard: its failure comes last
                self.report.failures.append(empty)
        self._save(_stored_under(result.outcomes, articles, stored), _texts(articles, stored))
        self._read_back(stored)

    def _save(
        self, outcomes: list[EncodedAnalysis | AnalysisFailure], texts: dict[str, str]
    ) -> None:
        """Only analyses the store lacks: an article analysed by an earlier run (or an
        earlier shard) keeps its analysis, as locally, where it is not redone."""
        ids = [_analysed(o) for o in outcomes]
        missing = set(self.store.unanalyzed(ids, ANALYZER_VERSION))
        analyses = [
            o for o in outcomes if isinstance(o, EncodedAnalysis) and o.article_id in missing
        ]
        failed = [o for o in outcomes if isinstance(o, AnalysisFailure) and o.article in missing]
        if analyses or failed:
            self.store.save_analyses(analyses, failed, ANALYZER_VERSION, texts)

    def _read_back(self, ids: Iterable[str], again: bool = False) -> None:
        """The stored analyses of ``ids`` not read yet (``again``: also those read as
        None), decoded while the workers go on, so the end of the run waits on none."""
        for article_id in ids:
            if article_id not in self.analyses or (again and self.analyses[article_id] is None):
                self.analyses[article_id] = self.store.get_analysis(article_id, ANALYZER_VERSION)

    def finish(self) -> EngineRun:
        """The report and the analyses, read back as the local engine returns them."""
        self.batch.flush(self.store, self.report)  # nothing queued: the reread warnings
        # Every id in the report is stored (added now or before), so this is the list of
        # distinct ids the local engine reads back with get_articles.
        unique = list(dict.fromkeys(self.report.article_ids))
        self._read_back(unique, again=True)
        found = ((i, self.analyses[i]) for i in unique)
        analyses = {i: a for i, a in found if a is not None}
        return EngineRun(self.report, AnalysisRun(analyses, self.store.analysis_failures(unique)))
