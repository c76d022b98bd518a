"""The public Python API: one store, the main job, and the stored stories and briefs.

::

    from newsprism import Workspace

    with Workspace("news.db") as ws:
        run = ws.analyze(["samples/stories"])      # ingest, analyse, group, cross-check
        for story in ws.stories():
            print(story.id, story.title)
        brief = ws.brief(run.stories[0].id)        # a Brief record (brief.to_dict())
        facts = brief.facts_frame()                # a pandas DataFrame (the pandas extra)

Everything returned is a record of :mod:`newsprism.model` (each with ``to_dict()``) or an
:class:`~newsprism.flow.AnalyzeRun`; every error is a :class:`~newsprism.errors.NewsprismError`.
A Workspace holds one SQLite connection: use it from one thread, and close it (or use
``with``) when done.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.flow import (
    AnalyzeRun,
    EmbeddingsChoice,
    FlowOptions,
    analyze_articles,
    analyze_paths,
    brief_stories,
    read_into,
)
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import IngestReport
from newsprism.ingest.pipeline import DEFAULT_MAX_BYTES
from newsprism.lookup import find_article, find_story
from newsprism.model import Analysis, Article, Brief, Story
from newsprism.store import ArticleQuery, Store, default_db_path, query_moment

logger = logging.getLogger(__name__)

__all__ = ["Workspace"]

Paths = str | Path | Iterable[str | Path]


class Workspace:
    """A newsprism store and the main job over it.

    ``db_path``: the SQLite store (created if missing; None: ``$NEWSPRISM_DB`` or the
    default in your data folder). ``embeddings``: the similarity for grouping and briefs
    ("auto": dense when the ``embed`` extra is installed). ``jobs``: analysis processes.
    Briefs are computed on demand and kept for the Workspace's life; a new analysis run
    forgets the briefs of the stories it changed.
    """

    def __init__(
        self,
        db_path: str | Path | None = None,
        *,
        embeddings: EmbeddingsChoice = "auto",
        jobs: int = 1,
        max_bytes: int = DEFAULT_MAX_BYTES,
        fetch_links: bool = False,
    ) -> None:
        self.store = Store(db_path if db_path is not None else default_db_path())
        ingest = IngestOptions(max_bytes=max_bytes, fetch_links=fetch_links)
        self.options = FlowOptions(ingest=ingest, jobs=jobs, embeddings=embeddings)
        self._briefs: dict[str, Brief] = {}

    @property
    def path(self) -> str:
        """Where the store is."""
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workspace({self.path!r})"

    # --- the main job ----------------------------------------------------------------

    def ingest(self, paths: Paths) -> IngestReport:
        """Read files, folders, globs or URLs into the store (no analysis). Bad inputs
        are listed in ``report.failures``; the others are stored."""
        return read_into(self.store, _as_list(paths), self.options.ingest)

    def analyze(self, paths: Paths | None = None) -> AnalyzeRun:
        """The main job on ``paths``: ingest, analyse, group into stories (extending the
        stored ones) and cross-check each story they touch. With no paths, every stored
        article not yet analysed or grouped is processed, and no briefs are made."""
        if paths is None:
            ids = [a.id for a in self._all_articles()]
            articles, analyses, stories = analyze_articles(self.store, ids, self.options)
            self._forget(stories)
            return AnalyzeRun(IngestReport(), articles, analyses, stories, [])
        run = analyze_paths(self.store, _as_list(paths), self.options)
        self._forget(run.stories)
        self._briefs.update((b.story.id, b) for b in run.briefs)
        return run

    # --- what is stored --------------------------------------------------------------

    def stories(self, limit: int | None = None) -> list[Story]:
        """Stored stories, most recent news first (all of them unless ``limit``)."""
        return self.store.list_stories(limit if limit is not None else self.store.count_stories())

    def story(self, story_id: str) -> Story:
        """One story by id or unique prefix (4 characters or more).

        Raises :class:`~newsprism.errors.NotFound` or :class:`~newsprism.errors.AmbiguousId`.
        """
        return find_story(self.store, story_id)

    def articles(self, story_id: str | None = None, **filters: Any) -> list[Article]:
        """A story's articles (in the order they joined it), or with no story the stored
        articles matching ``filters`` (the fields of :class:`~newsprism.store.ArticleQuery`:
        outlet, since, until, search, limit)."""
        if story_id is not None:
            return self.store.get_articles(self.story(story_id).articles)
        for bound in ("since", "until"):
            if filters.get(bound) is not None:
                filters[bound] = query_moment(filters[bound], bound)
        return self.store.list_articles(ArticleQuery(**filters))

    def article(self, article_id: str) -> Article:
        """One article by id or unique prefix; raises :class:`~newsprism.errors.NotFound`."""
        return find_article(self.store, article_id)

    def analysis(self, article_id: str) -> Analysis:
        """An article's quotes, quantities, dates and entities (computed if missing).

        Raises :class:`~newsprism.errors.NewsprismError` naming the step and the error
        when the article's analysis fails (it was a bare KeyError of the article id)."""
        from newsprism.analyze.batch import analyze_run

        article = self.article(article_id)
        run = analyze_run(self.store, [article.id])
        if article.id not in run.analyses:
            failed = next((str(f) for f in run.failures), f"{article.source}: no analysis")
            raise NewsprismError(f"article {article.id}: {failed}")
        return run.analyses[article.id]

    def brief(self, story_id: str) -> Brief:
        """The cross-checked brief of one story (computed once per Workspace)."""
        story = self.story(story_id)
        if story.id not in self._briefs:
            (made,) = brief_stories(self.store, [story], self.options.embeddings)
            self._briefs[story.id] = made
        return self._briefs[story.id]

    def export(
        self,
        table: str,
        fmt: str,
        out: str | Path,
        story_ids: Iterable[str] | None = None,
        raw_csv: bool = False,
    ) -> int:
        """Write one table (quotes, statements, facts, discrepancies, exclusives,
        timeline) of the briefs of ``story_ids`` (None: every story) as csv, jsonl or
        parquet to ``out``; returns the rows written. CSV cells a spreadsheet would run
        as formulas get a leading ``'`` unless ``raw_csv`` (see :mod:`newsprism.export`).
        ``out`` is replaced whole once every row is written, as the CLI's ``--out`` is:
        written in place, an export that failed half way left a cut file, the previous
        one lost."""
        from newsprism.export import briefs_rows, write_rows
        from newsprism.render.report import replacing

        keys = [s.id for s in self.stories()] if story_ids is None else list(story_ids)
        briefs = [self.brief(k) for k in keys]
        uncounted = self.store.uncounted_copies(b.story.id for b in briefs)
        rows = briefs_rows(briefs, table, uncounted)
        with replacing(Path(out)) as target:
            write_rows(rows, table, fmt, target, raw_csv=raw_csv)
        return len(rows)

    def _all_articles(self) -> list[Article]:
        return self.store.list_articles(ArticleQuery(limit=max(self.store.count_articles(), 1)))

    def _forget(self, stories: Iterable[Story]) -> None:
        for story in stories:
            self._briefs.pop(story.id, None)


def _as_list(paths: Paths) -> list[str | Path]:
    if isinstance(paths, str | Path):
        return [paths]
    return list(paths)
