"""The main job as library functions: ingest, analyse, group into stories, cross-check.

These are what :class:`newsprism.Workspace` and ``newsprism watch`` call; each stage is
the stage package's own batch function (``ingest.batch.ingest``,
``analyze.batch.analyze_stored``, ``cluster.batch.cluster_stored``,
``reconcile.brief.Reconciler``), so the flow adds order, not logic.

Progress: every function takes an optional :data:`ProgressFactory`, called once per stage
with the stage's verb ("reading", "analysing", "grouping", "cross-checking") and its total;
it returns the function to call with each step done. The CLI draws bars with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from newsprism.errors import AnalysisFailure, BriefFailure, StateChanged, describe
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import IngestReport, ingest, plan_inputs
from newsprism.ingest.sources import Input
from newsprism.model import Analysis, Article, Brief, IngestFailure, Story
from newsprism.store import Store

if TYPE_CHECKING:
    from newsprism.cluster.batch import StoryOptions
    from newsprism.engine import Engine, EngineRun
    from newsprism.ingest.pipeline import WarningHandler
    from newsprism.ingest.watch import FeedResult, Watcher

logger = logging.getLogger(__name__)

EmbeddingsChoice = Literal["auto", "on", "off"]
Advance = Callable[[int], None]
ProgressFactory = Callable[[str, int], Advance]


def _no_progress(_verb: str, _total: int) -> Advance:
    return lambda _n: None


@dataclass(frozen=True)
class FlowOptions:
    """How the main job runs: how inputs are read, how many analysis processes, and the
    similarity used for grouping and briefs ("auto": dense when the ``embed`` extra is
    installed). ``engine`` runs reading and analysis (None: the local engine; see
    :mod:`newsprism.engine`)."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    jobs: int = 1
    embeddings: EmbeddingsChoice = "auto"
    engine: Engine | None = None
    # Told each ingest warning before the analysis starts (the CLI prints it then).
    on_warning: WarningHandler | None = None


@dataclass(frozen=True)
class AnalyzeRun:
    """What one run of the main job produced: the ingest report, the articles read (in
    input order), their analyses, their stories, each story's brief, and the articles
    whose analysis failed (recorded, retried on the next run) and the stories whose
    cross-check raised (listed, tried again on the next run)."""

    report: IngestReport
    articles: list[Article]
    analyses: dict[str, Analysis]
    stories: list[Story]
    briefs: list[Brief]
    analysis_failures: list[AnalysisFailure] = field(default_factory=list)
    brief_failures: list[BriefFailure] = field(default_factory=list)

    @property
    def failures(self) -> list[IngestFailure | AnalysisFailure | BriefFailure]:
        """Every failure of the run: inputs that could not be read, articles that could
        not be analysed, then stories that could not be cross-checked."""
        return [*self.report.failures, *self.analysis_failures, *self.brief_failures]

    def to_dict(self) -> dict[str, Any]:
        """The JSON report of docs/report-schema.md (what ``analyze --format json`` prints)."""
        from newsprism.render import jsonout

        return jsonout.report_dict(self.articles, self.analyses, self.briefs, self.failures)


def plan(paths: Iterable[str | Path]) -> list[Input | IngestFailure]:
    """Every input the paths name; a folder holding no file becomes a failure (so an
    empty folder is reported, not silently skipped)."""
    planned: list[Input | IngestFailure] = []
    for value in paths:
        found = plan_inputs([str(value)])
        if not found:
            found = [IngestFailure(str(value), "no articles found in it (it holds no files)")]
        planned.extend(found)
    return planned


def read_into(
    store: Store,
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    progress: ProgressFactory | None = None,
) -> IngestReport:
    """Ingest ``paths`` into the store (see :func:`newsprism.ingest.batch.ingest`)."""
    inputs = plan(paths)
    advance = (progress or _no_progress)("reading", len(inputs))
    return ingest(store, inputs, options, on_input_done=lambda _: advance(1))


def analyze_articles(
    store: Store,
    article_ids: Sequence[str],
    options: FlowOptions | None = None,
    progress: ProgressFactory | None = None,
) -> tuple[list[Article], dict[str, Analysis], list[Story]]:
    """Analyse stored articles (only those not yet analysed) and add them to the stored
    stories; returns the articles, their analyses and their stories."""
    from newsprism.analyze.analyzer import AnalyzeOptions
    from newsprism.analyze.batch import analyze_stored

    options = options or FlowOptions()
    progress = progress or _no_progress
    articles = store.get_articles(article_ids)
    ids = [a.id for a in articles]
    advance = progress("analysing", len(set(ids)))
    analyses = analyze_stored(store, ids, AnalyzeOptions(processes=options.jobs), advance)
    return articles, analyses, group_stories(store, articles, analyses, options, progress)


def group_stories(
    store: Store,
    articles: Sequence[Article],
    analyses: dict[str, Analysis],
    options: FlowOptions | None = None,
    progress: ProgressFactory | None = None,
) -> list[Story]:
    """Add analysed articles to the stored stories; returns the stories they are in."""
    from newsprism.cluster.batch import StoryOptions
    from newsprism.cluster.options import ClusterOptions

    options = options or FlowOptions()
    story_options = StoryOptions(cluster=ClusterOptions(embeddings=options.embeddings))
    advance = (progress or _no_progress)("grouping", len(articles))
    return add_to_stories(store, articles, analyses, story_options, advance)


