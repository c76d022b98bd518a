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
Analyzer (the same pure function, so a Dask or Ray map can take its place).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Doc

from newsprism.analyze.dates import extract_dates
from newsprism.analyze.entities import AliasTable, resolve_names
from newsprism.analyze.nlp import load_english
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Analysis, Article

logger = logging.getLogger(__name__)

# Bump when any extractor's output changes, so stored analyses are redone.
ANALYZER_VERSION = "1"


@dataclass(frozen=True)
class AnalyzeOptions:
    """How to run the analysis: spaCy batch size and worker processes.

    ``batch_size`` 64 was the fastest of 16/32/64/128 in bench/analyze.py on 2 cores
    (larger batches only add memory).
    """

    batch_size: int = 64
    processes: int = 1


# The pipeline is English; on other languages its entities and parses are noise, so such
# articles get an empty analysis (they still join stories through the later stages).
SUPPORTED_LANGUAGES = frozenset({"en"})


def is_supported(article: Article) -> bool:
    """Whether the English pipeline can analyse this article (unknown language: try)."""
    return article.language is None or article.language in SUPPORTED_LANGUAGES


def analyze_doc(doc: Doc, article: Article, aliases: AliasTable) -> Analysis:
    """The analysis of one article from its parsed text (pure: no I/O, no state)."""
    if not is_supported(article):
        return Analysis(article_id=article.id, version=ANALYZER_VERSION)
    names = resolve_names(doc, aliases)
    return Analysis(
        article_id=article.id,
        version=ANALYZER_VERSION,
        sentences=tuple((s.start_char, s.end_char) for s in doc.sents),
        entities=names.entities,
        quotes=tuple(extract_quotes(doc, names)),
        quantities=tuple(extract_quantities(doc)),
        dates=tuple(extract_dates(doc, article.published)),
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

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order, parsing in batches of ``options.batch_size``.

        Articles in a language the pipeline does not read are not parsed at all.
        """
        pairs = ((a.text if is_supported(a) else "", a) for a in articles)
        for doc, article in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.options.batch_size
        ):
            yield analyze_doc(doc, article, self.aliases)


def _worker_analyze(batch: Sequence[Article]) -> list[Analysis]:
    return list(_worker_analyzer().analyze_many(batch))


@functools.cache
def _worker_analyzer() -> Analyzer:
    """One Analyzer per worker process, made on first use and kept for its lifetime."""
    return Analyzer()


def analyze_in_pool(
    articles: Iterable[Article],
    options: AnalyzeOptions | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[Analysis]:
    """Analyses of ``articles`` in input order, over ``options.processes`` workers.

    With one process it runs here, with no pool. ``on_done`` gets the number of
    articles each finished batch held (for progress bars).
    """
    options = options or AnalyzeOptions()
    if options.processes <= 1:
        analyzer = Analyzer(options)
        for analysis in analyzer.analyze_many(articles):
            yield analysis
            if on_done is not None:
                on_done(1)
        return
    with ProcessPoolExecutor(max_workers=options.processes) as pool:
        for results in pool.map(_worker_analyze, _batches(articles, options.batch_size)):
            yield from results
            if on_done is not None:
                on_done(len(results))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
