"""The engine protocol and the local engine.

An engine takes the planned inputs of a run and leaves the store holding their articles
and analyses (or analysis failures); it returns the ingest report (article ids in input
order) and the analyses. What follows (grouping into stories, briefs) is the flow's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from newsprism.ingest.batch import IngestReport, ingest
from newsprism.ingest.pipeline import (
    IngestOptions,
    WarningHandler,
    long_article_warning,
    warnings_once,
)
from newsprism.ingest.sources import Input
from newsprism.model import Article, IngestFailure
from newsprism.store import Store

if TYPE_CHECKING:
    from newsprism.analyze.analyzer import AnalyzeOptions
    from newsprism.analyze.batch import AnalysisRun

logger = logging.getLogger(__name__)

# The flow's progress callbacks (see newsprism.flow): a stage's verb and total in, the
# function to call with each step done out.
Advance = Callable[[int], None]
ProgressFactory = Callable[[str, int], Advance]


def no_progress(_verb: str, _total: int) -> Advance:
    return lambda _n: None


@dataclass(frozen=True)
class EngineRun:
    """What an engine did: the ingest report and the analyses of its articles."""

    report: IngestReport
    analysis: AnalysisRun


class Engine(Protocol):
    """Reads, cleans and analyses ``inputs`` into ``store``.

    Guarantee (every engine): the store ends up with the same articles, analyses and
    failures, and the report lists the same article ids in the same order, as
    :class:`LocalEngine` gives for the same inputs; a bad input or article is recorded,
    never fatal.
    """

    @property
    def name(self) -> str: ...

    def run(
        self,
        store: Store,
        inputs: Sequence[Input | IngestFailure],
        ingest_options: IngestOptions,
        analyze_options: AnalyzeOptions,
        progress: ProgressFactory,
        on_warning: WarningHandler | None = None,
    ) -> EngineRun: ...


@dataclass(frozen=True)
class LocalEngine:
    """Everything in this process: ingest, then analysis (over ``--jobs`` processes)."""

    name: str = "local"

    def run(
        self,
        store: Store,
        inputs: Sequence[Input | IngestFailure],
        ingest_options: IngestOptions,
        analyze_options: AnalyzeOptions,
        progress: ProgressFactory,
        on_warning: WarningHandler | None = None,
    ) -> EngineRun:
        from newsprism.analyze.batch import analyze_run

        advance = progress("reading", len(inputs))
        report = ingest(store, inputs, ingest_options, on_input_done=lambda _: advance(1))
        articles = store.get_articles(report.article_ids)
        warn_before_analysis(store, report, articles, on_warning)
        ids = [a.id for a in articles]
        advance = progress("analysing", len(set(ids)))
        return EngineRun(report, analyze_run(store, ids, analyze_options, advance))


def warn_before_analysis(
    store: Store,
    report: IngestReport,
    articles: Sequence[Article],
    on_warning: WarningHandler | None,
) -> None:
    """Tell ``on_warning`` the run's warnings before the analysis starts, with the
    long-article warning of each stored duplicate about to be analysed added to the
    report: ``analyze`` printed them only after the analysis, so "analysing it takes
    minutes" came minutes late, and never for an article ``ingest`` had stored earlier."""
    from newsprism.analyze.analyzer import ANALYZER_VERSION

    waiting = set(store.unanalyzed([a.id for a in articles], ANALYZER_VERSION)) - set(report.added)
    report.warnings.extend(warnings_once(articles, waiting, long_article_warning))
    if on_warning is not None:
        for warning in report.warnings:
            on_warning(warning)