# Commands grouping into one store at the same moment each try again after the other's
# save; more tries than commands a user starts at once on one store.
GROUP_ATTEMPTS = 8


def add_to_stories(
    store: Store,
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    options: StoryOptions,
    on_done: Advance | None = None,
) -> list[Story]:
    """``cluster_stored``, again on the stories as they are now when another command
    (a second ``analyze`` on the same store) saved its grouping first
    (:class:`StateChanged`): saving ours over it would drop that command's stories."""
    from newsprism.cluster.batch import cluster_stored

    attempt = 1
    while True:
        try:
            return cluster_stored(store, list(articles), analyses, options, on_done=on_done)
        except StateChanged:
            if attempt == GROUP_ATTEMPTS:
                raise
            attempt += 1
            logger.info("another command grouped stories in %s meanwhile: again", store.path)


def read_and_analyze(
    store: Store,
    paths: Iterable[str | Path],
    options: FlowOptions | None = None,
    progress: ProgressFactory | None = None,
) -> EngineRun:
    """Ingest ``paths`` and analyse their articles on ``options.engine`` (the local
    engine by default); every engine stores the same records in the same order."""
    from newsprism.analyze.analyzer import AnalyzeOptions
    from newsprism.engine import LocalEngine

    options = options or FlowOptions()
    engine = options.engine or LocalEngine()
    analyze = AnalyzeOptions(processes=options.jobs, errors="record")
    progress = progress or _no_progress
    return engine.run(store, plan(paths), options.ingest, analyze, progress, options.on_warning)


def brief_stories(
    store: Store,
    stories: Sequence[Story],
    embeddings: EmbeddingsChoice = "auto",
    progress: ProgressFactory | None = None,
    failures: list[BriefFailure] | None = None,
) -> list[Brief]:
    """The brief of each story: the stored one when the story has not changed since,
    else computed and stored; the similarity model loads once, at the first computed.

    Error policy: with ``failures`` (a batch run) a story whose cross-check raises is
    logged, appended there and left out of the result, and the others go on; without
    it (tests, one story asked for) the exception propagates."""
    from newsprism.reconcile.brief import BriefOptions
    from newsprism.reconcile.stored import StoredBriefs

    if not stories:
        return []
    stored = StoredBriefs(BriefOptions(embeddings=embeddings))
    advance = (progress or _no_progress)("cross-checking", len(stories))
    briefs = []
    for story in stories:
        try:
            briefs.append(stored.get(store, story))
        except Exception as exc:
            if failures is None:
                raise
            failures.append(BriefFailure(story.id, describe(exc)))
            logger.debug("cross-check of story %s failed", story.id, exc_info=True)
        advance(1)
    return briefs


def analyze_paths(
    store: Store,
    paths: Iterable[str | Path],
    options: FlowOptions | None = None,
    progress: ProgressFactory | None = None,
) -> AnalyzeRun:
    """The main job: ingest ``paths``, analyse the articles, group them into stories
    (extending the stored ones) and cross-check every story they belong to.

    Guarantee: a bad input is recorded in the report and the others go on; running it
    again on the same inputs stores nothing twice and gives the same stories.
    """
    options = options or FlowOptions()
    run = read_and_analyze(store, paths, options, progress)
    articles = store.get_articles(run.report.article_ids)
    analyses = run.analysis.analyses
    stories = group_stories(store, articles, analyses, options, progress)
    brief_failures: list[BriefFailure] = []
    briefs = brief_stories(store, stories, options.embeddings, progress, brief_failures)
    return AnalyzeRun(
        run.report, articles, analyses, stories, briefs, run.analysis.failures, brief_failures
    )


@dataclass(frozen=True)
class StoryChange:
    """A story one watch round started (``new``) or added articles to."""

    story: Story
    new: bool
    added: int
    outlets: list[str]


def watch_round(
    store: Store,
    watcher: Watcher,
    feeds: Sequence[str],
    options: FlowOptions | None = None,
    progress: ProgressFactory | None = None,
) -> tuple[list[FeedResult], list[StoryChange]]:
    """Poll every feed once, then analyse and group what was new: the feeds' results
    and the stories started or extended (a story is new when all its articles are)."""
    results = watcher.poll(feeds)
    fresh = [a.id for r in results for a in r.articles]
    if not fresh:
        return results, []
    return results, group_into_changes(store, fresh, options, progress)


def group_into_changes(
    store: Store,
    article_ids: Sequence[str],
    options: FlowOptions | None = None,
    progress: ProgressFactory | None = None,
) -> list[StoryChange]:
    """Analyse and group stored articles; the stories they started or extended (a story
    is new when all its articles are among them)."""
    _, _, stories = analyze_articles(store, article_ids, options, progress)
    added = set(article_ids)
    outlets = store.outlets_by_story(s.id for s in stories)
    return [
        StoryChange(
            story=s,
            new=added.issuperset(s.articles),
            added=len(added.intersection(s.articles)),
            outlets=outlets.get(s.id, []),
        )
        for s in stories
    ]
