"""``newsprism`` commands over the store's articles and stories: ``ingest``,
``articles``, ``article``, ``stories`` and ``story``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer

from newsprism.cli_base import (
    EXIT_FAILED_INPUTS,
    EXIT_USAGE,
    DbOption,
    FetchLinksOption,
    MaxBytesOption,
    OutletOption,
    PathsArgument,
    err,
    fail,
    found,
    named_outlet,
    open_store,
    out,
    progress_bar,
    read_store,
    refuse_memory_store,
    report_failures,
    report_warnings,
)
from newsprism.errors import NewsprismError
from newsprism.flow import plan
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import IngestReport, ingest
from newsprism.ingest.pipeline import DEFAULT_MAX_BYTES
from newsprism.lookup import find_article, find_story
from newsprism.model import Story
from newsprism.render import jsonout, terminal
from newsprism.render.bidi import BidiSafe
from newsprism.store import ArticleQuery, Store, query_moment
from newsprism.store_notes import empty_store_note

if TYPE_CHECKING:
    from newsprism.analyze.batch import AnalysisRun


def _run_ingest(store: Store, paths: list[str], options: IngestOptions) -> IngestReport:
    inputs = plan(paths)  # an empty folder becomes a failure: "no articles found in it"
    with progress_bar("reading") as progress:
        task = progress.add_task("inputs", total=len(inputs))
        return ingest(store, inputs, options, on_input_done=lambda _: progress.advance(task))


def ingest_command(
    paths: PathsArgument,
    db: DbOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    fetch_links: FetchLinksOption = False,
    outlet: OutletOption = None,
) -> None:
    """Read articles from files, folders, globs, URLs, feeds or WARCs into the store."""
    refuse_memory_store(db, "keeps what it reads in the store")
    with open_store(db) as store:
        report = _run_ingest(
            store,
            paths,
            IngestOptions(max_bytes=max_bytes, fetch_links=fetch_links, outlet=outlet),
        )
    report_warnings(report.warnings)
    report_failures(report.failures, "--max-bytes")
    out.print(BidiSafe(terminal.ingest_summary(report)))
    if not report.ok:
        raise typer.Exit(EXIT_FAILED_INPUTS)


def _parse_when(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return query_moment(value, option)
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)


def articles_command(
    db: DbOption = None,
    outlet: Annotated[
        str | None, typer.Option(help="Only this outlet.", callback=named_outlet)
    ] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (ISO date).")] = None,
    until: Annotated[str | None, typer.Option(help="Published before (ISO date).")] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-q", help="Words that must all occur.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List stored articles, newest first (or by relevance with --search)."""
    start, end = _parse_when(since, "--since"), _parse_when(until, "--until")
    if start is not None and end is not None and start >= end:  # "0 shown", as if none were
        fail(f"--since {since} is not before --until {until}: no article can match", EXIT_USAGE)
    query = ArticleQuery(outlet, start, end, search, limit)
    with read_store(db) as store:
        try:
            found = store.list_articles(query)
        except NewsprismError as exc:
            fail(str(exc))
    if as_json:
        out.print_json(jsonout.dumps([jsonout.article_to_dict(a) for a in found]))
    else:
        out.print(BidiSafe(terminal.articles_table(found, title=f"Articles ({len(found)} shown)")))


def article_command(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="An article id (or a unique prefix of one).")
    ],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of panels.")] = False,
) -> None:
    """Show one article: metadata, clean text, what cleaning removed, quotes, numbers, dates."""
    with read_store(db) as store:
        article = found(lambda: find_article(store, article_id))
        run = _analyses(store, [article.id])
    analysis = run.analyses.get(article.id)
    failures = [jsonout.failure_to_dict(f) for f in run.failures]
    if as_json:
        data = jsonout.report_dict([article], {article.id: analysis} if analysis else None)
        shown = {**data["articles"][0], **jsonout.article_to_dict(article, with_removed=True)}
        failure = {k: failures[0][k] for k in ("stage", "error")} if failures else None
        # ``analysis_failure``, as GET /api/articles/{id} names it; ``failure`` is the
        # older name, kept (same value) for scripts written against it.
        out.print_json(jsonout.dumps({**shown, "analysis_failure": failure, "failure": failure}))
    else:
        out.print(BidiSafe(terminal.article_panel(article, full=True, analysis=analysis)))
        if failures:
            out.print(BidiSafe(terminal.failures_table(failures)))


def _analyses(
    store: Store,
    article_ids: list[str],
    jobs: int = 1,
    on_done: Callable[[int], None] | None = None,
) -> AnalysisRun:
    """Analyses of these articles, under the record policy: an article whose analysis
    raises is a failure in the run (and in the store), and the others go on."""
    # Imported here: spaCy takes a second to import, and ingest or list need none of it.
    from newsprism.analyze.analyzer import AnalyzeOptions
    from newsprism.analyze.batch import analyze_run

    options = AnalyzeOptions(processes=jobs, errors="record")
    return analyze_run(store, article_ids, options, on_done)


def _outlets_by_story(store: Store, stories: list[Story]) -> dict[str, list[str]]:
    return store.outlets_by_story(s.id for s in stories)


def stories_command(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List stories: title, outlets, article count and time span, most recent first."""
    with read_store(db) as store:
        stories = store.list_stories(limit)
        outlets = _outlets_by_story(store, stories)
        ungrouped = 0 if stories else store.count_articles()
    if as_json:
        # The table's outlets too (a copy saved under another file name counted once):
        # the JSON held only article ids, so a script could not count a story's outlets.
        rows = [{**jsonout.story_to_dict(s), "outlets": outlets.get(s.id, [])} for s in stories]
        out.print_json(jsonout.dumps(rows))
    else:
        out.print(BidiSafe(terminal.stories_table(stories, outlets)))
    if not stories:
        err.print(empty_store_note(ungrouped, "cli"), markup=False, highlight=False, soft_wrap=True)


def story_command(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="A story id (or a unique prefix).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of panels.")] = False,
) -> None:
    """Show one story: its articles by outlet, with syndicated copies marked."""
    with read_store(db) as store:
        story = found(lambda: find_story(store, story_id))
        articles = store.get_articles(story.articles)
    if as_json:
        out.print_json(jsonout.dumps(jsonout.story_to_dict(story)))
    else:
        out.print(BidiSafe(terminal.story_panel(story, articles)))
