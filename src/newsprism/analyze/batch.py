"""Analyse stored articles: only those without a current analysis, saved in batches."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from itertools import islice

from newsprism.analyze.analyzer import ANALYZER_VERSION, AnalyzeOptions, analyze_in_pool
from newsprism.model import Analysis
from newsprism.store import Store

logger = logging.getLogger(__name__)

# Analyses per store transaction: as for ingest, a crash loses at most one batch.
SAVE_BATCH = 200


def analyze_stored(
    store: Store,
    article_ids: Sequence[str],
    options: AnalyzeOptions | None = None,
    on_done: Callable[[int], None] | None = None,
) -> dict[str, Analysis]:
    """The current analysis of each article, computing and storing the missing ones.

    Guarantee: every id of a stored article gets an analysis; ids not in the store are
    left out. Articles already analysed by this analyser version cost one lookup.
    """
    missing = store.unanalyzed(article_ids, ANALYZER_VERSION)
    if on_done is not None and len(missing) < len(article_ids):
        on_done(len(article_ids) - len(missing))
    fresh = analyze_in_pool(store.get_articles(missing), options, on_done)
    while batch := list(islice(fresh, SAVE_BATCH)):
        store.save_analyses(batch)
    found = {i: store.get_analysis(i, ANALYZER_VERSION) for i in dict.fromkeys(article_ids)}
    return {i: a for i, a in found.items() if a is not None}
