"""Analyse stored articles: only those without a current analysis, saved in batches.

An article whose analysis failed has no analysis, so every run retries it; under the
record policy (the default of :class:`AnalyzeOptions`) its failure is stored, replacing
the previous one, and read back with :meth:`Store.analysis_failures`. A read-only store
gets its missing analyses computed and returned but not saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice

from newsprism.analyze.analyzer import ANALYZER_VERSION, AnalyzeOptions, Analyzer, analyze_in_pool
from newsprism.errors import AnalysisFailure, StoreBusy
from newsprism.model import Analysis
from newsprism.store import Store
from newsprism.store_versions import text_hash

logger = logging.getLogger(__name__)

# Analyses per store transaction: as for ingest, a crash loses at most one batch.
SAVE_BATCH = 200


@dataclass(frozen=True)
class AnalysisRun:
    """The current analyses of the articles asked about, and the failures among them."""

    analyses: dict[str, Analysis]
    failures: list[AnalysisFailure]


def analyze_stored(
    store: Store,
    article_ids: Sequence[str],
    options: AnalyzeOptions | None = None,
    on_done: Callable[[int], None] | None = None,
) -> dict[str, Analysis]:
    """The current analysis of each article, computing and storing the missing ones
    (see :func:`analyze_run`, which also returns the failures)."""
    return analyze_run(store, article_ids, options, on_done).analyses


def analyze_run(
    store: Store,
    article_ids: Sequence[str],
    options: AnalyzeOptions | None = None,
    on_done: Callable[[int], None] | None = None,
    analyzer: Analyzer | None = None,
) -> AnalysisRun:
    """The current analysis of each article, computing and storing the missing ones.

    Guarantee: every id of a stored article gets an analysis or (record policy) a
    failure, stored unless the store is read-only; ids not in the store are left out.
    Articles already analysed by this analyser version cost one lookup.
    """
    missing = store.unanalyzed(article_ids, ANALYZER_VERSION)
    if on_done is not None and len(missing) < len(article_ids):
        on_done(len(article_ids) - len(missing))
    articles = store.get_articles(missing) if missing else []
    # The text each was analysed with: one made another's version since is not saved.
    texts = {a.id: text_hash(a.text) for a in articles}
    fresh = (
        analyze_in_pool(articles, options, on_done, analyzer)
        if missing
        else iter(())  # nothing to parse: do not load the pipeline at all
    )
    computed: dict[str, Analysis] = {}
    failed: list[AnalysisFailure] = []
    saved = 0  # analyses this run stored (a failure stored is retried: none)
    while batch := list(islice(fresh, SAVE_BATCH)):
        analyses = [a for a in batch if isinstance(a, Analysis)]
        failures = [f for f in batch if isinstance(f, AnalysisFailure)]
        if store.read_only:
            computed.update((a.article_id, a) for a in analyses)
            failed += failures
            continue
        try:
            done = {a.article_id for a in analyses} | {f.article for f in failures}
            analysed = {i: texts[i] for i in done if i in texts}
            store.save_analyses(analyses, failures, ANALYZER_VERSION, analysed)
        except StoreBusy as exc:
            # The earlier batches are stored: say how many, a rerun starts after them.
            kept = f"this run's {saved} of {len(missing)} analyses" if saved else ""
            raise exc.kept_too(kept) from None
        saved += len(analyses)
    ids = list(dict.fromkeys(article_ids))
    found = {i: computed.get(i) or store.get_analysis(i, ANALYZER_VERSION) for i in ids}
    if not store.read_only:
        failed = store.analysis_failures(ids)
    return AnalysisRun({i: a for i, a in found.items() if a is not None}, failed)
