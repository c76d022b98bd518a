"""The analysis stage: ``Article -> Analysis``, a pure function, batched.

Per article, in this order (each step reads what the ones before it wrote):

========================  =====================================  ===========================
step                      reads                                  writes
========================  =====================================  ===========================
spaCy pipeline            article text                           sentences, tokens, parse, NER
``resolve_names``         NER spans, parse                       entities (canonical names)
``extract_quotes``        parse, quote marks, entities           quotes (speaker resolved)
``extract_quantities``    tokens, parse, NER hints               quantities
``extract_dates``         tokens, parse, publication date        dates (or deferred)
========================  =====================================  ===========================

:class:`Analyzer` loads the spaCy pipeline once and runs ``nlp.pipe`` in batches;
:func:`analyze_in_pool` spreads articles over worker processes, each with its own
Analyzer (the same pure function, so a Dask or Ray map can take its place); forked
workers inherit the one loaded in the calling process instead of loading their own.

Long articles (over ``AnalyzeOptions.chunk_chars``) are parsed in paragraph-aligned
chunks whose analyses are merged with offsets shifted back (see :mod:`.chunks`).

Errors, per article (spaCy's ``error_handler`` idea): with ``errors="record"`` (batch
runs: the CLI, the web jobs, the store) an exception in one article's analysis becomes
an :class:`~newsprism.errors.AnalysisFailure` naming the step that failed, and the
rest of the batch is analysed; with ``errors="raise"`` (tests, notebooks) it propagates
as raised. :meth:`Analyzer.analyze_many` always raises.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from newsprism.analyze.chunks import CHUNK_CHARS, chunk_spans, merge_chunks
from newsprism.analyze.dates import extract_dates
from newsprism.analyze.entities import AliasTable, resolve_names
from newsprism.analyze.nlp import load_english
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.quotes import extract_quotes
from newsprism.errors import AnalysisFailure, describe
from newsprism.ingest.language import ANALYSED_LANGUAGES
from newsprism.model import Analysis, Article

logger = logging.getLogger(__name__)

# Bump when any extractor's output changes, so stored analyses are redone.
ANALYZER_VERSION = "48"

ErrorPolicy = Literal["raise", "record"]
Outcome = Analysis | AnalysisFailure

# Most characters parsed in one batch, so 64 long articles never sit in memory as Docs at
# once: about ten chunks' worth (each Doc costs roughly 1 KB per token while parsed).
BATCH_CHARS = 10 * CHUNK_CHARS


@dataclass(frozen=True)
class AnalyzeOptions:
    """How to run the analysis: spaCy batch size, worker processes, the error policy
    (``record``: a failing article becomes an AnalysisFailure, the batch goes on;
    ``raise``: it propagates) and the longest text parsed as one Doc.

    ``batch_size`` 64 was the fastest of 16/32/64/128 in bench/analyze.py on 2 cores
    (larger batches only add memory).
    """

    batch_size: int = 64
    processes: int = 1
    errors: ErrorPolicy = "record"
    chunk_chars: int = CHUNK_CHARS


# The pipeline is English; on other languages its entities and parses are noise, so such
# articles get an empty analysis (they still join stories through the later stages).
# One set for both: ingest defines it (so it can say which articles it will skip without
# loading spaCy) and the analysis reads the same object.
SUPPORTED_LANGUAGES = ANALYSED_LANGUAGES


def is_supported(article: Article) -> bool:
    """Whether the English pipeline can analyse this article (unknown language: try)."""
    return article.language is None or article.language in SUPPORTED_LANGUAGES


class Stage:
    """The step an analysis has reached, so that a failure can name it."""

    __slots__ = ("name",)

    def __init__(self, name: str = "parse") -> None:
        self.name = name


def analyze_doc(
    doc: Doc, article: Article, aliases: AliasTable, stage: Stage | None = None
) -> Analysis:
    """The analysis of one article from its parsed text (pure: no I/O, no state).

    ``stage``, when given, is updated to each step as it starts (for failure reports).
    """
    if not is_supported(article):
        return Analysis(article_id=article.id, version=ANALYZER_VERSION)
    stage = stage or Stage()
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    stage.name = "entities"
    names = resolve_names(doc, aliases)
    stage.name = "quotes"
    quotes = tuple(extract_quotes(doc, names))
    stage.name = "quantities"
    quantities = tuple(extract_quantities(doc))
    stage.name = "dates"
    dates = tuple(extract_dates(doc, article.published))
    return Analysis(
        article_id=article.id,
        version=ANALYZER_VERSION,
        sentences=sentences,
        entities=names.entities,
        quotes=quotes,
        quantities=quantities,
        dates=dates,
    )


class Analyzer:
    """Holds the loaded spaCy pipeline and the alias table; analyses articles.

    Cost: loading takes about a second; then each article is one pipeline pass plus
    the extractors (see bench/analyze.py for articles per second and the split).
    """

    def __init__(self, options: AnalyzeOptions | None = None) -> None:
        self.options = options or AnalyzeOptions()
        self.nlp = load_english()
        self.aliases = AliasTable.default()
        if not 2 <= self.options.chunk_chars <= self.nlp.max_length:
            raise ValueError(
                f"chunk_chars must be 2..{self.nlp.max_length}, got {self.options.chunk_chars}"
            )

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order, parsing in batches; an error propagates.

        Articles in a language the pipeline does not read are not parsed at all.
        """
        for outcome in self.outcomes(articles, "raise"):
            if isinstance(outcome, Analysis):
                yield outcome

    def outcomes(
        self, articles: Iterable[Article], errors: ErrorPolicy | None = None
    ) -> Iterator[Outcome]:
        """An analysis, or a failure record, per article in input order, under
        ``errors`` (default: the options' policy)."""
        policy = errors or self.options.errors
        limit = (self.options.batch_size, BATCH_CHARS)
        for batch in _batches(articles, *limit):
            yield from self._batch(batch, policy)

    def _batch(self, batch: list[Article], policy: ErrorPolicy) -> list[Outcome]:
        whole = [a for a in batch if not self._is_long(a)]
        docs = self._parse_together(whole, policy)
        results: list[Outcome] = []
        for article in batch:
            if self._is_long(article):
                results.append(_guarded(article, policy, self._analyze_long))
            else:
                doc = docs.get(id(article))
                results.append(_guarded(article, policy, functools.partial(self._whole, doc)))
        return results

    def _is_long(self, article: Article) -> bool:
        return is_supported(article) and len(article.text) > self.options.chunk_chars

    def _parse_together(self, articles: list[Article], policy: ErrorPolicy) -> dict[int, Doc]:
        """Docs of these articles by ``id()``, parsed as one ``nlp.pipe`` batch; empty
        when the batch fails under the record policy (each is then parsed alone, so the
        failure lands on the article that caused it)."""
        texts = [a.text if is_supported(a) else "" for a in articles]
        try:
            docs = list(self.nlp.pipe(texts, batch_size=max(1, len(texts))))
        except Exception:
            if policy == "raise":
                raise
            logger.info("batch parse failed; parsing its articles one by one", exc_info=True)
            return {}
        return {id(a): d for a, d in zip(articles, docs, strict=True)}

    def _whole(self, doc: Doc | None, article: Article, stage: Stage) -> Analysis:
        if doc is None:
            doc = self.nlp(article.text if is_supported(article) else "")
        return analyze_doc(doc, article, self.aliases, stage)

    def _analyze_long(self, article: Article, stage: Stage) -> Analysis:
        """Chunk by chunk: one Doc alive at a time, offsets shifted back at the end."""
        parts = []
        spans = chunk_spans(article.text, self.options.chunk_chars)
        logger.info(
            "%s: %d characters, analysed in %d chunks",
            article.source,
            len(article.text),
            len(spans),
        )
        for start, end in spans:
            stage.name = "parse"
            doc = self.nlp(article.text[start:end])
            parts.append((start, analyze_doc(doc, article, self.aliases, stage)))
        stage.name = "merge"
        return merge_chunks(article.id, ANALYZER_VERSION, parts)


def _guarded(
    article: Article, policy: ErrorPolicy, run: Callable[[Article, Stage], Analysis]
) -> Outcome:
    """``run(article)``, or under the record policy the failure it raised."""
    stage = Stage()
    try:
        return run(article, stage)
    except Exception as exc:
        if policy == "raise":
            raise
        # INFO, not WARNING: the CLI prints the failure once itself; -v adds the traceback.
        logger.info("analysis of %s failed at %s", article.source, stage.name, exc_info=True)
        return AnalysisFailure(article.id, article.source, stage.name, describe(exc))


def _worker_analyze(batch: Sequence[Article], options: AnalyzeOptions) -> list[Outcome]:
    return list(_worker_analyzer(options).outcomes(batch, options.errors))


# The Analyzer each process uses for the options it was asked to run with. A forked worker
# inherits its parent's entries: see :func:`_load_before_fork`.
_ANALYZERS: dict[AnalyzeOptions, Analyzer] = {}


def _worker_analyzer(options: AnalyzeOptions) -> Analyzer:
    """One Analyzer per process and options, made on first use and kept for its lifetime."""
    found = _ANALYZERS.get(options)
    if found is None:
        found = _ANALYZERS[options] = Analyzer(options)
    return found


def _load_before_fork(options: AnalyzeOptions, analyzer: Analyzer | None) -> None:
    """Load the pipeline in this process once, before the pool forks its workers.

    A forked worker starts with its parent's memory, so it finds the loaded pipeline
    instead of loading its own (about a second of CPU each, more on a busy machine, and
    again for every pool, i.e. every ``analyze_in_pool`` call: ``watch`` makes one per
    cycle). The weights are shared copy-on-write. The load itself costs this process
    the same wall time as the workers' loads in parallel did, once; ``analyzer``, when
    given, is used instead. Under the spawn or forkserver start methods (not Linux's
    default) nothing is inherited, and each worker loads its own as before.
    """
    if multiprocessing.get_start_method() != "fork":
        return
    if analyzer is not None:
        _ANALYZERS[options] = analyzer
    else:
        _worker_analyzer(options)


def analyze_in_pool(
    articles: Iterable[Article],
    options: AnalyzeOptions | None = None,
    on_done: Callable[[int], None] | None = None,
    analyzer: Analyzer | None = None,
) -> Iterator[Outcome]:
    """Analyses (or, under the record policy, failures) of ``articles`` in input order,
    over ``options.processes`` workers.

    With one process it runs here, with no pool, on ``analyzer`` when given (a caller
    that analyses often, such as the web server, keeps one instead of loading spaCy for
    every call). With more, the pipeline (``analyzer``, or one loaded here) is loaded
    before the workers are forked, so they share it instead of each loading its own; the
    last few batches are cut into one part per worker, so that none idles at the end.
    ``on_done`` gets the number of articles each finished batch held (for progress bars).
    """
    options = options or AnalyzeOptions()
    if options.processes <= 1:
        for outcome in (analyzer or Analyzer(options)).outcomes(articles, options.errors):
            yield outcome
            if on_done is not None:
                on_done(1)
        return
    _load_before_fork(options, analyzer)
    pool = _WorkerPool(options)
    try:
        batches = _batches(articles, options.batch_size, BATCH_CHARS)
        for batch in _even_tail(batches, options.processes):
            pool.submit(batch)
            while pool.backlog > 2 * options.processes:
                yield from _reported(pool.next_results(), on_done)
        while pool.backlog:
            yield from _reported(pool.next_results(), on_done)
    finally:
        pool.close()


def _reported(results: list[Outcome], on_done: Callable[[int], None] | None) -> list[Outcome]:
    if on_done is not None and results:
        on_done(len(results))
    return results


class _WorkerPool:
    """Batches submitted to worker processes, results taken in submission order.

    A worker that dies (killed for memory, a crash in native code) breaks the whole
    pool, and every batch still in it with it: under the record policy a fresh pool takes
    over, a broken batch is retried one article at a time, and the batches still waiting
    are resubmitted. A one-article batch that breaks is run again alone in a fresh pool,
    nothing else beside it, before it is blamed: another article may have killed the pool
    while it waited (on a fast machine the innocent first article of a run was failed so).
    So only the article that kills a worker fails.
    """

    def __init__(self, options: AnalyzeOptions) -> None:
        self.options = options
        self.pool = ProcessPoolExecutor(options.processes, initializer=_quiet_interrupt)
        self.pending: deque[tuple[list[Article], Future[list[Outcome]]]] = deque()

    @property
    def backlog(self) -> int:
        return len(self.pending)

    def submit(self, batch: list[Article]) -> None:
        self.pending.append((batch, self.pool.submit(_worker_analyze, batch, self.options)))

    def next_results(self) -> list[Outcome]:
        batch, future = self.pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            if self.options.errors == "raise":
                raise
            waiting = self._restart()
            if len(batch) > 1:
                for part in [*([a] for a in batch), *waiting]:
                    self.submit(part)
                return []
            outcomes = self._alone(batch)
            for part in waiting:
                self.submit(part)
            return outcomes

    def _alone(self, batch: list[Article]) -> list[Outcome]:
        """``batch`` (one article) run in the fresh pool with nothing beside it: its
        outcomes, or its failure when it kills this worker too."""
        try:
            return self.pool.submit(_worker_analyze, batch, self.options).result()
        except BrokenProcessPool as exc:
            self._restart()
            return [AnalysisFailure(batch[0].id, batch[0].source, "worker", _died(exc))]

    def _restart(self) -> list[list[Article]]:
        """A fresh, empty pool; the batches that were waiting in the broken one."""
        waiting = [b for b, _ in self.pending]
        self.pending.clear()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = ProcessPoolExecutor(self.options.processes, initializer=_quiet_interrupt)
        return waiting

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _quiet_interrupt() -> None:
    """A worker ends at Ctrl-C as the signal's default has it, at once and without a
    word: the terminal sends the interrupt to the workers too, and each printed a
    KeyboardInterrupt traceback from the queue it was waiting on. The parent stops the
    run and says so."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _died(exc: BaseException) -> str:
    return f"the worker process analysing it died ({describe(exc)})"


def _batches(items: Iterable[Article], size: int, max_chars: int) -> Iterator[list[Article]]:
    """Batches of at most ``size`` articles and (unless one article alone is longer)
    ``max_chars`` characters."""
    batch: list[Article] = []
    chars = 0
    for item in items:
        if batch and (len(batch) >= size or chars + len(item.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item.text)
    if batch:
        yield batch


def _even_tail(batches: Iterable[list[Article]], workers: int) -> Iterator[list[Article]]:
    """The batches in order, except that the last ``workers`` of them are re-cut into
    ``workers`` parts of about the same length.

    Why: a worker takes one batch at a time, so a stream whose last batches are uneven
    (80 articles in batches of 64 are 64 + 16) leaves one worker parsing alone at the end;
    on 80 articles over two workers that capped the speed-up at 1.25x. Earlier batches
    keep their full size, which parses cheapest per article.
    """
    waiting: deque[list[Article]] = deque()
    for batch in batches:
        waiting.append(batch)
        if len(waiting) > workers:
            yield waiting.popleft()
    yield from _split_evenly([a for batch in waiting for a in batch], workers)


def _split_evenly(items: list[Article], parts: int) -> list[list[Article]]:
    """``items`` cut, in order, into at most ``parts`` non-empty runs of about the same
    number of characters (parsing time grows with the text's length)."""
    total = sum(len(a.text) + 1 for a in items)
    runs: list[list[Article]] = []
    run: list[Article] = []
    done = 0
    for item in items:
        run.append(item)
        done += len(item.text) + 1
        if len(runs) < parts - 1 and done * parts >= total * (len(runs) + 1):
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs
